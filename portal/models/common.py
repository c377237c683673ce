"""Building blocks shared by the models."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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
        "and the section, e.g. 'camden-2023-24 §4.2'."
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

    placeholder: Text = Field(description="What is needed, e.g. 'the complaints phone number'.")


MaybeText = Text | Placeholder
