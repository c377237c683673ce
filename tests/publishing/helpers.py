"""Shared by the publishing tests: the small data folder, the CLI, and site builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from portal.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "data"


def copy_fixture(parent: Path) -> Path:
    """A fresh copy of the small valid data folder at parent/data."""
    root = parent / "data"
    shutil.copytree(FIXTURE, root)
    return root


@dataclass
class Ran:
    code: int
    out: str
    err: str


def portal(capsys, *args: str | Path) -> Ran:
    """Run the `portal` command in this process, as a member of staff would on a laptop."""
    capsys.readouterr()
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


def build(data: Path, out: Path, *, preview: bool) -> subprocess.CompletedProcess[str]:
    """`PORTAL_DATA=<data> mkdocs build --strict -d <out>`, with or without PORTAL_PREVIEW=1."""
    env = {**os.environ, "PORTAL_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PORTAL_PREVIEW", None)
    if preview:
        env["PORTAL_PREVIEW"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
