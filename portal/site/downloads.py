"""Open data: one tidy all-years file, and each year's tables, as CSV.

The first columns of complaints.csv are fixed (year, stage, measure, category, value, unit,
source); then how the value was printed (missing, printed, base, stage_label); the rest say which
part of a cross-tab a row belongs to. Every value printed in data/ is a row: a count and its
printed percentage are two rows, and a text-only figure or a percentage in a sentence is one too.
`COLUMN_MEANINGS` is the public table of the file's columns (About the data), so it cannot drift.

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

# Explore Education Statistics' codes for a value that is not there (GSS symbols guidance).
MISSING_CODES = {
    "x": "not available: the report did not publish the figure",
    "z": "not applicable: there is no figure of this kind for the row",
    "c": "confidential: withheld so that nobody can be identified",
}
TEXT_MEASURE = "percentage_in_text"
COLUMN_MEANINGS = {
    "year": "Financial year, e.g. 2023-24 (1 April 2023 to 31 March 2024).",
    "stage": "1, 2 or 3 for a complaints stage; all for every stage together, as a report that "
    "leads with one total prints it; ombudsman for the Ombudsman's figures; empty for "
    "year-level figures.",
    "measure": "What is measured, in snake_case: received, outcome, timeliness, timescale, "
    "service_area, subject, how_received, relationship, demographics, decision, "
    "ombudsman_received, advocacy, compliments, representations, enquiries, "
    "members_enquiries, cost, compensation, context, demographics_coverage (how many "
    "complaints had demographic details), ombudsman_remedy (a payment an Ombudsman decision "
    "asked for), or percentage_in_text (a percentage printed in a sentence of the report, "
    "with the count and the base it was made from).",
    "category": "The label shown on the site; 'Total' for a total; for percentage_in_text, the "
    "sentence as printed.",
    "value": "The figure, as a number. Empty when there is none: the missing column says why "
    "(never 0 for missing).",
    "unit": "count, percent, gbp (pounds) or amount.",
    "source": "Where the figure is printed: the document's id in the list of sources, '§' and "
    "the section.",
    "missing": "Empty when there is a value; otherwise why not, in the codes Explore Education "
    "Statistics uses: "
    + "; ".join(f"{code} {meaning}" for code, meaning in MISSING_CODES.items())
    + ".",
    "printed": "'yes' when the value is a percentage exactly as the report printed it (not "
    "worked out by this site).",
    "base": "The number a percentage is of, when the report gives it; empty when it does not.",
    "stage_label": "What the report called the stage's count, e.g. 'LGSCO decisions': "
    "series with different labels may not count the same thing.",
    "service": "Service area, for rows of a cross-tab; empty for overall figures.",
    "team": "Team within the service, where the source gives one.",
    "procedure": "statutory or corporate, where the report gives a stage's figures for each.",
    "subject": "What the complaints were about, for outcomes given by subject.",
    "group": "For a subgroup (e.g. an ethnic subgroup), the group it belongs to.",
    "quarter": "Q1 to Q4 for quarterly figures.",
    "characteristic": "For demographics: age, gender, disability, sexual_orientation, ethnicity.",
    "population": "For demographics: complainants, service_users or child_population.",
    "note": "Anything a reader needs to know about the row, such as where the sources disagree.",
}
COLUMNS = tuple(COLUMN_MEANINGS)
ALL_YEARS = "complaints.csv"
# Columns that only ever hold a number written by this module (or nothing): never neutralised.
NUMERIC_COLUMNS = frozenset({"value", "base"})
# Tables whose rows are the Ombudsman's figures: their stage is ombudsman.
OMBUDSMAN_TABLES = frozenset({"ombudsman", "ombudsman_received"})
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
            procedure=stage.procedure and label_of(dataset, "procedure", stage.procedure),
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
            printed="yes" if figure.unit == "percent" else "",
            note=figure.note,
        )
    yield from _text_records(year)
    yield from _narrative_records(year)


def _narrative_records(year: Year) -> Iterator[dict[str, str]]:
    """Figures inside the year's narrative: demographic coverage, Ombudsman remedies."""
    coverage = year.report.demographics_coverage
    if coverage is not None:
        for category, value in (
            ("Complaints with demographic details", coverage.covered),
            ("Complaints without demographic details", coverage.not_covered),
        ):
            common = {"measure": "demographics_coverage", "source": coverage.source}
            yield _record(year, category=category, value=value, unit="count", **common)
    for case in year.report.ombudsman_cases:
        if case.payment_gbp is not None:
            yield _record(
                year,
                stage="ombudsman",
                measure="ombudsman_remedy",
                category=case.name(),
                value=case.payment_gbp,
                unit="gbp",
                source=case.source,
                note="The payment the Ombudsman's decision asked the council to make.",
            )


def _text_records(year: Year) -> Iterator[dict[str, str]]:
    """Figures printed only in sentences: overall figures, and percentages with their counts."""
    for figure in year.report.text_figures:
        measure = TABLES_BY_NAME[figure.table].measure
        common = {"stage": figure.stage, "measure": measure, "category": figure.category}
        common |= {"source": figure.source, "note": figure.note, "base": figure.base}
        if figure.count is not None:
            yield _record(year, value=figure.count, unit="count", **common)
        if figure.percent is not None:
            yield _record(year, value=figure.percent, unit="percent", printed="yes", **common)
    for printed in year.report.printed_percentages:
        common = {"measure": TEXT_MEASURE, "category": printed.text, "source": printed.source}
        common |= {"base": printed.denominator, "note": printed.discrepancy}
        yield _record(year, value=printed.numerator, unit="count", **common)
        yield _record(year, value=printed.printed, unit="percent", printed="yes", **common)


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
    stage = "ombudsman" if name in OMBUDSMAN_TABLES else row.get("stage")
    for value, unit, printed in _values(spec, row):
        yield _record(
            year,
            stage=stage,
            measure=spec.measure,
            category=category,
            value=value,
            unit=unit,
            source=row.source,
            printed=printed,
            base=row.base if unit == "percent" else None,
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
    if not record["value"]:
        record["missing"] = "x"
    stage = year.report.stage(record["stage"]) if record["stage"] else None
    if stage is not None:
        record["stage_label"] = stage.label
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
                TEXT_MEASURE,
                "demographics_coverage",
                "ombudsman_remedy",
            )
        )
        for name in year.tables:
            measure = TABLES_BY_NAME[name].measure
            files[table_csv_name(year.label, name)] = to_csv(
                r for r in records if r["measure"] == measure
            )
    files[ALL_YEARS] = to_csv(everything)
    return files
