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

    _die_with_parent()
    importlib.import_module("charts")
    svg.start_engine()


def _die_with_parent() -> None:
    """A worker never outlives the build: a killed `mkdocs build` (SIGKILL runs no clean-up)
    used to leave each worker running, about 150 MB apiece. Ctrl-C is the main process's to
    handle (it stops the workers); a worker that got it too would print its own traceback."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        # The kernel kills this process as soon as its parent ends (prctl(2), PR_SET_PDEATHSIG).
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)
    # Everywhere (and for a parent that is a fork server): notice within a second.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


PR_SET_PDEATHSIG = 1
PARENT_POLL_SECONDS = 1.0


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


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
