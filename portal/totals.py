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
    repeats = _repeats(rows, spec, report)
    # A printed row is never dropped; a repeated one is counted once in the sums below.
    once = [row for row in rows if id(row) not in repeats]
    # Without the vocabulary, overlapping (cumulative) bands cannot be told apart; a file that
    # lost a bad row would not add up for no new reason.
    if once and index is not None and once[0].file not in unreadable:
        _table_totals(year, spec, once, index, report)
    _row_percentages(year, spec, rows, index, report)


def _repeats(rows: Sequence[Row], spec: TableSpec, report: Report) -> set[int]:
    """Rows whose keys were printed before: both are kept and the repetition is recorded
    as a discrepancy of the source (shown on About the data), never refused."""
    seen: dict[tuple, Row] = {}
    repeats: set[int] = set()
    for row in rows:
        first = seen.setdefault(row.keys, row)
        if first is row:
            continue
        repeats.add(id(row))
        same = (first.count, first.percent, first.amount) == (row.count, row.percent, row.amount)
        report.add(
            row.file,
            row.line,
            "row",
            _describe(row, spec),
            f"the source prints this row twice (also on line {first.line})"
            + ("" if same else " with different figures")
            + ": both rows are kept and published as printed; the checks count the first",
            Severity.NOTE,
        )
    return repeats


def _describe(row: Row, spec: TableSpec) -> str:
    return ", ".join(f"{k.name}={row.get(k.name)}" for k in spec.keys if row.get(k.name))


def _part_columns(spec: TableSpec) -> tuple[str, ...]:
    return (*spec.partition, *spec.crosstab)


def partition_total(year: Year, spec: TableSpec, part: tuple[str | None, ...]) -> int | None:
    """The total a part of a table should add up to, from report.yml (None if unknown)."""
    columns = _part_columns(spec)
    values = dict(zip(columns, part, strict=False))
    if any(values.get(name) for name in spec.crosstab):
        return None  # a cross-tab's rows are shares of another table's row
    if spec.amount_unit is None and spec.partition[:1] == ("stage",):
        if values.get("stage") is None:
            return None
        found = year.report.stage(values["stage"], values.get("procedure"))
        return None if found is None else found.count
    if spec.name == "ombudsman":
        return year.stage_count("ombudsman")
    if spec.name == "demographics" and values.get("population") == "complainants":
        coverage = year.report.demographics_coverage
        return None if coverage is None else coverage.covered
    return None


def _has_gap(year: Year, spec: TableSpec, part: tuple[str | None, ...]) -> bool:
    stage = part[0] if spec.partition[:1] == ("stage",) else None
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
        parts[tuple(row.get(name) for name in _part_columns(spec))].append(row)
    return parts


def _parent_of(row: Row, spec: TableSpec, index: VocabularyIndex) -> str | None:
    if spec.category is None:
        return None
    vocabulary = spec.key(spec.category).vocabulary
    return index.parent(vocabulary, row.get(spec.category), row.get("characteristic"))


def _subgroups(rows: list[Row], spec: TableSpec, index: VocabularyIndex, report: Report):
    """Split off subgroup rows whose group total is printed, and check they add up to it."""
    printed: dict[tuple, Row] = {}
    for row in rows:
        printed.setdefault(row.keys, row)
    children: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        parent = _parent_of(row, spec, index)
        if parent is None:
            continue
        keys = tuple((k, parent if k == spec.category else v) for k, v in row.keys)
        group = printed.get(keys)
        if group is not None:
            children[id(group)].append(row)
    for group in rows:
        subs = children.get(id(group), [])
        if not subs or group.count is None or any(r.count is None for r in subs):
            continue
        added = sum(r.count for r in subs)
        if added != group.count:
            report.add(
                group.file,
                group.line,
                "count",
                group.count,
                f"its subgroups (lines {', '.join(str(r.line) for r in subs)}) add up to "
                f"{added}, not {group.count}: correct one of them, or add a `gaps:` entry for "
                f"table '{spec.name}' in report.yml",
            )
    inside = {id(r) for subs in children.values() for r in subs}
    return [row for row in rows if id(row) not in inside]


def _table_totals(year, spec, rows, index, report) -> None:
    for part, part_rows in _parts(counted_rows(rows, index), spec).items():
        gap = _has_gap(year, spec, part)
        if not gap:
            part_rows = _subgroups(part_rows, spec, index, report)
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
    named = [
        (f"Stage {value}" if value in ("1", "2", "3") else "all stages")
        if column == "stage"
        else str(value)
        for column, value in zip(_part_columns(spec), part, strict=False)
        if value
    ]
    return " for " + ", ".join(named) if named else ""


def _row_percentages(year, spec, rows, index, report) -> None:
    for row in rows:
        if row.count is None or row.percent is None:
            continue
        base = row.base
        if base is None and level(row, spec) == 0:
            part = tuple(row.get(name) for name in _part_columns(spec))
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
