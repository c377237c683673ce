"""Property: whatever staff do to the data, validation reports problems and never crashes.

Each example copies the valid minimal data, applies a few random mutations (YAML keys and
values changed, deleted or added; CSV cells edited; files truncated, filled with random bytes,
deleted or misnamed) and validates. Any exception fails the test: there is no `except` here.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.load import load
from portal.problems import Report
from tests.validation.helpers import MINIMAL, copy_minimal

YAML_FILES = sorted(str(p.relative_to(MINIMAL)) for p in MINIMAL.rglob("*.yml"))
CSV_FILES = sorted(str(p.relative_to(MINIMAL)) for p in MINIMAL.rglob("*.csv"))
ALL_FILES = sorted(str(p.relative_to(MINIMAL)) for p in MINIMAL.rglob("*") if p.is_file())

# Keys the models know, so inserted keys sometimes land on real fields with the wrong value.
KNOWN_KEYS = [
    "status",
    "period",
    "start",
    "end",
    "stages",
    "stage",
    "count",
    "label",
    "source",
    "id",
    "text",
    "printed",
    "numerator",
    "denominator",
    "discrepancy",
    "learning",
    "follows_up",
    "reviewed",
    "gaps",
    "table",
    "note",
    "placeholder",
    "teams",
    "aliases",
    "kind",
    "min_days",
    "max_days",
    "cumulative",
    "upheld",
    "services",
    "outcomes",
    "timeliness_bands",
    "figures",
    "value",
    "unit",
    "measure",
    "scrutiny",
    "items",
    "demographics_coverage",
    "covered",
    "timeline",
    "date",
    "payment_gbp",
    "findings",
    "remedies",
    "ombudsman",
    "revisions",
]
# Text staff might type, and text that has broken parsers before.
SEEDS = [
    "",
    " ",
    "0",
    "-3",
    "20.5",
    "1,020",
    "1e400",
    "NaN",
    "-0",
    "99999999999999999999999",
    "9" * 5000,
    "25%",
    "2023-04-01",
    "2023-13-45",
    "annual-2023-24 §3",
    "nobody §1",
    "§",
    "Upheld",
    "CLA",
    "Early Help",
    "Mr Smith",
    "a@b.co",
    "Q1",
    "complaint",
    "1",
    "2",
    "3",
    "ombudsman",
    "sha256:000000000000",
    "Discrepancy: x",
    "\n",
    "\r\n",
    "'",
    '"',
    "\t",
    ": ",
    "#",
    "- ",
    "[",
    "{",
    "*anchor",
    "&a",
    "!!python/object:os.system",
    "\x00",
    "\ufeff",
    "é",
    "1E-999999999",
    "0.0000001",
    "100.000000",
    "~",
    "null",
    "true",
    "yes",
    "---",
    "...",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(SEEDS),
    st.text(max_size=30),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=10)), inner, max_size=3
        ),
    ),
    max_leaves=6,
)
cell_text = st.one_of(st.sampled_from(SEEDS), st.text(max_size=20))


def _paths(node: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_paths(value, (*path, i)))
    return found


def _get(node: Any, path: tuple) -> Any:
    for part in path:
        node = node[part]
    return node


def mutate_yaml(draw: st.DrawFn, root: Path) -> None:
    path = root / draw(st.sampled_from(YAML_FILES))
    if not path.exists():
        return
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return  # an earlier mutation already broke it beyond structure
    where = draw(st.sampled_from(_paths(tree)))
    action = draw(st.sampled_from(["set", "delete", "insert"]))
    if not where:
        tree = draw(values) if action == "set" else tree
    else:
        parent, last = _get(tree, where[:-1]), where[-1]
        if action == "set":
            parent[last] = draw(values)
        elif action == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[draw(st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=10)))] = draw(
                values
            )
        else:
            parent.insert(last, draw(values))
    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")


def mutate_csv(draw: st.DrawFn, root: Path) -> None:
    path = root / draw(st.sampled_from(CSV_FILES))
    if not path.exists():
        return
    try:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    except (csv.Error, UnicodeDecodeError):
        return
    if not rows:
        return
    r = draw(st.integers(0, len(rows) - 1))
    action = draw(
        st.sampled_from(["cell", "cell", "cell", "add-cell", "drop-cell", "copy-row", "drop-row"])
    )
    row = rows[r]
    if action == "cell" and row:
        row[draw(st.integers(0, len(row) - 1))] = draw(cell_text)
    elif action == "add-cell":
        row.insert(draw(st.integers(0, len(row))), draw(cell_text))
    elif action == "drop-cell" and row:
        del row[draw(st.integers(0, len(row) - 1))]
    elif action == "copy-row":
        rows.append(list(row))
    elif action == "drop-row":
        del rows[r]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def mutate_bytes(draw: st.DrawFn, root: Path) -> None:
    name = draw(st.sampled_from(ALL_FILES))
    path = root / name
    action = draw(st.sampled_from(["truncate", "insert", "replace-line", "delete", "stray"]))
    if action == "stray":
        folder = root / draw(st.sampled_from(["", "2023-24", "2022-23"]))
        stray = draw(st.sampled_from(["outcome.csv", "2024-2025", "notes.txt", ".hidden", "x"]))
        if folder.is_dir() and not (folder / stray).exists():
            (folder / stray).write_bytes(draw(st.binary(max_size=20)))
        return
    if not path.exists():
        return
    content = path.read_bytes()
    if action == "truncate":
        content = content[: draw(st.integers(0, len(content)))]
    elif action == "insert":
        at = draw(st.integers(0, len(content)))
        content = content[:at] + draw(st.binary(min_size=1, max_size=8)) + content[at:]
    elif action == "replace-line":
        lines = content.split(b"\n")
        lines[draw(st.integers(0, len(lines) - 1))] = draw(cell_text).encode("utf-8", "replace")
        content = b"\n".join(lines)
    else:
        path.unlink()
        return
    path.write_bytes(content)


MUTATIONS = [mutate_yaml, mutate_yaml, mutate_csv, mutate_csv, mutate_bytes]


def check(root: Path) -> Report:
    dataset, report = load(root)
    assert isinstance(report, Report)
    # A dataset exactly when there are no errors: never a half-validated one.
    assert (dataset is None) == (not report.ok), [p.format() for p in report.errors]
    for problem in report:
        line = problem.format()
        assert "\n" not in line and "\r" not in line, line
        assert problem.file.startswith("data"), line
        assert problem.line is None or problem.line >= 1, line
        assert problem.github_annotation().count("\n") == 0
    return report


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_validate_never_crashes_on_mutated_data(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_minimal(Path(tmp))
        for _ in range(data.draw(st.integers(1, 3), label="mutations")):
            data.draw(st.sampled_from(MUTATIONS), label="mutation")(data.draw, root)
        check(root)


def test_the_unmutated_data_passes_the_same_checks(tmp_path: Path) -> None:
    assert check(copy_minimal(tmp_path)).ok
