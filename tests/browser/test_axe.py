"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every built page.

Light and dark colour schemes, at 1280 px and 320 px: zero violations.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import AXE_TAGS, NARROW, WIDE, goto, open_page

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}


def _summary(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:6]:
            lines.append(f"      {' '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"        {summary[:300]}")
        if len(v["nodes"]) > 6:
            lines.append(f"      ... and {len(v['nodes']) - 6} more")
    return "\n".join(lines)


@pytest.mark.parametrize("width", [WIDE, NARROW])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(browser, site, scheme, width):
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    failures = []
    with open_page(browser, width, scheme=scheme) as page:
        for path in site.all_pages:
            goto(page, site.url(path))
            shown = page.get_attribute("body", "data-md-color-scheme")
            assert shown == SCHEMES[scheme], (
                f"{path}: prefers-color-scheme {scheme} should show the "
                f"{SCHEMES[scheme]} palette, got {shown}"
            )
            violations = axe.run(page, options=options).response["violations"]
            if violations:
                failures.append(f"{path}\n{_summary(violations)}")
    assert not failures, (
        f"axe violations ({scheme}, {width} px):\n" + "\n".join(failures)
    )
