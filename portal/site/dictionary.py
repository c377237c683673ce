"""The data dictionary, generated from the models and table specs so it cannot drift."""

from __future__ import annotations

import typing

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from portal.models import Council, SourceDocument, Vocabulary, YearReport
from portal.models.audience import audience_of
from portal.render.html import block, markup_table, tag, text
from portal.site.downloads import COLUMN_MEANINGS, FORMULA_STARTS
from portal.tables import TABLES, VALUE_DESCRIPTIONS, TableSpec

# From the mark on each model field (portal/models/audience.py).
AUDIENCE_WORDS = {"reader": "readers", "staff": "staff only", None: "not marked"}
HEADERS = {
    first: [(first, None), ("Required", None), ("Meaning", None)] for first in ("Key", "Column")
}


# How the open-data rule's characters are named for readers.
_CHARACTER_NAMES = {"\t": "a tab", "\r": "a carriage return"}


def csv_format() -> str:
    """What readers of the CSV files need to know: the encoding, and the one change made to
    text cells (portal.site.downloads.neutralise), named from the code so it cannot drift."""
    names = [
        tag("code", text(c)) if c not in _CHARACTER_NAMES else _CHARACTER_NAMES[c]
        for c in FORMULA_STARTS
    ]
    starts = ", ".join(names[:-1]) + " or " + names[-1]
    apostrophe = tag("code", text("'"))
    return block(
        tag(
            "p",
            "The files are CSV, in UTF-8 with a byte order mark, so Excel shows every "
            "character correctly when you double-click one.",
        ),
        tag(
            "p",
            f"A text cell that starts with {starts} has an apostrophe ({apostrophe}) "
            "added in front. This stops a spreadsheet from running it as a formula. The rest "
            "of the cell is exactly as published. Numbers are never changed.",
        ),
    )


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str, str]]:
    return [(path, required, meaning) for path, required, meaning, _ in _walk(model, prefix)]


def _walk(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str, str, str]]:
    """(path, required, meaning, who sees it) for every field, nested ones included."""
    found = []
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        nested = _nested_model(field.annotation)
        kind = "list of" if typing.get_origin(field.annotation) is tuple else ""
        # An alias's description (SourceRef, ReviewMark...) stays inside `X | None`.
        aliased = (
            meta.description
            for arg in (field.annotation, *typing.get_args(field.annotation))
            for meta in getattr(arg, "__metadata__", ())
            if isinstance(meta, FieldInfo) and meta.description
        )
        description = field.description or next(aliased, "")
        required = "required" if field.is_required() else "optional"
        found.append((path, required, description, AUDIENCE_WORDS[audience_of(field)]))
        if nested is not None and nested not in (model,):
            found.extend(_walk(nested, f"{path}{'[]' if kind else ''}."))
    return found


def _nested_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _nested_model(arg)
        if inner is not None and inner.__name__ != "Placeholder":
            return inner
    return None


def _model_table(title: str, model: type[BaseModel], anchor: str) -> str:
    rows = [
        tag(
            "tr",
            block(
                tag("th", tag("code", text(path)), scope="row"),
                tag("td", text(req)),
                tag("td", text(desc)),
                tag("td", text(who)),
            ),
        )
        for path, req, desc, who in _walk(model)
    ]
    return markup_table(title, anchor, [*HEADERS["Key"], ("Who sees it", None)], rows)


def _csv_table(spec: TableSpec) -> str:
    rows = [
        tag(
            "tr",
            block(
                tag("th", tag("code", text(k.name)), scope="row"),
                tag("td", "required" if k.required else "optional"),
                tag("td", text(k.description)),
            ),
        )
        for k in spec.keys
    ]
    rows += [
        tag(
            "tr",
            block(
                tag("th", tag("code", name), scope="row"),
                tag("td", "required" if name == "source" else "optional"),
                tag("td", text(desc)),
            ),
        )
        for name, desc in VALUE_DESCRIPTIONS.items()
    ]
    caption = f"{spec.file}: {spec.description}"
    return markup_table(caption, f"dictionary-{spec.name}", HEADERS["Column"], rows)


def data_dictionary() -> str:
    parts = [
        "### Year files: report.yml\n",
        _model_table("report.yml (one per year folder)", YearReport, "dictionary-report"),
        "### Breakdown tables (CSV, one per year folder)\n",
        *(_csv_table(spec) for spec in TABLES),
        "### Shared files\n",
        _model_table("council.yml", Council, "dictionary-council"),
        _model_table("vocabularies.yml", Vocabulary, "dictionary-vocabularies"),
        _model_table("sources.yml (a list of documents)", SourceDocument, "dictionary-sources"),
        "### The published CSV files\n",
        csv_format(),
    ]
    return "\n\n".join(parts)


def tidy_columns() -> str:
    rows = [
        tag("tr", block(tag("th", tag("code", name), scope="row"), tag("td", text(desc))))
        for name, desc in COLUMN_MEANINGS.items()
    ]
    headers = [("Column", None), ("Meaning", None)]
    table = markup_table("Columns of complaints.csv", "tidy-columns", headers, rows)
    return block(csv_format(), table)
