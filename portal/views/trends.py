"""Every measure that exists for more than one year, as a series across the years."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from portal.dataset import Dataset, Year
from portal.views.headline import stage_stat, upheld_percent, within_days
from portal.views.stat import MISSING, Stat, count


@dataclass(frozen=True)
class Series:
    id: str
    label: str
    unit: str  # "count", "percent" or "gbp"
    points: tuple[tuple[str, Stat], ...]  # (year label, value), oldest first
    notes: tuple[str, ...] = ()
    # Years in which a new meaning starts: drawn as a break, never compared across.
    breaks: tuple[str, ...] = ()

    @property
    def known(self) -> int:
        return sum(1 for _, stat in self.points if not stat.missing)


def _breaks(dataset: Dataset, stage: str) -> tuple[str, ...]:
    """Years in which a stage's count starts a new meaning (the data's `meaning_changed`)."""
    return tuple(
        year.label
        for year in dataset.years
        if (found := year.report.stage(stage)) is not None and found.meaning_changed
    )


def _break_notes(dataset: Dataset, stage: str) -> tuple[str, ...]:
    """What changed, in the data's own words, for the text beside the chart."""
    return tuple(
        f"From {year.label}: {found.meaning_changed}"
        for year in dataset.years
        if (found := year.report.stage(stage)) is not None and found.meaning_changed
    )


def _advocacy(year: Year) -> Stat:
    rows = [r for r in year.rows("advocacy") if r.get("kind") == "complaint"]
    yearly = [r for r in rows if not r.get("quarter")]
    if yearly and yearly[0].count is not None:
        return count(yearly[0].count, yearly[0].source)
    quarters = [r for r in rows if r.get("quarter")]
    if len(quarters) == 4 and all(r.count is not None for r in quarters):
        return count(sum(r.count for r in quarters), quarters[0].source)
    return MISSING


def _compliments(year: Year) -> Stat:
    overall = [r for r in year.rows("compliments") if not r.get("service")]
    return count(overall[0].count, overall[0].source) if overall else MISSING


def _overall(year: Year, table: str, column: str | None, term_id: str | None) -> Stat:
    """A table's printed overall row for one category: no stage, procedure, service or team."""
    rows = [
        r
        for r in year.whole_rows(table)
        if (column is None or r.get(column) == term_id)
        and not any(r.get(k) for k in ("stage", "service", "team"))
    ]
    if not rows:
        return MISSING
    row = rows[0]
    if row.amount is not None:
        value = int(row.amount) if row.amount == int(row.amount) else float(row.amount)
        return Stat(value, "gbp", row.source)
    return MISSING if row.count is None else count(row.count, row.source)


def _table_measures(dataset: Dataset) -> list:
    """Representations by kind, costs by item and compensation paid, as printed each year."""
    found = []
    for table, column, vocabulary, unit in (
        ("representations", "representation", "representation_kinds", "count"),
        ("costs", "item", "cost_items", "gbp"),
    ):
        for term in dataset.index.terms(vocabulary):
            found.append(
                (
                    f"{table}-{term.id}",
                    term.label if unit == "count" else f"Cost: {term.label} (£)",
                    unit,
                    lambda y, t=table, c=column, i=term.id: _overall(y, t, c, i),
                    (),
                )
            )
    found.append(
        (
            "compensation",
            "Compensation paid (£)",
            "gbp",
            lambda y: _overall(y, "compensation", None, None),
            (),
        )
    )
    return found


FIGURE_TRENDS = ("representations", "enquiries", "members_enquiries", "cost", "compensation")


def _figure(year: Year, figure_id: str) -> Stat:
    found = next((f for f in year.report.figures if f.id == figure_id), None)
    if found is None or found.value is None:
        return MISSING
    value = int(found.value) if found.value == int(found.value) else found.value
    if found.unit == "percent":
        return Stat(Decimal(str(value)), "as_published", found.source)
    return Stat(value, "gbp" if found.unit == "gbp" else "count", found.source)


def _figure_measures(dataset: Dataset) -> list:
    """Flat year figures (representations, enquiries, cost, compensation) kept under the
    same id from year to year, as a trend."""
    latest: dict[str, object] = {}
    for year in dataset.years:
        for figure in year.report.figures:
            if figure.measure in FIGURE_TRENDS:
                latest[figure.id] = figure
    units = {"count": "count", "gbp": "gbp", "percent": "percent"}
    return [
        (
            f"figure-{figure_id}",
            figure.label if figure.unit != "gbp" else f"Cost: {figure.label} (£)",
            units[figure.unit],
            lambda y, i=figure_id: _figure(y, i),
            (),
        )
        for figure_id, figure in latest.items()
    ]


STAGE_SERIES = {"stage1": "1", "stage2": "2", "stage3": "3", "ombudsman": "ombudsman"}


def series(dataset: Dataset) -> tuple[Series, ...]:
    scales = dataset.council.timescales.stage1
    extended = scales.extended_working_days or scales.working_days
    measures: list[tuple[str, str, str, Callable[[Year], Stat], tuple[str, ...]]] = [
        ("stage1", "Complaints at Stage 1", "count", lambda y: stage_stat(y, "1"), ()),
        (
            "stage2",
            "Complaints at Stage 2",
            "count",
            lambda y: stage_stat(y, "2"),
            _break_notes(dataset, "2"),
        ),
        ("stage3", "Complaints at Stage 3", "count", lambda y: stage_stat(y, "3"), ()),
        (
            "ombudsman",
            "Ombudsman cases",
            "count",
            lambda y: stage_stat(y, "ombudsman"),
            _break_notes(dataset, "ombudsman"),
        ),
        (
            "upheld",
            "Stage 1 complaints upheld",
            "percent",
            lambda y: upheld_percent(dataset, y),
            (),
        ),
        (
            "within_target",
            f"Stage 1 answered within {scales.working_days} working days",
            "percent",
            lambda y: within_days(dataset, y, scales.working_days),
            (),
        ),
        (
            "within_extended",
            f"Stage 1 answered within {extended} working days",
            "percent",
            lambda y: within_days(dataset, y, extended),
            (),
        ),
        ("advocacy", "New advocacy cases about a complaint", "count", _advocacy, ()),
        ("compliments", "Compliments received", "count", _compliments, ()),
    ]
    measures += _table_measures(dataset) + _figure_measures(dataset)
    found = []
    for measure_id, label, unit, get, notes in measures:
        points = tuple((y.label, get(y)) for y in dataset.years)
        stage = STAGE_SERIES.get(measure_id)
        breaks = _breaks(dataset, stage) if stage else ()
        candidate = Series(measure_id, label, unit, points, notes, breaks)
        if candidate.known > 1:
            found.append(candidate)
    return tuple(found)
