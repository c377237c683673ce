"""Open data: one tidy all-years file, and each year's tables, as CSV.

The first columns of complaints.csv are fixed (year, stage, measure, category, value, unit,
source); the rest say which part of a cross-tab a row belongs to.

Every file is UTF-8 with a byte-order mark: without it, Excel on Windows reads a double-clicked
CSV in the local code page and garbles every `§` and `é`. Text cells that a spreadsheet would
run as a formula are neutralised by the OWASP "CSV Injection" rule (see `neutralise`); the
numeric columns are never touched, so a negative figure stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from portal.dataset import Dataset, Year
from portal.rows import Row
from portal.tables import COLUMN_VOCABULARY, TABLES_BY_NAME, TableSpec
from portal.views.breakdown import label_of
from portal.views.tables import table_csv_name

COLUMNS = (
    "year",
    "stage",
    "measure",
    "category",
    "value",
    "unit",
    "source",
    "service",
    "team",
    "procedure",
    "subject",
    "group",
    "quarter",
    "characteristic",
    "population",
    "printed",
    "note",
)
ALL_YEARS = "complaints.csv"
# Columns that only ever hold a number written by this module (or nothing): never neutralised.
NUMERIC_COLUMNS = frozenset({"value"})
# A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
ADVOCACY_KINDS = {
    "complaint": "New cases about a complaint",
    "representation": "New cases about a representation",
}


def tidy_rows(dataset: Dataset, year: Year) -> Iterator[dict[str, str]]:
    for stage in year.report.stages:
        yield _record(
            year,
            stage=stage.stage,
            measure="received",
            category="Total",
            value=stage.count,
            unit="count",
            source=stage.source,
            note=stage.note,
        )
    for name, rows in year.tables.items():
        for row in rows:
            yield from _table_records(dataset, year, name, row)
    for figure in year.report.figures:
        yield _record(
            year,
            measure=figure.measure,
            category=figure.label,
            value=figure.value,
            unit=figure.unit,
            source=figure.source,
            note=figure.note,
        )


def _category(dataset: Dataset, spec: TableSpec, row: Row) -> str:
    if spec.category is not None:
        return label_of(dataset, spec.category, row.get(spec.category), row.get("characteristic"))
    if spec.name == "advocacy":
        return ADVOCACY_KINDS[row.get("kind")]
    if row.get("team"):
        return label_of(dataset, "team", row.get("team"))
    return label_of(dataset, "service", row.get("service")) if row.get("service") else "Total"


def _values(spec: TableSpec, row: Row) -> Iterator[tuple[str, object, str]]:
    """(value, unit, printed) for every figure of a row: each printed value is kept."""
    if row.amount is not None:
        yield row.amount_text, spec.amount_unit or "amount", ""
    if row.count is not None:
        yield row.count, "count", ""
    if row.percent is not None:
        yield row.percent_text, "percent", "yes"
    if row.count is None and row.percent is None and row.amount is None:
        yield None, "count", ""  # a row kept only for its note


def _table_records(dataset: Dataset, year: Year, name: str, row: Row) -> Iterator[dict]:
    spec = TABLES_BY_NAME[name]
    category = _category(dataset, spec, row)
    extra: dict[str, object] = {
        key: label_of(dataset, key, row.get(key))
        for key in ("service", "team", "procedure", "subject")
        if row.get(key) and key != spec.category
    }
    extra.update(
        {key: row.get(key) for key in ("quarter", "characteristic", "population") if row.get(key)}
    )
    parent = dataset.index.parent(
        COLUMN_VOCABULARY.get(spec.category or ""),
        row.get(spec.category or ""),
        row.get("characteristic"),
    )
    if parent is not None:
        extra["group"] = label_of(dataset, spec.category, parent, row.get("characteristic"))
    for value, unit, printed in _values(spec, row):
        yield _record(
            year,
            stage=row.get("stage"),
            measure=spec.measure,
            category=category,
            value=value,
            unit=unit,
            source=row.source,
            printed=printed,
            note=row.note,
            **extra,
        )


def _record(year: Year, **fields: object) -> dict[str, str]:
    record = {column: "" for column in COLUMNS}
    record["year"] = year.label
    for key, value in fields.items():
        if value is None:
            continue
        record[key] = _number(value) if isinstance(value, float) else str(value)
    return record


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.2f}"


def neutralise(cell: str) -> str:
    """The OWASP rule: a text cell that starts like a formula gets a leading `'`, which
    spreadsheets read as "this is text"; the csv module then quotes and doubles any `"`."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _safe(record: dict[str, str]) -> dict[str, str]:
    return {
        key: value if key in NUMERIC_COLUMNS else neutralise(value) for key, value in record.items()
    }


def to_csv(records: Iterable[dict[str, str]]) -> str:
    """CSV text for downloads/, starting with a byte-order mark (written out as UTF-8)."""
    out = io.StringIO()
    # CRLF, as RFC 4180 and Excel expect; with "\n" alone the csv module leaves a cell
    # holding a bare CR unquoted, and a reader splits the row there.
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_safe(record) for record in records)
    return BOM + out.getvalue()


def download_files(dataset: Dataset) -> dict[str, str]:
    """File name under downloads/ → CSV text."""
    files: dict[str, str] = {}
    everything: list[dict[str, str]] = []
    for year in dataset.years:
        records = list(tidy_rows(dataset, year))
        everything.extend(records)
        files[f"{year.label}/summary.csv"] = to_csv(
            r
            for r in records
            if r["measure"]
            in (
                "received",
                "context",
                "representations",
                "enquiries",
                "members_enquiries",
                "cost",
                "compensation",
            )
        )
        for name in year.tables:
            measure = TABLES_BY_NAME[name].measure
            files[table_csv_name(year.label, name)] = to_csv(
                r for r in records if r["measure"] == measure
            )
    files[ALL_YEARS] = to_csv(everything)
    return files
