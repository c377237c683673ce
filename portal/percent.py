"""One rounding rule for every percentage the site computes: half-up."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

# Exact arithmetic: Decimal division rounds to 28 digits first, which breaks (or double-rounds)
# half-up on very large or very precise figures.


def _scaled(part: int | float | Decimal, whole: int | float | Decimal, places: int) -> Fraction:
    """part as a percentage of whole, times 10**places, exactly."""
    return Fraction(str(part)) * 100 * 10**places / Fraction(str(whole))


def _half_up(value: Fraction) -> int:
    """Nearest whole number, halves away from zero."""
    magnitude = math.floor(abs(value) + Fraction(1, 2))
    return magnitude if value >= 0 else -magnitude


def percent(part: int | float, whole: int | float, places: int = 0) -> Decimal | None:
    """part as a percentage of whole, rounded half-up; None when whole is 0 or unknown."""
    if not whole:
        return None
    return Decimal(f"{_half_up(_scaled(part, whole, places))}E-{places}")


def places_of(printed: Decimal) -> int:
    exponent = printed.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def printed_matches(printed: Decimal, part: int, whole: int) -> bool:
    """A printed percentage is right if it is the exact value rounded or truncated to its precision.

    Reports round inconsistently (half-up, or just cut off the decimals), and neither is wrong.
    whole must not be 0.
    """
    places = places_of(printed)
    scaled = _scaled(part, whole, places)
    shown = Fraction(printed) * 10**places
    return shown in (_half_up(scaled), math.trunc(scaled))


def exact_percent(part: int, whole: int) -> str:
    """part as a percentage of whole to 2 places, without trailing zeros: '25', '33.33'."""
    text = f"{percent(part, whole, 2):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# A set of percentages within this of 1 (not 100) reads as fractions: 0.09 written for 9%.
_FRACTION_TOTAL = (Decimal("0.95"), Decimal("1.05"))


def written_as_fractions(printed: Sequence[Decimal]) -> bool:
    """True when percentages of one whole look written as fractions of 1 (0.09 for 9%).

    Context decides, never one value: real percentages under 1% are valid beside others
    (0.5 with 40 and 59.5). Fractions are each at most 1, not all whole, and add up to about 1.
    """
    if len(printed) < 2 or any(p > 1 for p in printed):
        return False
    if all(p == p.to_integral_value() for p in printed):
        return False  # 0 and 1: whole percentages, not fractions
    return _FRACTION_TOTAL[0] <= sum(printed) <= _FRACTION_TOTAL[1]
