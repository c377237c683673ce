"""Checks across files: totals, printed percentages, sources, ids and personal data."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel

from portal.dataset import Year
from portal.models import SourceDocument
from portal.models.common import SOURCE_REF
from portal.percent import percent, printed_matches
from portal.privacy import personal_data, review_mark
from portal.problems import Report, Severity
from portal.rows import Row
from portal.tables import TABLES_BY_NAME, TableSpec
from portal.vocabindex import VocabularyIndex

DISCREPANCY_PREFIX = "discrepancy:"


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
            spec = TABLES_BY_NAME[spec_name]
            repeated = _duplicates(rows, spec, report)
            # Without the vocabulary, overlapping (cumulative) bands cannot be told apart.
            if rows and index is not None and not repeated and rows[0].file not in unreadable:
                _table_totals(year, spec, rows, index, report)
            _row_percentages(year, spec, rows, index, report)


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
        exact = _exact(item.numerator, item.denominator)
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


def _duplicates(rows: Sequence[Row], spec: TableSpec, report: Report) -> bool:
    seen: dict[tuple, int] = {}
    found = False
    for row in rows:
        if row.keys in seen:
            found = True
            report.add(
                row.file,
                row.line,
                "row",
                _describe(row, spec),
                f"the same row is already on line {seen[row.keys]}: keep one",
            )
        seen.setdefault(row.keys, row.line)
    return found


def _describe(row: Row, spec: TableSpec) -> str:
    return ", ".join(f"{k.name}={row.get(k.name)}" for k in spec.keys if row.get(k.name))


def partition_total(year: Year, spec: TableSpec, part: tuple[str | None, ...]) -> int | None:
    """The total a part of a table should add up to, from report.yml (None if unknown)."""
    if spec.partition == ("stage",):
        return year.stage_count(part[0])
    if spec.name == "ombudsman":
        return year.stage_count("ombudsman")
    if spec.name == "demographics" and part[1] == "complainants":
        coverage = year.report.demographics_coverage
        return None if coverage is None else coverage.covered
    return None


def _has_gap(year: Year, spec: TableSpec, part: tuple[str | None, ...]) -> bool:
    stage = part[0] if spec.partition == ("stage",) else None
    if spec.name == "ombudsman":
        stage = "ombudsman"
    return any(g.table == spec.name and g.stage in (None, stage) for g in year.report.gaps)


def counted_rows(rows: Iterable[Row], index: VocabularyIndex | None) -> list[Row]:
    """Rows that add up to the total: cumulative bands overlap others, so they are left out."""
    kept = []
    for row in rows:
        band = row.get("band")
        if band and index is not None:
            term = index.term("timeliness_bands", band)
            if term is not None and getattr(term, "cumulative", False):
                continue
        kept.append(row)
    return kept


def level(row: Row, spec: TableSpec) -> int:
    return sum(1 for name in spec.levels if row.get(name))


def _parts(rows: Iterable[Row], spec: TableSpec) -> dict[tuple, list[Row]]:
    parts: dict[tuple, list[Row]] = defaultdict(list)
    for row in rows:
        parts[tuple(row.get(name) for name in spec.partition)].append(row)
    return parts


def _table_totals(year, spec, rows, index, report) -> None:
    for part, part_rows in _parts(counted_rows(rows, index), spec).items():
        gap = _has_gap(year, spec, part)
        by_level: dict[int, list[Row]] = defaultdict(list)
        for row in part_rows:
            by_level[level(row, spec)].append(row)
        total = partition_total(year, spec, part)
        for lvl, lvl_rows in sorted(by_level.items()):
            if any(r.count is None for r in lvl_rows):
                continue
            counted = sum(r.count for r in lvl_rows)
            if total is not None and counted != total and not gap:
                first = min(lvl_rows, key=lambda r: r.line)
                report.add(
                    first.file,
                    first.line,
                    "count",
                    counted,
                    f"the {_level_name(spec, lvl)} rows{_part_name(spec, part)} add up "
                    f"to {counted}, but the total in report.yml is {total}: correct the "
                    f"figures, or add a `gaps:` entry for table '{spec.name}' in "
                    "report.yml saying why they differ",
                )
        if not gap:
            _levels_agree(spec, by_level, report)


def _levels_agree(spec: TableSpec, by_level: dict[int, list[Row]], report: Report) -> None:
    """A printed Total row (or a service row) must equal the rows it sums."""
    present = sorted(by_level)
    for coarse, fine in itertools.pairwise(present):
        fine_rows = by_level[fine]
        if any(r.count is None for r in fine_rows):
            continue
        sums: dict[tuple, int] = defaultdict(int)
        for row in fine_rows:
            sums[_level_key(row, spec, coarse)] += row.count
        for row in by_level[coarse]:
            key = _level_key(row, spec, coarse)
            if row.count is not None and key in sums and sums[key] != row.count:
                report.add(
                    row.file,
                    row.line,
                    "count",
                    row.count,
                    f"the {_level_name(spec, fine)} rows for this add up to {sums[key]}, "
                    f"not {row.count}: correct one of them, or add a `gaps:` entry for "
                    f"table '{spec.name}' in report.yml",
                )


def _level_key(row: Row, spec: TableSpec, depth: int) -> tuple:
    keys = tuple(row.get(name) for name in spec.levels[:depth])
    return (*keys, row.get(spec.category)) if spec.category else keys


def _level_name(spec: TableSpec, lvl: int) -> str:
    return "overall" if lvl == 0 else f"by-{spec.levels[lvl - 1]}"


def _part_name(spec: TableSpec, part: tuple) -> str:
    if not spec.partition:
        return ""
    if spec.partition == ("stage",):
        return f" for Stage {part[0]}"
    return " for " + ", ".join(str(p) for p in part)


def _row_percentages(year, spec, rows, index, report) -> None:
    for row in rows:
        if row.count is None or row.percent is None:
            continue
        base = row.base
        if base is None and level(row, spec) == 0:
            part = tuple(row.get(name) for name in spec.partition)
            base = partition_total(year, spec, part)
        if base is None:
            report.add(
                row.file,
                row.line,
                "base",
                None,
                "a percentage beside a count needs its base (what it is a percentage of)",
            )
            continue
        if base == 0:
            if row.percent != 0:
                report.add(
                    row.file,
                    row.line,
                    "percent",
                    row.percent_text,
                    "the total this is a percentage of is 0, so the percentage can only be 0: "
                    "correct it or leave it blank",
                )
            continue
        if printed_matches(row.percent, row.count, base):
            continue
        exact = _exact(row.count, base)
        acknowledged = (row.note or "").strip().lower().startswith(DISCREPANCY_PREFIX)
        report.add(
            row.file,
            row.line,
            "percent",
            row.percent_text,
            f"{row.count} of {base} is {exact}%"
            + (
                f" (as printed; {row.note})"
                if acknowledged
                else ": correct it, or if the source printed it wrong start the note with "
                "'Discrepancy:' and say so"
            ),
            Severity.NOTE if acknowledged else Severity.ERROR,
        )


def _exact(part: int, whole: int) -> str:
    """part as a percentage of whole to 2 places, without trailing zeros: '25', '33.33'."""
    text = f"{percent(part, whole, 2):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
