"""Issue 17's data: sources required, at most five key points, owners from the vocabulary
(one clean line naming file, line and field when not)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from pydantic import ValidationError

from portal.models.councillor import BenchmarkFigure, Target
from portal.models.report import YearReport
from tests.site.build import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "councillor"


def test_a_benchmark_value_needs_its_source() -> None:
    with pytest.raises(ValidationError, match="council_source"):
        BenchmarkFigure(measure="decided", council=4)
    with pytest.raises(ValidationError, match="average_source"):
        BenchmarkFigure(measure="decided", average=6)
    with pytest.raises(ValidationError, match="give council or average"):
        BenchmarkFigure(measure="decided")


def test_a_target_names_its_years() -> None:
    with pytest.raises(ValidationError):
        Target(id="aim", measure="upheld", value=10, text="t", years=(), source="x-1 §1")
    with pytest.raises(ValidationError):
        Target(id="aim", measure="upheld", value=10, text="t", years=("2019/20",), source="x-1 §1")


def test_at_most_five_key_points() -> None:
    point = {"text": "A point.", "source": "x-1 §1"}
    base = {
        "status": "draft",
        "period": {"start": "2024-04-01", "end": "2025-03-31"},
    }
    YearReport.model_validate({**base, "key_points": [point] * 5})
    with pytest.raises(ValidationError, match="at most 5"):
        YearReport.model_validate({**base, "key_points": [point] * 6})


def test_an_unknown_owner_is_one_clean_line(tmp_path) -> None:
    data = shutil.copytree(FIXTURE, tmp_path / "data")
    report = data / "2024-25" / "report.yml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("owner: children-in-need", "owner: no-such-team", 1))
    done = subprocess.run(
        [sys.executable, "-m", "portal.cli", "validate", "--data", str(data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stdout + done.stderr
    lines = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if "owner]" in line and not line.startswith("note")
    ]
    assert len(lines) == 1, done.stdout + done.stderr
    assert "2024-25/report.yml:" in lines[0] and "learning." in lines[0]
    assert "children-in-need" in lines[0]  # names the fix: the ids to use
