"""Comparisons on a year's page: complainants beside service users and all children
(equality), the Ombudsman's figures beside similar authorities (benchmarks)."""

from __future__ import annotations

from decimal import Decimal

from portal.dataset import Dataset, Year
from portal.models.common import SOURCE_REF, Placeholder
from portal.render.html import block, tag, text
from portal.site.cite import citation_words
from portal.site.figures import chart_figure, table_block
from portal.site.year_sections import none
from portal.views.claims import sentence, to_json
from portal.views.display import Cell, TableData
from portal.views.equality import POPULATIONS, Comparison, comparisons

BENCHMARK_NAMES = {
    "decided": ("Complaints and enquiries decided", "count"),
    "upheld_rate": ("Investigations upheld", "percent"),
    "compliance": ("Recommendations complied with", "percent"),
    "satisfactory_remedy": ("Upheld cases already put right by the council", "percent"),
}


def _source_words(dataset: Dataset, refs: tuple[str, ...] | list[str]) -> str:
    """Plain-text sources for a table cell: 'Title, section 7'."""
    found = [citation_words(dataset, ref) for ref in refs if SOURCE_REF.match(ref)]
    return "; ".join(dict.fromkeys(found))


def _comparison(dataset: Dataset, year: Year, found: Comparison) -> str:
    parts = [f"### {text(found.name.capitalize())}\n"]
    if found.claim is not None and found.compared_with is not None:
        other = POPULATIONS[found.compared_with].lower()
        parts.append(
            tag(
                "p",
                text(sentence(found.claim) + ".")
                + " "
                + text(f"The first figure is the share of complainants, the second of {other}."),
                data_claim=to_json(found.claim),
            )
        )
    if "complainants" not in found.populations or len(found.populations) < 2:
        have = ", ".join(POPULATIONS[p].lower() for p in found.populations) or "no group"
        parts.append(
            tag(
                "p",
                text(
                    f"The report gives {found.name} figures for {have} only, so complainants "
                    "cannot be compared with children using the service or all children in "
                    "the area."
                ),
            )
        )
        return "\n\n".join(parts)
    for population in found.unusable:
        parts.append(
            tag(
                "p",
                text(
                    f"The report’s figures for {POPULATIONS[population].lower()} do not give "
                    "a share for every group, so they are left out of the comparison."
                ),
            )
        )
    headers = ("Group", *(POPULATIONS[p] + " (%)" for p in found.populations))
    rows = tuple(
        (group, tuple(Cell(found.shares.get((p, group)), "percent") for p in found.populations))
        for group in found.groups
    )
    slug = f"equality-{found.characteristic}-{year.label}".replace("_", "-")
    data = TableData(
        slug, f"{found.name.capitalize()}: shares compared, {year.label}", headers, rows
    )
    bars = [
        {"category": f"{group}: {POPULATIONS[p].lower()}", "percent": found.shares[(p, group)]}
        for group in found.groups
        for p in found.populations
        if found.shares.get((p, group)) is not None
    ]
    title = (
        sentence(found.claim)
        if found.claim is not None
        else f"{found.name.capitalize()}: complainants beside other groups"
    )
    description = "Bar chart of shares. " + "; ".join(
        f"{b['category']}: {b['percent']}%" for b in bars
    )
    parts.append(chart_figure(data, "charts.bars.shares_bar", bars, title, description + "."))
    parts.append(tag("p", text("Sources: " + _source_words(dataset, found.sources) + ".")))
    return "\n\n".join(parts)


def equality(dataset: Dataset, year: Year) -> str:
    """One comparison per characteristic, or why none can be made."""
    found = comparisons(dataset, year)
    if not found:
        coverage = year.report.demographics_coverage
        if coverage is not None and coverage.covered:
            return tag(
                "p",
                text(
                    "The report describes the complainants, but gives no demographic table "
                    "that could be used, so complainants cannot be compared with children "
                    "using the service or all children in the area. See “Who complained”."
                ),
            )
        return none()
    return "\n\n".join(_comparison(dataset, year, c) for c in found)


def _ombudsman_link(dataset: Dataset) -> str:
    page = dataset.council.ombudsman.council_page
    if page is None or isinstance(page, Placeholder):
        return ""
    name = dataset.council.ombudsman.name
    return tag(
        "p",
        tag("a", text(f"The {name}’s published figures for the council"), href=page),
    )


def benchmarks(dataset: Dataset, year: Year) -> str:
    """The Ombudsman's figures for the council beside similar authorities, each with its source."""
    figures = year.report.ombudsman_benchmarks
    if not figures:
        return none()
    rows = []
    bars = []
    for f in figures:
        name, unit = BENCHMARK_NAMES[f.measure]
        kind = "percent" if unit == "percent" else "count"

        def value(v: float | None) -> Decimal | int | None:
            if v is None:
                return None
            return int(v) if float(v).is_integer() else Decimal(str(v))

        sources = [s for s in (f.council_source, f.average_source) if s]
        cells = (
            Cell(value(f.council), kind),
            Cell(value(f.average), kind),
            Cell(_source_words(dataset, sources) + (f" {f.note}" if f.note else "")),
        )
        rows.append((name + (" (%)" if unit == "percent" else ""), cells))
        if unit == "percent":
            for who, v in (("this council", f.council), ("similar authorities", f.average)):
                if v is not None:
                    bars.append({"category": f"{name}: {who}", "percent": value(v)})
    headers = ("Measure", "This council", "Average for similar authorities", "Sources")
    data = TableData(
        f"benchmarks-{year.label}",
        f"The Ombudsman’s figures for the council and similar authorities, {year.label}",
        headers,
        tuple(rows),
    )
    intro = tag(
        "p",
        text(
            "The Ombudsman publishes figures for every council each year. A figure is left "
            "out (not published) where no source gives it; it is not zero."
        ),
    )
    if len(bars) >= 2:
        description = "Bar chart. " + "; ".join(f"{b['category']}: {b['percent']}%" for b in bars)
        shown = chart_figure(
            data,
            "charts.bars.shares_bar",
            bars,
            f"The Ombudsman’s figures, {year.label}",
            description + ".",
        )
    else:
        shown = table_block(data)
    return block(intro, shown, _ombudsman_link(dataset))
