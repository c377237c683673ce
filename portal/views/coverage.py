"""The statutory coverage box: the ten things the guidance says an annual report covers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from portal.dataset import Year

Status = Literal["published", "partly published", "not published"]


@dataclass(frozen=True)
class CoverageItem:
    requirement: str
    status: Status
    detail: str | None = None


def _any_rows(year: Year, *tables: str) -> bool:
    return any(year.rows(t) for t in tables)


def _representations(year: Year) -> tuple[Status, str | None]:
    measures = {f.measure for f in year.report.figures if f.value is not None}
    kinds = {r.get("kind") for r in year.rows("advocacy")}
    found = measures & {"representations", "enquiries", "members_enquiries"}
    if found or "representation" in kinds:
        return "published", None
    return "not published", None


def _stages(year: Year) -> tuple[Status, str | None]:
    known = [s.stage for s in year.report.stages if s.count is not None]
    if {"1", "2", "ombudsman"} <= set(known):
        return "published", None
    if known:
        return "partly published", "figures for: " + ", ".join(_stage_name(s) for s in known)
    return "not published", None


def _stage_name(stage: str) -> str:
    return "the Ombudsman" if stage == "ombudsman" else f"Stage {stage}"


def _demographics(year: Year) -> tuple[Status, str | None]:
    wanted = ["age", "gender", "disability", "sexual_orientation", "ethnicity"]
    found = [
        c for c in wanted if any(r.get("characteristic") == c for r in year.rows("demographics"))
    ]
    if len(found) == len(wanted):
        return "published", None
    missing = [c.replace("_", " ") for c in wanted if c not in found]
    if found:
        return "partly published", "not published: " + ", ".join(missing)
    coverage = year.report.demographics_coverage
    if coverage is not None and coverage.covered is not None:
        return "partly published", "only how many complainants the data covers"
    return "not published", None


def _learning(year: Year) -> tuple[Status, str | None]:
    if not year.report.learning:
        return "not published", None
    if any(item.status is not None for item in year.report.learning):
        return "published", None
    return "partly published", "learning is listed, but not whether changes were implemented"


def _simple(check: Callable[[Year], bool]) -> Callable[[Year], tuple[Status, str | None]]:
    return lambda year: ("published", None) if check(year) else ("not published", None)


REQUIREMENTS: tuple[tuple[str, Callable[[Year], tuple[Status, str | None]]], ...] = (
    ("Representations made to the council", _representations),
    ("The number of complaints at each stage, and any the Ombudsman considered", _stages),
    (
        "Which customer groups made the complaints",
        _simple(lambda y: _any_rows(y, "relationships", "service_areas")),
    ),
    ("The types of complaints made", _simple(lambda y: _any_rows(y, "subjects"))),
    ("The outcome of complaints", _simple(lambda y: _any_rows(y, "outcomes", "ombudsman"))),
    ("Advocacy services provided", _simple(lambda y: _any_rows(y, "advocacy"))),
    (
        "Compliance with timescales, including agreed extensions",
        _simple(lambda y: _any_rows(y, "timeliness", "timescales")),
    ),
    ("Learning and service improvement, including what was and was not implemented", _learning),
    ("Age, gender, disability, sexual orientation and ethnicity of complainants", _demographics),
    (
        "A review of how well the complaints procedure worked",
        _simple(lambda y: bool(y.report.procedure_review)),
    ),
)


def coverage(year: Year) -> tuple[CoverageItem, ...]:
    return tuple(CoverageItem(text, *check(year)) for text, check in REQUIREMENTS)
