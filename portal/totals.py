"""Checks of one breakdown table: duplicate rows, totals, levels that agree, percentages."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

from portal.dataset import Year
from portal.percent import exact_percent, printed_matches
from portal.problems import Report, Severity
from portal.rows import Row
from portal.tables import TableSpec
from portal.vocabindex import VocabularyIndex

DISCREPANCY_PREFIX = "discrepancy:"


def check_table(
    year: Year,
    spec: TableSpec,
    rows: Sequence[Row],
    index: VocabularyIndex | None,
    report: Report,
    unreadable: set[str],
) -> None:
    repeated = _duplicates(rows, spec, report)
    # Without the vocabulary, overlapping (cumulative) bands cannot be told apart; a file that
    # lost a bad row would not add up for no new reason.
    if rows and index is not None and not repeated and rows[0].file not in unreadable:
        _table_totals(year, spec, rows, index, report)
    _row_percentages(year, spec, rows, index, report)


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
        exact = exact_percent(row.count, base)
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
