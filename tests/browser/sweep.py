"""One pass over every page, shared by the axe, privacy, reflow and target-size tests.

Loading a page and running axe-core are the slow parts of the suite (axe's colour-contrast
rule takes seconds on a page with many table cells), so each page is loaded once per width
and everything is measured on that load:

- at 1280 px and 320 px: axe-core in the light palette, then in the dark palette (switched
  the way Material's own toggle does it, with prefers-color-scheme emulated to match);
- at 1280, 640 (= 1280 at 200% zoom) and 320 px: horizontal overflow and target sizes;
- every request the page makes, and any cookie.

The widths run side by side: axe is started in each width's page without waiting, so the
renderers work in parallel on the two cores, in one browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import (
    AXE_TAGS,
    HEIGHTS,
    NARROW,
    WIDE,
    ZOOMED,
    goto,
    install,
)

AXE_WIDTHS = (WIDE, NARROW)
ALL_WIDTHS = (WIDE, ZOOMED, NARROW)
SCHEMES = {"light": "default", "dark": "slate"}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "resultTypes": ["violations"],
}

# axe.run works synchronously for most of its run: start it from a timer so that evaluate()
# returns at once and the other width's renderer can work at the same time.
_START_AXE = """(options) => {
  window.__portalAxe = null;
  setTimeout(() => axe.run(document, options).then(
    r => { window.__portalAxe = {violations: r.violations}; },
    e => { window.__portalAxe = {error: String(e && e.stack || e)}; }), 0);
}"""

_SET_SCHEME = """(scheme) => {
  document.body.setAttribute('data-md-color-scheme', scheme);
  return getComputedStyle(document.body).backgroundColor;
}"""


@dataclass
class PageReport:
    path: str
    width: int
    axe: dict[str, list[dict]] = field(default_factory=dict)  # scheme -> violations
    backgrounds: dict[str, str] = field(default_factory=dict)  # scheme -> body colour
    overflow: dict | None = None
    targets: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    document_cookie: str = ""


@dataclass
class Sweep:
    reports: list[PageReport]
    cookies: dict[int, list]  # width -> cookies in that context at the end

    def at(self, width: int) -> list[PageReport]:
        return [r for r in self.reports if r.width == width]


def run_sweep(browser, site) -> Sweep:
    axe_source = Axe().axe_script
    contexts, pages, seen = {}, {}, {}
    for width in ALL_WIDTHS:
        context = browser.new_context(
            viewport={"width": width, "height": HEIGHTS[width]},
            color_scheme="light",
            reduced_motion="reduce",
        )
        if width in AXE_WIDTHS:
            context.add_init_script(script=axe_source)
        log: list[str] = []
        context.on("request", lambda request, log=log: log.append(request.url))
        page = context.new_page()
        page.set_default_timeout(15_000)
        contexts[width], pages[width], seen[width] = context, page, log

    reports = []
    try:
        for path in site.all_pages:
            current = {}
            for width in ALL_WIDTHS:
                page = pages[width]
                seen[width].clear()
                page.emulate_media(color_scheme="light")
                goto(page, site.url(path))
                install(page)
                report = PageReport(path, width)
                report.overflow = page.evaluate("window.__portal.overflow()")
                report.targets = page.evaluate("window.__portal.targetProblems()")
                current[width] = report
            for scheme, attribute in SCHEMES.items():
                for width in AXE_WIDTHS:
                    page = pages[width]
                    page.emulate_media(color_scheme=scheme)
                    current[width].backgrounds[scheme] = page.evaluate(_SET_SCHEME, attribute)
                    page.evaluate(_START_AXE, AXE_OPTIONS)
                for width in AXE_WIDTHS:
                    page = pages[width]
                    page.wait_for_function("window.__portalAxe !== null", timeout=180_000)
                    result = page.evaluate("window.__portalAxe")
                    if "error" in result:
                        raise RuntimeError(f"axe failed on {path} at {width} px: {result['error']}")
                    current[width].axe[scheme] = result["violations"]
            for width in ALL_WIDTHS:
                current[width].requests = list(seen[width])
                current[width].document_cookie = pages[width].evaluate("document.cookie")
                reports.append(current[width])
        cookies = {width: contexts[width].cookies() for width in ALL_WIDTHS}
    finally:
        for context in contexts.values():
            context.close()
    return Sweep(reports, cookies)


def foreign(urls: list[str], base_url: str) -> list[str]:
    """Requests that went anywhere but the local test server."""
    own = urlsplit(base_url).netloc
    return [u for u in urls if urlsplit(u).scheme not in ("data", "blob", "about")
            and urlsplit(u).netloc != own]
