"""Every macro the pages may call. Each is a thin lookup; the work is in portal/site/.

Each result is remembered for the next build of the same inputs (portal/site/memo.py), so
the modules that compute them are imported only when a result is not remembered. A result is
keyed on the macro and its arguments alone: a macro whose output depends on the page it is on
(a relative link, say) must take the page as an argument, or not be remembered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.site import state

if TYPE_CHECKING:
    from portal.dataset import Dataset


def _year_section(name: str, year: str, data: Dataset) -> str:
    from macros.sections import YEAR_SECTIONS, year_of
    from portal.site.checklist import for_draft

    found = year_of(data, year)
    return for_draft(YEAR_SECTIONS[name](data, found), found)


def _section(name: str, data: Dataset) -> str:
    from portal.site.pages import PAGE_BLOCKS

    return PAGE_BLOCKS[name](data)


def _year_title(year: str, data: Dataset) -> str:
    from macros.sections import year_of

    return f"Complaints report {year_of(data, year).long_label}"


def _setting(path: str, data: Dataset) -> str:
    from portal.site.pages import setting_at

    return setting_at(data.council, path)


def _days(path: str, data: Dataset) -> str:
    from portal.site.pages import timescale

    return timescale(data.council, path)


def register(env) -> None:
    @env.macro
    def year_title(year: str) -> str:
        return state.remembered(f"year_title {year}", lambda data: _year_title(year, data))

    # Sections are mostly finished HTML: it skips Markdown (portal/site/deferred.py).
    @env.macro
    def year_section(name: str, year: str) -> str:
        text = state.remembered(
            f"year_section {name} {year}", lambda data: _year_section(name, year, data)
        )
        return state.deferred().defer(text)

    @env.macro
    def section(name: str) -> str:
        """A whole generated block of a site page: see portal/site/pages.py."""
        text = state.remembered(f"section {name}", lambda data: _section(name, data))
        return state.deferred().defer(text)

    @env.macro
    def setting(path: str) -> str:
        return state.remembered(f"setting {path}", lambda data: _setting(path, data))

    @env.macro
    def days(path: str) -> str:
        return state.remembered(f"days {path}", lambda data: _days(path, data))

    @env.macro
    def has_content(page: str) -> bool:
        """False for a site page that only gathers what the years published, when none did:
        the home page then offers no link to it (portal/site/year_nav.py leaves its menu
        entry out)."""
        from portal.site.year_nav import OPTIONAL_PAGES

        return state.remembered(f"site:has {page}", OPTIONAL_PAGES[page])
