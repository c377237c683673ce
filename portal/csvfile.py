"""Reading a CSV data file into records, each with the line it starts on.

Strict on purpose: Python's csv module reads an unclosed quote to the end of the file as one
cell, so rows would vanish without a word. Here a broken quote is one error at the line where
it opened, and nothing after it is read.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from portal import safefile
from portal.problems import Report

Record = tuple[int, list[str]]


def read_records(path: Path, shown: str, report: Report, root: Path | None) -> list[Record] | None:
    """(first line, cells) of every record, or None when the file cannot be read (reported).

    root is the data folder: no part of the path below it may be a link.
    """
    try:
        text = safefile.read_text(path, root, encoding="utf-8-sig")
    except safefile.UnsafeFile as exc:
        report.add(shown, None, "file", None, str(exc))
        return None
    except UnicodeDecodeError:
        report.add(shown, None, "file", None, "not UTF-8 text: save the file as UTF-8")
        return None
    try:
        return _records(text, shown, report)
    except _BrokenQuote as exc:
        # Everything after a broken quote is in doubt: the file is one error, no rows.
        report.add(shown, exc.line, "row", None, str(exc))
        return None


class _BrokenQuote(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


_UNCLOSED = (
    'a quote (") opens a cell on this line and is never closed, so the rest of the file '
    "would be read as one cell: close the quote, or remove it. Nothing after this line was read"
)
_MISPLACED = (
    'a quote (") in this row is not where CSV allows it: a quoted cell starts and ends with '
    'a quote, and a quote inside it is written twice (""). Nothing after this line was read'
)


def _records(text: str, shown: str, report: Report) -> list[Record]:
    """(first line, cells) of every record; a cell spanning lines is reported and dropped."""
    # strict: an unclosed quote is an error, not the rest of the file read into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[Record] = []
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return records
        except csv.Error as exc:
            unclosed = "unexpected end of data" in str(exc)
            raise _BrokenQuote(start, _UNCLOSED if unclosed else _MISPLACED) from None
        end = reader.line_num
        if end > start and any("\n" in cell or "\r" in cell for cell in cells):
            report.add(
                shown,
                start,
                "row",
                None,
                f"a quoted cell runs from line {start} to line {end}: a cell cannot hold a "
                "line break (check for a quote that is not closed where it should be)",
            )
        else:
            records.append((start, cells))
        start = end + 1
