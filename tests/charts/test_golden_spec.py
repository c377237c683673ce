"""The counts_bar spec, compared with a reviewed golden file (and the golden rules themselves)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from charts import counts_bar
from tests.golden.golden import assert_golden

DATA = [
    {"category": "Upheld", "count": 14},
    {"category": "Partly upheld", "count": 22},
    {"category": "Not upheld", "count": 51},
    {"category": "Withdrawn", "count": None},
]


def test_counts_bar_spec_matches_golden() -> None:
    chart = counts_bar(
        DATA,
        title="Most Stage 1 complaints were not upheld",
        subtitle="Stage 1 complaints by outcome, 2023-24",
        description="Bar chart. Of 87 Stage 1 complaints decided in 2023-24, 14 were upheld, "
        "22 partly upheld and 51 not upheld. Withdrawn complaints were not published.",
    )
    text = json.dumps(chart.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert_golden("counts_bar.vl.json", text)


def test_missing_golden_is_written_outside_ci(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.warns(UserWarning, match="wrote new golden"):
        assert_golden("new.txt", "hello\n", tmp_path)
    assert (tmp_path / "new.txt").read_text() == "hello\n"
    assert_golden("new.txt", "hello\n", tmp_path)  # and then compared


def test_missing_golden_fails_in_ci_and_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI never writes goldens"):
        assert_golden("new.txt", "hello\n", tmp_path)
    assert not (tmp_path / "new.txt").exists()


def test_changed_output_fails(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    (tmp_path / "old.txt").write_text("before\n")
    with pytest.raises(AssertionError, match="differs"):
        assert_golden("old.txt", "after\n", tmp_path)
