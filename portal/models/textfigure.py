"""Figures a report prints only in its text ("6 were withdrawn"), kept so they reach the open
data with the rest."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from portal.models.common import Count, SourceRef, StageOrOmbudsman, Strict, Text, reader
from portal.tables import TABLES

TextTable = Literal.__getitem__(tuple(spec.name for spec in TABLES))
PrintedPercent = Annotated[
    str,
    StringConstraints(pattern=r"^\d+(\.\d+)?$"),
    Field(description="A percentage as printed, without the % sign, in quotes, e.g. '25.5'."),
]


class TextFigure(Strict):
    """An overall figure printed only in a sentence of the report, not in any table."""

    table: TextTable = reader(
        description="The table the figure belongs with, e.g. outcomes for '6 were withdrawn'; "
        "it decides the measure in the open data."
    )
    stage: StageOrOmbudsman | None = reader(
        None, description="The stage it is about: '1', '2' or '3' (in quotes), or ombudsman."
    )
    category: Text = reader(
        description="What the figure counts, in a few words, e.g. 'Withdrawn'; the category "
        "column of the open data."
    )
    count: Count | None = reader(None, description="The number, if the sentence gives one.")
    percent: PrintedPercent | None = reader(
        None, description="The percentage, if the sentence gives one, as printed."
    )
    base: Annotated[int, Field(gt=0, strict=True)] | None = reader(
        None, description="The number the percentage is of, if the report says."
    )
    text: Text = reader(description="The sentence as printed; shown on the year's page.")
    source: SourceRef = reader()
    note: Text | None = reader(
        None, description="Anything a reader needs to know about the figure, in plain words."
    )

    @model_validator(mode="after")
    def _a_figure(self) -> TextFigure:
        if self.count is None and self.percent is None:
            raise ValueError("give the count or the percentage the sentence prints")
        return self


class NotAvailable(Strict):
    """A chart or table the report published whose figures are not available to this site
    (for example a chart printed as a picture with no numbers): evidence for the coverage box."""

    table: TextTable = reader(
        description="The table its figures would fill, e.g. outcomes or demographics."
    )
    stage: StageOrOmbudsman | None = reader(
        None, description="The stage it is about, '1', '2' or '3' in quotes, if one."
    )
    what: Text = reader(
        description="What the report shows, for readers, e.g. 'a chart of Stage 1 outcomes'; "
        "shown in the 'What this report covers' box."
    )
    source: SourceRef = reader()
