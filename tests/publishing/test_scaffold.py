"""`portal new-year`: a new draft year with every file present, empty, and valid."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from portal.load import validate
from portal.models import YearReport
from portal.scaffold import ScaffoldError, new_year
from portal.tables import TABLES
from tests.publishing.helpers import FIXTURE, copy_fixture, portal


@pytest.fixture
def data(tmp_path):
    return copy_fixture(tmp_path)


def test_new_year_creates_every_file_as_a_draft(data, capsys) -> None:
    ran = portal(capsys, "new-year", "2024-25", "--data", data)
    assert ran.code == 0, ran.err
    folder = data / "2024-25"
    assert "2024-25" in ran.out
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["report.yml", *(spec.file for spec in TABLES)]
    )
    for spec in TABLES:
        assert (folder / spec.file).read_text(encoding="utf-8") == ",".join(
            spec.starter_columns
        ) + "\n"
    report = yaml.safe_load((folder / "report.yml").read_text(encoding="utf-8"))
    assert report["status"] == "draft"
    assert str(report["period"]["start"]) == "2024-04-01"
    assert str(report["period"]["end"]) == "2025-03-31"


def test_report_yml_has_every_section_present_and_empty(data) -> None:
    new_year(data, "2024-25")
    report = yaml.safe_load((data / "2024-25" / "report.yml").read_text(encoding="utf-8"))
    assert set(report) == set(YearReport.model_fields), "every section, and only real ones"
    empty = {k: v for k, v in report.items() if k not in ("status", "period")}
    assert all(value is None for value in empty.values()), empty  # empty, never 0


def test_report_yml_explains_each_section_and_the_shared_vocabularies(data) -> None:
    new_year(data, "2024-25")
    text = (data / "2024-25" / "report.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/report.schema.json"
    for key in YearReport.model_fields:
        at = lines.index(next(line for line in lines if line.startswith(f"{key}:")))
        assert lines[at - 1].startswith("#"), f"no comment above {key}:"
    assert "data/vocabularies.yml" in text and "nothing to copy" in text
    assert "docs/publishing.md" in text


def test_new_year_is_empty_but_well_formed(data) -> None:
    new_year(data, "2024-25")
    report = validate(data)
    assert report.ok, [p.format() for p in report.errors]


@pytest.mark.parametrize("stages", ["stages: []", "stages:"])
def test_header_only_csvs_and_empty_stages_validate_in_a_published_year(data, stages) -> None:
    """No rows and no stage counts is 'not published', not an error (and no total to match)."""
    folder = data / "2023-24"
    for spec in TABLES:
        (folder / spec.file).write_text(",".join(spec.columns) + "\n", encoding="utf-8")
    (folder / "report.yml").write_text(
        f"status: draft\nperiod:\n  start: 2023-04-01\n  end: 2024-03-31\n{stages}\n",
        encoding="utf-8",
    )
    report = validate(data)
    assert report.ok, [p.format() for p in report.errors]


def test_every_example_in_the_template_is_valid_once_uncommented(data) -> None:
    """The help says: delete the # at the start of each example line. That must work."""
    new_year(data, "2024-25")
    path = data / "2024-25" / "report.yml"
    out, in_example = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[a-z_]+:\s*$", line):
            in_example = True
        elif not line.strip():
            in_example = False
        elif in_example and line.startswith("#"):
            line = line[1:]
        out.append(line)
    text = "\n".join(out).replace("council-2024-25 §", "example-2023-24 §")
    path.write_text(text + "\n", encoding="utf-8")
    report = validate(data)
    assert report.ok, [p.format() for p in report.errors]
    filled = yaml.safe_load(text)
    assert all(filled[key] for key in YearReport.model_fields if key != "title"), filled


def test_refuses_to_overwrite_an_existing_year(data, capsys) -> None:
    before = {p.name: p.read_bytes() for p in (data / "2023-24").iterdir()}
    ran = portal(capsys, "new-year", "2023-24", "--data", data)
    assert ran.code == 2
    assert len(ran.err.strip().splitlines()) == 1, ran.err
    assert "already exists" in ran.err
    assert {p.name: p.read_bytes() for p in (data / "2023-24").iterdir()} == before


def test_refuses_an_existing_empty_folder(data) -> None:
    (data / "2024-25").mkdir()
    with pytest.raises(ScaffoldError, match="already exists"):
        new_year(data, "2024-25")


@pytest.mark.parametrize(
    "label", ["2024-26", "2024-24", "24-25", "2024/25", "2024-2025", "2024_25", "abcd-ef", ""]
)
def test_refuses_a_label_that_is_not_a_financial_year(data, capsys, label) -> None:
    ran = portal(capsys, "new-year", label, "--data", data)
    assert ran.code == 2
    assert len(ran.err.strip().splitlines()) == 1, ran.err
    assert "2024-25" in ran.err  # shows the right form
    assert sorted(p.name for p in data.iterdir()) == sorted(p.name for p in FIXTURE.iterdir())


def test_century_boundary_is_a_financial_year(data) -> None:
    assert new_year(data, "2099-00").name == "2099-00"
    assert validate(data).ok


def test_refuses_a_missing_data_folder(tmp_path, capsys) -> None:
    ran = portal(capsys, "new-year", "2024-25", "--data", tmp_path / "nowhere")
    assert ran.code == 2
    assert len(ran.err.strip().splitlines()) == 1, ran.err
    assert not (tmp_path / "nowhere").exists()


def test_template_in_data_schema_is_the_same_blank_year(data) -> None:
    """The web-editor route copies data/schema/year-template/: the same files, no dates yet."""
    from tests.publishing.helpers import ROOT

    template = ROOT / "data" / "schema" / "year-template"
    new_year(data, "2024-25")
    made = data / "2024-25"
    assert sorted(p.name for p in template.iterdir()) == sorted(p.name for p in made.iterdir())
    shutil.copy(template / "report.yml", made / "report.yml")
    text = (made / "report.yml").read_text(encoding="utf-8")
    text = text.replace("start: YYYY-04-01", "start: 2024-04-01")
    text = text.replace("end: YYYY-03-31", "end: 2025-03-31")
    (made / "report.yml").write_text(text, encoding="utf-8")
    assert validate(data).ok
