"""With JavaScript switched off the site still works: charts, tables, menus, links, reflow."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser.helpers import CHARTS_JS, NARROW, WIDE, goto, install, open_page, settle

pytestmark = pytest.mark.browser

# Marks each chart, the data table that goes with it, and for anything inside a tab that is
# not showing, the tab's label. Returns what it found.
MARK_JS = """
() => {
  const charts = (__CHARTS__)();
  const labelFor = el => {
    const block = el.closest('.tabbed-block');
    if (!block) return null;
    const index = [...block.parentElement.children].indexOf(block);
    const set = block.closest('.tabbed-set');
    return set.querySelector(`:scope > .tabbed-labels > label:nth-child(${index + 1})`);
  };
  return charts.map((svg, i) => {
    svg.dataset.portalChart = i;
    const box = svg.closest('figure') || svg.closest('.tabbed-set');
    const table = box ? box.querySelector('table') : null;
    if (table) table.dataset.portalTable = i;
    const chartLabel = labelFor(svg), tableLabel = table ? labelFor(table) : null;
    if (chartLabel) chartLabel.dataset.portalChartLabel = i;
    if (tableLabel) tableLabel.dataset.portalTableLabel = i;
    const name = svg.getAttribute('aria-label')
      || (svg.querySelector('title') || {}).textContent || `chart ${i + 1}`;
    return {name: name.trim().slice(0, 60), table: !!table};
  });
}
""".replace("__CHARTS__", CHARTS_JS.strip())


def _shown(page, selector: str, label_selector: str) -> bool:
    """Visible once scrolled to, or after one click on the label of the tab it is in."""
    element = page.locator(selector)
    # Scroll its figure into view: pages may skip the layout of what is off screen.
    element.evaluate(
        "el => (el.closest('figure, .tabbed-set, .portal-table-block') || el).scrollIntoView()"
    )
    settle(page)
    if element.is_visible():
        return _big_enough(element)
    label = page.locator(label_selector)
    if label.count() != 1 or not label.is_visible():
        return False
    label.click()
    return element.is_visible() and _big_enough(element)


def _big_enough(element) -> bool:
    box = element.bounding_box()
    return box is not None and box["width"] >= 50 and box["height"] >= 20


def test_charts_tables_and_reflow_without_javascript(browser, site):
    problems, found = [], {}
    with open_page(browser, NARROW, js=False) as page:
        for path in site.all_pages:
            goto(page, site.url(path), js=False)
            install(page)
            overflow = page.evaluate("window.__portal.overflow()")
            if overflow:
                problems.append(f"{path}: scrolls sideways at {NARROW} px: {overflow}")
            charts = page.evaluate(MARK_JS)
            found[path] = len(charts)
            for i, chart in enumerate(charts):
                chart_shown = _shown(
                    page, f'[data-portal-chart="{i}"]', f'[data-portal-chart-label="{i}"]'
                )
                if not chart_shown:
                    problems.append(f"{path}: chart '{chart['name']}' cannot be seen")
                if not chart["table"]:
                    problems.append(f"{path}: chart '{chart['name']}' has no data table with it")
                elif not _shown(
                    page, f'[data-portal-table="{i}"]', f'[data-portal-table-label="{i}"]'
                ):
                    problems.append(f"{path}: the table of '{chart['name']}' cannot be opened")
    assert found.get(site.component_page, 0) >= 2, f"charts found: {found}"
    assert not problems, "without JavaScript:\n" + "\n".join(problems)


def _page_with_menu(site) -> str:
    """How to complain, unless its front matter hides the menu; then the first page that shows
    it."""
    for path in ("/how-to-complain/", *site.pages):
        target = site.root / path.strip("/")
        html = (target if path.endswith(".html") else target / "index.html").read_text("utf-8")
        if 'data-md-type="navigation" hidden' not in html:
            return path
    pytest.fail("no page shows the menu on wide screens")


def test_menu_links_work_without_javascript(browser, site):
    start = _page_with_menu(site)
    with open_page(browser, WIDE, js=False) as page:
        goto(page, site.url(start), js=False)
        links = page.locator(".md-sidebar--primary a.md-nav__link")
        hrefs = [
            links.nth(i).get_attribute("href")
            for i in range(links.count())
            if links.nth(i).is_visible()
        ]
        assert len(hrefs) >= 5, f"only {len(hrefs)} menu links visible without JavaScript"
        problems = []
        for href in dict.fromkeys(hrefs):
            expected = urlsplit(urljoin(site.url(start), href)).path
            page.locator(f'.md-sidebar--primary a.md-nav__link[href="{href}"]').first.click()
            page.wait_for_load_state("load")
            arrived = urlsplit(page.url).path
            if arrived != expected:
                problems.append(f"menu link {href} went to {arrived}, not {expected}")
            elif not page.locator("article h1").first.is_visible():
                problems.append(f"{arrived}: no visible heading after following the menu")
            goto(page, site.url(start), js=False)
    assert not problems, "\n".join(problems)


def test_phone_menu_opens_without_javascript(browser, site):
    with open_page(browser, NARROW, js=False) as page:
        goto(page, site.url("/"), js=False)
        target = page.locator('.md-sidebar--primary a.md-nav__link[href$="how-to-complain/"]')
        assert not target.first.is_visible() or target.first.bounding_box()["x"] < 0
        page.locator('.md-header label[for="__drawer"]').click()
        page.wait_for_timeout(400)  # the drawer slides in
        box = target.first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= NARROW, box
        target.first.click()
        page.wait_for_load_state("load")
        assert urlsplit(page.url).path == "/how-to-complain/"


def test_how_to_complain_reads_without_javascript(browser, site):
    with open_page(browser, NARROW, js=False) as page:
        goto(page, site.url("/how-to-complain/"), js=False)
        assert page.locator("article h1").first.is_visible()
        hidden = page.evaluate(
            """() => [...document.querySelectorAll(
                 'article p, article li, article h2, article h3, article table, article dl')]
               .filter(el => !el.closest('details:not([open]), .tabbed-block'))
               .filter(el => !el.getClientRects().length
                             || getComputedStyle(el).visibility !== 'visible')
               .map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 60))"""
        )
        assert not hidden, f"text hidden without JavaScript: {hidden}"
        text = page.locator("article").inner_text()
        assert len(text) > 300, f"the page has almost no text without JavaScript: {text!r}"
