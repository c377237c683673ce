"""Finding your way and reading on a phone (issue 18): year pages in time order, no staff page
in the search, chart text at least 12 px and readable tables at 375 px."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import CHARTS_JS, goto, open_page, render_everything

pytestmark = pytest.mark.browser

PHONE = 375
SMALLEST_CHART_TEXT = 12  # CSS px, as drawn (the SVG scales with the column)
FIRST_COLUMN = 80  # CSS px: about ten characters, not one word a line

CHART_TEXT_JS = """
() => (__CHARTS__)().flatMap(svg => {
  const drawn = svg.getBoundingClientRect().width;
  const box = svg.viewBox.baseVal;
  const scale = drawn / (box && box.width ? box.width : svg.width.baseVal.value);
  return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => [
    t.textContent.trim().slice(0, 30),
    parseFloat(getComputedStyle(t).fontSize) * scale,
  ]);
})
""".replace("__CHARTS__", CHARTS_JS.strip())

SHOW_TABLES_CSS = ".tabbed-set > .tabbed-content > .tabbed-block { display: block !important; }"
TABLES_JS = """
() => [...document.querySelectorAll('article .portal-table')].map(box => {
  const first = box.querySelector('tbody th, tbody td');
  return {
    caption: (box.querySelector('caption') || box).textContent.trim().slice(0, 40),
    first: first ? first.getBoundingClientRect().width : null,
    scrolls: box.scrollWidth > box.clientWidth + 1,
    shadow: getComputedStyle(box).backgroundImage.includes('gradient'),
  };
})
"""


def _year_pages(site) -> list[str]:
    return sorted(p for p in site.pages if re.fullmatch(r"/reports/\d{4}-\d\d/", p))


def test_next_and_previous_go_forward_and_back_in_time(browser, site):
    years = _year_pages(site)
    assert len(years) >= 2
    with open_page(browser, 1280) as page:
        goto(page, site.url(years[0]))
        for later in years[1:]:
            page.locator("a.md-footer__link--next").click()
            page.wait_for_url(site.url(later))
        for earlier in reversed(years[:-1]):
            page.locator("a.md-footer__link--prev").click()
            page.wait_for_url(site.url(earlier))
        # The year switcher reaches every year from any one.
        switcher = page.locator("nav.portal-years a")
        assert switcher.count() == len(years) - 1


def test_no_staff_page_is_in_the_search_index(browser, site):
    with open_page(browser, 1280) as page:
        goto(page, site.url("/"))
        index = page.evaluate("() => fetch('search/search_index.json').then(r => r.json())")
        searched = {doc["location"].split("#")[0] for doc in index["docs"]}
        menu = page.evaluate(
            "() => [...document.querySelectorAll('nav.md-nav--primary a')].map(a => a.href)"
        )
    for staff in ("publishing/", "staff/data-dictionary/"):
        assert (site.root / staff / "index.html").is_file(), staff
        assert staff not in searched, f"{staff} is in the search index"
        assert not any(href.endswith("/" + staff) for href in menu), f"{staff} is in the menu"


def test_chart_text_and_tables_are_readable_on_a_phone(browser, site, artifacts):
    pages = [p for p in site.pages if p.startswith(("/reports/", "/trends/"))]
    problems = []
    with open_page(browser, PHONE) as page:
        for path in pages:
            goto(page, site.url(path))
            render_everything(page)
            if path == site.latest_year:
                (artifacts / "screenshots").mkdir(exist_ok=True)
                page.screenshot(
                    path=str(artifacts / "screenshots" / f"year-{PHONE}-light.png"), full_page=True
                )
            small = [t for t in page.evaluate(CHART_TEXT_JS) if t[1] < SMALLEST_CHART_TEXT - 0.05]
            if small:
                problems.append(f"{path}: chart text under {SMALLEST_CHART_TEXT} px: {small[:3]}")
            # The tables behind each chart's "Table" tab too, as a reader who opens it sees them.
            page.add_style_tag(content=SHOW_TABLES_CSS)
            for table in page.evaluate(TABLES_JS):
                if table["first"] is not None and table["first"] < FIRST_COLUMN:
                    problems.append(f"{path}: {table['caption']}: first column {table['first']}px")
                if table["scrolls"] and not table["shadow"]:
                    problems.append(f"{path}: {table['caption']}: scrolls with no sign of it")
    assert not problems, "\n".join(problems)
