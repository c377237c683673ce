"""Put a unique marker in every free-text field of a data folder, guided by the models."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel

from portal.models import SourceDocument, YearReport
from portal.models.audience import audience_of, nested_models
from portal.models.common import Placeholder


@dataclass(frozen=True)
class Marker:
    word: str
    path: str  # e.g. 2023-24/report.yml learning.text
    audience: str


def _is_free_text(annotation: object) -> bool:
    """A plain string field (Text, Text | None, a tuple of Text) with no pattern to obey."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is tuple:
        return _is_free_text(args[0]) if args else False
    if typing.get_origin(annotation) is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        patterned = any(getattr(m, "pattern", None) for m in meta)
        return base is str and not patterned and not any(callable(m) for m in meta)
    if args and typing.get_origin(annotation) in (typing.Union, type(int | None)):
        return any(_is_free_text(a) for a in args if a is not Placeholder)
    return annotation is str


def _patterned(metadata: list[object]) -> bool:
    return any(getattr(m, "pattern", None) or callable(m) for m in metadata)


class Marking:
    def __init__(self) -> None:
        self.markers: list[Marker] = []
        self.ids: dict[str, str] = {}

    def word(self, path: str, audience: str) -> str:
        word = f"zq{audience[0]}{len(self.markers):04d}mark"
        self.markers.append(Marker(word, path, audience))
        return word

    def walk(self, data: object, model: type[BaseModel], path: str) -> object:
        if isinstance(data, list):
            return [self.walk(item, model, path) for item in data]
        if not isinstance(data, dict):
            return data
        out = dict(data)
        for name, field in model.model_fields.items():
            value = data.get(name)
            if value is None:
                continue
            where = f"{path}.{name}" if path else name
            audience = audience_of(field) or "unmarked"
            free = _is_free_text(field.annotation) and not _patterned(field.metadata)
            if name == "id" and audience == "staff" and isinstance(value, str):
                # A marker is a valid id too; references to the id follow it.
                out[name] = self.ids[value] = self.word(where, audience)
            elif name == "follows_up" and isinstance(value, list):
                out[name] = [self.ids.get(v, v) for v in value]
            elif free and isinstance(value, str):
                out[name] = self.word(where, audience)
            elif free and isinstance(value, list):
                out[name] = [self.word(where, audience) for v in value if isinstance(v, str)]
            else:
                for inner in nested_models(field.annotation):
                    if inner is not Placeholder:
                        out[name] = self.walk(value, inner, where)
                        break
        return out


def mark_folder(folder: Path) -> list[Marker]:
    """Rewrite folder's report.yml files and sources.yml with a marker in every text field."""
    marking = Marking()
    for report in sorted(folder.glob("*/report.yml")):
        data = yaml.safe_load(report.read_text(encoding="utf-8"))
        marked = marking.walk(data, YearReport, f"{report.parent.name}/report.yml ")
        report.write_text(yaml.safe_dump(marked, allow_unicode=True, sort_keys=False))
    sources = folder / "sources.yml"
    data = yaml.safe_load(sources.read_text(encoding="utf-8"))
    sources.write_text(
        yaml.safe_dump(
            marking.walk(data, SourceDocument, "sources.yml "), allow_unicode=True, sort_keys=False
        )
    )
    return marking.markers
