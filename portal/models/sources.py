"""data/sources.yml: the published documents every figure is traced to."""

from __future__ import annotations

from pydantic import Field, RootModel

from portal.models.common import Slug, Strict, Text


class SourceDocument(Strict):
    id: Slug = Field(description="Short id used in every `source:` reference.")
    title: Text
    publisher: Text
    file: Text | None = Field(None, description="The extracted text, in shared/seeds/.")
    url: Text | None = None
    published: Text | None = Field(None, description="Publication date as printed, if known.")
    note: Text | None = None


class SourceList(RootModel[tuple[SourceDocument, ...]]):
    model_config = {"frozen": True}
