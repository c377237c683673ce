"""Issue 17: screenshots of the 2023-24 page top (key points) and of Learning ("you said, we
did") for people to look at, in test-artifacts/screenshots/; and axe finds nothing there."""

from __future__ import annotations

import pytest

from tests.browser.helpers import AXE_TAGS, NARROW, WIDE, goto, open_page, render_everything

pytestmark = pytest.mark.browser

PAGES = {"year-2023-24-top": "/reports/2023-24/", "learning": "/learning/"}


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_councillor_screenshots(browser, site, artifacts, width):
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    with open_page(browser, width) as page:
        for name, path in PAGES.items():
            goto(page, site.url(path))
            render_everything(page)
            if name == "learning":
                page.locator("#you-said-we-did").scroll_into_view_if_needed()
            else:
                assert page.locator("#key-points").is_visible()
            target = folder / f"councillor-{name}-{width}.png"
            page.screenshot(path=str(target), full_page=False)
            assert target.stat().st_size > 5_000, f"{target} looks empty"


def test_councillor_sections_pass_axe(browser, site):
    from axe_playwright_python.sync_playwright import Axe

    with open_page(browser, WIDE) as page:
        for path in PAGES.values():
            goto(page, site.url(path))
            render_everything(page)
            found = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            violations = found.response["violations"]
            assert not violations, [
                (v["id"], [n["target"] for n in v["nodes"]]) for v in violations
            ]
