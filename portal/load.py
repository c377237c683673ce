"""Load every data file, validate it, and return the dataset or every problem at once."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from portal import checks, revisions
from portal.dataset import Dataset, Year
from portal.models import Council, SourceList, Vocabulary, YearReport
from portal.problems import DataError, Report, Severity, relative
from portal.rows import Row, read_table
from portal.tables import TABLES, TABLES_BY_NAME
from portal.vocabindex import VocabularyIndex, name_clashes
from portal.yamlfile import LoadedYaml, YamlSyntaxError, load_yaml

YEAR_FOLDER = re.compile(r"^(\d{4})-(\d{2})$")
SHARED_FILES = {"council.yml", "vocabularies.yml", "sources.yml", "checksums.yml", "README.md"}
SHARED_FOLDERS = {"schema"}
YEAR_FILES = {"report.yml", "commentary.md", *(spec.file for spec in TABLES)}

M = TypeVar("M", bound=BaseModel)


def validate(root: Path, *, release: bool = False) -> Report:
    """Every problem in the data folder; never raises for bad data."""
    return load(root, release=release)[1]


def load_dataset(root: Path, *, include_drafts: bool = False, release: bool = False) -> Dataset:
    """The dataset, or DataError listing every problem."""
    dataset, report = load(root, include_drafts=include_drafts, release=release)
    if dataset is None:
        raise DataError(report)
    return dataset


def load(
    root: Path, *, include_drafts: bool = False, release: bool = False
) -> tuple[Dataset | None, Report]:
    root = Path(root)
    report = Report()
    if not root.is_dir():
        report.add(str(root), None, "folder", None, "the data folder does not exist")
        return None, report
    sources = _model(root / "sources.yml", root, SourceList, report)
    council = _model(root / "council.yml", root, Council, report)
    vocabulary = _model(root / "vocabularies.yml", root, Vocabulary, report)
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
    revisions.check(root, years, report)  # published figures never change silently
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
    )
    return dataset, report


def _read(path: Path, root: Path, report: Report) -> LoadedYaml | None:
    shown = relative(path, root)
    if not path.is_file():
        report.add(shown, None, "file", None, "this file is missing")
        return None
    try:
        loaded = load_yaml(path)
    except YamlSyntaxError as exc:
        report.add(shown, exc.line, "syntax", None, str(exc))
        return None
    except UnicodeDecodeError:
        report.add(shown, None, "file", None, "not UTF-8 text: save the file as UTF-8")
        return None
    for loc, line in loaded.duplicates:
        report.add(shown, line, ".".join(map(str, loc)), None, "this key appears twice: keep one")
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
        add_validation_errors(exc, model, shown, loaded, report)
        return None


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
    return not clashes


def _placeholders(council: Council, root: Path, report: Report) -> None:
    shown = relative(root / "council.yml", root)
    loaded = load_yaml(root / "council.yml")
    for path, placeholder in council.placeholders():
        report.add(
            shown,
            loaded.line_of(path),
            ".".join(map(str, path)),
            placeholder.placeholder,
            "still a placeholder: a release cannot publish it; fill in the real value",
        )


def _years(root: Path, index: VocabularyIndex | None, report: Report) -> list[Year]:
    years = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or entry.name in SHARED_FILES | SHARED_FOLDERS:
            continue
        shown = relative(entry, root)
        if not entry.is_dir():
            report.add(
                shown,
                None,
                "file",
                None,
                f"unexpected file in the data folder: shared files are "
                f"{', '.join(sorted(SHARED_FILES))}; a year's files go in its folder",
            )
            continue
        match = YEAR_FOLDER.match(entry.name)
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
        if item.name not in YEAR_FILES and not item.name.startswith("."):
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
        if path.is_file():
            tables[name] = read_table(path, relative(path, root), spec, index, report)
    commentary = _commentary(folder / "commentary.md", root, report)
    if year_report is None:
        return None
    return Year(folder.name, folder, year_report, MappingProxyType(tables), commentary, loaded)


def _commentary(path: Path, root: Path, report: Report) -> str | None:
    if not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8")
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
