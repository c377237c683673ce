"""Equality: for each characteristic, complainants beside service users beside the child
population, as shares (not counts), with the biggest gap as a checked claim."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from portal.dataset import Dataset, Year
from portal.views.breakdown import breakdown
from portal.views.claims import Claim, biggest_gap

POPULATIONS = {
    "complainants": "Complainants",
    "service_users": "Children using the service",
    "child_population": "All children in the area",
}
# Complainants are compared with who uses the service first: that is who can complain.
COMPARED_WITH = ("service_users", "child_population")
# "Not known" is no group of people: a gap there says how well records were kept, not who
# complains, so it is shown in the table but never named as the biggest gap.
NOT_A_GROUP = ("not known", "unknown", "not stated", "not recorded", "prefer not to say")


@dataclass(frozen=True)
class Comparison:
    characteristic: str
    populations: tuple[str, ...]  # those with usable shares, in POPULATIONS order
    groups: tuple[str, ...]  # group labels, in vocabulary order
    shares: dict[tuple[str, str], Decimal | None]  # (population, group) → share
    sources: tuple[str, ...]
    claim: Claim | None
    compared_with: str | None  # the population the claim compares complainants with
    unusable: tuple[str, ...]  # populations printed, but without shares that can be compared

    @property
    def name(self) -> str:
        return self.characteristic.replace("_", " ")


def _shares(dataset: Dataset, year: Year, characteristic: str, population: str):
    where = {"characteristic": characteristic, "population": population}
    total = None
    coverage = year.report.demographics_coverage
    if population == "complainants" and coverage is not None:
        total = coverage.covered
    bd = breakdown(dataset, year, "demographics", where=where, total=total)
    items = [i for i in bd.items if i.parent is None]  # groups only: a subgroup is inside one
    return {i.label: i.percent for i in items}, {i.source for i in items}


def comparisons(dataset: Dataset, year: Year) -> tuple[Comparison, ...]:
    """One comparison per characteristic the year printed for complainants and one other group."""
    rows = year.rows("demographics")
    found = []
    for characteristic in dict.fromkeys(r.get("characteristic") for r in rows):
        printed = [
            p
            for p in POPULATIONS
            if any(
                r.get("characteristic") == characteristic and r.get("population") == p for r in rows
            )
        ]
        shares: dict[tuple[str, str], Decimal | None] = {}
        groups: dict[str, None] = {}
        sources: set[str] = set()
        usable, unusable = [], []
        for population in printed:
            by_group, found_sources = _shares(dataset, year, characteristic, population)
            if not by_group or any(v is None for v in by_group.values()):
                unusable.append(population)
                continue
            usable.append(population)
            sources |= found_sources
            for group, share in by_group.items():
                groups.setdefault(group)
                shares[(population, group)] = share
        claim = None
        other = next((p for p in COMPARED_WITH if p in usable), None)
        if "complainants" in usable and other is not None:
            claim = biggest_gap(
                [
                    (g, shares.get(("complainants", g)), shares.get((other, g)))
                    for g in groups
                    if g.casefold() not in NOT_A_GROUP
                ],
                subject=f"{characteristic.replace('_', ' ')} shares",
                scope=(("year", year.label), ("characteristic", characteristic)),
            )
        found.append(
            Comparison(
                characteristic,
                tuple(usable),
                tuple(groups),
                shares,
                tuple(sorted(sources)),
                claim,
                other if claim is not None else None,
                tuple(unusable),
            )
        )
    return tuple(found)
