"""The build's fast path (to_spec) gives exactly the spec Altair validates against the schema."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import pytest
from altair.utils.schemapi import debug_mode

from charts import bands_bar, counts_bar, shares_bar, stacked_bar, to_spec, trend_line
from tests.charts.test_builders import BANDS, DESCRIPTION, OUTCOMES, STACKED, TEXT, TREND

ROOT = Path(__file__).resolve().parents[2]

# Representative inputs from test_builders: each builder, missing values, every option.
CASES: dict[str, tuple[Any, Any, dict[str, Any]]] = {
    "counts_bar": (counts_bar, OUTCOMES, {}),
    "counts_bar_dataframe": (
        counts_bar,
        pd.DataFrame(OUTCOMES).astype({"count": "Int64"}),
        {"order": "descending", "width": 300},
    ),
    "shares_bar": (
        shares_bar,
        [
            {"category": "Upheld", "percent": Decimal("25.5")},
            {"category": "Partly upheld", "percent": "30"},
            {"category": "Not upheld", "percent": 44.5},
            {"category": "Other", "percent": None},
        ],
        {},
    ),
    "trend_line": (trend_line, TREND, {}),
    "trend_line_gaps": (
        trend_line,
        TREND,
        {"years": ["2019-20", "2020-21", "2021-22", "2022-23"], "height": 200},
    ),
    "trend_line_single_percent": (
        trend_line,
        [{"year": "2022-23", "value": 12.5}, {"year": "2023-24", "value": None}],
        {"unit": "percent"},
    ),
    "bands_bar": (bands_bar, BANDS, {}),
    "stacked_bar": (stacked_bar, STACKED, {}),
    "stacked_bar_ordered": (
        stacked_bar,
        STACKED,
        {
            "services": ["Disabled children", "Children in care"],
            "outcomes": ["Not upheld", "Upheld"],
        },
    ),
}


def build(case: str) -> alt.LayerChart:
    builder, data, params = CASES[case]
    return builder(data, **TEXT, description=DESCRIPTION, **params)


@pytest.mark.parametrize("case", CASES)
def test_spec_is_valid_vega_lite_and_the_fast_path_gives_it(case: str) -> None:
    with debug_mode(True):
        validated = build(case).to_dict(validate=True)
    with debug_mode(False):  # as the build calls it
        fast = to_spec(build(case))
    assert fast == validated


@pytest.mark.parametrize("case", CASES)
def test_builders_charts_never_need_altairs_to_dict(case: str, monkeypatch) -> None:
    """Otherwise to_spec silently falls back to the slow path."""
    chart = build(case)

    def refuse(*args: Any, **kwargs: Any) -> dict:
        raise AssertionError("to_spec fell back to Altair's to_dict")

    monkeypatch.setattr(alt.LayerChart, "to_dict", refuse)
    monkeypatch.setattr(alt.Chart, "to_dict", refuse)
    to_spec(chart)


def _other_charts() -> dict[str, alt.TopLevelMixin]:
    rows = [{"a": "x", "b": 1}, {"a": "y", "b": 2}]
    base = alt.Chart(alt.Data(values=rows))
    return {
        "single chart": base.mark_bar().encode(x="b:Q", y="a:N"),
        "alt.layer, shared data moved up": alt.layer(
            base.mark_bar().encode(x="b:Q", y="a:N"), base.mark_text().encode(text="b:Q")
        ).properties(width=100),
        "layer with params": alt.layer(
            base.mark_point().encode(x="b:Q").add_params(alt.selection_point()),
            base.mark_text().encode(text="b:Q"),
        ),
        "dataframe": alt.LayerChart(
            layer=[alt.Chart(pd.DataFrame(rows)).mark_bar().encode(x="b:Q", y="a:N")]
        ),
    }


@pytest.mark.parametrize("name", list(_other_charts()))
def test_other_charts_fall_back_to_altair(name: str) -> None:
    chart = _other_charts()[name]
    assert to_spec(chart) == chart.to_dict()


def test_builders_do_not_import_pandas() -> None:
    code = (
        "import sys\n"
        "import charts.bands, charts.bars, charts.lines, charts.stacked\n"
        "from charts import counts_bar, to_spec\n"
        "to_spec(counts_bar([{'category': 'A', 'count': 1}], title='t', subtitle='s',"
        " description='d'))\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
