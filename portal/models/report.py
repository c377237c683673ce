"""data/<year>/report.yml: a year's headline figures, narrative and notes."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from portal.models.common import (
    Count,
    Money,
    ReviewMark,
    Slug,
    SourceRef,
    Stage,
    Strict,
    Text,
)
from portal.tables import TABLES

StageOrOmbudsman = Annotated[
    str,
    StringConstraints(pattern=r"^(1|2|3|ombudsman)$"),
    Field(description="'1', '2', '3' or 'ombudsman'."),
]
PrintedNumber = Annotated[
    str,
    StringConstraints(pattern=r"^\d+(\.\d+)?$"),
    Field(description="A number as printed, in quotes, e.g. '25.5'."),
]


TableName = Literal.__getitem__(tuple(spec.name for spec in TABLES))


class Period(Strict):
    start: dt.date
    end: dt.date


class StageCount(Strict):
    stage: StageOrOmbudsman
    count: Count | None = Field(description="Empty (null) when not published; never 0 for missing.")
    label: Text = Field(
        description="What the source called it: 'requests for Stage 2', 'escalated'."
    )
    source: SourceRef
    note: Text | None = None


FigureMeasure = Literal[
    "context", "representations", "enquiries", "members_enquiries", "cost", "compensation"
]


class Figure(Strict):
    """A year-level figure that is not a complaint count: context, enquiries, cost..."""

    id: Slug
    measure: FigureMeasure
    label: Text
    value: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = Field(
        description="The figure; empty (null) when not published, never 0 for missing."
    )
    unit: Literal["count", "percent", "gbp"]
    source: SourceRef
    note: Text | None = None
    rate_base: bool = Field(
        False,
        description="Show Stage 1 complaints per 1,000 of this figure (e.g. referrals, or "
        "children open to the service), so years of different size compare fairly.",
    )


class Gap(Strict):
    """Why a breakdown does not add up to its total (e.g. only one category was published)."""

    table: TableName = Field(description="The CSV table that does not add up, e.g. outcomes.")
    stage: StageOrOmbudsman | None = None
    note: Text


class PrintedPercentage(Strict):
    """A percentage printed in the text, checked against the counts it was made from."""

    text: Text = Field(description="The sentence as printed.")
    printed: PrintedNumber
    numerator: Count
    denominator: Annotated[int, Field(gt=0, strict=True)]
    source: SourceRef
    discrepancy: Text | None = Field(
        None, description="Required when the printed figure is wrong: what the right figure is."
    )


class Discrepancy(Strict):
    """A contradiction in the source documents, acknowledged and shown on About the data."""

    about: Text
    note: Text
    source: SourceRef


class Learning(Strict):
    id: Slug = Field(description="Stable id, so a later year can report progress on it.")
    stage: StageOrOmbudsman | None = None
    text: Text
    action: Text | None = None
    theme: Text | None = Field(None, description="Only where the source gives one.")
    service: Text | None = Field(None, description="Only where the source gives one.")
    status: Literal["implemented", "in_progress", "not_implemented"] | None = Field(
        None, description="Only where the source says so; never guessed."
    )
    follows_up: tuple[Slug, ...] = Field((), description="Ids of earlier years' actions.")
    source: SourceRef
    reviewed: ReviewMark | None = None


class TimelineEntry(Strict):
    date: Text
    event: Text
    note: Text | None = None


class CaseStudy(Strict):
    id: Slug
    title: Text
    stage: StageOrOmbudsman | None = None
    outcome: Text | None = None
    issue: Text
    response: Text | None = None
    timeline: tuple[TimelineEntry, ...] = ()
    source: SourceRef
    reviewed: ReviewMark | None = None


class OmbudsmanCase(Strict):
    reference: Text
    category: Text | None = None
    decision: Text | None = None
    summary: Text
    findings: tuple[Text, ...] = ()
    remedies: tuple[Text, ...] = ()
    payment_gbp: Money | None = Field(None, description="Total the council paid, in pounds.")
    source: SourceRef
    reviewed: ReviewMark | None = None


class ScrutinyItem(Strict):
    topic: Text | None = None
    question: Text
    answer: Text
    source: SourceRef
    reviewed: ReviewMark | None = None


class Scrutiny(Strict):
    committee: Text
    meeting: Text | None = Field(None, description="Date of the meeting, if the source gives it.")
    resolved: Text | None = None
    items: tuple[ScrutinyItem, ...] = ()


class Compliment(Strict):
    text: Text
    service: Text | None = None
    who: Text | None = Field(None, description="Who wrote it, in general terms: 'A young person'.")
    source: SourceRef
    reviewed: ReviewMark | None = None


class DemographicsCoverage(Strict):
    covered: Count | None
    not_covered: Count | None = None
    note: Text | None = None
    source: SourceRef


class Revision(Strict):
    date: dt.date
    change: Text
    reason: Text


class OmbudsmanMeta(Strict):
    category: Text | None = Field(None, description="The Ombudsman's category, as printed.")
    source: SourceRef | None = None


class ProcedureReview(Strict):
    """What the report says about how well the complaints procedure itself worked."""

    summary: Text
    source: SourceRef


class YearReport(Strict):
    status: Literal["draft", "published"]
    period: Period
    title: Text | None = None
    stages: tuple[StageCount, ...] = ()
    figures: tuple[Figure, ...] = ()
    gaps: tuple[Gap, ...] = ()
    printed_percentages: tuple[PrintedPercentage, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    learning: tuple[Learning, ...] = ()
    case_studies: tuple[CaseStudy, ...] = ()
    ombudsman: OmbudsmanMeta | None = None
    ombudsman_cases: tuple[OmbudsmanCase, ...] = ()
    scrutiny: Scrutiny | None = None
    compliments: tuple[Compliment, ...] = ()
    demographics_coverage: DemographicsCoverage | None = None
    procedure_review: tuple[ProcedureReview, ...] = ()
    revisions: tuple[Revision, ...] = ()
    notes: tuple[Text, ...] = Field((), description="Anything else a reader needs to know.")

    @model_validator(mode="before")
    @classmethod
    def _empty_lists(cls, data: object) -> object:
        """A list key with nothing after it (`stages:`, as a new year's template has) is empty."""
        if not isinstance(data, dict):
            return data
        return {
            key: ()
            if value is None
            and key in cls.model_fields
            and typing.get_origin(cls.model_fields[key].annotation) is tuple
            else value
            for key, value in data.items()
        }

    def stage(self, stage: str) -> StageCount | None:
        return next((s for s in self.stages if s.stage == stage), None)


__all__ = ["Stage", "YearReport"]
