"""Reflow and zoom (WCAG 1.4.10, 1.4.4), sticky header (2.4.11), target size (2.5.8)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import NARROW, WIDE, ZOOMED, goto, open_page, walk

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [NARROW, ZOOMED, WIDE])
def test_no_page_scrolls_sideways(sweep, width):
    """At 320 px (a small phone) and 640 px (1280 px at 200% zoom) nothing but a table's own
    box may scroll sideways."""
    reports = sweep.at(width)
    assert reports
    problems = [f"{r.path}: {r.overflow}" for r in reports if r.overflow]
    assert not problems, f"pages wider than {width} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [NARROW, ZOOMED, WIDE])
def test_targets_are_big_enough_or_spaced(sweep, width):
    reports = sweep.at(width)
    assert reports
    problems = [f"{r.path}: {p}" for r in reports for p in r.targets]
    assert not problems, f"targets under 24 x 24 px at {width} px:\n" + "\n".join(problems)


def _longest_page(site) -> str:
    def size(path: str) -> int:
        target = site.root / path.strip("/")
        html = target if path.endswith(".html") else target / "index.html"
        return html.stat().st_size

    return max(site.pages, key=size)


@pytest.mark.parametrize("width", [NARROW, ZOOMED])
def test_sticky_header_never_hides_the_focused_element(browser, site, width):
    problems = []
    with open_page(browser, width) as page:
        for path in dict.fromkeys([_longest_page(site), site.component_page]):
            goto(page, site.url(path))
            _, reached, found = walk(page)
            problems += [f"{path}: {p}" for p in found]
            assert len(reached) > 10, f"{path}: only {len(reached)} Tab stops"
    assert not problems, f"focus problems at {width} px:\n" + "\n".join(problems)
