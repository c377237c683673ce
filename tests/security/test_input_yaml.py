"""YAML: numbers and booleans as YAML 1.2 reads them, or refused; no anchors, no deep nesting.

PyYAML reads YAML 1.1, where `count: 010` is 8, `1:30` is 90 and `no` is false: each form
YAML 1.1 reads as a number or a boolean and YAML 1.2 does not is reported at its file, line
and key, saying what to write; anchors, aliases, tags and nesting beyond MAX_DEPTH are
refused before anything is built. Every YAML data file is covered (listed from the fixture).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from portal.cli import EXIT_INVALID, main
from portal.yamlfile import MAX_DEPTH, YamlSyntaxError, load_yaml
from tests.validation.helpers import MINIMAL, DataFolder, copy_minimal, find

REPORT = "2023-24/report.yml"
YAML_FILES = sorted(str(p.relative_to(MINIMAL)) for p in MINIMAL.rglob("*.yml"))

# Every plain form YAML 1.1 reads as a number or boolean, and YAML 1.2 core does not;
# (text, words the message must hold).
YAML_1_1_ONLY = [
    ("010", ("can't start with 0", "write 10", "quotes")),
    ("05400", ("can't start with 0", "write 5400")),
    ("-07", ("write -7",)),
    ("00.5", ("write 0.5",)),
    ("1:30", ("minutes and seconds", "quotes")),
    ("190:20:30", ("minutes and seconds",)),
    ("0x1F", ("ordinary digits",)),
    ("0o17", ("ordinary digits",)),
    ("0b101", ("ordinary digits",)),
    ("1_000", ("without '_'",)),
    ("1_000.5", ("without '_'",)),
    *[
        (word, ("true or false", "empty", "quotes"))
        for base in ("y", "n", "yes", "no", "on", "off")
        for word in sorted({base, base.capitalize(), base.upper()})
    ],
]

# What YAML 1.2's core schema reads them as.
YAML_1_2 = [
    ("10", 10),
    ("0", 0),
    ("-3", -3),
    ("+4", 4),
    ("0.5", 0.5),
    ("2.5", 2.5),
    ("true", True),
    ("False", False),
    ("TRUE", True),
    ("~", None),
    ("null", None),
    ("", None),
    ("'010'", "010"),
    ('"no"', "no"),
    ("2023-04-01", "2023-04-01"),  # dates stay text: the models decide
    ("tRUE", "tRUE"),
]


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    return DataFolder(copy_minimal(tmp_path))


def load(tmp_path: Path, text: str):
    path = tmp_path / "file.yml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path)


@pytest.mark.parametrize(("text", "words"), YAML_1_1_ONLY)
def test_a_yaml_1_1_number_or_boolean_is_kept_as_typed_and_reported(
    tmp_path: Path, text: str, words: tuple[str, ...]
) -> None:
    loaded = load(tmp_path, f"a:\n  value: {text}\n")
    assert loaded.data == {"a": {"value": text}}  # never a number or a boolean
    [(loc, line, typed, message)] = loaded.ambiguous
    assert (loc, line, typed) == (("a", "value"), 2, text)
    assert all(w in message for w in words), message


@pytest.mark.parametrize(("text", "value"), YAML_1_2)
def test_yaml_1_2_core_values_are_read_as_yaml_1_2_reads_them(
    tmp_path: Path, text: str, value: object
) -> None:
    loaded = load(tmp_path, f"value: {text}\n")
    assert loaded.data == {"value": value}
    assert type(loaded.data["value"]) is type(value)
    assert loaded.ambiguous == ()


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("count: 20", "count: 010", "stages.0.count", ("can't start with 0", "write 10")),
        ("count: 20", "count: 05400", "stages.0.count", ("write 5400",)),
        ("count: 20", "count: 1:30", "stages.0.count", ("minutes and seconds",)),
        ("count: 20", "count: no", "stages.0.count", ("true or false", "empty")),
        ("label: Stage 1 complaints", "label: yes", "stages.0.label", ("quotes",)),
    ],
)
def test_the_issue_cases_are_refused_at_file_line_and_field(
    data: DataFolder, old: str, new: str, field: str, words: tuple[str, ...]
) -> None:
    data.replace(REPORT, old, new)
    report = data.validate()
    problem = find(report, REPORT, data.line_number(REPORT, new), field, *words)
    assert problem.value == new.split(": ")[1]
    assert len(report.errors) == 1, report.errors  # the model does not report it again


def test_a_quoted_value_is_the_text_typed(data: DataFolder) -> None:
    data.replace(REPORT, "label: Stage 1 complaints", 'label: "no"')
    assert data.validate().ok


@pytest.mark.parametrize("name", YAML_FILES)
def test_anchors_are_refused_in_every_yaml_file(data: DataFolder, name: str) -> None:
    data.write(name, "&whole\n" + data.read(name))
    find(data.validate(), name, 1, "(file)", "anchors (&name) and aliases (*name)")


def test_an_alias_is_refused_at_its_line_and_key(data: DataFolder) -> None:
    data.append(REPORT, "notes:\n  - &note A note\n  - *note\n")
    find(data.validate(), REPORT, data.line_number(REPORT, "&note"), "notes.0", "anchors")


def test_a_long_string_aliased_a_thousand_times_is_refused_quickly(
    data: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    big = "x" * 1_000_000
    aliases = "".join("  - *big\n" for _ in range(1000))
    data.append(REPORT, f"notes:\n  - &big {big}\n{aliases}")
    started = time.perf_counter()
    code = main(["validate", "--data", str(data.root)])
    assert time.perf_counter() - started < 5
    assert code == EXIT_INVALID
    out = capsys.readouterr().out
    assert "anchors (&name) and aliases (*name) are not used" in out
    assert big[:100] not in out


def test_an_alias_in_a_flow_list_is_refused(tmp_path: Path) -> None:
    with pytest.raises(YamlSyntaxError, match="anchors") as caught:
        load(tmp_path, "a: &x 1\nb: [*x, *x]\n")
    assert caught.value.line == 1


@pytest.mark.parametrize("text", ["a: !!int 010\n", "a: !!float 1:30\n", "a: !custom x\n"])
def test_tags_are_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(YamlSyntaxError, match="tags") as caught:
        load(tmp_path, text)
    assert (caught.value.line, caught.value.field) == (1, "a")


def test_nesting_up_to_the_limit_is_read_and_one_more_level_refused(tmp_path: Path) -> None:
    # The top-level mapping is level 0; `a`'s value level 1; the innermost value level MAX_DEPTH.
    depth = MAX_DEPTH - 1
    assert load(tmp_path, "a: " + "[" * depth + "1" + "]" * depth + "\n").data is not None
    depth = MAX_DEPTH
    with pytest.raises(YamlSyntaxError, match="nested more than"):
        load(tmp_path, "a: " + "[" * depth + "1" + "]" * depth + "\n")


@pytest.mark.parametrize("style", ["block", "flow"])
def test_a_thousand_levels_of_nesting_is_a_clean_refusal(
    data: DataFolder, capsys: pytest.CaptureFixture[str], style: str
) -> None:
    if style == "block":
        deep = "".join("  " * i + f"k{i}:\n" for i in range(1000))
    else:
        deep = "deep: " + "[" * 1000 + "]" * 1000 + "\n"
    data.append(REPORT, deep)
    code = main(["validate", "--data", str(data.root)])
    out, err = capsys.readouterr()
    assert code == EXIT_INVALID
    assert "Traceback" not in out + err and "RecursionError" not in out + err
    first = data.line_number(REPORT, "k0:" if style == "block" else "deep:")
    line = first + MAX_DEPTH if style == "block" else first
    problem = find(data.validate(), REPORT, line, _deep_field(style), "nested more than")
    assert str(MAX_DEPTH) in problem.message


def _deep_field(style: str) -> str:
    if style == "block":
        return ".".join(f"k{i}" for i in range(MAX_DEPTH))
    return ".".join(["deep", *["0"] * MAX_DEPTH])


def test_a_thousand_levels_never_print_a_traceback_from_the_command(data: DataFolder) -> None:
    data.append(REPORT, "".join("  " * i + f"k{i}:\n" for i in range(1000)))
    done = subprocess.run(
        [sys.executable, "-m", "portal.cli", "validate", "--data", str(data.root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == EXIT_INVALID
    assert "Traceback" not in done.stdout + done.stderr


def test_a_complex_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(YamlSyntaxError, match="plain word"):
        load(tmp_path, "? [a, b]\n: 1\n")


def test_line_numbers_are_kept_for_every_key(tmp_path: Path) -> None:
    loaded = load(tmp_path, "a:\n  b: 1\n  c:\n    - d: 2\n      e: 010\n")
    assert loaded.lines == {
        (): 1,
        ("a",): 1,
        ("a", "b"): 2,
        ("a", "c"): 3,
        ("a", "c", 0): 4,
        ("a", "c", 0, "d"): 4,
        ("a", "c", 0, "e"): 5,
    }
