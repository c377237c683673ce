"""Split the seed reports into sentences: the clean half of the personal-data corpus.

Run once from the repository root (the seeds live outside it, in ../shared/seeds):

    .venv/bin/python tests/privacy/corpus/extract_sentences.py ../shared/seeds \
        > tests/privacy/corpus/seed_sentences.tsv

The seeds are already plain text (extracted from the councils' PDFs): lines are hard-wrapped,
paragraphs and table cells are broken up by blank lines. So the whole file is joined into one
stream and cut at sentence ends and bullets. Sentences that name a person are marked by hand
in NAMES_A_PERSON below (found by reading the seeds, not by running the detector): the test
counts them as expected flags, not as clean text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# (seed file, words that name the person): read from the seeds by hand.
NAMES_A_PERSON = {("002_41a0a7813fec67a2.txt", "Nana Bonsu")}

_SENTENCE_END = re.compile(r"(?<=[.!?’”])\s+(?=[A-Z0-9(‘“'\"])")
_BULLET = re.compile(r"\s*[•·]\s*|\s+(?=\d{1,2}\)\s)")


def sentences(text: str) -> list[str]:
    stream = re.sub(r"\s+", " ", text).strip()
    found = []
    for piece in _BULLET.split(stream):
        for sentence in _SENTENCE_END.split(piece):
            sentence = sentence.strip()
            # A sentence has words: bare numbers and table debris are not text a reader sees.
            if len(re.findall(r"[A-Za-z]{2,}", sentence)) >= 3:
                found.append(sentence)
    return found


def main(seeds: Path) -> None:
    print("# expect\tseed\tsentence  (expect: clean, or person: names someone, a flag is right)")
    for path in sorted(seeds.glob("[0-9]*.txt")):
        for sentence in sentences(path.read_text(encoding="utf-8")):
            named = any(f == path.name and words in sentence for f, words in NAMES_A_PERSON)
            print(f"{'person' if named else 'clean'}\t{path.name}\t{sentence}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
