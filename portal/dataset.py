"""The validated data: one frozen object the charts, tables and pages are built from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from portal.models import Council, SourceDocument, Vocabulary, YearReport
from portal.models.withdrawal import Withdrawal
from portal.problems import Problem
from portal.rows import Row
from portal.tables import TABLES
from portal.vocabindex import VocabularyIndex
from portal.yamlfile import LoadedYaml
from portal.yearlabel import long_label

# The columns that split a table's rows off from the whole (see Year.whole_rows).
SPLITS = {spec.name: spec.crosstab for spec in TABLES}


@dataclass(frozen=True)
class Year:
    label: str  # "2023-24"
    folder: Path
    report: YearReport
    tables: Mapping[str, tuple[Row, ...]]
    commentary: str | None = None
    # Line of every key in report.yml, so later checks can point at it.
    lines: LoadedYaml | None = field(default=None, repr=False, compare=False)

    @property
    def report_file(self) -> str:
        return f"{self.folder.parent.name}/{self.label}/report.yml"

    def line_of(self, *loc: str | int) -> int | None:
        return None if self.lines is None else self.lines.line_of(loc)

    @property
    def published(self) -> bool:
        return self.report.status == "published"

    @property
    def long_label(self) -> str:
        """'2023 to 2024', as GOV.UK writes financial years."""
        return long_label(self.label)

    def rows(self, table: str) -> tuple[Row, ...]:
        return self.tables.get(table, ())

    def whole_rows(self, table: str) -> tuple[Row, ...]:
        """Rows about complaints as a whole: not one procedure's, not a cross-tab's cells.
        The headline figures and the plain tables read these; the others have their own."""
        return tuple(
            row
            for row in self.rows(table)
            if not any(row.get(name) for name in ("procedure", *SPLITS.get(table, ())))
        )

    def stage_count(self, stage: str) -> int | None:
        found = self.report.stage(stage)
        return None if found is None else found.count


@dataclass(frozen=True)
class Dataset:
    root: Path
    council: Council
    vocabulary: Vocabulary
    sources: tuple[SourceDocument, ...]
    all_years: tuple[Year, ...]  # oldest first, drafts included
    notes: tuple[Problem, ...] = ()  # acknowledged discrepancies
    include_drafts: bool = False
    withdrawals: tuple[Withdrawal, ...] = ()  # data/withdrawals.yml
    index: VocabularyIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", VocabularyIndex(self.vocabulary))

    @property
    def years(self) -> tuple[Year, ...]:
        """The years on the site: published ones, and drafts only in a preview build."""
        return tuple(y for y in self.all_years if y.published or self.include_drafts)

    @property
    def latest(self) -> Year | None:
        return self.years[-1] if self.years else None

    def year(self, label: str) -> Year | None:
        return next((y for y in self.years if y.label == label), None)

    def previous(self, year: Year) -> Year | None:
        earlier = [y for y in self.years if y.label < year.label]
        return earlier[-1] if earlier else None

    @property
    def sources_by_id(self) -> Mapping[str, SourceDocument]:
        return MappingProxyType({s.id: s for s in self.sources})
