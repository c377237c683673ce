"""Free text must not identify anyone: find what looks like personal data."""

from __future__ import annotations

import hashlib
import re

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an email address", re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")),
    (
        "a phone number",
        re.compile(r"(?<![\w£])(\+44\s?\(?0?\)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"),
    ),
    ("a postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")),
    (
        "a date of birth",
        re.compile(
            rf"\b(born|date of birth|d\.?o\.?b\.?)\b[^.;]{{0,20}}?"
            rf"(\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{1,2}}(st|nd|rd|th)?\s+({_MONTHS}))",
            re.IGNORECASE,
        ),
    ),
    # "Mr Smith", "Mrs J Brown"; a lone initial ("Mr B") does not identify anyone.
    (
        "a titled surname",
        re.compile(
            r"\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z]\.?\s+)*"
            r"(?:[A-Z]['’])?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+|[A-Z][a-z]+)*"
        ),
    ),
)


def personal_data(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) for everything in the text that looks like personal data."""
    found = []
    for kind, pattern in _PATTERNS:
        found.extend((kind, match.group(0)) for match in pattern.finditer(text))
    return found


def review_mark(texts: list[str]) -> str:
    """The mark a reviewer puts on an item; it changes whenever any of the item's text changes."""
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    return f"sha256:{digest[:12]}"
