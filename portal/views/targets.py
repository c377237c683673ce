"""The council's stated aims (council.yml `targets:`) against its figures, as checked claims."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from portal.dataset import Dataset, Year
from portal.models.councillor import Target
from portal.views.claims import Claim, against_target
from portal.views.headline import upheld_percent, within_days
from portal.views.stat import Stat


def _getters(dataset: Dataset) -> dict[str, Callable[[Year], Stat]]:
    scales = dataset.council.timescales.stage1
    extended = scales.extended_working_days or scales.working_days
    return {
        "within_target": lambda y: within_days(dataset, y, scales.working_days),
        "within_extended": lambda y: within_days(dataset, y, extended),
        "upheld": lambda y: upheld_percent(dataset, y),
    }


@dataclass(frozen=True)
class TargetResult:
    target: Target
    year: str
    value: Stat
    claim: Claim | None  # None when the year's figure was not published


def _subject(dataset: Dataset, target: Target) -> str:
    scales = dataset.council.timescales.stage1
    extended = scales.extended_working_days or scales.working_days
    return {
        "within_target": f"Stage 1 answered within {scales.working_days} working days",
        "within_extended": f"Stage 1 answered within {extended} working days",
        "upheld": "Stage 1 complaints upheld",
    }[target.measure]


def results(dataset: Dataset, year: Year) -> tuple[TargetResult, ...]:
    """Every aim stated for this year, with the year's figure and whether it is above or below."""
    getters = _getters(dataset)
    found = []
    for target in dataset.council.targets:
        if year.label not in target.years:
            continue
        value = getters[target.measure](year)
        claim = None
        if not value.missing:
            claim = against_target(
                Decimal(str(value.value)),
                int(target.value) if target.value.is_integer() else Decimal(str(target.value)),
                subject=_subject(dataset, target),
                scope=(("year", year.label), ("measure", target.measure)),
            )
        found.append(TargetResult(target, year.label, value, claim))
    return tuple(found)


def line_points(dataset: Dataset, measure: str) -> list[tuple[str, float | None]]:
    """The target's value for each year on the axis: only the years its source covers."""
    by_year: dict[str, float] = {}
    for target in dataset.council.targets:
        if target.measure == measure:
            for label in target.years:
                by_year[label] = target.value
    return [(y.label, by_year.get(y.label)) for y in dataset.years]


def target_label(value: float) -> str:
    number = int(value) if float(value).is_integer() else value
    return f"Aim: {number}%"
