"""Chart builders: encodings, titles, and missing values that stay missing (never 0)."""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd
import pytest

from charts import bands_bar, base, counts_bar, shares_bar, stacked_bar, theme, trend_line

TEXT = {"title": "Most complaints were not upheld", "subtitle": "Stage 1, 2023-24"}
DESCRIPTION = "Bar chart of Stage 1 complaint outcomes in 2023-24."

OUTCOMES = [
    {"category": "Upheld", "count": 12},
    {"category": "Partly upheld", "count": 1234},
    {"category": "Not upheld", "count": 0},
    {"category": "Withdrawn", "count": None},
]


def spec_of(chart) -> dict:
    return chart.to_dict()


def layers(spec: dict) -> dict[str, dict]:
    """Layers by role: names (category text), bars, labels (value text), lines, points..."""
    out = {}
    for layer in spec["layer"]:
        # Altair moves data shared by every layer up to the top level.
        layer = {"data": spec.get("data"), **layer}
        mark = layer["mark"]["type"]
        enc = layer["encoding"]
        if mark == "text":
            field = enc["text"]["field"]
            role = {"row": "names", "label": "labels", "text": "ends"}[field]
            out[role if role not in out else f"{role}2"] = layer
        else:
            out[mark] = layer
    return out


def values(layer: dict) -> list[dict]:
    return layer["data"]["values"]


def walk_strings(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from walk_strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk_strings(v)
    elif isinstance(node, str):
        yield node


ALL_BUILDERS = {
    "counts_bar": (counts_bar, OUTCOMES),
    "shares_bar": (shares_bar, [{"category": "Upheld", "percent": "25.5"}]),
    "trend_line": (trend_line, [{"year": "2022-23", "value": 3}, {"year": "2023-24", "value": 4}]),
    "bands_bar": (bands_bar, [{"band": "1-10 days", "count": 3, "within_timescale": True}]),
    "stacked_bar": (stacked_bar, [{"service": "Care", "outcome": "Upheld", "count": 3}]),
}


@pytest.mark.parametrize("name", ALL_BUILDERS)
def test_title_over_15_words_is_refused(name: str) -> None:
    builder, data = ALL_BUILDERS[name]
    sixteen = " ".join(["word"] * 16)
    with pytest.raises(ValueError, match="16 words"):
        builder(data, title=sixteen, subtitle="s", description=DESCRIPTION)
    # Exactly 15 is fine.
    builder(data, title=" ".join(["word"] * 15), subtitle="s", description=DESCRIPTION)


@pytest.mark.parametrize("name", ALL_BUILDERS)
def test_subtitle_and_description_are_required(name: str) -> None:
    builder, data = ALL_BUILDERS[name]
    with pytest.raises(ValueError, match="description"):
        builder(data, **TEXT, description=" ")
    with pytest.raises(ValueError, match="subtitle"):
        builder(data, title="A title", subtitle="", description=DESCRIPTION)


@pytest.mark.parametrize("name", ALL_BUILDERS)
def test_spec_has_title_subtitle_description_and_only_theme_colours(name: str) -> None:
    builder, data = ALL_BUILDERS[name]
    spec = spec_of(builder(data, **TEXT, description=DESCRIPTION))
    assert spec["title"] == {"text": TEXT["title"], "subtitle": TEXT["subtitle"]}
    assert spec["description"] == DESCRIPTION
    assert spec["config"]["background"] == "transparent"
    # Any colour outside a var(--portal-...) token would be wrong in one of the schemes.
    for text in walk_strings(spec):
        bare = re.sub(r"var\(--portal-[a-z0-9-]+, #[0-9a-fA-F]{6}\)", "", text)
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(", bare), text


def test_counts_bar_encodings_and_direct_labels() -> None:
    spec = spec_of(counts_bar(OUTCOMES, **TEXT, description=DESCRIPTION))
    by_role = layers(spec)
    bars, labels, names = by_role["bar"], by_role["labels"], by_role["names"]
    assert bars["encoding"]["x"]["field"] == "value"
    assert bars["encoding"]["x"]["type"] == "quantitative"
    assert bars["encoding"]["y"]["field"] == "row"
    assert bars["encoding"]["y"]["type"] == "nominal"
    assert bars["mark"]["color"] == theme.SERIES[0].ref
    assert bars["encoding"]["y"]["scale"]["domain"] == [o["category"] for o in OUTCOMES]
    assert labels["encoding"]["x"]["field"] == "label_at"
    assert names["encoding"]["text"]["field"] == "row"
    rows = values(bars)
    assert [r["label"] for r in rows] == ["12", "1,234", "0", "not published"]
    # Not published stays None (no bar), and is not the same as a real 0.
    assert rows[3]["value"] is None
    assert rows[2]["value"] == 0


def test_counts_bar_accepts_a_dataframe_with_missing_values() -> None:
    frame = pd.DataFrame(OUTCOMES).astype({"count": "Int64"})
    spec = spec_of(counts_bar(frame, **TEXT, description=DESCRIPTION, order="descending"))
    rows = values(layers(spec)["bar"])
    assert [r["category"] for r in rows] == ["Partly upheld", "Upheld", "Not upheld", "Withdrawn"]
    assert rows[-1]["value"] is None


def test_dataframe_na_nat_and_nan_are_missing() -> None:
    frame = pd.DataFrame(
        {
            "category": ["A", "B", "C", "D"],
            "count": pd.array([1, pd.NA, 3, 4], dtype="Int64"),
            "when": [pd.Timestamp("2024-01-01"), pd.NaT, pd.NaT, pd.NaT],
            "share": [0.5, 0.25, float("nan"), 1.0],
        }
    )
    rows = base.rows(frame, ("category", "count", "when", "share"))
    assert [r["count"] for r in rows] == [1, None, 3, 4]
    assert [r["when"] for r in rows][1:] == [None, None, None]
    assert [r["share"] for r in rows] == [0.5, 0.25, None, 1.0]


def test_counts_bar_refuses_bad_counts_and_missing_columns() -> None:
    with pytest.raises(ValueError, match="whole number"):
        counts_bar([{"category": "A", "count": -1}], **TEXT, description=DESCRIPTION)
    with pytest.raises(ValueError, match="no count column"):
        counts_bar([{"category": "A"}], **TEXT, description=DESCRIPTION)
    with pytest.raises(ValueError, match="unique"):
        counts_bar(
            [{"category": "A", "count": 1}, {"category": "A", "count": 2}],
            **TEXT,
            description=DESCRIPTION,
        )


def test_shares_bar_labels_keep_printed_precision_and_percent_sign() -> None:
    data = [
        {"category": "Upheld", "percent": Decimal("25.5")},
        {"category": "Partly upheld", "percent": "30"},
        {"category": "Not upheld", "percent": 44.5},
        {"category": "Other", "percent": None},
    ]
    spec = spec_of(shares_bar(data, **TEXT, description=DESCRIPTION))
    bars = layers(spec)["bar"]
    assert [r["label"] for r in values(bars)] == ["25.5%", "30%", "44.5%", "not published"]
    assert [r["value"] for r in values(bars)] == [25.5, 30, 44.5, None]
    # The scale runs from 0 to 100: a share is never stretched to fill the width.
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 100]
    with pytest.raises(ValueError, match="between 0 and 100"):
        shares_bar([{"category": "A", "percent": 120}], **TEXT, description=DESCRIPTION)


TREND = [
    {"year": "2019-20", "series": "Stage 1", "value": 120},
    {"year": "2020-21", "series": "Stage 1", "value": None},
    {"year": "2021-22", "series": "Stage 1", "value": 140},
    {"year": "2019-20", "series": "Stage 2", "value": 20},
    {"year": "2021-22", "series": "Stage 2", "value": 25},
]


def test_trend_line_gaps_stay_gaps_never_zero() -> None:
    spec = spec_of(
        trend_line(TREND, years=["2019-20", "2020-21", "2021-22", "2022-23"], **TEXT,
                   description=DESCRIPTION)
    )  # fmt: skip
    line = layers(spec)["line"]
    rows = {(r["series"], r["year"]): r["value"] for r in values(line)}
    # A None value and a year with no row at all are both gaps (None), not 0.
    assert rows[("Stage 1", "2020-21")] is None
    assert rows[("Stage 2", "2020-21")] is None
    assert rows[("Stage 1", "2022-23")] is None
    assert 0 not in rows.values()
    # Lines break at a missing value instead of joining the points either side.
    assert line["mark"]["invalid"] == "break-paths-show-domains"
    assert layers(spec)["point"]["mark"]["invalid"] == "filter"


def test_trend_line_encodings_and_end_labels() -> None:
    spec = spec_of(trend_line(TREND, **TEXT, description=DESCRIPTION))
    by_role = layers(spec)
    line, points, ends = by_role["line"], by_role["point"], by_role["ends"]
    assert line["encoding"]["x"]["field"] == "year"
    assert line["encoding"]["x"]["type"] == "ordinal"
    assert line["encoding"]["x"]["scale"]["domain"] == ["2019-20", "2020-21", "2021-22"]
    assert line["encoding"]["y"]["field"] == "value"
    assert line["encoding"]["y"]["scale"]["domain"][0] == 0
    # One shared y axis with grid lines; no layer may switch it off (axis: null removes it).
    assert line["encoding"]["y"]["axis"]["grid"] is True
    assert all(layer["encoding"]["y"]["axis"] is not None for layer in by_role.values())
    # Series differ in colour, dash pattern and point shape.
    assert line["encoding"]["color"]["field"] == "series"
    assert line["encoding"]["strokeDash"]["field"] == "series"
    assert points["encoding"]["shape"]["field"] == "series"
    assert line["encoding"]["color"]["scale"]["range"] == [t.ref for t in theme.SERIES[:2]]
    assert sorted(e["text"] for e in values(ends)) == ["Stage 1: 140", "Stage 2: 25"]


def test_trend_line_end_label_names_an_earlier_year() -> None:
    data = [*TREND, {"year": "2022-23", "series": "Stage 1", "value": 150}]
    ends = values(layers(spec_of(trend_line(data, **TEXT, description=DESCRIPTION)))["ends"])
    assert {e["text"] for e in ends} == {"Stage 1: 150", "Stage 2: 25 (2021-22)"}
    # Labels sit in the margin after the last year, nudged apart when values are close.
    assert {e["year"] for e in ends} == {"2022-23"}


def test_trend_line_single_series_labels_every_point() -> None:
    data = [{"year": "2022-23", "value": 12.5}, {"year": "2023-24", "value": None}]
    spec = spec_of(trend_line(data, unit="percent", **TEXT, description=DESCRIPTION))
    by_role = layers(spec)
    assert [r["label"] for r in values(by_role["labels"])] == ["12.5%", "not published"]
    assert "ends" not in by_role or values(by_role["ends"]) == []


def test_trend_line_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="financial years"):
        trend_line([{"year": "2023", "value": 1}], **TEXT, description=DESCRIPTION)
    with pytest.raises(ValueError, match="not on the axis"):
        trend_line(TREND, years=["2019-20"], **TEXT, description=DESCRIPTION)
    with pytest.raises(ValueError, match="two values"):
        trend_line(TREND + TREND[:1], **TEXT, description=DESCRIPTION)
    seven = [{"year": "2023-24", "series": str(i), "value": i} for i in range(7)]
    with pytest.raises(ValueError, match="too many"):
        trend_line(seven, **TEXT, description=DESCRIPTION)


BANDS = [
    {"band": "1 to 10 working days", "count": 40, "within_timescale": True},
    {"band": "11 to 20 working days", "count": 25, "within_timescale": True},
    {"band": "21 to 65 working days", "count": None, "within_timescale": False},
    {"band": "Withdrawn", "count": 5, "within_timescale": None},
]


def test_bands_bar_marks_timescale_by_pattern_and_words_not_colour_alone() -> None:
    spec = spec_of(bands_bar(BANDS, **TEXT, description=DESCRIPTION))
    bars = layers(spec)["bar"]
    enc = bars["encoding"]
    assert enc["y"]["scale"]["domain"] == [b["band"] for b in BANDS]  # bands keep their order
    for channel in ("fill", "stroke", "strokeDash"):
        assert enc[channel]["field"] == "timescale"
    statuses = enc["fill"]["scale"]["domain"]
    assert statuses == [
        "Within the statutory timescale",
        "Outside the statutory timescale",
        "No timescale applies",
    ]
    # Solid bars within the timescale, outlines otherwise; dashed outside it.
    assert enc["fill"]["scale"]["range"][0] == theme.SERIES[0].ref
    assert enc["fill"]["scale"]["range"][1:] == ["transparent", "transparent"]
    assert enc["strokeDash"]["scale"]["range"][1] != enc["strokeDash"]["scale"]["range"][0]
    # The legend spells out the statuses in words.
    assert enc["fill"]["legend"]["title"] is None
    rows = values(bars)
    assert [r["label"] for r in rows] == ["40", "25", "not published", "5"]
    assert rows[2]["value"] is None


STACKED = [
    {"service": "Children in care", "outcome": "Upheld", "count": 10},
    {"service": "Children in care", "outcome": "Not upheld", "count": 30},
    {"service": "Disabled children", "outcome": "Upheld", "count": 1},
    {"service": "Disabled children", "outcome": "Not upheld", "count": None},
]


def test_stacked_bar_segments_separators_and_labels() -> None:
    spec = spec_of(stacked_bar(STACKED, **TEXT, description=DESCRIPTION))
    by_role = layers(spec)
    bars, counts, totals = by_role["bar"], by_role["labels"], by_role["labels2"]
    assert bars["encoding"]["x"]["field"] == "start"
    assert bars["encoding"]["x2"]["field"] == "end"
    assert bars["encoding"]["color"]["field"] == "outcome"
    assert bars["encoding"]["color"]["scale"]["domain"] == ["Upheld", "Not upheld"]
    # Separators: every segment is outlined in the page background colour.
    assert bars["mark"]["stroke"] == theme.SEPARATOR.ref
    assert bars["mark"]["strokeWidth"] >= 1.5
    segments = values(bars)
    assert [(s["start"], s["end"]) for s in segments] == [(0, 10), (10, 40), (0, 1)]
    # Label text colour is chosen per segment colour (white or near-black).
    assert {c["label_colour"] for c in values(counts)} <= {t.ref for t in theme.ON_SERIES}
    # The too-narrow segment (1 of 40) gets no label; the table has it.
    assert [c["label"] for c in values(counts)] == ["10", "30"]
    assert [t["label"] for t in values(totals)] == ["40", "1 (not all published)"]


def test_stacked_bar_refuses_too_many_outcomes_and_duplicates() -> None:
    seven = [{"service": "A", "outcome": str(i), "count": 1} for i in range(7)]
    with pytest.raises(ValueError, match="too many"):
        stacked_bar(seven, **TEXT, description=DESCRIPTION)
    twice = [{"service": "A", "outcome": "B", "count": 1}] * 2
    with pytest.raises(ValueError, match="two counts"):
        stacked_bar(twice, **TEXT, description=DESCRIPTION)
