"""Words for readers on the built Camden site (issue 13, item 6): no internal working, no raw
source ids, readable citations, computed figures said so."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from portal.load import load_dataset
from tests.site.build import Built, build

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
# Words about how the data was transcribed, which readers misread ("the council lost its
# ethnicity data").
JARGON = re.compile(r"\b(extraction|extracted|transcri\w+)\b", re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Built:
    out = tmp_path_factory.mktemp("camden-words")
    built = build(DATA, out / "site", cache=out / "cache")
    assert built.returncode == 0, built.output[-3000:]
    return built


def _pages(built: Built) -> dict[str, str]:
    pages = {}
    for file in built.site.rglob("*.html"):
        if "staff" in file.relative_to(built.site).parts:
            continue  # the staff guide is for staff
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for hidden in soup(["script", "style"]):
            hidden.decompose()
        pages[file.relative_to(built.site).parent.as_posix()] = " ".join(soup.get_text(" ").split())
    return pages


def _raw_refs() -> re.Pattern[str]:
    ids = [doc.id for doc in load_dataset(DATA).sources]
    return re.compile(r"\b(" + "|".join(map(re.escape, ids)) + r") §")


def test_no_transcription_jargon_for_readers(site: Built) -> None:
    found = {page: JARGON.findall(text) for page, text in _pages(site).items()}
    assert not {p: w for p, w in found.items() if w}
    index = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    csv = (site.site / "downloads" / "complaints.csv").read_text(encoding="utf-8-sig")
    assert not JARGON.search(index) and not JARGON.search(csv)


def test_no_raw_source_id_in_body_text(site: Built) -> None:
    raw = _raw_refs()
    found = {page: raw.findall(text) for page, text in _pages(site).items()}
    assert not {p: r for p, r in found.items() if r}


def test_year_notes_and_the_procedure_review_are_on_the_year_page(site: Built) -> None:
    dataset = load_dataset(DATA)
    pages = _pages(site)
    for year in dataset.years:
        page = pages[f"reports/{year.label}"]
        for note in year.report.notes:
            assert note.split(" (")[0][:60] in page, (year.label, note)
        for point in year.report.procedure_review:
            assert point.summary[:60] in page
        if year.report.procedure_review:
            assert "How well the complaints procedure worked" in page


def test_printed_percentages_are_shown_with_their_counts(site: Built) -> None:
    dataset = load_dataset(DATA)
    pages = _pages(site)
    for year in dataset.years:
        for printed in year.report.printed_percentages:
            shown = f"Printed as {printed.printed}% ({printed.numerator} of {printed.denominator})"
            assert shown in pages[f"reports/{year.label}"]


def test_the_about_page_lists_what_the_site_works_out(site: Built) -> None:
    about = _pages(site)["about"]
    assert "Figures this site works out itself" in about
    assert "1,000" in about
    assert "Every figure here comes from a published document" not in about


def test_the_remedy_is_not_said_to_be_paid(site: Built) -> None:
    page = _pages(site)["reports/2023-24"]
    assert "£480.00 paid" not in page
    assert "the remedy asked for a payment of £480.00" in page
