"""`portal check-published`: published figures change only with a record, checked against git.

The years published at a base commit (what the site showed) are compared with the data folder
as it is now. The base is a commit, not a file in the pull request, so a change cannot be
hidden by editing a record in the same pull request: Check compares with the pull request's
base, Publish with the commit the live site was built from. Exit 0: every change has its
record; 1: a change has none (or the data has problems); 2: nothing could be checked.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from portal.record import git
from portal.record.compare import Finding, compare
from portal.record.snapshot import Snapshot, from_dataset, from_json

CHECKED, UNRECORDED, NOT_CHECKED = 0, 1, 2
_COMMIT = re.compile(r"[0-9a-f]{40}")


class NotChecked(Exception):
    """Why the comparison could not be made: one plain line for staff."""


@dataclass
class Outcome:
    code: int
    lines: list[str] = field(default_factory=list)  # for stdout
    problems: list[str] = field(default_factory=list)  # for stderr
    findings: list[Finding] = field(default_factory=list)


def check_published(data: Path, base: str | None, today: dt.date | None = None) -> Outcome:
    """Compare the years published at base (default: the merge base with main) with data."""
    today = today or dt.datetime.now(dt.UTC).date()
    try:
        where = git.checkout(data)
        commit = git.commit_of(where, base) if base else git.default_base(where)
        head = _snapshot_now(data)
        if head is None:
            return Outcome(
                UNRECORDED,
                problems=[f"fix the problems `portal validate --data {data}` lists first"],
            )
        then = _snapshot_at(where, commit)
    except (git.GitError, NotChecked) as exc:
        return Outcome(
            NOT_CHECKED,
            problems=[
                f"portal check-published: could not compare the published figures: {exc}. "
                "Nothing was checked."
            ],
        )
    short = commit[:12]
    if then is None:
        return Outcome(CHECKED, [f"Nothing was published at {short}: there is nothing to compare."])
    findings = compare(then, head, _shown(data), today)
    try:
        findings += _republished(where, commit, then, head, _shown(data), today)
    except (git.GitError, NotChecked) as exc:
        return Outcome(
            NOT_CHECKED,
            problems=[f"portal check-published: could not compare a year published again: {exc}"],
        )
    if not findings and not then.published():
        return Outcome(CHECKED, [f"Nothing was published at {short}: there is nothing to compare."])
    if findings:
        return Outcome(
            UNRECORDED,
            problems=[*map(Finding.format, findings), _summary(findings, short)],
            findings=findings,
        )
    years = ", ".join(then.published())
    return Outcome(
        CHECKED,
        [f"Every change to the years published at {short} ({years}) has its record."],
    )


def _republished(
    where: git.Checkout, commit: str, then: Snapshot, head: Snapshot, folder: str, today
) -> list[Finding]:
    """A year withdrawn at the base and published again is compared with the figures it had
    when it was last published: withdrawing a year never clears its record."""
    findings: list[Finding] = []
    withdrawn = {w.year for w in then.withdrawals}
    again = (set(head.published()) - set(then.published())) & withdrawn
    for label in sorted(again):
        path = f"{where.prefix}/{label}" if where.prefix else label
        past = git.last_published(where, commit, path)
        earlier = _snapshot_at(where, past) if past else None
        if earlier is not None and label in earlier.published():
            only = Snapshot({label: earlier.years[label]}, head.withdrawals)
            findings += compare(only, head, folder, today)
    return findings


def base_from_file(path: Path) -> str:
    """The commit in a record the Publish workflow wrote ({"commit": "<40 hex digits>"})."""
    try:
        commit = json.loads(path.read_text(encoding="utf-8"))["commit"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NotChecked(f"{path} is not a record of a published commit ({exc})") from None
    if not isinstance(commit, str) or not _COMMIT.fullmatch(commit):
        raise NotChecked(f"{path} does not hold a commit id")
    return commit


def _summary(findings: list[Finding], short: str) -> str:
    count = len(findings)
    return (
        f"{count} change{'s' if count != 1 else ''} to published years since {short} "
        f'{"have" if count != 1 else "has"} no record: see "Correcting a published year" in '
        "docs/publishing.md."
    )


def _shown(data: Path) -> str:
    """The data folder as the loader names it in messages ("data")."""
    return Path(data).resolve().name


def _snapshot_now(data: Path) -> Snapshot | None:
    from portal.load import load

    dataset, _ = load(data, include_drafts=True)
    return None if dataset is None else from_dataset(dataset)


def _snapshot_at(where: git.Checkout, commit: str) -> Snapshot | None:
    """The base's snapshot, None if it had no data folder. Read with this code if it can be,
    else with that commit's own code (the data format may have changed since)."""
    if not git.has_folder(where, commit, where.prefix):
        return None
    from portal.load import load

    with tempfile.TemporaryDirectory(prefix="portal-base-") as tmp:
        out = Path(tmp) / "data"
        git.export(where, commit, where.prefix, out)
        data = out / where.prefix if where.prefix else out
        data.mkdir(parents=True, exist_ok=True)
        # A base from before this check has a checksums.yml, which this code no longer reads:
        # the base's figures themselves are the record.
        (data / "checksums.yml").unlink(missing_ok=True)
        dataset, report = load(data, include_drafts=True)
        if dataset is not None:
            return from_dataset(dataset)
        first = report.errors[0].format() if report.errors else "it could not be read"
    return _snapshot_by_its_own_code(where, commit, first)


def _snapshot_by_its_own_code(where: git.Checkout, commit: str, why: str) -> Snapshot:
    with tempfile.TemporaryDirectory(prefix="portal-base-code-") as tmp:
        # Only its code and its data: nothing else of that commit is needed.
        for folder in ("portal", where.prefix):
            git.export(where, commit, folder, Path(tmp))
        data = Path(tmp) / where.prefix if where.prefix else Path(tmp)
        if not (Path(tmp) / "portal" / "record" / "snapshot.py").is_file():
            raise NotChecked(
                f"this version of the portal cannot read the data of {commit[:12]} ({why}), "
                "and that commit's own portal is too old to read it for us: ask a developer "
                "to make the new code read the old format, in a pull request of its own"
            )
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHONPATH"] = tmp
        done = subprocess.run(
            [sys.executable, "-m", "portal.record.snapshot", str(data)],
            cwd=tmp,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    try:
        if done.returncode == 0:
            return from_json(done.stdout)
    except (ValueError, KeyError, TypeError):
        pass
    raise NotChecked(
        f"the data of {commit[:12]} cannot be read by this version of the portal ({why}) "
        f"nor by its own ({done.stderr.strip()[-300:] or 'no message'})"
    )
