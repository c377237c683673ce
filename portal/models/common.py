"""Building blocks shared by the models."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

# Every field is marked reader(...) or staff(...) instead of Field(...): see audience.py.
from portal.models.audience import Audience as Audience
from portal.models.audience import audience_of as audience_of
from portal.models.audience import field_audiences as field_audiences
from portal.models.audience import reader as reader
from portal.models.audience import staff as staff

SOURCE_REF = re.compile(r"^(?P<doc>[a-z0-9][a-z0-9-]*) §(?P<section>\S.*)$")


class Strict(BaseModel):
    """Unknown keys are errors (a misspelt `upheald:` must not be ignored); models never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Text = Annotated[str, StringConstraints(min_length=1)]
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$"),
    Field(description="An identifier: lower-case letters, digits, '-' and '_'."),
]
SourceRef = Annotated[
    str,
    StringConstraints(pattern=SOURCE_REF.pattern),
    Field(
        description="Where it comes from: a document id from data/sources.yml, a space, '§' "
        "and the section, e.g. 'council-2023-24 §4.2'."
    ),
]
# No council has a billion complaints: a larger number is a typing mistake.
Count = Annotated[
    int, Field(ge=0, le=999_999_999, strict=True, description="A whole number, 0 or more.")
]
Money = Annotated[
    float,
    Field(ge=0, allow_inf_nan=False, description="Pounds sterling, e.g. 480 or 9432.00."),
]
Stage = Annotated[
    str,
    StringConstraints(pattern=r"^(1|2|3)$"),
    Field(description="The complaints stage: '1', '2' or '3' (in quotes)."),
]
ReviewMark = Annotated[
    str,
    StringConstraints(pattern=r"^sha256:[0-9a-f]{12}$"),
    Field(
        description="Set by a person who checked this text identifies nobody: 'sha256:' and the "
        "first 12 characters of the text's hash, as the validator prints it. Editing the text "
        "resets the review."
    ),
]


class Placeholder(Strict):
    """A setting the council has not supplied yet. Shown as 'to be added by the council'."""

    placeholder: Text = staff(description="What is needed, e.g. 'the complaints phone number'.")


MaybeText = Text | Placeholder

URL_SCHEMES = ("https", "http", "mailto", "tel")
# Browsers drop tabs and line breaks anywhere in a link and spaces or control characters at
# its ends, so "java\tscript:" runs as "javascript:". A real address has none of them
# (a space is written %20), so any such character refuses the link outright.
_UNSAFE_URL_CHARACTERS = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
URL_RULE = "a web address starting https:// or http://, or a mailto: or tel: link, with no spaces"


def check_url(value: str) -> str:
    """value if it is a link a reader can safely follow; a plain reason otherwise."""
    if _UNSAFE_URL_CHARACTERS.search(value):
        raise ValueError(f"a link must be {URL_RULE}: this one has a space or control character")
    scheme = _SCHEME.match(value)
    if scheme is None or scheme.group(1).lower() not in URL_SCHEMES:
        raise ValueError(f"a link must be {URL_RULE}: other kinds of link are refused")
    if scheme.group(1).lower() in ("https", "http") and not urlsplit(value).hostname:
        raise ValueError(f"a link must be {URL_RULE}: this one has no site name after //")
    if len(value) == len(scheme.group(0)):
        raise ValueError(f"a link must be {URL_RULE}: this one has nothing after the colon")
    return value


Url = Annotated[
    str,
    StringConstraints(min_length=1),
    AfterValidator(check_url),
    # The same rule for editors that read the JSON schema (which has no case-blind flag).
    Field(
        description=f"A link: {URL_RULE}.",
        json_schema_extra={
            "pattern": r"^([hH][tT][tT][pP][sS]?://[^\s/?#]|[mM][aA][iI][lL][tT][oO]:\S|"
            r"[tT][eE][lL]:\S)\S*$"
        },
    ),
]
MaybeUrl = Url | Placeholder

StageOrOmbudsman = Annotated[
    str,
    StringConstraints(pattern=r"^(1|2|3|all|ombudsman)$"),
    Field(
        description="'1', '2' or '3' (in quotes), all (every stage together, as a report that "
        "leads with one total prints it), or ombudsman."
    ),
]
