"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every built page.

Light and dark palettes, at 1280 px and 320 px: zero violations. The pages are loaded and
checked once, in tests/browser/sweep.py (every rule in the light palette, the colour rules
again in the dark one); these tests report on it.
"""

from __future__ import annotations

import pytest

from tests.browser.helpers import NARROW, WIDE, goto, open_page

pytestmark = pytest.mark.browser

LIGHT_BG = "rgb(255, 255, 255)"
DARK_BG = "rgb(30, 33, 41)"


def _summary(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}\n    {v['helpUrl']}")
        for node in v["nodes"][:6]:
            lines.append(f"      at {' '.join(map(str, node['target']))}")
            lines.append(f"         {node['html'][:200]}")
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"         {summary[:400]}")
        if len(v["nodes"]) > 6:
            lines.append(f"      ... and {len(v['nodes']) - 6} more")
    return "\n".join(lines)


@pytest.mark.parametrize("width", [WIDE, NARROW])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(sweep, scheme, width):
    reports = sweep.at(width)
    assert reports, "the sweep checked no page"
    expected_bg = LIGHT_BG if scheme == "light" else DARK_BG
    failures = []
    for report in reports:
        assert report.backgrounds[scheme] == expected_bg, (
            f"{report.path}: the {scheme} palette did not apply "
            f"(body background {report.backgrounds[scheme]})"
        )
        if report.axe[scheme]:
            failures.append(f"{report.path}\n{_summary(report.axe[scheme])}")
    assert not failures, (
        f"axe-core found WCAG A/AA violations ({scheme} palette, {width} px) on "
        f"{len(failures)} of {len(reports)} pages:\n" + "\n".join(failures)
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_follows_the_readers_setting(browser, site, scheme):
    """A reader whose device is set to dark mode gets the dark palette on their first visit."""
    expected = {"light": "default", "dark": "slate"}[scheme]
    with open_page(browser, WIDE, scheme=scheme) as page:
        goto(page, site.url("/"))
        assert page.get_attribute("body", "data-md-color-scheme") == expected
