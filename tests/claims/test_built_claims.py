"""Issue 13, item 2: every claim on the built pages of every fixture holds against the open
data, worked out again by tests/claims/check.py (not by the claim engine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.claims.check import Checker, claims_on
from tests.site.build import ROOT, Built, build

FIXTURES = {
    "camden": ROOT / "data",
    "council-004": ROOT / "tests" / "fixtures" / "council-004",
    "synthetic": ROOT / "tests" / "fixtures" / "synthetic",
}


@pytest.fixture(scope="module", params=sorted(FIXTURES))
def site(request, tmp_path_factory) -> tuple[Built, Path]:
    data = FIXTURES[request.param]
    out = tmp_path_factory.mktemp(f"claims-{request.param}") / "site"
    built = build(data, out)
    assert built.returncode == 0, built.output[-3000:]
    return built, data


def test_every_claim_holds_against_the_open_data(site) -> None:
    built, data = site
    checker = Checker(built.site, data)
    found = claims_on(built.site)
    assert found, "no claims marked on any page"
    failures = [
        f"{f.page}: {f.text!r}: {problem}"
        for f in found
        if (problem := checker.check(f)) is not None
    ]
    assert not failures, "\n".join(failures)


def test_every_chart_title_that_names_a_winner_is_a_claim(site) -> None:
    """A title saying 'most', 'more than half', 'rose' or 'fell' without a claim would escape
    the check above."""
    built, _ = site
    unmarked = []
    for file in sorted(built.site.rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        if "portal-figure-title" not in text:
            continue
        from bs4 import BeautifulSoup

        for title in BeautifulSoup(text, "html.parser").select(".portal-figure-title"):
            words = title.get_text(" ", strip=True)
            if not title.has_attr("data-claim") and any(
                w in f" {words.lower()} "
                for w in (" most ", " more than half ", " rose ", " fell ", " all ")
            ):
                unmarked.append(f"{file.relative_to(built.site)}: {words}")
    assert not unmarked, "\n".join(unmarked)


def test_no_chart_says_not_published_for_a_value_its_table_shows(site) -> None:
    """Item 3: percentages are drawn when counts are incomplete, never 'not published' bars."""
    from bs4 import BeautifulSoup

    built, _ = site
    wrong = []
    for file in sorted(built.site.rglob("*.html")):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for figure in soup.select("figure.portal-figure"):
            svg = figure.select_one("svg")
            if svg is None:
                continue
            for element in svg.select("title, desc"):
                element.decompose()
            drawn = sum(1 for t in svg.select("text") if t.get_text(strip=True) == "not published")
            empty = sum(
                1
                for row in figure.select("table tbody tr")
                if all("not published" in td.get_text() for td in row.select("td"))
            )
            if drawn > empty:
                wrong.append(f"{file.relative_to(built.site)}#{figure.get('id')}")
    assert not wrong, "\n".join(wrong)
