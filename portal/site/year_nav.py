"""MkDocs hooks for finding your way: year pages' previous and next in time order, a meta
description for every page taken from its own first paragraph, and no menu entry for a page
that would be empty.

Listed after portal/site/hooks.py in mkdocs.yml, so a page's content is complete (its
generated blocks restored) when the description is taken from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from portal.site import state
from portal.site.describe import first_paragraph

if TYPE_CHECKING:
    from portal.dataset import Dataset

# reports/2023-24.md: the hook in portal/site/hooks.py writes one such page per year.
YEAR_PAGE = re.compile(r"^reports/(\d{4}-\d{2})\.md$")


def year_label(page: Page) -> str | None:
    found = YEAR_PAGE.match(page.file.src_uri)
    return found.group(1) if found else None


def _has_compliments(data: Dataset) -> bool:
    return any(y.rows("compliments") or y.report.compliments for y in data.years)


# Site pages that only gather what the years published: off the menu when no year has any,
# so no link in the menu leads to an empty page.
OPTIONAL_PAGES: dict[str, Callable[[Dataset], bool]] = {"compliments.md": _has_compliments}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    empty = {
        page
        for page, has_content in OPTIONAL_PAGES.items()
        if not state.remembered(f"site:has {page}", has_content)
    }
    if empty and config.nav is not None:
        config.nav = [
            entry
            for entry in config.nav
            if not (isinstance(entry, dict) and all(str(v) in empty for v in entry.values()))
        ]
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The menu lists years newest first, so MkDocs' own previous/next would run backwards in
    time on year pages. There, "previous" is the year before and "next" the year after."""
    years = sorted((p for p in nav.pages if year_label(p)), key=year_label)
    for i, page in enumerate(years):
        page.previous_page = years[i - 1] if i > 0 else None
        page.next_page = years[i + 1] if i + 1 < len(years) else None
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.meta.get("description"):
        # Remembered: parsing every page again was a tenth of a warm build.
        found = state.remembered(
            f"description {page.file.src_uri}", lambda data: first_paragraph(html)
        )
        if found:
            # Material prints page.meta.description into the head without escaping it.
            page.meta["description"] = escape(found, quote=True)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """A printed year page says on every sheet which council and year it is (portal.css
    numbers the pages). CSS margin boxes take only literal text, so each year page gets its
    own, escaped as a CSS string."""
    label = year_label(page)
    if label is None or "</head>" not in output:
        return output
    header = state.remembered(f"print:header {label}", lambda data: _header(data, label))
    style = f'<style media="print">@page {{ @top-left {{ content: {header}; }} }}</style>'
    return output.replace("</head>", style + "</head>", 1)


def _header(data: Dataset, label: str) -> str:
    from portal.site.cover import running_header

    year = data.year(label)
    return running_header(data, year) if year is not None else '""'
