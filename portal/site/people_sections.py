"""Year-page sections about people: who complained, demographics, and advocacy."""

from __future__ import annotations

from portal.dataset import Dataset, Year
from portal.render.html import tag, text
from portal.site.downloads import ADVOCACY_KINDS
from portal.site.figures import figure_for, table_block
from portal.site.year_sections import gap_notes, none
from portal.views.breakdown import breakdown
from portal.views.display import Cell, TableData
from portal.views.tables import breakdown_table


def who_complained(dataset: Dataset, year: Year) -> str:
    parts = []
    for table, title, column in (
        ("relationships", "Who complained", "Complainant"),
        ("how_received", "How complaints were received", "How"),
    ):
        if year.rows(table):
            stage = year.rows(table)[0].get("stage")
            bd = breakdown(
                dataset, year, table, where={"stage": stage}, total=year.stage_count(stage)
            )
            data = breakdown_table(
                bd, f"{table}-{year.label}", f"{title}, {year.label}", year, column
            )
            parts.append(f"### {title}\n")
            parts.append(figure_for(data, bd, stage))
            parts.append(gap_notes(year, table, stage, dataset))
    found = demographics(dataset, year)
    if not parts and found == none():
        return none()
    parts.append("### Demographics\n")
    parts.append(found)
    return "\n\n".join(parts)


def demographics(dataset: Dataset, year: Year) -> str:
    parts = []
    coverage = year.report.demographics_coverage
    if coverage is not None:
        covered = "not published" if coverage.covered is None else f"{coverage.covered:,}"
        sentence = f"Demographic information was found for {covered} complaints"
        if coverage.not_covered is not None:
            sentence += f"; for {coverage.not_covered:,} it was not available"
        parts.append(tag("p", text(sentence + ".")))
        if coverage.note:
            parts.append(tag("p", text(coverage.note)))
    rows = year.rows("demographics")
    pairs = sorted({(r.get("characteristic"), r.get("population")) for r in rows})
    for characteristic, population in pairs:
        where = {"characteristic": characteristic, "population": population}
        total = coverage.covered if coverage and population == "complainants" else None
        bd = breakdown(dataset, year, "demographics", where=where, total=total)
        name = characteristic.replace("_", " ")
        who = population.replace("_", " ")
        data = breakdown_table(
            bd,
            f"demo-{characteristic}-{population}-{year.label}",
            f"{name.capitalize()} of {who}, {year.label}",
            year,
            "Group",
        )
        parts.append(table_block(data))
    parts.append(gap_notes(year, "demographics", None, dataset))
    parts = [p for p in parts if p]
    return "\n\n".join(parts) if parts else none()


def advocacy(year: Year) -> str:
    rows = year.rows("advocacy")
    if not rows:
        return none()
    kinds = sorted({r.get("kind") for r in rows})
    quarters = ["Q1", "Q2", "Q3", "Q4", None]
    headers = ("Cases", "Q1", "Q2", "Q3", "Q4", "Whole year")
    body = []
    for kind in kinds:
        by_quarter = {r.get("quarter"): r.count for r in rows if r.get("kind") == kind}
        cells = tuple(Cell(by_quarter.get(q), "count") for q in quarters)
        # The same words as the open data (portal/site/downloads.py).
        label = ADVOCACY_KINDS[kind]
        body.append((label, cells))
    return table_block(
        TableData(
            f"advocacy-{year.label}",
            f"New advocacy cases by quarter, {year.label}",
            headers,
            tuple(body),
        )
    )
