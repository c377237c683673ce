"""Small escaped-HTML helpers for page components.

Macro output goes through Jinja and then Markdown, so data text is escaped for HTML and the
characters Jinja or Markdown would act on are turned into entities.
"""

from __future__ import annotations

import html

# One pass, so the entities it writes are never escaped again.
_NEUTRAL = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
        "{": "&#123;",
        "}": "&#125;",
        "*": "&#42;",
        "_": "&#95;",
        "[": "&#91;",
        "]": "&#93;",
        "`": "&#96;",
        "|": "&#124;",
        "#": "&#35;",
        "\\": "&#92;",
        "~": "&#126;",
    }
)


def text(value: object) -> str:
    """Data text as literal text, whatever it contains."""
    return str(value).translate(_NEUTRAL)


def attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def tag(name: str, content: str, **attrs: object) -> str:
    rendered = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{attr(value)}"'
        for key, value in attrs.items()
        if value is not None and value is not False
    )
    return f"<{name}{rendered}>{content}</{name}>"


def block(*parts: str) -> str:
    """Join HTML parts with no blank line, so Markdown treats the result as one raw block."""
    return "\n".join(part for part in parts if part)
