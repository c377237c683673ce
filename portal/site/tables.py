"""Breakdowns and cross-tabs as TableData, ready to render."""

from __future__ import annotations

from dataclasses import dataclass

from portal.dataset import Dataset, Year
from portal.site.display import Cell, TableData
from portal.site.downloads import table_csv_name
from portal.tables import TABLES_BY_NAME
from portal.totals import level
from portal.views.breakdown import Breakdown, label_of, order


def _csv(year: Year, table: str) -> str:
    return f"../../downloads/{table_csv_name(year.label, table)}"


def breakdown_table(bd: Breakdown, id: str, caption: str, year: Year, category: str) -> TableData:
    show_counts = bd.has_counts
    headers = (category, *(("Number",) if show_counts else ()), "Percentage")
    rows = []
    for item in bd.items:
        cells = (Cell(item.count, "count"),) if show_counts else ()
        cells += (Cell(item.percent, "percent", as_published=item.as_published),)
        rows.append((item.label, cells))
    total = None
    if show_counts and bd.total is not None:
        counts = [i.count for i in bd.items]
        adds_up = None not in counts and sum(counts) == bd.total
        # 100% only when the categories really make up the whole (not with overlapping ones).
        total = ("Total", (Cell(bd.total, "count"), Cell(100 if adds_up else None, "percent")))
    return TableData(id, caption, headers, tuple(rows), _csv(year, bd.table), total)


def _sum(values: list[int | None]) -> int | None:
    return None if None in values else sum(values)


@dataclass(frozen=True)
class Crosstab:
    table: TableData
    # One record per cell, for the stacked chart: service (row label), outcome, count.
    cells: tuple[dict[str, object], ...]
    categories: tuple[str, ...]
    rows: tuple[str, ...]


def crosstab(
    dataset: Dataset, year: Year, table: str, stage: str, id: str, caption: str
) -> Crosstab | None:
    """Service (or team) × category counts, with row and column totals."""
    spec = TABLES_BY_NAME[table]
    rows = [r for r in year.rows(table) if r.get("stage") == stage and level(r, spec) > 0]
    if not rows or spec.category is None:
        return None
    depth = max(level(r, spec) for r in rows)
    rows = [r for r in rows if level(r, spec) == depth]
    row_key = "team" if depth == 2 else "service"
    categories = order(dataset, spec.category, {r.get(spec.category) for r in rows})
    # Absent cells are proven zeros when the rows add up to the stage total (checked on load);
    # where a gap is declared they were simply not published.
    gap = any(g.table == table and g.stage in (None, stage) for g in year.report.gaps)
    absent = None if gap else 0
    cells = {(r.get(row_key), r.get(spec.category)): r.count for r in rows}
    keys = order(dataset, row_key, {r.get(row_key) for r in rows})
    matrix = {key: [cells.get((key, c), absent) for c in categories] for key in keys}
    body = []
    labels = [label_of(dataset, spec.category, c) for c in categories]
    records = []
    for key, values in matrix.items():
        label = label_of(dataset, row_key, key)
        service = dataset.index.service_of_team(key) if row_key == "team" else None
        if service:
            label = f"{label_of(dataset, 'service', service)}: {label}"
        body.append((label, (*(Cell(v, "count") for v in values), Cell(_sum(values), "count"))))
        records += [
            {"service": label, "outcome": name, "count": v}
            for name, v in zip(labels, values, strict=True)
        ]
    columns = [_sum([matrix[k][i] for k in keys]) for i in range(len(categories))]
    total = ("Total", (*(Cell(v, "count") for v in columns), Cell(_sum(columns), "count")))
    headers = ("Team" if row_key == "team" else "Service", *labels, "Total")
    data = TableData(id, caption, headers, tuple(body), _csv(year, table), total)
    return Crosstab(data, tuple(records), tuple(labels), tuple(label for label, _ in body))
