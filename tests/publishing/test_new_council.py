"""Issue 12 item 11: a new council in minutes, and no Camden anywhere in what it builds.

From an empty folder: `portal new-council`, fill in what it asks for, add one year,
`portal validate`, build the site, and look in every file the build wrote.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from portal import national
from portal.cli import main
from tests.publishing.helpers import portal
from tests.site.build import Built, build

# What a member of staff types over the placeholders the validator insists on.
FILLED = {
    "the council's full name": "Anytown Borough Council",
    "the name used in sentences": "Anytown",
    "the advocacy service's name": "Anytown Young People's Advocacy",
    "what the advocacy service does": "Free, independent help for children who want to complain.",
}
PLACEHOLDER = re.compile(r"^(\s*)(\w+):\n\s*placeholder: (.*)$", re.M)


def fill(council: Path) -> None:
    """Replace each placeholder the validator refuses with a value; leave the rest waiting."""

    def replaced(match: re.Match[str]) -> str:
        for start, value in FILLED.items():
            if match[3].startswith(start):
                return f'{match[1]}{match[2]}: "{value}"'
        return match[0]

    council.write_text(PLACEHOLDER.sub(replaced, council.read_text(encoding="utf-8")))


def add_year(data: Path) -> None:
    """One published year with one figure, its source listed in sources.yml."""
    sources = data / "sources.yml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace(
            "\n[]\n",
            "\n- id: council-2023-24\n"
            "  title: Children's Social Care Complaints Annual Report 2023-24\n"
            "  publisher: Anytown Borough Council\n",
        ),
        encoding="utf-8",
    )
    assert main(["new-year", "2023-24", "--data", str(data)]) == 0
    report = data / "2023-24" / "report.yml"
    text = report.read_text(encoding="utf-8")
    text = text.replace(
        "stages:\n",
        'stages:\n  - stage: "1"\n    count: 40\n    label: complaints received at Stage 1\n'
        "    source: council-2023-24 §4.1\n",
        1,
    ).replace("status: draft", "status: published", 1)
    report.write_text(text, encoding="utf-8")


def test_writes_three_commented_files(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    ran = portal(capsys, "new-council", "--data", data)
    assert ran.code == 0, ran.err
    for name in ("council.yml", "vocabularies.yml", "sources.yml"):
        text = (data / name).read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=schema/"), name
        assert sum(line.startswith("#") for line in text.splitlines()) >= 5, name
        yaml.safe_load(text)  # well-formed as written
    assert (data / "schema" / "council.schema.json").is_file()


def test_never_overwrites(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "sources.yml").write_text("# mine\n", encoding="utf-8")
    ran = portal(capsys, "new-council", "--data", data)
    assert ran.code == 2
    assert "never overwrites" in ran.err and "Traceback" not in ran.err
    assert (data / "sources.yml").read_text(encoding="utf-8") == "# mine\n"
    assert not (data / "council.yml").exists()


def test_unfilled_names_are_asked_for_one_line_each(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    portal(capsys, "new-council", "--data", data)
    ran = portal(capsys, "validate", "--data", data)
    assert ran.code == 1
    lines = [line for line in (ran.out + ran.err).splitlines() if "council.yml" in line]
    asked = {re.search(r"\[([\w.]+)\]", line)[1] for line in lines}
    assert asked == {"name", "short_name", "advocacy.name", "advocacy.description"}
    assert all("replace the placeholder" in line for line in lines)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    """new-council, fill in, one year, validate, build: what a new council does."""
    data = tmp_path_factory.mktemp("new-council") / "data"
    assert main(["new-council", "--data", str(data)]) == 0
    fill(data / "council.yml")
    add_year(data)
    assert main(["validate", "--data", str(data)]) == 0
    done = build(data, tmp_path_factory.mktemp("site") / "site")
    assert done.returncode == 0, done.output[-3000:]
    return done


def test_the_built_site_has_no_camden_anywhere(built: Built) -> None:
    files = [p for p in built.site.rglob("*") if p.is_file()]
    assert len(files) > 20
    found = [str(p.relative_to(built.site)) for p in files if b"camden" in p.read_bytes().lower()]
    assert found == []
    assert "Anytown" in (built.site / "index.html").read_text(encoding="utf-8")
    assert "40" in built.text("reports/2023-24")


def test_the_national_facts_are_on_its_pages(built: Built) -> None:
    page = built.text("how-to-complain")
    for path in ("stage1.working_days", "stage2.extended_working_days"):
        assert f"{national.TIMESCALES[path].value} working days" in page
    assert national.REGULATIONS in page
    assert national.OMBUDSMAN_NAME.value in page
    assert "three independent people" in page
    for who in national.WHO_CAN_COMPLAIN:
        assert who in page
    assert "They should reply in 10 working days (2 weeks)." in built.text("young-people")
