"""One rounding rule for every percentage the site computes: half-up."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal


def percent(part: int | float, whole: int | float, places: int = 0) -> Decimal | None:
    """part as a percentage of whole, rounded half-up; None when whole is 0 or unknown."""
    if not whole:
        return None
    exact = Decimal(str(part)) * 100 / Decimal(str(whole))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def places_of(printed: Decimal) -> int:
    exponent = printed.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def printed_matches(printed: Decimal, part: int, whole: int) -> bool:
    """A printed percentage is right if it is the exact value rounded or truncated to its precision.

    Reports round inconsistently (half-up, or just cut off the decimals), and neither is wrong.
    """
    places = places_of(printed)
    exact = Decimal(part) * 100 / Decimal(whole)
    step = Decimal(1).scaleb(-places)
    return printed in (
        exact.quantize(step, rounding=ROUND_HALF_UP),
        exact.quantize(step, rounding=ROUND_DOWN),
    )


def format_percent(value: Decimal | None) -> str:
    return "not published" if value is None else f"{value}%"
