""" "You said, we did": the learning items that commit to something, as actions with an owner,
a due date and a status a reader understands."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from portal.dataset import Dataset, Year
from portal.models.narrative import Learning
from portal.problems import Report
from portal.vocabindex import VocabularyIndex

# The reader's words for the status a source gives; silence is "not reported", never guessed.
STATUSES: dict[str | None, str] = {
    "implemented": "Done",
    "in_progress": "In progress",
    "not_implemented": "Not started",
    None: "Not reported",
}
NO_THEME = "Theme not given"


@dataclass(frozen=True)
class Action:
    year: str  # the year the action was reported in, "2019-20"
    item: Learning
    owner: str | None  # the owner's label from the vocabulary
    earlier: tuple[tuple[str, str], ...]  # (year, id) of the actions it follows up
    later: tuple[tuple[str, str], ...]  # (year, id) of later items reporting on it

    @property
    def status(self) -> str:
        return STATUSES[self.item.status]

    @property
    def anchor(self) -> str:
        return f"action-{self.item.id}"


def owner_label(index: VocabularyIndex, owner: str | None) -> str | None:
    if owner is None:
        return None
    for vocabulary in ("services", "teams"):
        term = index.term(vocabulary, owner)
        if term is not None:
            return term.label
    return owner


def _is_action(item: Learning) -> bool:
    """An item that commits to something, or that reports on an earlier commitment."""
    return bool(item.action or item.status or item.owner or item.due or item.follows_up)


def actions(dataset: Dataset) -> tuple[Action, ...]:
    """Every action of every year, oldest first, linked both ways across years."""
    year_of = {i.id: y.label for y in dataset.years for i in y.report.learning}
    later: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for year in dataset.years:
        for item in year.report.learning:
            for earlier in item.follows_up:
                later[earlier].append((year.label, item.id))
    found = []
    for year in dataset.years:
        for item in year.report.learning:
            if not (_is_action(item) or later.get(item.id)):
                continue
            found.append(
                Action(
                    year.label,
                    item,
                    owner_label(dataset.index, item.owner),
                    tuple((year_of[e], e) for e in item.follows_up if e in year_of),
                    tuple(later.get(item.id, ())),
                )
            )
    return tuple(found)


def year_actions(dataset: Dataset, year: Year) -> tuple[Action, ...]:
    return tuple(a for a in actions(dataset) if a.year == year.label)


def by_theme(found: tuple[Action, ...]) -> dict[str, dict[str, list[Action]]]:
    """theme → status → actions, themes in first-seen order, statuses in STATUSES order."""
    grouped: dict[str, dict[str, list[Action]]] = {}
    for action in found:
        theme = action.item.theme or NO_THEME
        grouped.setdefault(theme, {}).setdefault(action.status, []).append(action)
    order = list(STATUSES.values())
    return {
        theme: dict(sorted(statuses.items(), key=lambda kv: order.index(kv[0])))
        for theme, statuses in grouped.items()
    }


def status_counts(found: tuple[Action, ...]) -> dict[str, int]:
    counts = {name: 0 for name in STATUSES.values()}
    for action in found:
        counts[action.status] += 1
    return {name: n for name, n in counts.items() if n}


def check_owners(year: Year, index: VocabularyIndex | None, report: Report) -> None:
    """An owner must be a service or team of the vocabulary, so it is spelled one way."""
    if index is None:
        return
    known = [t.id for t in index.terms("services")] + [t.id for t in index.terms("teams")]
    for i, item in enumerate(year.report.learning):
        if item.owner is not None and item.owner not in known:
            report.add(
                year.report_file,
                year.line_of("learning", i, "owner"),
                f"learning.{i}.owner",
                item.owner,
                "not a service or team id in data/vocabularies.yml: use one of " + ", ".join(known),
            )
