"""What the record compares: each year's status, figures and revisions, and the withdrawals.

A snapshot is plain data (it also travels as JSON: `python -m portal.record.snapshot DATA`
prints one, so an older commit's data can be read by that commit's own code when the current
code cannot read it). Figures are as portal/figureset.py defines them: wording and layout are
not figures, so a text-only edit never shows as a change.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

FORMAT = 1  # bumped when the JSON below changes shape

Figure = tuple[str, str]  # (what the value is, as JSON; its unit)


@dataclass(frozen=True)
class Entry:
    """A revision or withdrawal: what identifies it (kind and date; year for a withdrawal)."""

    kind: str
    date: str
    year: str = ""
    reason: str = ""


@dataclass(frozen=True)
class YearState:
    published: bool
    figures: dict[Figure, str]  # figure -> its value
    revisions: tuple[Entry, ...]


@dataclass(frozen=True)
class Snapshot:
    years: dict[str, YearState]
    withdrawals: tuple[Entry, ...]

    def published(self) -> list[str]:
        return sorted(label for label, year in self.years.items() if year.published)


def from_dataset(dataset: object) -> Snapshot:
    """The snapshot of a loaded dataset (drafts included)."""
    from portal.figureset import year_figures

    years = {}
    for year in dataset.all_years:  # type: ignore[attr-defined]
        figures: dict[Figure, str] = {}
        for key, valued in year_figures(year):
            value, _, unit = valued.rpartition(" ")
            figures[(key, unit)] = value
        revisions = tuple(
            Entry(getattr(r, "kind", "correction"), str(r.date), reason=r.reason)
            for r in year.report.revisions
        )
        years[year.label] = YearState(year.published, figures, revisions)
    withdrawals = tuple(
        Entry("withdrawal", str(w.date), w.year, w.reason)
        for w in getattr(dataset, "withdrawals", ())
    )
    return Snapshot(years, withdrawals)


def to_json(snapshot: Snapshot) -> str:
    years = {
        label: {
            "published": year.published,
            "figures": [[key, unit, value] for (key, unit), value in sorted(year.figures.items())],
            "revisions": [vars(entry) for entry in year.revisions],
        }
        for label, year in sorted(snapshot.years.items())
    }
    withdrawals = [vars(entry) for entry in snapshot.withdrawals]
    return json.dumps({"format": FORMAT, "years": years, "withdrawals": withdrawals})


def from_json(text: str) -> Snapshot:
    """ValueError (or KeyError/TypeError) if the text is not a snapshot of this format."""
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"snapshot format {data.get('format')}, expected {FORMAT}")
    years = {
        str(label): YearState(
            bool(year["published"]),
            {(str(k), str(u)): str(v) for k, u, v in year["figures"]},
            tuple(Entry(**entry) for entry in year["revisions"]),
        )
        for label, year in data["years"].items()
    }
    return Snapshot(years, tuple(Entry(**entry) for entry in data["withdrawals"]))


def main(argv: list[str] | None = None) -> int:
    """Print the snapshot of a data folder as JSON, or one line on stderr and exit 1."""
    from portal.load import load

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m portal.record.snapshot DATA", file=sys.stderr)
        return 2
    dataset, report = load(Path(args[0]), include_drafts=True)
    if dataset is None:
        first = report.errors[0].format() if report.errors else "it could not be read"
        print(first, file=sys.stderr)
        return 1
    print(to_json(from_dataset(dataset)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
