"""The macros' finished HTML skips Markdown, and the page comes out exactly the same."""

from __future__ import annotations

import pytest

from portal.site.deferred import Deferred, DeferredError

FIGURE = (
    '<figure class="portal-figure" id="figure-x">\n<figcaption>Outcomes *not emphasis*'
    "</figcaption>\n<div>table</div>\n</figure>"
)
TABLE_AND_LINK = (
    '<div class="portal-table" role="region"><table><tr><td>1 | 2</td></tr></table></div>\n'
    '<p class="portal-download"><a href="x.csv" download="">CSV</a></p>'
)
MIXED = "\n\n".join(
    [
        "### Outcomes",
        FIGURE,
        '<p class="portal-note"><strong>Note: </strong>as published.</p>',
        TABLE_AND_LINK,
        "Some *Markdown* text with <abbr>LGSCO</abbr>.",
        '<span class="portal-placeholder">to be added</span> and *more* Markdown',
        '<div markdown="1">\n*inside* md_in_html\n</div>',
        "<p>raw</p> then *Markdown* after the tag",
    ]
)


def test_only_whole_html_blocks_are_deferred() -> None:
    deferred = Deferred()
    out = deferred.defer(MIXED)
    assert FIGURE not in out and TABLE_AND_LINK not in out and "portal-note" not in out
    for kept in ("### Outcomes", "*Markdown* text", "portal-placeholder", 'markdown="1"'):
        assert kept in out
    assert "then *Markdown* after the tag" in out  # not a whole block: Markdown must see it
    assert deferred.restore(out) == MIXED


def test_the_page_is_the_same_as_without_deferring(site_markdown) -> None:
    deferred = Deferred()
    assert deferred.restore(site_markdown(deferred.defer(MIXED))) == site_markdown(MIXED)


def test_a_placeholder_mangled_by_markdown_stops_the_build(site_markdown) -> None:
    deferred = Deferred()
    # Indented four spaces, the macro's output became a code block.
    html = site_markdown("    " + deferred.defer(FIGURE))
    with pytest.raises(DeferredError, match="placeholder"):
        deferred.restore(html)
