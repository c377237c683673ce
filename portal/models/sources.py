"""data/sources.yml: the published documents every figure is traced to."""

from __future__ import annotations

from pydantic import RootModel

from portal.models.common import (
    ReviewMark,
    Slug,
    Strict,
    Text,
    Url,
    reader,
    staff,
)


class SourceDocument(Strict):
    """A published document that figures are transcribed from."""

    # Readers see it too: it is how the open data's source column names the document.
    id: Slug = reader(
        description="Short id used in every `source:` reference; shown in the list of "
        "sources as the reference the open data uses."
    )
    title: Text = reader(
        description="The document's title, as printed; shown in the list of sources."
    )
    publisher: Text = reader(
        description="Who published the document, e.g. 'Anytown Borough Council'."
    )
    file: Text | None = staff(None, description="The extracted text, in shared/seeds/.")
    url: Url | None = reader(
        None,
        description="The document's web address, starting https://, if it is online; shown as "
        "a link.",
    )
    published: Text | None = reader(None, description="Publication date as printed, if known.")
    note: Text | None = reader(
        None,
        description="What the document covers and anything to know when citing it, e.g. which "
        "earlier years it gives or which tables were lost when it was turned into text.",
    )
    reviewed: ReviewMark | None = staff(
        None,
        description="Set by a person who checked this entry's text identifies nobody, when the "
        "validator flags it: the mark it prints.",
    )


class SourceList(RootModel[tuple[SourceDocument, ...]]):
    model_config = {"frozen": True}
