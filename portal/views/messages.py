"""Chart titles that state the main message in plain words (15 words at most)."""

from __future__ import annotations

from portal.views.breakdown import Breakdown
from portal.views.trends import Series

MAX_WORDS = 15


def _fit(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:MAX_WORDS])


def breakdown_message(bd: Breakdown, subject: str) -> str:
    """'Most Stage 1 complaints were not upheld' or 'Not upheld was the largest group'."""
    known = [i for i in bd.items if (i.count if bd.has_counts else i.percent) is not None]
    if not known:
        return _fit(f"{subject}: figures not published")
    key = (lambda i: i.count) if bd.has_counts else (lambda i: i.percent)
    top = max(known, key=key)
    share = top.percent
    if share is not None and share > 50:
        return _fit(f"More than half of {subject.lower()}: {top.label.lower()}")
    return _fit(f"{top.label} was the largest group of {subject.lower()}")


def trend_message(series: Series) -> str:
    known = [(year, stat) for year, stat in series.points if not stat.missing]
    (first_year, first), (last_year, last) = known[0], known[-1]
    name = series.label
    if last.value == first.value:
        return _fit(f"{name}: the same in {last_year} as in {first_year}")
    direction = "rose" if last.value > first.value else "fell"
    return _fit(
        f"{name} {direction} from {first.text()} ({first_year}) to {last.text()} ({last_year})"
    )
