"""The hostile build in a real browser: every page, no dialog, no console error.

The data has a hostile string in every text field (tests/security/hostile.py): a script,
an event handler or a script link that got through would open an alert() dialog or, failing
that, log an error. Pages are loaded with JavaScript on, and every link on each page is
checked for a script URL as the browser itself resolved it.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from tests.browser.conftest import _discover, _QuietHandler
from tests.browser.helpers import WIDE, goto, open_page
from tests.security.hostile import hostile_copy
from tests.site.build import build

pytestmark = pytest.mark.browser

# Resolved URLs only: the browser strips tabs and newlines, so this sees what would run.
SCRIPT_LINKS_JS = """() => [...document.querySelectorAll('[href], [src], [action]')]
  .map(e => e.href || e.src || e.action || '')
  .filter(u => typeof u === 'string' && /^(javascript|vbscript|data):/i.test(u))"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, tuple]]:
    root = tmp_path_factory.mktemp("hostile-browser")
    hostile_copy(root / "data")
    built = build(root / "data", root / "site")
    assert built.returncode == 0, built.output[-3000:]
    pages = _discover(built.site)
    assert len(pages) > 10
    handler = functools.partial(_QuietHandler, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", pages
    finally:
        server.shutdown()
        server.server_close()


def test_no_page_of_the_hostile_build_runs_anything(browser, hostile_site) -> None:
    base, pages = hostile_site
    problems: list[str] = []
    with open_page(browser, WIDE) as page:
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on(
            "console",
            lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        for path in pages:
            before = len(problems)
            goto(page, base + path)
            problems += [f"script link: {u}" for u in page.evaluate(SCRIPT_LINKS_JS)]
            problems[before:] = [f"{path}: {p}" for p in problems[before:]]
            # The council's hostile name is in every page's title, as text.
            assert "<script>alert(1)</script>" in page.title(), path
    assert not problems, "\n".join(problems)
