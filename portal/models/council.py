"""data/council.yml: the council's own settings, shared by every year."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from portal.models.common import MaybeText, Placeholder, SourceRef, Strict, Text

Days = Annotated[int, Field(gt=0, strict=True)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class ContactRoutes(Strict):
    web_form: MaybeText | None = Field(None, description="Address of the online form.")
    email: MaybeText | None = None
    phone: MaybeText | None = None
    post: MaybeText | None = Field(None, description="Postal address, one line.")
    in_person: MaybeText | None = None


class Advocacy(Strict):
    name: Text = Field(description="The advocacy service for children and young people.")
    description: Text
    phone: MaybeText | None = None
    email: MaybeText | None = None
    website: MaybeText | None = None
    source: SourceRef | None = None


class Ombudsman(Strict):
    name: Text
    website: Text
    council_page: Text | None = Field(None, description="The Ombudsman's page for this council.")


class StageTimescale(Strict):
    working_days: Days
    extended_working_days: Days | None = Field(
        None, description="The longest the stage may take with an agreed extension."
    )


class Timescales(Strict):
    """One source for the explainer and for the timeliness figures."""

    complain_within_months: Days
    stage1: StageTimescale
    stage2_request_within_working_days: Days
    stage2: StageTimescale
    stage3_request_within_working_days: Days
    stage3_panel_within_working_days: Days
    stage3_report_within_working_days: Days
    stage3_response_within_working_days: Days
    ombudsman_within_months: Days
    source: Text = Field(description="Where these timescales come from.")


class OtherRoute(Strict):
    name: Text
    description: Text
    url: MaybeText | None = None


class Safeguarding(Strict):
    emergency_number: Text = "999"
    report_concern: MaybeText = Field(description="How to report a concern about a child.")


class Branding(Strict):
    primary_colour: Colour | None = None
    logo: Text | None = Field(None, description="Path of a logo under docs/assets/.")


class Publication(Strict):
    published: Text | None = Field(None, description="Date this edition was published.")
    next_update: Text | None = Field(None, description="When the next update is expected.")
    contact: MaybeText | None = Field(None, description="Who to contact about the data.")


class Council(Strict):
    name: Text
    short_name: Text
    website: MaybeText
    complain: ContactRoutes
    advocacy: Advocacy
    ombudsman: Ombudsman
    timescales: Timescales
    stage3_panel: Text = Field(description="Who sits on this council's Stage 3 review panel.")
    stage3_panel_source: SourceRef | None = None
    safeguarding: Safeguarding
    other_routes: tuple[OtherRoute, ...] = ()
    branding: Branding = Branding()
    publication: Publication = Publication()

    def placeholders(self) -> list[tuple[tuple[str | int, ...], Placeholder]]:
        """Every setting still waiting for the council, with its path."""
        found: list[tuple[tuple[str | int, ...], Placeholder]] = []
        _collect(self, (), found)
        return found


def _collect(value: object, path: tuple[str | int, ...], found: list) -> None:
    if isinstance(value, Placeholder):
        found.append((path, value))
    elif isinstance(value, Strict):
        for name in type(value).model_fields:
            _collect(getattr(value, name), (*path, name), found)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            _collect(item, (*path, index), found)
