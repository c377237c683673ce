"""Adapters from views to rendered components (tables, figures with charts).

Sections describe what to show (a TableData, a chart kind and its data); this module is the one
place that calls the renderers, so the pages never depend on rendering details.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from portal.site.html import block, tag, text

NOT_PUBLISHED = "not published"


@dataclass(frozen=True)
class Cell:
    value: int | float | Decimal | str | None
    numeric: bool = False
    suffix: str = ""
    as_published: bool = False

    def html(self) -> str:
        if self.value is None:
            return tag("span", NOT_PUBLISHED, class_="portal-missing")
        shown = f"{self.value:,}" if isinstance(self.value, int) else str(self.value)
        mark = (
            tag("span", " (as published)", class_="portal-as-published")
            if (self.as_published)
            else ""
        )
        return text(shown + self.suffix) + mark


@dataclass(frozen=True)
class TableData:
    id: str
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]  # (row header, cells)
    numeric: tuple[bool, ...] = field(default=())
    csv: str | None = None  # link under downloads/


def table_html(table: TableData) -> str:
    head = tag(
        "tr",
        block(
            *(
                tag(
                    "th",
                    text(h),
                    scope="col",
                    class_="portal-num" if i and table.numeric[i - 1] else None,
                )
                for i, h in enumerate(table.headers)
            )
        ),
    )
    body = []
    for header, cells in table.rows:
        tds = [tag("td", c.html(), class_="portal-num" if c.numeric else None) for c in cells]
        body.append(tag("tr", block(tag("th", text(header), scope="row"), *tds)))
    caption_id = f"{table.id}-caption"
    html_table = tag(
        "table",
        block(
            tag("caption", text(table.caption), id=caption_id),
            tag("thead", head),
            tag("tbody", block(*body)),
        ),
    )
    return tag(
        "div",
        html_table,
        class_="portal-table",
        role="region",
        aria_labelledby=caption_id,
        tabindex="0",
    )


def csv_link(href: str | None, label: str) -> str:
    if not href:
        return ""
    return tag(
        "p",
        tag("a", text(f"Download {label} (CSV)"), href=href, download=""),
        class_="portal-download",
    )
