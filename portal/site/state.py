"""The dataset of the current build, loaded once by the hooks and read by the macros."""

from __future__ import annotations

import os
from pathlib import Path

from portal.dataset import Dataset
from portal.load import load_dataset

_current: Dataset | None = None


def preview() -> bool:
    """Preview builds (pull requests, `make serve`) also show draft years."""
    return os.environ.get("PORTAL_PREVIEW", "") not in ("", "0", "false")


def data_dir(config_file: str | os.PathLike[str]) -> Path:
    override = os.environ.get("PORTAL_DATA")
    return Path(override) if override else Path(config_file).parent / "data"


def load(config_file: str | os.PathLike[str]) -> Dataset:
    global _current
    _current = load_dataset(data_dir(config_file), include_drafts=preview())
    return _current


def current() -> Dataset:
    if _current is None:
        raise RuntimeError("the dataset is loaded by the on_config hook before any page renders")
    return _current
