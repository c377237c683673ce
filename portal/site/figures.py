"""Where a table becomes a figure: chart, data table and CSV link together.

The chart says the main message in its title; the table beside it holds every number, so the
figure reads without the chart and without JavaScript.
"""

from __future__ import annotations

import re

from charts.bars import counts_bar, shares_bar
from charts.lines import trend_line
from portal.render.figure import figure
from portal.site import state
from portal.site.display import Cell, TableData, csv_link, table_html
from portal.site.html import block
from portal.views.breakdown import Breakdown
from portal.views.messages import breakdown_message, trend_message
from portal.views.trends import Series


def table_block(data: TableData) -> str:
    return block(table_html(data), csv_link(data.csv, "this table"))


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def _describe(bd: Breakdown) -> str:
    parts = []
    for item in bd.items:
        if item.count is not None:
            share = f" ({item.percent}%)" if item.percent is not None else ""
            parts.append(f"{item.label}: {item.count:,}{share}")
        elif item.percent is not None:
            parts.append(f"{item.label}: {item.percent}% as published")
        else:
            parts.append(f"{item.label}: not published")
    return "Bar chart. " + "; ".join(parts) + "."


def figure_for(data: TableData, bd: Breakdown, stage: str | None = None) -> str:
    """A bar chart of the breakdown with its table one click away; just the table if no values."""
    known = [i for i in bd.items if i.count is not None or i.percent is not None]
    if len(known) < 2:
        return table_block(data)
    message = breakdown_message(bd, stage)
    subtitle = data.caption
    slug = _slug(data.id)
    if bd.has_counts:
        rows = [{"category": i.label, "count": i.count} for i in bd.items]
        svg = state.renderer().render(
            counts_bar, rows, slug=slug, title=message, subtitle=subtitle, description=_describe(bd)
        )
    else:
        rows = [{"category": i.label, "percent": i.percent} for i in bd.items]
        svg = state.renderer().render(
            shares_bar,
            rows,
            slug=slug,
            title=message,
            subtitle=subtitle + " (percentages as published)",
            description=_describe(bd),
        )
    return figure(
        slug=slug,
        title=message,
        subtitle=subtitle,
        chart_svg=svg,
        table_html=table_html(data),
        csv_href=data.csv,
    )


def trend_figure(found: Series) -> str:
    rows = tuple(
        (
            year,
            (
                Cell(
                    stat.value,
                    numeric=True,
                    suffix="%" if found.unit == "percent" else "",
                    as_published=stat.kind == "as_published",
                ),
            ),
        )
        for year, stat in found.points
    )
    data = TableData(
        f"trend-{found.id}",
        f"{found.label}, by year",
        ("Year", found.label),
        rows,
        (True,),
        csv="../downloads/complaints.csv",
    )
    message = trend_message(found)
    first, last = found.points[0][0], found.points[-1][0]
    subtitle = f"{found.label}, {first} to {last}"
    values = [
        {"year": year, "value": None if stat.missing else float(stat.value)}
        for year, stat in found.points
    ]
    description = (
        "Line chart. " + "; ".join(f"{year}: {stat.text()}" for year, stat in found.points) + "."
    )
    svg = state.renderer().render(
        trend_line,
        values,
        slug=_slug(data.id),
        title=message,
        subtitle=subtitle,
        description=description,
        years=[y for y, _ in found.points],
        unit=found.unit,
    )
    return figure(
        slug=_slug(data.id),
        title=message,
        subtitle=subtitle,
        chart_svg=svg,
        table_html=table_html(data),
        csv_href=data.csv,
    )
