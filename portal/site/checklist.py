"""A draft year's checklist: what is still empty, instead of "Not published for this year".

Drafts appear only in preview builds (pull requests, `make serve`). There, an empty section
means "not filled in yet", not that the council's report left it out.
"""

from __future__ import annotations

from collections.abc import Sequence

from portal.dataset import Year
from portal.render.html import block, tag, text
from portal.site.year_sections import none

NOT_FILLED = "Not filled in yet."


def draft_checklist(year: Year, empty: Sequence[str]) -> str:
    """The titles of the sections with nothing in them yet, as a list to work through."""
    if not empty:
        return tag(
            "p",
            text(f"Every section of the {year.long_label} draft has something in it."),
            class_="portal-checklist",
        )
    items = [tag("li", text(title)) for title in empty]
    return tag(
        "div",
        block(
            tag("p", tag("strong", "Still to fill in for this draft:")),
            tag("ul", block(*items)),
            tag(
                "p",
                text(
                    "These sections are empty in the data so far. If the council’s report "
                    "does not give one, it will say “not published” once the year is published."
                ),
            ),
        ),
        class_="portal-checklist",
    )


def for_draft(html: str, year: Year) -> str:
    """A draft's section, with "not published" (the report did not give it) said as what it
    means in a draft: nothing filled in yet."""
    if year.published:
        return html
    return (
        html.replace(none(), none(NOT_FILLED))
        .replace(">not published</p>", ">not filled in yet</p>")  # headline cards
        .replace(">Not published</strong>", ">Not filled in yet</strong>")  # coverage box
    )
