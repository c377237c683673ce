"""Small escaped-HTML helpers for page components.

Macro output goes through Jinja and then Markdown, so data text is escaped for HTML and the
characters Jinja or Markdown would act on become references (portal.render.text).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from portal.models.common import check_url
from portal.render.text import escape_text


def text(value: object) -> str:
    """Data text as literal text, whatever it contains."""
    return escape_text(value)


def attr(value: object) -> str:
    return html.escape(str(value), quote=True)


# A link within the site: no scheme before the first '/', '?' or '#', and not '//host'.
_RELATIVE = re.compile(r"^(?!//)[^:/?#]*(?:[/?#].*)?$", re.S)
_LINK_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink_href"}


def safe_href(value: object) -> str | None:
    """value if it is a link a reader may follow: one the URL fields allow
    (portal.models.common.check_url) or a link within the site; None otherwise."""
    url = str(value)
    if _RELATIVE.match(url) and not re.search(r"[\x00-\x20\x7f-\x9f]", url):
        return url
    try:
        return check_url(url)
    except ValueError:
        return None


def tag(name: str, content: str, **attrs: object) -> str:
    for key in _LINK_ATTRIBUTES & attrs.keys():
        if attrs[key] is not None and safe_href(attrs[key]) is None:
            # Data links are checked when the data is read; this is a bug in the page code.
            raise ValueError(f"<{name} {key}> is not a link a page may have: {attrs[key]!r}")
    rendered = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{attr(value)}"'
        for key, value in attrs.items()
        if value is not None and value is not False
    )
    return f"<{name}{rendered}>{content}</{name}>"


def block(*parts: str) -> str:
    """Join HTML parts with no blank line, so Markdown treats the result as one raw block."""
    return "\n".join(part for part in parts if part)


def markup_table(
    caption: str, anchor: str, headers: Sequence[tuple[str, str | None]], rows: Sequence[str]
) -> str:
    """A table whose cells hold markup (links, code), in the scrolling region every table has.

    headers: (escaped label, CSS class or None); rows: finished <tr> elements.
    """
    head = tag("tr", block(*(tag("th", label, scope="col", class_=css) for label, css in headers)))
    table = tag(
        "table",
        block(
            tag("caption", text(caption), id=anchor), tag("thead", head), tag("tbody", block(*rows))
        ),
        class_="portal-data-table",
    )
    return tag(
        "div", table, class_="portal-table", role="region", aria_labelledby=anchor, tabindex="0"
    )
