"""Reading the breakdown CSV files into typed rows, one problem per bad cell."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from portal.csvfile import read_records
from portal.models.common import SOURCE_REF
from portal.percent import places_of
from portal.problems import Report
from portal.tables import TableSpec
from portal.vocabindex import VocabularyIndex

_WHOLE = re.compile(r"^\d+$")
_POUNDS = re.compile(r"^\d{1,12}(\.\d{1,2})?$")
TOTAL = "total"
# Far beyond any count; longer numbers are typing mistakes (and too long for int()).
_MAX_DIGITS = 12
_MAX_PLACES = 6


@dataclass(frozen=True)
class Row:
    table: str
    file: str
    line: int
    keys: tuple[tuple[str, str | None], ...]
    count: int | None
    percent: Decimal | None
    base: int | None
    source: str
    note: str | None
    # Pounds, for money tables (costs, compensation).
    amount: Decimal | None = None

    def get(self, name: str) -> str | None:
        return dict(self.keys).get(name)

    @property
    def percent_text(self) -> str | None:
        return None if self.percent is None else format(self.percent, "f")

    @property
    def amount_text(self) -> str | None:
        return None if self.amount is None else format(self.amount, "f")


def read_table(
    path: Path,
    shown: str,
    spec: TableSpec,
    vocab: VocabularyIndex | None,
    report: Report,
    root: Path | None = None,
) -> tuple[Row, ...]:
    """Rows of one CSV file; every bad cell is added to the report and its row dropped.

    root is the data folder: no part of the path below it may be a link.
    """
    records = read_records(path, shown, report, root)
    if records is None:
        return ()
    if not records:
        report.add(
            shown,
            1,
            "header",
            None,
            f"the file is empty: the first line must be {','.join(spec.starter_columns)} "
            "(optional columns may be added, see the data dictionary)",
        )
        return ()
    header_line, header = records[0]
    header = [cell.strip() for cell in header]
    problem = _header_problem(header, spec)
    if problem is not None:
        report.add(shown, header_line, "header", ",".join(header), problem)
        return ()
    rows: list[Row] = []
    for line, cells in records[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            report.add(
                shown,
                line,
                "row",
                ",".join(cells),
                f"has {len(cells)} cells but the header has {len(header)} "
                "(check for a missing or extra comma; quote text that contains a comma)",
            )
            continue
        row = _parse_row(
            {
                **dict.fromkeys(spec.columns, ""),
                **dict(zip(header, (c.strip() for c in cells), strict=True)),
            },
            line,
            shown,
            spec,
            vocab,
            report,
        )
        if row is not None:
            rows.append(row)
    return tuple(rows)


def _header_problem(header: list[str], spec: TableSpec) -> str | None:
    """Columns may come in any order and optional dimensions may be left out."""
    expected = f"expected the columns {','.join(spec.columns)}"
    unknown = [c for c in header if c not in spec.columns]
    if unknown:
        return f"unknown column {unknown[0]!r}: {expected}"
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        return f"the column {repeated[0]!r} appears twice: {expected}"
    missing = [c for c in spec.required_columns if c not in header]
    if missing:
        return f"missing the column {missing[0]!r}: {expected}"
    return None


def _parse_row(
    cells: Mapping[str, str],
    line: int,
    shown: str,
    spec: TableSpec,
    vocab: VocabularyIndex | None,
    report: Report,
) -> Row | None:
    before = report.error_count
    keys: dict[str, str | None] = {}
    for column in spec.keys:
        keys[column.name] = _key(cells[column.name], column, keys, line, shown, vocab, report)
    if vocab is not None and keys.get("team") and "service" in keys:
        _team_service(keys, cells, line, shown, vocab, report)
    count = _whole(cells["count"], "count", line, shown, report, minimum=0)
    base = _whole(cells.get("base", ""), "base", line, shown, report, minimum=1)
    percent = _percent(cells.get("percent", ""), line, shown, report)
    amount = _amount(cells.get("amount", ""), line, shown, report)
    source = cells["source"]
    if not source:
        report.add(
            shown,
            line,
            "source",
            None,
            "every row needs a source: document id and section, e.g. 'council-2023-24 §4.2'",
        )
    elif not SOURCE_REF.match(source):
        report.add(
            shown,
            line,
            "source",
            source,
            "expected a document id, a space, '§' and the section, e.g. 'council-2023-24 §4.2'",
        )
    if not any(cells.get(name) for name in ("count", "percent", "amount", "note")):
        kinds = ("count", "percent", "amount")
        figures = " or ".join(name for name in spec.values if name in kinds)
        report.add(
            shown,
            line,
            "count",
            None,
            f"the row has no figure ({figures}): fill in the figure as printed, or add a "
            "note saying why the row is there (a figure that was not published is left out)",
        )
    if report.error_count > before:
        return None
    return Row(
        spec.name,
        shown,
        line,
        tuple(keys.items()),
        count,
        percent,
        base,
        source,
        cells["note"] or None,
        amount,
    )


def _key(value, column, keys, line, shown, vocab, report) -> str | None:
    if value.casefold() == TOTAL and column.vocabulary in ("services", "teams"):
        return None  # a printed overall "Total" row: blank and "Total" mean the same
    if not value:
        if column.required:
            report.add(shown, line, column.name, None, f"required: {column.description}")
        return None
    if column.allowed:
        if value not in column.allowed:
            report.add(
                shown, line, column.name, value, f"expected one of: {', '.join(column.allowed)}"
            )
        return value
    if vocab is None:
        return value
    scope = keys.get("characteristic") if column.vocabulary == "demographic_groups" else None
    found = vocab.resolve(column.vocabulary, value, scope)
    if found is None:
        choices = vocab.labels(column.vocabulary, scope)
        shown_choices = ", ".join(repr(c) for c in choices[:12]) or "(none declared)"
        more = "" if len(choices) <= 12 else f" and {len(choices) - 12} more"
        report.add(
            shown,
            line,
            column.name,
            value,
            f"not in the {column.vocabulary.replace('_', ' ')} declared in "
            f"data/vocabularies.yml: use one of {shown_choices}{more}, or add it there",
        )
    return found


def _team_service(keys, cells, line, shown, vocab, report) -> None:
    owner = vocab.service_of_team(keys["team"])
    if keys.get("service") is None:
        keys["service"] = owner
    elif owner != keys["service"]:
        report.add(
            shown,
            line,
            "team",
            cells["team"],
            f"this team belongs to the service '{owner}' in data/vocabularies.yml, "
            f"not '{cells['service']}'",
        )


def _whole(
    value: str, name: str, line: int, shown: str, report: Report, minimum: int
) -> int | None:
    if not value:
        return None
    if _WHOLE.match(value) and len(value) > _MAX_DIGITS:
        report.add(
            shown, line, name, value, f"too large: a {name} has at most {_MAX_DIGITS} digits"
        )
        return None
    if _WHOLE.match(value):
        number = int(value)
        if number < minimum:
            report.add(shown, line, name, value, f"must be at least {minimum}")
            return None
        return number
    if re.match(r"^-\d+$", value):
        report.add(shown, line, name, value, f"a {name} cannot be negative")
    elif re.match(r"^\d{1,3}(,\d{3})+$", value):
        report.add(shown, line, name, value, "write the number without commas")
    elif re.match(r"^-?\d*\.\d+$", value):
        report.add(shown, line, name, value, f"a {name} must be a whole number")
    else:
        report.add(
            shown,
            line,
            name,
            value,
            "expected a whole number, or leave it blank if it was not published",
        )
    return None


def _percent(value: str, line: int, shown: str, report: Report) -> Decimal | None:
    if not value:
        return None
    text = value.removesuffix("%").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        report.add(shown, line, "percent", value, "expected a number such as 25 or 25.5")
        return None
    if not number.is_finite() or number < 0 or number > 100:
        report.add(shown, line, "percent", value, "a percentage must be between 0 and 100")
        return None
    if places_of(number) > _MAX_PLACES:
        report.add(
            shown, line, "percent", value, f"at most {_MAX_PLACES} decimal places, as printed"
        )
        return None
    return number


def _amount(value: str, line: int, shown: str, report: Report) -> Decimal | None:
    if not value:
        return None
    text = value.removeprefix("£").strip()
    if _POUNDS.match(text):
        return Decimal(text)
    hint = "write the number without commas" if "," in text else "e.g. 480 or 9432.50"
    report.add(shown, line, "amount", value, f"expected pounds as printed, {hint}")
    return None
