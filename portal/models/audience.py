"""Who each model field is for: readers (the public site and open data) or staff only.

Every field of every model carries one mark, set with `reader(...)` or `staff(...)` in place of
`Field(...)`:

- reader: the value, or what it decides, reaches readers: it is printed on a page (in plain
  words: a source reference becomes a readable citation) or kept in the open-data files.
- staff: ids, review marks, file names, transcription notes, draft settings. Never on an HTML
  page or in the search index.

The mark lives in the field's JSON schema (`"audience": "reader"`), so the data dictionary, the
schema files and the tests read it from the model; a field with no mark fails a test.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, Field, RootModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

Audience = Literal["reader", "staff"]
AUDIENCES: tuple[Audience, ...] = typing.get_args(Audience)
KEY = "audience"


def _marked(audience: Audience, default: Any, kwargs: dict[str, Any]) -> Any:
    extra = dict(kwargs.pop("json_schema_extra", None) or {})
    extra[KEY] = audience
    return Field(default, json_schema_extra=extra, **kwargs)


def reader(default: Any = PydanticUndefined, **kwargs: Any) -> Any:
    """`Field(...)` for a field readers see (on a page, or in the open data)."""
    return _marked("reader", default, kwargs)


def staff(default: Any = PydanticUndefined, **kwargs: Any) -> Any:
    """`Field(...)` for a field only staff see: never on an HTML page or in the search index."""
    return _marked("staff", default, kwargs)


def audience_of(field: FieldInfo) -> Audience | None:
    """The field's mark, or None when it has none (a test fails on None)."""
    extra = field.json_schema_extra
    value = extra.get(KEY) if isinstance(extra, dict) else None
    return value if value in AUDIENCES else None  # type: ignore[return-value]


def nested_models(annotation: Any) -> Iterator[type[BaseModel]]:
    """The models inside a field's type: through unions, tuples, lists and Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from nested_models(typing.get_args(annotation)[0])
        return
    if origin is typing.Union or origin is types.UnionType or origin in (tuple, list, dict):
        for argument in typing.get_args(annotation):
            yield from nested_models(argument)


def field_audiences(
    model: type[BaseModel], prefix: str = ""
) -> Iterator[tuple[str, FieldInfo, Audience | None]]:
    """Every field reachable from model, as (dotted path, field, mark), nested models included.

    A root model (a list file such as sources.yml) adds no name of its own. A model used in
    several places is listed under each; one that contains itself is not followed again.
    """

    def walk(
        current: type[BaseModel], path: str, above: tuple[type[BaseModel], ...]
    ) -> Iterator[tuple[str, FieldInfo, Audience | None]]:
        if current in above:
            return
        for name, field in current.model_fields.items():
            if issubclass(current, RootModel) and name == "root":
                for inner in nested_models(field.annotation):
                    yield from walk(inner, path, (*above, current))
                continue
            dotted = f"{path}.{name}" if path else name
            yield dotted, field, audience_of(field)
            for inner in nested_models(field.annotation):
                yield from walk(inner, dotted, (*above, current))

    yield from walk(model, prefix, ())
