"""data/sources.yml: the published documents every figure is traced to."""

from __future__ import annotations

from pydantic import Field, RootModel

from portal.models.common import ReviewMark, Slug, Strict, Text, Url


class SourceDocument(Strict):
    """A published document that figures are transcribed from."""

    id: Slug = Field(description="Short id used in every `source:` reference.")
    title: Text = Field(
        description="The document's title, as printed; shown in the list of sources."
    )
    publisher: Text = Field(
        description="Who published the document, e.g. 'Anytown Borough Council'."
    )
    file: Text | None = Field(None, description="The extracted text, in shared/seeds/.")
    url: Url | None = Field(
        None,
        description="The document's web address, starting https://, if it is online; shown as "
        "a link.",
    )
    published: Text | None = Field(None, description="Publication date as printed, if known.")
    note: Text | None = Field(
        None,
        description="What the document covers and anything to know when citing it, e.g. which "
        "earlier years it gives or which tables were lost when it was turned into text.",
    )
    reviewed: ReviewMark | None = Field(
        None,
        description="Set by a person who checked this entry's text identifies nobody, when the "
        "validator flags it: the mark it prints.",
    )


class SourceList(RootModel[tuple[SourceDocument, ...]]):
    model_config = {"frozen": True}
