"""The dataset of the current build, loaded once by the hooks and read by the macros."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from portal.dataset import Dataset
from portal.load import load_dataset
from portal.render.svg import ChartRenderer

_current: Dataset | None = None
_renderer: ChartRenderer | None = None


def preview() -> bool:
    """Preview builds (pull requests, `make serve`) also show draft years."""
    return os.environ.get("PORTAL_PREVIEW", "") not in ("", "0", "false")


def data_dir(config_file: str | os.PathLike[str]) -> Path:
    override = os.environ.get("PORTAL_DATA")
    return Path(override) if override else Path(config_file).parent / "data"


def load(config_file: str | os.PathLike[str]) -> Dataset:
    global _current, _renderer
    _current = load_dataset(data_dir(config_file), include_drafts=preview())
    # Charts are cached on their inputs, so a rebuild with unchanged data renders nothing.
    _renderer = ChartRenderer(_cache_dir(config_file))
    return _current


def _cache_dir(config_file: str | os.PathLike[str]) -> Path:
    override = os.environ.get("PORTAL_CACHE")
    if override:
        return Path(override)
    # One cache per data folder, so building a test fixture never evicts the real site's charts.
    data = data_dir(config_file).resolve()
    key = hashlib.sha256(str(data).encode()).hexdigest()[:12]
    return Path(config_file).parent / ".cache" / "charts" / key


def renderer() -> ChartRenderer:
    if _renderer is None:
        raise RuntimeError("the chart renderer is set up by the on_config hook")
    return _renderer


def current() -> Dataset:
    if _current is None:
        raise RuntimeError("the dataset is loaded by the on_config hook before any page renders")
    return _current
