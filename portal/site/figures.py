"""Where a table becomes a figure: chart, data table and CSV link together.

The chart says the main message in its title; the table beside it holds every number, so the
figure reads without the chart and without JavaScript.

Builders are named, not imported: the renderer imports them only when a chart is not cached.
"""

from __future__ import annotations

from portal.render.figure import figure
from portal.site import state
from portal.render.table_html import csv_link, table_html
from portal.views.display import Cell, TableData, slug
from portal.render.html import block
from portal.views.tables import Crosstab
from portal.views.breakdown import Breakdown
from portal.views.messages import breakdown_message, trend_message
from portal.views.trends import Series


def table_block(data: TableData) -> str:
    return block(table_html(data), csv_link(data.csv, "this table"))


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


def figure_for(
    data: TableData,
    bd: Breakdown,
    stage: str | None = None,
    within: dict[str, bool | None] | None = None,
) -> str:
    """A bar chart of the breakdown with its table one click away; just the table if no values."""
    known = [i for i in bd.items if i.count is not None or i.percent is not None]
    # A label printed twice (kept as printed) cannot be one bar: the table says it as printed.
    if len(known) < 2 or len({i.label for i in bd.items}) < len(bd.items):
        return table_block(data)
    message = breakdown_message(bd, stage)
    if bd.has_counts and within is not None:
        # Time bands: within the statutory timescale or not, shown by pattern as well as colour.
        rows = [
            {"band": i.label, "count": i.count, "within_timescale": within.get(i.id)}
            for i in bd.items
        ]
        return _chart_figure(data, "charts.bands.bands_bar", rows, message, _describe(bd))
    if bd.has_counts:
        rows = [{"category": i.label, "count": i.count} for i in bd.items]
        return _chart_figure(data, "charts.bars.counts_bar", rows, message, _describe(bd))
    rows = [{"category": i.label, "percent": i.percent} for i in bd.items]
    return _chart_figure(
        data,
        "charts.bars.shares_bar",
        rows,
        message,
        _describe(bd),
        chart_subtitle=data.caption + " (percentages as published)",
    )


def _chart_figure(
    data: TableData,
    builder: str,
    rows: list[dict[str, object]],
    title: str,
    description: str,
    *,
    chart_subtitle: str | None = None,
    subtitle: str | None = None,
    **params: object,
) -> str:
    """The chart (a placeholder until the page is written) beside its table and CSV link."""
    figure_slug = slug(data.id)
    subtitle = subtitle or data.caption
    svg = state.renderer().request(
        builder,
        rows,
        slug=figure_slug,
        title=title,
        subtitle=chart_subtitle or subtitle,
        description=description,
        **params,
    )
    return figure(
        slug=figure_slug,
        title=title,
        subtitle=subtitle,
        chart_svg=svg,
        table_html=table_html(data),
        csv_href=data.csv,
    )


def trend_figure(found: Series) -> str:
    kind = found.unit if found.unit in ("percent", "gbp") else "count"
    rows = tuple(
        (year, (Cell(stat.value, kind, as_published=stat.kind == "as_published"),))
        for year, stat in found.points
    )
    data = TableData(
        f"trend-{found.id}",
        f"{found.label}, by year",
        ("Year", found.label),
        rows,
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
    return _chart_figure(
        data,
        "charts.lines.trend_line",
        values,
        message,
        description,
        subtitle=subtitle,
        years=[y for y, _ in found.points],
        unit="percent" if found.unit == "percent" else "count",
    )


def _count_text(value: object) -> str:
    return "not published" if value is None else str(value)


MAX_SEGMENTS = 6  # the palette's size: more would need colours that cannot be told apart


def crosstab_figure(found: Crosstab, title: str, *, ordered: bool = False) -> str:
    """Service × category as a stacked bar with its table; the table alone if too many parts.
    ordered: the categories have an order (time bands), drawn in shades of one colour."""
    data = found.table
    if len(found.categories) > MAX_SEGMENTS or len(found.rows) < 2:
        return table_block(data)
    totals = {}
    for record in found.cells:
        if record["count"] is not None:
            totals[record["service"]] = totals.get(record["service"], 0) + record["count"]
    top = max(totals, key=totals.get) if totals else None
    message = " ".join((f"{top} had the most complaints" if top else title).split()[:15])
    parts = [f"{r['service']}, {r['outcome']}: {_count_text(r['count'])}" for r in found.cells]
    description = "Stacked bar chart. " + "; ".join(parts) + "."
    return _chart_figure(
        data,
        "charts.stacked.stacked_bar",
        list(found.cells),
        message,
        description,
        services=list(found.rows),
        outcomes=list(found.categories),
        **({"ordered": True} if ordered else {}),
    )
