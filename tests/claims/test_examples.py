"""Issue 13: each false sentence the issue lists that this repository's data reproduces, as a
regression test (the others are covered by the rules in test_rules.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from charts.lines import trend_line
from portal.load import load_dataset
from portal.views.breakdown import breakdown
from portal.views.claims import sentence
from portal.views.messages import breakdown_claim, long_run_claim, trend_claim
from portal.views.trends import STAGE_SERIES, series

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def camden():
    return load_dataset(ROOT / "data")


def _outcomes(dataset, label: str, stage: str):
    year = dataset.year(label)
    return breakdown(
        dataset, year, "outcomes", where={"stage": stage}, total=year.stage_count(stage)
    )


def test_2023_24_stage_1_outcomes_are_not_ranked_on_the_one_counted_row(camden) -> None:
    """'Upheld was the most common outcome': only upheld had a count; the other five are
    percentages of an unknown base."""
    bd = _outcomes(camden, "2023-24", "1")
    assert breakdown_claim(bd, "1") is None


def test_2019_20_stage_2_tie_is_named_as_a_tie(camden) -> None:
    claim = breakdown_claim(_outcomes(camden, "2019-20", "2"), "2")
    assert claim is not None and claim.kind == "tie"
    assert set(claim.labels) == {"Partly upheld", "Withdrawn"}
    assert "most common" not in sentence(claim).lower()


def _series(dataset, series_id: str):
    return next(s for s in series(dataset) if s.id == series_id)


def test_the_stage_1_trend_leads_with_this_year_against_last(camden) -> None:
    """Not 'fell from 51 (2016-17) to 43 (2023-24)': this year rose 29 → 43."""
    found = _series(camden, "stage1")
    claim = trend_claim(found)
    assert (claim.kind, claim.values, claim.years) == ("rise", (29, 43), ("2022-23", "2023-24"))
    run = long_run_claim(found)
    assert run is not None and run.years == ("2016-17", "2023-24")


def test_ombudsman_cases_compare_this_year_not_the_first_year(camden) -> None:
    """Not 'the same in 2023-24 as in 2017-18': 6 → 10 this year."""
    claim = trend_claim(_series(camden, "ombudsman"))
    assert (claim.kind, claim.values) == ("rise", (6, 10))


@pytest.mark.parametrize("series_id", ["stage2", "ombudsman"])
def test_no_long_run_across_the_recorded_change_of_meaning(camden, series_id) -> None:
    found = _series(camden, series_id)
    assert found.breaks == ("2022-23",)
    run = long_run_claim(found)
    assert run is None or run.years[0] >= "2022-23"


def test_a_change_of_meaning_is_a_data_field_not_read_from_labels(camden) -> None:
    """Breaks come only from `meaning_changed` (labels changed in other years too)."""
    for found in series(camden):
        if found.id not in STAGE_SERIES:
            assert found.breaks == ()
            continue
        marked = tuple(
            y.label
            for y in camden.years
            if (stage := y.report.stage(STAGE_SERIES[found.id])) and stage.meaning_changed
        )
        assert found.breaks == marked
    assert _series(camden, "stage1").breaks == ()


def test_every_year_on_a_trend_axis_is_labelled() -> None:
    years = [f"{y}-{(y + 1) % 100:02d}" for y in range(2016, 2024)]
    chart = trend_line(
        [{"year": y, "value": i} for i, y in enumerate(years)],
        title="Complaints rose",
        subtitle="Complaints at Stage 1",
        description="Line chart.",
        years=years,
        breaks=["2022-23"],
    ).to_dict(validate=False)
    axes = [
        layer["encoding"]["x"]["axis"]
        for layer in chart["layer"]
        if "axis" in layer.get("encoding", {}).get("x", {})
    ]
    assert axes and all(axis["labelOverlap"] is False for axis in axes)
    segments = {v["segment"] for v in chart["layer"][0]["data"]["values"]}
    assert segments == {0, 1}, "the line is not drawn across the change of meaning"


def _discrepancies(dataset, year: str) -> str:
    return " ".join(
        f"{d.about} {d.note} {d.source}" for d in dataset.year(year).report.discrepancies
    )


def test_the_source_contradictions_the_issue_lists_are_recorded(camden) -> None:
    """Item 8: kept as printed, with the contradiction recorded where readers can find it."""
    latest = _discrepancies(camden, "2023-24")
    assert "29%" in latest and "base of these percentages is not known" in latest
    assert "4% upheld" in latest and "§4.2 gives 2 upheld, 5%" in latest
    assert "12 and 29 working days" in _discrepancies(camden, "2019-20")
    council_004 = load_dataset(ROOT / "tests" / "fixtures" / "council-004")
    assert "sum, 73" in _discrepancies(council_004, "2015-16")
