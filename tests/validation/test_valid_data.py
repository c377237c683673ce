"""What must pass: the minimal data itself, and the sanctioned ways of explaining odd figures."""

from __future__ import annotations

import re

from portal.load import load, load_dataset
from portal.problems import Severity
from tests.validation.helpers import MINIMAL, DataFolder, find, shown

REPORT = "2023-24/report.yml"
OUTCOMES = "2023-24/outcomes.csv"


def test_minimal_fixture_is_valid_without_notes() -> None:
    dataset, report = load(MINIMAL, include_drafts=True)
    assert report.problems == [], shown(report.problems)
    assert dataset is not None
    assert [y.label for y in dataset.all_years] == ["2022-23", "2023-24"]


def test_minimal_fixture_exercises_every_kind_of_row() -> None:
    """Guard the fixture: the corpus relies on team rows via alias, bands and a printed total."""
    dataset = load_dataset(MINIMAL, include_drafts=True)
    year = dataset.year("2023-24")
    assert year is not None
    outcomes = year.rows("outcomes")
    assert {r.get("service") for r in outcomes} == {None, "family-support", "looked-after"}
    bands = {r.get("band") for r in year.rows("timeliness")}
    assert "within-20" in bands  # the cumulative band, which must not be double-counted
    assert year.rows("advocacy")[0].get("quarter") is None  # the printed total
    assert year.report.case_studies[0].reviewed is not None


def test_a_gap_note_lets_a_partial_table_pass(data: DataFolder) -> None:
    data.replace(OUTCOMES, "2,,,Not upheld,3,,,annual-2023-24 §3.5,\n", "")
    assert not data.validate().ok
    data.append(
        REPORT,
        "gaps:\n"
        '  - table: outcomes\n    stage: "2"\n'
        "    note: The report gives only the number upheld at Stage 2.\n",
    )
    report = data.validate()
    assert report.problems == [], shown(report.problems)


def test_a_gap_for_another_stage_does_not_excuse_this_one(data: DataFolder) -> None:
    data.replace(OUTCOMES, "2,,,Not upheld,3,,,annual-2023-24 §3.5,\n", "")
    data.append(REPORT, 'gaps:\n  - table: outcomes\n    stage: "1"\n    note: Partial.\n')
    report = data.validate()
    find(report, OUTCOMES, 11, "count", "for Stage 2 add up to 1")


def test_an_acknowledged_discrepancy_is_a_note_and_the_data_still_passes(data: DataFolder) -> None:
    data.replace(
        OUTCOMES,
        "1,,,Upheld,5,25,,annual-2023-24 §3.2,",
        "1,,,Upheld,5,30,,annual-2023-24 §3.2,discrepancy: printed as 30% in the report",
    )
    dataset, report = load(data.root, include_drafts=True)
    assert report.ok and report.errors == []
    [acknowledged] = report.notes
    assert acknowledged.severity is Severity.NOTE
    assert dataset is not None and dataset.notes == (acknowledged,)


def test_a_truncated_printed_percentage_is_not_a_discrepancy(data: DataFolder) -> None:
    # 1 of 3 is 33.33...%: a source may print it as 33 or 33.3 (truncated or rounded).
    data.replace(REPORT, '    printed: "50"\n', '    printed: "33.3"\n')
    data.replace(
        REPORT, "    numerator: 10\n    denominator: 20\n", "    numerator: 1\n    denominator: 3\n"
    )
    assert data.validate().problems == []


def test_setting_the_suggested_review_mark_makes_stale_text_pass(data: DataFolder) -> None:
    data.replace(
        REPORT, "changed how plans are shared.", "changed how plans are shared by Ms Khan."
    )
    [stale] = data.validate().errors
    mark = re.search(r"reviewed: (sha256:[0-9a-f]{12})", stale.message)
    assert mark is not None, stale.message
    data.replace(REPORT, "reviewed: sha256:b3c463f89fba", f"reviewed: {mark[1]}")
    assert data.validate().problems == []


def test_a_review_mark_copied_from_the_message_for_new_text_passes(data: DataFolder) -> None:
    data.replace(REPORT, "were kind.", "were kind, said Mr Patel's daughter.")
    [flagged] = data.validate().errors
    mark = re.search(r"`reviewed: (sha256:[0-9a-f]{12})`", flagged.message)
    assert mark is not None, flagged.message
    data.replace(
        REPORT, "    who: A young person\n", f"    who: A young person\n    reviewed: {mark[1]}\n"
    )
    assert data.validate().problems == []


def test_a_lone_initial_and_money_and_references_are_not_personal_data(data: DataFolder) -> None:
    data.replace(
        REPORT,
        "were kind.",
        "were kind. Mr B and Mrs K were paid £480 (case 23007502) within 1-10 working days.",
    )
    assert data.validate().problems == []


def test_placeholders_are_allowed_until_release(data: DataFolder) -> None:
    assert data.validate().ok
    assert not data.validate(release=True).ok
    data.replace(
        "council.yml",
        "  phone:\n    placeholder: the complaints phone number\n",
        "  phone: 020 7946 0000\n",
    )
    assert data.validate(release=True).problems == []


def test_a_team_row_without_its_service_is_filed_under_the_service(data: DataFolder) -> None:
    data.append(OUTCOMES, "2,,Fostering,Upheld,1,,,annual-2023-24 §3.5,\n")
    data.append(OUTCOMES, "2,,Early Help,Not upheld,3,,,annual-2023-24 §3.5,\n")
    dataset, report = load(data.root, include_drafts=True)
    assert report.problems == [], shown(report.problems)
    assert dataset is not None
    year = dataset.year("2023-24")
    assert year is not None
    team_rows = [r for r in year.rows("outcomes") if r.get("team")]
    assert {(r.get("team"), r.get("service")) for r in team_rows} == {
        ("fostering", "looked-after"),
        ("early-help", "family-support"),
    }


def test_zero_percent_of_a_zero_total_passes(data: DataFolder) -> None:
    data.replace(REPORT, "    count: 4\n", "    count: 0\n")
    data.replace(OUTCOMES, "2,,,Upheld,1,,", "2,,,Upheld,0,0,")
    data.replace(OUTCOMES, "2,,,Not upheld,3,", "2,,,Not upheld,0,")
    assert data.validate().problems == []
