"""No request to any other host, no cookies: checked in the browser, not assumed.

The site does without Material's `privacy` plugin (it crashes offline on URLs inside the
bundled JavaScript); these tests prove the result instead.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.helpers import WIDE, goto, open_page
from tests.browser.sweep import foreign

pytestmark = pytest.mark.browser

# Elements whose address the browser fetches by itself (links to other sites are fine).
FETCHED = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
    "form": ["action"],
}
FETCHED_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "prerender",
}


def test_every_request_stays_on_the_site(sweep, site):
    problems = []
    for report in sweep.reports:
        if not report.requests:
            continue  # the 640 px check reuses the 1280 px page
        for url in foreign(report.requests, site.base_url):
            problems.append(f"{report.path} at {report.width} px requested {url}")
    assert sweep.reports and any(r.requests for r in sweep.reports)
    assert not problems, "requests to other hosts:\n" + "\n".join(sorted(set(problems)))


def test_no_cookies_are_set(sweep):
    assert all(not cookies for cookies in sweep.cookies.values()), sweep.cookies
    assert not [r.path for r in sweep.reports if r.document_cookie], "document.cookie not empty"


def test_search_and_dark_mode_stay_on_the_site(browser, site):
    """Material's search (a web worker and a JSON index) and the colour toggle are local."""
    with open_page(browser, WIDE) as page:
        requests: list[str] = []
        page.context.on("request", lambda r: requests.append(r.url))
        goto(page, site.url(site.latest_year))
        # The search worker builds its index after the page loads; a query typed before it is
        # ready is not run again, so wait for it (slow on a busy 2-core machine).
        page.wait_for_function(
            "(() => { const m = document.querySelector('.md-search-result__meta');"
            " return m && !/initiali[sz]ing/i.test(m.textContent); })()",
            timeout=30_000,
        )
        box = page.locator("input.md-search__input")
        found = False
        # Material sometimes drops the first query while the worker settles: type it again.
        for _ in range(3):
            box.fill("")
            box.press_sequentially("complaint", delay=30)
            try:
                page.wait_for_function(
                    "document.querySelectorAll('.md-search-result__item').length > 0",
                    timeout=8_000,
                )
            except PlaywrightTimeout:
                continue
            found = True
            break
        assert found, "the search found nothing for 'complaint'"
        page.keyboard.press("Escape")
        page.locator("button[data-portal-palette]").click()
        tabs = page.locator("article .tabbed-labels > label")
        if tabs.count() > 1:
            tabs.nth(1).click()
        goto(page, site.url("/how-to-complain/"))
        assert any("search_index.json" in u for u in requests), "search index never fetched"
        assert not foreign(requests, site.base_url), foreign(requests, site.base_url)
        assert page.context.cookies() == []
        # docs/privacy.md says the dark mode choice is the only thing kept on the device.
        stored = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
        assert stored and all(key.endswith("__palette") for key in stored), (
            f"the site stores {stored} in the browser: update docs/privacy.md"
        )


def _local(base: str, address: str, page_url: str) -> bool:
    address = address.strip()
    if not address or address.startswith(("#", "data:", "blob:", "about:")):
        return True
    return urlsplit(urljoin(page_url, address)).netloc == urlsplit(base).netloc


def test_built_html_loads_nothing_from_other_hosts(site):
    """Also catches what a test run would not load: lazy images, other media queries."""
    base = "http://portal.invalid"
    problems = []
    for html in sorted(site.root.rglob("*.html")):
        page_url = f"{base}/{html.relative_to(site.root).as_posix()}"
        text = html.read_text(encoding="utf-8")
        if "fonts.googleapis" in text or "fonts.gstatic" in text:
            problems.append(f"{html.relative_to(site.root)}: Google Fonts")
        soup = BeautifulSoup(text, "html.parser")
        for link in soup.find_all("link", href=True):
            rels = {r.lower() for r in link.get("rel", [])}
            if FETCHED_LINK_RELS & rels and not _local(base, link["href"], page_url):
                problems.append(f"{html.relative_to(site.root)}: <link> {link['href']}")
        for tag, attributes in FETCHED.items():
            for element in soup.find_all(tag):
                for attribute in attributes:
                    value = element.get(attribute)
                    if not value:
                        continue
                    addresses = (
                        [v.strip().split(" ")[0] for v in value.split(",")]
                        if (attribute == "srcset")
                        else [value]
                    )
                    for address in addresses:
                        if not _local(base, address, page_url):
                            where = html.relative_to(site.root)
                            problems.append(f"{where}: <{tag} {attribute}> {address}")
    for css in sorted(site.root.rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        for marker in ("url(http", "url('http", 'url("http', "@import"):
            if marker in text:
                problems.append(f"{css.relative_to(site.root)}: {marker}")
    assert not problems, "\n".join(problems)


def test_footer_links_to_accessibility_and_privacy_on_every_page(site):
    problems = []
    for path in site.pages:
        target = site.root / path.strip("/")
        html = target if path.endswith(".html") else target / "index.html"
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        nav = soup.select_one("footer nav.portal-footer__nav")
        if nav is None:
            problems.append(f"{path}: no footer links")
            continue
        links = {a.get_text(strip=True): a["href"] for a in nav.find_all("a", href=True)}
        page_url = site.url(path)
        for text, expected in (
            ("Accessibility statement", "/accessibility/"),
            ("Privacy", "/privacy/"),
        ):
            if text not in links:
                problems.append(f"{path}: footer has no '{text}' link")
            elif urlsplit(urljoin(page_url, links[text])).path != expected:
                problems.append(f"{path}: '{text}' goes to {links[text]}")
    assert not problems, "\n".join(problems)
