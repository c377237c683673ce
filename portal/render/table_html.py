"""TableData (portal.views.display) drawn as an accessible HTML table, with its CSV link."""

from __future__ import annotations

from portal.render.html import tag, text
from portal.render.table import AsPublished, Column, data_table, format_cell
from portal.views.display import Cell, Kind, TableData, slug


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
            values[f"c{i}"] = _plain(cell) if mixed else _shown(cell)
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


def _shown(cell: Cell) -> object:
    return AsPublished(cell.value) if cell.as_published else cell.value
