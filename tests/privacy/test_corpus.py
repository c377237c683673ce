"""How well the personal-data scan works, measured on tests/privacy/corpus.

Recall: the share of the fictional personal-data strings that are flagged (at least 95 %).
False positives: the share of the seed reports' clean sentences that are flagged (at most 2 %).
Sentences of the seeds that name a person must be flagged too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.privacy import personal_data

CORPUS = Path(__file__).parent / "corpus"


def _rows(name: str) -> list[list[str]]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


PERSONAL = _rows("personal.tsv")
SENTENCES = _rows("seed_sentences.tsv")
CLEAN = [sentence for expect, _, sentence in SENTENCES if expect == "clean"]
NAMING = [sentence for expect, _, sentence in SENTENCES if expect == "person"]


def test_the_corpus_is_big_enough_and_covers_every_kind() -> None:
    assert len(PERSONAL) >= 150
    kinds = {kind for kind, _ in PERSONAL}
    assert kinds == {
        "name", "title", "particle", "councillor", "dob", "postcode",
        "nhs", "ni", "phone", "email", "address",
    }  # fmt: skip
    assert len(CLEAN) >= 300 and NAMING


def test_recall_and_false_positives(capsys: pytest.CaptureFixture[str]) -> None:
    missed = [(kind, text) for kind, text in PERSONAL if not personal_data(text)]
    flagged = [(s, personal_data(s)) for s in CLEAN if personal_data(s)]
    recall = 1 - len(missed) / len(PERSONAL)
    false_positive = len(flagged) / len(CLEAN)
    with capsys.disabled():
        print(
            f"\npersonal-data scan: recall {recall:.1%} ({len(PERSONAL) - len(missed)} of "
            f"{len(PERSONAL)} personal-data strings flagged); false positives "
            f"{false_positive:.1%} ({len(flagged)} of {len(CLEAN)} clean sentences flagged)"
        )
        for kind, text in missed:
            print(f"  missed ({kind}): {text}")
        for sentence, hits in flagged:
            print(f"  false positive {hits}: {sentence[:100]}")
    assert recall >= 0.95
    assert false_positive <= 0.02


@pytest.mark.parametrize("sentence", NAMING)
def test_a_seed_sentence_that_names_someone_is_flagged(sentence: str) -> None:
    assert personal_data(sentence)
