"""The numbers of a year's report.yml: the count at each stage, other figures, percentages
printed in the text, and how many complaints had demographic details."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from portal.models.common import (
    Count,
    Slug,
    SourceRef,
    StageOrOmbudsman,
    Strict,
    Text,
    reader,
    staff,
)

PrintedNumber = Annotated[
    str,
    StringConstraints(pattern=r"^\d+(\.\d+)?$"),
    Field(description="A number as printed, in quotes, e.g. '25.5'."),
]


class StageCount(Strict):
    """How many complaints there were at one stage, or how many went to the Ombudsman."""

    stage: StageOrOmbudsman = reader()
    procedure: Literal["statutory", "corporate"] | None = reader(
        None,
        description="statutory (the children's statutory procedure) or corporate (the "
        "council's own procedure), when the report gives a stage's count for each; leave it "
        "out for the stage as a whole.",
    )
    count: Count | None = reader(
        description="How many, as a whole number; empty (null) when not published, never 0 for "
        "missing."
    )
    label: Text = reader(
        description="What the source called it: 'requests for Stage 2', 'escalated'."
    )
    source: SourceRef = reader()
    note: Text | None = reader(
        None, description="Anything a reader needs to know about this count."
    )
    meaning_changed: Text | None = reader(
        None,
        description="Set in the first year this count means something different from the "
        "years before, saying what changed in words for readers. The trend is drawn with a "
        "break here and never compared across it.",
    )


FigureMeasure = Literal[
    "context", "representations", "enquiries", "members_enquiries", "cost", "compensation"
]


class Figure(Strict):
    """A year-level figure that is not a complaint count: context, enquiries, cost..."""

    id: Slug = staff(
        description="A short id for the figure, unique in the year: lower-case letters, digits, "
        "'-' and '_', e.g. 'referrals'."
    )
    measure: FigureMeasure = reader(
        description="What kind of figure: context, representations, enquiries, "
        "members_enquiries, cost or compensation. It decides the heading it is shown under: "
        "Context, Cost and compensation, or Representations and enquiries."
    )
    label: Text = reader(
        description="What the figure is, shown beside it, e.g. 'Referrals received by the "
        "children's social work service'."
    )
    value: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = reader(
        description="The figure; empty (null) when not published, never 0 for missing."
    )
    unit: Literal["count", "percent", "gbp"] = reader(
        description="count (a number of things), percent (a percentage, without the % sign) "
        "or gbp (pounds)."
    )
    source: SourceRef = reader()
    note: Text | None = reader(
        None, description="Anything a reader needs to know about the figure; shown beside it."
    )
    rate_base: bool = reader(
        False,
        description="Show Stage 1 complaints per 1,000 of this figure (e.g. referrals, or "
        "children open to the service), so years of different size compare fairly.",
    )


class PrintedPercentage(Strict):
    """A percentage printed in the text, checked against the counts it was made from."""

    text: Text = reader(description="The sentence as printed.")
    printed: PrintedNumber = reader()
    numerator: Count = reader(
        description="The count the percentage was made from: a whole number, 0 or more."
    )
    denominator: Annotated[int, Field(gt=0, strict=True)] = reader(
        description="The whole number the percentage is of, more than 0, e.g. the stage count."
    )
    source: SourceRef = reader()
    stage: StageOrOmbudsman | None = reader(
        None,
        description="The stage it is about, '1', '2' or '3' in quotes, or ombudsman: it is shown "
        "in that stage's section, beside the stage's count. Leave it out to list it under "
        "Sources and notes.",
    )
    discrepancy: Text | None = reader(
        None, description="Required when the printed figure is wrong: what the right figure is."
    )


class DemographicsCoverage(Strict):
    """How many complaints had demographic details (age, ethnicity...) available."""

    covered: Count | None = reader(
        description="How many complaints demographic details were found for: a whole number, "
        "the total the complainants rows of demographics.csv add up to. Empty (null) when not "
        "published, never 0."
    )
    not_covered: Count | None = reader(
        None,
        description="How many complaints they were not available for: a whole number. Leave it "
        "out when not published, never 0.",
    )
    note: Text | None = reader(
        None,
        description="How the details were found, and anything that is missing; shown under the "
        "figures.",
    )
    source: SourceRef = reader()
