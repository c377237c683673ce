"""Review marks: a flagged text passes only with a mark tied to its exact text, wherever it is.

Run through `portal validate` on a copy of the minimal data folder.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from portal.load import load
from portal.problems import Problem
from tests.validation.helpers import DataFolder, copy_minimal, shown

REPORT = "2023-24/report.yml"


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    return DataFolder(copy_minimal(tmp_path))


def _only(data: DataFolder) -> Problem:
    problems = data.validate().problems
    assert len(problems) == 1, shown(problems)
    return problems[0]


def _mark_from(message: str) -> str:
    found = re.search(
        r"\{mark: (sha256:[0-9a-f]{12}), reason: <why it identifies nobody>\}", message
    )
    assert found, message
    return found[1]


def _review(data: DataFolder, mark: str, reason: str) -> None:
    data.append(REPORT, f"reviewed_texts:\n  - mark: {mark}\n    reason: {reason}\n")


# Each place issue 15 found without any way to carry a mark: (file, how to write there, line).
PLACES = [
    (
        "2023-24/commentary.md",
        lambda d: d.append("2023-24/commentary.md", "\nWe thank Sarah Jones for her help.\n"),
        3,
        "text",
    ),
    (
        "2023-24/advocacy.csv",
        lambda d: d.replace(
            "2023-24/advocacy.csv",
            "complaint,,12,,,annual-2023-24 §10,\n",
            "complaint,,12,,,annual-2023-24 §10,Figures from Sarah Jones\n",
        ),
        2,
        "note",
    ),
    (
        REPORT,
        lambda d: d.replace(
            REPORT, "label: Stage 1 complaints", "label: Complaints Sarah Jones made"
        ),
        8,
        "stages.0.label",
    ),
]


@pytest.mark.parametrize(("file", "write", "line", "field"), PLACES, ids=[p[0] for p in PLACES])
def test_a_flag_anywhere_names_its_place_and_the_mark_that_clears_it(
    data: DataFolder, file: str, write, line: int, field: str
) -> None:
    write(data)
    problem = _only(data)
    assert (problem.file, problem.line, problem.field, problem.value) == (
        f"data/{file}",
        line,
        field,
        "Sarah Jones",
    )
    assert "looks like a first name and a surname" in problem.message
    assert "`reviewed_texts:` in data/2023-24/report.yml" in problem.message
    _review(data, _mark_from(problem.message), "Sarah Jones is a made-up name in a test.")
    assert data.validate().problems == []


def test_editing_a_reviewed_text_needs_a_new_review(data: DataFolder) -> None:
    data.append("2023-24/commentary.md", "\nWe thank Sarah Jones for her help.\n")
    _review(data, _mark_from(_only(data).message), "A made-up name.")
    data.replace("2023-24/commentary.md", "for her help.", "for all her help.")
    problems = data.validate().problems
    assert sorted(p.field for p in problems) == ["reviewed_texts.0.mark", "text"], shown(problems)
    stale = next(p for p in problems if p.field == "reviewed_texts.0.mark")
    assert "matches no text of the year" in stale.message
    assert stale.line == data.line_number(REPORT, "- mark: sha256:")


def test_a_source_entry_is_cleared_by_its_own_mark(data: DataFolder) -> None:
    data.replace(
        "sources.yml",
        "  publisher: Exampleshire County Council\n- id: annual-2023-24",
        "  publisher: Exampleshire County Council\n  note: Sent by Sarah Jones.\n"
        "- id: annual-2023-24",
    )
    problem = _only(data)
    assert (problem.file, problem.field, problem.value) == (
        "data/sources.yml",
        "0.note",
        "Sarah Jones",
    )
    mark = re.search(r"`reviewed: (sha256:[0-9a-f]{12})`", problem.message)
    assert mark, problem.message
    data.replace(
        "sources.yml",
        "  note: Sent by Sarah Jones.\n",
        f"  note: Sent by Sarah Jones.\n  reviewed: {mark[1]}\n",
    )
    assert data.validate().problems == []


def test_the_screen_runs_in_validate_not_in_the_build(data: DataFolder) -> None:
    """The decision on cost: builds skip the scan (CI validates before it publishes)."""
    data.append("2023-24/commentary.md", "\nWe thank Sarah Jones for her help.\n")
    assert not data.validate().ok
    dataset, report = load(data.root)
    assert dataset is not None and report.ok
