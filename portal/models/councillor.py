"""What a councillor reads first: key points, the council's aims (targets) and the
Ombudsman's figures for the council beside similar authorities (benchmarks)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from portal.models.common import ReviewMark, Slug, SourceRef, Strict, Text, reader, staff

YearLabel = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}$"),
    Field(description="A financial year as its folder is named, e.g. '2019-20' (in quotes)."),
]


class KeyPoint(Strict):
    """One finding staff want a reader to see first, in plain words, with its source."""

    text: Text = reader(
        description="The point in one or two plain sentences, e.g. '60% of Stage 1 replies "
        "took 41 working days or more.' Shown at the top of the year's page."
    )
    source: SourceRef = reader()
    reviewed: ReviewMark | None = staff(None)


# The trend measures a target can apply to (ids in portal/views/trends.py).
TargetMeasure = Literal["within_target", "within_extended", "upheld"]


class Target(Strict):
    """An aim the council stated, such as answering 90% of complaints on time."""

    id: Slug = staff(description="A short id for the aim, e.g. 'stage1-on-time'.")
    measure: TargetMeasure = reader(
        description="The trend it applies to: within_target (Stage 1 answered within the first "
        "timescale, e.g. 10 working days), within_extended (within the extended timescale, "
        "e.g. 20 working days) or upheld (Stage 1 complaints upheld)."
    )
    value: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] = reader(
        description="The aim as a percentage, without the % sign, e.g. 90."
    )
    text: Text = reader(
        description="The aim in the source's words, e.g. 'responding to 90% of complaints "
        "within 10 or 20 working days'."
    )
    years: tuple[YearLabel, ...] = reader(
        min_length=1,
        description="The financial years the source states the aim for, e.g. ['2019-20']. "
        "The target line is drawn for these years only.",
    )
    source: SourceRef = reader()


BenchmarkMeasure = Literal["decided", "upheld_rate", "compliance", "satisfactory_remedy"]
Share = Annotated[float, Field(ge=0, le=999_999_999, allow_inf_nan=False)]


class BenchmarkFigure(Strict):
    """One of the Ombudsman's published figures for the council in the year, and the
    average for similar authorities, each with its source."""

    measure: BenchmarkMeasure = reader(
        description="decided (complaints and enquiries decided: a count), upheld_rate (% of "
        "detailed investigations upheld), compliance (% of recommendations the council "
        "complied with) or satisfactory_remedy (% of upheld cases where the council had "
        "already offered a satisfactory remedy before the complaint reached the Ombudsman)."
    )
    council: Share | None = reader(
        None,
        description="The council's figure, as the Ombudsman published it; leave it out when "
        "no source gives it, never 0 for missing.",
    )
    council_source: SourceRef | None = reader(
        None, description="Where the council's figure comes from."
    )
    average: Share | None = reader(
        None,
        description="The average for similar authorities, as the Ombudsman published it; "
        "leave it out when no source gives it.",
    )
    average_source: SourceRef | None = reader(None, description="Where the average comes from.")
    note: Text | None = reader(
        None, description="Anything a reader needs to know; shown beside it."
    )

    @model_validator(mode="after")
    def _sourced(self) -> BenchmarkFigure:
        for value, source, name in (
            (self.council, self.council_source, "council"),
            (self.average, self.average_source, "average"),
        ):
            if value is not None and source is None:
                raise ValueError(f"add {name}_source: where the {name} figure comes from")
        if self.council is None and self.average is None:
            raise ValueError("give council or average (or both), each with its source")
        return self
