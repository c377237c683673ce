"""data/<year>/report.yml: a year's headline figures, narrative and notes."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Literal

from pydantic import model_validator

from portal.models.common import (
    ReviewMark,
    SourceRef,
    Stage,
    StageOrOmbudsman,
    Strict,
    Text,
    reader,
    staff,
)
from portal.models.councillor import BenchmarkFigure, KeyPoint
from portal.models.counts import (
    DemographicsCoverage,
    Figure,
    PrintedPercentage,
    StageCount,
)
from portal.models.narrative import (
    CaseStudy,
    Compliment,
    Learning,
    OmbudsmanCase,
    ProcedureReview,
    Scrutiny,
)
from portal.models.textfigure import NotAvailable, TextFigure
from portal.tables import TABLES

TableName = Literal.__getitem__(tuple(spec.name for spec in TABLES))


class Period(Strict):
    """The financial year the folder covers: 1 April to 31 March."""

    start: dt.date = reader(
        description="The first day of the year, YYYY-MM-DD: 1 April, e.g. 2023-04-01 for the "
        "folder 2023-24."
    )
    end: dt.date = reader(
        description="The last day of the year, YYYY-MM-DD: 31 March, e.g. 2024-03-31 for the "
        "folder 2023-24."
    )


class Gap(Strict):
    """Why a breakdown does not add up to its total (e.g. only one category was published)."""

    table: TableName = reader(description="The CSV table that does not add up, e.g. outcomes.")
    stage: StageOrOmbudsman | None = reader(
        None,
        description="The stage that does not add up: '1', '2' or '3', in quotes. Leave it out "
        "for a table without stages (ombudsman, demographics) or when every stage is affected.",
    )
    note: Text = reader(
        description="Why the table does not add up, with the source; shown under the table on "
        "the site."
    )


class Discrepancy(Strict):
    """A contradiction in the source documents, acknowledged and shown on About the data."""

    about: Text = reader(
        description="What the contradiction is about, in a few words, e.g. 'Stage 2 complaints "
        "still open'."
    )
    note: Text = reader(
        description="What each part of the sources says, and which figure was recorded."
    )
    source: SourceRef = reader()


class Revision(Strict):
    """A change to the figures of a published year. Never delete one."""

    kind: Literal["correction", "addition", "removal"] = reader(
        "correction",
        description="correction (a published figure changed), addition (a figure added) or "
        "removal (a figure taken out). Text-only changes (notes, wording) need no revision.",
    )
    date: dt.date = reader(description="The date of the correction, YYYY-MM-DD, e.g. 2025-11-03.")
    change: Text = reader(
        description="What changed, e.g. 'The Stage 2 count was corrected from 12 to 11.'"
    )
    reason: Text = reader(description="Why, e.g. 'One complaint was counted twice.'")


class OmbudsmanMeta(Strict):
    """Which of the Ombudsman's categories the year's Ombudsman figures come under."""

    category: Text | None = reader(None, description="The Ombudsman's category, as printed.")
    source: SourceRef | None = reader(
        None,
        description="Where the category is given: a document id from data/sources.yml, a space, "
        "'§' and the section, e.g. 'council-2023-24 §13'.",
    )


class ReviewedText(Strict):
    """A text of the year that looks like personal data, checked by a person: it identifies
    nobody."""

    mark: ReviewMark = staff(
        description="The mark the validator prints for the flagged text: 'sha256:' and 12 "
        "characters. It covers that exact text (any field of report.yml, a CSV note or a line "
        "of commentary.md); editing the text needs a new review."
    )
    reason: Text = staff(
        description="Why it identifies nobody, e.g. 'Sarah's law names a law, not a person'."
    )


class YearReport(Strict):
    """One year's report.yml: headline counts, other figures, narrative and notes."""

    status: Literal["draft", "published"] = staff(
        description="draft (shown only in preview builds) or published (on the public site). "
        "A published year's figures change only with a `revisions:` entry."
    )
    period: Period = reader(
        description="The financial year: start 1 April and end 31 March, YYYY-MM-DD, matching "
        "the folder's name."
    )
    title: Text | None = reader(
        None,
        description="The title of the year's own report, as printed; leave it empty if the year "
        "has no report of its own.",
    )
    stages: tuple[StageCount, ...] = reader(
        (),
        description="The count at each stage and at the Ombudsman, one item each (stage, count, "
        "label, source, note). The tables must add up to these counts.",
    )
    figures: tuple[Figure, ...] = reader(
        (),
        description="Other figures for the year: context (such as referrals), representations, "
        "enquiries, Members' enquiries, cost and compensation.",
    )
    gaps: tuple[Gap, ...] = reader(
        (),
        description="Why a table does not add up to its total on purpose, e.g. the report gave "
        "only some categories. One item per table and stage.",
    )
    printed_percentages: tuple[PrintedPercentage, ...] = reader(
        (),
        description="Percentages printed in the report's text, with the counts they were made "
        "from, so the checks can work them out again.",
    )
    text_figures: tuple[TextFigure, ...] = reader(
        (),
        description="Overall figures printed only in the report's text, such as '6 were "
        "withdrawn' at Stage 2, so they reach the open data and the year's page.",
    )
    not_available: tuple[NotAvailable, ...] = reader(
        (),
        description="Charts or tables the report published whose figures are not available "
        "here (what, table, stage, source), so the site says so instead of 'not published'.",
    )
    discrepancies: tuple[Discrepancy, ...] = reader(
        (),
        description="Places where the sources contradict themselves; listed on the About the "
        "data page.",
    )
    key_points: tuple[KeyPoint, ...] = reader(
        (),
        max_length=5,
        description="Up to five key points staff write for the top of the year's page, each "
        "with its source.",
    )
    learning: tuple[Learning, ...] = reader(
        (),
        description="Lessons learned from complaints and the actions taken, each with an id "
        "that is never reused.",
    )
    case_studies: tuple[CaseStudy, ...] = reader(
        (), description="The report's case studies, each with an optional timeline."
    )
    ombudsman: OmbudsmanMeta | None = reader(
        None,
        description="The Ombudsman's category that this year's Ombudsman figures come under, "
        "and its source.",
    )
    ombudsman_cases: tuple[OmbudsmanCase, ...] = reader(
        (), description="Ombudsman decisions the report describes, one item per case."
    )
    ombudsman_benchmarks: tuple[BenchmarkFigure, ...] = reader(
        (),
        description="The Ombudsman's published figures for the council in the year (from its "
        "annual review letter), beside the average for similar authorities: one item per "
        "measure, each value with its source.",
    )
    scrutiny: Scrutiny | None = reader(
        None,
        description="What councillors asked when a scrutiny committee considered the report, "
        "and what officers answered.",
    )
    compliments: tuple[Compliment, ...] = reader(
        (),
        description="Compliments quoted in the report, in general terms. How many compliments "
        "there were goes in compliments.csv.",
    )
    demographics_coverage: DemographicsCoverage | None = reader(
        None,
        description="How many complaints had demographic details available, and how many did "
        "not: the total for demographics.csv.",
    )
    procedure_review: tuple[ProcedureReview, ...] = reader(
        (),
        description="What the report says about how well the complaints procedure itself "
        "worked, one summary per point.",
    )
    revisions: tuple[Revision, ...] = reader(
        (),
        description="Changes to the figures after the year was published (kind, date, change, "
        "reason), shown on the About the data page. Never delete one: `portal check-published` "
        "compares with what was published and asks for each.",
    )
    notes: tuple[Text, ...] = reader((), description="Anything else a reader needs to know.")
    reviewed_texts: tuple[ReviewedText, ...] = staff(
        (),
        description="Texts of the year that look like personal data but were checked by a "
        "person and identify nobody: the mark the validator printed, and why.",
    )

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

    def stage(self, stage: str, procedure: str | None = None) -> StageCount | None:
        return next((s for s in self.stages if s.stage == stage and s.procedure == procedure), None)


__all__ = ["Stage", "YearReport"]
