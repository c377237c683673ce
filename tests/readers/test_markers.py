"""Words for readers (issue 13, item 6): a marker in every free-text field of a fixture's
report.yml files and sources.yml, found from the models. Each reader-facing marker appears on
the page where its field belongs (the year's page, or About the data for a source) or, for a
figure's words, in the open data; no staff-only marker appears on any HTML page or in the
search index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.readers.markers import Marker, mark_folder
from tests.site.build import Built, build

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = {
    "camden": ROOT / "data",
    "004": ROOT / "tests" / "fixtures" / "council-004",
    "synthetic": ROOT / "tests" / "fixtures" / "synthetic",
}


@pytest.fixture(scope="module", params=sorted(FIXTURES))
def marked(request, tmp_path_factory) -> tuple[Built, list[Marker]]:
    folder = tmp_path_factory.mktemp(f"marked-{request.param}")
    data = shutil.copytree(FIXTURES[request.param], folder / "data")
    markers = mark_folder(data)
    built = build(data, folder / "site", cache=folder / "cache")
    assert built.returncode == 0, built.output[-3000:]
    return built, markers


def _visible(built: Built) -> dict[str, str]:
    """Each page's text as a reader sees it (no tags, attributes or scripts)."""
    pages = {}
    for file in built.site.rglob("*.html"):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for hidden in soup(["script", "style"]):
            hidden.decompose()
        pages[file.relative_to(built.site).parent.as_posix()] = soup.get_text(" ")
    return pages


def _home(marker: Marker) -> str:
    """The page a field belongs on."""
    file = marker.path.split(" ")[0]
    return f"reports/{file.split('/')[0]}" if file.endswith("report.yml") else "about"


def test_the_fixture_marks_both_kinds(marked) -> None:
    _, markers = marked
    assert {m.audience for m in markers} >= {"reader", "staff"}, "no staff text to check"
    assert not [m.path for m in markers if m.audience == "unmarked"]


def test_every_reader_field_is_on_its_page(marked) -> None:
    built, markers = marked
    pages = _visible(built)
    open_data = (built.site / "downloads" / "complaints.csv").read_text(encoding="utf-8-sig")
    lost = [
        f"{m.path} (not on {_home(m)}/)"
        for m in markers
        if m.audience == "reader"
        and m.word not in pages.get(_home(m), "")
        and m.word not in open_data
    ]
    assert not lost, "reader-facing text shown nowhere a reader would look: " + "; ".join(lost)


def test_no_staff_field_is_on_a_page_or_in_the_search_index(marked) -> None:
    built, markers = marked
    pages = _visible(built)
    index = (built.site / "search" / "search_index.json").read_text(encoding="utf-8")
    leaked = [
        f"{m.path} on {page or 'home'}"
        for m in markers
        if m.audience == "staff"
        for page, words in pages.items()
        if m.word in words
    ]
    leaked += [
        f"{m.path} in the search index"
        for m in markers
        if m.audience == "staff" and m.word in index
    ]
    assert not leaked, "staff-only text shown to readers: " + "; ".join(leaked)
