"""Problems found in the data: collected, never raised one at a time.

Every problem names a file, a line (YAML) or row (CSV), a field, the bad value and
what was expected, so a member of staff editing in the GitHub web editor can act on it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    # An acknowledged discrepancy in a source document: reported, never fails the build.
    NOTE = "note"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    value: object
    message: str
    severity: Severity = Severity.ERROR

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line or 0, self.field, self.message)

    def format(self) -> str:
        """One line, whatever the data held (a key or a note may contain line breaks)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        value = "" if self.value is None else f" {_show(self.value)}"
        return one_line(f"{where} [{self.field}]{value}: {self.message}")

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command, so the message shows on the changed line."""
        kind = "error" if self.severity is Severity.ERROR else "notice"
        return annotation(kind, self.file, self.line, self.format())


def annotation(kind: str, file: str, line: int | None, text: str) -> str:
    """A GitHub Actions workflow command (::error file=...::text) with its parts escaped."""
    where = "" if line is None else f",line={line}"
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    # A property value also escapes ':' and ',' (a folder name could hold them).
    file = one_line(file).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    return f"::{kind} file={file}{where}::{text}"


def one_line(text: str) -> str:
    """Line breaks become spaces; other control characters (a terminal escape sequence in a
    key, say) are shown escaped, never sent to the terminal or the CI log."""
    joined = " ".join(text.splitlines())
    return "".join(c if c.isprintable() or c == " " else ascii(c)[1:-1] for c in joined)


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass
class Report:
    """Every problem from one validation run."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        file: str,
        line: int | None,
        field: str,
        value: object,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(Problem(file, line, field, value, message, severity))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def error_count(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    @property
    def errors(self) -> list[Problem]:
        return sorted(
            (p for p in self.problems if p.severity is Severity.ERROR), key=Problem.sort_key
        )

    @property
    def notes(self) -> list[Problem]:
        return sorted(
            (p for p in self.problems if p.severity is Severity.NOTE), key=Problem.sort_key
        )

    @property
    def ok(self) -> bool:
        return not self.errors

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.problems, key=Problem.sort_key))


class DataError(Exception):
    """Raised once, after validation, when the data has errors."""

    def __init__(self, report: Report):
        self.report = report
        lines = [p.format() for p in report.errors]
        count = len(lines)
        head = f"The data has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([head, *lines]))


def relative(path: os.PathLike[str] | str, root: os.PathLike[str] | str) -> str:
    """Path as staff see it in the repository: relative to the data folder's parent."""
    rel = os.path.relpath(path, os.path.dirname(os.path.abspath(root)))
    return rel.replace(os.sep, "/")
