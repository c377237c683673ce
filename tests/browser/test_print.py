"""Print: a year report prints as a committee paper (content only, charts and tables both)."""

from __future__ import annotations

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
    // Each main section starts a new page, except the first (it follows the introduction)
    // and a section that only says "not published" (it follows on).
    badBreaks: h2s.filter(h => h.parentElement === article).map((h, i) => {
      const next = h.nextElementSibling, after = next && next.nextElementSibling;
      const short = next && next.classList.contains('portal-none')
        && (!after || after.tagName === 'H2');
      const want = i === 0 || short ? 'auto' : 'page';
      const got = getComputedStyle(h).breakBefore;
      return got === want ? null : `${h.textContent.trim()}: ${got}, not ${want}`;
    }).filter(Boolean),
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
                if state["badBreaks"] or state["sections"] < 2:
                    problems.append(f"{path}: page breaks before sections: {state['badBreaks']}")
            else:
                assert state["charts"] >= 2 and state["tables"] >= 2, state
        if scheme == "light":
            page.emulate_media(media="screen")
            goto(page, site.url(site.latest_year))
            (artifacts / "print").mkdir(exist_ok=True)
            name = site.latest_year.strip("/").replace("/", "-")
            page.pdf(
                path=str(artifacts / "print" / f"{name}.pdf"), format="A4", print_background=False
            )
    assert not problems, "\n".join(problems)
