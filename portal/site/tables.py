"""Breakdowns and cross-tabs as TableData, ready to render."""

from __future__ import annotations

from collections import defaultdict

from portal.checks import level
from portal.dataset import Dataset, Year
from portal.percent import percent
from portal.site.display import Cell, TableData
from portal.site.downloads import table_csv_name
from portal.tables import TABLES_BY_NAME
from portal.views.breakdown import Breakdown, _order, label_of


def breakdown_table(bd: Breakdown, id: str, caption: str, year: Year, category: str) -> TableData:
    show_counts = bd.has_counts
    headers = [category]
    if show_counts:
        headers.append("Number")
    headers.append("Percentage")
    rows = []
    for item in bd.items:
        cells = []
        if show_counts:
            cells.append(Cell(item.count, numeric=True))
        cells.append(Cell(item.percent, numeric=True, suffix="%", as_published=item.as_published))
        rows.append((item.label, tuple(cells)))
    if show_counts and bd.total is not None:
        cells = [Cell(bd.total, numeric=True)]
        all_counted = all(i.count is not None for i in bd.items)
        cells.append(
            Cell(
                100 if all_counted and sum(i.count for i in bd.items) == bd.total else None,
                numeric=True,
                suffix="%",
            )
        )
        rows.append(("Total", tuple(cells)))
    return TableData(
        id,
        caption,
        tuple(headers),
        tuple(rows),
        numeric=tuple(True for _ in headers[1:]),
        csv=f"../../downloads/{table_csv_name(year.label, bd.table)}",
    )


def crosstab(
    dataset: Dataset, year: Year, table: str, stage: str, id: str, caption: str
) -> TableData | None:
    """Service (or team) × category counts, with row and column totals."""
    spec = TABLES_BY_NAME[table]
    rows = [r for r in year.rows(table) if r.get("stage") == stage and level(r, spec) > 0]
    if not rows or spec.category is None:
        return None
    depth = max(level(r, spec) for r in rows)
    rows = [r for r in rows if level(r, spec) == depth]
    by_team = depth == 2
    row_key = "team" if by_team else "service"
    categories = _order(dataset, spec.category, {r.get(spec.category) for r in rows})
    # Absent cells are proven zeros when the rows add up to the stage total (checked on load);
    # where a gap is declared they were simply not published.
    gap = any(g.table == table and g.stage in (None, stage) for g in year.report.gaps)
    absent = None if gap else 0
    cells: dict[tuple[str, str], int | None] = {}
    for r in rows:
        cells[(r.get(row_key), r.get(spec.category))] = r.count
    keys = _order(dataset, row_key, {r.get(row_key) for r in rows})
    headers = [
        ("Team" if by_team else "Service"),
        *(label_of(dataset, spec.category, c) for c in categories),
        "Total",
    ]
    body = []
    column_totals: dict[str, int] = defaultdict(int)
    for key in keys:
        values = [cells.get((key, c), absent) for c in categories]
        row_cells = [Cell(v, numeric=True) for v in values]
        known = [v for v in values if v is not None]
        total = sum(known) if len(known) == len(values) else None
        row_cells.append(Cell(total, numeric=True))
        for c, v in zip(categories, values, strict=True):
            column_totals[c] += v or 0
        label = label_of(dataset, row_key, key)
        if by_team:
            service = dataset.index.service_of_team(key)
            label = f"{label_of(dataset, 'service', service)}: {label}" if service else label
        body.append((label, tuple(row_cells)))
    body.append(
        (
            "Total",
            (
                *(Cell(column_totals[c], numeric=True) for c in categories),
                Cell(sum(column_totals.values()), numeric=True),
            ),
        )
    )
    return TableData(
        id,
        caption,
        tuple(headers),
        tuple(body),
        numeric=tuple(True for _ in headers[1:]),
        csv=f"../../downloads/{table_csv_name(year.label, table)}",
    )


def share(part: int | None, whole: int | None) -> Cell:
    return Cell(
        percent(part, whole) if part is not None and whole else None, numeric=True, suffix="%"
    )
