"""Accessible HTML data tables for pages written in Markdown.

The table is one raw HTML block with no blank line inside, so Python-Markdown passes it through
untouched; every data string is escaped by escape_text, so neither Jinja nor Markdown acts on
it and a `<script>` in the data is text. The table scrolls sideways inside its own focusable
region, so the page itself never does (WCAG 1.4.10 reflow at 320 px).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from portal.render.text import check_slug, escape_text
from portal.views.display import Kind

NOT_PUBLISHED = "not published"
PUBLISHED_MARK = "†"
PUBLISHED_NOTE = "As published in the council's report; not recalculated from the counts."


@dataclass(frozen=True)
class Column:
    """key: the row mapping's key; label: the header; kind: how values are shown.

    count / number / percent / gbp are right-aligned. A percent is shown as given plus "%"
    (the caller computes and rounds it); None is always "not published".
    """

    key: str
    label: str
    kind: Kind = "text"

    @property
    def numeric(self) -> bool:
        return self.kind != "text"


@dataclass(frozen=True)
class AsPublished:
    """A value printed in the source (typically a percentage), shown with a marker and note."""

    value: Any


def data_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    *,
    caption: str,
    slug: str,
    row_header: str | None = "",
    totals: Mapping[str, Any] | None = None,
    notes: Sequence[str] = (),
) -> str:
    """An HTML table: <caption>, column headers, row headers, "not published" for None.

    rows: one mapping per row, keyed by the columns' keys (missing key = None).
    row_header: the key of the column whose cells head their rows (default: the first column;
    None: no row headers). totals: an optional last row, in <tfoot>. notes: sentences shown
    under the table (plain text, escaped); the "as published" note is added when needed.
    """
    check_slug(slug)
    if not columns:
        raise ValueError("a table needs at least one column")
    header_key = columns[0].key if row_header == "" else row_header
    if header_key is not None and header_key not in {c.key for c in columns}:
        raise ValueError(f"row_header {header_key!r} is not one of the columns")
    table_id = f"table-{slug}"
    num = ' class="portal-num"'

    def row_html(row: Mapping[str, Any]) -> str:
        cells = []
        for column in columns:
            value = row.get(column.key)
            text = format_cell(value, column.kind)
            css = num if column.numeric else ""
            if column.key == header_key:
                cells.append(f'<th scope="row"{css}>{text}</th>')
            else:
                cells.append(f"<td{css}>{text}</td>")
        return f"<tr>{''.join(cells)}</tr>"

    head = "".join(
        f'<th scope="col"{num if c.numeric else ""}>{escape_text(c.label)}</th>' for c in columns
    )
    lines = [
        '<div class="portal-table-block">',
        f'<div class="portal-table" role="region" aria-labelledby="{table_id}-caption" '
        'tabindex="0">',
        f'<table class="portal-data-table" id="{table_id}">',
        f'<caption id="{table_id}-caption">{escape_text(caption)}</caption>',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *(row_html(row) for row in rows),
        "</tbody>",
    ]
    if totals is not None:
        lines.append(f"<tfoot>{row_html(totals)}</tfoot>")
    lines += ["</table>", "</div>"]
    every_row = [*rows, *([totals] if totals is not None else [])]
    published = any(isinstance(r.get(c.key), AsPublished) for r in every_row for c in columns)
    all_notes = [*notes, *([f"{PUBLISHED_MARK} {PUBLISHED_NOTE}"] if published else [])]
    lines += [f'<p class="portal-table-note">{escape_text(note)}</p>' for note in all_notes]
    lines.append("</div>")
    return "\n".join(lines)


def format_cell(value: Any, kind: Kind) -> str:
    """One cell's escaped HTML. None is "not published" (never 0 or blank)."""
    marker = ""
    if isinstance(value, AsPublished):
        value = value.value
        # The dagger is for sighted readers; screen readers hear the words instead.
        marker = (
            f'<span class="portal-published" aria-hidden="true">{PUBLISHED_MARK}</span>'
            '<span class="portal-visually-hidden"> (as published)</span>'
        )
    if _missing(value):
        return f'<span class="portal-missing">{NOT_PUBLISHED}</span>'
    return escape_text(_format(value, kind)) + marker


def _missing(value: Any) -> bool:
    """None, and the blanks pandas uses (NaN, NA), all mean "not published"."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and math.isnan(value)


def _format(value: Any, kind: Kind) -> str:
    if kind == "text" or (isinstance(value, str) and kind != "percent"):
        return str(value)  # a number column may hold text as printed, e.g. "fewer than 5"
    if isinstance(value, bool):
        raise ValueError(f"a {kind} cell cannot be {value!r}")
    if kind == "percent":
        return f"{value}%" if isinstance(value, Decimal | str | int) else f"{value:g}%"
    if kind == "count":
        if value != int(value):
            raise ValueError(f"a count must be a whole number, not {value!r}")
        return f"{int(value):,}"
    if kind == "gbp":
        amount = Decimal(str(value))
        whole = amount == amount.to_integral_value()
        return f"£{amount:,.0f}" if whole else f"£{amount:,.2f}"
    return f"{value:,}"
