"""Page components built from the dataset: headline cards, coverage box, contact routes."""

from __future__ import annotations

from portal.dataset import Dataset, Year
from portal.models.common import Placeholder
from portal.render.html import block, safe_href, tag, text
from portal.site.cite import citations
from portal.views.claims import Claim, change, sentence, to_json
from portal.views.coverage import NO_REPORT, coverage
from portal.views.headline import headline
from portal.views.stat import Stat
from portal.views.trends import Series, series

TO_BE_ADDED = "to be added by the council"


def setting(value: object) -> str:
    """A council setting as text; a placeholder says it is still to come."""
    if value is None or isinstance(value, Placeholder):
        return tag("span", TO_BE_ADDED, class_="portal-placeholder")
    return text(value)


def link_setting(value: object, kind: str = "url") -> str:
    if value is None or isinstance(value, Placeholder):
        return setting(value)
    href = {"email": f"mailto:{value}", "phone": f"tel:{str(value).replace(' ', '')}"}.get(
        kind, str(value)
    )
    if safe_href(href) is None:
        return text(value)  # the model checks every URL field; this is the last guard
    return tag("a", text(value), href=href)


def stat_card(label: str, stat: Stat, detail: str | None = None, claim: Claim | None = None) -> str:
    # "not published" is not a figure: never set in headline type (portal.css).
    css = "portal-stat__value" + (" portal-stat__value--none" if stat.missing else "")
    value = tag("p", text(stat.text()), class_=css)
    note = ""
    if stat.kind == "as_published":
        note = tag("p", "as published in the report", class_="portal-stat__note")
    elif stat.kind == "computed" and stat.base:
        note = tag(
            "p", text(f"of {stat.base:,}, worked out from the counts"), class_="portal-stat__note"
        )
    if claim is not None:
        detail = sentence(claim)
    more = (
        tag(
            "p",
            text(detail),
            class_="portal-stat__change",
            data_claim=None if claim is None else to_json(claim),
        )
        if detail
        else ""
    )
    return tag(
        "div",
        block(tag("p", text(label), class_="portal-stat__label"), value, note, more),
        class_="portal-stat",
    )


def stage_label(stage: str) -> str:
    return {"ombudsman": "Ombudsman", "all": "All stages"}.get(stage, f"Stage {stage}")


def _change(trends: tuple[Series, ...], year: Year, series_id: str) -> Claim | None:
    """This year against the previous year with a value, never across a change of meaning."""
    found = next((s for s in trends if s.id == series_id), None)
    if found is None:
        return None
    years = [label for label, _ in found.points]
    if year.label not in years:
        return None
    points = [(y, None if stat.missing else stat.value) for y, stat in found.points]
    upto = points[: years.index(year.label) + 1]
    unit = found.unit if found.unit in ("percent", "gbp") else "count"
    return change(
        upto,  # type: ignore[arg-type]
        subject=found.label,
        unit=unit,  # type: ignore[arg-type]
        breaks=found.breaks,
        scope=(("series", found.id), ("year", year.label)),
    )


CARD_SERIES = {"1": "stage1", "2": "stage2", "3": "stage3", "ombudsman": "ombudsman"}


def headline_cards(dataset: Dataset, year: Year) -> str:
    now = headline(dataset, year)
    trends = series(dataset)
    scales = dataset.council.timescales.stage1
    cards = []
    for stage in ("all", "1", "2", "3", "ombudsman"):
        stat = now.stages[stage]
        # Most reports print no all-stages total (issue 12) or no Stage 3: no card, no gap.
        if stat.missing and stage in ("all", "3"):
            continue
        label = now.stage_labels.get(stage, f"{stage_label(stage)} complaints")
        label = label[:1].upper() + label[1:]
        claim = _change(trends, year, CARD_SERIES[stage]) if stage in CARD_SERIES else None
        cards.append(stat_card(label, stat, claim=claim))
    for label, key in (
        ("Stage 1 complaints upheld", "upheld"),
        (f"Stage 1 answered within {scales.working_days} working days", "within_target"),
        (
            f"Stage 1 answered within the statutory timescale "
            f"({scales.extended_working_days or scales.working_days} working days, including "
            "the allowed extension)",
            "within_extended",
        ),
    ):
        stat = getattr(now, key)
        cards.append(stat_card(label, stat, claim=_change(trends, year, key)))
    return tag("div", block(*cards), class_="portal-stats")


# The status's class (and so its mark in components.css): a mark, so colour is never the cue.
STATUS_CLASSES = {
    "published": "published",
    "partly published": "partly-published",
    "mentioned without figures": "mentioned",
    "published in a chart or table whose figures are not available": "unavailable",
    "not published": "not-published",
    "no report of its own for this year": "no-report",
}


def coverage_box(year: Year, dataset: Dataset | None = None) -> str:
    heading = tag("h2", "What this report covers", id="statutory-coverage")
    items = coverage(year)
    if items and all(item.status == NO_REPORT for item in items):
        body = tag(
            "p",
            "This year has no report of its own, so there is nothing to check against the "
            "statutory guidance. Its figures come from other years' reports, listed under "
            "Sources and notes.",
            class_="portal-coverage__status--no-report",
        )
        return _coverage_section(heading, body)
    lines = []
    for item in items:
        status = tag(
            "strong",
            text(item.status[:1].upper() + item.status[1:]),
            class_=f"portal-coverage__status portal-coverage__status--"
            f"{STATUS_CLASSES[item.status]}",
        )
        reason = text(item.detail) if item.detail else ""
        if dataset is not None and item.sources:
            cited = citations(dataset, item.sources)
            reason = f"{reason}; see {cited}" if reason else f"see {cited}"
        lines.append(
            tag("li", f"{text(item.requirement)}: {status}" + (f" ({reason})" if reason else ""))
        )
    # Only a year with a report of its own gets here, so it has a title.
    intro = tag(
        "p",
        "Statutory guidance says an annual complaints report should cover these ten things. "
        "This shows which of them "
        + tag("cite", text(year.report.title or ""))
        + " covered, and where to check.",
    )
    return _coverage_section(heading, block(intro, tag("ul", block(*lines))))


def _coverage_section(heading: str, body: str) -> str:
    return tag(
        "section",
        block(heading, body),
        class_="portal-coverage",
        aria_labelledby="statutory-coverage",
    )
