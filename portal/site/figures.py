"""Where a table becomes a figure: chart, data table and CSV link together."""

from __future__ import annotations

from portal.dataset import Year
from portal.site.display import TableData, csv_link, table_html
from portal.site.html import block
from portal.views.breakdown import Breakdown


def table_block(data: TableData) -> str:
    return block(table_html(data), csv_link(data.csv, "this table"))


def figure_for(data: TableData, bd: Breakdown, title: str, year: Year) -> str:
    return table_block(data)


def trend_figure(found) -> str:
    """A series across years: table of every year (chart added with the chart renderer)."""
    from portal.site.display import Cell, TableData

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
    return table_block(
        TableData(
            f"trend-{found.id}", f"{found.label}, by year", ("Year", found.label), rows, (True,)
        )
    )
