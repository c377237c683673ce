"""The publishing docs tell the truth: real messages, real commands, real file names."""

from __future__ import annotations

import re

from portal.scaffold import year_files
from tests.publishing.helpers import ROOT

GUIDE = (ROOT / "docs" / "publishing.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _portal_source() -> str:
    """Every message in portal/, with adjacent string literals joined as Python joins them."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "portal").rglob("*.py"))
    return re.sub(r"\"\s*\n\s*f?\"", "", text)


def test_every_message_in_the_table_is_a_real_message() -> None:
    table = GUIDE.split("## What the messages mean", 1)[1].split("\n## ", 1)[0]
    messages = re.findall(r"^\| `([^`]+)` \|", table, re.M)
    assert len(messages) >= 25
    source = _portal_source()
    missing = [m for m in messages if m not in source]
    assert not missing, f"not a message of portal/ (reworded?): {missing}"


def test_the_guide_covers_the_web_editor_route_checks_and_publishing() -> None:
    for words in (
        "Add file",
        "Create new file",
        "data/2024-25/report.yml",
        "data/schema/year-template/report.yml",
        "portal new-year 2024-25",
        "red X",
        "Files changed",
        "Merge pull request",
        "status: draft",
        "status: published",
        "revisions:",
        "data/withdrawals.yml",
        "kind: correction",
    ):
        assert words in GUIDE, words


def test_the_guide_quotes_the_template_and_the_workflows_as_they_are() -> None:
    template = year_files("2024-25")["report.yml"]
    assert "status: draft" in template and "period:" in template
    assert "YYYY-04-01" in (ROOT / "data" / "schema" / "year-template" / "report.yml").read_text()
    workflows = {p.name: p.read_text() for p in (ROOT / ".github" / "workflows").glob("*.yml")}
    assert "name: Start a new year" in workflows["new-year.yml"]
    assert "name: Publish" in workflows["publish.yml"]
    assert "name: Check the data" in workflows["check.yml"]
    assert "name: preview-site" in workflows["check.yml"]
    for words in ("Start a new year", "Publish", "Check the data", "preview-site"):
        assert words in GUIDE, words


def test_readme_quick_start_is_exactly_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(
        r"^(?:\$ )?(make \S+)", "\n".join(re.findall(r"```\w*\n(.*?)```", quick, re.S)), re.M
    )
    assert commands == ["make serve", "make test"]
    assert "http://127.0.0.1:8000" in quick


def test_readme_links_the_guides_and_names_the_licence() -> None:
    for words in (
        "docs/publishing.md",
        "data/README.md",
        "CONTRIBUTING.md",
        "Open Government Licence v3.0",
        "make build",
        "make validate",
        "make bench",
    ):
        assert words in README, words
