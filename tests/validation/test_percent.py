"""Percentages: one half-up rule for computed figures; printed ones may be rounded or cut off."""

from __future__ import annotations

from decimal import Decimal

import pytest

from portal.percent import percent, places_of, printed_matches


@pytest.mark.parametrize(
    ("part", "whole", "places", "expected"),
    [
        (5, 200, 0, "3"),  # 2.5 -> 3 (banker's rounding would give 2)
        (7, 200, 0, "4"),  # 3.5 -> 4
        (1, 8, 0, "13"),  # 12.5 -> 13
        (1, 800, 2, "0.13"),  # 0.125 -> 0.13
        (3, 8, 1, "37.5"),
        (1, 3, 0, "33"),
        (2, 3, 0, "67"),
        (2, 3, 2, "66.67"),
        (1, 4, 2, "25.00"),  # keeps the places asked for
        (0, 7, 0, "0"),
        (7, 7, 0, "100"),
        (1.005, 100, 2, "1.01"),  # decimal, not binary: 1.005 is not 1.00499999...
    ],
)
def test_percent_rounds_half_up(part: float, whole: int, places: int, expected: str) -> None:
    result = percent(part, whole, places)
    assert result is not None
    assert str(result) == expected


def test_percent_of_nothing_is_not_published() -> None:
    assert percent(3, 0) is None


def test_percent_of_very_large_counts_is_exact() -> None:
    # Decimal division keeps 28 digits: 10**40 + 5 of 2 * 10**40 would lose the 5.
    assert percent(10**40 + 5, 2 * 10**40, 0) == Decimal(50)
    assert percent(10**40, 1, 0) == Decimal(10**42)


@pytest.mark.parametrize(
    ("printed", "part", "whole"),
    [
        ("33", 1, 3),
        ("33.3", 1, 3),
        ("33.33", 1, 3),
        ("67", 2, 3),  # rounded
        ("66", 2, 3),  # truncated
        ("66.7", 2, 3),
        ("66.6", 2, 3),
        ("13", 1, 8),  # 12.5 rounded half-up
        ("12", 1, 8),  # 12.5 cut off
        ("12.5", 1, 8),
        ("12.50", 1, 8),
        ("0.13", 1, 800),
        ("0.12", 1, 800),
        ("0.1", 1, 800),
        ("25", 5, 20),
        ("100", 20, 20),
        ("0", 0, 20),
    ],
)
def test_printed_percentage_rounded_or_truncated_matches(
    printed: str, part: int, whole: int
) -> None:
    assert printed_matches(Decimal(printed), part, whole)


@pytest.mark.parametrize(
    ("printed", "part", "whole"),
    [
        ("34", 1, 3),
        ("33.4", 1, 3),
        ("68", 2, 3),
        ("65", 2, 3),
        ("66.5", 2, 3),
        ("14", 1, 8),
        ("12.4", 1, 8),
        ("0.2", 1, 800),
        ("0.14", 1, 800),
        ("30", 5, 20),
        ("99", 20, 20),
        ("1", 0, 20),
    ],
)
def test_printed_percentage_that_is_wrong_does_not_match(
    printed: str, part: int, whole: int
) -> None:
    assert not printed_matches(Decimal(printed), part, whole)


def test_printed_matches_does_not_double_round() -> None:
    # Exactly 0.12499999...99 %: half-up to 2 places is 0.12, never 0.13. Rounding to
    # 28 digits first (as Decimal division does) would make it 0.125 and then 0.13.
    part, whole = 124_999_999_999_999_999_999_999_999_999_999, 10**35
    assert printed_matches(Decimal("0.12"), part, whole)
    assert not printed_matches(Decimal("0.13"), part, whole)


def test_printed_matches_with_huge_counts_or_many_places() -> None:
    assert printed_matches(Decimal("50"), 10**400, 2 * 10**400)
    assert printed_matches(Decimal("25.0000000000000000000000000000000000000000"), 5, 20)
    assert not printed_matches(Decimal("25.0000000000000000000000000000000000000001"), 5, 20)
    assert not printed_matches(Decimal("50"), 10**40, 1)


@pytest.mark.parametrize(
    ("printed", "places"), [("25", 0), ("25.5", 1), ("25.50", 2), ("0.125", 3), ("1E+1", 0)]
)
def test_places_of_counts_printed_decimals(printed: str, places: int) -> None:
    assert places_of(Decimal(printed)) == places
