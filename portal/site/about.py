"""Generated blocks of the About the data page: sources, discrepancies, revisions and
withdrawals, publication dates and downloads."""

from __future__ import annotations

from portal.yearlabel import long_label
from portal.dataset import Dataset
from portal.render.html import block, tag, text
from portal.site.cite import source_anchor
from portal.site.components import setting
from portal.site.downloads import ALL_YEARS
from portal.site.figures import table_block
from portal.site.narrative import message_words
from portal.views.display import Cell, TableData


def sources_list(dataset: Dataset) -> str:
    items = []
    for doc in dataset.sources:
        bits = [tag("strong", text(doc.title)), text(f" ({doc.publisher})")]
        if doc.published:
            bits.append(text(f", published {doc.published}"))
        if doc.url:
            bits.append(" " + tag("a", "online version", href=doc.url))
        if doc.note:
            bits.append("<br>" + text(doc.note))
        # The reference the open data's source column uses for this document.
        bits.append("<br>" + tag("small", text(f"Reference in the open data: {doc.id}")))
        items.append(tag("li", "".join(bits), id=source_anchor(doc.id)))
    return tag("ul", block(*items))


def discrepancies_all(dataset: Dataset) -> str:
    if not dataset.notes:
        return tag("p", "None recorded.")
    rows = []
    for note in dataset.notes:
        year = note.file.split("/")[-2] if note.file.count("/") >= 2 else ""
        rows.append(
            (
                year,
                (
                    Cell(str(note.value) if note.value is not None else ""),
                    Cell(message_words(note)),
                ),
            )
        )
    return table_block(
        TableData(
            "discrepancies",
            "Acknowledged discrepancies in the sources",
            ("Year", "Figure or item", "What is wrong"),
            tuple(rows),
        )
    )


# The kind of a revision, and a withdrawal, as readers see it.
REVISION_KINDS = {
    "correction": "Figure corrected",
    "addition": "Figure added",
    "removal": "Figure removed",
    "withdrawal": "Year taken off this site",
}


def revisions_all(dataset: Dataset) -> str:
    """Every revision of a year on the site, then every published year taken off it."""
    rows = [
        (
            y.label,
            (
                Cell(str(r.date)),
                Cell(REVISION_KINDS[getattr(r, "kind", "correction")]),
                Cell(r.change),
                Cell(r.reason),
            ),
        )
        for y in dataset.years
        for r in y.report.revisions
    ]
    rows += [
        (
            w.year,
            (Cell(str(w.date)), Cell(REVISION_KINDS["withdrawal"]), Cell(w.change), Cell(w.reason)),
        )
        for w in sorted(dataset.withdrawals, key=lambda w: (w.date, w.year))
    ]
    if not rows:
        return tag("p", "No figures have been revised since they were first published here.")
    return table_block(
        TableData(
            "revisions",
            "Revisions to published figures",
            ("Year", "Date", "Kind", "What changed", "Why"),
            tuple(rows),
        )
    )


def withdrawals_all(dataset: Dataset) -> str:
    """Published years taken off the site: what, when and why (data/withdrawals.yml)."""
    if not dataset.withdrawals:
        return tag("p", "No published year has been taken off this site.")
    items = [
        tag(
            "li",
            tag("strong", text(f"{long_label(w.year)}, taken off on {w.date}: "))
            + text(f"{w.change} Why: {w.reason}"),
        )
        for w in sorted(dataset.withdrawals, key=lambda w: (w.date, w.year))
    ]
    return tag("ul", block(*items))


def publication(dataset: Dataset) -> str:
    pub = dataset.council.publication
    return block(
        tag("p", tag("strong", "Published: ") + setting(pub.published)),
        tag("p", tag("strong", "Next update: ") + setting(pub.next_update)),
    )


def downloads(dataset: Dataset) -> str:
    items = [
        tag(
            "li",
            tag(
                "a",
                "All years, all measures (one tidy CSV file)",
                href=f"../downloads/{ALL_YEARS}",
                download="",
            ),
        )
    ]
    for year in reversed(dataset.years):
        links = [
            tag("a", text(name), href=f"../downloads/{year.label}/{name}.csv", download="")
            for name in ("summary", *year.tables)
        ]
        items.append(tag("li", text(f"{year.long_label}: ") + ", ".join(links)))
    return tag("ul", block(*items))
