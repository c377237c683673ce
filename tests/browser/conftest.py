"""Browser tests: build the site once, serve it on 127.0.0.1, drive Debian's Chromium.

Run with `.venv/bin/pytest -m browser` (or `make test-browser`). The build reads `data/`, or
the folder in the PORTAL_DATA environment variable. Chromium is looked for at /usr/bin/chromium
(or $CHROMIUM); if it is missing the tests fail, they never skip.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.components import add_component_page

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass(frozen=True)
class Site:
    root: Path
    base_url: str
    pages: tuple[str, ...]  # URL paths of every built page, from the build itself
    component_page: str  # the test-only page with one of each building block
    latest_year: str  # URL path of the newest year report

    def url(self, path: str) -> str:
        return self.base_url + path

    @property
    def all_pages(self) -> tuple[str, ...]:
        return (*self.pages, self.component_page)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _build(target: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG)]
    result = subprocess.run(
        [*command, "-d", str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        where = os.environ.get("PORTAL_DATA") or "data/"
        pytest.fail(
            f"mkdocs build --strict failed (data from {where}; set PORTAL_DATA to use another "
            f"folder):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}",
            pytrace=False,
        )


def _discover(site: Path) -> tuple[str, ...]:
    """Every page of the build: each index.html, plus the 404 page."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.startswith(("assets", "search")):
            continue
        pages.append("/" if relative == "." else f"/{relative}/")
    if (site / "404.html").is_file():
        pages.append("/404.html")
    return tuple(pages)


def _latest_year(pages: tuple[str, ...]) -> str:
    years = sorted(p for p in pages if _is_year(p))
    if not years:
        pytest.fail(f"no year report (/reports/YYYY-YY/) among the built pages: {pages}")
    return years[-1]


def _is_year(path: str) -> bool:
    parts = path.strip("/").split("/")
    return (
        len(parts) == 2
        and parts[0] == "reports"
        and len(parts[1]) == 7
        and parts[1][:4].isdigit()
        and parts[1][4] == "-"
        and parts[1][5:].isdigit()
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("site")
    _build(root)
    pages = _discover(root)
    if "/" not in pages or len(pages) < 5:
        pytest.fail(f"the build has too few pages to test: {pages}", pytrace=False)
    component = add_component_page(root, CONFIG)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(
            root=root,
            base_url=f"http://127.0.0.1:{server.server_port}",
            pages=pages,
            component_page=component,
            latest_year=_latest_year(pages),
        )
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make chromium` (or set CHROMIUM). "
            "Browser tests never skip.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def sweep(browser, site):
    """Every page loaded once per width; see sweep.py."""
    from tests.browser.sweep import run_sweep

    return run_sweep(browser, site)
