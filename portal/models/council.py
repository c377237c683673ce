"""data/council.yml: the council's own settings, shared by every year."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator

from portal import national
from portal.models.common import (
    MaybeText,
    MaybeUrl,
    Placeholder,
    SourceRef,
    Strict,
    Text,
    Url,
    reader,
)
from portal.models.councillor import Target
from portal.models.timescales import Timescales


def _not_placeholder(value: object) -> object:
    # `portal new-council` writes every setting as a placeholder; these few are printed in
    # sentences on every page, so they cannot wait for the council.
    if isinstance(value, dict) and set(value) == {"placeholder"}:
        raise ValueError(
            f"replace the placeholder ({value['placeholder']}) with the real value: "
            "the site cannot be built without it"
        )
    return value


Needed = Annotated[Text, BeforeValidator(_not_placeholder)]


class ContactRoutes(Strict):
    """The ways to make a complaint, listed on the How to complain page."""

    web_form: MaybeUrl | None = reader(
        None, description="Address of the online form, starting https://."
    )
    email: MaybeText | None = reader(
        None, description="The complaints email address, e.g. complaints@example.gov.uk."
    )
    phone: MaybeText | None = reader(
        None, description='The complaints phone number, in quotes, e.g. "020 7946 0000".'
    )
    post: MaybeText | None = reader(None, description="Postal address, one line.")
    in_person: MaybeText | None = reader(
        None, description="Where people can complain in person, if anywhere, in one line."
    )


class Advocacy(Strict):
    """The independent advocacy service that helps children and young people complain."""

    name: Needed = reader(description="The advocacy service for children and young people.")
    description: Needed = reader(
        description="What the service does, in a sentence or two; shown after its name on the "
        "How to complain page."
    )
    phone: MaybeText | None = reader(
        None, description="The advocacy service's phone number for young people, in quotes."
    )
    email: MaybeText | None = reader(
        None, description="The advocacy service's email address for young people."
    )
    website: MaybeUrl | None = reader(
        None, description="The advocacy service's web address, starting https://."
    )
    source: SourceRef | None = reader(
        None,
        description="Where these details come from: a document id from data/sources.yml, a "
        "space, '§' and the section, e.g. 'council-2023-24 §9.1'.",
    )


class Ombudsman(Strict):
    """The Ombudsman complainants can go to after the council's stages. Its name and website
    are the same for every council in England: leave them out to use them."""

    # The national values, with their citation, are in portal/national.py.

    name: Text = reader(
        national.OMBUDSMAN_NAME.value,
        description="The Ombudsman's name; leave it out for the Local Government and Social "
        "Care Ombudsman.",
    )
    website: Url = reader(
        national.OMBUDSMAN_WEBSITE.value,
        description="The Ombudsman's web address, starting https://; leave it out for "
        "https://www.lgo.org.uk.",
    )
    council_page: MaybeUrl | None = reader(
        None, description="The Ombudsman's page for this council, starting https://."
    )


class OtherRoute(Strict):
    """Another way to raise a concern, listed on the How to complain page."""

    name: Text = reader(description="The route's name, shown in bold, e.g. 'Ofsted'.")
    description: Text = reader(
        description="What it is for and when to use it instead of a complaint, in a sentence "
        "or two."
    )
    url: MaybeUrl | None = reader(
        None, description="Its web address, starting https://; leave it out if there is none."
    )


class Safeguarding(Strict):
    """What to do when a child is at risk: not a complaint."""

    emergency_number: Text = reader(
        "999", description='The number to call when a child is in danger now, in quotes: "999".'
    )
    report_concern: MaybeText = reader(description="How to report a concern about a child.")


class Publication(Strict):
    """About this edition of the site's data, shown on the About the data page."""

    published: Text | None = reader(None, description="Date this edition was published.")
    next_update: Text | None = reader(None, description="When the next update is expected.")
    contact: MaybeText | None = reader(None, description="Who to contact about the data.")


class Council(Strict):
    """The council's own settings, shared by every year.

    A setting the council has not supplied yet is written `{placeholder: ...}`: the site shows
    "to be added by the council", and a release is refused while any remain.
    """

    name: Needed = reader(
        description="The council's full name, e.g. 'Anytown Borough Council'; used in the "
        "site's title and on each year's page."
    )
    short_name: Needed = reader(
        description="The name used in sentences on the site, e.g. 'Anytown'."
    )
    website: MaybeUrl = reader(
        description="The council's web address, starting https://, or a placeholder until "
        "it is supplied."
    )
    complain: ContactRoutes = reader(
        description="How to complain: web form, email, phone, post and in person. Each is "
        "optional; one not yet supplied is a placeholder."
    )
    advocacy: Advocacy = reader(
        description="The advocacy service for children and young people: name, what it does, "
        "contact details and where they come from."
    )
    ombudsman: Ombudsman = reader(
        default_factory=Ombudsman,
        description="The Ombudsman to go to after the council's stages: its name and website "
        "are national and may be left out; add council_page, the Ombudsman's page for this "
        "council.",
    )
    timescales: Timescales = reader(
        default_factory=Timescales,
        description="How long each step of the procedure may take, in working days (months "
        "for the time limits to complain and to go to the Ombudsman). The regulations set "
        "them all: leave this out unless the council's own procedure sets different ones. "
        "Shown on the How to complain page; the Stage 1 days are also the target in the "
        "response-time figures.",
    )
    who_can_complain: tuple[Text, ...] | None = reader(
        None,
        description="Who can complain, as the council's own procedure lists them, one item "
        "each in lower case, e.g. 'a care leaver'. Leave it out to list who the Children Act "
        "1989 says can complain.",
    )
    who_can_complain_source: SourceRef | None = reader(
        None,
        description="Where the list of who can complain comes from: a document id from "
        "data/sources.yml, a space, '§' and the section.",
    )
    stage3_panel: Text | None = reader(
        None,
        description="Who sits on this council's Stage 3 review panel. Leave it out to say "
        "what the regulations say: three independent people.",
    )
    stage3_panel_source: SourceRef | None = reader(
        None,
        description="Where the description of the panel comes from: a document id from "
        "data/sources.yml, a space, '§' and the section, e.g. 'council-2023-24 §2.5'.",
    )
    safeguarding: Safeguarding = reader(
        description="What to do if a child is at risk, shown at the top of the home page, "
        "before anything about complaints."
    )
    other_routes: tuple[OtherRoute, ...] = reader(
        (),
        description="Other ways to raise a concern, listed on the How to complain page: things "
        "this procedure does not cover, and independent bodies. One item each, with name, "
        "description and optional url.",
    )
    targets: tuple[Target, ...] = reader(
        (),
        description="Aims the council stated, e.g. answering 90% of complaints on time: each "
        "with the trend it applies to, the years it covers and its source. Trend charts draw "
        "the aim for those years only.",
    )
    publication: Publication = reader(
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
