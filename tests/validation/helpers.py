"""Copying the minimal data folder, breaking it on purpose, and finding problems in a report."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from portal.load import validate
from portal.problems import Problem, Report, Severity

MINIMAL = Path(__file__).resolve().parent.parent / "fixtures" / "minimal"


def copy_minimal(parent: Path) -> Path:
    """A fresh copy of the minimal data folder at parent/data (problems then read 'data/...')."""
    root = parent / "data"
    shutil.copytree(MINIMAL, root)
    return root


@dataclass(frozen=True)
class DataFolder:
    """A data folder under test: small edits by file name, relative to the folder."""

    root: Path

    def path(self, name: str) -> Path:
        return self.root / name

    def read(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        """Replace text that must occur exactly once, so a mutation never silently misses."""
        text = self.read(name)
        found = text.count(old)
        assert found == 1, f"{old!r} occurs {found} times in {name}, expected once"
        self.write(name, text.replace(old, new))

    def append(self, name: str, text: str) -> None:
        self.write(name, self.read(name) + text)

    def line_number(self, name: str, needle: str) -> int:
        """1-based number of the one line of the file that contains needle."""
        lines = [i for i, line in enumerate(self.read(name).splitlines(), 1) if needle in line]
        assert len(lines) == 1, f"{needle!r} is on lines {lines} of {name}, expected one"
        return lines[0]

    def validate(self, *, release: bool = False) -> Report:
        return validate(self.root, release=release)


def shown(problems: list[Problem]) -> str:
    return "\n".join(f"  {p.severity}: {p.format()}" for p in problems) or "  (none)"


def find(
    report: Report,
    file: str,
    line: int | None,
    field: str,
    *words: str,
    severity: Severity = Severity.ERROR,
) -> Problem:
    """The one problem at file:line [field] whose message contains every word."""
    matches = [
        p
        for p in report.problems
        if p.file == f"data/{file}"
        and p.line == line
        and p.field == field
        and p.severity is severity
        and all(w.lower() in p.message.lower() for w in words)
    ]
    assert len(matches) == 1, (
        f"expected one {severity} at data/{file}:{line} [{field}] mentioning {words}, "
        f"found {len(matches)}; the report has:\n{shown(list(report))}"
    )
    return matches[0]
