"""Staff Markdown (data/<year>/commentary.md, the only Markdown in the data) as safe HTML.

markdown-it-py reads CommonMark with raw HTML turned off, so `<script>` or `<img onerror>`
typed in the file comes out as visible text, and a link is made only if it passes the same
check as every URL field (portal.models.common.check_url: https, http, mailto or tel);
nh3 (a maintained sanitiser) then keeps only an allow-list of tags and attributes, and
checks each link again. Headings move down two levels, so a `#` heading sits under the
page's own `##` sections.

The result is one HTML block with no line break at all (a blank line inside <pre> would end
the block for Python-Markdown), and the characters Jinja and Markdown act on are references
(portal.render.text.protect_markup), so neither acts on it.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

from portal.models.common import URL_SCHEMES, check_url
from portal.render.text import protect_markup

HEADING_SHIFT = 2
ALLOWED_TAGS = {
    *("p", "br", "hr", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li"),
    *("em", "strong", "code", "pre", "a"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}


def _allowed(url: str) -> bool:
    try:
        check_url(url)
    except ValueError:
        return False
    return True


# No images: a picture would be a request to another host. `![words](url)` is a link.
_markdown = MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")
# A link markdown-it refuses stays as the text typed, e.g. "[words](javascript:...)".
_markdown.validateLink = _allowed


def _link_filter(tag: str, attribute: str, value: str) -> str | None:
    """nh3's second look at every link (none should be left to refuse)."""
    if attribute != "href":
        return value
    return value if _allowed(value) else None


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_link_filter,
    url_schemes=set(URL_SCHEMES),
    strip_comments=True,
    link_rel="noopener noreferrer",
)


def markdown_html(source: str) -> str:
    """source (untrusted Markdown) as sanitised HTML, without the wrapper block."""
    tokens = _markdown.parse(source)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(int(token.tag[1]) + HEADING_SHIFT, 6)
            token.tag = f"h{level}"
    return _cleaner.clean(_markdown.renderer.render(tokens, _markdown.options, {}))


def markdown_block(source: str, css_class: str) -> str:
    """One <div> block of the sanitised HTML, safe to put in a page's Markdown."""
    body = markdown_html(source).strip().replace("\r", "").replace("\n", "&#10;")
    return f'<div class="{css_class}">{protect_markup(body)}</div>'
