"""YAML loading: every key's line is remembered, so problems point at the line to edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.yamlfile import YamlSyntaxError, load_yaml

DOCUMENT = """\
# A comment and a blank line do not shift the numbering.

status: draft
period:
  start: 2023-04-01
  end: 2024-03-31
stages:
  - stage: "1"
    count: 20

  - stage: "2"
    count: 4
    label: >
      folded text
      over two lines
notes: [one, two]
inline: {a: 1, b: 2}
"""


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "report.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        ((), 3),
        (("status",), 3),
        (("period",), 4),
        (("period", "start"), 5),
        (("period", "end"), 6),
        (("stages",), 7),
        (("stages", 0), 8),
        (("stages", 0, "count"), 9),
        (("stages", 1), 11),
        (("stages", 1, "stage"), 11),
        (("stages", 1, "label"), 13),
        (("notes",), 16),
        (("notes", 1), 16),
        (("inline", "b"), 17),
    ],
)
def test_line_of_every_key_and_item(tmp_path: Path, loc: tuple, line: int) -> None:
    assert load_yaml(write(tmp_path, DOCUMENT)).line_of(loc) == line


def test_line_of_a_missing_key_is_its_nearest_parent(tmp_path: Path) -> None:
    loaded = load_yaml(write(tmp_path, DOCUMENT))
    assert loaded.line_of(("stages", 1, "source")) == 11
    assert loaded.line_of(("stages", 5, "count")) == 7
    assert loaded.line_of(("nothing", "here")) == 3


def test_dates_stay_text_so_the_models_decide(tmp_path: Path) -> None:
    loaded = load_yaml(write(tmp_path, DOCUMENT))
    assert loaded.data["period"] == {"start": "2023-04-01", "end": "2024-03-31"}
    assert loaded.data["stages"][1]["label"] == "folded text over two lines\n"


def test_a_byte_order_mark_does_not_shift_lines(tmp_path: Path) -> None:
    loaded = load_yaml(write(tmp_path, "\ufeffstatus: draft\nperiod: x\n"))
    assert loaded.data == {"status": "draft", "period": "x"}
    assert loaded.line_of(("period",)) == 2


def test_duplicate_keys_are_remembered_with_the_line_of_the_repeat(tmp_path: Path) -> None:
    text = "stages:\n  - stage: '1'\n    count: 3\n    count: 4\nstatus: draft\nstatus: x\n"
    loaded = load_yaml(write(tmp_path, text))
    assert loaded.duplicates == ((("stages", 0, "count"), 4), (("status",), 6))
    # The line kept for the key is the first one.
    assert loaded.line_of(("stages", 0, "count")) == 3


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("status: draft\nlabel: requests: for Stage 2\n", 2),
        ("a:\n  b: 1\n\tc: 2\n", 3),
        ("a: 'unclosed\nb: 2\n", 3),
        ("- a\nb: 1\n", 2),
    ],
)
def test_syntax_errors_name_a_line(tmp_path: Path, text: str, line: int) -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml(write(tmp_path, text))
    assert caught.value.line == line
    assert str(caught.value).startswith("not valid YAML: ")


def test_unreadable_values_are_a_syntax_error_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(YamlSyntaxError, match="number is far too long"):
        load_yaml(write(tmp_path, "count: " + "9" * 5000 + "\n"))
    with pytest.raises(YamlSyntaxError):
        load_yaml(write(tmp_path, "a: !!python/object/apply:os.system ['true']\n"))
    with pytest.raises(YamlSyntaxError):
        load_yaml(write(tmp_path, "a: 1\n---\nb: 2\n"))


def test_non_utf8_is_left_to_the_caller(tmp_path: Path) -> None:
    with pytest.raises(UnicodeDecodeError):
        load_yaml(write(tmp_path, "fee: \xa3480\n".encode("cp1252")))


def test_an_empty_file_has_no_data_and_no_lines(tmp_path: Path) -> None:
    loaded = load_yaml(write(tmp_path, "# only a comment\n"))
    assert loaded.data is None
    assert loaded.line_of(("status",)) is None


def test_an_alias_that_contains_itself_is_refused_at_its_anchor(tmp_path: Path) -> None:
    with pytest.raises(YamlSyntaxError, match="anchors") as caught:
        load_yaml(write(tmp_path, "a: &x [1, *x]\nb: *x\n"))
    assert (caught.value.line, caught.value.field) == (1, "a")
