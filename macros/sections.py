"""The year page's sections by name: each takes the dataset and the year, returns its text.

A titled section (TITLES) brings its own heading, and nothing at all when the year's report
published nothing for it: those are listed on one line instead ("not_published"), so an
empty year is short and no heading leads to "not published" (issue 18, "Empty is short").
"""

from __future__ import annotations

from collections.abc import Callable

from portal.dataset import Dataset, Year
from portal.render.html import tag, text
from portal.site import (
    comparisons,
    councillor_sections,
    narrative,
    pages,
    people_sections,
    table_sections,
    year_notes,
    year_sections,
)
from portal.site.checklist import draft_checklist
from portal.site.cover import cover
from portal.site.switcher import year_switcher

Section = Callable[[Dataset, Year], str]

CONTENT: dict[str, Section] = {
    "draft_banner": lambda d, y: year_sections.draft_banner(y),
    "cover": cover,
    "years": year_switcher,
    "intro": year_sections.intro,
    # Its own heading, and nothing when there is nothing to say: never "not published".
    "key_points": councillor_sections.key_points,
    "summary": year_sections.summary,
    "commentary": lambda d, y: year_sections.commentary(y),
    "context": lambda d, y: year_sections.context(y),
    # Its own heading, and never in the "not published" line: most councils print no
    # all-stages tables, and that is no gap in their report.
    "all_stages": lambda d, y: _all_stages(d, y),
    "stage1": lambda d, y: year_sections.stage_section(d, y, "1"),
    "stage2": lambda d, y: year_sections.stage_section(d, y, "2"),
    "stage3": lambda d, y: year_sections.stage_section(d, y, "3"),
    "ombudsman": year_sections.ombudsman,
    "benchmarks": comparisons.benchmarks,
    "who_complained": people_sections.who_complained,
    "equality": comparisons.equality,
    "advocacy": lambda d, y: people_sections.advocacy(y),
    "learning": narrative.learning_list,
    "actions": councillor_sections.year_actions,
    "case_studies": lambda d, y: narrative.case_studies(y),
    "activity": year_sections.activity,
    "money": lambda d, y: year_sections.money(y, d),
    "compliments": lambda d, y: "\n\n".join(
        p
        for p in (
            pages.year_compliments(d, y),
            table_sections.teams_details(d, y, "compliments", None, "Compliments"),
        )
        if p
    ),
    "scrutiny": lambda d, y: narrative.scrutiny(y),
    "procedure_review": year_notes.procedure_review,
    "sources": year_sections.sources,
    "discrepancies": narrative.discrepancies,
    "coverage": lambda d, y: year_sections.coverage(y, d),
}

# Each titled section's heading (a level-2 heading on the year page), in page order.
TITLES: dict[str, str] = {
    "context": "Context",
    "stage1": "Stage 1: local resolution",
    "stage2": "Stage 2: investigation",
    "stage3": "Stage 3: review panel",
    "ombudsman": "The Ombudsman",
    "benchmarks": "How the council compares",
    "who_complained": "Who complained",
    "equality": "Equality: who complains, compared",
    "advocacy": "Advocacy for children and young people",
    "learning": "Learning and actions",
    "actions": "You said, we did",
    "case_studies": "Case studies",
    "activity": "Representations and enquiries",
    "money": "Cost and compensation",
    "compliments": "Compliments",
    "scrutiny": "What councillors asked",
    "procedure_review": "How well the complaints procedure worked",
}


def _all_stages(dataset: Dataset, year: Year) -> str:
    body = year_sections.stage_section(dataset, year, "all")
    return "" if is_empty(body) else f"## All complaints, every stage\n\n{body}"


def is_empty(html: str) -> bool:
    """True when a section says only that nothing was published."""
    return html.strip() in ("", year_sections.none())


def titled(name: str) -> Section:
    def section(dataset: Dataset, year: Year) -> str:
        body = CONTENT[name](dataset, year)
        return "" if is_empty(body) else f"## {TITLES[name]}\n\n{body}"

    return section


def not_published(dataset: Dataset, year: Year) -> str:
    """One line naming every titled section with nothing published this year."""
    empty = [title for name, title in TITLES.items() if is_empty(CONTENT[name](dataset, year))]
    if not year.published:  # a draft: empty means not filled in yet (issue 16)
        return draft_checklist(year, empty)
    if not empty:
        return ""
    names = [empty[0]] + [
        t[:1].lower() + t[1:] if t.split()[0] != "Stage" else t for t in empty[1:]
    ]
    return tag(
        "p",
        tag("strong", "Not published for this year:")
        + " "
        + text("; ".join(names))
        + ". These are not zero: the council’s report did not give them.",
        class_="portal-not-published",
        # A search for "compensation" should find the years that published it, not these.
        data_search_exclude="",
    )


YEAR_SECTIONS: dict[str, Section] = {
    **{name: section for name, section in CONTENT.items() if name not in TITLES},
    **{name: titled(name) for name in TITLES},
    "not_published": not_published,
}


def year_of(dataset: Dataset, label: str) -> Year:
    found = dataset.year(str(label))
    if found is None:
        raise ValueError(f"no year {label} in the data")
    return found
