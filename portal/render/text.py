"""Escaping data text for pages that pass through Jinja (mkdocs-macros) and then Markdown.

html.escape makes `<script>` literal text. Markdown and Jinja would still act on characters
html.escape leaves alone, so those become numeric character references too: the browser shows
the same character, but Jinja never sees `{{`, and Markdown never sees emphasis, links, code,
table pipes or backslash escapes. Line breaks become spaces: a blank line inside an HTML block
would end the block and hand the rest to Markdown.
"""

from __future__ import annotations

import html
import re

# Applied after html.escape; none of these occurs in the entities html.escape writes
# (&amp; &lt; &gt; &quot; &#x27;), so nothing is escaped twice.
_MARKUP = str.maketrans(
    {
        "{": "&#123;",
        "}": "&#125;",
        "*": "&#42;",
        "_": "&#95;",
        "[": "&#91;",
        "]": "&#93;",
        "`": "&#96;",
        "|": "&#124;",
        "\\": "&#92;",
    }
)
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def escape_text(value: object) -> str:
    """Any data value as literal text, safe in HTML, Jinja and Markdown alike."""
    return html.escape(_BREAKS.sub(" ", str(value)), quote=True).translate(_MARKUP)


def check_slug(slug: str) -> str:
    """Ids are derived from slugs, so a slug must be lowercase letters, digits and hyphens."""
    if not _SLUG.match(slug):
        raise ValueError(f"slug must be lowercase letters, digits and hyphens: {slug!r}")
    return slug


def protect_markup(markup: str) -> str:
    """Markup we generated (e.g. an SVG) with the same characters as references.

    Only for markup whose tag and attribute names use none of those characters (true of SVG
    and of our HTML); references are decoded inside attribute values and text alike.
    """
    return markup.translate(_MARKUP)
