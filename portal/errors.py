"""Turning pydantic's errors into one plain-English line each."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Collection
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError

from portal.problems import Report
from portal.yamlfile import LoadedYaml

_MESSAGES = {
    "missing": "this key is required but missing",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "int_parsing": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "string_type": "expected text (put numbers and dates in quotes)",
    "date_type": "expected a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "expected a date written as YYYY-MM-DD",
    "date_parsing": "expected a date written as YYYY-MM-DD",
    "tuple_type": "expected a list (each item on its own line starting with '- ')",
    "model_type": "expected a set of 'key: value' lines",
    "model_attributes_type": "expected a set of 'key: value' lines",
    "dict_type": "expected a set of 'key: value' lines",
    "string_too_short": "must not be empty",
}


def add_validation_errors(
    exc: ValidationError,
    model: type[BaseModel],
    shown: str,
    loaded: LoadedYaml,
    report: Report,
    skip: Collection[tuple[str | int, ...]] = (),
) -> None:
    """One line per error, except at the paths in skip (already reported another way)."""
    for error in exc.errors():
        if _other_branch(error, loaded.data):
            continue
        loc = _clean_loc(error["loc"], error["type"])
        if loc in skip:
            continue
        field = ".".join(str(part) for part in loc) or "(file)"
        value = error.get("input") if error["type"] != "missing" else None
        if isinstance(value, dict | list):
            value = None
        line = loaded.line_of(loc)
        if error["type"] == "invalid_key" and loc:
            # YAML keys are remembered as written: `1:` is the key '1'.
            line = loaded.lines.get((*loc[:-1], str(loc[-1])), line)
        report.add(shown, line, field, value, _message(error, model, loc))


# Errors whose last path part is a key as the user typed it (which may look like anything).
_USER_KEY = {"extra_forbidden", "invalid_key"}
_SCALAR_TAGS = {"str", "int", "float", "bool", "bytes", "none"}


def _is_tag(part: object) -> bool:
    """Unions add the member's name to the path ('constrained-str', 'Placeholder'): not a key."""
    return isinstance(part, str) and (
        part[:1].isupper() or part in _SCALAR_TAGS or not part.isidentifier()
    )


def _clean_loc(loc: tuple[Any, ...], kind: str) -> tuple[str | int, ...]:
    body, last = (loc[:-1], loc[-1:]) if kind in _USER_KEY and loc else (loc, ())
    return tuple(part for part in body if not _is_tag(part)) + tuple(last)


def _other_branch(error: dict[str, Any], data: Any) -> bool:
    """An error from the member of a union (text, or a placeholder) the user did not write.

    Pydantic reports why each member failed; only the member matching what was written
    (a set of 'key: value' lines, or a plain value) says anything useful.
    """
    loc = error["loc"]
    searched = loc[:-1] if error["type"] in _USER_KEY else loc
    tag_at = next((i for i, part in enumerate(searched) if _is_tag(part)), None)
    if tag_at is None:
        return False
    written = data
    for part in loc[:tag_at]:
        found = (isinstance(written, dict) and part in written) or (
            isinstance(written, list) and isinstance(part, int) and 0 <= part < len(written)
        )
        if not found:
            return False
        written = written[part]
    model_branch = loc[tag_at][:1].isupper()
    return isinstance(written, dict) != model_branch


def _message(error: dict[str, Any], model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    kind = error["type"]
    if kind in _USER_KEY:
        allowed = _allowed_keys(model, loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" Did you mean '{guess[0]}'?" if guess else ""
        return f"unknown key.{hint} Allowed here: {', '.join(allowed)}"
    if kind == "greater_than_equal" and error.get("ctx", {}).get("ge") == 0:
        return "a count cannot be negative"
    if kind == "literal_error":
        return f"expected {error['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        described = _description(model, loc)
        return f"not in the expected form: {described}" if described else error["msg"]
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    written = error.get("input")
    if kind in {"int_type", "int_parsing"} and isinstance(written, str):
        if re.fullmatch(r"\s*-?\d{1,3}(,\d{3})+\s*", written):
            return "write the number without commas"
        if re.fullmatch(r"\s*-?\d+\s*", written):
            return "expected a whole number: remove the quotes"
    return _MESSAGES.get(kind, error["msg"][:1].lower() + error["msg"][1:])


def _field_model(model: Any, loc: tuple[str | int, ...]) -> Any:
    """The model class (or annotation) found by walking loc through the fields."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = field.annotation
    return _unwrap(current)


def _unwrap(annotation: Any) -> Any:
    """Reach the model inside tuple[...], X | None and X | Placeholder."""
    while True:
        if isinstance(annotation, type) and issubclass(annotation, RootModel):
            annotation = annotation.model_fields["root"].annotation
            continue
        args = typing.get_args(annotation)
        if not args:
            return annotation
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if typing.get_origin(annotation) is tuple:
            annotation = args[0]
        elif models:
            annotation = models[0]
        elif typing.get_origin(annotation) is typing.Annotated:
            annotation = args[0]
        else:
            return annotation


def _allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    found = _field_model(model, loc)
    if isinstance(found, type) and issubclass(found, BaseModel):
        return list(found.model_fields)
    return []


def _description(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    parent = _field_model(model, loc[:-1])
    if isinstance(parent, type) and issubclass(parent, BaseModel) and isinstance(loc[-1], str):
        field = parent.model_fields.get(loc[-1])
        if field is not None:
            if field.description:
                return field.description
            for meta in typing.get_args(field.annotation):
                description = getattr(getattr(meta, "__metadata__", None), "description", None)
                if description:
                    return description
    return None
