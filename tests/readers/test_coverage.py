"""The "What this report covers" box decides from evidence in the data (issue 13, item 5)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import get_args

import pytest

from portal.dataset import Year
from portal.load import load_dataset
from portal.models.textfigure import NotAvailable
from portal.site.components import STATUS_CLASSES, coverage_box
from portal.views.coverage import NO_REPORT, REQUIREMENTS, Status, coverage

ROOT = Path(__file__).resolve().parents[2]
CAMDEN = load_dataset(ROOT / "data")


def _year(label: str) -> Year:
    found = CAMDEN.year(label)
    assert found is not None
    return found


def _status(year: Year, starts: str) -> tuple[str, str | None]:
    item = next(i for i in coverage(year) if i.requirement.startswith(starts))
    return item.status, item.detail


def test_every_state_has_a_mark_and_a_class() -> None:
    assert set(get_args(Status)) == set(STATUS_CLASSES)


def test_a_year_without_its_own_report_gets_no_verdicts() -> None:
    year = _year("2018-19")  # its figures come from the 2019-20 report
    assert year.report.title is None
    assert {i.status for i in coverage(year)} == {NO_REPORT}
    box = coverage_box(year, CAMDEN)
    assert "no report of its own" in box and "Published" not in box


def test_service_areas_are_not_customer_groups() -> None:
    """2019-20 gives service areas, not who complained."""
    assert _year("2019-20").rows("service_areas")
    assert _status(_year("2019-20"), "Which customer groups")[0] == "not published"


def test_advocacy_cases_are_not_representations_to_the_council() -> None:
    year = _year("2019-20")
    assert any(r.get("kind") == "representation" for r in year.rows("advocacy"))
    assert _status(year, "Representations")[0] == "not published"


def test_one_action_with_a_status_is_not_full_implementation_reporting() -> None:
    year = _year("2019-20")
    known = [i for i in year.report.learning if i.status is not None]
    assert 0 < len(known) < len(year.report.learning)
    status, detail = _status(year, "Learning")
    assert status == "partly published" and f"given for {len(known)}" in (detail or "")


def test_a_chart_without_figures_is_said_so() -> None:
    year = _year("2023-24")
    status, detail = _status(year, "Age, gender")
    assert status == "published in a chart or table whose figures are not available"
    assert "ethnicity" in (detail or "")


def test_the_verdict_follows_the_evidence_not_the_words() -> None:
    """Adding a not_available entry changes the verdict; renaming a label does not."""
    year = _year("2019-20")
    before = _status(year, "The types of complaints")
    unavailable = NotAvailable(table="subjects", what="a chart", source="camden-2019-20 §4.1.7")
    changed = dataclasses.replace(
        year, report=year.report.model_copy(update={"not_available": (unavailable,)})
    )
    after = _status(changed, "The types of complaints")
    assert before[0] == "published" and after[0] == "partly published"


@pytest.mark.parametrize("label", [y.label for y in CAMDEN.years])
def test_every_verdict_gives_a_reason_a_reader_can_check(label: str) -> None:
    year = _year(label)
    for item in coverage(year):
        if item.status in ("not published", NO_REPORT):
            continue
        assert item.detail, item
        assert item.sources, item
        assert all(" §" in ref for ref in item.sources)
    assert len(coverage(year)) == len(REQUIREMENTS)


def test_the_box_cites_readably_and_links_to_the_list_of_sources() -> None:
    box = coverage_box(_year("2023-24"), CAMDEN)
    assert "camden-2023-24 §" not in box
    assert 'href="../../about/#source-camden-2023-24"' in box


def test_rows_kept_only_for_a_note_are_mentioned_without_figures() -> None:
    """004's 2016-17 names its three main reasons without figures (subjects.csv notes)."""
    year = load_dataset(ROOT / "tests" / "fixtures" / "council-004").year("2016-17")
    assert year is not None and year.rows("subjects")
    assert all(r.count is None and r.percent is None for r in year.rows("subjects"))
    without_chart = dataclasses.replace(
        year, report=year.report.model_copy(update={"not_available": ()})
    )
    assert _status(without_chart, "The types of complaints")[0] == "mentioned without figures"
    assert _status(year, "The types of complaints")[0] == (
        "published in a chart or table whose figures are not available"
    )
