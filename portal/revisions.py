"""A published year's figures never change silently.

data/checksums.yml records, for each published year, a checksum of its figures (report.yml
and every CSV, normalised) and how many `revisions:` entries its report.yml had then:

    2023-24: {checksum: sha256:3f1c0a9b2e7d, revisions: 0}

When the figures change, the checksum no longer matches and the validator asks for a new
`revisions:` entry (date, change, reason) and gives the exact new line for checksums.yml.
The number of revisions is part of the checksum, so the line it prints only fits once the
revision is there. Draft years are exempt. Layout, comments, quoting, the order of CSV rows
and the name used for a category (id, label or alias) do not count as changes.

The record starts when the site goes live: until data/checksums.yml exists nothing is checked
(so figures can be corrected freely while a council first fills in its data, and test data
needs no record). `python -m portal.revisions > data/checksums.yml` starts it; the Publish
workflow runs `python -m portal.revisions --check`, which refuses to deploy published years
that are not recorded.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationError

from portal.dataset import Year
from portal.models.common import Count, Strict
from portal.problems import Report, relative
from portal.tables import TABLES
from portal.yamlfile import LoadedYaml, YamlSyntaxError, load_yaml

FILE = "checksums.yml"
HEADER = """\
# The figures of every published year, recorded so that they never change silently.
# Each line: the year, a checksum of its figures (report.yml and the .csv files) and
# how many `revisions:` entries its report.yml has. `portal validate` says exactly what
# to write here; see "Correcting a published year" in docs/publishing.md.
"""
_LABEL = re.compile(r"^\d{4}-\d{2}$")
_suspended = False  # only while `python -m portal.revisions` loads the data


class Recorded(Strict):
    checksum: Annotated[
        str,
        StringConstraints(pattern=r"^sha256:[0-9a-f]{12}$"),
        Field(description="'sha256:' and 12 characters, exactly as `portal validate` prints it."),
    ]
    revisions: Count


_FORM = "2023-24: {checksum: sha256:123456789abc, revisions: 0}"


def checksum(year: Year, revisions: int | None = None) -> str:
    """The checksum of a year's figures, with a number of revisions (default: as it has now)."""
    count = len(year.report.revisions) if revisions is None else revisions
    content = {
        "report": year.report.model_dump(
            mode="json", exclude={"status", "revisions"}, exclude_defaults=True
        ),
        "tables": {spec.name: _rows(year, spec.name) for spec in TABLES},
        "revisions": count,
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _rows(year: Year, table: str) -> list[dict[str, Any]]:
    rows = [
        {
            "keys": [[name, value] for name, value in row.keys],
            "count": row.count,
            "percent": None if row.percent is None else format(row.percent.normalize(), "f"),
            "base": row.base,
            "source": row.source,
            "note": row.note,
        }
        for row in year.rows(table)
    ]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


def line(label: str, checksum_: str, revisions: int) -> str:
    return f"{label}: {{checksum: {checksum_}, revisions: {revisions}}}"


def check(root: Path, years: Sequence[Year], report: Report) -> None:
    """Add a problem for every published year whose figures differ from data/checksums.yml."""
    root = Path(root)
    shown = relative(root / FILE, root)
    if _suspended or not (root / FILE).is_file():
        return
    recorded, lines = _read(root, shown, report)
    if recorded is None:
        return
    for label, recorded_line in lines.items():
        if not (root / label).is_dir():
            report.add(
                shown,
                recorded_line,
                label,
                None,
                f"there is no year folder {root.name}/{label}: remove this line "
                "(or correct the year)",
            )
    broken = {p.file for p in report.errors}
    shared_broken = relative(root / "vocabularies.yml", root) in broken
    for year in years:
        prefix = f"{year.folder.parent.name}/{year.label}/"
        if not year.published or shared_broken or any(f.startswith(prefix) for f in broken):
            continue  # drafts are exempt; a year with errors is checked once they are fixed
        _check_year(year, recorded.get(year.label), lines.get(year.label), shown, report)


def _read(root: Path, shown: str, report: Report) -> tuple[dict[str, Recorded] | None, dict]:
    try:
        loaded: LoadedYaml = load_yaml(root / FILE)
    except YamlSyntaxError as exc:
        report.add(shown, exc.line, exc.field or "syntax", None, str(exc))
        return None, {}
    except UnicodeDecodeError:
        report.add(shown, None, "file", None, "not UTF-8 text: save the file as UTF-8")
        return None, {}
    data = {} if loaded.data is None else loaded.data
    if not isinstance(data, dict):
        report.add(shown, 1, "(file)", None, f"expected one line per year, such as {_FORM}")
        return None, {}
    recorded: dict[str, Recorded] = {}
    lines: dict[str, int | None] = {}
    for label, value in data.items():
        where = loaded.line_of((label,))
        try:
            entry = Recorded.model_validate(value)
        except ValidationError:
            entry = None
        if not _LABEL.match(str(label)):
            report.add(
                shown,
                where,
                str(label),
                None,
                "expected a year such as 2023-24 at the start of the line",
            )
        elif entry is None:
            report.add(
                shown,
                where,
                label,
                None,
                f"expected a line such as {_FORM}, as `portal validate` prints it",
            )
        else:
            recorded[label], lines[label] = entry, where
    return recorded, lines


def _check_year(
    year: Year, recorded: Recorded | None, where: int | None, shown: str, report: Report
) -> None:
    have = len(year.report.revisions)
    now = checksum(year)
    if recorded is None:
        report.add(
            year.report_file,
            year.line_of("status"),
            "status",
            "published",
            f"a published year's figures are recorded so that they never change unnoticed: "
            f"add this line at the end of {shown}: {line(year.label, now, have)}",
        )
        return
    if recorded.checksum == now and recorded.revisions == have:
        return
    if have < recorded.revisions:
        report.add(
            year.report_file,
            _line(year, "revisions"),
            "revisions",
            None,
            f"{shown} records {recorded.revisions} revision(s) but this file has {have}: "
            "every change needs an entry under `revisions:` and an entry is never deleted: "
            "add the missing one",
        )
        return
    unchanged = any(
        recorded.checksum == checksum(year, n) for n in range(recorded.revisions, have + 1)
    )
    if not unchanged and have == recorded.revisions:
        report.add(
            year.report_file,
            _line(year, "revisions"),
            "revisions",
            None,
            f"the figures of {year.label} changed after it was published, and a published "
            "year never changes silently. Add an entry under `revisions:` in this file (add "
            "the key at the end if it is not there) with date: (YYYY-MM-DD), change: (what "
            "changed) and reason: (why). Then change the line for "
            f"{year.label} in {shown} to: {line(year.label, checksum(year, have + 1), have + 1)}",
        )
        return
    report.add(
        shown,
        where,
        year.label,
        f"{recorded.checksum}, {recorded.revisions} revision(s)",
        f"out of date: the figures or revisions of {year.label} changed, and `revisions:` "
        f"in its report.yml explains it. Change this line to: {line(year.label, now, have)}",
    )


def _line(year: Year, key: str) -> int | None:
    """The line of a top-level key of report.yml, or of `status:` when the key is absent."""
    lines = year.lines.lines if year.lines is not None else {}
    return lines.get((key,)) or year.line_of("status")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m portal.revisions",
        description="Print the data/checksums.yml line of every published year.",
    )
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument(
        "--check",
        action="store_true",
        help="print nothing; exit 1 if a published year is not in data/checksums.yml",
    )
    args = parser.parse_args(argv)
    from portal import revisions  # this module as load() sees it, also under `python -m`
    from portal.load import load

    revisions._suspended = True
    try:
        dataset, _ = load(args.data, include_drafts=True)
    finally:
        revisions._suspended = False
    if dataset is None:
        print("fix the problems `portal validate` lists first", file=sys.stderr)
        return 1
    published = [y for y in dataset.all_years if y.published]
    lines = [line(y.label, checksum(y), len(y.report.revisions)) for y in published]
    if not args.check:
        print(HEADER + "".join(f"{text}\n" for text in lines), end="")
        return 0
    path = args.data / FILE
    recorded = load_yaml(path).data if path.is_file() else None  # `portal validate` checks it
    recorded = recorded if isinstance(recorded, dict) else {}
    missing = [
        text for year, text in zip(published, lines, strict=True) if year.label not in recorded
    ]
    if missing:
        print(
            f"{path}: every published year's figures must be recorded before the site is "
            f"published, so that they never change silently. Add these lines to {path}"
            + ("" if path.is_file() else f" (to start it: python -m portal.revisions > {path})")
            + ":\n"
            + "\n".join(missing),
            file=sys.stderr,
        )
        return 1
    print(f"{path}: every published year is recorded ({len(published)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
