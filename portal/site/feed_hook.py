"""MkDocs hooks for the Atom feed (portal/site/feed.py): written after the build, linked from
every page's head. With no git history of the data the build says so and leaves it out."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from portal.site import state

if TYPE_CHECKING:
    from portal.dataset import Dataset

log = logging.getLogger("mkdocs.plugins.portal.feed")
# Here, not in portal/site/feed.py: a warm build takes the feed from the memo and never
# imports feedgen or the data models.
FEED_FILE = "feed.xml"
_feed: bytes | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The feed, remembered for the next build of the same data at the same commit (the
    memo's key covers the data and the code; the commit fixes the history)."""
    global _feed
    from portal.site.history import head

    commit = head(state.data_dir(config.config_file_path))
    made = state.remembered(f"feed {commit} {config.site_url}", lambda data: _make(data, config))
    for line in made["log"]:
        log.info("feed: %s", line)
    _feed = made["atom"].encode("utf-8") if made["atom"] is not None else None
    return files


def _make(data: Dataset, config: MkDocsConfig) -> dict:
    from portal.site.feed import atom, authority, entries
    from portal.site.history import publication_history

    history = publication_history(state.data_dir(config.config_file_path))
    if history.missing:
        return {"atom": None, "log": [f"left out, because {history.missing}"]}
    said = []
    unrecorded = [y.label for y in data.years if y.published and y.label not in history.published]
    if unrecorded:
        said.append(f"no commit publishes {', '.join(unrecorded)} yet, so no entry")
    found = entries(data, history.published)
    host = authority(config.site_url, data.council.website)
    if not found:
        said.append("left out: no published year or correction to list yet")
        return {"atom": None, "log": said}
    if host is None:
        said.append(
            "left out: its entries' ids need the site's address (site_url in mkdocs.yml) "
            "or the council's website (data/council.yml)"
        )
        return {"atom": None, "log": said}
    return {
        "atom": atom(data, found, host, config.site_url, FEED_FILE).decode("utf-8"),
        "log": said,
    }


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _feed is None or "</head>" not in output:
        return output
    from html import escape

    href = escape(get_relative_url(FEED_FILE, page.url), quote=True)
    link = (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="New reports and corrections" href="{href}">'
    )
    return output.replace("</head>", link + "</head>", 1)


def on_post_build(config: MkDocsConfig) -> None:
    if _feed is not None:
        Path(config.site_dir, FEED_FILE).write_bytes(_feed)
