"""Chart titles that state the main message in plain words (15 words at most)."""

from __future__ import annotations

from portal.views.breakdown import Breakdown, Item
from portal.views.trends import Series

MAX_WORDS = 15

# (when one category is more than half, when it is only the largest) for each table.
TEMPLATES = {
    "outcomes": ("Most {stage} complaints were {label}", "{Label} was the most common outcome"),
    "service_areas": (
        "More than half of {stage} complaints were about {label}",
        "{Label} had the most {stage} complaints",
    ),
    "subjects": ("Most complaints were about: {label}", "Most common subject: {label}"),
    "timeliness": ("Most {stage} responses: {label}", "Most common response time: {label}"),
    "timescales": ("Most {stage} responses: {label}", "Most common result: {label}"),
    "ombudsman": ("Most Ombudsman decisions: {label}", "Most common Ombudsman decision: {label}"),
    "how_received": ("Most complaints came by {label}", "{Label} was the most common way in"),
    "relationships": ("Most complaints came from {label}", "{Label} made the most complaints"),
}
DEFAULT = ("Most: {label}", "Largest group: {label}")


def _fit(sentence: str) -> str:
    return " ".join(sentence.split()[:MAX_WORDS])


def _top(bd: Breakdown) -> Item | None:
    if bd.has_counts:
        known = [i for i in bd.items if i.count is not None]
        return max(known, key=lambda i: i.count) if known else None
    known = [i for i in bd.items if i.percent is not None]
    return max(known, key=lambda i: i.percent) if known else None


def breakdown_message(bd: Breakdown, stage: str | None = None) -> str:
    """'Most Stage 1 complaints were not upheld', 'Family Support had the most complaints'."""
    top = _top(bd)
    if top is None:
        return "Figures not published"
    majority, largest = TEMPLATES.get(bd.table, DEFAULT)
    template = majority if top.percent is not None and top.percent > 50 else largest
    label = top.label
    words = {
        "stage": f"Stage {stage}" if stage and stage != "all" else "",
        "label": label.lower(),
        "Label": label[:1].upper() + label[1:],
    }
    if bd.table in ("service_areas", "subjects", "ombudsman", "relationships"):
        words["label"] = label  # proper names keep their capitals
    return _fit(template.format(**words))


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
