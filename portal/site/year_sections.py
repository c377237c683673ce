"""The sections of a year's page, each Markdown/HTML built from that year's data only."""

from __future__ import annotations

from portal.dataset import Dataset, Year
from portal.models.counts import Figure
from portal.models.narrative import OmbudsmanCase
from portal.render.html import block, tag, text
from portal.render.markdown import markdown_block
from portal.site import table_sections
from portal.site.cite import ABOUT_FROM_YEAR, readable, source_anchor
from portal.site.components import coverage_box, headline_cards
from portal.site.figures import crosstab_figure, figure_for, table_block
from portal.site.year_notes import printed_sentences, year_notes
from portal.views.breakdown import breakdown
from portal.views.display import Cell, TableData
from portal.views.headline import rates
from portal.views.tables import breakdown_table, crosstab

NONE = "Not published for this year."


def none(message: str = NONE) -> str:
    return tag("p", text(message), class_="portal-none")


def draft_banner(year: Year) -> str:
    if year.published:
        return ""
    return tag(
        "div",
        block(
            tag("p", tag("strong", "Draft"), class_="admonition-title"),
            tag(
                "p",
                "This year is a draft. It appears only in preview builds and "
                "is not on the published site.",
            ),
        ),
        class_="admonition warning",
    )


def intro(dataset: Dataset, year: Year) -> str:
    period = year.report.period
    docs = {ref.split(" §")[0] for ref in _all_sources(year)}
    titles = [dataset.sources_by_id[d].title for d in sorted(docs) if d in dataset.sources_by_id]
    sentence = (
        f"Complaints about children’s social care at {dataset.council.name}, from "
        f"{period.start:%-d %B %Y} to {period.end:%-d %B %Y}."
    )
    source = ("Figures come from: " + "; ".join(titles) + ".") if titles else ""
    return block(
        tag("p", text(sentence), class_="portal-lede"), tag("p", text(source)) if source else ""
    )


def _all_sources(year: Year) -> list[str]:
    refs = [s.source for s in year.report.stages] + [f.source for f in year.report.figures]
    refs += [r.source for rows in year.tables.values() for r in rows]
    return refs


def summary(dataset: Dataset, year: Year) -> str:
    return headline_cards(dataset, year)


def commentary(year: Year) -> str:
    # Staff-written Markdown from data/<year>/commentary.md: the only Markdown in the data,
    # rendered with raw HTML off and sanitised (portal.render.markdown).
    if not year.commentary:
        return ""
    return markdown_block(year.commentary, "portal-commentary")


# Table captions and chart titles name the year "2023-24"; prose and headings "2023 to 2024"
# (issue 18).


def figures_table(year: Year, figures: list[Figure], id: str, caption: str) -> str:
    if not figures:
        return none()
    rows = []
    for f in figures:
        value: int | float | None = f.value
        if value is not None and (f.unit == "count" or value == int(value)):
            value = int(value)
        kind = {"count": "count", "percent": "percent", "gbp": "gbp"}[f.unit]
        rows.append((f.label, (Cell(value, kind), Cell(f.note or ""))))
    return table_block(TableData(id, caption, ("Measure", "Figure", "Note"), tuple(rows)))


def context(year: Year) -> str:
    figures = [f for f in year.report.figures if f.measure == "context"]
    parts = [figures_table(year, figures, f"context-{year.label}", "Context for the year")]
    found = rates(year)
    if found:
        items = [
            tag(
                "li",
                text(
                    f"{r.value} Stage 1 complaints for every 1,000 "
                    f"{r.base_label[:1].lower()}{r.base_label[1:]} "
                    f"({year.stage_count('1'):,} complaints, {r.base:,} in all)"
                ),
            )
            for r in found
        ]
        parts.append(
            tag(
                "p",
                "To compare years of different size (worked out by this site, not printed "
                "in the report):",
            )
        )
        parts.append(tag("ul", block(*items)))
    return "\n\n".join(parts)


def stage_section(dataset: Dataset, year: Year, stage: str) -> str:
    found = year.report.stage(stage)
    if found is None:
        return none()
    count = "not published" if found.count is None else f"{found.count:,}"
    parts = [
        tag(
            "p",
            text(f"{found.label[:1].upper()}{found.label[1:]}: {count}.")
            + (f" {text(readable(dataset, found.note))}" if found.note else ""),
        ),
        _meaning_changed(year, stage),
        printed_sentences(dataset, year, stage),
        table_sections.stage_counts(year, stage),
    ]
    words = table_sections.stage_words(stage)
    specs = [
        ("service_areas", "service", "Complaints by service area", "Service area"),
        ("subjects", None, "What complaints were about", "Subject"),
        ("outcomes", None, "Outcomes", "Outcome"),
        ("timeliness", None, "How long responses took", "Time taken"),
        ("timescales", None, "Statutory timescale met", "Result"),
    ]
    for table, by, title, column in specs:
        rows = [r for r in year.rows(table) if r.get("stage") == stage]
        if not rows:
            continue
        split = table_sections.by_procedure(dataset, year, table, stage, title)
        bd = breakdown(
            dataset, year, table, where={"stage": stage}, by=by, total=year.stage_count(stage)
        )
        if bd.empty:
            parts += [f"### {title}\n", split] if split else []
            continue
        caption = f"{words}: {title.lower()}, {year.label}"
        data = breakdown_table(bd, f"s{stage}-{table}-{year.label}", caption, year, column)
        parts.append(f"### {title}\n")
        within = None
        if table == "timeliness":
            within = {b.id: b.within_timescale for b in dataset.vocabulary.timeliness_bands}
        parts.append(figure_for(data, bd, stage, within))
        if by == "service":
            parts.append(table_sections.teams_details(dataset, year, table, stage, column))
        parts.append(split)
        parts.append(gap_notes(year, table, stage, dataset))
    for table, title in (
        ("outcomes", "Outcomes by service"),
        ("timeliness", "Response times by service"),
        ("timescales", "Statutory timescale met by service"),
        ("subjects", "What complaints were about, by service"),
    ):
        tab = crosstab(
            dataset,
            year,
            table,
            stage,
            f"s{stage}-{table}-x-{year.label}",
            f"{words}: {title.lower()}, {year.label}",
        )
        if tab is not None:
            parts.append(f"### {title}\n")
            parts.append(crosstab_figure(tab, title, ordered=table == "timeliness"))
            parts.append(
                table_sections.teams_details(
                    dataset, year, table, stage, title, under_services=True
                )
            )
    parts.append(table_sections.crosstabs_along(dataset, year, "outcomes", stage, "Outcomes"))
    return "\n\n".join(p for p in parts if p)


def _meaning_changed(year: Year, stage: str) -> str:
    """From this year the count means something else: said where the count is shown."""
    changes = [s.meaning_changed for s in year.report.stages if s.stage == stage]
    return block(
        *(
            tag("p", tag("strong", "Change of meaning: ") + text(c), class_="portal-note")
            for c in changes
            if c
        )
    )


def gap_notes(year: Year, table: str, stage: str | None, dataset: Dataset | None = None) -> str:
    """Why a table does not add up to its total, in the data's own words, and any chart or
    table of the report whose figures are not available."""
    notes = [g.note for g in year.report.gaps if g.table == table and g.stage in (None, stage)]
    notes += [
        f"The report also has {u.what} (§{u.source.split(' §', 1)[-1]}), whose "
        "figures are not available here."
        for u in year.report.not_available
        if u.table == table and u.stage in (None, stage)
    ]
    if dataset is not None:
        notes = [readable(dataset, n) for n in notes]
    return block(
        *(tag("p", tag("strong", "Note: ") + text(n), class_="portal-note") for n in notes)
    )


def ombudsman(dataset: Dataset, year: Year) -> str:
    found = year.report.stage("ombudsman")
    parts = []
    if found is not None:
        count = "not published" if found.count is None else f"{found.count:,}"
        parts.append(tag("p", text(f"{found.label[:1].upper()}{found.label[1:]}: {count}.")))
        parts.append(_meaning_changed(year, "ombudsman"))
        parts.append(printed_sentences(dataset, year, "ombudsman"))
    meta = year.report.ombudsman
    if meta is not None and meta.category:
        parts.append(tag("p", text(f"The Ombudsman’s category: {meta.category}.")))
    if year.whole_rows("ombudsman"):
        bd = breakdown(dataset, year, "ombudsman", total=year.stage_count("ombudsman"))
        data = breakdown_table(
            bd,
            f"ombudsman-{year.label}",
            f"Ombudsman decisions, {year.label}",
            year,
            "Decision",
        )
        parts.append(figure_for(data, bd))
        parts.append(table_sections.teams_details(dataset, year, "ombudsman", None, "Decision"))
    parts.append(gap_notes(year, "ombudsman", "ombudsman", dataset))
    parts.append(table_sections.ombudsman_received(dataset, year))
    for case in year.report.ombudsman_cases:
        parts.append(_ombudsman_case(case))
    parts = [p for p in parts if p]
    return "\n\n".join(parts) if parts else none()


def _ombudsman_case(case) -> str:
    items = [tag("p", text(case.summary))]
    if case.category:
        items.append(tag("p", text(f"The Ombudsman’s category: {case.category}.")))
    if case.findings:
        items.append(tag("p", tag("strong", "What the Ombudsman found")))
        items.append(tag("ul", block(*(tag("li", text(f)) for f in case.findings))))
    if case.remedies:
        items.append(tag("p", tag("strong", "Remedies and service improvements")))
        items.append(tag("ul", block(*(tag("li", text(r)) for r in case.remedies))))
    title = case.title()
    return tag("div", block(tag("h3", text(title)), *items), class_="portal-case")


def money(year: Year, dataset: Dataset | None = None) -> str:
    figures = [f for f in year.report.figures if f.measure in ("cost", "compensation")]
    paid = [c for c in year.report.ombudsman_cases if c.payment_gbp is not None]
    names = ("costs", "compensation") if dataset is not None else ()
    tables = [table_sections.money_table(dataset, year, t) for t in names]
    parts = [t for t in tables if t]
    if figures or not (paid or parts):
        parts.append(figures_table(year, figures, f"cost-{year.label}", "Cost and compensation"))
    if paid:
        parts.append(
            tag(
                "ul",
                block(*(tag("li", text(_remedy(c))) for c in paid)),
            )
        )
    return "\n\n".join(parts)


def _remedy(case: OmbudsmanCase) -> str:
    # The report gives the remedy the Ombudsman asked for, not proof that it was paid.
    return f"{case.name()}: the remedy asked for a payment of £{case.payment_gbp:,.2f}"


def activity(dataset: Dataset, year: Year) -> str:
    figures = [
        f
        for f in year.report.figures
        if f.measure in ("representations", "enquiries", "members_enquiries")
    ]
    table = table_sections.representations(dataset, year)
    if table and not figures:
        return table
    flat = figures_table(year, figures, f"activity-{year.label}", "Representations and enquiries")
    return "\n\n".join(p for p in (table, flat) if p)


def sources(dataset: Dataset, year: Year) -> str:
    docs = sorted({ref.split(" §")[0] for ref in _all_sources(year)})
    items = []
    for doc_id in docs:
        doc = dataset.sources_by_id.get(doc_id)
        if doc is None:
            continue
        line = text(f"{doc.title} ({doc.publisher})")
        link = tag("a", "in the list of sources", href=f"{ABOUT_FROM_YEAR}#{source_anchor(doc_id)}")
        items.append(tag("li", f"{line}, {link}"))
    listed = tag("ul", block(*items)) if items else none()
    return block(listed, year_notes(dataset, year))


def coverage(year: Year, dataset: Dataset | None = None) -> str:
    return coverage_box(year, dataset)
