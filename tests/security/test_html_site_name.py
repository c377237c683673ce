"""The council's name is the site's name: printed once, exactly, wherever Material shows it.

Material prints the site name unescaped in <title>, the header and two aria-labels, and
escaped in two title attributes; overrides/ escapes each once. A name with '&', '"' and '<'
must come out as the same text everywhere, never as markup and never escaped twice.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import material
import pytest
import yaml

from tests.site.build import MINIMAL, Built, build, copy_data

NAME = 'Brighton & Hove "City" <Council> </title><script>alert(1)</script>'
SITE_NAME = f"{NAME}: children's social care complaints"
TWICE = ("&amp;amp;", "&amp;quot;", "&amp;lt;", "&amp;gt;", "&amp;#")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("site-name")
    data = copy_data(MINIMAL, root / "data")
    council = yaml.safe_load((data / "council.yml").read_text(encoding="utf-8"))
    council["name"] = NAME
    (data / "council.yml").write_text(yaml.safe_dump(council, allow_unicode=True), "utf-8")
    done = build(data, root / "site")
    assert done.returncode == 0, done.output[-3000:]
    return done


def _pages(built: Built) -> list[Path]:
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > 5
    return pages


def test_the_title_holds_the_name_as_text(built: Built) -> None:
    for path in _pages(built):
        page = built.page(str(path.relative_to(built.site)))
        (title,) = page.head.find_all("title")
        assert title.get_text().endswith(SITE_NAME), path
        assert not page.find("script", string="alert(1)"), path


def test_header_and_navigation_show_the_name_exactly(built: Built) -> None:
    for path in _pages(built):
        page = built.page(str(path.relative_to(built.site)))
        topic = page.select_one(".md-header__topic .md-ellipsis")
        assert topic.get_text(strip=True) == SITE_NAME, path
        label = page.select_one("label.md-nav__title")
        assert label.get_text(strip=True) == SITE_NAME, path
        logos = page.select("a.md-logo")
        assert len(logos) == 2, path
        for logo in logos:
            assert logo["aria-label"] == SITE_NAME, path
            assert logo["title"] == SITE_NAME, path


def test_nothing_is_escaped_twice(built: Built) -> None:
    for path in sorted(built.site.rglob("*")):
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not [t for t in TWICE if t in text], path


def test_every_meta_tag_with_the_name_has_it_exactly(built: Built) -> None:
    for path in _pages(built):
        page = built.page(str(path.relative_to(built.site)))
        for meta in page.find_all("meta"):
            content = meta.get("content", "")
            if "Brighton" in content:
                # A description may be shortened with "…", but never inside an escape.
                shown = content[content.index("Brighton") :]
                assert shown.startswith(NAME) or NAME.startswith(shown.rstrip("…")), path


def test_search_index_and_sitemap_hold_no_markup_from_the_name(built: Built) -> None:
    index = json.loads((built.site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        assert "<script" not in doc["title"] + doc["text"]
    ET.parse(built.site / "sitemap.xml")  # well-formed
    assert "Brighton" not in (built.site / "sitemap.xml").read_text("utf-8")


THEME = Path(material.__file__).parent / "templates"
OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
_COMMENT = re.compile(r"^\{#-.*?-#\}\n", re.S)


@pytest.mark.parametrize("partial", ["header.html", "nav.html", "content.html"])
def test_overridden_partials_are_materials_own_plus_escaping(partial: str) -> None:
    """Copies of Material's partials: after an upgrade of Material they must be copied again."""

    def normal(path: Path) -> str:
        return _COMMENT.sub("", path.read_text("utf-8")).replace("config.site_name | e", "X")

    ours = OVERRIDES / "partials" / partial
    assert "config.site_name }}" not in ours.read_text("utf-8")
    assert normal(ours) == normal(THEME / "partials" / partial).replace("config.site_name", "X")


def test_the_title_block_escapes_the_site_name() -> None:
    main = (OVERRIDES / "main.html").read_text("utf-8")
    start = main.index("{% block htmltitle %}")
    block = main[start : main.index("{% endblock %}", start)]
    assert block.count("config.site_name | e") == 3
    assert "config.site_name }}" not in block
