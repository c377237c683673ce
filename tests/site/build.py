"""Build the real site from a data folder, as `make build` does, into a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "site"


@dataclass
class Built:
    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> BeautifulSoup:
        file = self.site / path / "index.html" if not path.endswith(".html") else self.site / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def text(self, path: str) -> str:
        main = self.page(path).find("article")
        return " ".join(main.get_text(" ", strip=True).split())


def build(
    data: Path,
    out: Path,
    *,
    preview: bool = False,
    config: Path | None = None,
    cache: Path | None = None,
) -> Built:
    """Build into out; charts are cached in `cache` (default: a folder beside out)."""
    env = {
        **os.environ,
        "PORTAL_DATA": str(data),
        "NO_MKDOCS_2_WARNING": "1",
        "PORTAL_CACHE": str(cache or out.with_name(out.name + "-cache")),
    }
    env.pop("PORTAL_PREVIEW", None)
    env.pop("PORTAL_SITE_URL", None)  # the Publish workflow sets it; a test build has none
    if preview:
        env["PORTAL_PREVIEW"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    if config is not None:
        command += ["-f", str(config)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    return Built(done.returncode, done.stdout + done.stderr, out)


def copy_data(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
