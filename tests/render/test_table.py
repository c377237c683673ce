"""Data tables: structure, "not published", and data text that stays literal text all the way
through Jinja and the site's Markdown."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from portal.render.table import AsPublished, Column, data_table, format_cell

NASTY = [
    "<script>alert('x')</script>",
    "{{ 7*7 }}",
    "{% if true %}yes{% endif %}",
    "**bold** and _em_ and `code`",
    "[x](https://example.com) ![i](y.png)",
    "a | b | c",
    'back\\slash & ampersand &amp; "quotes"',
    "line one\n\nline two",
    "[^1] *[HTML]: x {: .cls }",
]

COLUMNS = [
    Column("service", "Service"),
    Column("count", "Complaints", "count"),
    Column("percent", "Share", "percent"),
]


def nasty_table() -> str:
    rows = [{"service": text, "count": i, "percent": Decimal(i)} for i, text in enumerate(NASTY)]
    return data_table(rows, COLUMNS, caption="Caption with {{ x }} and **stars**", slug="nasty")


def test_table_structure_caption_scopes_and_region() -> None:
    html = data_table(
        [{"service": "Children in care", "count": 1234, "percent": Decimal("25.5")}],
        COLUMNS,
        caption="Complaints by service, 2023-24",
        slug="by-service",
        totals={"service": "Total", "count": 1234, "percent": 100},
    )
    soup = BeautifulSoup(html, "html.parser")
    region = soup.select_one("div.portal-table")
    assert region["role"] == "region"
    assert region["tabindex"] == "0"
    caption = soup.find("caption")
    assert region["aria-labelledby"] == caption["id"] == "table-by-service-caption"
    assert caption.get_text() == "Complaints by service, 2023-24"
    assert [th["scope"] for th in soup.select("thead th")] == ["col", "col", "col"]
    body_row = soup.select_one("tbody tr")
    assert body_row.find("th")["scope"] == "row"
    assert body_row.find("th").get_text() == "Children in care"
    assert [td.get_text() for td in body_row.find_all("td")] == ["1,234", "25.5%"]
    # Numbers right-aligned by class (header and cells alike); text is not.
    assert all("portal-num" in td["class"] for td in body_row.find_all("td"))
    assert [th.get("class") for th in soup.select("thead th")] == [
        None,
        ["portal-num"],
        ["portal-num"],
    ]
    assert soup.select_one("tfoot th").get_text() == "Total"
    assert "\n\n" not in html


def test_missing_values_say_not_published() -> None:
    rows = [
        {"service": "A", "count": None, "percent": None},
        {"service": "B", "count": math.nan},
        {"service": "C"},
    ]
    soup = BeautifulSoup(data_table(rows, COLUMNS, caption="c", slug="m"), "html.parser")
    cells = [td.get_text() for td in soup.select("tbody td")]
    assert cells == ["not published"] * 6
    # 0 is a real value, shown as 0.
    assert format_cell(0, "count") == "0"


def test_as_published_marker_and_note() -> None:
    rows = [{"service": "A", "count": 3, "percent": AsPublished(Decimal("33.3"))}]
    soup = BeautifulSoup(data_table(rows, COLUMNS, caption="c", slug="p"), "html.parser")
    cell = soup.select("tbody td")[1]
    assert cell.get_text() == "33.3%† (as published)"
    assert cell.select_one(".portal-published")["aria-hidden"] == "true"
    note = soup.select_one("p.portal-table-note").get_text()
    assert note.startswith("† As published")
    # No marker used, no note.
    plain = data_table([{"service": "A", "count": 3}], COLUMNS, caption="c", slug="q")
    assert "portal-table-note" not in plain


def test_cell_formats() -> None:
    assert format_cell(1234567, "count") == "1,234,567"
    assert format_cell(Decimal("25.50"), "percent") == "25.50%"  # as computed, not re-rounded
    assert format_cell(12.5, "percent") == "12.5%"
    assert format_cell(1500, "gbp") == "£1,500"
    assert format_cell(Decimal("99.5"), "gbp") == "£99.50"
    assert format_cell("fewer than 5", "count") == "fewer than 5"
    with pytest.raises(ValueError):
        format_cell(2.5, "count")


@pytest.mark.parametrize("slug", ["Has Space", "UPPER", "x_y", "-lead", ""])
def test_bad_slugs_are_refused(slug: str) -> None:
    with pytest.raises(ValueError, match="slug"):
        data_table([], COLUMNS, caption="c", slug=slug)


def test_markdown_leaves_the_table_block_untouched(site_markdown) -> None:
    html = nasty_table()
    page = f"# Page\n\nSome *text*.\n\n{html}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert html in site_markdown(page)


def test_data_text_is_literal_after_jinja_and_markdown(page_pipeline) -> None:
    page = f"Intro *text*.\n\n{nasty_table()}\n\nAfter.\n"
    soup = BeautifulSoup(page_pipeline(page), "html.parser")
    headers = [th.get_text() for th in soup.select("tbody th")]
    # What the reader sees is exactly the data (line breaks become spaces).
    assert headers == [text.replace("\n\n", " ") for text in NASTY]
    assert soup.find("caption").get_text() == "Caption with {{ x }} and **stars**"
    table = soup.select_one("div.portal-table-block")
    for tag in ("script", "strong", "em", "a", "code", "img", "sup", "abbr"):
        assert table.find(tag) is None, tag
    assert "49" not in table.get_text()
    assert "yes" not in headers[2].replace("{% if true %}yes{% endif %}", "")
