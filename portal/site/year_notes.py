"""Words of the report a year's page shows beside its figures: the year's notes, sentences
that print figures (overall figures and percentages in the text), and the review of the
procedure, each with a readable citation linked to the list of sources."""

from __future__ import annotations

from portal.dataset import Dataset, Year
from portal.render.html import block, tag, text
from portal.site.cite import citation, readable


def year_notes(dataset: Dataset, year: Year) -> str:
    """The year's notes, and figures the report printed only in sentences (those about no one
    stage: the others are in their stage's section)."""
    report = year.report
    parts = []
    if report.notes:
        parts.append(tag("h3", "Notes on this year", id=f"notes-{year.label}"))
        notes = (tag("li", text(readable(dataset, n))) for n in report.notes)
        parts.append(tag("ul", block(*notes)))
    sentences = printed_sentences(dataset, year, None)
    if sentences:
        parts.append(tag("h3", "Figures printed in the report's text", id=f"text-{year.label}"))
        parts.append(sentences)
    return block(*parts)


def printed_sentences(dataset: Dataset, year: Year, stage: str | None) -> str:
    """Sentences of the report that print figures about a stage (or about none: None), each
    once, with its citation and what is known about its figures."""
    found: dict[str, tuple[str, list[str]]] = {}
    for figure in year.report.text_figures:
        if figure.stage != stage:
            continue
        _, notes = found.setdefault(figure.text, (figure.source, []))
        if figure.note and figure.note not in notes:
            notes.append(figure.note)
    for printed in year.report.printed_percentages:
        if printed.stage != stage:
            continue
        _, notes = found.setdefault(printed.text, (printed.source, []))
        worked = f"{printed.numerator:,} of {printed.denominator:,}"
        notes.append(f"Printed as {printed.printed}% ({worked}).")
        if printed.discrepancy:
            notes.append(printed.discrepancy)
    items = [
        tag(
            "li",
            block(
                tag("q", text(sentence)) + f" ({citation(dataset, source)})",
                *(tag("p", text(readable(dataset, n)), class_="portal-note") for n in notes),
            ),
        )
        for sentence, (source, notes) in found.items()
    ]
    if not items:
        return ""
    if stage is None:
        return tag("ul", block(*items))
    return block(tag("p", "The report’s text also says:"), tag("ul", block(*items)))


def procedure_review(dataset: Dataset, year: Year) -> str:
    """What the report says about how well the complaints procedure itself worked."""
    points = year.report.procedure_review
    if not points:
        return ""  # the section is left out, and listed as not published
    return tag(
        "ul",
        block(*(tag("li", f"{text(p.summary)} ({citation(dataset, p.source)})") for p in points)),
    )
