"""The committee paper's cover block and running header: what a printed year page says about
itself (council, year, the documents it comes from and when they were published)."""

from __future__ import annotations

from portal.dataset import Dataset, Year
from portal.render.html import block, tag, text


def cover(dataset: Dataset, year: Year) -> str:
    """Shown in print only (portal.css): the site's header and menu are not printed."""
    period = year.report.period
    lines = [
        tag("p", text(dataset.council.name), class_="portal-cover__council"),
        tag(
            "p",
            text(
                f"Children’s social care complaints report, {year.long_label} "
                f"({period.start:%-d %B %Y} to {period.end:%-d %B %Y})"
            ),
            class_="portal-cover__title",
        ),
    ]
    for doc in _documents(dataset, year):
        when = f", published {doc.published}" if doc.published else ""
        where = f" {doc.url}" if doc.url else ""
        lines.append(tag("p", text(f"Source: {doc.title} ({doc.publisher}{when}).{where}")))
    # Material's search would index this block's text a second time on every year page.
    return tag("div", block(*lines), class_="portal-cover", data_search_exclude="")


def _documents(dataset: Dataset, year: Year) -> list:
    refs = [s.source for s in year.report.stages] + [f.source for f in year.report.figures]
    refs += [r.source for rows in year.tables.values() for r in rows]
    ids = sorted({ref.split(" §")[0] for ref in refs})
    return [dataset.sources_by_id[i] for i in ids if i in dataset.sources_by_id]


def running_header(dataset: Dataset, year: Year) -> str:
    """The words at the top of every printed page, as a CSS string."""
    return css_string(f"{dataset.council.name}: complaints report {year.long_label}")


def css_string(value: str) -> str:
    """value as a quoted CSS string: anything but letters, digits and spaces as an escape, so
    no data text can end the string or the style element. CSS reads the one space after an
    escape as its end, so each escape has one."""
    escaped = "".join(
        c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):06x} " for c in value
    )
    return f'"{escaped}"'
