"""Chart titles and subtitles, each rendered from a claim (portal.views.claims).

A title says something true about what its chart shows: when the categories cannot be ranked
(some counts not published, or percentages of different bases) it says what the chart shows
instead of naming a winner.
"""

from __future__ import annotations

from portal.views.breakdown import Breakdown, Item
from portal.views.claims import Claim, Part, change, long_run, rank, sentence
from portal.views.trends import Series

# What each table counts, for "Stage 1 complaints" style subjects.
NOUNS = {
    "outcomes": "complaints",
    "service_areas": "complaints",
    "subjects": "complaints",
    "timeliness": "responses",
    "timescales": "responses",
    "ombudsman": "Ombudsman decisions",
    "how_received": "complaints",
    "relationships": "complaints",
}


def subject(table: str, stage: str | None) -> str:
    noun = NOUNS.get(table, "cases")
    if stage and stage not in ("all", "ombudsman") and noun in ("complaints", "responses"):
        return f"Stage {stage} {noun}"
    return noun


def top_level(bd: Breakdown) -> list[Item]:
    """Groups only: a subgroup is inside its group, so ranking both would count it twice."""
    return [i for i in bd.items if i.parent is None]


def parts(items: list[Item]) -> list[Part]:
    return [Part(i.label, i.count, i.percent, printed=i.as_published, base=None) for i in items]


def counts_complete(bd: Breakdown) -> bool:
    items = top_level(bd)
    return bool(items) and all(i.count is not None for i in items)


def percents_complete(bd: Breakdown) -> bool:
    items = top_level(bd)
    return bool(items) and all(i.percent is not None for i in items)


def breakdown_claim(
    bd: Breakdown, stage: str | None = None, scope: tuple[tuple[str, str], ...] = ()
) -> Claim | None:
    items = top_level(bd)
    if len({i.label for i in items}) < len(items):
        return None  # a label printed twice: kept as printed, not ranked
    return rank(
        parts(items),
        subject=subject(bd.table, stage),
        table=bd.table,
        total=bd.total if counts_complete(bd) else None,
        scope=scope,
    )


def neutral_title(bd: Breakdown, stage: str | None = None) -> str:
    """What the chart shows, when no claim can be made about it."""
    what = subject(bd.table, stage)
    title = bd.title[:1].upper() + bd.title[1:]
    return f"{title}: {what}" if what.lower() not in title.lower() else title


def breakdown_message(bd: Breakdown, stage: str | None = None) -> str:
    """'More than half of Stage 1 complaints were not upheld'; a plain title when unranked."""
    claim = breakdown_claim(bd, stage)
    return sentence(claim) if claim is not None else neutral_title(bd, stage)


def series_points(series: Series) -> list[tuple[str, object]]:
    return [(year, None if stat.missing else stat.value) for year, stat in series.points]


def _unit(series: Series) -> str:
    return series.unit if series.unit in ("percent", "gbp") else "count"


def trend_claim(series: Series, scope: tuple[tuple[str, str], ...] = ()) -> Claim | None:
    """This year against the previous year with a value (or the break between them)."""
    return change(
        series_points(series),  # type: ignore[arg-type]
        subject=series.label,
        unit=_unit(series),  # type: ignore[arg-type]
        breaks=series.breaks,
        scope=scope,
    )


def long_run_claim(series: Series, scope: tuple[tuple[str, str], ...] = ()) -> Claim | None:
    return long_run(
        series_points(series),  # type: ignore[arg-type]
        subject=series.label,
        unit=_unit(series),  # type: ignore[arg-type]
        breaks=series.breaks,
        scope=scope,
    )


def trend_message(series: Series) -> str:
    claim = trend_claim(series)
    if claim is not None:
        return sentence(claim)
    latest = series.points[-1][0]
    return f"{series.label}: not published for {latest}"
