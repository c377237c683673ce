"""A single figure as a page shows it: a count, a computed or printed percentage, or missing."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Kind = Literal["count", "gbp", "computed", "as_published", "missing"]


@dataclass(frozen=True)
class Stat:
    value: int | float | Decimal | None
    kind: Kind
    source: str | None = None
    # For a percentage: what it is of, in words ("43 Stage 1 complaints").
    base: int | None = None

    @property
    def missing(self) -> bool:
        return self.value is None

    def text(self) -> str:
        if self.value is None:
            return "not published"
        if self.kind == "count":
            return f"{self.value:,}"
        if self.kind == "gbp":
            return f"£{self.value:,.2f}".removesuffix(".00")
        return f"{self.value}%"


MISSING = Stat(None, "missing")


def count(value: int | None, source: str | None = None) -> Stat:
    return MISSING if value is None else Stat(value, "count", source)
