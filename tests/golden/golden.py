"""Compare output with a committed golden file.

A missing golden is written only outside CI (so a developer can review and commit it); in CI
(the CI environment variable set) it is a failure, because CI must never generate the
expected output it then checks against. To accept an intended change, delete the golden,
rerun the test locally and review the diff before committing.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).parent


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def assert_golden(name: str, actual: str, directory: Path = GOLDEN_DIR) -> None:
    path = directory / name
    if not path.exists():
        if in_ci():
            pytest.fail(
                f"golden file {path} is missing, and CI never writes goldens: run the test "
                "locally (without CI set), review the new file and commit it"
            )
        path.write_text(actual, encoding="utf-8", newline="\n")
        warnings.warn(f"wrote new golden file {path}: review it and commit it", stacklevel=2)
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"output differs from {path}. If the change is intended, delete the golden, rerun "
        "the test locally and review the diff before committing."
    )
