"""commentary.md, the only Markdown in the data: Markdown works, HTML is text, links are checked.

Rendered by portal.render.markdown (markdown-it-py with raw HTML off, then nh3) and shown on
the year's page in one HTML block that Jinja and the site's own Markdown pass leave alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from portal.render.markdown import ALLOWED_TAGS, markdown_block, markdown_html
from tests.security.hostile import COMMENTARY, HOSTILE
from tests.security.scan import html_findings
from tests.site.build import MINIMAL, build, copy_data

STAFF_MARKDOWN = """# What changed

Complaints **rose** a little, mostly about *letters*.

- one
- two

1. first
2. second

> A quote.

| Stage | Count |
|---|---|
| 1 | 20 |

See [the report](https://example.org/report.pdf), write to
[complaints](mailto:complaints@example.org) or call [us](tel:+442079460000).
"""


def _soup(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def test_staff_markdown_is_rendered() -> None:
    soup = _soup(markdown_html(STAFF_MARKDOWN))
    assert soup.find("h3").get_text() == "What changed"  # under the page's own ## sections
    assert soup.find("strong").get_text() == "rose"
    assert soup.find("em").get_text() == "letters"
    assert [li.get_text() for li in soup.find_all("li")] == ["one", "two", "first", "second"]
    assert soup.find("blockquote") and soup.find("table") and soup.find("th")
    assert [a["href"] for a in soup.find_all("a")] == [
        "https://example.org/report.pdf",
        "mailto:complaints@example.org",
        "tel:+442079460000",
    ]


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java%09script:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:x",
        "data:text/html,x",
        "file:///etc/passwd",
        "//evil.example/",
        "/relative",
    ],
)
def test_only_checked_links_survive(link: str) -> None:
    soup = _soup(markdown_html(f"[text]({link}) [ref][r] <{link}>\n\n[r]: {link}\n"))
    assert [a.get("href") for a in soup.find_all("a") if a.get("href")] == []
    assert "text" in soup.get_text()


def test_the_sanitiser_checks_links_again() -> None:
    """Should markdown-it ever make a link it should not, nh3 drops it."""
    from portal.render.markdown import _cleaner

    cleaned = _cleaner.clean('<a href="javascript:alert(1)">a</a><a href="https://a.org">b</a>')
    assert [a.get("href") for a in _soup(cleaned).find_all("a")] == [None, "https://a.org"]


def test_html_in_the_file_is_shown_as_text() -> None:
    markup = markdown_html(COMMENTARY)
    assert not html_findings(markup, "commentary")
    soup = _soup(markup)
    assert {tag.name for tag in soup.find_all(True)} <= ALLOWED_TAGS
    text = soup.get_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert '<a href="javascript:alert(1)">raw link</a>' in text


def test_the_block_has_no_line_break_and_nothing_for_jinja_or_markdown() -> None:
    block = markdown_block(COMMENTARY, "portal-commentary")
    assert "\n" not in block
    assert not re.search(r"[{}*_\[\]`|\\]", block)
    soup = _soup(block)
    # References decode to the same text, and the code block keeps its line breaks.
    assert "{{ 7*7 }}" in soup.get_text()
    assert "\n\n" in soup.find("pre").get_text()


def test_commentary_on_the_built_page(tmp_path: Path) -> None:
    data = copy_data(MINIMAL, tmp_path / "data")
    (data / "2023-24" / "commentary.md").write_text(
        # `markdown=` keeps the block from being deferred (portal/site/deferred.py), so the
        # site's Markdown pass reads it: it must still come out the same.
        STAFF_MARKDOWN + '\nText with markdown="1".\n\n' + HOSTILE + "\n",
        encoding="utf-8",
    )
    built = build(data, tmp_path / "site")
    assert built.returncode == 0, built.output[-3000:]
    page = built.page("reports/2023-24")
    (block,) = page.select(".portal-commentary")
    assert block.find("h3").get_text() == "What changed"
    assert block.find("table") is not None
    assert 'Text with markdown="1".' in block.get_text()
    assert "https://example.org/report.pdf" in [a.get("href") for a in block.find_all("a")]
    # Markdown in the hostile line still works (its *emphasis*); its HTML is text.
    assert "<script>alert(1)</script>" in block.get_text()
    assert "{{ 7*7 }}" in block.get_text()
    assert not html_findings(str(block), "commentary")
    assert "portal-block:" not in str(page)
