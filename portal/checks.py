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
from portal.percent import exact_percent, printed_matches, written_as_fractions
from portal.problems import Report, Severity
from portal.rows import Row
from portal.tables import TABLES_BY_NAME, TableSpec
from portal.totals import check_table
from portal.views.actions import check_owners
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
        check_owners(year, index, report)
        for spec_name, rows in year.tables.items():
            check_table(year, TABLES_BY_NAME[spec_name], rows, index, report, unreadable)
            _fraction_percentages(TABLES_BY_NAME[spec_name], rows, report)


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
        seen: set[object] = set()
        for i, item in enumerate(getattr(year.report, name)):
            value = getattr(item, key)
            # A stage may be given once as a whole and once per procedure.
            unique = (value, item.procedure) if name == "stages" else value
            if unique in seen:
                report.add(
                    year.report_file,
                    year.line_of(name, i, key),
                    f"{name}.{i}.{key}",
                    value,
                    f"appears twice in {name}: each {key} must be unique",
                )
            seen.add(unique)


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


def _whole_of(row: Row, spec: TableSpec) -> tuple:
    """What a row's percentage is a share of: every key but the category, or its level."""
    if spec.category is not None:
        return tuple(item for item in row.keys if item[0] != spec.category)
    return (
        tuple(row.get(name) for name in spec.partition),
        tuple(name for name in spec.levels if row.get(name)),
    )


def _fraction_percentages(spec: TableSpec, rows: Sequence[Row], report: Report) -> None:
    """Percent-only rows of one whole written as fractions (0.09 for 9%): nothing checks
    them against a count, so the set of them is checked instead."""
    groups: dict[tuple, list[Row]] = {}
    for row in rows:
        if row.percent is not None and row.count is None:
            groups.setdefault(_whole_of(row, spec), []).append(row)
    for group in groups.values():
        if not written_as_fractions([row.percent for row in group if row.percent is not None]):
            continue
        first = group[0]
        lines = ", ".join(str(row.line) for row in group)
        total = sum(row.percent for row in group if row.percent is not None)
        report.add(
            first.file,
            first.line,
            "percent",
            first.percent_text,
            f"the percentages on lines {lines} are all 1 or less and add up to {total:f}, "
            f"not 100: they look like fractions. Write each as a percentage: for "
            f"{first.percent_text}, write {(first.percent * 100).normalize():f}",
        )
