"""The texts of data/withdrawals.yml are published (About page): screen them for personal data.

Each entry is screened like an entry of sources.yml: a `reviewed:` mark set by a person who
checked it covers that entry's own texts, and editing them needs a new review.
"""

from __future__ import annotations

from collections.abc import Sequence

from portal.models.withdrawal import Withdrawal
from portal.privacy import personal_data, review_mark
from portal.problems import Report
from portal.screening import texts
from portal.yamlfile import LoadedYaml


def screen(
    withdrawals: Sequence[Withdrawal], shown: str, lines: LoadedYaml | None, report: Report
) -> None:
    """A problem for every text of an entry that looks like personal data and has no mark."""
    for i, entry in enumerate(withdrawals):
        mark = review_mark([text for _, text in texts(entry)])
        if entry.reviewed == mark:
            continue
        for path, text in texts(entry, (i,)):
            for kind, words in personal_data(text):
                report.add(
                    shown,
                    None if lines is None else lines.line_of(path),
                    ".".join(map(str, path)),
                    words,
                    f"looks like {kind}, and the site must not identify anyone: remove or reword "
                    f"it; or, if a person has checked it identifies nobody, add "
                    f"`reviewed: {mark}` to this entry",
                )
