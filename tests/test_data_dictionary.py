"""The data dictionary on the About page leaves nothing blank and misses no CSV column."""

from __future__ import annotations

import re
from html import unescape

import pytest
from pydantic import BaseModel

from portal.models import Council, SourceDocument, Vocabulary, YearReport
from portal.site.dictionary import _fields, data_dictionary
from portal.tables import TABLES, TableSpec

MODELS = (Council, Vocabulary, YearReport, SourceDocument)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_has_a_description(model: type[BaseModel]) -> None:
    fields = _fields(model)
    assert fields, f"{model.__name__} has no fields"
    blank = [path for path, _, description in fields if not description.strip()]
    assert not blank, f"{model.__name__}: no description for {', '.join(blank)}"


def test_an_optional_alias_field_shows_the_alias_description() -> None:
    """`SourceRef | None`, `ReviewMark | None`: the description is inside the alias."""
    found = {path: description for path, _, description in _fields(YearReport)}
    assert "sha256:" in found["learning[].reviewed"]
    assert "§" in found["ombudsman.source"]


@pytest.fixture(scope="module")
def dictionary() -> str:
    return data_dictionary()


def _codes(html: str) -> set[str]:
    """The names in the dictionary's first column, as a reader sees them."""
    return {unescape(code) for code in re.findall(r"<code>([^<]*)</code>", html)}


def _table(dictionary: str, anchor: str) -> str:
    match = re.search(rf'aria-labelledby="{anchor}".*?</table>', dictionary, re.S)
    assert match, f"the dictionary has no table {anchor}"
    return match.group(0)


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_the_dictionary_lists_every_csv_column(dictionary: str, spec: TableSpec) -> None:
    table = _table(dictionary, f"dictionary-{spec.name}")
    assert spec.file in unescape(table)
    missing = [column for column in spec.columns if column not in _codes(table)]
    assert not missing, f"{spec.file}: the dictionary does not list {', '.join(missing)}"


@pytest.mark.parametrize(
    ("anchor", "model"),
    [
        ("dictionary-report", YearReport),
        ("dictionary-council", Council),
        ("dictionary-vocabularies", Vocabulary),
        ("dictionary-sources", SourceDocument),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_the_dictionary_lists_every_field_of_every_model(
    dictionary: str, anchor: str, model: type[BaseModel]
) -> None:
    listed = _codes(_table(dictionary, anchor))
    missing = [path for path, _, _ in _fields(model) if path not in listed]
    assert not missing, f"{anchor}: the dictionary does not list {', '.join(missing)}"


def test_no_meaning_cell_is_blank(dictionary: str) -> None:
    assert not re.search(r"<td>\s*</td>", dictionary)
