"""Acceptance: start a year with `portal new-year`, fill it in, publish it, see it on the site."""

from __future__ import annotations

import shutil

from portal.load import validate
from tests.publishing.helpers import (
    build,
    copy_fixture,
    portal,
    replace_once,
)

SOURCE_FOLDER = "2023-24"


def fill_in(data, label: str) -> None:
    """What an editor does: copy a year's figures into the new year's (template) files."""
    source, target = data / SOURCE_FOLDER, data / label
    stages = (source / "report.yml").read_text(encoding="utf-8").split("stages:\n", 1)[1]
    replace_once(target / "report.yml", "stages:\n", "stages:\n" + stages)
    for csv in source.glob("*.csv"):
        rows = csv.read_text(encoding="utf-8").split("\n", 1)[1]
        with (target / csv.name).open("a", encoding="utf-8") as handle:
            handle.write(rows)


def errors(data) -> list[str]:
    return [p.format() for p in validate(data).errors]


def test_a_new_year_appears_on_the_site_once_published(tmp_path, capsys) -> None:
    data = copy_fixture(tmp_path)
    assert portal(capsys, "new-year", "2024-25", "--data", data).code == 0
    assert portal(capsys, "validate", "--data", data).code == 0  # empty but well-formed

    fill_in(data, "2024-25")
    assert not errors(data)
    draft_site = tmp_path / "draft"
    built = build(data, draft_site, preview=False)
    assert built.returncode == 0, built.stdout + built.stderr
    assert not (draft_site / "reports" / "2024-25").exists(), "a draft is never published"
    assert (draft_site / "reports" / "2023-24" / "index.html").is_file()

    preview_site = tmp_path / "preview"
    built = build(data, preview_site, preview=True)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (preview_site / "reports" / "2024-25" / "index.html").is_file(), "previews show drafts"

    replace_once(data / "2024-25" / "report.yml", "status: draft", "status: published")
    # Publishing needs nothing else: from now on its figures are on record in git.
    assert portal(capsys, "validate", "--data", data).code == 0, errors(data)

    public_site = tmp_path / "public"
    built = build(data, public_site, preview=False)
    assert built.returncode == 0, built.stdout + built.stderr
    page = public_site / "reports" / "2024-25" / "index.html"
    assert page.is_file()
    assert "2024" in page.read_text(encoding="utf-8")


def test_a_year_started_from_the_template_in_the_web_editor_validates(tmp_path, capsys) -> None:
    """The web-editor route: report.yml copied from data/schema/year-template, dates filled."""
    from tests.publishing.helpers import ROOT

    data = copy_fixture(tmp_path)
    (data / "2024-25").mkdir()
    template = (ROOT / "data" / "schema" / "year-template" / "report.yml").read_text()
    template = template.replace("YYYY-04-01", "2024-04-01").replace("YYYY-03-31", "2025-03-31")
    (data / "2024-25" / "report.yml").write_text(template, encoding="utf-8")
    shutil.copy(data / "2023-24" / "service_areas.csv", data / "2024-25" / "service_areas.csv")
    ran = portal(capsys, "validate", "--data", data)
    # Rows but no stage counts yet: nothing to add up to, and the rows are valid.
    assert ran.code == 0, ran.out
