"""Charts in a build: placeholders while pages render, drawn by worker processes meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.render.renderer import PLACEHOLDER, ChartError, ChartRenderer

COUNTS = [{"category": "Upheld", "count": 14}, {"category": "Not upheld", "count": 51}]
PARAMS = {
    "title": "Most complaints were not upheld",
    "subtitle": "Stage 1 complaints, 2023-24",
    "description": "Bar chart: 14 upheld, 51 not upheld.",
}
BUILDER = "charts.bars.counts_bar"


def test_a_request_is_a_placeholder_until_filled(tmp_path: Path) -> None:
    renderer = ChartRenderer(tmp_path)
    marker = renderer.request(BUILDER, COUNTS, slug="outcomes", **PARAMS)
    assert PLACEHOLDER.fullmatch(marker)
    assert renderer.request(BUILDER, COUNTS, slug="outcomes", **PARAMS) == marker
    page = f"<p>before</p>{marker}<p>after</p>"
    filled = renderer.fill(page)
    assert filled.startswith("<p>before</p><svg") and filled.endswith("</svg><p>after</p>")
    assert 'id="chart-outcomes"' in filled
    assert (renderer.counts.renders, renderer.counts.hits) == (1, 0)  # asked twice, drawn once


def test_workers_draw_what_this_process_would(tmp_path: Path) -> None:
    here = ChartRenderer(None).render(BUILDER, COUNTS, slug="outcomes", **PARAMS)
    pooled = ChartRenderer(tmp_path / "cache", workers=1)
    try:
        marker = pooled.request(BUILDER, COUNTS, slug="outcomes", **PARAMS)
        assert pooled.fill(marker) == here
    finally:
        pooled.close()
    # The worker kept it: a later build takes it from the cache without drawing.
    (svg,) = (tmp_path / "cache").glob("*.svg")
    assert svg.read_text(encoding="utf-8") == here
    warm = ChartRenderer(tmp_path / "cache", workers=1)
    assert warm.render(BUILDER, COUNTS, slug="outcomes", **PARAMS) == here
    assert (warm.counts.renders, warm.counts.hits, warm._pool) == (0, 1, None)


def test_a_chart_that_fails_in_a_worker_is_named(tmp_path: Path) -> None:
    pooled = ChartRenderer(tmp_path, workers=1)
    try:
        marker = pooled.request(BUILDER, [], slug="empty-chart", **PARAMS)
        with pytest.raises(ChartError, match=r"'empty-chart'.*at least one row"):
            pooled.fill(marker)
    finally:
        pooled.close()
    assert not list(tmp_path.glob("*.svg"))


@pytest.mark.parametrize(("cores", "workers"), [(None, 1), (1, 1), (2, 1), (4, 3), (16, 4)])
def test_the_workers_leave_a_core_to_the_pages(monkeypatch, cores, workers: int) -> None:
    from portal.render import workers as module

    monkeypatch.setattr(module.os, "cpu_count", lambda: cores)
    assert module.worker_count() == workers
