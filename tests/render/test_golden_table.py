"""A rendered table, compared with a reviewed golden file."""

from __future__ import annotations

from decimal import Decimal

from portal.render.table import AsPublished, Column, data_table
from tests.golden.golden import assert_golden


def test_outcomes_table_matches_golden() -> None:
    rows = [
        {"outcome": "Upheld", "count": 14, "percent": AsPublished(Decimal("16"))},
        {"outcome": "Partly upheld", "count": 22, "percent": Decimal("25.3")},
        {"outcome": "Not upheld", "count": 51, "percent": Decimal("58.6")},
        {"outcome": "Withdrawn", "count": None, "percent": None},
        {"outcome": "Other <b>{{ x }}</b> **y** | z", "count": 0, "percent": Decimal("0")},
    ]
    html = data_table(
        rows,
        [
            Column("outcome", "Outcome"),
            Column("count", "Complaints", "count"),
            Column("percent", "Share of decided", "percent"),
        ],
        caption="Stage 1 complaints by outcome, 2023-24",
        slug="stage-1-outcomes-2023-24",
        totals={"outcome": "Total", "count": 87, "percent": 100},
        notes=["Withdrawn complaints were not counted in 2023-24."],
    )
    assert_golden("outcomes_table.html", html + "\n")
