"""Checks across files: periods, ids, sources, printed percentages and personal data.

The breakdown tables' own checks (totals, levels, percentages) are in portal/totals.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel

from portal.dataset import Year
from portal.models import SourceDocument
from portal.models.common import SOURCE_REF
from portal.percent import exact_percent, printed_matches
from portal.privacy import personal_data, review_mark
from portal.problems import Report, Severity
from portal.tables import TABLES_BY_NAME
from portal.totals import check_table
from portal.vocabindex import VocabularyIndex


def run(
    *,
    root: Path,
    sources: Sequence[SourceDocument] | None,
    index: VocabularyIndex | None,
    years: Sequence[Year],
    report: Report,
) -> None:
    source_ids = {s.id for s in sources} if sources is not None else None
    # A file with a bad row lost that row, so its sums would be wrong for no new reason.
    unreadable = {p.file for p in report.errors}
    learning_years: dict[str, str] = {}
    # Years whose report.yml could not be read: their learning ids are unknown.
    unread = {f.split("/")[-2] for f in unreadable if f.endswith("/report.yml")} - {
        y.label for y in years
    }
    for year in sorted(years, key=lambda y: y.label):
        _period(year, report)
        _unique(year, report)
        if source_ids is not None:
            _sources(year, source_ids, report)
        _printed_percentages(year, report)
        _discrepancies(year, report)
        earlier_unread = any(label < year.label for label in unread)
        _learning_links(year, learning_years, report, complete=not earlier_unread)
        _personal_data(year, report)
        for spec_name, rows in year.tables.items():
            check_table(year, TABLES_BY_NAME[spec_name], rows, index, report, unreadable)


def _period(year: Year, report: Report) -> None:
    start = int(year.label[:4])
    expected = (dt.date(start, 4, 1), dt.date(start + 1, 3, 31))
    period = year.report.period
    if (period.start, period.end) != expected:
        report.add(
            year.report_file,
            year.line_of("period"),
            "period",
            f"{period.start} to {period.end}",
            f"the folder {year.label} is the financial year {expected[0]} to {expected[1]}",
        )


def _unique(year: Year, report: Report) -> None:
    for name, key in (
        ("stages", "stage"),
        ("figures", "id"),
        ("learning", "id"),
        ("case_studies", "id"),
    ):
        seen: set[str] = set()
        for i, item in enumerate(getattr(year.report, name)):
            value = getattr(item, key)
            if value in seen:
                report.add(
                    year.report_file,
                    year.line_of(name, i, key),
                    f"{name}.{i}.{key}",
                    value,
                    f"appears twice in {name}: each {key} must be unique",
                )
            seen.add(value)


def _walk_refs(value: object, path: tuple[str | int, ...]) -> Iterable[tuple[tuple, str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if name == "source" and isinstance(item, str):
                yield (*path, name), item
            else:
                yield from _walk_refs(item, (*path, name))
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk_refs(item, (*path, i))


def _sources(year: Year, source_ids: set[str], report: Report) -> None:
    hint = "declare it in data/sources.yml or use one of: " + ", ".join(sorted(source_ids))
    for path, ref in _walk_refs(year.report, ()):
        match = SOURCE_REF.match(ref)
        if match and match["doc"] not in source_ids:
            report.add(
                year.report_file,
                year.line_of(*path),
                ".".join(map(str, path)),
                ref,
                f"unknown document '{match['doc']}': {hint}",
            )
    for rows in year.tables.values():
        for row in rows:
            match = SOURCE_REF.match(row.source)
            if match and match["doc"] not in source_ids:
                report.add(
                    row.file,
                    row.line,
                    "source",
                    row.source,
                    f"unknown document '{match['doc']}': {hint}",
                )


def _printed_percentages(year: Year, report: Report) -> None:
    from decimal import Decimal

    for i, item in enumerate(year.report.printed_percentages):
        right = printed_matches(Decimal(item.printed), item.numerator, item.denominator)
        where = year.line_of("printed_percentages", i, "printed")
        field = f"printed_percentages.{i}"
        exact = exact_percent(item.numerator, item.denominator)
        if not right and item.discrepancy is None:
            report.add(
                year.report_file,
                where,
                f"{field}.printed",
                item.printed,
                f"{item.numerator} of {item.denominator} is {exact}%: correct the figure, "
                "or if the source printed it wrong add `discrepancy:` explaining it",
            )
        elif not right:
            report.add(
                year.report_file,
                where,
                f"{field}.printed",
                item.printed,
                f"as printed; {item.numerator} of {item.denominator} is {exact}%. "
                f"{item.discrepancy}",
                Severity.NOTE,
            )
        elif item.discrepancy is not None:
            report.add(
                year.report_file,
                year.line_of("printed_percentages", i, "discrepancy"),
                f"{field}.discrepancy",
                item.discrepancy,
                "the printed figure is right, so there is no discrepancy: remove `discrepancy:`",
            )


def _discrepancies(year: Year, report: Report) -> None:
    for i, item in enumerate(year.report.discrepancies):
        report.add(
            year.report_file,
            year.line_of("discrepancies", i),
            f"discrepancies.{i}",
            item.about,
            item.note,
            Severity.NOTE,
        )


def _learning_links(year: Year, seen: dict[str, str], report: Report, complete: bool) -> None:
    for i, item in enumerate(year.report.learning):
        if item.id in seen:
            report.add(
                year.report_file,
                year.line_of("learning", i, "id"),
                f"learning.{i}.id",
                item.id,
                f"this id is already used in {seen[item.id]}: ids are never reused",
            )
        for j, earlier in enumerate(item.follows_up):
            if earlier not in seen and complete:
                report.add(
                    year.report_file,
                    year.line_of("learning", i, "follows_up", j),
                    f"learning.{i}.follows_up.{j}",
                    earlier,
                    "no learning item with this id in an earlier year",
                )
    for item in year.report.learning:
        seen.setdefault(item.id, year.label)


_FREE_TEXT = {
    "learning": ("text", "action"),
    "case_studies": ("title", "issue", "response"),
    "ombudsman_cases": ("summary", "findings", "remedies"),
    "compliments": ("text",),
}


def _texts(item: BaseModel, names: Iterable[str]) -> list[str]:
    texts: list[str] = []
    for name in names:
        value = getattr(item, name)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, tuple):
            texts.extend(v for v in value if isinstance(v, str))
    if hasattr(item, "timeline"):
        texts.extend(f"{e.date} {e.event} {e.note or ''}" for e in item.timeline)
    return texts


def _reviewable(year: Year) -> Iterable[tuple[tuple[str | int, ...], BaseModel, list[str]]]:
    for section, names in _FREE_TEXT.items():
        for i, item in enumerate(getattr(year.report, section)):
            yield (section, i), item, _texts(item, names)
    if year.report.scrutiny is not None:
        for i, item in enumerate(year.report.scrutiny.items):
            yield ("scrutiny", "items", i), item, [item.question, item.answer]


def _personal_data(year: Year, report: Report) -> None:
    for path, item, texts in _reviewable(year):
        mark = review_mark(texts)
        reviewed = getattr(item, "reviewed", None)
        if reviewed == mark:
            continue
        found = [hit for text in texts for hit in personal_data(text)]
        field = ".".join(map(str, path))
        if reviewed is not None and not found:
            continue
        if reviewed is not None:
            report.add(
                year.report_file,
                year.line_of(*path, "reviewed"),
                f"{field}.reviewed",
                reviewed,
                f"the text changed since it was reviewed: check it again, then "
                f"set `reviewed: {mark}`",
            )
            continue
        for kind, text in found:
            report.add(
                year.report_file,
                year.line_of(*path),
                field,
                text,
                f"looks like {kind}, and the report must not identify anyone: remove it, "
                f"or if a person has checked it identifies nobody add "
                f"`reviewed: {mark}` to this item",
            )
