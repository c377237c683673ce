"""Horizontal bar charts of one measure by category: counts, or percentages as published."""

from __future__ import annotations

from typing import Literal

import altair as alt

from charts import base, theme
from charts.rows import rows_for

WIDTH = 300  # with the padding, about 345 px: 12 px text or more on a 375 px phone


def counts_bar(
    data: base.Data,
    *,
    title: str,
    subtitle: str,
    description: str,
    order: Literal["data", "descending"] = "data",
    width: int = WIDTH,
) -> alt.LayerChart:
    """Counts by category as horizontal bars, each labelled with its value.

    data: rows with `category` (str) and `count` (whole number, or None when not published:
    no bar is drawn and the label says "not published"; it is never shown as 0).
    order: "data" keeps the rows' order (outcomes, bands...); "descending" puts the largest first.
    """
    base.check_text(title, subtitle, description)
    records = base.rows(data, ("category", "count"))
    values = [{"category": r["category"], "value": base.count(r["count"])} for r in records]
    for v in values:
        v["label"] = base.format_count(v["value"])
    if order == "descending":
        values.sort(key=lambda v: -1 if v["value"] is None else v["value"], reverse=True)
    return _bars(values, width, title=title, subtitle=subtitle, description=description)


def shares_bar(
    data: base.Data,
    *,
    title: str,
    subtitle: str,
    description: str,
    width: int = WIDTH,
) -> alt.LayerChart:
    """Percentages by category, for sources that published percentages but no counts.

    data: rows with `category` (str) and `percent` (number, Decimal or string as printed, e.g.
    "25.5"; None when not published). Labels keep the printed precision and add "%".
    The bars start at 0 and the axis runs to 100% at least, so shares are never exaggerated.
    """
    base.check_text(title, subtitle, description)
    records = base.rows(data, ("category", "percent"))
    values = []
    for r in records:
        value = base.number(r["percent"], "percent")
        if value is not None and not 0 <= value <= 100:
            raise ValueError(f"percent must be between 0 and 100, not {r['percent']!r}")
        values.append(
            {
                "category": r["category"],
                "value": value,
                "label": base.format_percent(r["percent"]),
            }
        )
    return _bars(
        values, width, max_value=100, title=title, subtitle=subtitle, description=description
    )


def _bars(
    values: list[dict], width: int, max_value: float | None = None, **text: str
) -> alt.LayerChart:
    """The chart, with `text` (title, subtitle, description) on its top level."""
    rows = rows_for([v["category"] for v in values])
    for v, row in zip(values, rows.labels, strict=True):
        v["row"] = row
        # Where the label sits: at the bar's end, or at 0 for a value that was not published.
        v["label_at"] = v["value"] if v["value"] is not None else 0
    top = max([v["value"] for v in values if v["value"] is not None] + [max_value or 1])
    # A fixed domain keeps a row with no value in its place, and the scale the same in every
    # layer.
    x_scale = alt.Scale(domain=[0, top], nice=False, zero=True)
    chart = alt.Chart()  # the layers share the top level's data
    bars = rows.bar(chart, color=theme.SERIES[0].ref).encode(
        y=rows.y(), x=alt.X(field="value", type="quantitative", axis=None, scale=x_scale)
    )
    return rows.chart(chart, bars, values, x_scale, width=width, **text)
