"""A page's description for search engines and link previews, from the page's own words."""

from __future__ import annotations

from html.parser import HTMLParser

LIMIT = 160  # characters; search engines cut longer descriptions
SHORTEST = 40  # a paragraph shorter than this (a label, "Draft") does not describe a page
CHUNK = 4096


class _Paragraphs(HTMLParser):
    """The text of each top-level <p>, in order, skipping draft banners and admonitions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._depth = 0  # inside a <p> we are collecting
        self._skip = 0  # inside an admonition or other aside
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self._skip or (tag in ("div", "aside", "details", "nav") and _aside(classes)):
            self._skip += tag in ("div", "aside", "details", "nav")
            return
        if tag == "p":
            self._depth += 1
            if self._depth == 1:
                self._parts = []

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._skip -= tag in ("div", "aside", "details", "nav")
            return
        if tag == "p" and self._depth:
            self._depth -= 1
            if not self._depth:
                self.found.append(" ".join("".join(self._parts).split()))

    def handle_data(self, data: str) -> None:
        if self._depth and not self._skip:
            self._parts.append(data)


def _aside(classes: list[str]) -> bool:
    return any(c in ("admonition", "portal-years", "portal-cover") for c in classes) or (
        "nav" in classes
    )


def first_paragraph(html: str) -> str | None:
    """The first paragraph long enough to say what the page is, cut at a word if too long."""
    parser = _Paragraphs()
    text = None
    # A piece at a time, stopping at the paragraph: parsing whole pages was a tenth of a build.
    for start in range(0, len(html), CHUNK):
        parser.feed(html[start : start + CHUNK])
        text = next((p for p in parser.found if len(p) >= SHORTEST), None)
        if text is not None:
            break
    if text is None or len(text) <= LIMIT:
        return text
    cut = text[: LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
