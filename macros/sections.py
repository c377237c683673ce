"""The year page's sections by name: each takes the dataset and the year, returns its text."""

from __future__ import annotations

from collections.abc import Callable

from portal.dataset import Dataset, Year
from portal.site import narrative, pages, year_sections

YEAR_SECTIONS: dict[str, Callable[[Dataset, Year], str]] = {
    "draft_banner": lambda d, y: year_sections.draft_banner(y),
    "intro": year_sections.intro,
    "summary": year_sections.summary,
    "commentary": lambda d, y: year_sections.commentary(y),
    "context": lambda d, y: year_sections.context(y),
    "stage1": lambda d, y: year_sections.stage_section(d, y, "1"),
    "stage2": lambda d, y: year_sections.stage_section(d, y, "2"),
    "stage3": lambda d, y: year_sections.stage_section(d, y, "3"),
    "ombudsman": year_sections.ombudsman,
    "who_complained": year_sections.who_complained,
    "advocacy": lambda d, y: year_sections.advocacy(y),
    "learning": narrative.learning_list,
    "case_studies": lambda d, y: narrative.case_studies(y),
    "activity": lambda d, y: year_sections.activity(y),
    "money": lambda d, y: year_sections.money(y),
    "compliments": pages.year_compliments,
    "scrutiny": lambda d, y: narrative.scrutiny(y),
    "sources": year_sections.sources,
    "discrepancies": narrative.discrepancies,
    "coverage": lambda d, y: year_sections.coverage(y),
}


def year_of(dataset: Dataset, label: str) -> Year:
    found = dataset.year(str(label))
    if found is None:
        raise ValueError(f"no year {label} in the data")
    return found
