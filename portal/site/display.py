"""Tables as the pages describe them (TableData), drawn by portal.render.table.

Sections say what each cell is (a count, a percentage, money or text); the renderer escapes
it, right-aligns numbers and writes "not published" for a missing value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from portal.render.table import AsPublished, Column, Kind, data_table, format_cell
from portal.site.html import tag, text


@dataclass(frozen=True)
class Cell:
    value: int | float | Decimal | str | None
    kind: Kind = "text"
    as_published: bool = False

    def shown(self) -> object:
        return AsPublished(self.value) if self.as_published else self.value


@dataclass(frozen=True)
class TableData:
    id: str
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]  # (row header, cells)
    csv: str | None = None  # link under downloads/
    total: tuple[str, tuple[Cell, ...]] | None = None  # a last row, set apart


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def _column_kind(cells: list[Cell]) -> Kind:
    kinds = {c.kind for c in cells if c.value is not None}
    return kinds.pop() if len(kinds) == 1 else "number"


def table_html(table: TableData, notes: tuple[str, ...] = ()) -> str:
    every_row = [*table.rows, *([table.total] if table.total else [])]
    kinds = [
        _column_kind([cells[i] for _, cells in every_row]) for i in range(len(table.headers) - 1)
    ]
    columns = [
        Column("row", table.headers[0]),
        *(Column(f"c{i}", header, kinds[i]) for i, header in enumerate(table.headers[1:])),
    ]

    def mapping(header: str, cells: tuple[Cell, ...]) -> dict[str, object]:
        values: dict[str, object] = {"row": header}
        for i, cell in enumerate(cells):
            # A column holding several kinds (a count beside money) shows each cell as its kind.
            mixed = kinds[i] == "number" and cell.kind != "number" and cell.value is not None
            values[f"c{i}"] = _plain(cell) if mixed else cell.shown()
        return values

    return data_table(
        [mapping(h, cells) for h, cells in table.rows],
        columns,
        caption=table.caption,
        slug=slug(table.id),
        totals=mapping(*table.total) if table.total else None,
        notes=notes,
    )


def _plain(cell: Cell) -> str:
    from html import unescape

    # format_cell escapes; the renderer escapes again, so hand it the plain text.
    return unescape(format_cell(cell.value, cell.kind))


def csv_link(href: str | None, label: str) -> str:
    if not href:
        return ""
    return tag(
        "p",
        tag("a", text(f"Download {label} (CSV)"), href=href, download=""),
        class_="portal-download",
    )
