"""How long each step of the complaints procedure may take: national law, unless the
council's own procedure sets other times (portal/national.py holds the law's)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from portal import national
from portal.models.common import (
    Strict,
    Text,
    reader,
)

Days = Annotated[int, Field(gt=0, strict=True)]


class StageTimescale(Strict):
    """How long one stage may take, in working days."""

    working_days: Days = reader(
        description="How many working days the stage should take: a whole number, e.g. 10. "
        "For Stage 1 this is also the target in 'answered within 10 working days' on the site."
    )
    extended_working_days: Days | None = reader(
        None,
        description="The longest the stage may take with an agreed extension; leave it out "
        f"for the regulations' ({national.timescale_default('stage1.extended_working_days')} "
        f"working days at Stage 1, {national.timescale_default('stage2.extended_working_days')} "
        "at Stage 2).",
    )


def _stage(name: str) -> StageTimescale:
    return StageTimescale(**national.stage_defaults(name))


def _both(stage: str) -> str:
    days = national.stage_defaults(stage)
    return f"{days['working_days']} and {days['extended_working_days']} working days"


def _days(path: str, what: str) -> Days:
    return reader(
        national.timescale_default(path),
        description=f"{what} Leave it out for {national.timescale_default(path)}, as the law sets.",
    )


class Timescales(Strict):
    """How long each step may take. National law sets every one: leave out the ones the
    council's own procedure does not set differently."""

    # The law's values, with their citations, are in portal/national.py.

    complain_within_months: Days = _days(
        "complain_within_months",
        "How many months after the problem someone should complain: a whole number.",
    )
    stage1: StageTimescale = reader(
        default_factory=lambda: _stage("stage1"),
        description="Stage 1 (local resolution): the usual reply time and, for a complex "
        "complaint, the longest with an extension. Leave it out for the regulations' "
        f"{_both('stage1')}.",
    )
    stage2_request_within_working_days: Days = _days(
        "stage2_request_within_working_days",
        "How many working days after the Stage 1 reply someone has to ask for Stage 2.",
    )
    stage2: StageTimescale = reader(
        default_factory=lambda: _stage("stage2"),
        description="Stage 2 (investigation): the usual time and the longest with an "
        f"extension. Leave it out for the regulations' {_both('stage2')}.",
    )
    stage3_request_within_working_days: Days = _days(
        "stage3_request_within_working_days",
        "How many working days after the Stage 2 reply someone has to ask for a Stage 3 "
        "review panel.",
    )
    stage3_panel_within_working_days: Days = _days(
        "stage3_panel_within_working_days",
        "How many working days after the request the review panel meets.",
    )
    stage3_report_within_working_days: Days = _days(
        "stage3_report_within_working_days",
        "How many working days after its meeting the panel sends its view.",
    )
    stage3_response_within_working_days: Days = _days(
        "stage3_response_within_working_days",
        "How many working days the council has to reply to the panel's view.",
    )
    ombudsman_within_months: Days = _days(
        "ombudsman_within_months",
        "How many months someone has to go to the Ombudsman after they knew about the problem.",
    )
    source: Text | None = reader(
        None,
        description="Where the council's own timescales come from, e.g. its published "
        "complaints procedure. Needed when any timescale is given here; leave the whole "
        "section out to use the regulations'.",
    )

    @model_validator(mode="before")
    @classmethod
    def _whole_stages(cls, data: object) -> object:
        # A council that sets only a stage's usual days keeps the regulations' extension.
        if isinstance(data, dict):
            for stage in ("stage1", "stage2"):
                if isinstance(data.get(stage), dict):
                    given = {k: v for k, v in data[stage].items() if v is not None}
                    data = {**data, stage: {**national.stage_defaults(stage), **given}}
        return data

    @model_validator(mode="after")
    def _cited(self) -> Timescales:
        # A timescale the council types is its own claim: the page must say where it is from.
        if self.model_fields_set - {"source"} and self.source is None:
            raise ValueError(
                "say where these timescales come from in source: (e.g. the council's "
                "complaints procedure), or leave timescales out to use the regulations'"
            )
        return self

    def own(self) -> bool:
        """Whether the council set any timescale itself."""
        return bool(self.model_fields_set - {"source"})
