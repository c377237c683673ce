"""Issue 12: the synthetic third council says it is made up, in its data and on every page.

Its name carries the label, and the name is in the title and header of every page the site
builds, so no page of it can be taken for a real council's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.site.build import Built, build

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / "tests" / "fixtures" / "synthetic"
LABEL = "made-up test data"


def test_its_data_says_it_is_synthetic() -> None:
    council = yaml.safe_load((SYNTHETIC / "council.yml").read_text(encoding="utf-8"))
    assert LABEL in council["name"]
    assert "SYNTHETIC TEST DATA" in (SYNTHETIC / "council.yml").read_text(encoding="utf-8")
    sources = yaml.safe_load((SYNTHETIC / "sources.yml").read_text(encoding="utf-8"))
    assert sources and all(LABEL in doc["title"] and LABEL in doc["publisher"] for doc in sources)
    # No timescale typed: the synthetic council relies on the national facts.
    assert "timescales" not in council


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    done = build(SYNTHETIC, tmp_path_factory.mktemp("synthetic") / "site")
    assert done.returncode == 0, done.output[-3000:]
    return done


def test_every_page_it_builds_says_it_is_made_up(built: Built) -> None:
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > 10
    unlabelled = [
        str(p.relative_to(built.site)) for p in pages if LABEL not in p.read_text(encoding="utf-8")
    ]
    assert unlabelled == []


def test_its_own_list_of_who_can_complain_is_on_its_page(built: Built) -> None:
    council = yaml.safe_load((SYNTHETIC / "council.yml").read_text(encoding="utf-8"))
    page = built.text("how-to-complain")
    for who in council["who_can_complain"]:
        assert who.replace("'", "’") in page or who in page
