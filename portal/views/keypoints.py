"""The key points at the top of a year's page: what changed since the previous year with a
value, and against the council's aims, each a checked claim (portal/views/claims.py)."""

from __future__ import annotations

import dataclasses

from portal.dataset import Dataset, Year
from portal.views.claims import Claim
from portal.views.messages import trend_claim
from portal.views.targets import results
from portal.views.trends import Series, series

# The headline measures a change is said for, in the order a reader looks for them.
CHANGE_MEASURES = (
    "stage1",
    "stage2",
    "stage3",
    "ombudsman",
    "upheld",
    "within_target",
    "within_extended",
)


# Every year page asks for the same series: worked out once per dataset (a build has one).
_SERIES: dict[int, tuple[Dataset, dict[str, Series]]] = {}


def _series_by_id(dataset: Dataset) -> dict[str, Series]:
    hit = _SERIES.get(id(dataset))
    if hit is None or hit[0] is not dataset:
        _SERIES.clear()
        hit = _SERIES[id(dataset)] = (dataset, {s.id: s for s in series(dataset)})
    return hit[1]


def changes(dataset: Dataset, year: Year) -> tuple[Claim, ...]:
    """Each headline measure this year against the previous year with a value (or the
    change of meaning between them). Nothing for a measure this year did not publish."""
    by_id = _series_by_id(dataset)
    found = []
    for measure in CHANGE_MEASURES:
        found_series = by_id.get(measure)
        if found_series is None:
            continue
        years = [label for label, _ in found_series.points]
        if year.label not in years:
            continue
        upto = found_series.points[: years.index(year.label) + 1]
        claim = trend_claim(
            dataclasses.replace(found_series, points=upto),
            scope=(("year", year.label), ("measure", measure)),
        )
        if claim is not None:
            found.append(claim)
    return tuple(found)


def target_claims(dataset: Dataset, year: Year) -> tuple[Claim, ...]:
    return tuple(r.claim for r in results(dataset, year) if r.claim is not None)
