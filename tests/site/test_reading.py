"""Issue 18 in the built site: staff pages apart from readers' pages, year navigation in time
order, a description per page, empty sections on one line, a cover for print."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from macros.sections import TITLES
from portal.site.cover import css_string
from tests.site.build import MINIMAL, Built, build, copy_data

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _front_matter(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def _staff_pages() -> list[str]:
    """Pages kept out of search by their front matter: the staff area."""
    return sorted(
        p.relative_to(DOCS).with_suffix("").as_posix()
        for p in DOCS.rglob("*.md")
        if (_front_matter(p).get("search") or {}).get("exclude")
    )


def _years(site: Built) -> list[str]:
    return sorted(
        p.name for p in (site.site / "reports").iterdir() if re.match(r"\d{4}-\d\d$", p.name)
    )


def _pages(site: Built) -> list[str]:
    return sorted(
        p.parent.relative_to(site.site).as_posix()
        for p in site.site.rglob("index.html")
        if not p.parent.relative_to(site.site).as_posix().startswith(("assets", "search"))
    )


def test_staff_pages_are_built_but_not_in_the_menu_or_the_search(minimal_site: Built) -> None:
    staff = _staff_pages()
    assert "publishing" in staff and "staff/data-dictionary" in staff, staff
    index = json.loads((minimal_site.site / "search" / "search_index.json").read_text())
    searched = {doc["location"].split("#")[0].rstrip("/") for doc in index["docs"]}
    menu = {
        a["href"].strip("./").rstrip("/")
        for a in minimal_site.page("").select("nav.md-nav--primary a[href]")
    }
    for page in staff:
        assert (minimal_site.site / page / "index.html").is_file(), page
        assert page not in searched, f"{page} is in the search index"
        assert not any(href.endswith(page) for href in menu if href), f"{page} is in the menu"


def test_about_is_for_readers_and_the_key_reference_is_on_the_staff_page(
    minimal_site: Built,
) -> None:
    about = minimal_site.text("about")
    staff = minimal_site.text("staff/data-dictionary")
    # A YAML key path such as `stages[].count` is staff material.
    assert re.search(r"\w+\[\]\.\w+", staff), staff[:300]
    assert not re.search(r"\w+\[\]\.\w+", about), "About the data lists YAML keys"
    for heading in ("Words we use", "Sources", "Revisions", "Download the data"):
        assert heading in about


def test_year_pages_go_back_and_forward_in_time(minimal_site: Built) -> None:
    years = _years(minimal_site)
    assert len(years) >= 2
    for i, label in enumerate(years):
        page = minimal_site.page(f"reports/{label}")
        previous = page.select_one("a.md-footer__link--prev")
        following = page.select_one("a.md-footer__link--next")
        if i == 0:
            assert previous is None, label
        else:
            assert previous["href"].rstrip("/").endswith(years[i - 1]), (label, previous["href"])
        if i == len(years) - 1:
            assert following is None, label
        else:
            assert following["href"].rstrip("/").endswith(years[i + 1]), (label, following["href"])


def test_every_year_page_has_a_year_switcher(minimal_site: Built) -> None:
    years = _years(minimal_site)
    for label in years:
        switcher = minimal_site.page(f"reports/{label}").select_one("nav.portal-years")
        links = [a["href"] for a in switcher.select("a[href]")]
        assert links == [f"../{y}/" for y in years if y != label], (label, links)
        current = switcher.select_one('[aria-current="page"]')
        start = int(label[:4])
        assert current.get_text(strip=True) == f"{start} to {start + 1}"


def test_every_page_has_its_own_description(minimal_site: Built) -> None:
    found: dict[str, str] = {}
    for path in _pages(minimal_site):
        meta = minimal_site.page(path).select_one('meta[name="description"]')
        assert meta is not None and meta["content"].strip(), path
        found[path] = meta["content"]
    repeated = {d for d in found.values() if list(found.values()).count(d) > 1}
    assert not repeated, {p: d for p, d in found.items() if d in repeated}


def test_empty_sections_are_one_line_not_headings(minimal_site: Built) -> None:
    for label in _years(minimal_site):
        page = minimal_site.page(f"reports/{label}")
        headings = {h.get_text(strip=True) for h in page.select("article h2")}
        line = page.select_one(".portal-not-published")
        listed = line.get_text(" ", strip=True).lower() if line else ""
        for title in TITLES.values():
            # Each section is either a heading with content, or named on the one line.
            assert (title in headings) != (title.lower() in listed), (label, title)
        assert not page.select("article h2 + .portal-none"), label
        assert line is None or line.has_attr("data-search-exclude"), label
        for value in page.select(".portal-stat__value"):
            if value.get_text(strip=True) == "not published":
                assert "portal-stat__value--none" in value["class"], label


def test_a_printed_year_says_which_council_and_year_it_is(minimal_site: Built) -> None:
    for label in _years(minimal_site):
        html = (minimal_site.site / "reports" / label / "index.html").read_text()
        head = html.split("</head>")[0]
        assert '<style media="print">@page' in head, label
        cover = minimal_site.page(f"reports/{label}").select_one(".portal-cover")
        assert cover is not None and "Source:" in cover.get_text(), label


def test_data_text_cannot_escape_the_running_header() -> None:
    hostile = 'A council"; } </style><script>alert(1)</script> \\'
    quoted = css_string(hostile)
    inner = quoted[1:-1]
    assert quoted.startswith('"') and quoted.endswith('"')
    assert not set(inner) & set("\"'<>;{}/"), quoted
    # Each escape is six hex digits and the space that ends it.
    assert re.fullmatch(r"(?:[A-Za-z0-9 ]|\\[0-9a-f]{6} )*", inner), quoted


def _menu(site: Built) -> set[str]:
    return {a.get_text(strip=True) for a in site.page("").select("nav.md-nav--primary a")}


def _home_links(site: Built) -> set[str]:
    return {a.get("href") for a in site.page("").select("article a")}


def test_no_menu_entry_or_home_link_leads_to_an_empty_page(
    minimal_site: Built, tmp_path: Path
) -> None:
    assert "Compliments" in _menu(minimal_site)  # the fixture's 2023-24 quotes a compliment
    assert "compliments/" in _home_links(minimal_site)
    data = copy_data(MINIMAL, tmp_path / "data")
    report = data / "2023-24" / "report.yml"
    text = report.read_text()
    start = text.index("\ncompliments:")
    end = text.find("\n\n", start + 1)
    report.write_text(text[:start] + (text[end:] if end != -1 else "\n"))
    built = build(data, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert "Compliments" not in _menu(built)
    assert "compliments/" not in _home_links(built)
    assert "About the data" in built.text("")  # the list around it is intact
