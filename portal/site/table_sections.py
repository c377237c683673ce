"""Year-page parts for the general table model (issue 12): complaints at every stage,
each procedure, cross-tabs along a second dimension, teams one click away, what the
Ombudsman sent, and representations, costs and compensation as tables.

Every part reads the tables through portal.views; every value is escaped by the renderer.
"""

from __future__ import annotations

from portal.dataset import Dataset, Year
from portal.models.vocabulary import PROCEDURES
from portal.render.html import block, tag, text
from portal.rows import Row
from portal.site.figures import crosstab_figure, figure_for, table_block
from portal.tables import TABLES_BY_NAME
from portal.totals import level
from portal.views.breakdown import breakdown, label_of
from portal.views.display import Cell, TableData
from portal.views.tables import breakdown_table, crosstab, crosstab_along

PROCEDURE_LABELS = {term.id: term.label for term in PROCEDURES}


def stage_words(stage: str) -> str:
    return "All stages" if stage == "all" else f"Stage {stage}"


def _csv(year: Year, table: str) -> str:
    return f"../../downloads/{year.label}/{table}.csv"


def teams_details(
    dataset: Dataset,
    year: Year,
    table: str,
    stage: str | None,
    column: str,
    *,
    under_services: bool = False,
) -> str:
    """The team rows of a table, one click away under the overall or service table.
    under_services: the table above is by service, so without service rows it already
    shows the teams."""
    spec = TABLES_BY_NAME[table]
    here = [r for r in year.whole_rows(table) if stage is None or r.get("stage") == stage]
    rows = [r for r in here if r.get("team")]
    coarser = [r for r in here if level(r, spec) == 1] if under_services else here
    if not rows:
        return ""
    # A table of categories by team already shows the teams when nothing coarser is printed;
    # a count table (service areas, compliments) above is always by service.
    if spec.category is not None and all(level(r, spec) == 2 for r in coarser):
        return ""
    if spec.category is not None:
        return _teams_crosstab(dataset, year, table, stage, column)
    where = {"stage": stage} if stage is not None else None
    overall = [r for r in here if level(r, spec) == 0 and r.count is not None]
    whole = year.stage_count(stage) if stage else (overall[0].count if overall else None)
    bd = breakdown(dataset, year, table, where=where, by="team", total=whole)
    if bd.empty:
        return ""
    name = stage_words(stage) + ": " if stage else ""
    caption = f"{name}{spec.title.lower()} by team, {year.label}"
    data = breakdown_table(bd, f"{table}-teams-{stage or 'x'}-{year.label}", caption, year, column)
    labelled = tuple(
        (_with_service(dataset, item_id, label), cells)
        for (label, cells), item_id in zip(data.rows, (i.id for i in bd.items), strict=True)
    )
    data = TableData(data.id, data.caption, ("Team", *data.headers[1:]), labelled, data.csv)
    return tag(
        "details",
        block(tag("summary", text(f"Show the teams ({len(labelled)})")), table_block(data)),
        class_="portal-teams",
    )


def _teams_crosstab(dataset: Dataset, year: Year, table: str, stage: str | None, title: str):
    tab = crosstab(
        dataset,
        year,
        table,
        stage,
        f"s{stage}-{table}-teams-{year.label}",
        f"{stage_words(stage) if stage else ''}: {title.lower()} by team, {year.label}",
        depth=2,
    )
    if tab is None:
        return ""
    summary = tag("summary", text(f"Show the teams ({len(tab.rows)})"))
    return tag("details", block(summary, table_block(tab.table)), class_="portal-teams")


def _with_service(dataset: Dataset, team: str, label: str) -> str:
    service = dataset.index.service_of_team(team)
    return f"{label_of(dataset, 'service', service)}: {label}" if service else label


def by_procedure(dataset: Dataset, year: Year, table: str, stage: str, title: str) -> str:
    """One table per procedure, when the report splits a stage between them."""
    procedures = [p for p in PROCEDURE_LABELS if _rows(year, table, stage, procedure=p)]
    parts = []
    for procedure in procedures:
        bd = breakdown(
            dataset,
            year,
            table,
            where={"stage": stage, "procedure": procedure, "service": None, "team": None},
            total=_procedure_total(year, stage, procedure),
            split=True,
        )
        if bd.empty or not any(i.count is not None or i.percent is not None for i in bd.items):
            continue
        name = PROCEDURE_LABELS[procedure]
        caption = f"{stage_words(stage)}, {name}: {title.lower()}, {year.label}"
        data = breakdown_table(
            bd, f"s{stage}-{table}-{procedure}-{year.label}", caption, year, title
        )
        parts.append(f"#### {title}: {name}\n")
        parts.append(table_block(data))
    for procedure in procedures:
        # The procedure's rows by service or team, when the report gives them.
        name = PROCEDURE_LABELS[procedure]
        tab = crosstab(
            dataset,
            year,
            table,
            stage,
            f"s{stage}-{table}-{procedure}-x-{year.label}",
            f"{stage_words(stage)}, {name}: {title.lower()} by service, {year.label}",
            procedure=procedure,
        )
        if tab is not None:
            parts.append(f"#### {title} by service: {name}\n")
            parts.append(table_block(tab.table))
    return "\n\n".join(parts)


def _procedure_total(year: Year, stage: str, procedure: str) -> int | None:
    found = year.report.stage(stage, procedure)
    return None if found is None else found.count


def _rows(year: Year, table: str, stage: str, procedure: str) -> list[Row]:
    return [
        r for r in year.rows(table) if r.get("stage") == stage and r.get("procedure") == procedure
    ]


def crosstabs_along(dataset: Dataset, year: Year, table: str, stage: str, title: str) -> str:
    """Printed cross-tabs of a table by its second dimension (outcome by subject)."""
    parts = []
    for along in TABLES_BY_NAME[table].crosstab:
        heading = f"{title} by {along}"
        tab = crosstab_along(
            dataset,
            year,
            table,
            stage,
            along,
            f"s{stage}-{table}-by-{along}-{year.label}",
            f"{stage_words(stage)}: {heading.lower()}, {year.label}",
        )
        if tab is not None:
            parts.append(f"### {heading}\n")
            parts.append(crosstab_figure(tab, heading))
    return "\n\n".join(parts)


def stage_counts(year: Year, stage: str) -> str:
    """The count of each procedure at a stage, when the report gives them."""
    found = [s for s in year.report.stages if s.stage == stage and s.procedure is not None]
    if not found:
        return ""
    items = [
        tag(
            "li",
            text(
                f"{PROCEDURE_LABELS[s.procedure]}: "
                + ("not published" if s.count is None else f"{s.count:,}")
                # What the report called it: two labels may not count the same thing.
                + f" ({s.label})"
            ),
        )
        for s in found
    ]
    return tag("ul", block(*items))


def ombudsman_received(dataset: Dataset, year: Year) -> str:
    if not year.whole_rows("ombudsman_received"):
        return ""
    bd = breakdown(dataset, year, "ombudsman_received")
    data = breakdown_table(
        bd,
        f"ombudsman-received-{year.label}",
        f"What the Ombudsman sent the council, {year.label}",
        year,
        "Received",
    )
    return (
        "### What the Ombudsman sent\n\n"
        + table_block(data)
        + teams_details(dataset, year, "ombudsman_received", None, "Received")
    )


def money_table(dataset: Dataset, year: Year, table: str) -> str:
    """Costs or compensation: every row as printed, with its stage, service and team."""
    spec = TABLES_BY_NAME[table]
    rows = year.rows(table)
    if not rows:
        return ""
    body = []
    for row in sorted(rows, key=lambda r: (level(r, spec), r.line)):
        label = _money_label(dataset, spec.category, row)
        amount = None if row.amount is None else float(row.amount)
        cells = (Cell(amount, "gbp"),)
        if any(r.count is not None for r in rows):
            cells += (Cell(row.count, "count"),)
        body.append((label, (*cells, Cell(row.note or ""))))
    headers = ("What", "Amount", *(("Payments",) if len(body[0][1]) == 3 else ()), "Note")
    data = TableData(
        f"{table}-{year.label}",
        f"{spec.title}, {year.label}",
        headers,
        tuple(body),
        _csv(year, table),
    )
    return f"### {spec.title}\n\n" + table_block(data)


def _money_label(dataset: Dataset, category: str | None, row: Row) -> str:
    parts = []
    if category is not None:
        parts.append(label_of(dataset, category, row.get(category)))
    if row.get("stage"):
        parts.append(stage_words(row.get("stage")))
    if row.get("procedure"):
        parts.append(PROCEDURE_LABELS[row.get("procedure")])
    if row.get("team"):
        parts.append(
            _with_service(dataset, row.get("team"), label_of(dataset, "team", row.get("team")))
        )
    elif row.get("service"):
        parts.append(label_of(dataset, "service", row.get("service")))
    if category is None and not (row.get("service") or row.get("team")):
        parts.insert(0, "Total")
    return ", ".join(parts)


def representations(dataset: Dataset, year: Year) -> str:
    if not year.rows("representations"):
        return ""
    bd = breakdown(dataset, year, "representations")
    data = breakdown_table(
        bd,
        f"representations-{year.label}",
        f"Representations and enquiries, {year.label}",
        year,
        "Received",
    )
    return (
        figure_for(data, bd)
        + "\n\n"
        + teams_details(dataset, year, "representations", None, "Received")
    )
