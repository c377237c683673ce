"""One pass over every page, shared by the axe, privacy, reflow and target-size tests.

Loading a page and running axe-core are the slow parts of the suite (axe's colour-contrast
rule takes seconds on a page with many table cells), so each page is loaded once per width
and everything is measured on that load:

- at 1280 px and 320 px: axe-core in the light palette (every WCAG A/AA rule), then in the
  dark palette (the colour rules; switched the way the dark mode button does it, with
  prefers-color-scheme emulated to match);
- at 1280, 640 (= 1280 at 200% zoom) and 320 px: horizontal overflow and target sizes (the
  1280 px page is resized to 640 px for that, as zooming does);
- every request the page makes, and any cookie;
- at 1280 px and 320 px: the skip link (first Tab stop; Enter moves focus to the content).

Figures and tables that the page lets the browser skip until scrolled to
(`content-visibility: auto`) are laid out first, so that axe checks them too.

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
    render_everything,
    settle,
)

AXE_WIDTHS = (WIDE, NARROW)
SCHEMES = {"light": "default", "dark": "slate"}
AXE_OPTIONS = {
    "light": {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    # Switching the palette changes colours only, so in the dark palette only the rules about
    # colour can give a different answer (and colour contrast is most of axe's time).
    "dark": {
        "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
        "resultTypes": ["violations"],
    },
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
    skip_link: list[str] = field(default_factory=list)  # problems


@dataclass
class Sweep:
    reports: list[PageReport]
    cookies: dict[int, list]  # width -> cookies in that context at the end

    def at(self, width: int) -> list[PageReport]:
        return [r for r in self.reports if r.width == width]


def run_sweep(browser, site) -> Sweep:
    axe_source = Axe().axe_script
    contexts, pages, seen = {}, {}, {}
    for width in AXE_WIDTHS:
        context = browser.new_context(
            viewport={"width": width, "height": HEIGHTS[width]},
            color_scheme="light",
            reduced_motion="reduce",
        )
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
            for width in AXE_WIDTHS:
                page = pages[width]
                seen[width].clear()
                page.emulate_media(color_scheme="light")
                page.set_viewport_size({"width": width, "height": HEIGHTS[width]})
                goto(page, site.url(path))
                render_everything(page)
                install(page)
                current[width] = _layout(page, path, width)
            for scheme, attribute in SCHEMES.items():
                for width in AXE_WIDTHS:
                    page = pages[width]
                    page.emulate_media(color_scheme=scheme)
                    current[width].backgrounds[scheme] = page.evaluate(_SET_SCHEME, attribute)
                    page.evaluate(_START_AXE, AXE_OPTIONS[scheme])
                for width in AXE_WIDTHS:
                    page = pages[width]
                    page.wait_for_function("window.__portalAxe !== null", timeout=180_000)
                    result = page.evaluate("window.__portalAxe")
                    if "error" in result:
                        raise RuntimeError(f"axe failed on {path} at {width} px: {result['error']}")
                    current[width].axe[scheme] = result["violations"]
            # 200% zoom: the wide page at half the width.
            page = pages[WIDE]
            page.set_viewport_size({"width": ZOOMED, "height": HEIGHTS[ZOOMED]})
            settle(page)
            current[ZOOMED] = _layout(page, path, ZOOMED)
            for width in AXE_WIDTHS:
                current[width].skip_link = check_skip_link(pages[width])
                current[width].requests = list(seen[width])
                current[width].document_cookie = pages[width].evaluate("document.cookie")
            reports.extend(current.values())
        cookies = {width: contexts[width].cookies() for width in AXE_WIDTHS}
    finally:
        for context in contexts.values():
            context.close()
    return Sweep(reports, cookies)


def _layout(page, path: str, width: int) -> PageReport:
    report = PageReport(path, width)
    report.overflow = page.evaluate("window.__portal.overflow()")
    report.targets = page.evaluate("window.__portal.targetProblems()")
    return report


_FIRST_STOP = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  return {skip: e.classList.contains('portal-skip'), name: window.__portal.describe(e),
          text: e.textContent.trim(), href: e.getAttribute('href'),
          top: r.top, height: r.height, width: r.width};
}"""

_AFTER_CONTENT = """() => {
  const main = document.getElementById('main-content'), e = document.activeElement;
  return main.contains(e) || !!(main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""


def check_skip_link(page) -> list[str]:
    """The first Tab stop is a visible "Skip to main content" link; Enter moves focus to the
    main content, and the next Tab goes on from there."""
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    first = page.evaluate(_FIRST_STOP)
    if not first["skip"]:
        return [f"the first Tab stop is {first['name']}, not the skip link"]
    problems = []
    if first["text"] != "Skip to main content" or first["href"] != "#main-content":
        problems.append(f"unexpected skip link: {first}")
    if first["height"] < 20 or first["width"] < 100 or first["top"] < 0:
        problems.append(f"the skip link is not visible when focused: {first}")
    page.keyboard.press("Enter")
    settle(page)
    focused = page.evaluate("document.activeElement.id")
    if focused != "main-content":
        return [*problems, f"Enter on the skip link focused #{focused or '?'}, not the content"]
    page.keyboard.press("Tab")
    if not page.evaluate(_AFTER_CONTENT):
        problems.append("Tab after the skip link went back to before the content")
    return problems


def foreign(urls: list[str], base_url: str) -> list[str]:
    """Requests that went anywhere but the local test server."""
    own = urlsplit(base_url).netloc
    return [
        u
        for u in urls
        if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).netloc != own
    ]
