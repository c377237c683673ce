"""`portal validate`: exit codes, every problem in one run, and GitHub Actions annotations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.cli import EXIT_INVALID, EXIT_USAGE, EXIT_VALID, main
from tests.validation.helpers import DataFolder

REPORT = "2023-24/report.yml"
OUTCOMES = "2023-24/outcomes.csv"


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def break_several_files(data: DataFolder) -> list[str]:
    """One mistake in each of five files; the lines `portal validate` must print for them."""
    data.replace(OUTCOMES, "1,,,Upheld,5,25", "1,,,Upheld,-3,25")
    data.replace("2022-23/report.yml", "count: 18", "count: eighteen")
    data.replace("council.yml", "short_name: Exampleshire", "shortname: Exampleshire")
    data.replace("2023-24/advocacy.csv", "complaint,Q4,4", "complaint,Q4,5")
    data.replace(REPORT, "were kind.", "were kind, said Mr Smith.")
    data.path("2023-24/timeliness.csv").rename(data.path("2023-24/timelines.csv"))
    return [
        "data/2023-24/outcomes.csv:2 [count] '-3': a count cannot be negative",
        "data/2022-23/report.yml:7 [stages.0.count] 'eighteen': expected a whole number",
        "data/council.yml:2 [shortname] 'Exampleshire': unknown key. Did you mean 'short_name'?",
        "data/council.yml:1 [short_name]: this key is required but missing",
        "data/2023-24/advocacy.csv:2 [count] 12: the by-quarter rows for this add up to 13",
        "data/2023-24/report.yml:45 [compliments.0] 'Mr Smith': looks like a titled surname",
        "data/2023-24/timelines.csv [file]: unexpected file (did you mean 'timeliness.csv'?)",
    ]


def test_valid_data_exits_0(data: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "--data", str(data.root))
    assert code == EXIT_VALID == 0
    assert out == [f"{data.root} is valid (0 acknowledged discrepancies in the sources)."]
    assert err == ""


def test_every_problem_in_every_file_is_printed_in_one_run(
    data: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = break_several_files(data)
    code, out, _ = run(capsys, "validate", "--data", str(data.root))
    assert code == EXIT_INVALID == 1
    for start in expected:
        assert sum(line.startswith(start) for line in out) == 1, (start, out)
    assert out[-1] == f"{len(expected)} problems found in {data.root}: nothing was published."
    assert len(out) == len(expected) + 1


def test_notes_are_printed_but_do_not_fail(
    data: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    data.replace(
        OUTCOMES,
        "1,,,Upheld,5,25,,annual-2023-24 §3.2,",
        "1,,,Upheld,5,30,,annual-2023-24 §3.2,Discrepancy: printed as 30%",
    )
    code, out, _ = run(capsys, "validate", "--data", str(data.root))
    assert code == EXIT_VALID
    assert out[0].startswith("note: data/2023-24/outcomes.csv:2 [percent] '30': 5 of 20 is 25%")
    assert out[-1].endswith("is valid (1 acknowledged discrepancies in the sources).")


def test_placeholder_fails_only_with_release(
    data: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "validate", "--data", str(data.root))[0] == EXIT_VALID
    code, out, _ = run(capsys, "validate", "--data", str(data.root), "--release")
    assert code == EXIT_INVALID
    assert out[0].startswith("data/council.yml:7 [complain.phone] 'the complaints phone number'")


@pytest.mark.parametrize(
    "argv",
    [
        ["validtae"],
        [],
        ["validate", "--dta", "data"],
    ],
    ids=["unknown-command", "no-command", "unknown-option"],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == EXIT_USAGE == 2
    assert "usage: portal" in err
    assert out == []


def test_missing_data_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "--data", str(tmp_path / "nowhere"))
    assert code == EXIT_USAGE
    assert err.strip() == f"portal validate: no data folder at {tmp_path / 'nowhere'}"
    assert out == []


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--help")
    assert code == EXIT_VALID
    assert any("--release" in line for line in out)


def test_github_actions_gets_workflow_commands(
    data: DataFolder, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    data.replace(OUTCOMES, "1,,,Upheld,5,25", "1,,,Upheld,-3,25")
    data.replace(
        OUTCOMES,
        "2,,,Upheld,1,,,annual-2023-24 §3.5,",
        "2,,,Upheld,1,50,4,annual-2023-24 §3.5,Discrepancy: printed as 50%",
    )
    data.path("2023-24/commentary.md").write_bytes(b"\xa3480")
    code, out, _ = run(capsys, "validate", "--data", str(data.root))
    assert code == EXIT_INVALID
    negative = "data/2023-24/outcomes.csv:2 [count] '-3': a count cannot be negative"
    assert (
        out[out.index(negative) + 1] == f"::error file=data/2023-24/outcomes.csv,line=2::{negative}"
    )
    # No line for a problem about the whole file; '%' is escaped as GitHub requires.
    assert (
        "::error file=data/2023-24/commentary.md::data/2023-24/commentary.md [file]: "
        "not UTF-8 text: save the file as UTF-8"
    ) in out
    [notice] = [line for line in out if line.startswith("::notice ")]
    assert notice.startswith("::notice file=data/2023-24/outcomes.csv,line=11::")
    assert "printed as 50%25" in notice and "printed as 50%)" not in notice


def test_no_workflow_commands_outside_github_actions(
    data: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    break_several_files(data)
    _, out, _ = run(capsys, "validate", "--data", str(data.root))
    assert not [line for line in out if line.startswith("::")]


def test_installed_command_prints_problems_not_a_traceback(data: DataFolder) -> None:
    """The real entry point, as CI runs it, on data broken in ways that once crashed."""
    data.write(OUTCOMES, data.read(OUTCOMES).replace("1,,,Upheld,5,25", "1,,,Upheld," + "9" * 5000))
    data.path("2023-24/commentary.md").write_bytes(b"\xff\xfe")
    data.append(REPORT, "Status: draft\n")
    portal = Path(sys.executable).parent / "portal"
    done = subprocess.run(
        [str(portal), "validate", "--data", "data"],
        cwd=data.root.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
        timeout=60,
    )
    assert done.returncode == EXIT_INVALID, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr == ""
    assert "::error file=data/2023-24/report.yml,line=" in done.stdout
    assert done.stdout.splitlines()[-1] == "3 problems found in data: nothing was published."
