"""The statutory coverage box: the ten things the guidance says an annual report covers.

Each verdict comes from evidence in the data, never from label text: rows with figures, rows
kept only for a note (mentioned without figures), `not_available` entries (a chart or table
whose figures are not available), `gaps` (only some categories published), and the year's
`title` (none: the year has no report of its own). Each carries the reason a reader can check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from portal.dataset import Year
from portal.models.textfigure import NotAvailable
from portal.rows import Row
from portal.tables import TABLES_BY_NAME

Status = Literal[
    "published",
    "partly published",
    "mentioned without figures",
    "published in a chart or table whose figures are not available",
    "not published",
    "no report of its own for this year",
]
NO_REPORT: Status = "no report of its own for this year"


@dataclass(frozen=True)
class CoverageItem:
    requirement: str
    status: Status
    detail: str | None = None
    # Source references (`doc §section`) a reader can check the verdict against.
    sources: tuple[str, ...] = ()


Verdict = tuple[Status, str | None, tuple[str, ...]]


def _has_figure(row: Row) -> bool:
    return any(v is not None for v in (row.count, row.percent, row.amount))


def _stage_name(stage: str) -> str:
    return {"ombudsman": "the Ombudsman", "all": "all stages"}.get(stage, f"Stage {stage}")


def _refs(items: Iterable[object]) -> tuple[str, ...]:
    # Each item has a source reference (a row, a figure, a lesson...).
    return tuple(dict.fromkeys(s for s in (getattr(i, "source", None) for i in items) if s))


def _tables(*names: str) -> Callable[[Year], Verdict]:
    """A requirement met by the figures of some tables: what was printed, and where."""

    def check(year: Year) -> Verdict:
        rows = [(name, row) for name in names for row in year.rows(name)]
        figures = [row for _, row in rows if _has_figure(row)]
        mentioned = [row for _, row in rows if not _has_figure(row)]
        unavailable = [u for u in year.report.not_available if u.table in names]
        gaps = [g for g in year.report.gaps if g.table in names]
        if figures:
            where = _where(year, names)
            if unavailable or gaps:
                detail = f"figures for {where}"
                detail += "".join(f"; not available: {u.what}" for u in unavailable)
                if gaps:
                    detail += "; the report did not give every figure (see the notes)"
                return "partly published", detail, _refs([*figures, *unavailable])
            return "published", f"figures for {where}", _refs(figures)
        if unavailable:
            return _unavailable(unavailable)
        if mentioned:
            return "mentioned without figures", "named in the report's text", _refs(mentioned)
        return "not published", None, ()

    return check


def _where(year: Year, names: tuple[str, ...]) -> str:
    parts = []
    for name in names:
        rows = [r for r in year.rows(name) if _has_figure(r)]
        if not rows:
            continue
        stages = sorted({r.get("stage") for r in rows if r.get("stage")})
        title = TABLES_BY_NAME[name].title.lower()
        on = f" ({', '.join(_stage_name(s) for s in stages)})" if stages else ""
        parts.append(title + on)
    return "; ".join(parts)


def _representations(year: Year) -> Verdict:
    # Representations the council received (figures or the representations table); an
    # advocacy service's cases about representations are advocacy, not this.
    figures = [
        f
        for f in year.report.figures
        if f.value is not None and f.measure in ("representations", "enquiries")
    ]
    if figures:
        labels = ", ".join(f.label for f in figures)
        return "published", f"figures: {labels}", _refs(figures)
    return _tables("representations")(year)


def _stages(year: Year) -> Verdict:
    known = [s for s in year.report.stages if s.count is not None and s.procedure is None]
    names = {s.stage for s in known}
    detail = "; ".join(f"{_stage_name(s.stage)}: {s.count:,}" for s in known) or None
    if {"1", "2", "ombudsman"} <= names:
        return "published", detail, _refs(known)
    if known:
        missing = [_stage_name(s) for s in ("1", "2", "ombudsman") if s not in names]
        return "partly published", f"{detail}; not given: {', '.join(missing)}", _refs(known)
    return "not published", None, ()


DEMOGRAPHICS = ("age", "gender", "disability", "sexual_orientation", "ethnicity")


def _demographics(year: Year) -> Verdict:
    rows = [r for r in year.rows("demographics") if _has_figure(r)]
    found = [c for c in DEMOGRAPHICS if any(r.get("characteristic") == c for r in rows)]
    missing = [c.replace("_", " ") for c in DEMOGRAPHICS if c not in found]
    unavailable = [u for u in year.report.not_available if u.table == "demographics"]
    if found and not missing:
        return "published", "figures for " + ", ".join(found), _refs(rows)
    if found:
        detail = "not given: " + ", ".join(missing)
        detail += "".join(f"; not available: {u.what}" for u in unavailable)
        return "partly published", detail, _refs([*rows, *unavailable])
    if unavailable:
        return _unavailable(unavailable)
    coverage = year.report.demographics_coverage
    if coverage is not None and coverage.covered is not None:
        detail = f"only how many complainants the details were found for ({coverage.covered:,})"
        return "mentioned without figures", detail, (coverage.source,)
    return "not published", None, ()


def _learning(year: Year) -> Verdict:
    items = year.report.learning
    if not items:
        return "not published", None, ()
    known = [i for i in items if i.status is not None]
    count = f"{len(items):,} lessons or actions"
    if len(known) == len(items):
        return "published", f"{count}, each with whether it was implemented", _refs(items)
    if known:
        detail = f"{count}; whether it was implemented is given for {len(known):,}"
        return "partly published", detail, _refs(items)
    detail = f"{count}, but not whether changes were implemented"
    return "partly published", detail, _refs(items)


def _procedure_review(year: Year) -> Verdict:
    points = year.report.procedure_review
    if not points:
        return "not published", None, ()
    detail = "see 'How well the complaints procedure worked' on this page"
    return "published", detail, _refs(points)


REQUIREMENTS: tuple[tuple[str, Callable[[Year], Verdict]], ...] = (
    ("Representations made to the council", _representations),
    ("The number of complaints at each stage, and any the Ombudsman considered", _stages),
    ("Which customer groups made the complaints", _tables("relationships")),
    ("The types of complaints made", _tables("subjects")),
    ("The outcome of complaints", _tables("outcomes", "ombudsman")),
    ("Advocacy services provided", _tables("advocacy")),
    (
        "Compliance with timescales, including agreed extensions",
        _tables("timeliness", "timescales"),
    ),
    ("Learning and service improvement, including what was and was not implemented", _learning),
    ("Age, gender, disability, sexual orientation and ethnicity of complainants", _demographics),
    ("A review of how well the complaints procedure worked", _procedure_review),
)


def has_own_report(year: Year) -> bool:
    """A year with no title has no report of its own: its figures come from other years'."""
    return year.report.title is not None


def coverage(year: Year) -> tuple[CoverageItem, ...]:
    if not has_own_report(year):
        return tuple(CoverageItem(text, NO_REPORT) for text, _ in REQUIREMENTS)
    return tuple(CoverageItem(text, *check(year)) for text, check in REQUIREMENTS)


def _unavailable(unavailable: list[NotAvailable]) -> Verdict:
    """A section whose only evidence is a chart or table without its figures."""
    what = ", ".join(u.what for u in unavailable)
    return "published in a chart or table whose figures are not available", what, _refs(unavailable)
