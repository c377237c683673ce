"""The headline figures of a year: complaints at each stage, % upheld, % on time."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from portal.dataset import Dataset, Year
from portal.models.vocabulary import IN_TIME, Band
from portal.percent import percent
from portal.totals import level
from portal.views.stat import MISSING, Stat, count

STAGES = ("all", "1", "2", "3", "ombudsman")


@dataclass(frozen=True)
class Headline:
    year: str
    stages: dict[str, Stat]
    stage_labels: dict[str, str]
    upheld: Stat  # % of Stage 1 complaints upheld (fully)
    within_target: Stat  # % of Stage 1 answered within the first timescale (10 working days)
    within_extended: Stat  # % within the timescale including the allowed extension (20)


def latest_published(dataset: Dataset) -> Year | None:
    """The newest published year. A preview build also holds drafts, which may be empty:
    the home page's headline stays on what the council has published."""
    published = [y for y in dataset.years if y.published]
    return published[-1] if published else None


def stage_stat(year: Year, stage: str) -> Stat:
    found = year.report.stage(stage)
    return MISSING if found is None else count(found.count, found.source)


def upheld_percent(dataset: Dataset, year: Year, stage: str = "1") -> Stat:
    total = year.stage_count(stage)
    kinds = {o.id: o.kind for o in dataset.vocabulary.outcomes}
    rows = [r for r in year.whole_rows("outcomes") if r.get("stage") == stage]
    upheld = [r for r in rows if kinds.get(r.get("outcome")) == "upheld"]
    if not upheld:
        return MISSING
    depth = min(_depth(r) for r in upheld)
    upheld = [r for r in upheld if _depth(r) == depth]
    if total and all(r.count is not None for r in upheld):
        value = percent(sum(r.count for r in upheld), total)
        return Stat(value, "computed", upheld[0].source, total)
    if len(upheld) == 1 and upheld[0].percent is not None:
        return Stat(upheld[0].percent, "as_published", upheld[0].source, upheld[0].base or total)
    return MISSING


def _depth(row) -> int:
    return sum(1 for name in ("service", "team") if row.get(name))


def within_days(dataset: Dataset, year: Year, days: int, stage: str = "1") -> Stat:
    """% of responses within `days` working days: from band counts, or a printed band percentage."""
    bands = {b.id: b for b in dataset.vocabulary.timeliness_bands}
    rows = [
        r
        for r in year.whole_rows("timeliness")
        if r.get("stage") == stage and not r.get("service") and not r.get("team")
    ]
    total = year.stage_count(stage)
    inside = [r for r in rows if _inside(bands.get(r.get("band")), days, cumulative=False)]
    if (
        inside
        and total
        and all(r.count is not None for r in inside)
        and _covers(inside, bands, days)
    ):
        value = percent(sum(r.count for r in inside), total)
        return Stat(value, "computed", inside[0].source, total)
    exact = [r for r in rows if _exactly(bands.get(r.get("band")), days)]
    if exact and exact[0].percent is not None:
        return Stat(exact[0].percent, "as_published", exact[0].source, exact[0].base or total)
    found = _from_teams(dataset, year, days, stage, bands, total)
    return found if not found.missing else _from_timescales(dataset, year, days, stage, total)


def _from_timescales(dataset, year, days, stage, total) -> Stat:
    """A council that publishes only met / not met: the statutory timescale is `days` (met),
    the timescale with its extension is met or met with extension."""
    scales = dataset.council.timescales.stage1
    results = {
        scales.working_days: IN_TIME[:1],
        scales.extended_working_days or scales.working_days: IN_TIME,
    }.get(days)
    rows = [
        r
        for r in year.whole_rows("timescales")
        if r.get("stage") == stage and not r.get("service") and not r.get("team")
    ]
    inside = [r for r in rows if r.get("result") in (results or ())]
    if not inside or not total or any(r.count is None for r in inside):
        return MISSING
    if {r.get("result") for r in inside} != set(results):
        return MISSING  # "met" alone does not say how many met with an extension
    return Stat(percent(sum(r.count for r in inside), total), "computed", inside[0].source, total)


def _from_teams(dataset, year, days, stage, bands, total) -> Stat:
    """Older reports give bands only by team: add the teams up when every count is known."""
    rows = [r for r in year.whole_rows("timeliness") if r.get("stage") == stage]
    if not rows:
        return MISSING
    from portal.tables import TABLES_BY_NAME

    spec = TABLES_BY_NAME["timeliness"]
    finest = [r for r in rows if level(r, spec) == max(level(x, spec) for x in rows)]
    inside = [r for r in finest if _inside(bands.get(r.get("band")), days, cumulative=False)]
    counted = sum(r.count for r in finest if r.count is not None)
    if not inside or any(r.count is None for r in finest) or counted != total or not total:
        return MISSING
    return Stat(percent(sum(r.count for r in inside), total), "computed", inside[0].source, total)


def _inside(band: Band | None, days: int, cumulative: bool) -> bool:
    return (
        band is not None
        and band.kind == "days"
        and band.cumulative == cumulative
        and band.max_days is not None
        and band.max_days <= days
    )


def _exactly(band: Band | None, days: int) -> bool:
    return (
        band is not None
        and band.kind == "days"
        and band.max_days == days
        and (band.cumulative or band.min_days in (0, 1))
    )


def _covers(rows, bands, days: int) -> bool:
    """The bands found reach `days` (so 1-10 alone doesn't pass for 'within 20')."""
    return max(bands[r.get("band")].max_days for r in rows) == days


def headline(dataset: Dataset, year: Year) -> Headline:
    scales = dataset.council.timescales.stage1
    extended = scales.extended_working_days or scales.working_days
    found = {s: year.report.stage(s) for s in STAGES}
    return Headline(
        year=year.label,
        stages={s: stage_stat(year, s) for s in STAGES},
        stage_labels={s: f.label for s, f in found.items() if f is not None},
        upheld=upheld_percent(dataset, year),
        within_target=within_days(dataset, year, scales.working_days),
        within_extended=within_days(dataset, year, extended),
    )


@dataclass(frozen=True)
class Rate:
    label: str
    value: Decimal
    base_label: str
    base: int


def rates(year: Year) -> tuple[Rate, ...]:
    """Stage 1 complaints per 1,000 of each context figure marked as a rate base."""
    stage1 = year.stage_count("1")
    if stage1 is None:
        return ()
    found = []
    for figure in year.report.figures:
        if figure.rate_base and figure.value and figure.unit == "count":
            per = Decimal(stage1) * 1000 / Decimal(str(figure.value))
            value = per.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            found.append(
                Rate(
                    f"Stage 1 complaints per 1,000: {figure.label[:1].lower()}{figure.label[1:]}",
                    value,
                    figure.label,
                    int(figure.value),
                )
            )
    return tuple(found)
