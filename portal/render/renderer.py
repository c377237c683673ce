"""Charts for one build: a placeholder in the page now, the SVG when the page is written.

Pages ask for charts while mkdocs-macros renders them. The SVG is pasted in only after the
page has been through Markdown and the search indexer (hooks.on_post_page): neither parses
thousands of SVG nodes, and search finds a figure's table rather than its axis labels.
Charts missing from the cache (portal.render.cache) are drawn meanwhile by worker processes
(portal.render.workers); with workers=0 they are drawn at once, in this process.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from portal.render import cache
from portal.render.text import check_slug

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

PLACEHOLDER = re.compile(r"<!--portal-chart:([0-9a-f]{64})-->")
# prune() leaves alone any chart used (or drawn) this recently: another build of the same
# kind, running at the same time, may be about to read it.
PRUNE_GRACE_SECONDS = 15 * 60


class ChartError(Exception):
    """A chart could not be drawn; the message names the chart."""


@dataclass
class RenderCounts:
    """How many charts were drawn (Altair + vl-convert) and how many came from the cache."""

    renders: int = 0
    hits: int = 0

    def summary(self) -> str:
        return f"charts: {self.renders} rendered, {self.hits} from the cache"


def placeholder(key: str) -> str:
    return f"<!--portal-chart:{key}-->"


class ChartRenderer:
    """Charts by their inputs, from the cache in cache_dir (None: no cache) or drawn anew."""

    def __init__(self, cache_dir: str | os.PathLike[str] | None, *, workers: int = 0) -> None:
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.workers = workers
        self.counts = RenderCounts()
        self._used: set[str] = set()
        # key -> the SVG, the cache file holding it, or the worker drawing it
        self._charts: dict[str, str | Path | Future[str]] = {}
        self._slugs: dict[str, str] = {}
        self._pool: ProcessPoolExecutor | None = None

    def request(
        self, builder: Callable[..., Any] | str, data: Any, *, slug: str, **params: Any
    ) -> str:
        """A placeholder for `builder(data, **params)` as accessible SVG (ids from slug); fill()
        swaps it for the SVG.

        builder may be a dotted name ("charts.bars.counts_bar"): it is imported only where a
        chart is drawn, so a build whose charts are all cached never loads Altair.
        """
        check_slug(slug)
        key = cache.cache_key(builder, data, slug, params)
        self._used.add(key)
        if key not in self._charts:
            self._slugs[key] = slug
            self._charts[key] = self._find_or_draw(key, builder, data, slug, params)
        return placeholder(key)

    def fill(self, html: str) -> str:
        """html with every chart placeholder replaced by its SVG (waiting for workers)."""
        return PLACEHOLDER.sub(lambda match: self.svg(match.group(1)), html)

    def render(
        self, builder: Callable[..., Any] | str, data: Any, *, slug: str, **params: Any
    ) -> str:
        """The chart's SVG now."""
        return self.fill(self.request(builder, data, slug=slug, **params))

    def ready(self, html: str) -> bool:
        """True if every chart html names can be filled in without waiting for a worker."""
        for key in PLACEHOLDER.findall(html):
            chart = self._charts.get(key)
            if isinstance(chart, Future) and not chart.done():
                return False
        return True

    def svg(self, key: str) -> str:
        if key not in self._charts:
            # Named by a page an earlier build rendered (portal.site.memo): only the cache has it.
            self._charts[key] = self._cached(key)
            self._used.add(key)
            self.counts.hits += 1
        chart = self._charts[key]
        if isinstance(chart, Path):
            try:
                return chart.read_text(encoding="utf-8")
            except OSError as exc:
                raise ChartError(
                    f"chart {self._slugs.get(key, key)!r} went from the cache during the build "
                    f"({exc.strerror}); build again"
                ) from None
        if isinstance(chart, Future):
            try:
                chart = chart.result()
            except Exception as exc:
                raise ChartError(f"chart {self._slugs[key]!r} could not be drawn: {exc}") from exc
            self._charts[key] = chart
        return chart

    @property
    def used(self) -> set[str]:
        return set(self._used)

    def cached(self, keys: list[str]) -> bool:
        """True if the cache holds every one of these charts (each marked as just used)."""
        return self.cache_dir is not None and all(_touch(self._path(k)) for k in keys)

    def cached_any(self) -> bool:
        return self.cache_dir is not None and any(self.cache_dir.glob("*.svg"))

    def _path(self, key: str) -> Path:
        assert self.cache_dir is not None
        return self.cache_dir / f"{key}.svg"

    def _cached(self, key: str) -> Path:
        if self.cache_dir is None or not self._path(key).is_file():
            raise ChartError(f"chart {key} is in no cache; build again with .cache removed")
        return self._path(key)

    def start(self) -> None:
        """Start the workers now (a build that expects to draw), not at the first miss."""
        if self.workers and self._pool is None:
            from portal.render.workers import start_pool

            self._pool = start_pool(self.workers)

    def close(self, *, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None

    def prune(self) -> int:
        """Delete cached charts this renderer did not use (call after a full build); returns
        how many files went. Without it, every data or code change leaves old entries behind."""
        if self.cache_dir is None or not self.cache_dir.is_dir():
            return 0
        removed = 0
        recent = time.time() - PRUNE_GRACE_SECONDS
        for file in self.cache_dir.iterdir():
            key = file.name.split(".", 1)[0]
            if key in self._used or file.suffix not in (".svg", ".json", ".part"):
                continue
            try:
                # A chart's files go with its SVG, which every build that uses it touches.
                svg = self._path(key) if file.suffix == ".json" else file  # .part: its own
                if svg.stat().st_mtime > recent:
                    continue
            except FileNotFoundError:
                pass  # an SVG already gone: its spec goes too
            file.unlink(missing_ok=True)
            removed += 1
        return removed

    def _find_or_draw(
        self,
        key: str,
        builder: Callable[..., Any] | str,
        data: Any,
        slug: str,
        params: dict[str, Any],
    ) -> str | Path | Future[str]:
        path = self._path(key) if self.cache_dir is not None else None
        if path is not None and _touch(path):
            self.counts.hits += 1
            return path
        self.counts.renders += 1
        from portal.render.workers import draw_to_cache

        # Only a named builder can be sent to a worker (tests pass plain functions).
        if self.workers and isinstance(builder, str):
            self.start()
            assert self._pool is not None
            return self._pool.submit(draw_to_cache, builder, data, slug, params, path)
        return draw_to_cache(builder, data, slug, params, path)


def _touch(path: Path) -> bool:
    """Mark a cached chart as used now (so no other build prunes it); False if it is absent."""
    try:
        os.utime(path)
    except OSError:
        return False
    return path.is_file()
