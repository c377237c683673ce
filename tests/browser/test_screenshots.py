"""Screenshots for people to look at (test-artifacts/screenshots/, not committed)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import NARROW, WIDE, goto, open_page, render_everything

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_screenshots(browser, site, artifacts, width, scheme):
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    pages = {"home": "/", "how-to-complain": "/how-to-complain/", "year": site.latest_year}
    if scheme == "dark":
        pages = {"year": site.latest_year}
    with open_page(browser, width, scheme=scheme) as page:
        for name, path in pages.items():
            goto(page, site.url(path))
            render_everything(page)
            target = folder / f"{name}-{width}-{scheme}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 5_000, f"{target} looks empty"
