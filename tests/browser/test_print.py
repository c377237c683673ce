"""Print: a year report prints as a committee paper (content only, charts and tables both, a
cover block, numbered A4 pages, no near-empty pages)."""

from __future__ import annotations

import io

import pytest

from tests.browser.helpers import CHARTS_JS, WIDE, goto, open_page

pytestmark = pytest.mark.browser

HIDDEN_IN_PRINT = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-search",
    ".portal-skip",
]

STATE_JS = """
() => {
  const shown = el => el.getClientRects().length > 0
    && getComputedStyle(el).visibility === 'visible';
  const article = document.querySelector('article');
  const charts = (__CHARTS__)();
  const tables = [...article.querySelectorAll('table')];
  const h2s = [...article.querySelectorAll('h2')];
  return {
    charts: charts.length,
    hiddenCharts: charts.filter(c => !shown(c)).map(c => c.outerHTML.slice(0, 80)),
    tables: tables.length,
    hiddenTables: tables.filter(t => !shown(t))
      .map(t => (t.caption || t).textContent.slice(0, 60)),
    tabLabelsShown: [...article.querySelectorAll('.tabbed-labels')].filter(shown).length,
    report: article.classList.contains('portal-report'),
    // Every bit of text a reader reads, at its printed size (CSS px; 10 pt is 13.33 px).
    smallText: [...article.querySelectorAll('p, li, td, th, dd, dt, caption, figcaption')]
      .filter(shown)
      .filter(el => el.closest('svg') === null && el.textContent.trim())
      .map(el => [el.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(el).fontSize)])
      .filter(([, size]) => size < 13.33),
    cover: [...article.querySelectorAll('.portal-cover')].filter(shown).length,
    sections: h2s.length,
    textColour: getComputedStyle(article).color,
    background: getComputedStyle(document.body).backgroundColor,
  };
}
""".replace("__CHARTS__", CHARTS_JS.strip())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_year_report_prints_as_a_committee_paper(browser, site, artifacts, scheme):
    problems = []
    with open_page(browser, WIDE, scheme=scheme) as page:
        for path in (site.latest_year, site.component_page):
            goto(page, site.url(path))
            page.emulate_media(media="print")
            for selector in HIDDEN_IN_PRINT:
                if page.locator(selector).first.is_visible():
                    problems.append(f"{path}: {selector} is printed")
            state = page.evaluate(STATE_JS)
            if state["hiddenCharts"]:
                problems.append(f"{path}: charts missing from print: {state['hiddenCharts']}")
            if state["hiddenTables"]:
                problems.append(f"{path}: tables missing from print: {state['hiddenTables']}")
            if state["tabLabelsShown"]:
                problems.append(f"{path}: tab labels printed")
            if state["textColour"] != "rgb(11, 12, 12)" or state["background"] not in (
                "rgba(0, 0, 0, 0)",
                "rgb(255, 255, 255)",
            ):
                problems.append(
                    f"{path}: prints {state['textColour']} on {state['background']}, "
                    "not black on white"
                )
            if path == site.latest_year:
                if not state["report"]:
                    problems.append(f"{path}: the year report has no .portal-report class")
                if state["sections"] < 2:
                    problems.append(f"{path}: only {state['sections']} sections printed")
                if state["smallText"]:
                    problems.append(f"{path}: text under 10 pt in print: {state['smallText'][:5]}")
                if state["cover"] != 1:
                    problems.append(f"{path}: {state['cover']} cover blocks printed, not 1")
            else:
                assert state["charts"] >= 2 and state["tables"] >= 2, state
        if scheme == "light":
            page.emulate_media(media="print")  # the PDF is the printed paper
            goto(page, site.url(site.latest_year))
            (artifacts / "print").mkdir(exist_ok=True)
            name = site.latest_year.strip("/").replace("/", "-")
            page.pdf(
                path=str(artifacts / "print" / f"{name}.pdf"), format="A4", print_background=False
            )
    assert not problems, "\n".join(problems)


# Issue 18: the latest year printed on 18 A4 pages when every section started a new page.
MOST_PAGES = 14


def test_the_latest_year_prints_on_numbered_a4_pages(browser, site, artifacts):
    from pypdf import PdfReader

    with open_page(browser, WIDE) as page:
        goto(page, site.url(site.latest_year))
        pdf = page.pdf(format="A4", print_background=False)
        title = page.locator("article h1").inner_text()
        # Page 1 of the print, as a picture for people to look at.
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 px an inch
        (artifacts / "print").mkdir(exist_ok=True)
        page.screenshot(path=str(artifacts / "print" / "latest-year-page-1.png"))
    reader = PdfReader(io.BytesIO(pdf))
    pages = [p.extract_text() or "" for p in reader.pages]
    assert len(pages) <= MOST_PAGES, f"{site.latest_year} prints on {len(pages)} A4 pages"
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text, f"page {number}: no page number"
    # The running header names the year on every sheet; the cover names it on the first.
    year = title.removeprefix("Complaints report ").strip()
    assert all(year in text for text in pages), f"a printed page does not say {year!r}"
    first = " ".join(pages[0].split())
    assert "Source:" in first, first[:300]
    # No near-empty page (a heading and a line, then a forced break): every page but the
    # last has more than its header, footer and a sentence or two. A page of chart and
    # table has about 60 words.
    words = [len(text.split()) for text in pages]
    assert all(w >= 30 for w in words[:-1]), f"words a page: {words}"
