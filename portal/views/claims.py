"""Structured claims: every sentence the site writes about its figures starts as one of these.

A claim says what the figures show (largest, majority, all, none, tie, rise, fall, same, a series
break, above or below a target, the biggest gap) and carries the values it rests on, so a page can
mark the sentence with the claim and a test can check it against the open data by other code.

Rules (issue 13):
- rank only when every category is known in one unit (all counts, or all percentages of one base);
- ties are named as ties; "all" and "none" are said as such;
- a change is this year against the previous year that has a value, never across a change of
  meaning (a series break).

The API is used by other views (key points, targets, equality): keep it stable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Literal

Kind = Literal[
    "largest",
    "majority",
    "all",
    "none",
    "tie",
    "rise",
    "fall",
    "same",
    "series_break",
    "above_target",
    "below_target",
    "on_target",
    "biggest_gap",
]
Unit = Literal["count", "percent", "gbp"]
Number = int | Decimal

MAX_WORDS = 15


@dataclass(frozen=True)
class Part:
    """One category of a table: a count, a percentage, or both (or neither: not published).
    printed: the percentage is as printed (its base may be unknown), not worked out here."""

    label: str
    count: int | None = None
    percent: Decimal | None = None
    printed: bool = False
    base: int | None = None


@dataclass(frozen=True)
class Claim:
    kind: Kind
    # What is counted, in words: "Stage 1 complaints", "Ombudsman decisions".
    subject: str
    # Categories named by the claim (the largest, the tied, the one with the biggest gap).
    labels: tuple[str, ...] = ()
    # The numbers the claim rests on: the named categories' values, or (before, after) for a
    # change, or (value, target) against a target.
    values: tuple[Number, ...] = ()
    unit: Unit = "count"
    # For a change: (earlier year, later year); for a break: the year the new meaning starts.
    years: tuple[str, ...] = ()
    # The wording family ("outcomes", "service_areas", ...); None for the generic words.
    table: str | None = None
    # The base a majority or "all" is judged against (the categories' sum or the stage total).
    total: Number | None = None
    # Where the figures are in the open data: (column, value) pairs such as ("year", "2023-24").
    scope: tuple[tuple[str, str], ...] = field(default=())


def _number(value: object) -> Number:
    return value if isinstance(value, int) else Decimal(str(value))


def rank(
    parts: Sequence[Part],
    *,
    subject: str,
    table: str | None = None,
    total: int | None = None,
    scope: Iterable[tuple[str, str]] = (),
) -> Claim | None:
    """Largest, majority, all, none or tie among categories; None when they cannot be ranked
    (a category not published, or counts for some and percentages for others)."""
    if len(parts) < 2:
        return None
    scope = tuple(scope)
    if all(p.count is not None for p in parts):
        values: list[Number] = [p.count for p in parts]  # type: ignore[misc]
        summed = sum(values)
        # The stage total is the base only when the categories do not exceed it.
        base: Number = total if total is not None and total >= summed else summed
        unit: Unit = "count"
    elif all(p.percent is not None for p in parts) and _one_base(parts):
        values = [_number(p.percent) for p in parts]
        base = Decimal(100)
        unit = "percent"
    else:
        return None
    words = dict(subject=subject, table=table, unit=unit, scope=scope, total=base)
    top = max(values)
    if top == 0 and base:
        return None  # a total with no category filled: nothing true to say about the parts
    if top == 0:
        return Claim("none", labels=(), values=(0,), **words)  # type: ignore[arg-type]
    leaders = [p.label for p, v in zip(parts, values, strict=True) if v == top]
    if len(leaders) > 1:
        return Claim("tie", labels=tuple(leaders), values=(top,) * len(leaders), **words)  # type: ignore[arg-type]
    if top == base and all(v == 0 for v in values if v != top):
        kind: Kind = "all"
    elif top * 2 > base:
        kind = "majority"
    else:
        kind = "largest"
    return Claim(kind, labels=(leaders[0],), values=(top,), **words)  # type: ignore[arg-type]


def _one_base(parts: Sequence[Part]) -> bool:
    """Percentages are of one base when all are printed together (or all worked out from one
    total) and no two state different bases."""
    if len({p.printed for p in parts}) > 1:
        return False
    bases = {p.base for p in parts if p.base is not None}
    return len(bases) <= 1


def change(
    points: Sequence[tuple[str, Number | None]],
    *,
    subject: str,
    unit: Unit = "count",
    breaks: Iterable[str] = (),
    scope: Iterable[tuple[str, str]] = (),
) -> Claim | None:
    """The latest year against the previous year with a value; a series break between them
    is said instead of a change. None when the latest year has no value or nothing before it."""
    if not points or points[-1][1] is None:
        return None
    latest_year = points[-1][0]
    earlier = [(y, v) for y, v in points[:-1] if v is not None]
    if not earlier:
        return None
    return between(
        points, earlier[-1][0], latest_year, subject=subject, unit=unit, breaks=breaks, scope=scope
    )


def between(
    points: Sequence[tuple[str, Number | None]],
    first_year: str,
    last_year: str,
    *,
    subject: str,
    unit: Unit = "count",
    breaks: Iterable[str] = (),
    scope: Iterable[tuple[str, str]] = (),
) -> Claim | None:
    """Rise, fall or same from first_year to last_year; series_break when the meaning changed
    after first_year and up to last_year (breaks name the first year of each new meaning)."""
    years = [y for y, _ in points]
    values = dict(points)
    start, end = years.index(first_year), years.index(last_year)
    if values[first_year] is None or values[last_year] is None or start >= end:
        return None
    scope = tuple(scope)
    inside = [b for b in breaks if b in years and start < years.index(b) <= end]
    if inside:
        return Claim("series_break", subject, years=(inside[-1],), unit=unit, scope=scope)
    before, after = _number(values[first_year]), _number(values[last_year])
    kind: Kind = "same" if after == before else "rise" if after > before else "fall"
    return Claim(
        kind, subject, values=(before, after), unit=unit, years=(first_year, last_year), scope=scope
    )


def long_run(
    points: Sequence[tuple[str, Number | None]],
    *,
    subject: str,
    unit: Unit = "count",
    breaks: Iterable[str] = (),
    scope: Iterable[tuple[str, str]] = (),
) -> Claim | None:
    """The first year with a value in the latest meaning to the latest year (for a subtitle)."""
    breaks = tuple(breaks)
    years = [y for y, _ in points]
    starts = [years.index(b) for b in breaks if b in years]
    since = max(starts, default=0)
    known = [y for y, v in points[since:] if v is not None]
    if len(known) < 2 or points[-1][1] is None:
        return None
    return between(points, known[0], years[-1], subject=subject, unit=unit, scope=scope)


def against_target(
    value: Number,
    target: Number,
    *,
    subject: str,
    unit: Unit = "percent",
    scope: Iterable[tuple[str, str]] = (),
) -> Claim:
    kind: Kind = (
        "above_target" if value > target else "below_target" if value < target else "on_target"
    )
    return Claim(
        kind, subject, values=(_number(value), _number(target)), unit=unit, scope=tuple(scope)
    )


def biggest_gap(
    gaps: Sequence[tuple[str, Number | None, Number | None]],
    *,
    subject: str,
    unit: Unit = "percent",
    scope: Iterable[tuple[str, str]] = (),
) -> Claim | None:
    """The category whose two values (e.g. share of complaints and share of population) are
    furthest apart; a tie when two are equally far; None when any value is unknown."""
    if len(gaps) < 2 or any(a is None or b is None for _, a, b in gaps):
        return None
    sizes = [abs(_number(a) - _number(b)) for _, a, b in gaps]  # type: ignore[arg-type]
    widest = max(sizes)
    leaders = [g for g, size in zip(gaps, sizes, strict=True) if size == widest]
    if widest == 0 or len(leaders) > 1:
        return None
    label, a, b = leaders[0]
    return Claim(
        "biggest_gap",
        subject,
        labels=(label,),
        values=(_number(a), _number(b)),
        unit=unit,
        scope=tuple(scope),
    )


# --- words -------------------------------------------------------------------------------

# (largest, majority, all) per table. {label}: the category; {subject}: what is counted.
FAMILIES: dict[str, tuple[str, str, str]] = {
    "outcomes": (
        "{Label} was the most common outcome of {subject}",
        "More than half of {subject} were {label}",
        "All {subject} were {label}",
    ),
    "service_areas": (
        "{Label} had the most {subject}",
        "More than half of {subject} were about {Label}",
        "All {subject} were about {Label}",
    ),
    "subjects": (
        "Most common subject of {subject}: {Label}",
        "More than half of {subject} were about {Label}",
        "All {subject} were about {Label}",
    ),
    "timeliness": (
        "Most common response time for {subject}: {label}",
        "More than half of {subject} were answered in {label}",
        "All {subject} were answered in {label}",
    ),
    "timescales": (
        "Most common result for {subject}: {label}",
        "More than half of {subject}: {label}",
        "All {subject}: {label}",
    ),
    "ombudsman": (
        "Most common Ombudsman decision: {Label}",
        "More than half of {subject}: {Label}",
        "All {subject}: {Label}",
    ),
    "how_received": (
        "{Label} was the most common way {subject} came in",
        "More than half of {subject} came by {label}",
        "All {subject} came by {label}",
    ),
    "relationships": (
        "{Label} made the most {subject}",
        "More than half of {subject} came from {Label}",
        "All {subject} came from {Label}",
    ),
}
GENERIC = (
    "{Label} was the largest group of {subject}",
    "More than half of {subject}: {Label}",
    "All {subject}: {Label}",
)
# Tables whose labels are names (services, teams): keep their capitals mid-sentence.
PROPER = {"service_areas", "subjects", "ombudsman", "relationships"}


def value_text(value: Number, unit: str) -> str:
    if isinstance(value, Decimal):
        value = Decimal(format(value, "f"))  # 9E+1 is 90
    if unit == "percent":
        return f"{value:f}%" if isinstance(value, Decimal) else f"{value}%"
    if unit == "gbp":
        return f"£{value:,.2f}".removesuffix(".00")
    return f"{value:,}"


def _and(labels: Sequence[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _fit(words: str) -> str:
    """One line of words with a capital first letter. Never cut short: a cut sentence can say
    something false, so templates are written to stay near MAX_WORDS instead."""
    words = " ".join(words.split())
    return words[:1].upper() + words[1:]


def fits(words: str) -> bool:
    """Short enough for a chart title (charts refuse longer ones)."""
    return len(words.split()) <= MAX_WORDS


def sentence(claim: Claim) -> str:
    """The claim in plain words, one sentence with no full stop (it is used as a title).
    The fullest wording that fits MAX_WORDS; if none fits, the shortest (check with fits)."""
    forms = [_fit(form) for form in _forms(claim)]
    return next((form for form in forms if fits(form)), forms[-1])


def _forms(claim: Claim) -> list[str]:
    k, subject, unit = claim.kind, claim.subject, claim.unit
    v = [value_text(x, unit) for x in claim.values]
    if k in ("largest", "majority", "all"):
        family = FAMILIES.get(claim.table or "", GENERIC)
        template = family[("largest", "majority", "all").index(k)]
        label = claim.labels[0]
        lower = label if claim.table in PROPER else label[:1].lower() + label[1:]
        short = {"largest": "Most common", "majority": "More than half", "all": "All"}[k]
        return [template.format(Label=label, label=lower, subject=subject), f"{short}: {label}"]
    if k == "none":
        return [f"There were no {subject}"]
    if k == "tie":
        names = _and(claim.labels)
        return [
            f"{names} were equally common among {subject} ({v[0]} each)",
            f"A tie: {names} ({v[0]} each)",
            f"A tie: {names}",
        ]
    if k in ("rise", "fall", "same"):
        before_year, after_year = claim.years
        if k == "same":
            return [
                f"{subject}: {v[1]} in {after_year}, the same as in {before_year}",
                f"The same in {after_year} as in {before_year}: {v[1]}",
            ]
        verb = "rose" if k == "rise" else "fell"
        return [
            f"{subject} {verb} from {v[0]} ({before_year}) to {v[1]} ({after_year})",
            f"{'Up' if k == 'rise' else 'Down'} from {v[0]} ({before_year}) to {v[1]} "
            f"({after_year})",
        ]
    if k == "series_break":
        return [
            f"{subject}: counted differently from {claim.years[0]}, so not compared",
            f"Counted differently from {claim.years[0]}, so not compared",
        ]
    if k in ("above_target", "below_target", "on_target"):
        where = {"above_target": "above", "below_target": "below", "on_target": "on"}[k]
        return [
            f"{subject}: {v[0]}, {where} the target of {v[1]}",
            f"{v[0]}, {where} the target of {v[1]}",
        ]
    if k == "biggest_gap":
        return [
            f"{claim.labels[0]}: the biggest gap in {subject} ({v[0]} against {v[1]})",
            f"Biggest gap: {claim.labels[0]} ({v[0]} against {v[1]})",
        ]
    raise ValueError(f"unknown claim kind {k!r}")


def to_json(claim: Claim) -> str:
    """The claim as JSON for a page's data-claim attribute (numbers as text, exact)."""
    found = asdict(claim)
    found["values"] = [str(x) for x in claim.values]
    found["total"] = None if claim.total is None else str(claim.total)
    found["scope"] = dict(claim.scope)
    found["sentence"] = sentence(claim)
    return json.dumps(found, ensure_ascii=False, sort_keys=True)
