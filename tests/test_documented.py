"""Every macro, section and page block the pages can call is documented in macros/README.md."""

from __future__ import annotations

import re
from pathlib import Path

from macros.sections import YEAR_SECTIONS
from portal.site.pages import PAGE_BLOCKS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "macros" / "README.md").read_text(encoding="utf-8")


def _documented() -> set[str]:
    return set(re.findall(r"`([a-z_0-9]+)(?:\(|`)", README))


def _registered_macros() -> set[str]:
    source = (ROOT / "macros" / "register.py").read_text(encoding="utf-8")
    return set(re.findall(r"@env\.macro\s+def (\w+)", source))


def test_every_macro_is_documented() -> None:
    assert _registered_macros() <= _documented()


def test_every_year_section_and_page_block_is_documented() -> None:
    assert set(YEAR_SECTIONS) <= _documented()
    assert set(PAGE_BLOCKS) <= _documented()


def test_the_pages_call_only_registered_names() -> None:
    pages = [*ROOT.joinpath("docs").rglob("*.md"), ROOT / "templates" / "year.md"]
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    for name in re.findall(r'year_section\("(\w+)"', text):
        assert name in YEAR_SECTIONS, name
    for name in re.findall(r'\bsection\("(\w+)"\)', text):
        assert name in PAGE_BLOCKS, name
