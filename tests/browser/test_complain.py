"""How to complain on a phone (issue 16): routes on the first screen, no dead end, no fake link.

Two builds, each served on 127.0.0.1: the made-up council of tests/fixtures/contact-demo (every
contact supplied) and Camden's data/ (every contact still a placeholder). Checked at 375 x 812
(a common phone), plus axe-core on these pages and screenshots for people to look at.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import ROOT, Site, _discover, _QuietHandler
from tests.browser.helpers import WIDE, goto, install, open_page, render_everything
from tests.browser.sweep import check_skip_link, run_sweep
from tests.site.build import build

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
SOURCES = {"demo": ROOT / "tests" / "fixtures" / "contact-demo", "camden": ROOT / "data"}
PAGES = ("/how-to-complain/", "/young-people/")
HOME = "/"

# Text nodes of the article laid out on the first screen (top of the page, not scrolled).
FIRST_SCREEN_TEXT = """() => {
  const main = document.querySelector('article');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const out = [];
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.height > 0 && r.top < window.innerHeight && r.bottom > 0) out.push(node.textContent);
  }
  return out.join(' ').replace(/\\s+/g, ' ');
}"""

# Links of the article on the first screen: [href, text].
FIRST_SCREEN_LINKS = """() => [...document.querySelectorAll('article a[href]')]
  .filter(a => { const r = a.getBoundingClientRect();
                 return r.height > 0 && r.bottom <= window.innerHeight && r.top >= 0; })
  .map(a => [a.getAttribute('href'), a.textContent.trim()])"""

# Every placeholder that is styled like a link.
PLACEHOLDER_LOOKS = """() => [...document.querySelectorAll('.portal-placeholder')].map(el => {
  const s = getComputedStyle(el);
  return {text: el.textContent.trim(), inLink: !!el.closest('a'),
          underline: s.textDecorationLine.includes('underline'),
          border: s.borderBottomStyle !== 'none' && parseFloat(s.borderBottomWidth) > 0};
}).filter(p => p.inLink || p.underline || p.border)"""


def _serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> Iterator[dict[str, Site]]:
    servers, found = [], {}
    try:
        for name, data in SOURCES.items():
            out = tmp_path_factory.mktemp(f"complain-{name}")
            built = build(data, out / "site", cache=out / "cache")
            assert built.returncode == 0, built.output[-3000:]
            server, base = _serve(built.site)
            servers.append(server)
            pages = _discover(built.site)
            found[name] = Site(built.site, base, pages, HOME, "")
        yield found
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def _phone(browser):
    return open_page(browser, PHONE["width"])


def _load(page, url: str) -> None:
    page.set_viewport_size(PHONE)
    goto(page, url)
    page.evaluate("window.scrollTo(0, 0)")


def test_the_first_route_is_on_the_first_screen(browser, sites) -> None:
    site = sites["demo"]
    with _phone(browser) as page:
        _load(page, site.url("/how-to-complain/"))
        links = page.evaluate(FIRST_SCREEN_LINKS)
        routes = [h for h, _ in links if h.startswith(("tel:", "mailto:", "https://"))]
        assert any(h.startswith(("tel:", "mailto:")) or t == "Complain online" for h, t in links), (
            f"no tel:, mailto: or online form link on the first screen: {links}"
        )
        assert routes, links
        button = page.locator("article a.portal-start")
        assert button.inner_text().strip() == "Complain online"
        assert button.bounding_box()["y"] + button.bounding_box()["height"] <= PHONE["height"]


def test_camden_says_plainly_it_has_not_added_contact_details(browser, sites) -> None:
    site = sites["camden"]
    with _phone(browser) as page:
        _load(page, site.url("/how-to-complain/"))
        shown = page.evaluate(FIRST_SCREEN_TEXT)
        assert "has not added its contact details for complaints" in shown, shown
        for wrong in ("Ombudsman", "Ofsted"):
            assert wrong not in shown, f"{wrong} on the first screen: {shown}"
        for href, text in page.evaluate(FIRST_SCREEN_LINKS):
            assert "lgo.org.uk" not in href and "ofsted" not in href.lower(), (href, text)


@pytest.mark.parametrize("name", list(SOURCES))
def test_how_to_complain_has_a_safeguarding_line(browser, sites, name: str) -> None:
    with _phone(browser) as page:
        _load(page, sites[name].url("/how-to-complain/"))
        line = page.locator("article .portal-safeguarding")
        assert "in danger now" in line.inner_text()
        assert line.locator('a[href="tel:999"]').count() == 1
        box = line.bounding_box()
        assert box["y"] < PHONE["height"], "the safeguarding line is not on the first screen"


@pytest.mark.parametrize("name", list(SOURCES))
def test_the_young_peoples_page_starts_with_danger(browser, sites, name: str) -> None:
    with _phone(browser) as page:
        _load(page, sites[name].url("/young-people/"))
        first = page.locator("article h1 ~ *").first.inner_text()
        assert "danger" in first.lower(), first
        for number in ("tel:999", "tel:08001111"):
            link = page.locator(f'article a[href="{number}"]')
            assert link.count() == 1 and link.bounding_box()["y"] < PHONE["height"], number


def test_no_placeholder_is_styled_like_a_link(browser, sites) -> None:
    site = sites["camden"]
    problems = {}
    with _phone(browser) as page:
        for path in site.pages:
            _load(page, site.url(path))
            found = page.evaluate(PLACEHOLDER_LOOKS)
            if found:
                problems[path] = found
    assert not problems, problems


@pytest.mark.parametrize("name", list(SOURCES))
def test_the_banner_says_whether_the_site_is_finished(browser, sites, name: str) -> None:
    with _phone(browser) as page:
        _load(page, sites[name].url("/how-to-complain/"))
        banner = page.locator("article .portal-unfinished")
        if name == "camden":
            assert banner.count() == 1 and "not finished" in banner.inner_text()
            assert banner.bounding_box()["y"] < 200
        else:
            assert banner.count() == 0
        install(page)
        assert not check_skip_link(page)  # the notice has no link: the skip link stays first


@pytest.mark.parametrize("name", list(SOURCES))
def test_these_pages_pass_axe(browser, sites, name: str) -> None:
    site = sites[name]
    sweep = run_sweep(browser, Site(site.root, site.base_url, PAGES, HOME, ""))
    failures = {
        f"{r.path} {r.width}px {scheme}": [v["id"] for v in violations]
        for r in sweep.reports
        for scheme, violations in r.axe.items()
        if violations
    }
    assert not failures, failures
    assert all(not r.skip_link for r in sweep.reports), [r.skip_link for r in sweep.reports]


@pytest.mark.parametrize("name", list(SOURCES))
@pytest.mark.parametrize("width", [PHONE["width"], WIDE])
def test_screenshots(browser, sites, artifacts, name: str, width: int) -> None:
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    with open_page(browser, width) as page:
        if width == PHONE["width"]:
            page.set_viewport_size(PHONE)
        goto(page, sites[name].url("/how-to-complain/"))
        render_everything(page)
        target = folder / f"how-to-complain-{name}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        first = folder / f"how-to-complain-{name}-{width}-first-screen.png"
        page.screenshot(path=str(first))
        assert target.stat().st_size > 5_000, f"{target} looks empty"
