"""The free-text fields of a model, derived from its annotations, and an instance filling them.

A field is free text when it holds a str with no pattern: a slug, a source reference or a
stage can only hold what its pattern allows, so personal data cannot be written there.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Literal, Union

from pydantic import BaseModel

from portal.screening import FieldPath

MARK_FIELDS = {"reviewed", "reviewed_texts"}
CLEAN = "Nothing here identifies anyone."


def text_fields(model: type[BaseModel], prefix: FieldPath = ()) -> Iterator[FieldPath]:
    """Every free-text field of the model, nested ones too; a list's first item stands for all."""
    for name, info in model.model_fields.items():
        if name not in MARK_FIELDS:
            yield from _walk(info.annotation, list(info.metadata), (*prefix, name))


def _walk(tp: object, metadata: list[object], path: FieldPath) -> Iterator[FieldPath]:
    origin = typing.get_origin(tp)
    if origin is Annotated:
        inner, *extra = typing.get_args(tp)
        yield from _walk(inner, metadata + extra, path)
    elif origin in (Union, types.UnionType):
        for arg in typing.get_args(tp):
            yield from _walk(arg, metadata, path)
    elif origin is tuple:
        yield from _walk(typing.get_args(tp)[0], [], (*path, 0))
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        yield from text_fields(tp, path)
    elif tp is str and not any(getattr(m, "pattern", None) for m in metadata):
        yield path


def example(model: type[BaseModel]) -> BaseModel:
    """An instance with every optional field set and one item in every list (not validated)."""
    return model.model_construct(
        **{
            name: _value(info.annotation)
            for name, info in model.model_fields.items()
            if name not in MARK_FIELDS  # left at their defaults: nothing reviewed
        }
    )


def _value(tp: object) -> object:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Annotated:
        return _value(args[0])
    if origin in (Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)))
    if origin is tuple:
        return (_value(args[0]),)
    if origin is Literal:
        return args[0]
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return example(tp)
    defaults = {str: CLEAN, int: 1, float: 1.0, bool: False, dt.date: dt.date(2023, 4, 1)}
    return defaults[tp]  # type: ignore[index]


def put(value: object, path: FieldPath, text: str) -> object:
    """value with the text at path."""
    if not path:
        return text
    head, rest = path[0], path[1:]
    if isinstance(value, tuple):
        items = list(value)
        items[int(head)] = put(items[int(head)], rest, text)
        return tuple(items)
    assert isinstance(value, BaseModel)
    return value.model_copy(update={str(head): put(getattr(value, str(head)), rest, text)})
