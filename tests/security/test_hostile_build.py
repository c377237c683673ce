"""One build with a hostile string in every text field at once (tests/security/hostile.py).

Every HTML, SVG and XML file and the search index are read with real parsers: nothing that
came from the data may run (no script element, event handler or script link beyond those the
clean build of the same fixture has: the theme's own), Jinja in the data is never evaluated,
and the data is shown as the literal text it is.
"""

from __future__ import annotations

import shutil

import pytest

from tests.security.hostile import FIXTURE, HOSTILE, JINJA, JINJA_RAN, hostile_copy
from tests.security.model_fields import text_leaves
from tests.security.scan import every_file_text, site_findings
from tests.site.build import Built, build


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Built, set[str]]:
    root = tmp_path_factory.mktemp("hostile")
    filled = hostile_copy(root / "hostile-data")
    shutil.copytree(FIXTURE, root / "clean-data")
    hostile = build(root / "hostile-data", root / "hostile-site")
    clean = build(root / "clean-data", root / "clean-site")
    assert clean.returncode == 0, clean.output[-3000:]
    assert hostile.returncode == 0, hostile.output[-3000:]
    return clean, hostile, filled


def test_every_text_field_of_every_model_is_hostile(builds: tuple[Built, Built, set]) -> None:
    missed = text_leaves() - builds[2]
    assert not missed, f"add an example of {sorted(missed)} to tests/fixtures/hostile/"


def test_every_page_of_the_clean_build_is_built(builds: tuple[Built, Built, set]) -> None:
    clean, hostile, _ = builds
    pages = {p.relative_to(clean.site) for p in clean.site.rglob("*.html")}
    assert len(pages) > 10
    assert pages == {p.relative_to(hostile.site) for p in hostile.site.rglob("*.html")}


def test_nothing_from_the_data_can_run(builds: tuple[Built, Built, set]) -> None:
    clean, hostile, _ = builds
    theirs = site_findings(clean.site)
    assert theirs, "the scan finds the theme's own scripts, so it does look"
    extra = site_findings(hostile.site) - theirs
    assert not extra, "\n".join(sorted(extra)[:40])


def test_jinja_in_the_data_is_shown_not_run(builds: tuple[Built, Built, set]) -> None:
    _, hostile, _ = builds
    ran = [name for name, text in every_file_text(hostile.site).items() if JINJA_RAN in text]
    assert not ran
    for page in ("", "reports/2023-24", "how-to-complain", "about"):
        assert JINJA in hostile.text(page), page


def test_the_hostile_text_is_shown_literally(builds: tuple[Built, Built, set]) -> None:
    _, hostile, _ = builds
    # Line breaks become spaces, so compare with the spacing the page shows.
    shown = " ".join(HOSTILE.split())
    for page in ("", "reports/2023-24", "how-to-complain", "about", "learning"):
        assert shown in hostile.text(page), page


def test_commentary_html_is_text_and_its_script_links_are_gone(
    builds: tuple[Built, Built, set],
) -> None:
    _, hostile, _ = builds
    block = hostile.page("reports/2023-24").select_one(".portal-commentary")
    assert block is not None
    hrefs = [a.get("href") for a in block.find_all("a")]
    assert "https://example.org" in hrefs
    assert all(href is None or href.startswith("https:") for href in hrefs)
    text = block.get_text()
    assert "<img src=x onerror=alert(1)>" in text
    assert "<script>alert(1)</script>" in text
    assert block.find("h3") is not None and block.find("h1") is None
