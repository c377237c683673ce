"""A figure: caption, then the chart and its data table as two tabs, then a CSV download.

The tabs are Material's CSS-only content tabs (the markup pymdownx.tabbed writes with
alternate_style: radio inputs, labels, blocks), so the table is one click or one arrow key
away with JavaScript off, and Material's print styles show both blocks. Like the table, the
whole figure is one HTML block with no blank line inside, so Markdown leaves it alone.
"""

from __future__ import annotations

import re

from portal.render.text import check_slug, escape_text

# Relative links only: a CSV is a file the build writes next to the pages.
_SAFE_HREF = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!//)[^\s\"'<>]+$")


def figure(
    *,
    slug: str,
    title: str,
    subtitle: str,
    chart_svg: str,
    table_html: str,
    csv_href: str | None = None,
    csv_label: str = "Download this data (CSV)",
    title_claim: str | None = None,
    subtitle_claim: str | None = None,
) -> str:
    """The figure's HTML. title and subtitle are plain text (escaped here) and form the
    visible <figcaption>. chart_svg and table_html are markup from portal.render.svg and
    portal.render.table (trusted, not escaped). csv_href: a relative link, or None for none.
    title_claim / subtitle_claim: the JSON of the claim the title / subtitle states
    (portal.views.claims.to_json), kept in a data-claim attribute so tests can check it.
    """
    check_slug(slug)
    if not title.strip():
        raise ValueError("a figure needs a title")
    if csv_href is not None and not _SAFE_HREF.match(csv_href):
        raise ValueError(f"csv_href must be a relative link to a file: {csv_href!r}")
    for name, markup in (("chart_svg", chart_svg), ("table_html", table_html)):
        if re.search(r"\n[ \t]*\n", markup):
            raise ValueError(f"{name} has a blank line, which would end the HTML block early")
    fid = f"figure-{slug}"
    chart_tab, table_tab = f"{fid}-chart", f"{fid}-table"
    lines = [
        f'<figure class="portal-figure" id="{fid}">',
        f'<figcaption id="{fid}-caption">'
        f'<span class="portal-figure-title"{_claim(title_claim)}>{escape_text(title)}</span> '
        f'<span class="portal-figure-subtitle"{_claim(subtitle_claim)}>'
        f"{escape_text(subtitle)}</span>"
        "</figcaption>",
        # data-tabs marks a tab set for Material's JavaScript (tab indicator, linked tabs);
        # without JavaScript the radio inputs and :checked CSS do all the work.
        f'<div class="tabbed-set tabbed-alternate portal-figure-tabs" data-tabs="{fid}:2">',
        f'<input checked="checked" id="{chart_tab}" name="{fid}-view" type="radio">',
        f'<input id="{table_tab}" name="{fid}-view" type="radio">',
        '<div class="tabbed-labels">'
        f'<label for="{chart_tab}">Chart</label><label for="{table_tab}">Table</label>'
        "</div>",
        '<div class="tabbed-content">',
        f'<div class="tabbed-block portal-chart">{chart_svg.strip()}</div>',
        f'<div class="tabbed-block">{table_html.strip()}</div>',
        "</div>",
        "</div>",
    ]
    if csv_href is not None:
        lines.append(
            f'<p class="portal-figure-download"><a href="{escape_text(csv_href)}" download>'
            f"{escape_text(csv_label)}</a></p>"
        )
    lines.append("</figure>")
    return "\n".join(lines)


def _claim(found: str | None) -> str:
    return "" if found is None else f' data-claim="{escape_text(found)}"'
