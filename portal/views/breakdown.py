"""One table's categories for a year and stage, at one level of detail."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from portal.dataset import Dataset, Year
from portal.percent import percent
from portal.rows import Row
from portal.tables import COLUMN_VOCABULARY, TABLES_BY_NAME, TableSpec
from portal.totals import counted_rows, level

CATEGORY_VOCABULARY = COLUMN_VOCABULARY


@dataclass(frozen=True)
class Item:
    """One category of a breakdown."""

    id: str
    label: str
    count: int | None
    # Computed from the counts (half-up) when counts exist; otherwise as printed.
    percent: Decimal | None
    as_published: bool
    source: str
    note: str | None = None
    # The group a subgroup belongs to (its label names it too); None for a top-level term.
    parent: str | None = None


@dataclass(frozen=True)
class Breakdown:
    table: str
    title: str
    items: tuple[Item, ...]
    total: int | None

    @property
    def has_counts(self) -> bool:
        return any(item.count is not None for item in self.items)

    @property
    def empty(self) -> bool:
        return not self.items


def label_of(dataset: Dataset, column: str, term_id: str | None, scope: str | None = None) -> str:
    if term_id is None:
        return "All"
    vocabulary = CATEGORY_VOCABULARY.get(column)
    term = dataset.index.term(vocabulary, term_id, scope) if vocabulary else None
    return term.label if term is not None else term_id


def order(dataset: Dataset, column: str, ids: Iterable[str], scope: str | None = None) -> list:
    vocabulary = CATEGORY_VOCABULARY.get(column)
    declared = [t.id for t in dataset.index.terms(vocabulary, scope)]
    rank = {term_id: i for i, term_id in enumerate(declared)}
    return sorted(ids, key=lambda term_id: (rank.get(term_id, len(rank)), str(term_id)))


def breakdown(
    dataset: Dataset,
    year: Year,
    table: str,
    *,
    where: dict[str, str | None] | None = None,
    by: str | None = None,
    total: int | None = None,
    split: bool = False,
) -> Breakdown:
    """Categories of `table` for the rows matching `where`, overall unless `by` names a level.

    With no overall rows, finer rows are added up per category (only when every count is known).
    Rows of one procedure or of a cross-tab are left out unless `split` (and `where` picks them).
    """
    spec = TABLES_BY_NAME[table]
    source = year.rows(table) if split else year.whole_rows(table)
    rows = [r for r in source if all(r.get(k) == v for k, v in (where or {}).items())]
    rows = counted_rows(rows, dataset.index) if by is None else list(rows)
    category = by or spec.category
    if category is None:
        category = spec.levels[0] if spec.levels else spec.keys[-1].name
    chosen = _rows_at_level(rows, spec, by)
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in chosen:
        grouped[row.get(category)].append(row)
    scope = (where or {}).get("characteristic")
    items = []
    counts_total = total
    all_counted = all(r.count is not None for r in chosen) and chosen
    if counts_total is None and all_counted and spec.category is not None and by is None:
        vocabulary = CATEGORY_VOCABULARY.get(category)
        groups = [r for r in chosen if not dataset.index.parent(vocabulary, r.get(category), scope)]
        counts_total = sum(r.count for r in groups)
    for term_id in order(dataset, category, grouped, scope):
        group = grouped[term_id]
        if len({r.keys for r in group}) < len(group):
            # A label the source printed twice: each row as printed, never added together.
            items += [_item(dataset, category, term_id, [r], counts_total, scope) for r in group]
        else:
            items.append(_item(dataset, category, term_id, group, counts_total, scope))

    return Breakdown(table, spec.title, tuple(items), counts_total)


def _rows_at_level(rows: list[Row], spec: TableSpec, by: str | None) -> list[Row]:
    if by is not None:
        depth = spec.levels.index(by) + 1 if by in spec.levels else 0
        return [r for r in rows if level(r, spec) == depth] or [
            r for r in rows if level(r, spec) > depth
        ]
    for depth in range(len(spec.levels) + 1):
        at = [r for r in rows if level(r, spec) == depth]
        if at:
            return at
    return []


def _item(dataset, category, term_id, group: list[Row], total, scope) -> Item:
    counts = [r.count for r in group]
    count = sum(counts) if all(c is not None for c in counts) else None
    printed = group[0].percent if len(group) == 1 else None
    base = group[0].base if len(group) == 1 and group[0].base else total
    if count is not None and base:
        shown, as_published = percent(count, base), False
    else:
        shown, as_published = printed, printed is not None
    notes = "; ".join(r.note for r in group if r.note) or None
    parent = dataset.index.parent(CATEGORY_VOCABULARY.get(category), term_id, scope)
    label = label_of(dataset, category, term_id, scope)
    if parent is not None:
        label = f"{label_of(dataset, category, parent, scope)}: {label}"
    return Item(
        id=term_id,
        label=label,
        count=count,
        percent=shown,
        as_published=as_published,
        source=group[0].source,
        note=notes,
        parent=parent,
    )
