"""Page components built from the dataset: headline cards, coverage box, contact routes."""

from __future__ import annotations

from portal.dataset import Dataset, Year
from portal.models.common import Placeholder
from portal.render.html import block, safe_href, tag, text
from portal.views.coverage import coverage
from portal.views.headline import Headline, change_in_words, headline
from portal.views.stat import Stat

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


def stat_card(label: str, stat: Stat, detail: str | None = None) -> str:
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
    more = tag("p", text(detail), class_="portal-stat__change") if detail else ""
    return tag(
        "div",
        block(tag("p", text(label), class_="portal-stat__label"), value, note, more),
        class_="portal-stat",
    )


def stage_label(stage: str) -> str:
    return {"ombudsman": "Ombudsman", "all": "All stages"}.get(stage, f"Stage {stage}")


def headline_cards(dataset: Dataset, year: Year) -> str:
    now = headline(dataset, year)
    before_year = dataset.previous(year)
    before: Headline | None = headline(dataset, before_year) if before_year else None
    scales = dataset.council.timescales.stage1
    cards = []
    for stage in ("all", "1", "2", "3", "ombudsman"):
        stat = now.stages[stage]
        # Most reports print no all-stages total (issue 12) or no Stage 3: no card, no gap.
        if stat.missing and stage in ("all", "3"):
            continue
        label = now.stage_labels.get(stage, f"{stage_label(stage)} complaints")
        label = label[:1].upper() + label[1:]
        change = None
        if before is not None:
            change = change_in_words(stat, before.stages[stage], "", before_year.long_label)
        cards.append(stat_card(label, stat, _tidy(change)))
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
        change = None
        if before is not None:
            change = change_in_words(stat, getattr(before, key), "", before_year.long_label)
        cards.append(stat_card(label, stat, _tidy(change)))
    return tag("div", block(*cards), class_="portal-stats")


def _tidy(change: str | None) -> str | None:
    if change is None:
        return None
    sentence = " ".join(change.replace("  ", " ").split())
    return sentence[:1].upper() + sentence[1:]


def coverage_box(year: Year) -> str:
    items = []
    for item in coverage(year):
        status = tag(
            "strong",
            text(item.status.capitalize()),
            class_=f"portal-coverage__status portal-coverage__status--"
            f"{item.status.replace(' ', '-')}",
        )
        detail = f" ({text(item.detail)})" if item.detail else ""
        items.append(tag("li", f"{text(item.requirement)}: {status}{detail}"))
    heading = tag("h2", "What this report covers", id="statutory-coverage")
    intro = tag(
        "p",
        "Statutory guidance says an annual complaints report should cover these "
        "ten things. This shows which the published report for this year covered.",
    )
    return tag(
        "section",
        block(heading, intro, tag("ul", block(*items))),
        class_="portal-coverage",
        aria_labelledby="statutory-coverage",
    )
