"""The current build: its data, chart renderer and memo, set up by the hooks, read by macros.

A warm rebuild answers from the memo (portal.site.memo) and never loads the data; otherwise
the data is loaded and validated as the build starts, so a data problem stops it before any
page is written.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from portal.render.renderer import ChartRenderer
from portal.render.workers import worker_count
from portal.site.deferred import Deferred
from portal.site.memo import Memo, code_dirs, fingerprint, settings

if TYPE_CHECKING:
    from portal.dataset import Dataset

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]

_config_file: Path | None = None
_current: Dataset | None = None
_memo: Memo | None = None
_renderer: ChartRenderer | None = None
_deferred = Deferred()


def preview() -> bool:
    """Preview builds (pull requests, `make serve`) also show draft years."""
    return os.environ.get("PORTAL_PREVIEW", "") not in ("", "0", "false")


def data_dir(config_file: str | os.PathLike[str]) -> Path:
    override = os.environ.get("PORTAL_DATA")
    return Path(override) if override else Path(config_file).parent / "data"


def start(config_file: str | os.PathLike[str]) -> None:
    """Set up a build. Raises portal.problems.DataError if the data is not valid."""
    global _config_file, _current, _memo, _renderer, _deferred
    close()
    _config_file, _current, _deferred = Path(config_file), None, Deferred()
    root = cache_root(config_file)
    key = fingerprint(data_dir(config_file), code_dirs(ROOT), settings(preview()))
    _memo = Memo(root / "memo.json", key)
    # Charts are cached on their inputs, so a rebuild with unchanged data draws nothing.
    _renderer = ChartRenderer(root / "charts", workers=worker_count())
    if _memo.warm and not _renderer.cached(_memo.values.get("build:charts", [])):
        _memo.forget()  # its pages name charts no longer in the cache
    if not _renderer.cached_any():
        # An empty cache: every chart will be drawn, so start the workers' engines now,
        # while the data is validated and the pages rendered, rather than at the first chart.
        _renderer.start()
    if not _memo.warm:
        dataset()


def finish() -> None:
    """After a successful build: remember it, stop the workers, drop charts no page used."""
    memo().values["build:charts"] = sorted(renderer().used)
    memo().save()
    renderer().close()


def close() -> None:
    """Stop any chart workers (a failed build, or a rebuild in `mkdocs serve`)."""
    if _renderer is not None:
        _renderer.close(cancel=True)


def remembered(name: str, compute: Callable[[Dataset], T]) -> T:
    """compute(dataset), or its value from an earlier build of the same inputs."""
    return memo().get(name, lambda: compute(dataset()))


def dataset() -> Dataset:
    global _current
    if _current is None:
        if _config_file is None:
            raise RuntimeError("the build is set up by the on_config hook before any page")
        from portal.load import load_dataset  # the models load only when the memo is cold

        _current = load_dataset(data_dir(_config_file), include_drafts=preview())
    return _current


def cache_root(config_file: str | os.PathLike[str]) -> Path:
    """Where this kind of build keeps its memo and charts.

    One cache per data folder, so building a test fixture never evicts the real site's charts;
    and within it one for preview builds and one for public ones: they name different charts,
    so sharing one made each prune the other's (every chart redrawn when they alternate, and
    a build running at the same time lost charts it was about to read).
    """
    override = os.environ.get("PORTAL_CACHE")
    if override:
        base = Path(override)
    else:
        data = data_dir(config_file).resolve()
        key = hashlib.sha256(str(data).encode()).hexdigest()[:12]
        base = Path(config_file).parent / ".cache" / key
    return base / ("preview" if preview() else "public")


def memo() -> Memo:
    if _memo is None:
        raise RuntimeError("the build is set up by the on_config hook before any page")
    return _memo


def renderer() -> ChartRenderer:
    if _renderer is None:
        raise RuntimeError("the chart renderer is set up by the on_config hook")
    return _renderer


def deferred() -> Deferred:
    """Where the macros' finished HTML waits while Markdown converts the page."""
    return _deferred
