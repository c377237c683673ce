"""The Atom feed: an entry per published year (dated by the commit that published it) and per
correction (dated by its `revisions:` entry), the same from two builds of one commit, and
left out, with a message, when the data has no git history."""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.site.build import MINIMAL, build, copy_data

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLISHED_AT = "2025-06-30T10:00:00+00:00"
CORRECTED_AT = "2025-09-01T10:00:00+00:00"
REVISION = """
revisions:
  - date: 2025-08-15
    change: The Stage 1 count was corrected.
    reason: One complaint was counted twice.
"""


def _git(repo: Path, *args: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """The fixture data in a git repository of its own: published in one commit, then one
    year corrected in a second."""
    repo = tmp_path_factory.mktemp("repo")
    data = copy_data(MINIMAL, repo / "data")
    _git(repo, "init", "-q", when=PUBLISHED_AT)
    _git(repo, "add", ".", when=PUBLISHED_AT)
    _git(repo, "commit", "-q", "-m", "Publish", when=PUBLISHED_AT)
    report = data / "2023-24" / "report.yml"
    report.write_text(report.read_text() + REVISION)
    _git(repo, "commit", "-q", "-am", "Correct 2023-24", when=CORRECTED_AT)
    return data


def _entries(site: Path) -> list[ET.Element]:
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    return root.findall(f"{ATOM}entry")


def test_an_entry_per_published_year_and_per_correction(history: Path, tmp_path: Path) -> None:
    built = build(history, tmp_path / "site")
    assert built.returncode == 0, built.output
    years = sorted(p.name for p in (built.site / "reports").iterdir() if p.is_dir())
    entries = _entries(built.site)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) == len(years) + 1, ids
    assert all(i.startswith("tag:") for i in ids), ids
    for year in years:
        mine = [e for e in entries if e.find(f"{ATOM}link").get("href") == f"reports/{year}/"]
        assert any(e.findtext(f"{ATOM}published") == PUBLISHED_AT for e in mine), year
    correction = next(e for e in entries if "Correction" in e.findtext(f"{ATOM}title"))
    assert correction.findtext(f"{ATOM}published").startswith("2025-08-15")
    assert "counted twice" in correction.findtext(f"{ATOM}summary")
    # Linked from every page's head, relative to the page.
    for page in built.site.rglob("index.html"):
        if "assets" in page.parts:
            continue
        depth = len(page.relative_to(built.site).parts) - 1
        link = built.page(str(page.relative_to(built.site))).select_one(
            'head link[rel="alternate"][type="application/atom+xml"]'
        )
        assert link is not None and link["href"] == "../" * depth + "feed.xml", page


def test_two_builds_of_one_commit_write_the_same_feed(history: Path, tmp_path: Path) -> None:
    first = build(history, tmp_path / "one")
    second = build(history, tmp_path / "two", cache=tmp_path / "cache-two")
    assert first.returncode == second.returncode == 0
    assert (first.site / "feed.xml").read_bytes() == (second.site / "feed.xml").read_bytes()


def test_no_history_no_feed(tmp_path: Path) -> None:
    data = copy_data(MINIMAL, tmp_path / "data")  # not in any git repository
    built = build(data, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert "feed: left out" in built.output
    assert not (built.site / "feed.xml").exists()
    assert "application/atom+xml" not in (built.site / "index.html").read_text()
