"""Screen every text the site publishes for personal data, and honour the review marks.

What is screened is derived from the data, not listed: every text of report.yml (a walk over
the model's fields, so a field added later is screened too), every CSV row's note and source,
every line of commentary.md and every text of sources.yml. council.yml is not screened: its
phone numbers, email and postal addresses are the council's own, published on purpose.

A flagged text passes when a person has checked it and left a mark tied to its exact text:
- `reviewed:` on a learning item, case study, Ombudsman case, scrutiny item or compliment
  covers that item's own texts (as it always has);
- `reviewed_texts:` in the year's report.yml lists a mark and a reason for any one text of the
  year: any report.yml field, a CSV note or a line of commentary.md;
- `reviewed:` on an entry of sources.yml covers that entry's texts.
Editing a text changes its mark, so the review has to be done again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pydantic import BaseModel

from portal.dataset import Year
from portal.models import SourceDocument
from portal.privacy import personal_data, review_mark
from portal.problems import Report
from portal.yamlfile import LoadedYaml

FieldPath = tuple[str | int, ...]

# The marks themselves are not text the site shows.
_MARK_FIELDS = frozenset({"reviewed", "reviewed_texts"})

# What an item's own `reviewed:` mark covers (the mark is the hash of these texts, in order).
ITEM_TEXTS = {
    "learning": ("text", "action"),
    "case_studies": ("title", "issue", "response"),
    "ombudsman_cases": ("summary", "findings", "remedies"),
    "compliments": ("text",),
    "items": ("question", "answer"),  # scrutiny.items
}


def texts(model: BaseModel, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text in a model, with its path: the walk follows the model's own fields."""
    for name in type(model).model_fields:
        if name not in _MARK_FIELDS:
            yield from _values(getattr(model, name), (*path, name))


def _values(value: object, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from texts(value, path)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _values(item, (*path, i))


def screen(
    years: Sequence[Year],
    sources: Sequence[SourceDocument] | None,
    sources_file: str,
    report: Report,
) -> None:
    """Every text that looks like personal data and has no review mark, as a problem."""
    for year in years:
        _year(year, report)
    if sources is not None:
        entries(sources, sources_file, report, "source")


def _year(year: Year, report: Report) -> None:
    reviewed = {entry.mark for entry in year.report.reviewed_texts}
    used: set[str] = set()
    covered = _item_reviews(year, report)
    for path, text in texts(year.report):
        if any(path[:n] in covered for n in range(2, len(path) + 1)):
            continue  # the item's own mark covers it
        where = (year.report_file, year.line_of(*path), ".".join(map(str, path)))
        _text(text, where, reviewed, used, report)
    for rows in year.tables.values():
        for row in rows:
            for column in ("note", "source"):
                value = getattr(row, column)
                if value:
                    _text(value, (row.file, row.line, column), reviewed, used, report)
    commentary = year.report_file.removesuffix("report.yml") + "commentary.md"
    for number, line in enumerate((year.commentary or "").splitlines(), start=1):
        if line.strip():
            _text(line.strip(), (commentary, number, "text"), reviewed, used, report)
    for i, entry in enumerate(year.report.reviewed_texts):
        if entry.mark not in used:
            report.add(
                year.report_file,
                year.line_of("reviewed_texts", i, "mark"),
                f"reviewed_texts.{i}.mark",
                entry.mark,
                "this review mark matches no text of the year: the text was changed or removed. "
                "Remove this entry; a changed text is flagged again, with its new mark",
            )


def _text(
    text: str,
    where: tuple[str, int | None, str],
    reviewed: set[str],
    used: set[str],
    report: Report,
) -> None:
    mark = review_mark([text])
    used.add(mark)
    if mark in reviewed:
        return
    found = personal_data(text)
    file, line, field = where
    for kind, words in found:
        report.add(
            file,
            line,
            field,
            words,
            f"looks like {kind}, and the site must not identify anyone: remove or reword it; "
            f"or, if a person has checked it identifies nobody, add "
            f"`{{mark: {mark}, reason: <why it identifies nobody>}}` to `reviewed_texts:` in "
            f"{file.rsplit('/', 1)[0]}/report.yml",
        )


def _item_reviews(year: Year, report: Report) -> set[FieldPath]:
    """Paths of the items whose own `reviewed:` mark covers them; flags the rest."""
    covered: set[FieldPath] = set()
    for path, item, names in _items(year):
        own = _own_texts(item, names)
        mark = review_mark(own)
        reviewed = getattr(item, "reviewed", None)
        field = ".".join(map(str, path))
        found = [hit for text in own for hit in personal_data(text)]
        if reviewed == mark or (reviewed is not None and not found):
            covered.update((*path, name) for name in (*names, "timeline"))
            continue
        covered.update((*path, name) for name in (*names, "timeline"))
        if reviewed is not None:
            report.add(
                year.report_file,
                year.line_of(*path, "reviewed"),
                f"{field}.reviewed",
                reviewed,
                f"the text changed since it was reviewed: check it again, then "
                f"set `reviewed: {mark}`",
            )
            continue
        for kind, words in found:
            report.add(
                year.report_file,
                year.line_of(*path),
                field,
                words,
                f"looks like {kind}, and the site must not identify anyone: remove it, "
                f"or if a person has checked it identifies nobody add "
                f"`reviewed: {mark}` to this item",
            )
    return covered


def _items(year: Year) -> Iterator[tuple[FieldPath, BaseModel, tuple[str, ...]]]:
    for section in ("learning", "case_studies", "ombudsman_cases", "compliments"):
        for i, item in enumerate(getattr(year.report, section)):
            yield (section, i), item, ITEM_TEXTS[section]
    if year.report.scrutiny is not None:
        for i, item in enumerate(year.report.scrutiny.items):
            yield ("scrutiny", "items", i), item, ITEM_TEXTS["items"]


def _own_texts(item: BaseModel, names: Iterable[str]) -> list[str]:
    found: list[str] = []
    for name in names:
        value = getattr(item, name)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, tuple):
            found.extend(v for v in value if isinstance(v, str))
    if hasattr(item, "timeline"):
        found.extend(f"{e.date} {e.event} {e.note or ''}" for e in item.timeline)
    return found


def entries(
    items: Sequence[BaseModel],
    shown: str,
    report: Report,
    noun: str,
    lines: LoadedYaml | None = None,
) -> None:
    """Entries that each carry their own `reviewed:` mark (sources, withdrawals): a problem for
    every text of an entry that looks like personal data, unless the mark covers its texts."""
    for i, item in enumerate(items):
        mark = review_mark([text for _, text in texts(item)])
        if getattr(item, "reviewed", None) == mark:
            continue
        for path, text in texts(item, (i,)):
            for kind, words in personal_data(text):
                report.add(
                    shown,
                    None if lines is None else lines.line_of(path),
                    ".".join(map(str, path)),
                    words,
                    f"looks like {kind}, and the site must not identify anyone: remove or reword "
                    f"it; or, if a person has checked it identifies nobody, add "
                    f"`reviewed: {mark}` to this {noun}",
                )
