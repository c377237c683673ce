"""Breakdowns and cross-tabs as TableData, ready to render."""

from __future__ import annotations

from dataclasses import dataclass

from portal.dataset import Dataset, Year
from portal.tables import TABLES_BY_NAME
from portal.totals import level
from portal.views.breakdown import Breakdown, label_of, order
from portal.views.display import Cell, TableData

ROW_HEADERS = {"team": "Team", "service": "Service", "procedure": "Procedure"}


def table_csv_name(year: str, table: str) -> str:
    """Where a year's table is published under downloads/."""
    return f"{year}/{table}.csv"


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
        # Subgroups are inside their group: only groups make up the whole.
        counts = [i.count for i in bd.items if i.parent is None]
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
    dataset: Dataset,
    year: Year,
    table: str,
    stage: str | None,
    id: str,
    caption: str,
    depth: int | None = None,
    procedure: str | None = None,
) -> Crosstab | None:
    """Service (or team) × category counts, with row and column totals: by service when the
    report gives services (teams are one click away), else by team; or at `depth`.
    With `procedure`, that procedure's rows."""
    spec = TABLES_BY_NAME[table]
    source = (
        year.whole_rows(table)
        if procedure is None
        else [r for r in year.rows(table) if r.get("procedure") == procedure]
    )
    rows = [
        r
        for r in source
        if (stage is None or r.get("stage") == stage)
        and level(r, spec) > 0
        and not any(r.get(c) for c in spec.crosstab)
    ]
    if not rows or spec.category is None:
        return None
    depth = depth or min(level(r, spec) for r in rows)
    rows = [r for r in rows if level(r, spec) == depth]
    if not rows:
        return None
    return _matrix(
        dataset, year, table, stage, rows, "team" if depth == 2 else "service", id, caption
    )


def crosstab_along(
    dataset: Dataset, year: Year, table: str, stage: str, along: str, id: str, caption: str
) -> Crosstab | None:
    """A printed cross-tab of the category by another dimension (outcome by subject,
    by procedure), from the rows that hold it, overall (not by service)."""
    spec = TABLES_BY_NAME[table]
    rows = [
        r
        for r in year.rows(table)
        if r.get("stage") == stage
        and r.get(along)
        and level(r, spec) == 0
        and not any(r.get(c) for c in (*spec.crosstab, "procedure") if c != along)
    ]
    if not rows or spec.category is None:
        return None
    return _matrix(dataset, year, table, stage, rows, along, id, caption)


def _matrix(dataset, year, table, stage, rows, row_key, id, caption) -> Crosstab:
    spec = TABLES_BY_NAME[table]
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
    headers = (ROW_HEADERS.get(row_key, row_key.capitalize()), *labels, "Total")
    data = TableData(id, caption, headers, tuple(body), _csv(year, table), total)
    return Crosstab(data, tuple(records), tuple(labels), tuple(label for label, _ in body))
