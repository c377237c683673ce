"""How to complain, the young people's page and the home page, built (issue 16).

Two real builds: the made-up council of tests/fixtures/contact-demo (every contact supplied)
and Camden's data/ (every contact still a placeholder). Plus a preview with a draft year.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from portal.models.council import Council
from portal.scaffold import new_year
from tests.site.build import MINIMAL, ROOT, Built, build, copy_data
from tests.site.test_readability import offline_syllables  # noqa: F401 (a fixture)

DEMO = ROOT / "tests" / "fixtures" / "contact-demo"
CAMDEN = ROOT / "data"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Built:
    built = build(DEMO, tmp_path_factory.mktemp("demo"))
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="module")
def camden(tmp_path_factory) -> Built:
    built = build(CAMDEN, tmp_path_factory.mktemp("camden"))
    assert built.returncode == 0, built.output
    return built


def _pages(built: Built) -> list[str]:
    return sorted(
        str(p.parent.relative_to(built.site))
        for p in built.site.rglob("index.html")
        if p.relative_to(built.site).parts[0] not in ("assets", "search")
    )


def _council(folder: Path) -> Council:
    return Council.model_validate(yaml.safe_load((folder / "council.yml").read_text()))


def test_the_demo_council_says_it_is_made_up(demo: Built) -> None:
    text = (DEMO / "council.yml").read_text()
    assert "SYNTHETIC TEST DATA" in text and "made-up" in text
    for path in _pages(demo):
        assert "synthetic example" in demo.page(path).title.get_text(), path


def test_routes_come_before_who_can_complain(demo: Built) -> None:
    article = demo.page("how-to-complain").find("article")
    headings = [h.get_text(" ", strip=True) for h in article.find_all("h2")]
    assert headings[0] == "Ways to complain"
    assert headings.index("Who can complain") > headings.index("What happens next")
    first_link = article.find("h2").find_next("a")
    assert first_link.get_text(strip=True) == "Complain online"
    text = demo.text("how-to-complain")
    # The performance figure comes after the routes, with the timescales.
    assert text.index("answered") > text.index("Complain online")
    assert text.index("If a child is in danger now") < text.index("Ways to complain")


def test_no_link_shows_a_raw_web_address(demo: Built, camden: Built) -> None:
    for built in (demo, camden):
        for path in ("", "how-to-complain", "young-people"):
            for link in built.page(path).find("article").find_all("a"):
                assert not link.get_text(strip=True).startswith(("http:", "https:")), (path, link)


def test_danger_comes_first_for_young_people(demo: Built, camden: Built) -> None:
    for built in (demo, camden):
        article = built.page("young-people").find("article")
        assert article.find("h2").get_text(strip=True) == "If you are in danger"
        for number in ("tel:999", "tel:08001111"):
            assert article.find("a", href=number) is not None


def test_camden_says_plainly_what_is_missing(camden: Built) -> None:
    text = camden.text("how-to-complain")
    routes = text.split("Ways to complain", 1)[1].split("What happens next", 1)[0]
    assert "Camden has not added its contact details for complaints to this site yet" in routes
    for wrong in ("Ombudsman", "Ofsted"):
        assert wrong not in routes
    assert "to be added" not in routes


def test_no_page_prints_a_placeholder_as_a_link(camden: Built) -> None:
    for path in _pages(camden):
        page = camden.page(path)
        for placeholder in page.select(".portal-placeholder"):
            assert placeholder.find_parent("a") is None and not placeholder.find("a"), path


def test_a_site_with_placeholders_says_so_on_every_page(demo: Built, camden: Built) -> None:
    assert _council(CAMDEN).placeholders() and not _council(DEMO).placeholders()
    for path in _pages(camden):
        banner = camden.page(path).select_one("article .portal-unfinished")
        assert banner is not None and "not finished" in banner.get_text(), path
    for path in _pages(demo):
        assert demo.page(path).select_one(".portal-unfinished") is None, path


def test_home_safeguarding_box_ends_with_something_to_do(camden: Built) -> None:
    box = camden.page("").select_one("article .admonition.danger")
    assert box.find("a", href="tel:999") is not None
    assert box.find("a", href="tel:08088005000") is not None
    assert not box.select(".portal-placeholder")


def test_preview_keeps_the_home_page_on_the_published_year(tmp_path: Path) -> None:
    data = copy_data(MINIMAL, tmp_path / "data")
    new_year(data, "2024-25")  # an empty draft, as `portal new-year` makes it
    preview = build(data, tmp_path / "preview", preview=True)
    assert preview.returncode == 0, preview.output[-2000:]
    home = preview.text("")
    assert "Complaints in 2023 to 2024" in home and "2024 to 2025" not in home
    year = preview.text("reports/2024-25")
    assert "Still to fill in for this draft" in year
    assert "Not published for this year" not in year


@pytest.mark.usefixtures("offline_syllables")
@pytest.mark.parametrize("path", ["how-to-complain", "young-people"])
def test_both_councils_pages_are_plain_english(demo: Built, camden: Built, path: str) -> None:
    import textstat

    for built in (demo, camden):
        article = built.page(path).find("article")
        text = " ".join(p.get_text(" ", strip=True) for p in article.find_all(["p", "li"]))
        score = textstat.flesch_reading_ease(text)
        assert score >= 60, f"{built.site}: {path}: Flesch reading ease {score:.0f}"
