"""The independent check catches the false sentences issue 13 found (so test 2 can fail)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.claims.check import Checker, Found

HEADER = (
    "\ufeffyear,stage,measure,category,value,unit,source,service,team,procedure,subject,"
    "group,quarter,characteristic,population,printed,note\n"
)
CSV = (
    HEADER
    + """\
2023-24,1,received,Total,43,count,s,,,,,,,,,,
2023-24,1,outcome,Upheld,2,count,s,,,,,,,,,,
2023-24,1,outcome,Upheld,5,percent,s,,,,,,,,,yes,
2023-24,1,outcome,Not upheld,29,percent,s,,,,,,,,,yes,
2019-20,2,outcome,Partly upheld,2,count,s,,,,,,,,,,
2019-20,2,outcome,Withdrawn,2,count,s,,,,,,,,,,
2019-20,2,outcome,Upheld,1,count,s,,,,,,,,,,
"""
)


@pytest.fixture
def checker(tmp_path: Path) -> Checker:
    (tmp_path / "site" / "downloads").mkdir(parents=True)
    (tmp_path / "site" / "downloads" / "complaints.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "vocabularies.yml").write_text("timeliness_bands: []\n")
    return Checker(tmp_path / "site", tmp_path / "data")


def _found(sentence: str, **claim) -> Found:
    claim = {"labels": [], "values": [], "unit": "count", "sentence": sentence, **claim}
    return Found("page.html", sentence, json.loads(json.dumps(claim)), None)


def test_the_one_counted_row_is_not_the_most_common(checker) -> None:
    found = _found(
        "Upheld was the most common outcome of Stage 1 complaints",
        kind="largest",
        labels=["Upheld"],
        values=["2"],
        scope={"measure": "outcome", "year": "2023-24", "stage": "1"},
    )
    assert "have no count" in checker.check(found)


def test_a_tie_is_not_the_most_common(checker) -> None:
    scope = {"measure": "outcome", "year": "2019-20", "stage": "2"}
    wrong = _found(
        "Partly upheld was the most common outcome of Stage 2 complaints",
        kind="largest",
        labels=["Partly upheld"],
        values=["2"],
        scope=scope,
    )
    assert "tie" in checker.check(wrong)
    right = _found(
        "Partly upheld and Withdrawn were equally common among Stage 2 complaints (2 each)",
        kind="tie",
        labels=["Partly upheld", "Withdrawn"],
        values=["2", "2"],
        scope=scope,
    )
    assert checker.check(right) is None


def test_a_sentence_that_is_not_its_claim_fails(checker) -> None:
    found = _found(
        "Withdrawn was the most common outcome",
        kind="tie",
        labels=["Partly upheld", "Withdrawn"],
        values=["2", "2"],
        scope={"measure": "outcome", "year": "2019-20", "stage": "2"},
    )
    found = Found(found.page, "Withdrawn had the most", found.claim, None)
    assert "the page says" in checker.check(found)
