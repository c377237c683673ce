"""Every text the site publishes is screened: the fields are derived from the models, not listed.

Personal data is put into each free-text field of report.yml and sources.yml in turn, into each
text column of every CSV table, and into commentary.md; each must be flagged where it is.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from portal.dataset import Year
from portal.models import SourceDocument, YearReport
from portal.problems import Report
from portal.rows import Row
from portal.screening import ITEM_TEXTS, screen
from portal.tables import TABLES
from tests.privacy.fields import example, put, text_fields

PERSONAL = "Jamie Smith, aged 12"
FOUND = "Jamie Smith"
REPORT_FIELDS = list(text_fields(YearReport))
SOURCE_FIELDS = list(text_fields(SourceDocument))
# Row's own text cells (the key cells are vocabulary terms, checked against vocabularies.yml).
ROW_TEXT = [f.name for f in dataclasses.fields(Row) if f.type in ("str", "str | None")]
ROW_TEXT.remove("table")
ROW_TEXT.remove("file")


def _year(report: YearReport, **fields: object) -> Year:
    fields.setdefault("tables", {})
    return Year("2023-24", Path("data/2023-24"), report, **fields)  # type: ignore[arg-type]


def _screen(years: list[Year], sources: list[SourceDocument] | None = None) -> Report:
    report = Report()
    screen(years, sources, "data/sources.yml", report)
    return report


def _flagged_at(path: tuple[str | int, ...]) -> str:
    """Where the flag is reported: the texts an item's own review mark covers flag the item."""
    for depth in (2, 3):  # learning.0.text; scrutiny.items.0.question
        item, rest = path[:depth], path[depth:]
        covers = ITEM_TEXTS.get(str(item[-2]), ()) if rest else ()
        if rest and rest[0] in (*covers, "timeline"):
            return ".".join(map(str, item))
    return ".".join(map(str, path))


def test_the_fields_are_derived_from_the_models() -> None:
    # A sample of what the walk must find, among them the ones issue 15 found unscreened.
    for field in [
        ("stages", 0, "label"),
        ("stages", 0, "note"),
        ("figures", 0, "label"),
        ("gaps", 0, "note"),
        ("discrepancies", 0, "about"),
        ("learning", 0, "theme"),
        ("learning", 0, "service"),
        ("scrutiny", "items", 0, "topic"),
        ("scrutiny", "committee"),
        ("scrutiny", "meeting"),
        ("scrutiny", "resolved"),
        ("compliments", 0, "who"),
        ("revisions", 0, "change"),
        ("case_studies", 0, "timeline", 0, "note"),
        ("notes", 0),
    ]:
        assert field in REPORT_FIELDS
    assert ("published",) in SOURCE_FIELDS
    assert ROW_TEXT == ["source", "note"]


def test_clean_text_in_every_field_passes() -> None:
    assert _screen([_year(example(YearReport))], [example(SourceDocument)]).problems == []


@pytest.mark.parametrize("path", REPORT_FIELDS, ids=lambda p: ".".join(map(str, p)))
def test_personal_data_in_any_report_field_is_flagged(path: tuple[str | int, ...]) -> None:
    report = put(example(YearReport), path, PERSONAL)
    problems = _screen([_year(report)]).problems
    assert [(p.field, p.value) for p in problems] == [(_flagged_at(path), FOUND)]
    assert "looks like a first name and a surname" in problems[0].message


@pytest.mark.parametrize("path", SOURCE_FIELDS, ids=lambda p: ".".join(map(str, p)))
def test_personal_data_in_any_source_field_is_flagged(path: tuple[str | int, ...]) -> None:
    source = put(example(SourceDocument), path, PERSONAL)
    problems = _screen([], [source]).problems  # type: ignore[list-item]
    assert [(p.file, p.field, p.value) for p in problems] == [
        ("data/sources.yml", ".".join(map(str, (0, *path))), FOUND)
    ]


@pytest.mark.parametrize("table", [spec.name for spec in TABLES])
@pytest.mark.parametrize("column", ROW_TEXT)
def test_personal_data_in_a_csv_text_cell_is_flagged(table: str, column: str) -> None:
    cells = {"source": "annual-2023-24 §3", "note": None, column: PERSONAL}
    row = Row(table, f"data/2023-24/{table}.csv", 7, (), 1, None, None, **cells)  # type: ignore[arg-type]
    problems = _screen([_year(example(YearReport), tables={table: (row,)})]).problems
    assert [(p.file, p.line, p.field, p.value) for p in problems] == [
        (f"data/2023-24/{table}.csv", 7, column, FOUND)
    ]


def test_personal_data_in_commentary_is_flagged_on_its_line() -> None:
    commentary = "# The year\n\nComplaints rose.\nWe spoke to Jamie Smith, aged 12.\n"
    problems = _screen([_year(example(YearReport), commentary=commentary)]).problems
    assert [(p.file, p.line, p.value) for p in problems] == [
        ("data/2023-24/commentary.md", 4, FOUND)
    ]
