"""The open data keeps every value printed in data/, and reads as its public dictionary says
(issue 13, item 7)."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal, InvalidOperation
from html import unescape
from pathlib import Path

import pytest
from pydantic import BaseModel

from portal.dataset import Dataset
from portal.load import load_dataset
from portal.models.audience import audience_of
from portal.site.dictionary import tidy_columns
from portal.site.downloads import ALL_YEARS, BOM, COLUMN_MEANINGS, download_files
from portal.tables import TABLES_BY_NAME

ROOT = Path(__file__).resolve().parents[2]
COUNCILS = {
    "camden": ROOT / "data",
    "004": ROOT / "tests" / "fixtures" / "council-004",
    "synthetic": ROOT / "tests" / "fixtures" / "synthetic",
}
# How a number is typed in a string field (PrintedNumber and the like).
NUMBER_PATTERN = re.compile(r"\^\\d\+.*\$")


def _number(value: object) -> Decimal | None:
    try:
        return Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return None


def _is_number_text(field: object) -> bool:
    """A string field whose pattern allows only a number (a percentage as printed)."""
    patterns = [getattr(m, "pattern", None) for m in getattr(field, "metadata", ())]
    return any(p and NUMBER_PATTERN.fullmatch(p) for p in patterns)


def _report_values(value: object, path: str = "") -> list[tuple[str, Decimal]]:
    """Every number in a report.yml, found by walking the model (staff-only fields left out)."""
    found: list[tuple[str, Decimal]] = []
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            inner = getattr(value, name)
            if audience_of(field) == "staff" or inner is None or isinstance(inner, bool):
                continue
            if isinstance(inner, int | float | Decimal) or (
                isinstance(inner, str) and _is_number_text(field)
            ):
                found.append((f"{path}.{name}", _number(inner)))
            else:
                found.extend(_report_values(inner, f"{path}.{name}"))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            found.extend(_report_values(item, f"{path}[{index}]"))
    return found


def _exported(dataset: Dataset) -> list[dict[str, str]]:
    text = download_files(dataset)[ALL_YEARS]
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))


@pytest.fixture(scope="module", params=sorted(COUNCILS))
def council(request: pytest.FixtureRequest) -> tuple[Dataset, list[dict[str, str]]]:
    dataset = load_dataset(COUNCILS[request.param], include_drafts=True)
    return dataset, _exported(dataset)


def test_every_number_in_report_yml_is_exported(council) -> None:
    dataset, rows = council
    exported = {
        (r["year"], _number(r[column])) for r in rows for column in ("value", "base") if r[column]
    }
    lost = [
        f"{year.label}/report.yml {path} = {number}"
        for year in dataset.years
        for path, number in _report_values(year.report)
        if (year.label, number) not in exported
    ]
    assert not lost, "printed but not in complaints.csv: " + "; ".join(lost[:10])


def test_every_table_value_is_exported_with_its_unit(council) -> None:
    """Counts, printed percentages, bases and money of every CSV row in data/."""
    dataset, rows = council
    exported = {
        (r["year"], r["measure"], r["unit"], _number(r["value"])) for r in rows if r["value"]
    }
    bases = {(r["year"], r["measure"], _number(r["base"])) for r in rows if r["base"]}
    lost = []
    for year in dataset.years:
        for name, table in year.tables.items():
            spec = TABLES_BY_NAME[name]
            for row in table:
                wanted = [
                    (unit, value)
                    for unit, value in (
                        ("count", row.count),
                        ("percent", row.percent),
                        (spec.amount_unit or "amount", row.amount),
                    )
                    if value is not None
                ]
                for unit, value in wanted:
                    if (year.label, spec.measure, unit, _number(value)) not in exported:
                        lost.append(f"{year.label}/{spec.file} {unit} {value}")
                if row.base is not None and (
                    (year.label, spec.measure, _number(row.base)) not in bases
                ):
                    lost.append(f"{year.label}/{spec.file} base {row.base}")
    assert not lost, "printed but not in complaints.csv: " + "; ".join(lost[:10])


def test_the_ombudsman_rows_say_so_with_the_stage_label(council) -> None:
    dataset, rows = council
    for row in rows:
        if row["measure"] in ("decision", "ombudsman_received"):
            assert row["stage"] == "ombudsman", row
        stage = dataset.years and row["stage"]
        if stage and row["measure"] != "received":
            year = next(y for y in dataset.years if y.label == row["year"])
            counted = year.report.stage(stage)
            assert row["stage_label"] == (counted.label if counted else ""), row


def test_a_value_is_there_or_the_missing_column_says_why(council) -> None:
    _, rows = council
    for row in rows:
        assert bool(row["value"]) != bool(row["missing"]), row


# The public table of the file's columns (About the data), as a reader sees it.
def _public_table() -> dict[str, str]:
    html = tidy_columns()
    found = re.findall(r"<th[^>]*><code>([^<]*)</code></th>\s*<td>(.*?)</td>", html, re.S)
    return {unescape(name): unescape(re.sub(r"<[^>]+>", "", meaning)) for name, meaning in found}


def test_the_public_table_lists_the_files_columns_in_order(council) -> None:
    _, rows = council
    table = _public_table()
    assert list(table) == list(rows[0]), "the About page's table and the file's header differ"
    assert all(meaning.strip() for meaning in table.values())


def test_the_file_reads_as_the_public_table_says(council) -> None:
    """Every unit, stage, measure and missing code in the file is named in its meaning."""
    _, rows = council
    table = _public_table()
    for column in ("unit", "stage", "measure", "missing", "printed"):
        for value in {r[column] for r in rows if r[column]}:
            assert re.search(rf"(^|\W){re.escape(value)}(\W|$)", table[column]), (column, value)
    for row in rows:
        for column in ("value", "base"):
            assert not row[column] or _number(row[column]) is not None, (column, row)


def test_the_public_table_is_on_the_public_about_page() -> None:
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert 'section("tidy_columns")' in about
    assert set(_public_table()) == set(COLUMN_MEANINGS)


def test_the_check_sees_a_lost_value() -> None:
    """If a printed percentage were dropped, the walk over the model would report it."""
    dataset = load_dataset(COUNCILS["camden"], include_drafts=True)
    year = next(y for y in dataset.years if y.report.printed_percentages)
    values = dict(_report_values(year.report))
    assert any(path.endswith(".printed") for path in values)


def test_every_percentage_in_the_file_is_as_printed(council) -> None:
    """This file holds only what the reports printed: every percentage is marked so."""
    _, rows = council
    assert all(r["printed"] == "yes" for r in rows if r["unit"] == "percent")


# Regressions from issue 13, on the Camden data.
def _camden() -> list[dict[str, str]]:
    return _exported(load_dataset(COUNCILS["camden"], include_drafts=True))


def test_six_withdrawn_at_stage_2_printed_only_in_text_is_exported() -> None:
    rows = _camden()
    assert any(
        r["year"] == "2023-24"
        and r["stage"] == "2"
        and r["measure"] == "outcome"
        and r["category"] == "Withdrawn"
        and r["value"] == "6"
        and not r["service"]
        for r in rows
    )


def test_the_two_ombudsman_series_keep_their_labels() -> None:
    labels = {
        r["year"]: r["stage_label"]
        for r in _camden()
        if r["stage"] == "ombudsman" and r["measure"] == "received"
    }
    assert labels["2023-24"] == "LGSCO decisions"
    assert labels["2019-20"] != labels["2023-24"]


def test_a_count_and_its_printed_percentage_are_both_exported() -> None:
    upheld = [
        r
        for r in _camden()
        if r["year"] == "2023-24"
        and r["stage"] == "1"
        and r["measure"] == "outcome"
        and r["category"] == "Upheld"
    ]
    assert {(r["unit"], r["value"]) for r in upheld} >= {("count", "2"), ("percent", "5")}
