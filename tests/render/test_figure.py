"""Figures: a captioned chart with its table one tab away (no JavaScript), and a CSV link."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from charts.theme import CSS_FILE
from portal.render.figure import figure
from portal.render.table import Column, data_table

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" class="portal-chart-svg" id="chart-outcomes" '
    'role="img" aria-labelledby="chart-outcomes-title chart-outcomes-desc" viewBox="0 0 9 9">'
    '<title id="chart-outcomes-title">T</title><desc id="chart-outcomes-desc">D</desc></svg>'
)


def make(slug: str = "outcomes", **overrides) -> str:
    table = data_table(
        [{"outcome": "Upheld", "count": 3}],
        [Column("outcome", "Outcome"), Column("count", "Complaints", "count")],
        caption="Complaints by outcome",
        slug=slug,
    )
    args = {
        "slug": slug,
        "title": "Most complaints were not upheld",
        "subtitle": "Stage 1 complaints, 2023-24",
        "chart_svg": SVG.replace("chart-outcomes", f"chart-{slug}"),
        "table_html": table,
        "csv_href": "../downloads/outcomes.csv",
    }
    return figure(**{**args, **overrides})


def shape(tabs: Tag) -> list[tuple[str, tuple[str, ...]]]:
    """The tab set's skeleton: each child's tag and classes, and the labels' and blocks'."""
    out = []
    for child in tabs.find_all(recursive=False):
        out.append((child.name, tuple(child.get("class", []))))
        for grandchild in child.find_all(recursive=False):
            classes = tuple(c for c in grandchild.get("class", []) if not c.startswith("portal-"))
            out.append((f"  {grandchild.name}", classes))
    return out


def test_tabs_use_the_markup_pymdownx_tabbed_writes(site_markdown) -> None:
    reference = site_markdown('=== "Chart"\n\n    chart\n\n=== "Table"\n\n    table\n')
    theirs = BeautifulSoup(reference, "html.parser").select_one("div.tabbed-set")
    ours = BeautifulSoup(make(), "html.parser").select_one("div.tabbed-set")
    assert set(theirs["class"]) <= set(ours["class"])
    assert ours["data-tabs"].endswith(":2") and theirs["data-tabs"].endswith(":2")
    assert shape(ours) == shape(theirs)
    inputs = ours.find_all("input", recursive=False)
    labels = ours.select(".tabbed-labels > label")
    assert [i["type"] for i in inputs] == ["radio", "radio"]
    assert inputs[0].has_attr("checked") and not inputs[1].has_attr("checked")
    assert len({i["name"] for i in inputs}) == 1  # one radio group: arrow keys switch tabs
    assert [label["for"] for label in labels] == [i["id"] for i in inputs]
    assert [label.get_text() for label in labels] == ["Chart", "Table"]


def test_figure_caption_chart_table_and_download() -> None:
    soup = BeautifulSoup(make(), "html.parser")
    fig = soup.find("figure")
    assert fig["id"] == "figure-outcomes"
    caption = fig.find("figcaption")
    assert caption is fig.find(True)  # first child: visible before the tabs
    assert caption.get_text() == "Most complaints were not upheld Stage 1 complaints, 2023-24"
    blocks = fig.select(".tabbed-content > .tabbed-block")
    assert blocks[0].find("svg")["role"] == "img"
    assert blocks[1].find("table").find("caption").get_text() == "Complaints by outcome"
    link = fig.select_one("p.portal-figure-download a")
    assert link["href"] == "../downloads/outcomes.csv"
    assert link.has_attr("download")
    assert "CSV" in link.get_text()


def test_ids_are_unique_across_figures_on_a_page() -> None:
    page = make("outcomes-2022-23") + "\n" + make("outcomes-2023-24")
    ids = [el["id"] for el in BeautifulSoup(page, "html.parser").find_all(id=True)]
    assert len(ids) == len(set(ids))
    names = {i["name"] for i in BeautifulSoup(page, "html.parser").find_all("input")}
    assert len(names) == 2  # each figure's tabs are their own radio group


def test_title_and_subtitle_are_escaped() -> None:
    html = make(title="Up <script>x</script> {{ 7*7 }}", subtitle="**bold**")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    assert soup.find("figcaption").get_text() == "Up <script>x</script> {{ 7*7 }} **bold**"
    assert "{{" not in html


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "https://example.com/x.csv", "//example.com/x.csv", "a b.csv"]
)
def test_download_link_must_be_relative(href: str) -> None:
    with pytest.raises(ValueError, match="relative"):
        make(csv_href=href)


def test_no_download_link_when_there_is_no_csv() -> None:
    assert "portal-figure-download" not in make(csv_href=None)


def test_blank_line_in_a_part_is_refused() -> None:
    with pytest.raises(ValueError, match="blank line"):
        make(table_html="<div>\n\n</div>")


def test_markdown_leaves_the_figure_untouched(page_pipeline) -> None:
    html = make()
    page = f"## Outcomes\n\nText before.\n\n{html}\n\nText *after*.\n"
    out = page_pipeline(page)
    assert html in out
    assert "<em>after</em>" in out  # Markdown resumes after the figure


def test_print_css_shows_chart_and_table_without_tab_labels() -> None:
    css = CSS_FILE.read_text(encoding="utf-8")
    print_rules = css[css.index("@media print {\n  .md-typeset .portal-figure-tabs") :]
    assert ".portal-figure .tabbed-block {\n    display: block !important;" in print_rules
    assert ".portal-figure .tabbed-labels {\n    display: none !important;" in print_rules
