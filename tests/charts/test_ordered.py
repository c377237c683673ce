"""Ordered categories (time bands) in a stacked bar: shades of one colour, in order, each
readable against the page (issue 18)."""

from __future__ import annotations

import pytest

from charts import stacked_bar, theme

BANDS = ["1-10 days", "11-20 days", "21-40 days", "41+ days"]
DATA = [
    {"service": s, "outcome": b, "count": n}
    for s in ("Care", "Help")
    for b, n in zip(BANDS, (5, 4, 3, 2), strict=True)
]
TEXT = {"title": "Most responses took 10 days or less", "subtitle": "By service"}


def _colour_range(ordered: bool) -> list[str]:
    spec = stacked_bar(DATA, **TEXT, description="Stacked bar chart.", ordered=ordered).to_dict()
    for layer in spec["layer"]:
        colour = layer.get("encoding", {}).get("color", {})
        if colour.get("field") == "outcome":
            return colour["scale"]["range"]
    raise AssertionError("no outcome colour scale")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_time_bands_are_shades_of_one_colour_in_order(scheme: str) -> None:
    refs = _colour_range(ordered=True)
    assert len(refs) == len(BANDS)
    by_ref = {t.ref: t for t in theme.ORDERED}
    assert all(r in by_ref for r in refs), refs
    colours = [getattr(by_ref[r], scheme) for r in refs]
    page = theme.LIGHT_BG if scheme == "light" else theme.DARK_BG
    contrasts = [theme.contrast_ratio(c, page) for c in colours]
    # Each later band stands further from the page than the one before, and all at least 3:1.
    assert contrasts == sorted(contrasts) and len(set(contrasts)) == len(contrasts), contrasts
    assert min(contrasts) >= 3.0


def test_unordered_categories_keep_the_categorical_palette() -> None:
    assert _colour_range(ordered=False) == [t.ref for t in theme.SERIES[: len(BANDS)]]


@pytest.mark.parametrize("n", range(1, len(theme.ORDERED) + 1))
def test_any_number_of_bands_uses_distinct_steps(n: int) -> None:
    steps = theme.ordered_steps(n)
    assert len(set(steps)) == n and steps == sorted(steps)
