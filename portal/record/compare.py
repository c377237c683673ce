"""What changed in the years published at the base commit, and what record each change needs.

A changed figure needs a new `revisions:` entry of kind correction, a new figure one of kind
addition, a figure taken out one of kind removal (one entry may explain several changes of its
kind). A published year whose folder is removed or set back to draft needs a new entry in
withdrawals.yml. Entries already there at the base are never deleted. "New" means not at the
base: an entry is known by its kind and date (and year), so its wording may still be improved.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass

from portal.problems import annotation, one_line
from portal.record.snapshot import Entry, Figure, Snapshot, YearState
from portal.tables import TABLES

WRITE_WHY = "WRITE WHY HERE"  # the reason in a suggested entry, refused until it is replaced
SHOWN = 12  # changes listed in one message; the rest are counted
KINDS = {"changed": "correction", "added": "addition", "removed": "removal"}
_FILES = {spec.measure: spec.file for spec in TABLES}
_ORDER = {spec.measure: [key.name for key in spec.keys] for spec in TABLES}
# What a figure is called in messages: its table, or its measure in report.yml.
_NAMES = {"received": "complaints received", **{spec.measure: spec.name for spec in TABLES}}


@dataclass(frozen=True)
class Finding:
    file: str  # the file to fix, as staff see it (data/2023-24/report.yml)
    field: str
    message: str  # the first line, then indented details and the entry to add

    def format(self) -> str:
        first, *rest = self.message.split("\n")
        lines = [f"{self.file} [{self.field}]: {one_line(first)}"]
        return "\n".join([*lines, *(one_line(line) for line in rest)])

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command, so the message shows on the file in the pull
        request's "Files changed" (the data folder is at the top of the repository)."""
        return annotation("error", self.file, None, self.format())


def compare(base: Snapshot, head: Snapshot, folder: str, today: dt.date) -> list[Finding]:
    """Every change to a year published at the base that has no record, oldest year first."""
    findings = []
    for label in base.published():
        was, now = base.years[label], head.years.get(label)
        if now is None or not now.published:
            findings += _withdrawn(label, now, base, head, folder, today)
        else:
            findings += _revised(label, was, now, f"{folder}/{label}/report.yml", today)
    findings += _kept(base.withdrawals, head.withdrawals, f"{folder}/withdrawals.yml")
    return findings


Difference = tuple[Figure, str | None, str | None]  # a figure, its old and new value


def differences(was: YearState, now: YearState) -> dict[str, list[Difference]]:
    """Each changed, added and removed figure."""
    found: dict[str, list[Difference]] = {"changed": [], "added": [], "removed": []}
    for figure in sorted(was.figures.keys() | now.figures.keys()):
        old, new = was.figures.get(figure), now.figures.get(figure)
        if old != new:
            group = "added" if old is None else "removed" if new is None else "changed"
            found[group].append((figure, old, new))
    return found


def describe(figure: Figure) -> tuple[str, str]:
    """The file a figure is in, and what it is: ('outcomes.csv', 'outcomes, stage 2, outcome
    upheld, count'), from its key and unit."""
    key, unit = figure
    parts = json.loads(key)
    measure = str(parts.pop("measure", ""))
    order = _ORDER.get(measure, ())
    names = sorted(parts, key=lambda n: (n != "stage", order.index(n) if n in order else 99, n))
    dims = [f"{n.replace('_', ' ')} {_show(parts[n])}" for n in names if parts[n] is not None]
    name = _NAMES.get(measure, measure).replace("_", " ")
    return _FILES.get(measure, "report.yml"), ", ".join([name, *dims, unit])


def _staff(item: Difference) -> str:
    figure, old, new = item
    where, what = describe(figure)
    return f"{where}: {what}: {'(none)' if old is None else old} → {new or '(taken out)'}"


def _public(item: Difference) -> str:
    figure, old, new = item
    what = describe(figure)[1]
    if old is None:
        return f"{what} {new} added"
    return f"{what} {old} removed" if new is None else f"{what} {old} to {new}"


def _show(value: object) -> str:
    return "/".join(map(str, value)) if isinstance(value, list) else str(value)


def _revised(label: str, was: YearState, now: YearState, file: str, today: dt.date) -> list:
    findings = []
    old, new = Counter(_ids(was.revisions)), Counter(_ids(now.revisions))
    if old - new:
        gone = ", ".join(f"{kind} of {date}" for kind, date in sorted((old - new).elements()))
        findings.append(
            Finding(
                file,
                "revisions",
                f"a revision of {label} was deleted, or its kind or date changed ({gone}): "
                "a revision is never deleted; put it back as it was",
            )
        )
    added = [r for r in now.revisions if (r.kind, r.date) in (new - old)]
    findings += _unexplained(file, "revisions", added)
    new_kinds = {r.kind for r in added}
    header = not now.revisions  # the `revisions:` key, given once: it must not appear twice
    for group, items in differences(was, now).items():
        kind = KINDS[group]
        if items and kind not in new_kinds:
            findings.append(_needs_revision(label, kind, group, items, file, header, today))
            header = False
    return findings


def _needs_revision(
    label: str, kind: str, group: str, items: list[Difference], file: str, header: bool, today
) -> Finding:
    listed = [f"  {_staff(item)}" for item in items[:SHOWN]]
    if len(items) > SHOWN:
        listed.append(f"  and {len(items) - SHOWN} more")
    done = {"correction": "Corrected", "addition": "Added", "removal": "Removed"}[kind]
    change = f"{done}: " + "; ".join(map(_public, items)) + "."
    if len(items) > SHOWN:
        change = f"{done}: {len(items)} figures."
    entry = [
        *(["revisions:"] if header else []),
        f"  - kind: {kind}",
        f"    date: {today.isoformat()}",
        f"    change: {json.dumps(change, ensure_ascii=False)}",
        f"    reason: {WRITE_WHY}",
    ]
    where = "at the end" if header else "under `revisions:` at the end"
    return Finding(
        file,
        "revisions",
        f"{len(items)} figure(s) of {label} {group} after it was published, and no new "
        f"`revisions:` entry of kind {kind} says so. What {group}:\n"
        + "\n".join(listed)
        + f"\n  Add this entry {where} of {file} (you may reword `change:` in plain words "
        f"for residents; replace {WRITE_WHY} with why):\n"
        + "\n".join(f"    {line}" for line in entry),
    )


def _withdrawn(
    label: str, now: YearState | None, base: Snapshot, head: Snapshot, folder: str, today
) -> list[Finding]:
    file = f"{folder}/withdrawals.yml"
    old = [w for w in base.withdrawals if w.year == label]
    new = [w for w in head.withdrawals if w.year == label]
    if len(new) > len(old):
        return []
    how = "its folder was removed" if now is None else "it was set back to status: draft"
    entry = [
        f"- year: {label}",
        f"  date: {today.isoformat()}",
        f"  change: {json.dumps(f'The {label} report was taken off the site.')}",
        f"  reason: {WRITE_WHY}",
    ]
    return [
        Finding(
            file,
            label,
            f"{label} was published, and {how}: a published year leaves the site only with "
            "a withdrawal record, shown on the About page. Add this entry at the end of "
            f"{file} (create the file if it is not there; replace {WRITE_WHY} with why):\n"
            + "\n".join(f"    {line}" for line in entry),
        )
    ]


def _kept(old: tuple[Entry, ...], new: tuple[Entry, ...], file: str) -> list[Finding]:
    findings = []
    ids = Counter((w.year, w.date) for w in old)
    gone = ids - Counter((w.year, w.date) for w in new)
    if gone:
        listed = ", ".join(f"{year} of {date}" for year, date in sorted(gone.elements()))
        findings.append(
            Finding(
                file,
                "withdrawals",
                f"a withdrawal record was deleted, or its year or date changed ({listed}): "
                "a withdrawal record is never deleted; put it back as it was",
            )
        )
    added = [w for w in new if (w.year, w.date) not in ids]
    return findings + _unexplained(file, "withdrawals", added)


def _unexplained(file: str, field: str, entries: list[Entry]) -> list[Finding]:
    return [
        Finding(
            file,
            field,
            f"the entry of {e.date} still says reason: {WRITE_WHY}: replace it with why",
        )
        for e in entries
        if e.reason.strip() == WRITE_WHY
    ]


def _ids(entries: tuple[Entry, ...]) -> list[tuple[str, str]]:
    return [(e.kind, e.date) for e in entries]
