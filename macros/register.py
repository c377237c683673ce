"""Every macro the pages may call. Each returns HTML or Markdown built from the dataset."""

from __future__ import annotations

from portal.site import state


def register(env) -> None:
    @env.macro
    def year_title(year: str) -> str:
        found = state.current().year(year)
        return f"Complaints report {found.long_label}" if found else year

    @env.macro
    def year_page(year: str) -> str:
        return ""
