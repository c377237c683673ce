"""Load every data file, validate it, and return the dataset or every problem at once."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from portal import checks, safefile, screening
from portal.dataset import Dataset, Year
from portal.models import Council, SourceList, Vocabulary, YearReport
from portal.models.withdrawal import Withdrawal, WithdrawalList
from portal.problems import DataError, Report, Severity, relative
from portal.rows import Row, read_table
from portal.tables import TABLES, TABLES_BY_NAME
from portal.vocabindex import VocabularyIndex, name_clashes, parent_problems
from portal.yamlfile import LoadedYaml, YamlSyntaxError, load_yaml

# ASCII digits only, the whole name: `$` would allow "2024-25\n", \d full-width digits.
YEAR_FOLDER = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
SHARED_FILES = {
    "council.yml",
    "vocabularies.yml",
    "sources.yml",
    "withdrawals.yml",
    "README.md",
}
SHARED_FOLDERS = {"schema"}
# Files an older version used, and what to do with them now.
RETIRED = {
    "checksums.yml": "no longer used: published figures are now compared with what was "
    "published, in git (`portal check-published`); delete this file",
}
YEAR_FILES = {"report.yml", "commentary.md", *(spec.file for spec in TABLES)}

M = TypeVar("M", bound=BaseModel)


def validate(root: Path, *, release: bool = False) -> Report:
    """Every problem in the data folder; never raises for bad data."""
    # Only here is every text screened for personal data (portal/screening.py): it reads name
    # lists a build need not load again; CI validates before every build it publishes.
    return load(root, release=release, screen=True)[1]


def load_dataset(root: Path, *, include_drafts: bool = False, release: bool = False) -> Dataset:
    """The dataset, or DataError listing every problem."""
    dataset, report = load(root, include_drafts=include_drafts, release=release)
    if dataset is None:
        raise DataError(report)
    return dataset


def load(
    root: Path, *, include_drafts: bool = False, release: bool = False, screen: bool = False
) -> tuple[Dataset | None, Report]:
    root = Path(root)
    report = Report()
    if not root.is_dir():
        report.add(str(root), None, "folder", None, "the data folder does not exist")
        return None, report
    _refused(root, report)  # links and special files, each reported once
    sources = _model(root / "sources.yml", root, SourceList, report)
    council = _model(root / "council.yml", root, Council, report)
    vocabulary = _model(root / "vocabularies.yml", root, Vocabulary, report)
    withdrawals = _withdrawals(root, report, screen)  # published years taken off the site
    # A name that points at two terms would file rows under the wrong one: don't use it.
    usable = vocabulary is not None and _check_vocabulary(vocabulary, root, report)
    index = VocabularyIndex(vocabulary) if usable else None
    years = _years(root, index, report)
    if council is not None and release:
        _placeholders(council, root, report)
    checks.run(
        root=root,
        sources=sources.root if sources is not None else None,
        index=index,
        years=years,
        report=report,
    )
    if screen:
        shown = relative(root / "sources.yml", root)
        screening.screen(years, sources.root if sources is not None else None, shown, report)
    if not report.ok or council is None or vocabulary is None or sources is None:
        return None, report
    dataset = Dataset(
        root=root,
        council=council,
        vocabulary=vocabulary,
        sources=sources.root,
        all_years=tuple(sorted(years, key=lambda y: y.label)),
        notes=tuple(report.notes),
        include_drafts=include_drafts,
        withdrawals=withdrawals,
    )
    return dataset, report


def _read(path: Path, root: Path, report: Report) -> LoadedYaml | None:
    shown = relative(path, root)
    if not safefile.exists(path):
        report.add(shown, None, "file", None, "this file is missing")
        return None
    if safefile.check_entry(path) is not None:
        return None  # a link or special file: reported once, by _refused or _year
    try:
        loaded = load_yaml(path, root)
    except YamlSyntaxError as exc:
        where = shown if exc.path is None else relative(exc.path, root)
        report.add(where, exc.line, exc.field or "syntax", None, str(exc))
        return None
    except UnicodeDecodeError:
        report.add(shown, None, "file", None, "not UTF-8 text: save the file as UTF-8")
        return None
    for loc, line in loaded.duplicates:
        report.add(shown, line, ".".join(map(str, loc)), None, "this key appears twice: keep one")
    for loc, line, text, message in loaded.ambiguous:
        report.add(shown, line, ".".join(map(str, loc)), text, message)
    return loaded


def _model(path: Path, root: Path, model: type[M], report: Report) -> M | None:
    loaded = _read(path, root, report)
    if loaded is None:
        return None
    return _validate_model(loaded, model, relative(path, root), report)


def _validate_model(loaded: LoadedYaml, model: type[M], shown: str, report: Report) -> M | None:
    from portal.errors import add_validation_errors

    try:
        return model.model_validate(loaded.data)
    except ValidationError as exc:
        # A value already reported as ambiguous (`010`, `no`) is not reported again.
        reported = {loc for loc, *_ in loaded.ambiguous}
        add_validation_errors(exc, model, shown, loaded, report, skip=reported)
        return None


def _withdrawals(root: Path, report: Report, screen: bool) -> tuple[Withdrawal, ...]:
    """data/withdrawals.yml, which only exists once a published year has been withdrawn."""
    path = root / "withdrawals.yml"
    if not safefile.exists(path):
        return ()
    loaded = _read(path, root, report)
    if loaded is None:
        return ()
    if loaded.data is None:  # an empty file: nothing withdrawn yet
        return ()
    found = _validate_model(loaded, WithdrawalList, relative(path, root), report)
    if found is not None and screen:  # published on the About page
        screening.entries(found.root, relative(path, root), report, "entry", loaded)
    return () if found is None else found.root


def _check_vocabulary(vocabulary: Vocabulary, root: Path, report: Report) -> bool:
    shown = relative(root / "vocabularies.yml", root)
    clashes = name_clashes(vocabulary)
    for name, alias, term_id in clashes:
        report.add(
            shown,
            None,
            name,
            alias,
            f"this name is used by two terms (the second is '{term_id}'): "
            "each id, label and alias must be unique within a list",
        )
    orphans = parent_problems(vocabulary)
    for name, term_id, parent in orphans:
        report.add(
            shown,
            None,
            f"{name}.{term_id}.parent",
            parent,
            "a parent must be the id of a group (a term without a parent) in the same list",
        )
    return not clashes and not orphans


def _placeholders(council: Council, root: Path, report: Report) -> None:
    shown = relative(root / "council.yml", root)
    loaded = load_yaml(root / "council.yml", root)  # read once already: it is a regular file
    for path, placeholder in council.placeholders():
        report.add(
            shown,
            loaded.line_of(path),
            ".".join(map(str, path)),
            placeholder.placeholder,
            "still a placeholder: a release cannot publish it; fill in the real value",
        )


def _refused(root: Path, report: Report) -> set[str]:
    """Names in the data folder that are links or special files, each reported once."""
    refused = set()
    for entry in sorted(root.iterdir()):
        reason = None if entry.name.startswith(".") else safefile.check_entry(entry)
        if reason is not None:
            report.add(relative(entry, root), None, "file", None, reason)
            refused.add(entry.name)
    return refused


def _years(root: Path, index: VocabularyIndex | None, report: Report) -> list[Year]:
    years = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or entry.name in SHARED_FILES | SHARED_FOLDERS:
            continue
        shown = relative(entry, root)
        if safefile.check_entry(entry) is not None:
            continue  # reported by _refused
        if not entry.is_dir():
            report.add(
                shown,
                None,
                "file",
                None,
                RETIRED.get(entry.name)
                or f"unexpected file in the data folder: shared files are "
                f"{', '.join(sorted(SHARED_FILES))}; a year's files go in its folder",
            )
            continue
        match = YEAR_FOLDER.fullmatch(entry.name)
        if (
            not match
            or (int(match[1]) + 1) % 100 != int(match[2])
            or not 1900 <= int(match[1]) <= 2998
        ):
            report.add(
                shown,
                None,
                "folder",
                entry.name,
                "a year folder is named like 2023-24: the first year, a hyphen, and the "
                "last two digits of the next year",
            )
            continue
        year = _year(entry, root, index, report)
        if year is not None:
            years.append(year)
    return years


def _year(folder: Path, root: Path, index: VocabularyIndex | None, report: Report) -> Year | None:
    for item in sorted(folder.iterdir()):
        if item.name.startswith("."):
            continue  # never read
        refused = safefile.check_entry(item)
        if refused is not None:
            # Reported here, whatever the name; the readers below then skip it.
            report.add(relative(item, root), None, "file", None, refused)
        elif item.name not in YEAR_FILES:
            guess = _closest(item.name)
            report.add(
                relative(item, root),
                None,
                "file",
                None,
                f"unexpected file{guess}: a year folder may hold {', '.join(sorted(YEAR_FILES))}",
            )
    loaded = _read(folder / "report.yml", root, report)
    year_report = None
    if loaded is not None:
        year_report = _validate_model(
            loaded, YearReport, relative(folder / "report.yml", root), report
        )
    tables: dict[str, tuple[Row, ...]] = {}
    for name, spec in TABLES_BY_NAME.items():
        path = folder / spec.file
        if _regular(path):
            tables[name] = read_table(path, relative(path, root), spec, index, report, root)
    commentary = _commentary(folder / "commentary.md", root, report)
    if year_report is None:
        return None
    return Year(folder.name, folder, year_report, MappingProxyType(tables), commentary, loaded)


def _regular(path: Path) -> bool:
    """A file that is there and is not a link or special file (those are reported by _year)."""
    return safefile.exists(path) and safefile.check_entry(path) is None


def _commentary(path: Path, root: Path, report: Report) -> str | None:
    if not _regular(path):
        return None
    try:
        return safefile.read_text(path, root)
    except safefile.UnsafeFile as exc:  # replaced by a link since _year looked
        report.add(relative(exc.path, root), None, "file", None, str(exc))
        return None
    except UnicodeDecodeError:
        report.add(
            relative(path, root), None, "file", None, "not UTF-8 text: save the file as UTF-8"
        )
        return None


def _closest(name: str) -> str:
    import difflib

    guess = difflib.get_close_matches(name, sorted(YEAR_FILES), n=1)
    return f" (did you mean '{guess[0]}'?)" if guess else ""


__all__ = ["Severity", "load", "load_dataset", "validate"]
