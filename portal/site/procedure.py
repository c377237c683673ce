"""Blocks about the complaints procedure itself: who can complain, who sits on the review
panel, and where the timescales come from.

Each comes from the council's data/council.yml when it says so, and otherwise from the
national facts in portal/national.py, with the law that sets them.
"""

from __future__ import annotations

from portal import national
from portal.dataset import Dataset
from portal.render.html import block, tag, text
from portal.site.cite import citation
from portal.views.contact import href_for

# How to complain is at how-to-complain/; the list of sources is on about/.
ABOUT = "../about/"


def _law(label: str, url: str) -> str:
    href = href_for("website", url)
    return tag("a", text(label), href=href) if href else text(label)


def who_can_complain(dataset: Dataset) -> str:
    """The council's own list if it gives one; otherwise who the Children Act 1989 names."""
    council = dataset.council
    own = council.who_can_complain
    items = own if own else national.WHO_CAN_COMPLAIN
    listed = tag("ul", block(*(tag("li", text(item)) for item in items)))
    if own:
        source = council.who_can_complain_source
        said = (
            tag("p", "Source: " + citation(dataset, source, ABOUT) + ".", class_="portal-source")
            if source
            else ""
        )
        return block(tag("p", "You can complain if you are:"), listed, said)
    return block(
        tag("p", "You can complain if you are:"),
        listed,
        tag(
            "p",
            "Who can complain is set by the "
            + _law(national.WHO_CAN_COMPLAIN_LAW, national.WHO_CAN_COMPLAIN_URL)
            + ".",
            class_="portal-source",
        ),
    )


def stage3_panel(dataset: Dataset) -> str:
    """'Who sits on the panel: ...', from the council or from regulation 19(2)."""
    panel = dataset.council.stage3_panel
    if panel:
        source = dataset.council.stage3_panel_source
        cited = f" (source: {citation(dataset, source, ABOUT)})" if source else ""
        return tag("p", text(f"Who sits on the panel: {panel}") + cited)
    return tag("p", text(f"Who sits on the panel: {national.STAGE3_PANEL.value}"))


def timescales_source(dataset: Dataset) -> str:
    """Where the times on the page come from: the council's own procedure, or the law."""
    scales = dataset.council.timescales
    regulations = _law(national.REGULATIONS, national.REGULATIONS_URL)
    ombudsman = text(
        " The Ombudsman’s time limit is set by the "
        f"{national.OMBUDSMAN_RULE.replace(', section', ' (section')})."
    )
    if scales.own() and scales.source:
        return tag(
            "p",
            text(f"Where the council sets its own times: {scales.source} ")
            + "Otherwise, these times are set by the "
            + regulations
            + ".",
            class_="portal-source",
        )
    return tag(
        "p", "These times are set by the " + regulations + "." + ombudsman, class_="portal-source"
    )


def young_reply_time(dataset: Dataset) -> str:
    """'10 working days (2 weeks)': the weeks only when the days make whole weeks."""
    days = dataset.council.timescales.stage1.working_days
    weeks = "" if days % 5 else f" ({days // 5} week{'s' if days // 5 != 1 else ''})"
    return text(f"{days} working days{weeks}")


PROCEDURE_BLOCKS = {
    "who_can_complain": who_can_complain,
    "stage3_panel": stage3_panel,
    "timescales_source": timescales_source,
    "young_reply_time": young_reply_time,
}
