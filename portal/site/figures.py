"""Where a table becomes a figure: chart, data table and CSV link together.

The chart says the main message in its title; the table beside it holds every number, so the
figure reads without the chart and without JavaScript.

Builders are named, not imported: the renderer imports them only when a chart is not cached.
"""

from __future__ import annotations

import re

from portal.render.figure import figure
from portal.render.html import block
from portal.render.table_html import csv_link, table_html
from portal.site import state
from portal.tables import TABLES_BY_NAME
from portal.views.breakdown import Breakdown
from portal.views.claims import Claim, fits, sentence, to_json
from portal.views.display import Cell, TableData, slug
from portal.views.messages import (
    breakdown_claim,
    counts_complete,
    long_run_claim,
    neutral_title,
    percents_complete,
    trend_claim,
    trend_message,
)
from portal.views.tables import Crosstab
from portal.views.trends import STAGE_SERIES, Series

# A year's table CSV is downloads/<year>/<table>.csv (portal.views.tables.table_csv_name).
_CSV_YEAR = re.compile(r"(\d{4}-\d{2})/[^/]+\.csv$")


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


def fitting(claim: Claim | None) -> Claim | None:
    """A claim too long for a chart title is left out; the title says what the chart shows."""
    return claim if claim is not None and fits(sentence(claim)) else None


def _scope(data: TableData, bd: Breakdown, stage: str | None) -> tuple[tuple[str, str], ...]:
    """Where the breakdown's figures are in complaints.csv, for the data-claim attribute."""
    found = _CSV_YEAR.search(data.csv or "")
    spec = TABLES_BY_NAME[bd.table]
    scope = [("measure", spec.measure)]
    if spec.category is None and spec.levels:
        scope.append(("by", spec.levels[0]))  # categories are services, not a vocabulary
    if found:
        scope.append(("year", found.group(1)))
    if stage:
        scope.append(("stage", stage))
    return tuple(scope)


def figure_for(
    data: TableData,
    bd: Breakdown,
    stage: str | None = None,
    within: dict[str, bool | None] | None = None,
) -> str:
    """A bar chart of the breakdown with its table one click away; just the table if no values.
    Counts are drawn when every category has one; otherwise the percentages, when every
    category has one (the subtitle says so), so no bar says "not published" for a value the
    table shows."""
    known = [i for i in bd.items if i.count is not None or i.percent is not None]
    # A label printed twice (kept as printed) cannot be one bar: the table says it as printed.
    if len(known) < 2 or len({i.label for i in bd.items}) < len(bd.items):
        return table_block(data)
    claim = fitting(breakdown_claim(bd, stage, _scope(data, bd, stage)))
    message = sentence(claim) if claim is not None else neutral_title(bd, stage)
    counted = counts_complete(bd) or (bd.has_counts and not percents_complete(bd))
    if counted and within is not None:
        # Time bands: within the statutory timescale or not, shown by pattern as well as colour.
        rows = [
            {"band": i.label, "count": i.count, "within_timescale": within.get(i.id)}
            for i in bd.items
        ]
        return chart_figure(
            data, "charts.bands.bands_bar", rows, message, _describe(bd), claim=claim
        )
    if counted:
        rows = [{"category": i.label, "count": i.count} for i in bd.items]
        return chart_figure(
            data, "charts.bars.counts_bar", rows, message, _describe(bd), claim=claim
        )
    rows = [{"category": i.label, "percent": i.percent} for i in bd.items]
    why = (
        "percentages, as counts were not published for every category"
        if bd.has_counts
        else "percentages as published"
    )
    return chart_figure(
        data,
        "charts.bars.shares_bar",
        rows,
        message,
        _describe(bd),
        chart_subtitle=f"{data.caption} ({why})",
        subtitle=f"{data.caption} ({why})",
        claim=claim,
    )


def chart_figure(
    data: TableData,
    builder: str,
    rows: list[dict[str, object]],
    title: str,
    description: str,
    *,
    chart_subtitle: str | None = None,
    subtitle: str | None = None,
    claim: Claim | None = None,
    subtitle_claim: Claim | None = None,
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
        title_claim=None if claim is None else to_json(claim),
        subtitle_claim=None if subtitle_claim is None else to_json(subtitle_claim),
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
    scope = series_scope(found)
    claim = fitting(trend_claim(found, scope))
    message = sentence(claim) if claim is not None else trend_message(found)
    first, last = found.points[0][0], found.points[-1][0]
    run = fitting(long_run_claim(found, scope))
    # The long run in the subtitle, unless it is the same two years as the title.
    if run is not None and (claim is None or run.years != claim.years):
        subtitle = sentence(run)
    else:
        run = None
        subtitle = f"{found.label}, {first} to {last}"
    if found.breaks:
        subtitle += f"; counted differently from {found.breaks[-1]}"
    values = [
        {"year": year, "value": None if stat.missing else float(stat.value)}
        for year, stat in found.points
    ]
    description = (
        "Line chart. " + "; ".join(f"{year}: {stat.text()}" for year, stat in found.points) + "."
    )
    if found.breaks:
        description += (
            " The line breaks where the figure was counted differently: "
            + ", ".join(f"from {year}" for year in found.breaks)
            + "."
        )
    return chart_figure(
        data,
        "charts.lines.trend_line",
        values,
        message,
        description,
        subtitle=subtitle,
        years=[y for y, _ in found.points],
        unit="percent" if found.unit == "percent" else "count",
        claim=claim,
        subtitle_claim=run,
        **({"breaks": list(found.breaks)} if found.breaks else {}),
    )


def series_scope(found: Series) -> tuple[tuple[str, str], ...]:
    """A stage count is the 'received' Total row of complaints.csv; other series by id."""
    stage = STAGE_SERIES.get(found.id)
    if stage is not None:
        return (("measure", "received"), ("stage", stage), ("category", "Total"))
    return (("series", found.id),)


def _count_text(value: object) -> str:
    return "not published" if value is None else str(value)


MAX_SEGMENTS = 6  # the palette's size: more would need colours that cannot be told apart


def crosstab_figure(found: Crosstab, title: str, *, ordered: bool = False) -> str:
    """Service × category as a stacked bar with its table; the table alone if too many parts.
    ordered: the categories have an order (time bands), drawn in shades of one colour."""
    data = found.table
    if len(found.categories) > MAX_SEGMENTS or len(found.rows) < 2:
        return table_block(data)
    # What the chart shows; naming a winner here said the same thing for every table.
    message = title
    parts = [f"{r['service']}, {r['outcome']}: {_count_text(r['count'])}" for r in found.cells]
    description = "Stacked bar chart. " + "; ".join(parts) + "."
    return chart_figure(
        data,
        "charts.stacked.stacked_bar",
        list(found.cells),
        message,
        description,
        services=list(found.rows),
        outcomes=list(found.categories),
        **({"ordered": True} if ordered else {}),
    )
