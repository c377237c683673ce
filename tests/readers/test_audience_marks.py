"""Every model field says who it is for: readers or staff only (issue 13, item 6)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from pydantic import BaseModel

import portal.models
from portal.models.audience import AUDIENCES, audience_of, field_audiences, reader, staff
from portal.models.common import Strict


def _models() -> list[type[BaseModel]]:
    """Every model class defined in portal/models/, found by importing each module."""
    found: dict[str, type[BaseModel]] = {}
    for module in pkgutil.iter_modules(portal.models.__path__):
        loaded = importlib.import_module(f"portal.models.{module.name}")
        for value in vars(loaded).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == loaded.__name__
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


MODELS = _models()


def test_the_models_are_found() -> None:
    assert Strict in MODELS and len(MODELS) > 10


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__qualname__)
def test_every_field_is_marked_reader_or_staff(model: type[BaseModel]) -> None:
    unmarked = [
        name
        for name, field in model.model_fields.items()
        if name != "root" and audience_of(field) not in AUDIENCES
    ]
    assert not unmarked, (
        f"{model.__module__}.{model.__qualname__}: mark {', '.join(unmarked)} with reader(...) "
        "or staff(...) in place of Field(...)"
    )


def test_an_unmarked_field_is_reported() -> None:
    class Bare(Strict):
        seen: str = reader("x")
        hidden: str = staff("y")
        forgotten: str = "z"

    marks = {path: mark for path, _, mark in field_audiences(Bare)}
    assert marks == {"seen": "reader", "hidden": "staff", "forgotten": None}


def test_the_mark_reaches_the_json_schema() -> None:
    """The schema files (and the editors and dictionaries that read them) carry the mark."""
    schema = portal.models.YearReport.model_json_schema()
    assert schema["properties"]["status"]["audience"] == "staff"
    assert schema["properties"]["notes"]["audience"] == "reader"


# A source document's id is the reference the open data's source column uses: the list of
# sources shows it so a reader of the CSV can find the document.
CITATION_KEYS = {"SourceDocument.id"}


def test_ids_review_marks_and_file_names_are_staff_only() -> None:
    """The kinds the issue names as staff-only, wherever a model has them."""
    wrong = [
        f"{model.__qualname__}.{name}"
        for model in MODELS
        for name, field in model.model_fields.items()
        if name in ("id", "reviewed", "reviewed_texts", "file", "mark")
        and audience_of(field) != "staff"
        and f"{model.__qualname__}.{name}" not in CITATION_KEYS
    ]
    assert not wrong, f"should be staff-only: {', '.join(wrong)}"
