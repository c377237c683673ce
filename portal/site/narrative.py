"""Narrative lists: learning and actions, case studies, compliments, councillors' questions."""

from __future__ import annotations

from collections import defaultdict

from portal.yearlabel import long_label
from portal.dataset import Dataset, Year
from portal.models.narrative import CaseStudy, Learning
from portal.problems import Problem
from portal.render.html import block, markup_table, tag, text

STAGE_NAMES = {
    "1": "Stage 1",
    "2": "Stage 2",
    "3": "Stage 3",
    "ombudsman": "The Ombudsman",
    None: "Across stages",
}
STATUS_NAMES = {
    "implemented": "Implemented",
    "in_progress": "In progress",
    "not_implemented": "Not implemented",
}


def follow_ups(dataset: Dataset) -> dict[str, list[tuple[str, Learning]]]:
    """Earlier action id → later years' items that report on it."""
    found: dict[str, list[tuple[str, Learning]]] = defaultdict(list)
    for year in dataset.years:
        for item in year.report.learning:
            for earlier in item.follows_up:
                found[earlier].append((year.label, item))
    return found


def learning_item(item: Learning, later: list[tuple[str, Learning]]) -> str:
    parts = [tag("p", text(item.text))]
    if item.action:
        parts.append(tag("p", tag("strong", "Action: ") + text(item.action)))
    facts = []
    if item.theme:
        facts.append(("Theme", item.theme))
    if item.service:
        facts.append(("Service", item.service))
    if item.status:
        facts.append(("Status", STATUS_NAMES[item.status]))
    if facts:
        parts.append(
            tag(
                "dl",
                block(*(tag("dt", text(k)) + tag("dd", text(v)) for k, v in facts)),
                class_="portal-facts",
            )
        )
    for year_label, follow in later:
        status = f" ({STATUS_NAMES[follow.status]})" if follow.status else ""
        parts.append(
            tag(
                "p",
                tag("strong", text(f"Follow-up in {long_label(year_label)}{status}: "))
                + text(follow.text),
                class_="portal-follow-up",
            )
        )
    return tag("li", block(*parts), id=f"learning-{item.id}")


def learning_list(dataset: Dataset, year: Year, heading_level: int = 3) -> str:
    if not year.report.learning:
        return tag("p", "Not published for this year.", class_="portal-none")
    later = follow_ups(dataset)
    groups: dict[str | None, list[Learning]] = defaultdict(list)
    for item in year.report.learning:
        groups[item.stage].append(item)
    parts = []
    for stage in sorted(groups, key=lambda s: list(STAGE_NAMES).index(s)):
        parts.append(f"{'#' * heading_level} {STAGE_NAMES[stage]}\n")
        parts.append(
            tag(
                "ul",
                block(*(learning_item(i, later.get(i.id, [])) for i in groups[stage])),
                class_="portal-learning",
            )
        )
    return "\n\n".join(parts)


def case_study(case: CaseStudy) -> str:
    parts = [tag("p", tag("strong", "The complaint: ") + text(case.issue))]
    if case.response:
        parts.append(tag("p", tag("strong", "The response: ") + text(case.response)))
    if case.timeline:
        rows = [
            tag(
                "tr",
                block(
                    tag("th", text(e.date), scope="row"),
                    tag("td", text(e.event)),
                    tag("td", text(e.note or "")),
                ),
            )
            for e in case.timeline
        ]
        headers = [("Date", None), ("What happened", None), ("Note", None)]
        parts.append(markup_table(f"Timeline: {case.title}", f"timeline-{case.id}", headers, rows))
    title = case.title + (f" ({case.outcome})" if case.outcome else "")
    return tag("div", block(tag("h3", text(title)), *parts), class_="portal-case")


def case_studies(year: Year) -> str:
    if not year.report.case_studies:
        return tag("p", "Not published for this year.", class_="portal-none")
    return "\n\n".join(case_study(c) for c in year.report.case_studies)


def compliments(year: Year) -> str:
    quotes = year.report.compliments
    if not quotes:
        return ""
    items = []
    for quote in quotes:
        who = ", ".join(x for x in (quote.who, quote.service) if x)
        cite = tag("figcaption", text(who)) if who else ""
        items.append(
            tag(
                "figure",
                block(tag("blockquote", tag("p", text(quote.text))), cite),
                class_="portal-quote",
            )
        )
    return block(*items)


def scrutiny(year: Year) -> str:
    found = year.report.scrutiny
    if found is None or not found.items:
        return tag("p", "Not published for this year.", class_="portal-none")
    parts = [
        tag(
            "p",
            text(
                f"{found.committee}"
                + (f", {found.meeting}" if found.meeting else "")
                + ". What councillors asked, and what officers answered."
            ),
        )
    ]
    for item in found.items:
        heading = tag("h3", text(item.topic)) if item.topic else ""
        parts.append(
            tag(
                "div",
                block(
                    heading,
                    tag("p", tag("strong", "Question: ") + text(item.question)),
                    tag("p", tag("strong", "Answer: ") + text(item.answer)),
                ),
                class_="portal-qa",
            )
        )
    if found.resolved:
        parts.append(tag("p", tag("strong", "Decision: ") + text(found.resolved)))
    return "\n\n".join(parts)


def discrepancies(dataset: Dataset, year: Year) -> str:
    notes = [n for n in dataset.notes if f"/{year.label}/" in n.file]
    if not notes:
        return ""
    items = [tag("li", text(note_words(n))) for n in notes]
    return tag("ul", block(*items))


PRINTED_NOTE = "as printed; "


def note_words(note: Problem) -> str:
    """An acknowledged discrepancy as a sentence for readers: a printed percentage that does
    not match its counts says so in words, not in the checker's shorthand."""
    if _printed(note):
        return message_words(note)
    return f"{note.value}: {note.message}" if note.value else note.message


def message_words(note: Problem) -> str:
    """What is wrong, in words (the figure itself is shown beside it on About the data)."""
    if _printed(note):
        return f"The report prints {note.value}%, but {note.message.removeprefix(PRINTED_NOTE)}"
    return note.message


def _printed(note: Problem) -> bool:
    return note.field.endswith(".printed") and note.message.startswith(PRINTED_NOTE)
