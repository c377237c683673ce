"""Issue 13, item 1: the claim rules, on tables hypothesis makes up (ties, zeros, missing values,
percentage-only rows) and on series with gaps and changes of meaning."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from portal.views.claims import Part, change, long_run, rank, sentence

LABELS = [f"Category {c}" for c in "ABCDEF"]
counts = st.one_of(st.none(), st.integers(0, 12))
percents = st.one_of(st.none(), st.integers(0, 100).map(Decimal))


@st.composite
def tables(draw):
    size = draw(st.integers(2, 6))
    printed = draw(st.booleans())
    return [
        Part(
            LABELS[i],
            draw(counts),
            draw(percents),
            printed=printed if draw(st.booleans()) else not printed,
        )
        for i in range(size)
    ]


@given(tables(), st.one_of(st.none(), st.integers(0, 80)))
def test_a_ranking_holds_for_any_table(parts, total) -> None:
    claim = rank(parts, subject="Stage 1 complaints", table="outcomes", total=total)
    all_counts = all(p.count is not None for p in parts)
    all_percents = all(p.percent is not None for p in parts)
    one_base = len({p.printed for p in parts}) == 1
    if not all_counts and not (all_percents and one_base):
        assert claim is None, "ranked with a category not known in one unit"
        return
    values = {p.label: (p.count if all_counts else p.percent) for p in parts}
    top = max(values.values())
    leaders = sorted(label for label, v in values.items() if v == top)
    if all_counts:
        summed = sum(values.values())
        base = total if total is not None and total >= summed else summed
    else:
        base = 100
    if top == 0 and base:
        assert claim is None
        return
    assert claim is not None
    if top == 0:
        assert claim.kind == "none"
    elif len(leaders) > 1:
        assert claim.kind == "tie" and sorted(claim.labels) == leaders
    else:
        assert claim.labels == (leaders[0],)
        others_zero = all(v == 0 for label, v in values.items() if label != leaders[0])
        expected = (
            "all" if top == base and others_zero else "majority" if top * 2 > base else "largest"
        )
        assert claim.kind == expected
    words = sentence(claim).lower()
    assert all(label.lower() in words for label in claim.labels)
    if claim.kind == "majority":
        assert "more than half" in words
    if claim.kind == "tie":
        assert "tie" in words or "equally" in words


YEARS = [f"{y}-{(y + 1) % 100:02d}" for y in range(2014, 2024)]


@st.composite
def series(draw):
    size = draw(st.integers(2, len(YEARS)))
    years = YEARS[-size:]
    values = [draw(st.one_of(st.none(), st.integers(0, 60))) for _ in years]
    breaks = draw(st.lists(st.sampled_from(years[1:]), max_size=2, unique=True))
    return list(zip(years, values, strict=True)), breaks


@given(series())
def test_a_change_is_the_latest_year_against_the_previous_year_with_a_value(found) -> None:
    points, breaks = found
    claim = change(points, subject="Complaints at Stage 1", breaks=breaks)
    years = [y for y, _ in points]
    latest_year, latest = points[-1]
    earlier = [(y, v) for y, v in points[:-1] if v is not None]
    if latest is None or not earlier:
        assert claim is None
        return
    previous_year, previous = earlier[-1]
    crossed = [b for b in breaks if years.index(previous_year) < years.index(b)]
    if crossed:
        assert claim.kind == "series_break"
        return
    assert claim.years == (previous_year, latest_year)
    assert claim.values == (previous, latest)
    assert claim.kind == ("same" if latest == previous else "rise" if latest > previous else "fall")
    assert str(latest) in sentence(claim) and latest_year in sentence(claim)


@given(series())
def test_the_long_run_never_crosses_a_change_of_meaning(found) -> None:
    points, breaks = found
    claim = long_run(points, subject="Ombudsman cases", breaks=breaks)
    if claim is None:
        return
    years = [y for y, _ in points]
    first, last = claim.years
    assert last == years[-1]
    assert not [b for b in breaks if years.index(first) < years.index(b) <= years.index(last)]
