"""Free text must not identify anyone: find what looks like personal data.

Patterns find what has a fixed shape (emails, phone, NHS and National Insurance numbers,
postcodes, dates of birth, street addresses, a title before a name). A name with no title is
found with the first-name and surname lists in portal/names.py. Measured against
tests/privacy/corpus (see benchmarks/README.md for the figures).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterator

from portal.names import ENGLISH_WORDS, FUNCTION_WORDS, first_names, surnames

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"  # 03/04/2012, 3.4.12
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"  # 2012-04-03
    rf"|(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+\d{{4}})?"  # 3rd of April 2012, 3 May
    rf"|{_MONTH}\s+{_DAY},?\s+\d{{4}}"  # April 3, 2012
    rf"|{_MONTH},?\s+\d{{4}})"  # April 2012 (a year alone is not a birth date)
)
# A trailing dot ("D.O.B.") is part of the word, so no \b after it.
_BIRTH = r"(?<!\w)(?:born|date\s+of\s+birth|d\.?\s?o\.?\s?b\.?|b\.(?=\s*\d))"

_TITLE = r"mr|mrs|ms|miss|mx|dr|master|prof|sir|dame|lady|lord"
_COUNCILLOR = r"cllr|councillor"
# Lower-case particles of surnames: "de Souza", "van der Berg", "al-Hassan", "St John".
_PARTICLE = r"(?:(?:de|da|di|du|del|della|des|la|le|van|von|der|den|ter|ten|bin|ibn|st\.?)\s+)"
_SURNAME = r"(?:(?:al|el|d|o|mc|mac)['’-]?)?[^\W\d_]+(?:['’-][^\W\d_]+)*"
_INITIALS = r"(?P<initials>(?:(?-i:[A-Z])\.?\s+)*)"

# (why, pattern): the reason is said in the staff message.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an email address", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        "a phone number",
        re.compile(r"(?<![\w£])(?:\+44\s?\(?0?\)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"),
    ),
    (
        "a postcode",
        re.compile(r"(?<!\w)[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}(?!\w)", re.I),
    ),
    # Ten digits, as NHS numbers are written (3-3-4); phone numbers start with 0.
    ("an NHS number", re.compile(r"(?<![\d£.,])[1-9]\d{2}([\s-]?)\d{3}\1\d{4}(?![\d,]|\.\d)")),
    (
        "a National Insurance number",
        re.compile(
            r"(?<!\w)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
            r"(?:\s?\d{2}\s\d{2}\s\d{2}|\s?\d{6})(?:\s?[A-D])?(?!\w)",
            re.I,
        ),
    ),
    # Said to be one, it is one, even with letters HMRC never issues (as in its examples).
    (
        "a National Insurance number",
        re.compile(
            r"(?:\bNI\b|national\s+insurance|\bNINO\b)[^.;\n]{0,20}?"
            r"(?<!\w)[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}(?:\s?[A-Z])?(?!\w)",
            re.I,
        ),
    ),
    (
        "a date of birth",
        re.compile(rf"{_BIRTH}[^.;:\n]{{0,20}}?[:\-–]?\s*{_DATE}", re.I),
    ),
    (
        "a street address",
        re.compile(
            r"(?<![\w£.,/-])(?:[Ff]lat\s+\d+\w?,?\s+)?\d{1,4}[a-zA-Z]?,?\s+"
            r"(?:(?:[A-Z][\w'’]+|of|the|upon|on)\s+){0,3}"
            r"(?:Road|Street|Lane|Avenue|Close|Grove|Place|Crescent|Terrace|Drive|Way|Court"
            r"|Gardens|Square|Row|Hill|Rise|Walk|Mews|Park|Green|Gate|Parade|Villas|Wharf|Yard"
            r"|Vale|House|Estate|Cottages|Rd|St|Ave)\b"
            r"|(?<!\w)[Ff]lat\s+\d+\w?(?=,)"
        ),
    ),
)

_TITLED = re.compile(
    rf"(?<!\w)(?P<title>{_TITLE}|{_COUNCILLOR})\.?\s+{_INITIALS}"
    rf"(?:(?:and|&)\s+(?:{_TITLE})\.?\s+)?{_PARTICLE}*(?P<surname>{_SURNAME})",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.I)


def personal_data(text: str) -> list[tuple[str, str]]:
    """(why, matched text) for everything in the text that looks like personal data.

    A match inside a longer one ("B33 8TH" in an address) is said once, as the longer one.
    """
    spans = [
        (match.start(), match.end(), kind)
        for kind, pattern in _PATTERNS
        for match in pattern.finditer(text)
    ]
    spans += _titled(text)
    spans += _untitled(text)
    found: list[tuple[str, str]] = []
    reach = -1  # the furthest end of the spans seen so far, all of which start no later
    # Longest first at each start: a span that ends within reach is inside an earlier one.
    for start, end, kind in sorted(spans, key=lambda span: (span[0], -span[1], span[2])):
        if end > reach:
            found.append((kind, text[start:end]))
            reach = end
    return found


def _titled(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _TITLED.finditer(text):
        title, surname = match["title"], match["surname"]
        councillor = title.lower() in ("cllr", "councillor")
        lowered = surname.lower()
        if len(surname) == 1 or lowered in FUNCTION_WORDS:
            continue  # "Mr B" identifies nobody; "Mr and Mrs Smith" is found at "Mrs Smith"
        if match["initials"] and surname[0].islower():
            continue  # "Mr B complained": an initial, then the sentence goes on
        # "miss the deadline", "the councillor said": a lower-case word after a title that is
        # also an English word is a name only if the lists know it.
        word_like = title.lower() in ("miss", "master", "lady", "lord") or councillor
        lower = surname[0].islower() or title.islower()
        if word_like and lower and lowered not in surnames() and lowered not in first_names():
            continue
        kind = "a councillor's name" if councillor else "a titled surname"
        yield match.start(), match.end(), kind


def _untitled(text: str) -> Iterator[tuple[int, int, str]]:
    """A known first name followed by a surname: "Jamie Smith", "jamie smith"."""
    words = list(_WORD.finditer(text))
    for first, second in itertools.pairwise(words):
        if not text[first.end() : second.start()].isspace():
            continue
        given, family = first.group(0), second.group(0)
        # "Sarah's law" names a law; a name is "Jamie Smith's".
        if _POSSESSIVE.search(given):
            continue
        given_key = given.split("-")[0].lower()
        family_key = _POSSESSIVE.sub("", family).lower()
        if given_key in ENGLISH_WORDS or given_key not in first_names():
            continue
        if _surname_follows(given, family, family_key):
            yield first.start(), second.end(), "a first name and a surname"


def _surname_follows(given: str, family: str, key: str) -> bool:
    if given[0].isupper() and family[0].isupper() and not family.isupper():
        return key in surnames() or key not in ENGLISH_WORDS
    # Lower case, only names both lists know: "jamie smith" but not "will be".
    if given.islower() and family.islower():
        return key in surnames() and key not in FUNCTION_WORDS
    return False


def review_mark(texts: list[str]) -> str:
    """The mark a reviewer puts on an item; it changes whenever any of the item's text changes."""
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    return f"sha256:{digest[:12]}"
