"""data/council.yml: the council's own settings, shared by every year."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from portal.models.common import MaybeText, MaybeUrl, Placeholder, SourceRef, Strict, Text, Url

Days = Annotated[int, Field(gt=0, strict=True)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class ContactRoutes(Strict):
    """The ways to make a complaint, listed on the How to complain page."""

    web_form: MaybeUrl | None = Field(
        None, description="Address of the online form, starting https://."
    )
    email: MaybeText | None = Field(
        None, description="The complaints email address, e.g. complaints@example.gov.uk."
    )
    phone: MaybeText | None = Field(
        None, description='The complaints phone number, in quotes, e.g. "020 7946 0000".'
    )
    post: MaybeText | None = Field(None, description="Postal address, one line.")
    in_person: MaybeText | None = Field(
        None, description="Where people can complain in person, if anywhere, in one line."
    )


class Advocacy(Strict):
    """The independent advocacy service that helps children and young people complain."""

    name: Text = Field(description="The advocacy service for children and young people.")
    description: Text = Field(
        description="What the service does, in a sentence or two; shown after its name on the "
        "How to complain page."
    )
    phone: MaybeText | None = Field(
        None, description="The advocacy service's phone number for young people, in quotes."
    )
    email: MaybeText | None = Field(
        None, description="The advocacy service's email address for young people."
    )
    website: MaybeUrl | None = Field(
        None, description="The advocacy service's web address, starting https://."
    )
    source: SourceRef | None = Field(
        None,
        description="Where these details come from: a document id from data/sources.yml, a "
        "space, '§' and the section, e.g. 'camden-2019-20 §9.1'.",
    )


class Ombudsman(Strict):
    """The Ombudsman complainants can go to after the council's stages."""

    name: Text = Field(
        description="The Ombudsman's name, e.g. 'Local Government and Social Care Ombudsman'."
    )
    website: Url = Field(
        description="The Ombudsman's web address, starting https://, e.g. https://www.lgo.org.uk."
    )
    council_page: Url | None = Field(
        None, description="The Ombudsman's page for this council, starting https://."
    )


class StageTimescale(Strict):
    """How long one stage may take, in working days."""

    working_days: Days = Field(
        description="How many working days the stage should take: a whole number, e.g. 10. "
        "For Stage 1 this is also the target in 'answered within 10 working days' on the site."
    )
    extended_working_days: Days | None = Field(
        None, description="The longest the stage may take with an agreed extension."
    )


class Timescales(Strict):
    """One source for the explainer and for the timeliness figures."""

    complain_within_months: Days = Field(
        description="How many months after the problem someone should complain: a whole "
        "number, e.g. 12."
    )
    stage1: StageTimescale = Field(
        description="Stage 1 (local resolution): the usual reply time and, for a complex "
        "complaint, the longest with an extension."
    )
    stage2_request_within_working_days: Days = Field(
        description="How many working days after the Stage 1 reply someone has to ask for "
        "Stage 2: a whole number, e.g. 20."
    )
    stage2: StageTimescale = Field(
        description="Stage 2 (investigation): the usual time and the longest with an extension."
    )
    stage3_request_within_working_days: Days = Field(
        description="How many working days after the Stage 2 reply someone has to ask for a "
        "Stage 3 review panel: a whole number, e.g. 20."
    )
    stage3_panel_within_working_days: Days = Field(
        description="How many working days after the request the review panel meets: a whole "
        "number, e.g. 30."
    )
    stage3_report_within_working_days: Days = Field(
        description="How many working days after its meeting the panel sends its view: a "
        "whole number, e.g. 5."
    )
    stage3_response_within_working_days: Days = Field(
        description="How many working days the council has to reply to the panel's view: a "
        "whole number, e.g. 15."
    )
    ombudsman_within_months: Days = Field(
        description="How many months someone has to go to the Ombudsman after they knew about "
        "the problem: a whole number, e.g. 12."
    )
    source: Text = Field(description="Where these timescales come from.")


class OtherRoute(Strict):
    """Another way to raise a concern, listed on the How to complain page."""

    name: Text = Field(description="The route's name, shown in bold, e.g. 'Ofsted'.")
    description: Text = Field(
        description="What it is for and when to use it instead of a complaint, in a sentence "
        "or two."
    )
    url: MaybeUrl | None = Field(
        None, description="Its web address, starting https://; leave it out if there is none."
    )


class Safeguarding(Strict):
    """What to do when a child is at risk: not a complaint."""

    emergency_number: Text = Field(
        "999", description='The number to call when a child is in danger now, in quotes: "999".'
    )
    report_concern: MaybeText = Field(description="How to report a concern about a child.")


class Branding(Strict):
    """The council's colour and logo, both optional."""

    primary_colour: Colour | None = Field(
        None,
        description="The council's main colour: '#' and six hexadecimal digits, in quotes "
        '(outside quotes # starts a comment), e.g. "#1d70b8".',
    )
    logo: Text | None = Field(None, description="Path of a logo under docs/assets/.")


class Publication(Strict):
    """About this edition of the site's data, shown on the About the data page."""

    published: Text | None = Field(None, description="Date this edition was published.")
    next_update: Text | None = Field(None, description="When the next update is expected.")
    contact: MaybeText | None = Field(None, description="Who to contact about the data.")


class Council(Strict):
    """The council's own settings, shared by every year.

    A setting the council has not supplied yet is written `{placeholder: ...}`: the site shows
    "to be added by the council", and a release is refused while any remain.
    """

    name: Text = Field(
        description="The council's full name, e.g. 'London Borough of Camden'; used in the "
        "site's title and on each year's page."
    )
    short_name: Text = Field(description="The name used in sentences on the site, e.g. 'Camden'.")
    website: MaybeUrl = Field(
        description="The council's web address, starting https://, or a placeholder until "
        "it is supplied."
    )
    complain: ContactRoutes = Field(
        description="How to complain: web form, email, phone, post and in person. Each is "
        "optional; one not yet supplied is a placeholder."
    )
    advocacy: Advocacy = Field(
        description="The advocacy service for children and young people: name, what it does, "
        "contact details and where they come from."
    )
    ombudsman: Ombudsman = Field(
        description="The Ombudsman to go to after the council's stages: name and web addresses."
    )
    timescales: Timescales = Field(
        description="How long each step of the procedure may take, in working days (months "
        "for the time limits to complain and to go to the Ombudsman). Shown on the How to "
        "complain page; the Stage 1 days are also the target in the response-time figures."
    )
    stage3_panel: Text = Field(description="Who sits on this council's Stage 3 review panel.")
    stage3_panel_source: SourceRef | None = Field(
        None,
        description="Where the description of the panel comes from: a document id from "
        "data/sources.yml, a space, '§' and the section, e.g. 'camden-2023-24 §2.5'.",
    )
    safeguarding: Safeguarding = Field(
        description="What to do if a child is at risk, shown at the top of the home page, "
        "before anything about complaints."
    )
    other_routes: tuple[OtherRoute, ...] = Field(
        (),
        description="Other ways to raise a concern, listed on the How to complain page: things "
        "this procedure does not cover, and independent bodies. One item each, with name, "
        "description and optional url.",
    )
    branding: Branding = Field(Branding(), description="The council's colour and logo.")
    publication: Publication = Field(
        Publication(),
        description="When this edition was published, when the next update is expected, and "
        "who to contact about the data.",
    )

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
