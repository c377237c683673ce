"""Worker processes that draw charts while the build goes on with the pages.

Processes, not threads: importing Altair and building the specs are Python work that would
hold the main process's GIL while it renders pages. Each worker imports the chart builders
and starts its vl-convert engine as soon as it is forked, while the main process is still
validating the data.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from portal.render import cache, svg

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

MAX_WORKERS = 4


def worker_count() -> int:
    """One worker a core, less the core the main process needs for the pages.

    On two cores, two workers made a cold build slower (2.7 s against 2.4 s, median of 7,
    benchmarks/README.md): each starts its own Altair and engine, and all three processes
    then share two cores while the pages are rendered.
    """
    return max(1, min(MAX_WORKERS, (os.cpu_count() or 1) - 1))


def start_pool(workers: int) -> ProcessPoolExecutor:
    """Fork the workers now and let them get ready; returns at once."""
    # Imported here: a build whose charts are all cached never starts a process.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(_start_method())
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_get_ready)
    pool.submit(os.getpid)  # with fork, the first task forks every worker
    return pool


def _start_method() -> str:
    """fork where it is safe: a child then starts in milliseconds with the modules loaded.

    Not once this process has started vl-convert (its engine's threads are not copied, so a
    forked child would wait for them forever), nor while other threads run (`mkdocs serve`):
    then a fork server's clean children. A build never draws in its main process, so
    `mkdocs build` forks.
    """
    import threading

    if "vl_convert" in sys.modules or threading.active_count() > 1:
        return "forkserver"
    return "fork"


def _get_ready() -> None:
    import importlib

    importlib.import_module("charts")
    svg.start_engine()


def draw_to_cache(
    builder: Callable[..., Any] | str,
    data: Any,
    slug: str,
    params: dict[str, Any],
    path: Path | None,
) -> str:
    """Build and draw one chart (in a worker, or here); keep it in the cache; return its SVG."""
    spec, drawn = svg.build_and_draw(builder, data, slug=slug, params=params)
    if path is not None:
        cache.store(path, drawn, spec)
    return drawn
