"""How a reader can reach the council, from its settings: the routes the pages offer, in order.

Pure functions, no HTML: portal/site/contact.py turns these into the pages' blocks. A setting
still a placeholder is not a route; it is listed as missing, so a page can say plainly what the
council has not added yet instead of printing a fake link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from portal.models.common import Placeholder
from portal.models.council import Council

# The order GOV.UK task pages use: the quickest route first, then the slower ones.
COMPLAINT_ROUTES = ("web_form", "phone", "email", "post", "in_person")
LABELS = {
    "web_form": "Online",
    "phone": "Phone",
    "email": "Email",
    "post": "Post",
    "in_person": "In person",
    "website": "Website",
}
# How a page names a setting the council has not added yet, in a sentence.
MISSING_NAMES = {
    "web_form": "online form",
    "phone": "phone number",
    "email": "email address",
    "post": "postal address",
    "in_person": "where to complain in person",
}
_PHONE = re.compile(r"^\+?[0-9 ()-]{3,}$")
_EMAIL = re.compile(r"^[^@\s<>\"'()\[\],;:]+@[^@\s<>\"'()\[\],;:]+\.[^@\s<>\"'()\[\],;:]+$")
_WEB = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Route:
    """One way to get in touch: what it is, what the page shows, and where a link goes."""

    kind: str  # a key of LABELS
    label: str  # "Phone"
    shown: str  # the number, address or web address as the council wrote it
    href: str | None  # a link that is safe to follow, or None for plain text (post, in person)


def supplied(value: object) -> str | None:
    """The setting's text, or None if it is missing or still a placeholder."""
    if value is None or isinstance(value, Placeholder):
        return None
    return str(value)


def href_for(kind: str, value: str) -> str | None:
    """A link for the value, only when it has the shape its kind needs (else plain text)."""
    if kind == "phone":
        # "+44 (0)20 ...": the (0) is not dialled after the country code.
        dialled = value.replace("(0)", "") if value.startswith("+") else value
        digits = re.sub(r"[ ()-]", "", dialled)
        return f"tel:{digits}" if _PHONE.match(value) and len(digits) >= 3 else None
    if kind == "email":
        return f"mailto:{value}" if _EMAIL.match(value) else None
    if kind in ("web_form", "website"):
        return value if _WEB.match(value) else None
    return None


def route(kind: str, value: object) -> Route | None:
    shown = supplied(value)
    if shown is None:
        return None
    return Route(kind, LABELS[kind], shown, href_for(kind, shown))


def complaint_routes(council: Council) -> tuple[Route, ...]:
    """Every way to complain the council has supplied, quickest first."""
    found = (route(kind, getattr(council.complain, kind)) for kind in COMPLAINT_ROUTES)
    return tuple(r for r in found if r is not None)


def missing_routes(council: Council) -> tuple[str, ...]:
    """Routes still a placeholder, named for a sentence. A route left out is not offered."""
    return tuple(
        MISSING_NAMES[kind]
        for kind in COMPLAINT_ROUTES
        if isinstance(getattr(council.complain, kind), Placeholder)
    )


def council_website(council: Council) -> Route | None:
    """The council's main website, when it is known and safe to link."""
    found = route("website", council.website)
    return found if found is not None and found.href else None


def advocacy_routes(council: Council) -> tuple[Route, ...]:
    """How to reach the advocacy service, as far as the council has supplied it."""
    advocacy = council.advocacy
    found = (route(kind, getattr(advocacy, kind)) for kind in ("phone", "email", "website"))
    return tuple(r for r in found if r is not None)


def concern_contact(council: Council) -> str | None:
    """How to report a concern about a child to the council, if it has said."""
    return supplied(council.safeguarding.report_concern)


def in_words(names: tuple[str, ...]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
