"""An Atom feed of new reports and corrections (feedgen), so that readers can follow them.

An entry per published year, dated by the commit that published it (portal.site.history),
and one per correction, dated by the date staff wrote in its `revisions:` entry. Nothing is
dated by the build, so two builds of one commit write the same feed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from feedgen.feed import FeedGenerator

if TYPE_CHECKING:
    from portal.dataset import Dataset


@dataclass(frozen=True)
class Entry:
    key: str  # stable within the site: "reports/2023-24", "reports/2023-24/revision-1"
    title: str
    summary: str
    path: str  # the page it is about, relative to the site's root
    when: dt.datetime
    minted: dt.date  # the date in its tag: id, fixed by the data so the id never changes


def entries(dataset: Dataset, published: dict[str, dt.datetime]) -> list[Entry]:
    """Newest first; a year not (yet) in the history is left out, never given a date."""
    found = []
    for year in dataset.years:
        if not year.published:
            continue
        path = f"reports/{year.label}/"
        if year.label in published:
            period = year.report.period
            found.append(
                Entry(
                    f"reports/{year.label}",
                    f"Complaints report {year.long_label}",
                    f"The report on complaints about children’s social care from "
                    f"{period.start:%-d %B %Y} to {period.end:%-d %B %Y}.",
                    path,
                    published[year.label],
                    period.end,
                )
            )
        for number, revision in enumerate(year.report.revisions, start=1):
            found.append(
                Entry(
                    f"reports/{year.label}/revision-{number}",
                    f"Correction to the {year.long_label} report",
                    f"{revision.change} {revision.reason}",
                    path,
                    dt.datetime.combine(revision.date, dt.time(), tzinfo=dt.UTC),
                    revision.date,
                )
            )
    return sorted(found, key=lambda e: (e.when, e.key), reverse=True)


def authority(site_url: str | None, website: object) -> str | None:
    """The domain for tag: ids: the site's own, else the council's website."""
    for url in (site_url, website):
        host = urlsplit(url).hostname if isinstance(url, str) else None
        if host:
            return host
    return None


def atom(dataset: Dataset, found: list[Entry], host: str, site_url: str | None, file: str) -> bytes:
    """The feed, to be served as `file` at the site's root; links are absolute when the site's
    address is known, else relative to it."""

    def link(path: str) -> str:
        return urljoin(site_url, path) if site_url else (path or "./")

    def tag(key: str, minted: dt.date) -> str:
        return f"tag:{host},{minted:%Y-%m-%d}:{key}"

    feed = FeedGenerator()
    feed.id(tag("complaints-reports", min(e.minted for e in found)))
    feed.title(f"{dataset.council.name}: children’s social care complaints reports")
    feed.author({"name": dataset.council.name})
    feed.link(href=link(file), rel="self", type="application/atom+xml")
    feed.link(href=link(""), rel="alternate", type="text/html")
    feed.language("en")
    feed.updated(max(e.when for e in found))
    for item in reversed(found):  # feedgen puts each new entry first
        entry = feed.add_entry()
        entry.id(tag(item.key, item.minted))
        entry.title(item.title)
        entry.summary(item.summary)
        entry.link(href=link(item.path), rel="alternate", type="text/html")
        entry.published(item.when)
        entry.updated(item.when)
    return feed.atom_str(pretty=True)
