"""The text and link fields of every data model, found by walking the models themselves.

Tests that must cover "every text field" or "every URL field" take their lists from here, so
a field added to a model is covered without editing a test.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import AfterValidator, BaseModel, RootModel
from pydantic.fields import FieldInfo

from portal.models import Council, SourceList, Vocabulary, YearReport
from portal.models.common import Placeholder, check_url

# Each data file and the model that reads it.
FILE_MODELS: dict[str, type[BaseModel]] = {
    "council.yml": Council,
    "sources.yml": SourceList,
    "vocabularies.yml": Vocabulary,
    "report.yml": YearReport,
}


@dataclass(frozen=True)
class Leaf:
    """One field of one model: `kind` is text (free text), url, texts (a list of free text),
    model, models (a list of models) or other (numbers, dates, ids, fixed words)."""

    model: type[BaseModel]
    name: str
    kind: str
    target: type[BaseModel] | None = None  # the model inside, for model/models

    @property
    def key(self) -> str:
        return f"{self.model.__name__}.{self.name}"


def _members(annotation: Any) -> list[Any]:
    """The types a field accepts, without None and placeholders."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [m for arg in typing.get_args(annotation) for m in _members(arg)]
    else:
        found = [annotation]
    return [m for m in found if m is not type(None) and m is not Placeholder]


def _metadata(annotation: Any) -> tuple[Any, list[Any]]:
    if typing.get_origin(annotation) is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        return base, meta
    return annotation, []


def _string_kind(meta: list[Any]) -> str:
    if any(isinstance(m, AfterValidator) and m.func is check_url for m in meta):
        return "url"
    if any(isinstance(m, AfterValidator) for m in meta):
        return "other"
    if any(getattr(m, "pattern", None) for m in meta):
        return "other"
    return "text"


def _classify(annotation: Any, meta: list[Any]) -> tuple[str, type[BaseModel] | None]:
    members = _members(annotation)
    if len(members) != 1:
        return "other", None
    base, more = _metadata(members[0])
    meta = [*meta, *more]
    if base is str:
        return _string_kind(meta), None
    if isinstance(base, type) and issubclass(base, BaseModel):
        return "model", base
    if typing.get_origin(base) is tuple:
        inner, _ = typing.get_args(base)
        kind, target = _classify(inner, [])
        if kind == "text":
            return "texts", None
        if kind == "model":
            return "models", target
    return "other", None


def leaf(model: type[BaseModel], name: str, field: FieldInfo) -> Leaf:
    kind, target = _classify(field.annotation, list(field.metadata))
    return Leaf(model, name, kind, target)


def fields(model: type[BaseModel]) -> list[Leaf]:
    if issubclass(model, RootModel):
        return [leaf(model, "root", model.model_fields["root"])]
    return [leaf(model, name, field) for name, field in model.model_fields.items()]


def every_leaf() -> Iterator[Leaf]:
    """Every field of every model reachable from the data files, each model once."""
    seen: set[type[BaseModel]] = set()
    todo = list(FILE_MODELS.values())
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for found in fields(model):
            yield found
            if found.target is not None:
                todo.append(found.target)


def text_leaves() -> set[str]:
    return {f.key for f in every_leaf() if f.kind in ("text", "texts")}


def url_leaves() -> set[str]:
    return {f.key for f in every_leaf() if f.kind == "url"}
