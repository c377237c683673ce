"""Chart SVG: one named image, no per-mark aria, theme-able colours, no external references,
and a cache on the inputs that skips Altair and vl-convert on a hit."""

from __future__ import annotations

import os
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from charts import counts_bar, stacked_bar, trend_line
from portal.render import svg as svg_module
from portal.render.cache import cache_key
from portal.render.renderer import ChartRenderer
from portal.render.svg import accessible_svg

NS = {"svg": "http://www.w3.org/2000/svg"}
COUNTS = [
    {"category": "Upheld", "count": 14},
    {"category": "Not upheld {{ 7*7 }} <b>", "count": 51},
    {"category": "Withdrawn", "count": None},
]
PARAMS = {
    "title": "Most complaints were not upheld",
    "subtitle": "Stage 1 complaints, 2023-24",
    "description": "Bar chart: 14 upheld, 51 not upheld; withdrawn not published.",
}


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    """A few renders shared by the tests (the engine starts once, ~1 s)."""
    renderer = ChartRenderer(None)
    trend = [
        {"year": "2020-21", "series": "Stage 1", "value": 10},
        {"year": "2021-22", "series": "Stage 1", "value": None},
        {"year": "2022-23", "series": "Stage 1", "value": 12},
        {"year": "2023-24", "series": "Stage 1", "value": 15},
        {"year": "2020-21", "series": "Stage 2", "value": 3},
    ]
    stacked = [
        {"service": "Care", "outcome": "Upheld", "count": 10},
        {"service": "Care", "outcome": "Not upheld", "count": 30},
    ]
    return {
        "counts": renderer.render(counts_bar, COUNTS, slug="outcomes-2023-24", **PARAMS),
        "trend": renderer.render(trend_line, trend, slug="trend", **PARAMS),
        "stacked": renderer.render(stacked_bar, stacked, slug="by-service", **PARAMS),
    }


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


@pytest.mark.parametrize("name", ["counts", "trend", "stacked"])
def test_root_is_one_named_image(rendered, name: str) -> None:
    root = parse(rendered[name])
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    # aria-labelledby resolves to the inserted <title> and <desc>, first children of the root.
    assert [by_id[i].tag.split("}")[1] for i in ids] == ["title", "desc"]
    assert root[0].tag.endswith("title") and root[1].tag.endswith("desc")
    assert root[0].text == "Most complaints were not upheld. Stage 1 complaints, 2023-24"
    assert root[1].text == PARAMS["description"]
    assert len(by_id) == len([el for el in root.iter() if el.get("id")])  # no duplicates


@pytest.mark.parametrize("name", ["counts", "trend", "stacked"])
def test_no_inner_roles_or_aria_labels(rendered, name: str) -> None:
    root = parse(rendered[name])
    for element in root.iter():
        if element is root:
            continue
        assert "role" not in element.attrib
        assert not [a for a in element.attrib if a.startswith("aria-")], element.attrib


@pytest.mark.parametrize("name", ["counts", "trend", "stacked"])
def test_colours_are_theme_classes_and_nothing_is_fetched(rendered, name: str) -> None:
    svg = rendered[name]
    root = parse(svg)
    for element in root.iter():
        for attr in ("fill", "stroke"):
            value = element.get(attr)
            if value not in (None, "none", "transparent"):
                assert f"pc-{attr}-" in element.get("class", ""), (attr, value)
    assert "var(" not in svg  # the fallbacks became plain attributes, classes do the theming
    for reference in ("href", "url(", "@import", "@font-face", "<image", "<foreignObject"):
        assert reference not in svg
    assert re.search(r"font-family=\"system-ui", svg)


@pytest.mark.parametrize(
    "url", ["https://example.com/a.csv", "/etc/hostname", "file:///etc/hostname", "data/a.csv"]
)
def test_a_chart_never_loads_data_from_a_url_or_file(url: str) -> None:
    spec = {
        "data": {"url": url, "format": {"type": "csv"}},
        "mark": "point",
        "encoding": {"x": {"field": "a", "type": "nominal"}},
        "description": "Points.",
        "title": "A chart",
    }
    with pytest.raises(Exception, match=r"(?i)denied|not allowed|unsupported"):
        svg_module.draw_spec(spec, slug="fetch")


def test_responsive_sizing_and_unique_ids(rendered) -> None:
    root = parse(rendered["counts"])
    assert "height" not in root.attrib
    assert root.get("viewBox").startswith("0 0 ")
    natural = float(root.get("viewBox").split()[2])
    assert int(root.get("width")) == round(natural * svg_module.DISPLAY_SCALE)
    assert root.get("id") == "chart-outcomes-2023-24"
    ids = {el.get("id") for el in parse(rendered["trend"]).iter() if el.get("id")}
    assert ids.isdisjoint({el.get("id") for el in root.iter() if el.get("id")})


def test_title_is_not_drawn_twice(rendered) -> None:
    # The figure's caption shows the title; the SVG names itself with it but does not draw it.
    texts = [t.text for t in parse(rendered["counts"]).iter("{http://www.w3.org/2000/svg}text")]
    assert PARAMS["title"] not in texts
    assert "not published" in texts
    assert "Not upheld {{ 7*7 }} <b>" in texts  # a label is text, whatever it contains
    assert "{{" not in rendered["counts"]  # ...and Jinja never sees braces


def test_gap_in_a_trend_is_a_break_in_the_line(rendered) -> None:
    paths = [
        p.get("d")
        for p in parse(rendered["trend"]).iter("{http://www.w3.org/2000/svg}path")
        if "pc-stroke-chart-1" in p.get("class", "") and p.get("fill") in (None, "none")
    ]
    assert paths, "no line path for Stage 1"
    # 2020-21, (gap), 2022-23, 2023-24: an isolated point, then a new sub-path ("M").
    assert paths[0].count("M") == 2


def test_cache_hit_skips_building_and_drawing(tmp_path: Path, monkeypatch) -> None:
    calls = []

    def builder(data, **params):
        calls.append(1)
        return counts_bar(data, **params)

    drawn = []
    real = svg_module.draw_spec
    monkeypatch.setattr(svg_module, "draw_spec", lambda *a, **k: drawn.append(1) or real(*a, **k))
    first = ChartRenderer(tmp_path)
    svg = first.render(builder, COUNTS, slug="cached", **PARAMS)
    assert (first.counts.renders, first.counts.hits) == (1, 0)

    # A new renderer (a warm rebuild in a new process) finds it on disk.
    warm = ChartRenderer(tmp_path)
    assert warm.render(builder, COUNTS, slug="cached", **PARAMS) == svg
    assert (warm.counts.renders, warm.counts.hits) == (0, 1)
    assert (calls, drawn) == ([1], [1])
    assert len(list(tmp_path.glob("*.svg"))) == 1
    (spec,) = tmp_path.glob("*.vl.json")  # the spec beside it, for benchmarks
    assert "/vega-lite/" in spec.read_text()
    assert not list(tmp_path.glob(".tmp-*"))


def test_prune_removes_only_entries_this_build_did_not_use(tmp_path: Path) -> None:
    old = ChartRenderer(tmp_path)
    old.render(counts_bar, COUNTS, slug="old", **PARAMS)
    new = ChartRenderer(tmp_path)
    new.render(counts_bar, COUNTS, slug="new", **PARAMS)
    assert len(list(tmp_path.iterdir())) == 4
    for file in tmp_path.iterdir():  # drawn by earlier builds, long finished
        os.utime(file, (time.time() - 3600,) * 2)
    assert new.prune() == 2
    assert ChartRenderer(tmp_path).render(counts_bar, COUNTS, slug="new", **PARAMS)
    assert len(list(tmp_path.iterdir())) == 2


def test_cache_key_covers_builder_data_parameters_and_slug() -> None:
    base = cache_key(counts_bar, COUNTS, "s", PARAMS)
    assert base == cache_key(counts_bar, [dict(r) for r in COUNTS], "s", dict(PARAMS))
    changed_data = [*COUNTS[:2], {"category": "Withdrawn", "count": 0}]  # None is not 0
    assert cache_key(counts_bar, changed_data, "s", PARAMS) != base
    assert cache_key(counts_bar, COUNTS, "t", PARAMS) != base
    assert cache_key(counts_bar, COUNTS, "s", {**PARAMS, "title": "Other"}) != base
    assert cache_key(trend_line, COUNTS, "s", PARAMS) != base


def test_cache_key_is_the_same_for_equal_dataframes() -> None:
    import pandas as pd

    frame = pd.DataFrame(COUNTS)
    assert cache_key(counts_bar, frame, "s", PARAMS) == cache_key(
        counts_bar, pd.DataFrame(COUNTS), "s", PARAMS
    )
    assert cache_key(counts_bar, frame, "s", PARAMS) != cache_key(
        counts_bar, frame.assign(count=[14, 52, None]), "s", PARAMS
    )


def test_bare_colours_and_missing_text_alternatives_are_refused() -> None:
    raw = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">'
        '<rect fill="#ff0000"/></svg>'
    )
    with pytest.raises(ValueError, match="not a theme token"):
        accessible_svg(raw, slug="x", title="t", description="d")
    with pytest.raises(ValueError, match="description"):
        accessible_svg(raw.replace("#ff0000", "none"), slug="x", title="t", description="")
