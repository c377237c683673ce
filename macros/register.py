"""Every macro the pages may call. Each is a thin lookup; the work is in portal/site/."""

from __future__ import annotations

from collections.abc import Callable

from portal.dataset import Year
from portal.site import narrative, pages, state, year_sections

YEAR_SECTIONS: dict[str, Callable[[Year], str]] = {
    "draft_banner": year_sections.draft_banner,
    "intro": lambda y: year_sections.intro(state.current(), y),
    "summary": lambda y: year_sections.summary(state.current(), y),
    "commentary": year_sections.commentary,
    "context": year_sections.context,
    "stage1": lambda y: year_sections.stage_section(state.current(), y, "1"),
    "stage2": lambda y: year_sections.stage_section(state.current(), y, "2"),
    "stage3": lambda y: year_sections.stage_section(state.current(), y, "3"),
    "ombudsman": lambda y: year_sections.ombudsman(state.current(), y),
    "who_complained": lambda y: year_sections.who_complained(state.current(), y),
    "advocacy": year_sections.advocacy,
    "learning": lambda y: narrative.learning_list(state.current(), y),
    "case_studies": narrative.case_studies,
    "activity": year_sections.activity,
    "money": year_sections.money,
    "compliments": lambda y: pages.year_compliments(state.current(), y),
    "scrutiny": narrative.scrutiny,
    "sources": lambda y: year_sections.sources(state.current(), y),
    "discrepancies": lambda y: narrative.discrepancies(state.current(), y),
    "coverage": year_sections.coverage,
}


def _year(label: str) -> Year:
    found = state.current().year(str(label))
    if found is None:
        raise ValueError(f"no year {label} in the data")
    return found


def register(env) -> None:
    @env.macro
    def year_title(year: str) -> str:
        return f"Complaints report {_year(year).long_label}"

    @env.macro
    def year_section(name: str, year: str) -> str:
        return YEAR_SECTIONS[name](_year(year))

    @env.macro
    def section(name: str) -> str:
        """A whole generated block of a site page: see portal/site/pages.py."""
        return pages.PAGE_BLOCKS[name](state.current())

    @env.macro
    def setting(path: str) -> str:
        return pages.setting_at(state.current().council, path)

    @env.macro
    def days(path: str) -> str:
        return pages.timescale(state.current().council, path)
