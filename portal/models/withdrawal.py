"""data/withdrawals.yml: published years taken off the site, and why. Never delete one."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, Field, RootModel, StringConstraints

from portal.models.common import (
    ReviewMark,
    Strict,
    Text,
    reader,
    staff,
)


def _consecutive(label: str) -> str:
    if (int(label[:4]) + 1) % 100 != int(label[5:]):
        raise ValueError("a year is the first year, a hyphen and the next year's last two digits")
    return label


YearLabel = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}$"),
    AfterValidator(_consecutive),
    Field(description="The financial year, as its folder is named, e.g. 2019-20."),
]


class Withdrawal(Strict):
    """A published year that was taken off the site (its folder removed, or set back to
    draft). Shown on the About page and in the list of revisions."""

    year: YearLabel = reader()
    date: dt.date = reader(description="The date it was taken off the site, YYYY-MM-DD.")
    change: Text = reader(
        description="What was taken off, e.g. 'The 2019-20 report was taken off the site "
        "while its figures are checked again.'"
    )
    reason: Text = reader(
        description="Why, e.g. 'The council found that Stage 1 complaints were counted twice.'"
    )
    reviewed: ReviewMark | None = staff(
        None,
        description="Set by a person who checked this entry's text identifies nobody, when the "
        "validator flags it: the mark it prints.",
    )


class WithdrawalList(RootModel[tuple[Withdrawal, ...]]):
    model_config = {"frozen": True}
