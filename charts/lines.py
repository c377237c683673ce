"""Trends over financial years: one or more series, with gaps where a year was not published."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, Literal

import altair as alt

from charts import base, theme

WIDTH = 296  # with the axis and padding, about 345 px (see charts/bars.py)
HEIGHT = 220
YEAR = re.compile(r"^\d{4}-\d{2}$")
# Series are told apart by dash pattern and point shape as well as colour.
DASHES = ([1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3])
SHAPES = ("circle", "square", "triangle-up", "diamond", "triangle-down", "cross")


def trend_line(
    data: base.Data,
    *,
    title: str,
    subtitle: str,
    description: str,
    years: Sequence[str] | None = None,
    unit: Literal["count", "percent"] = "count",
    breaks: Sequence[str] = (),
    width: int = WIDTH,
    height: int = HEIGHT,
) -> alt.LayerChart:
    """One or more series over financial years, with points and a direct label at each line's end.

    data: rows with `year` (financial year, "2019-20"), `value` (number; None when not
    published) and optionally `series` (str; leave it out for a single series).
    years: every year the axis shows, in order (default: the years in the data, sorted). A year
    with no row, or a None value, is a gap in the line; it is never drawn as 0.
    unit: "percent" adds % to labels.
    breaks: years in which the figure starts to mean something different: the line stops
    before each and a dashed rule marks it, so no change is drawn across it.
    """
    base.check_text(title, subtitle, description)
    records = base.rows(data, ("year", "value"), ("series",))
    names = base.unique(str(r["series"] or "") for r in records)
    if len(names) > len(theme.SERIES):
        raise ValueError(f"{len(names)} series is too many to tell apart; at most 6")
    axis_years = _years(records, years)
    values = _complete(records, names, axis_years)
    present = [v["value"] for v in values if v["value"] is not None]
    top = _nice(max(present, default=0), unit)
    single = names == [""]
    for v in values:
        # A new line segment starts at each break, so the path never joins across one.
        v["segment"] = sum(
            1
            for b in breaks
            if b in axis_years and axis_years.index(b) <= axis_years.index(v["year"])
        )
        v["label"] = _format(v["value"], unit)
        v["series_label"] = v["label"] if single else f"{v['series']}: {v['label']}"

    ends = _end_labels(values, names, axis_years, top, height)
    width = _plot_width(width, ends)
    x = alt.X(
        field="year",
        type="ordinal",
        sort=axis_years,
        scale=alt.Scale(domain=axis_years, paddingOuter=0.3),
        # Every year is labelled (the latest above all): slanted when they would not fit flat.
        axis=alt.Axis(
            title=None,
            labelAngle=0 if len(axis_years) * 48 <= width else -45,
            labelOverlap=False,
            ticks=False,
            domainWidth=1,
        ),
    )
    y_scale = alt.Scale(domain=[0, top], nice=False, zero=True)
    # Layers share the y axis, so every layer states the same one (axis=None would remove it).
    y_axis = alt.Axis(
        title=None,
        tickCount=4,
        format=",.0f",
        labelExpr="datum.label + '%'" if unit == "percent" else alt.Undefined,
        domain=False,
        ticks=False,
        grid=True,
    )
    y = alt.Y(field="value", type="quantitative", scale=y_scale, axis=y_axis)
    colour = _by_series(alt.Color, names, [t.ref for t in theme.SERIES])
    chart = alt.Chart(alt.Data(values=values))
    # "break-paths" ends the line at a missing value and starts it again after, instead of
    # joining the points either side (which would invent a value for the missing year).
    lines = chart.mark_line(strokeWidth=2.5, invalid="break-paths-show-domains").encode(
        x=x,
        y=y,
        color=colour,
        strokeDash=_by_series(alt.StrokeDash, names, DASHES),
        detail=alt.Detail(field="segment", type="nominal"),
    )
    points = chart.mark_point(filled=True, size=60, opacity=1, invalid="filter").encode(
        x=x,
        y=y,
        color=colour,
        shape=_by_series(alt.Shape, names, SHAPES),
    )
    end_labels = (
        alt.Chart(alt.Data(values=ends))
        .mark_text(align="left", baseline="middle", dx=10)
        .encode(
            x=x,
            y=alt.Y(field="label_at", type="quantitative", scale=y_scale, axis=y_axis),
            text=alt.Text(field="text", type="nominal"),
        )
    )
    layers = [lines, points, end_labels]
    marked = [
        {"year": b, "text": "Counted differently from here"} for b in breaks if b in axis_years
    ]
    if marked:
        rules = alt.Chart(alt.Data(values=marked))
        layers.append(
            rules.mark_rule(strokeDash=[3, 3], color=theme.TEXT_MUTED.ref).encode(
                x=alt.X(
                    field="year",
                    type="ordinal",
                    sort=axis_years,
                    scale=alt.Scale(domain=axis_years, paddingOuter=0.3),
                )
            )
        )
    if single:
        # One series: every point carries its value, so no one has to read it off the axis.
        layers.append(
            chart.mark_text(baseline="bottom", dy=-9, invalid="filter").encode(
                x=x, y=y, text=alt.Text(field="label", type="nominal")
            )
        )
    return base.layered(
        layers, width=width, height=height, title=title, subtitle=subtitle, description=description
    )


def _years(records: list[dict], years: Sequence[str] | None) -> list[str]:
    in_data = base.unique(str(r["year"]) for r in records)
    axis = list(years) if years is not None else sorted(in_data)
    bad = [y for y in axis if not YEAR.match(y)]
    if bad:
        raise ValueError(f"years must be financial years like '2019-20', not {bad}")
    unknown = [y for y in in_data if y not in axis]
    if unknown:
        raise ValueError(f"the data has years that are not on the axis: {unknown}")
    return axis


def _complete(records: list[dict], names: list[str], years: list[str]) -> list[dict]:
    """One row per series and year: a year with no row is a None (a gap), never a 0."""
    given: dict[tuple[str, str], float | int | None] = {}
    for r in records:
        key = (str(r["series"] or ""), str(r["year"]))
        if key in given:
            raise ValueError(f"two values for {key[0] or 'the series'} in {key[1]}")
        given[key] = base.number(r["value"], "value")
    return [
        {"series": name, "year": year, "value": given.get((name, year))}
        for name in names
        for year in years
    ]


def _end_labels(
    values: list[dict], names: list[str], years: list[str], top: float, height: int
) -> list[dict]:
    """Labels in the right margin, level with each series' last published value.

    A series that stops before the last year says which year its label is for, so a label is
    never read as that final year's value. Labels are nudged apart so they never overlap.
    """
    ends = []
    for name in names:
        published = [v for v in values if v["series"] == name and v["value"] is not None]
        if published and name:
            last = max(published, key=lambda v: years.index(v["year"]))
            text = last["series_label"]
            if last["year"] != years[-1]:
                text += f" ({last['year']})"
            ends.append({**last, "year": years[-1], "text": text, "label_at": last["value"]})
    _spread(ends, top, height)
    return ends


def _plot_width(width: int, ends: list[dict]) -> int:
    """The plot narrowed by what its end labels add in the right margin, so a chart with them
    is no wider than one without: a wider SVG is scaled down on a phone, and its text with it
    (below 12 px at 375 px). The text's width is estimated at 0.6 em a character."""
    widest = max((len(str(e["text"])) for e in ends), default=0)
    margin = round(widest * theme.FONT_SIZE * 0.6) + 10 if widest else 0  # dx=10 below
    return max(width - margin, width // 2)


def _spread(labels: list[dict], top: float, height: int) -> None:
    """Nudge labels apart: one line of text (FONT_SIZE + 3 px) between each, in data units."""
    step = (theme.FONT_SIZE + 3) * top / height
    labels.sort(key=lambda e: e["label_at"], reverse=True)
    for above, below in pairwise(labels):
        below["label_at"] = min(below["label_at"], above["label_at"] - step)
    # Anything pushed below the axis moves back up, pushing the ones above it up in turn.
    if labels and labels[-1]["label_at"] < 0:
        labels[-1]["label_at"] = 0
        for below, above in pairwise(labels[::-1]):
            above["label_at"] = max(above["label_at"], below["label_at"] + step)


def _nice(top: float, unit: str) -> float:
    """A round axis maximum a little above the largest value (100 at most for percentages)."""
    if top <= 0:
        return 10
    magnitude = 10 ** math.floor(math.log10(top))
    nice = next(s * magnitude for s in (1, 2, 2.5, 5, 10, 20) if top * 1.08 <= s * magnitude)
    return min(nice, 100) if unit == "percent" and top <= 100 else nice


def _format(value: float | int | None, unit: str) -> str:
    if unit == "percent":
        return base.format_percent(value)
    if value is None:
        return "not published"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _by_series(channel: type, names: list[str], styles: Sequence[Any]) -> Any:
    """One style per series, in the series' order; no legend (each line is labelled)."""
    return channel(
        field="series",
        type="nominal",
        scale=alt.Scale(domain=names, range=list(styles[: len(names)])),
        legend=None,
    )
