"""A bug in the portal is never a traceback, and never looks like a problem in the data.

Every `portal` command (listed from its own parser) exits EXIT_INTERNAL with one line saying
it is a bug to report, when anything unexpected is raised; Ctrl-C is quiet and exits 130.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

import portal.cli
from portal.cli import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_USAGE,
    EXIT_VALID,
    main,
)
from tests.validation.helpers import DataFolder, copy_minimal


def commands() -> list[str]:
    """The subcommands `portal` has, read from its parser."""
    found: list[str] = []
    original = argparse.ArgumentParser.parse_args

    def capture(self: argparse.ArgumentParser, *args: object, **kwargs: object) -> object:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                found.extend(action.choices)
        raise SystemExit(0)

    argparse.ArgumentParser.parse_args = capture  # type: ignore[method-assign]
    try:
        main([])
    finally:
        argparse.ArgumentParser.parse_args = original  # type: ignore[method-assign]
    return found


COMMANDS = commands()
ARGS = {
    "validate": [],
    "new-year": ["2031-32"],
    "new-council": [],
    "schema": ["--check"],
    "check-published": [],
}


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    return DataFolder(copy_minimal(tmp_path))


def test_the_exit_codes_are_distinct() -> None:
    codes = [EXIT_VALID, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED]
    assert len(set(codes)) == len(codes)
    assert EXIT_INTERNAL not in (0, 1, 2)
    assert set(COMMANDS) == set(ARGS), "a new command needs arguments in ARGS"


def test_the_build_uses_the_same_codes() -> None:
    from portal.site import guard

    assert (guard.EXIT_INTERNAL, guard.EXIT_INTERRUPTED) == (EXIT_INTERNAL, EXIT_INTERRUPTED)


def _break_everything(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make every step the commands take raise error."""

    def broken(*args: object, **kwargs: object) -> None:
        raise error

    import portal.record
    import portal.scaffold
    import portal.schema

    monkeypatch.setattr(portal.cli, "validate", broken)
    monkeypatch.setattr(portal.scaffold, "new_year", broken)
    monkeypatch.setattr(portal.scaffold, "new_council", broken)
    monkeypatch.setattr(portal.schema, "write_schema", broken)
    monkeypatch.setattr(portal.record, "check_published", broken)


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unexpected_error_is_one_line_saying_it_is_a_bug(
    data: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    monkeypatch.delenv(portal.cli.DEBUG_VARIABLE, raising=False)
    _break_everything(monkeypatch, RuntimeError("something unforeseen"))
    extra = ["--out", str(data.root / "schema")] if command == "schema" else []
    extra += ["--data", str(data.root)] if command != "schema" else []
    code = main([command, *ARGS[command], *extra])
    out, err = capsys.readouterr()
    assert code == EXIT_INTERNAL
    assert out == ""
    assert err.count("\n") == 1, err
    assert "bug in the portal, not a problem in the data" in err
    assert "report it" in err and "Traceback" not in err


@pytest.mark.parametrize("command", COMMANDS)
def test_ctrl_c_is_quiet_and_not_zero(
    data: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    _break_everything(monkeypatch, KeyboardInterrupt())
    extra = ["--out", str(data.root / "schema")] if command == "schema" else []
    extra += ["--data", str(data.root)] if command != "schema" else []
    assert main([command, *ARGS[command], *extra]) == EXIT_INTERRUPTED
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and err.count("\n") <= 1


def test_developers_can_see_the_traceback(
    data: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(portal.cli.DEBUG_VARIABLE, "1")
    _break_everything(monkeypatch, RuntimeError("shown"))
    with pytest.raises(RuntimeError, match="shown"):
        main(["validate", "--data", str(data.root)])


def test_the_installed_command_prints_no_traceback_for_a_bug(tmp_path: Path) -> None:
    """A real process, where a bug (here MemoryError from validation) reaches the top."""
    locked = tmp_path / "data"
    locked.mkdir()
    script = (
        "import sys, portal.cli, portal.load\n"
        "def boom(*a, **k): raise MemoryError\n"
        "portal.cli.validate = boom\n"
        f"sys.exit(portal.cli.main(['validate', '--data', {str(locked)!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == EXIT_INTERNAL
    assert "Traceback" not in done.stderr
    assert "bug in the portal" in done.stderr
