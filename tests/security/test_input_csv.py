"""CSV: a broken quote is one error at the line it opened; fractions are not percentages.

Python's csv module reads an unclosed quote to the end of the file as one cell, so rows
vanished with exit 0. Every table (listed from portal.tables) is checked: the quote is
reported where it opened, and no row after it is read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.load import load
from portal.tables import TABLES
from tests.validation.helpers import DataFolder, copy_minimal, find

OUTCOMES = "2023-24/outcomes.csv"
TABLE_FILES = [spec.file for spec in TABLES]


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    return DataFolder(copy_minimal(tmp_path))


def test_an_unclosed_quote_in_a_note_is_one_error_at_its_line(data: DataFolder) -> None:
    lines = data.read(OUTCOMES).splitlines(keepends=True)
    # The note of the second row opens a quote that never closes.
    lines[1] = lines[1].rstrip("\n") + '"Upheld in part\n'
    data.write(OUTCOMES, "".join(lines))
    report = data.validate()
    problem = find(report, OUTCOMES, 2, "row", "never closed", "nothing after this line")
    assert problem.value is None
    assert [p for p in report.errors if p.file == f"data/{OUTCOMES}"] == [problem]


@pytest.mark.parametrize("name", TABLE_FILES)
def test_an_unclosed_quote_in_a_new_year_loses_no_row_silently(data: DataFolder, name: str) -> None:
    """The issue's case: a new year's table, a quote opened at the start of a note."""
    spec = next(s for s in TABLES if s.file == name)
    header = ",".join(spec.columns)
    cells = ["x"] * (len(spec.columns) - 1)
    body = "".join(",".join(cells) + "\n" for _ in range(3))
    broken = ",".join(cells) + ',"an unclosed note\n'
    data.write(f"2023-24/{name}", header + "\n" + broken + body * 19)
    dataset, report = load(data.root)
    assert dataset is None
    find(report, f"2023-24/{name}", 2, "row", "never closed")
    assert not [p for p in report.errors if p.file == f"data/2023-24/{name}" and p.line != 2]


def test_a_misplaced_quote_is_reported_at_the_line_it_opened(data: DataFolder) -> None:
    data.append(OUTCOMES, '2,,,Upheld,1,,,annual-2023-24 §3.2,"closed"then text\n')
    line = data.line_number(OUTCOMES, '"closed"then')
    find(data.validate(), OUTCOMES, line, "row", "not where CSV allows it")


def test_a_cell_that_runs_over_lines_is_reported_with_both_lines(data: DataFolder) -> None:
    data.append(OUTCOMES, '2,,,Upheld,1,,,annual-2023-24 §3.2,"one\ntwo"\n')
    line = data.line_number(OUTCOMES, '"one')
    problem = find(data.validate(), OUTCOMES, line, "row", f"line {line} to line {line + 1}")
    assert "line break" in problem.message


def test_a_quoted_cell_on_one_line_is_fine(data: DataFolder) -> None:
    data.replace(
        OUTCOMES,
        "1,,,Upheld,5,25,,annual-2023-24 §3.2,",
        '1,,,Upheld,5,25,,annual-2023-24 §3.2,"A note, with a comma and ""quotes"""',
    )
    assert data.validate().ok


# Percent-only rows of one stage (nothing checks them against a count).
PERCENT_ONLY = "1,Family Support,,{outcome},,{percent},,annual-2023-24 §3.3,\n"
OUTCOME_NAMES = ("Upheld", "Partly upheld", "Not upheld")


def percent_only(data: DataFolder, *percents: str) -> list[int]:
    """Replace the Family Support rows with percent-only rows; their line numbers."""
    kept = [line for line in data.read(OUTCOMES).splitlines() if "Family Support" not in line]
    rows = [
        PERCENT_ONLY.format(outcome=o, percent=p)
        for o, p in zip(OUTCOME_NAMES, percents, strict=False)
    ]
    data.write(OUTCOMES, "\n".join(kept) + "\n" + "".join(rows))
    first = len(kept) + 1
    return list(range(first, first + len(rows)))


@pytest.mark.parametrize(
    "percents", [("0.25", "0.25", "0.5"), ("0.09", "0.91"), ("0.333", "0.333", "0.334")]
)
def test_percentages_written_as_fractions_are_questioned(
    data: DataFolder, percents: tuple[str, ...]
) -> None:
    lines = percent_only(data, *percents)
    problem = find(data.validate(), OUTCOMES, lines[0], "percent", "look like fractions")
    assert ", ".join(map(str, lines)) in problem.message
    assert f"write {float(percents[0]) * 100:g}" in problem.message


@pytest.mark.parametrize(
    "percents",
    [
        ("0.5", "40", "59.5"),  # a real percentage under 1%, among others
        ("0.5", "0.3"),  # all under 1% but not adding up to about 1
        ("1", "0"),  # whole percentages
        ("0.5",),  # alone: no context to judge by
        ("25", "25", "50"),
    ],
)
def test_real_percentages_under_1_stay_valid(data: DataFolder, percents: tuple[str, ...]) -> None:
    percent_only(data, *percents)
    report = data.validate()
    assert not [p for p in report.errors if "fractions" in p.message], report.errors
