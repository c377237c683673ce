"""The year switcher at the top of every year page: every year, the current one marked."""

from __future__ import annotations

from portal.dataset import Dataset, Year
from portal.render.html import block, tag, text


def year_switcher(dataset: Dataset, year: Year) -> str:
    """Links to the other years, oldest first, relative to this year's page (reports/<label>/)."""
    if len(dataset.years) < 2:
        return ""
    items = []
    for other in dataset.years:
        name = text(other.long_label)
        if other.label == year.label:
            items.append(tag("li", tag("span", name, aria_current="page")))
        else:
            items.append(tag("li", tag("a", name, href=f"../{other.label}/")))
    return tag(
        "nav",
        block(tag("p", "Reports by year:", id="portal-years-label"), tag("ul", block(*items))),
        class_="portal-years",
        aria_labelledby="portal-years-label",
    )
