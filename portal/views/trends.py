"""Every measure that exists for more than one year, as a series across the years."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from portal.dataset import Dataset, Year
from portal.views.headline import stage_stat, upheld_percent, within_days
from portal.views.stat import MISSING, Stat, count


@dataclass(frozen=True)
class Series:
    id: str
    label: str
    unit: str  # "count" or "percent"
    points: tuple[tuple[str, Stat], ...]  # (year label, value), oldest first
    notes: tuple[str, ...] = ()

    @property
    def known(self) -> int:
        return sum(1 for _, stat in self.points if not stat.missing)


def _label_changes(dataset: Dataset, stage: str) -> tuple[str, ...]:
    """Where a stage's figure was described differently, the series changed meaning."""
    runs: list[tuple[str, list[str]]] = []
    for year in dataset.years:
        found = year.report.stage(stage)
        if found is None or found.count is None:
            continue
        if runs and runs[-1][0] == found.label:
            runs[-1][1].append(year.label)
        else:
            runs.append((found.label, [year.label]))
    if len(runs) < 2:
        return ()
    parts = [
        f"{years[0]}{' to ' + years[-1] if len(years) > 1 else ''}: “{label}”"
        for label, years in runs
    ]
    return ("The published figure changed meaning over time. " + "; ".join(parts) + ".",)


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
            _label_changes(dataset, "2"),
        ),
        ("stage3", "Complaints at Stage 3", "count", lambda y: stage_stat(y, "3"), ()),
        (
            "ombudsman",
            "Ombudsman cases",
            "count",
            lambda y: stage_stat(y, "ombudsman"),
            _label_changes(dataset, "ombudsman"),
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
    found = []
    for measure_id, label, unit, get, notes in measures:
        points = tuple((y.label, get(y)) for y in dataset.years)
        candidate = Series(measure_id, label, unit, points, notes)
        if candidate.known > 1:
            found.append(candidate)
    return tuple(found)
