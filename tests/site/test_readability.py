"""The procedure explainer is in plain English (Flesch reading ease 60 or more)."""

from __future__ import annotations

import pytest
import textstat

from tests.site.build import Built


@pytest.fixture
def offline_syllables(monkeypatch: pytest.MonkeyPatch) -> None:
    """textstat 0.7.13 downloads NLTK's CMU dictionary at first use; these machines reach no
    such host. Without it textstat counts syllables with pyphen's bundled dictionaries, as
    textstat itself did before 0.7.4."""
    from textstat.backend.counts import _count_syllables

    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)
    textstat.textstat.syllable_count.cache_clear() if hasattr(
        textstat.textstat.syllable_count, "cache_clear"
    ) else None


@pytest.mark.parametrize("path", ["how-to-complain", "young-people"])
def test_explainers_are_plain_english(minimal_site: Built, path: str, offline_syllables) -> None:
    article = minimal_site.page(path).find("article")
    text = " ".join(p.get_text(" ", strip=True) for p in article.find_all(["p", "li"]))
    score = textstat.flesch_reading_ease(text)
    assert score >= 60, f"{path}: Flesch reading ease {score:.0f}"


def test_young_peoples_version_is_shorter(minimal_site: Built) -> None:
    adult = minimal_site.text("how-to-complain")
    young = minimal_site.text("young-people")
    assert len(young.split()) < len(adult.split()) * 0.6
