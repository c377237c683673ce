"""Finished HTML from the macros, kept out of Markdown's way.

Macro output mixes Markdown (headings, which make the table of contents) with blocks of
finished HTML: tables, figures, lists, each one block with no blank line inside. Markdown
passes such a block through unchanged, but only after two HTML parsers have read it (MkDocs'
anchor scan and md_in_html's), which was most of a warm build's extra time. So each block is
swapped for a placeholder comment before Markdown (`defer`) and back straight after
(`restore`, from hooks.on_page_content): the page comes out the same, and the search index,
built after that, still holds the text.
"""

from __future__ import annotations

import re

# Block-level tags Markdown treats as the start of a raw HTML block (markdown.util).
_TAGS = "address|article|aside|blockquote|details|div|dl|figure|form|ol|p|section|table|ul"
_WHOLE_BLOCK = re.compile(rf"<({_TAGS})[\s>].*</({_TAGS})>", re.S)
_BLANK_LINE = re.compile(r"(\n[ \t]*\n)")
_PLACEHOLDER = re.compile(r"<!--portal-block:(\d+)-->")


class DeferredError(Exception):
    """A placeholder did not come through Markdown intact."""


class Deferred:
    """The HTML blocks of one build, by number."""

    def __init__(self) -> None:
        self._blocks: list[str] = []

    def defer(self, text: str) -> str:
        """text with each whole HTML block replaced by a placeholder.

        A block qualifies if it starts with a block-level tag and ends with one's closing
        tag, and asks for no Markdown inside (md_in_html's `markdown` attribute).
        """
        parts = _BLANK_LINE.split(text)
        for i in range(0, len(parts), 2):
            block = parts[i].strip("\n")
            if _WHOLE_BLOCK.fullmatch(block) and "markdown=" not in block:
                self._blocks.append(block)
                parts[i] = parts[i].replace(block, f"<!--portal-block:{len(self._blocks) - 1}-->")
        return "".join(parts)

    def restore(self, html: str) -> str:
        restored = _PLACEHOLDER.sub(lambda match: self._blocks[int(match.group(1))], html)
        if "portal-block:" in restored:
            raise DeferredError(
                "a generated HTML block's placeholder was changed by Markdown; the page's "
                "Markdown around a macro call may have put it inside code or a paragraph"
            )
        return restored
