"""Issue 12 item 11: nothing the package ships speaks of one council.

Every file of the code, the pages, the templates and the generated schema is read, not a
chosen few: a council's name may appear only in its own data folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.models import Council, SourceList, Vocabulary, YearReport

ROOT = Path(__file__).resolve().parents[2]
# What ships to every council: code, the site's pages and templates, the generated schema.
SHIPPED = ("portal", "macros", "charts", "overrides", "docs", "data/schema")
SUFFIXES = {".py", ".md", ".html", ".json", ".yml", ".yaml", ".csv", ".js", ".css", ".txt"}


def shipped_files() -> list[Path]:
    return sorted(
        path
        for folder in SHIPPED
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in path.parts
    )


def test_there_are_files_to_read() -> None:
    names = {p.relative_to(ROOT).parts[0] for p in shipped_files()}
    assert {"portal", "docs", "data"} <= names


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_camden_in_what_ships(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace").lower()
    assert "camden" not in text


@pytest.mark.parametrize("model", [Council, SourceList, Vocabulary, YearReport])
def test_model_descriptions_are_neutral(model) -> None:
    assert "camden" not in str(model.model_json_schema()).lower()
