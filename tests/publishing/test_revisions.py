"""A published year's figures never change silently: data/checksums.yml and `revisions:`."""

from __future__ import annotations

import pytest

from portal import revisions
from portal.load import validate
from portal.problems import Report
from tests.publishing.helpers import CHECKSUM_LINE, copy_fixture, replace_once, set_checksum_line

REVISION = """revisions:
  - date: 2025-01-10
    change: The Stage 2 upheld count was corrected from 1 to 2.
    reason: One complaint was missed when the report was written.
"""


@pytest.fixture
def data(tmp_path):
    return copy_fixture(tmp_path)


def errors(report: Report) -> list[str]:
    return [p.format() for p in report.errors]


def change_figures(data) -> None:
    """A real correction: one more upheld complaint at Stage 2, and its total."""
    replace_once(data / "2023-24" / "outcomes.csv", "2,,,Upheld,1,", "2,,,Upheld,2,")
    replace_once(data / "2023-24" / "report.yml", "count: 2\n", "count: 3\n")


def add_revision(data) -> None:
    with (data / "2023-24" / "report.yml").open("a", encoding="utf-8") as handle:
        handle.write(REVISION)


def test_unchanged_published_year_passes(data) -> None:
    assert validate(data).ok, errors(validate(data))


def test_changed_figures_without_a_revision_fail_with_a_clear_message(data) -> None:
    change_figures(data)
    report = validate(data)
    assert len(report.errors) == 1, errors(report)
    problem = report.errors[0]
    assert problem.file == "data/2023-24/report.yml"
    assert problem.field == "revisions"
    assert "changed after it was published" in problem.message
    assert "Add an entry under `revisions:`" in problem.message
    assert "date" in problem.message and "reason" in problem.message
    assert "data/checksums.yml" in problem.message
    # It gives the exact new line, counting the revision still to be added.
    assert CHECKSUM_LINE.search(problem.message)[0].endswith("revisions: 1}")


def test_changed_figures_with_a_revision_and_the_new_checksum_pass(data) -> None:
    change_figures(data)
    message = validate(data).errors[0].message
    add_revision(data)
    set_checksum_line(data, message)  # the line the first message gave
    assert validate(data).ok, errors(validate(data))


def test_revision_first_then_the_checksum_line_from_the_second_message(data) -> None:
    change_figures(data)
    add_revision(data)
    report = validate(data)
    assert len(report.errors) == 1, errors(report)
    problem = report.errors[0]
    assert problem.file == "data/checksums.yml"
    assert problem.line == 5
    assert "out of date" in problem.message
    set_checksum_line(data, problem.message)
    assert validate(data).ok, errors(validate(data))


def test_updating_the_checksum_without_the_revision_still_fails(data) -> None:
    change_figures(data)
    set_checksum_line(data, validate(data).errors[0].message)
    report = validate(data)
    assert [p.field for p in report.errors] == ["revisions"], errors(report)
    assert "never deleted" in report.errors[0].message, report.errors[0].message


def test_draft_years_are_exempt(data) -> None:
    change_figures(data)
    replace_once(data / "2023-24" / "report.yml", "status: published", "status: draft")
    assert validate(data).ok, errors(validate(data))


def test_layout_comments_row_order_and_category_names_are_not_changes(data) -> None:
    outcomes = data / "2023-24" / "outcomes.csv"
    header, *rows = outcomes.read_text(encoding="utf-8").splitlines()
    rows = [row.replace("Not upheld", "not-upheld") for row in reversed(rows)]  # id, not label
    outcomes.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    replace_once(outcomes, "Upheld,3,30,", "Upheld,3,30.0,")
    report_yml = data / "2023-24" / "report.yml"
    replace_once(report_yml, 'stage: "1"', "stage: '1'   # Stage 1")
    replace_once(report_yml, "status: published\n", "# checked by the team\nstatus: published\n")
    assert validate(data).ok, errors(validate(data))


def test_a_newly_published_year_must_be_recorded(data) -> None:
    replace_once(data / "checksums.yml", "2023-24:", "# 2023-24:")
    report = validate(data)
    assert len(report.errors) == 1, errors(report)
    problem = report.errors[0]
    assert (problem.file, problem.field, problem.line) == ("data/2023-24/report.yml", "status", 1)
    assert "add this line at the end of data/checksums.yml" in problem.message
    set_checksum_line(data, problem.message)
    assert validate(data).ok, errors(validate(data))


def test_a_revision_is_never_deleted(data) -> None:
    change_figures(data)
    add_revision(data)
    set_checksum_line(data, validate(data).errors[0].message)
    assert validate(data).ok
    replace_once(data / "2023-24" / "report.yml", REVISION, "")
    report = validate(data)
    assert [p.field for p in report.errors] == ["revisions"], errors(report)
    assert "never deleted" in report.errors[0].message, report.errors[0].message


def test_a_wrong_line_in_checksums_yml_is_reported_on_its_line(data) -> None:
    with (data / "checksums.yml").open("a", encoding="utf-8") as handle:
        handle.write("2019-20: {checksum: sha256:0123456789ab, revisions: 0}\n")
        handle.write("2023-25: {checksum: sha256:0123456789ab, revisions: 0}\n")
    replace_once(data / "checksums.yml", "2023-24: {checksum: sha256:", "2023-24: {checksum: ")
    report = validate(data)
    found = {(p.line, p.field): p.message for p in report.errors}
    assert "as `portal validate` prints it" in found[(5, "2023-24")]
    assert "no year folder data/2019-20" in found[(6, "2019-20")]
    assert "no year folder data/2023-25" in found[(7, "2023-25")]


def test_no_checksums_file_means_nothing_is_recorded_yet(data, capsys) -> None:
    """Until the site goes live there is no record; the Publish workflow insists on one."""
    (data / "checksums.yml").unlink()
    change_figures(data)
    assert validate(data).ok
    assert revisions.main(["--data", str(data), "--check"]) == 1
    err = capsys.readouterr().err
    assert "python -m portal.revisions >" in err and CHECKSUM_LINE.search(err)
    assert revisions.main(["--data", str(data)]) == 0
    (data / "checksums.yml").write_text(capsys.readouterr().out, encoding="utf-8")
    assert validate(data).ok
    assert revisions.main(["--data", str(data), "--check"]) == 0


def test_the_printed_file_matches_the_fixture(data, capsys) -> None:
    assert revisions.main(["--data", str(data)]) == 0
    assert capsys.readouterr().out == (data / "checksums.yml").read_text(encoding="utf-8")


def test_a_year_with_other_errors_is_checked_once_they_are_fixed(data) -> None:
    replace_once(data / "2023-24" / "outcomes.csv", "2,,,Upheld,1,", "2,,,Upheld,one,")
    report = validate(data)
    assert [p.field for p in report.errors] == ["count"], errors(report)
