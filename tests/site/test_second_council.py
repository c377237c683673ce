"""The unnamed council of report 004 builds with no code special-cased for it."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.site.build import ROOT, build

COUNCIL_004 = ROOT / "tests" / "fixtures" / "council-004"


def test_the_second_council_builds_and_shows_its_compliments(tmp_path: Path) -> None:
    built = build(COUNCIL_004, tmp_path / "site")
    assert built.returncode == 0, built.output
    council = yaml.safe_load((COUNCIL_004 / "council.yml").read_text())
    assert council["name"] in built.page("").title.get_text()
    quotes = yaml.safe_load((COUNCIL_004 / "2016-17" / "report.yml").read_text())["compliments"]
    page = built.text("compliments")
    assert "do not include" not in page
    for quote in quotes:
        assert " ".join(quote["text"].split())[:60] in page
    year = built.text("reports/2016-17")
    # Stage 3 was published as none at all: a real zero, shown as 0, not "not published".
    stage3 = year.split("Stage 3: review panel")[1].split("The Ombudsman")[0]
    assert ": 0." in stage3


def test_camden_says_plainly_that_it_published_no_compliments(tmp_path: Path) -> None:
    built = build(ROOT / "data", tmp_path / "site")
    assert built.returncode == 0, built.output
    assert "do not include figures or quotes about compliments" in built.text("compliments")
