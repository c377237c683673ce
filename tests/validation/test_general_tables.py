"""Issue 12: the general table model, one test per pattern, on a copy of the synthetic council.

Each test breaks (or uses) one pattern and checks the validator's answer, so each could fail.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from portal.figureset import year_figures
from portal.load import load_dataset
from portal.problems import Severity
from portal.tables import COLUMN_VOCABULARY, TABLES
from tests.validation.helpers import DataFolder, shown

SYNTHETIC = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"
YEAR = "2024-25"


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    root = tmp_path / "synthetic"
    shutil.copytree(SYNTHETIC, root)
    return DataFolder(root)


def _errors(data: DataFolder) -> list:
    return data.validate().errors


def _messages(data: DataFolder) -> str:
    return shown(list(data.validate().problems))


def test_the_synthetic_council_validates_with_one_recorded_repetition(data) -> None:
    report = data.validate()
    assert report.ok, shown(report.errors)
    notes = [p for p in report.problems if p.severity is Severity.NOTE]
    assert [p.field for p in notes] == ["row"] and "prints this row twice" in notes[0].message


# 1. All complaints, every stage ------------------------------------------------------------
def test_stage_all_is_its_own_total(data) -> None:
    data.replace(f"{YEAR}/report.yml", "    count: 58\n", "    count: 59\n")
    errors = _errors(data)
    assert any(
        "for all stages add up to 58" in p.message and "total in report.yml is 59" in p.message
        for p in errors
    ), shown(errors)


def test_stage_all_rows_are_not_stage_1(data) -> None:
    dataset = load_dataset(data.root)
    year = dataset.year(YEAR)
    assert {r.get("stage") for r in year.rows("service_areas")} == {"all"}
    assert year.stage_count("all") == 58 and year.stage_count("1") == 48


# 2. The procedure as a dimension -----------------------------------------------------------
def test_each_procedure_adds_up_to_its_own_count(data) -> None:
    data.replace(f"{YEAR}/outcomes.csv", "1,corporate,,,upheld,,2,", "1,corporate,,,upheld,,3,")
    errors = _errors(data)
    assert any("for Stage 1, corporate add up to 9" in p.message for p in errors), shown(errors)


def test_an_unknown_procedure_is_refused(data) -> None:
    data.replace(f"{YEAR}/outcomes.csv", "1,corporate,,,upheld", "1,council,,,upheld")
    assert any("statutory, corporate" in p.message for p in _errors(data))


# 3. Teams in any table, compliments included --------------------------------------------------
def test_every_breakdown_table_but_two_allows_a_team() -> None:
    without = {spec.name for spec in TABLES if "team" not in {k.name for k in spec.keys}}
    assert without == {"demographics", "advocacy"}


def test_compliment_teams_add_up_to_their_service(data) -> None:
    data.replace(f"{YEAR}/compliments.csv", "cin-north,12", "cin-north,13")
    errors = _errors(data)
    assert any("add up to 21, not 20" in p.message for p in errors), shown(errors)


# 4. Cross-tabulations ----------------------------------------------------------------------
def test_outcome_by_subject_is_kept_apart_from_the_stage_total(data) -> None:
    dataset = load_dataset(data.root)
    year = dataset.year(YEAR)
    by_subject = [r for r in year.rows("outcomes") if r.get("subject")]
    assert len(by_subject) == 4
    assert not any(r.get("subject") for r in year.whole_rows("outcomes"))


# 5. Timescales: withdrawn and open, labels from the vocabulary --------------------------------
def test_timescale_results_have_labels_and_withdrawn_and_open(data) -> None:
    dataset = load_dataset(data.root)
    results = {t.id: t.label for t in dataset.vocabulary.timescale_results}
    assert {"withdrawn", "open"} <= set(results)
    assert all(term_id != label for term_id, label in results.items())
    assert COLUMN_VOCABULARY["result"] == "timescale_results"


def test_timescales_must_add_up_with_withdrawn_and_open(data) -> None:
    data.replace(f"{YEAR}/timescales.csv", "1,,,open,1,", "1,,,open,2,")
    assert any("add up to 49" in p.message for p in _errors(data))


# 7. Category hierarchies ---------------------------------------------------------------------
def test_subgroups_add_up_to_their_printed_group(data) -> None:
    data.replace(f"{YEAR}/demographics.csv", "white-other,8", "white-other,9")
    errors = _errors(data)
    assert any("subgroups" in p.message and "add up to 31, not 30" in p.message for p in errors)
    # Only groups count towards the total, so the total check itself still holds.
    assert not any("total in report.yml" in p.message for p in errors), shown(errors)


def test_a_parent_must_be_a_group_of_the_same_list(data) -> None:
    data.replace(
        "vocabularies.yml",
        "label: Black Caribbean\n      parent: black\n",
        "label: Black Caribbean\n      parent: blak\n",
    )
    errors = _errors(data)
    assert any(p.field.endswith(".parent") and p.value == "blak" for p in errors), shown(errors)


# 8. Representations, costs and compensation as tables ----------------------------------------
def test_money_is_read_as_pounds_and_refused_with_commas(data) -> None:
    dataset = load_dataset(data.root)
    costs = dataset.year(YEAR).rows("costs")
    assert str(costs[1].amount) == "3500.50"
    data.replace(
        f"{YEAR}/costs.csv", ",independent-persons,3500.50,", ',independent-persons,"3,500.50",'
    )
    assert any("without commas" in p.message for p in _errors(data))


def test_representation_kinds_come_from_the_vocabulary(data) -> None:
    data.replace(f"{YEAR}/representations.csv", ",,mp-enquiries,6", ",,mp-letters,6")
    assert any("not in the representation kinds" in p.message for p in _errors(data))


# 9. Printed rows are never lost; a printed Total row is accepted ----------------------------
def test_a_label_printed_twice_is_kept_and_never_deleted(data) -> None:
    dataset = load_dataset(data.root)
    delay = [r for r in dataset.year(YEAR).rows("subjects") if r.get("subject") == "delay"]
    assert len([r for r in delay if r.get("stage") == "all"]) == 2
    assert "delete" not in _messages(data).lower()


def test_a_printed_total_row_is_checked_against_the_stage_total(data) -> None:
    data.replace(f"{YEAR}/service_areas.csv", "all,Total,,58,", "all,Total,,57,")
    errors = _errors(data)
    assert any("overall rows for all stages add up to 57" in p.message for p in errors), shown(
        errors
    )


def test_optional_columns_may_be_left_out_but_not_misspelt(data) -> None:
    data.replace(f"{YEAR}/relationships.csv", "stage,relationship,", "stage,relationshp,")
    assert any("unknown column 'relationshp'" in p.message for p in _errors(data))


# Published record: figures, not wording ------------------------------------------------------
def test_wording_does_not_change_the_figures_but_a_value_does(data) -> None:
    before = year_figures(load_dataset(data.root).year(YEAR))
    data.replace(
        f"{YEAR}/compliments.csv",
        "Total,,40,synthetic-2024-25 §9,",
        "Total,,40,synthetic-2024-25 §9,Reworded.",
    )
    data.replace("vocabularies.yml", "label: Fostering\n", "label: Fostering Service\n")
    assert year_figures(load_dataset(data.root).year(YEAR)) == before
    data.replace(f"{YEAR}/compliments.csv", "Total,,40,", "Total,,41,")
    data.replace(f"{YEAR}/compliments.csv", "children-in-need,,20,", "children-in-need,,21,")
    data.replace(f"{YEAR}/compliments.csv", "cin-north,12,", "cin-north,13,")
    assert year_figures(load_dataset(data.root).year(YEAR)) != before
