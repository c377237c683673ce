"""Tables as the pages describe them (TableData), drawn by portal.render.table_html.

Sections say what each cell is (a count, a percentage, money or text); the renderer escapes
it, right-aligns numbers and writes "not published" for a missing value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

# What a cell holds: the renderer formats and aligns each kind.
Kind = Literal["text", "count", "number", "percent", "gbp"]


@dataclass(frozen=True)
class Cell:
    value: int | float | Decimal | str | None
    kind: Kind = "text"
    as_published: bool = False


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
