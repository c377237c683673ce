"""Generated blocks of the site's pages (home, how to complain, reports, trends, about)."""

from __future__ import annotations

from collections.abc import Callable

from portal.dataset import Dataset, Year
from portal.render.html import block, markup_table, tag, text
from portal.site import contact, councillor_sections, narrative, procedure, trend_extras
from portal.site.about import (
    discrepancies_all,
    downloads,
    publication,
    revisions_all,
    sources_list,
    withdrawals_all,
)
from portal.site.components import headline_cards, link_setting, setting
from portal.site.dictionary import data_dictionary, tidy_columns
from portal.site.figures import table_block
from portal.views.contact import href_for, supplied
from portal.views.display import Cell, TableData
from portal.views.headline import headline, latest_published
from portal.views.trends import series


def setting_at(council, path: str) -> str:
    value: object = council
    for part in path.split("."):
        value = getattr(value, part)
    kind = (
        "email"
        if path.endswith("email")
        else "phone"
        if path.endswith("phone")
        else ("url" if path.endswith(("website", "web_form", "council_page", "url")) else "text")
    )
    return link_setting(value, kind) if kind != "text" else setting(value)


def timescale(council, path: str) -> str:
    value: object = council.timescales
    for part in path.split("."):
        value = getattr(value, part)
    return text(value)


def home_headline(dataset: Dataset) -> str:
    # A preview shows drafts too, but the home page stays on what has been published.
    year = latest_published(dataset)
    if year is None:
        return tag("p", "No annual report has been published yet.")
    link = tag(
        "a", text(f"Read the full report for {year.long_label}"), href=f"reports/{year.label}/"
    )
    heading = tag("h2", text(f"Complaints in {year.long_label}"), id="latest-year")
    return block(heading, headline_cards(dataset, year), tag("p", link))


def record_sentence(dataset: Dataset) -> str:
    """'Last year we answered N% of Stage 1 complaints within 10 working days.'"""
    year = latest_published(dataset)
    if year is None:
        return ""
    days = dataset.council.timescales.stage1.working_days
    found = headline(dataset, year).within_target
    if found.missing:
        return text(
            f"The report for {year.long_label} did not publish how many Stage 1 "
            f"complaints were answered within {days} working days."
        )
    return text(
        f"In {year.long_label}, {dataset.council.short_name} answered {found.text()} of "
        f"Stage 1 complaints within {days} working days."
    )


def reports_index(dataset: Dataset) -> str:
    rows = []
    for year in reversed(dataset.years):
        stats = headline(dataset, year)
        link = tag("a", text(year.label), href=f"{year.label}/")
        status = "" if year.published else " (draft)"
        rows.append(
            tag(
                "tr",
                block(
                    tag("th", link + text(status), scope="row"),
                    *(
                        tag("td", text(stats.stages[s].text()), class_="portal-num")
                        for s in ("1", "2", "ombudsman")
                    ),
                    tag("td", text(stats.upheld.text()), class_="portal-num"),
                ),
            )
        )
    headers = [
        ("Year", None),
        ("Stage 1", "portal-num"),
        ("Stage 2", "portal-num"),
        ("Ombudsman", "portal-num"),
        ("Stage 1 upheld", "portal-num"),
    ]
    return markup_table("Annual reports, newest first", "years-caption", headers, rows)


def trends(dataset: Dataset) -> str:
    parts = []
    for found in series(dataset):
        parts.append(f"## {found.label}\n")
        for note in found.notes:
            parts.append(
                tag(
                    "div",
                    block(
                        tag("p", "Change of meaning", class_="admonition-title"),
                        tag("p", text(note)),
                    ),
                    class_="admonition note",
                )
            )
        parts.append(trend_extras.trend_with_target(dataset, found))
    parts += trend_extras.rates(dataset)  # issue 17: only where a base is given for 2+ years
    return "\n\n".join(parts) if parts else tag("p", "Trends need more than one year of data.")


def learning_all(dataset: Dataset) -> str:
    parts = []
    for year in reversed(dataset.years):
        if not year.report.learning:
            continue
        parts.append(f"## {year.long_label}\n")
        parts.append(narrative.learning_list(dataset, year, heading_level=3))
    return "\n\n".join(parts) or tag("p", "No learning has been published yet.")


def year_compliments(dataset: Dataset, year: Year) -> str:
    # Team rows are one click away under the table (portal/site/table_sections.py).
    rows = [r for r in year.rows("compliments") if not r.get("team")]
    parts = []
    if rows:
        body = []
        for row in rows:
            name = (
                "All services"
                if not row.get("service")
                else (dataset.index.term("services", row.get("service")).label)
            )
            body.append((name, (Cell(row.count, "count"),)))
        parts.append(
            table_block(
                TableData(
                    f"compliments-{year.label}",
                    f"Compliments received, {year.long_label}",
                    ("Service", "Compliments"),
                    tuple(body),
                )
            )
        )
    quotes = narrative.compliments(year)
    if quotes:
        parts.append(quotes)
    if not parts:
        return tag("p", "Not published for this year.", class_="portal-none")
    return "\n\n".join(parts)


def compliments_all(dataset: Dataset) -> str:
    years = [y for y in reversed(dataset.years) if y.rows("compliments") or y.report.compliments]
    if not years:
        return tag(
            "p",
            text(
                f"{dataset.council.short_name}’s published reports do not include "
                "figures or quotes about compliments. When a report publishes "
                "them, they will appear here."
            ),
            class_="portal-none",
        )
    parts = []
    for year in years:
        parts.append(f"## {year.long_label}\n")
        parts.append(year_compliments(dataset, year))
    return "\n\n".join(parts)


def other_routes(dataset: Dataset) -> str:
    """Each route's name links to it (the link says where it goes); one with no address, or
    whose address is still a placeholder, is listed without a link."""
    routes = dataset.council.other_routes
    if not routes:
        return tag("p", text(f"{dataset.council.short_name} has not listed any yet."))
    items = []
    for route in routes:
        address = supplied(route.url)
        name = contact.link(route.name, href_for("website", address) if address else None)
        items.append(tag("li", tag("strong", name + ":") + " " + text(route.description)))
    return tag("ul", block(*items))


PAGE_BLOCKS: dict[str, Callable[[Dataset], str]] = {
    "home_headline": home_headline,
    "record_sentence": record_sentence,
    "reports_index": reports_index,
    "trends": trends,
    "learning": learning_all,
    "actions": lambda d: councillor_sections.all_actions(d),
    "compliments": compliments_all,
    "sources": sources_list,
    "discrepancies": discrepancies_all,
    "revisions": revisions_all,
    "withdrawals": withdrawals_all,
    "publication": publication,
    "other_routes": other_routes,
    "downloads": downloads,
    "data_dictionary": lambda d: data_dictionary(),
    "tidy_columns": lambda d: tidy_columns(),
    **contact.CONTACT_BLOCKS,
    **procedure.PROCEDURE_BLOCKS,
}
