"""Contact blocks of the How to complain, young people's and home pages (portal/views/contact.py).

A route the council has not supplied is never shown as a link or a placeholder: the block says
plainly that the council has not added it yet and points to what does exist. The Ombudsman and
Ofsted are never offered in its place: the Ombudsman expects the council's own procedure first.
"""

from __future__ import annotations

from portal import national
from portal.dataset import Dataset
from portal.models.council import Council
from portal.render.html import block, tag, text
from portal.views.contact import (
    Route,
    advocacy_routes,
    complaint_routes,
    concern_contact,
    council_website,
    href_for,
    in_words,
    missing_routes,
    supplied,
)

# National helpline for adults worried about a child (portal/national.py).
NSPCC_HELPLINE = national.NSPCC_HELPLINE.value


def link(label: str, href: str | None) -> str:
    """A link whose text says where it goes; plain text when there is no safe address."""
    return tag("a", text(label), href=href) if href else text(label)


def route_item(found: Route, owner: str = "") -> str:
    """One route as a list item: 'Phone: 020 7946 0000', the number a tel: link. A website's
    link text names whose it is, not the raw address."""
    shown = found.shown
    if found.kind == "website" and found.href:
        shown = f"{owner} website".strip()
    return tag("li", tag("strong", text(found.label) + ":") + " " + link(shown, found.href))


def _start_button(found: Route) -> str:
    return tag(
        "p",
        tag(
            "a",
            "Complain online",
            href=found.href,
            class_="md-button md-button--primary portal-start",
        ),
    )


def _not_added(council: Council, what: str) -> str:
    return tag(
        "p",
        tag("strong", text(f"{council.short_name} has not added {what} to this site yet.")),
    )


def _fallback_items(council: Council, *, young: bool) -> list[str]:
    """What a reader can still do when no complaint route has been supplied."""
    items = []
    website = council_website(council)
    if website is not None:
        items.append(
            tag(
                "li",
                "Find the complaints page on the "
                + link(f"{council.name} website", website.href)
                + ".",
            )
        )
    if young:
        items.append(
            tag(
                "li",
                "Tell your social worker, your foster carer or another adult you trust. "
                "They can help you complain.",
            )
        )
    else:
        items.append(
            tag(
                "li",
                "Tell your social worker, or anyone who works in children’s social care, "
                "that you want to complain. They can pass your complaint on.",
            )
        )
    advocacy = advocacy_routes(council)
    if advocacy:
        first = advocacy[0]
        shown = f"{council.advocacy.name} website" if first.kind == "website" else first.shown
        items.append(
            tag(
                "li",
                text(f"Ask {council.advocacy.name} to help you complain: ")
                + link(shown, first.href)
                + ".",
            )
        )
    return items


def complain_routes(dataset: Dataset, *, young: bool = False) -> str:
    """The ways to complain, quickest first; or, if none is supplied, what to do instead."""
    council = dataset.council
    routes = complaint_routes(council)
    if not routes:
        return block(
            _not_added(council, "its contact details for complaints"),
            tag("p", "Until it does, you can still complain:"),
            tag("ul", block(*_fallback_items(council, young=young)), class_="portal-contact"),
        )
    parts = []
    rest = list(routes)
    if routes[0].kind == "web_form" and routes[0].href:
        parts.append(_start_button(routes[0]))
        rest = rest[1:]
    if rest:
        intro = "Or contact us:" if len(parts) else "Contact us:"
        parts.append(tag("p", intro))
        parts.append(tag("ul", block(*(route_item(r) for r in rest)), class_="portal-contact"))
    missing = missing_routes(council)
    if missing and not young:
        parts.append(
            tag(
                "p",
                text(f"{council.short_name} has not added its {in_words(missing)} yet."),
            )
        )
    return block(*parts)


def young_routes(dataset: Dataset) -> str:
    """The young people's version: no missing-details list; an adult they trust can help."""
    routes = complain_routes(dataset, young=True)
    if not complaint_routes(dataset.council):
        return routes  # the list already says to tell an adult they trust
    return block(
        routes,
        tag(
            "p",
            "You can also tell your social worker, your foster carer or another adult you "
            "trust. They can help you complain.",
        ),
    )


def _concern_sentence(council: Council) -> str:
    """How to report a concern about a child, ending in something the reader can do."""
    contact = concern_contact(council)
    if contact is not None:
        return text(f"Report it to the council’s children’s services: {contact}.")
    website = council_website(council)
    if website is not None:
        return (
            "Report it to the council’s children’s services. Find out how on the "
            + link(f"{council.name} website", website.href)
            + "."
        )
    helpline = link(NSPCC_HELPLINE, href_for("phone", NSPCC_HELPLINE))
    return (
        text(f"{council.short_name} has not added how to report a concern to this site yet. ")
        + f"Call the NSPCC helpline on {helpline}. It will pass your concern on."
    )


def _emergency(council: Council) -> str:
    number = council.safeguarding.emergency_number
    return link(number, href_for("phone", number))


def safeguarding_line(dataset: Dataset) -> str:
    """One short paragraph near the top of How to complain: danger first, then concerns."""
    council = dataset.council
    return tag(
        "p",
        tag("strong", f"If a child is in danger now, call {_emergency(council)}.")
        + " If you are worried that a child is at risk, do not make a complaint. "
        + _concern_sentence(council),
        class_="portal-safeguarding",
    )


def safeguarding_box(dataset: Dataset) -> str:
    """The home page's warning box: it ends with something the reader can do."""
    council = dataset.council
    return tag(
        "div",
        block(
            tag(
                "p",
                f"If a child is in danger now, call {_emergency(council)}",
                class_="admonition-title",
            ),
            tag(
                "p",
                "If you are worried about a child but they are not in danger right now, "
                "do not make a complaint. "
                + _concern_sentence(council)
                + " You do not have to give your name.",
            ),
        ),
        class_="admonition danger",
    )


def advocacy_contact(dataset: Dataset) -> str:
    """How to reach the advocacy service; a plain sentence when nothing is supplied."""
    council = dataset.council
    routes = advocacy_routes(council)
    if not routes:
        return tag(
            "p",
            text(
                f"{council.short_name} has not added how to contact "
                f"{council.advocacy.name} yet. Your social worker can put you in touch."
            ),
        )
    name = council.advocacy.name
    return tag("ul", block(*(route_item(r, name) for r in routes)), class_="portal-contact")


def ombudsman_link(dataset: Dataset) -> str:
    ombudsman = dataset.council.ombudsman
    return link(f"{ombudsman.name} website", href_for("website", str(ombudsman.website)))


def format_contact(dataset: Dataset) -> str:
    """Who to ask for the page in another format: the publication contact, else the routes."""
    contact = supplied(dataset.council.publication.contact)
    if contact is not None:
        return text(f"contact the council: {contact}.")
    return "ask the council in any of the ways at the top of this page."


CONTACT_BLOCKS = {
    "complain_routes": complain_routes,
    "young_routes": young_routes,
    "safeguarding_line": safeguarding_line,
    "safeguarding_box": safeguarding_box,
    "advocacy_contact": advocacy_contact,
    "ombudsman_link": ombudsman_link,
    "format_contact": format_contact,
}
