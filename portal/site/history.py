"""When each year was published, from the site's own record: the git history of the data.

The commit that added a year's `status: published` line is the day it was published. Build
time is never used: with no history (not a clone, or a shallow one) there is no date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

PUBLISHED_LINE = r"^status: published"


@dataclass(frozen=True)
class History:
    published: dict[str, dt.datetime]  # year label -> when its publishing commit was made
    missing: str | None = None  # why there is no history, for the build's log


def _git(data: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(data), *args], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def head(data: Path) -> str | None:
    """The commit checked out, which fixes the whole history; None outside a clone."""
    found = _git(data, "rev-parse", "HEAD")
    return found.strip() if found else None


def publication_history(data: Path) -> History:
    """The oldest commit that added each year's `status: published` line."""
    shallow = _git(data, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return History({}, f"{data} is not in a git clone")
    if shallow.strip() == "true":
        return History({}, "the git clone is shallow: check out with fetch-depth: 0")
    log = _git(
        data,
        "log",
        "--reverse",
        "--relative",
        "--name-only",
        "--format=commit %cI",
        f"-G{PUBLISHED_LINE}",
        "--",
        "*/report.yml",
    )
    if log is None:
        return History({}, "git log failed")
    found: dict[str, dt.datetime] = {}
    when = None
    for line in log.splitlines():
        if line.startswith("commit "):
            when = dt.datetime.fromisoformat(line.removeprefix("commit ").strip())
        elif line.endswith("/report.yml") and when is not None:
            found.setdefault(line.split("/")[0], when)
    return History(found)
