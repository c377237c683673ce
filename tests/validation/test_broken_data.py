"""A corpus of broken data: each case is one deliberate mistake in a copy of the minimal data.

Every case names the exact file, line and field the problem must be reported at, and the key
words of its message; and the report must hold nothing else, so a mistake never drowns in
consequential noise. `at` is a piece of text on the line (looked up in the broken file, so the
expectation stays readable), a line number, or None for a problem about a whole file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from portal.problems import Severity
from tests.validation.helpers import DataFolder, find, shown

REPORT = "2023-24/report.yml"
EARLIER = "2022-23/report.yml"
OUTCOMES = "2023-24/outcomes.csv"
TIMELINESS = "2023-24/timeliness.csv"
ADVOCACY = "2023-24/advocacy.csv"
VOCABULARY = "vocabularies.yml"
COUNCIL = "council.yml"
SOURCES = "sources.yml"
NOTE = Severity.NOTE


@dataclass(frozen=True)
class Expect:
    file: str
    at: str | int | None
    field: str
    words: tuple[str, ...]
    severity: Severity = Severity.ERROR
    value: object = ...  # when given, the bad value the problem must show


def error(file: str, at: str | int | None, field: str, *words: str, **kw: object) -> Expect:
    return Expect(file, at, field, words, **kw)


def note(file: str, at: str | int | None, field: str, *words: str, **kw: object) -> Expect:
    return Expect(file, at, field, words, severity=NOTE, **kw)


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[DataFolder], object]
    expect: tuple[Expect, ...]
    release: bool = False


def edit(file: str, old: str, new: str) -> Callable[[DataFolder], object]:
    return lambda d: d.replace(file, old, new)


def append(file: str, text: str) -> Callable[[DataFolder], object]:
    return lambda d: d.append(file, text)


def steps(*mutations: Callable[[DataFolder], object]) -> Callable[[DataFolder], object]:
    return lambda d: [m(d) for m in mutations]


def rename(old: str, new: str) -> Callable[[DataFolder], object]:
    return lambda d: d.path(old).rename(d.path(new))


def delete(file: str) -> Callable[[DataFolder], object]:
    return lambda d: d.path(file).unlink()


def write_bytes(file: str, content: bytes) -> Callable[[DataFolder], object]:
    return lambda d: d.path(file).write_bytes(content)


def compliment(text: str) -> Callable[[DataFolder], object]:
    """Put text into the 2023-24 compliment, a free-text field checked for personal data."""
    return edit(REPORT, "were kind.", f"were kind. {text}")


def personal(kind: str, text: str) -> Case:
    return Case(
        "personal-data-" + re.sub(r"\W+", "-", text).strip("-").lower(),
        compliment(text),
        (
            error(
                REPORT, "  - text: Replies came", "compliments.0", f"looks like {kind}", value=text
            ),
        ),
    )


CASES = [
    # --- YAML syntax and types -------------------------------------------------------------
    Case(
        "yaml-syntax-unquoted-colon",
        edit(REPORT, "label: requests for Stage 2", "label: requests: for Stage 2"),
        (error(REPORT, "requests: for Stage 2", "syntax", "not valid YAML", "quotes"),),
    ),
    Case(
        "yaml-syntax-tab-indent",
        edit(REPORT, "\n    count: 4\n", "\n\tcount: 4\n"),
        (error(REPORT, "\tcount: 4", "syntax", "not valid YAML", "indentation"),),
    ),
    Case(
        "yaml-wrong-type-count-as-word",
        edit(REPORT, "count: 20", "count: twenty"),
        (error(REPORT, "count: twenty", "stages.0.count", "whole number", value="twenty"),),
    ),
    Case(
        "yaml-wrong-type-stage-not-quoted",
        edit(REPORT, 'stage: "2"', "stage: 2"),
        (error(REPORT, "stage: 2", "stages.1.stage", "in quotes", value=2),),
    ),
    Case(
        "yaml-wrong-type-list-for-text",
        edit(COUNCIL, "short_name: Exampleshire", "short_name: [Example, shire]"),
        (error(COUNCIL, "short_name:", "short_name", "expected text"),),
    ),
    Case(
        # Text or a placeholder: a list fits neither, and is reported once, as text.
        "yaml-list-where-text-or-placeholder",
        edit(COUNCIL, "website: https://example.org", "website: [https://example.org]"),
        (error(COUNCIL, "website: [", "website", "expected text"),),
    ),
    Case(
        "yaml-negative-count",
        edit(REPORT, "count: 20", "count: -3"),
        (error(REPORT, "count: -3", "stages.0.count", "cannot be negative", value=-3),),
    ),
    Case(
        "yaml-non-whole-count",
        edit(REPORT, "count: 20", "count: 20.5"),
        (error(REPORT, "count: 20.5", "stages.0.count", "whole number", value=20.5),),
    ),
    Case(
        "yaml-count-with-thousands-comma",
        edit(REPORT, "count: 20", "count: 1,020"),
        (error(REPORT, "count: 1,020", "stages.0.count", "without commas", value="1,020"),),
    ),
    Case(
        "yaml-count-in-quotes",
        edit(REPORT, "count: 20", 'count: "20"'),
        (error(REPORT, 'count: "20"', "stages.0.count", "remove the quotes", value="20"),),
    ),
    Case(
        "yaml-number-too-long-to-read",
        edit(REPORT, "count: 20", "count: " + "9" * 5000),
        (error(REPORT, None, "syntax", "number is far too long"),),
    ),
    Case(
        "yaml-unknown-status",
        edit(REPORT, "status: draft", "status: final"),
        (error(REPORT, "status: final", "status", "'draft' or 'published'", value="final"),),
    ),
    Case(
        "yaml-bad-date",
        edit(REPORT, "start: 2023-04-01", "start: 2023-13-01"),
        (error(REPORT, "start: 2023-13-01", "period.start", "YYYY-MM-DD"),),
    ),
    # --- keys --------------------------------------------------------------------------------
    Case(
        "unknown-key-top-level",
        append(REPORT, "titel: Complaints 2023-24\n"),
        (error(REPORT, "titel:", "titel", "unknown key", "did you mean 'title'"),),
    ),
    Case(
        "unknown-key-capitalised",
        edit(REPORT, "status: draft", "Status: draft"),
        (
            error(REPORT, "Status:", "Status", "unknown key", "did you mean 'status'"),
            error(REPORT, 1, "status", "required but missing"),
        ),
    ),
    Case(
        "unknown-key-nested-misspelt-upheld",
        edit(VOCABULARY, "    upheld: true\n", "    upheald: true\n"),
        # upheld is optional (a decision whose outcome was not published), so the misspelt
        # key is the one problem.
        (error(VOCABULARY, "upheald:", "ombudsman_decisions.0.upheald", "did you mean 'upheld'"),),
    ),
    Case(
        "unknown-key-in-list-item",
        edit(REPORT, "    label: requests for Stage 2", "    lable: requests for Stage 2"),
        (
            error(REPORT, "lable:", "stages.1.lable", "unknown key", "did you mean 'label'"),
            error(REPORT, '- stage: "2"', "stages.1.label", "required but missing"),
        ),
    ),
    Case(
        # A typo inside a placeholder must not also say "expected text" for the other form.
        "unknown-key-in-placeholder",
        edit(COUNCIL, "placeholder: the complaints", "placeholdr: the complaints"),
        (
            error(COUNCIL, "placeholdr:", "complain.phone.placeholdr", "'placeholder'"),
            error(COUNCIL, "phone:", "complain.phone.placeholder", "required but missing"),
        ),
    ),
    Case(
        "unknown-key-in-sources-list",
        edit(
            SOURCES,
            "  publisher: Exampleshire County Council\n- id: annual-2023-24",
            "  publishr: Exampleshire County Council\n- id: annual-2023-24",
        ),
        (
            error(
                SOURCES, "publishr:", "0.publishr", "did you mean 'publisher'", "title, publisher"
            ),
            error(SOURCES, "- id: annual-2022-23", "0.publisher", "required but missing"),
        ),
    ),
    Case(
        "yaml-alias-that-contains-itself",
        append(REPORT, "notes: &same [A note, *same]\n"),
        (error(REPORT, "notes: &same", "notes", "anchors (&name) and aliases", "in full"),),
    ),
    Case(
        "key-that-is-a-number",
        append(REPORT, "2024: next year\n"),
        (error(REPORT, "2024: next year", "2024", "unknown key"),),
    ),
    Case(
        "duplicate-yaml-key",
        edit(
            REPORT,
            "    label: requests for Stage 2\n",
            "    label: requests for Stage 2\n    label: Stage 2 requests\n",
        ),
        (error(REPORT, "label: Stage 2 requests", "stages.1.label", "appears twice"),),
    ),
    Case(
        "missing-required-key",
        edit(REPORT, "    label: requests for Stage 2\n", ""),
        (error(REPORT, '- stage: "2"', "stages.1.label", "required but missing"),),
    ),
    Case(
        "band-max-below-min",
        edit(VOCABULARY, "    min_days: 21\n", "    min_days: 21\n    max_days: 3\n"),
        (error(VOCABULARY, "- id: over-20", "timeliness_bands.3", "max_days is smaller"),),
    ),
    Case(
        "vocabulary-name-used-twice",
        edit(VOCABULARY, "aliases: [CLA]", "aliases: [CLA, Family Support]"),
        (error(VOCABULARY, None, "services", "used by two terms", value="family support"),),
    ),
    # --- CSV cells -----------------------------------------------------------------------------
    Case(
        "csv-negative-count",
        edit(OUTCOMES, "1,,,Upheld,5,25", "1,,,Upheld,-3,25"),
        (error(OUTCOMES, "1,,,Upheld,-3", "count", "cannot be negative", value="-3"),),
    ),
    Case(
        "csv-non-whole-count",
        edit(OUTCOMES, "1,,,Upheld,5,25", "1,,,Upheld,5.5,25"),
        (error(OUTCOMES, "1,,,Upheld,5.5", "count", "whole number", value="5.5"),),
    ),
    Case(
        "csv-count-with-thousands-comma-quoted",
        edit(OUTCOMES, "1,,,Upheld,5,25", '1,,,Upheld,"1,005",25'),
        (error(OUTCOMES, '1,,,Upheld,"1,005"', "count", "without commas", value="1,005"),),
    ),
    Case(
        # Unquoted, the comma splits the number into two cells.
        "csv-count-with-thousands-comma-unquoted",
        edit(OUTCOMES, "1,,,Upheld,5,25", "1,,,Upheld,1,005,25"),
        (error(OUTCOMES, "1,,,Upheld,1,005", "row", "has 10 cells", "header has 9"),),
    ),
    Case(
        "csv-count-as-word",
        edit(OUTCOMES, "1,,,Upheld,5,25", "1,,,Upheld,five,25"),
        (error(OUTCOMES, "1,,,Upheld,five", "count", "expected a whole number", value="five"),),
    ),
    Case(
        "csv-count-too-long",
        edit(OUTCOMES, "1,,,Upheld,5,25", "1,,,Upheld," + "9" * 5000 + ",25"),
        (error(OUTCOMES, 2, "count", "too large"),),
    ),
    Case(
        "csv-percent-over-100",
        edit(OUTCOMES, "1,,,Upheld,5,25", "1,,,Upheld,5,250"),
        (error(OUTCOMES, "1,,,Upheld,5,250", "percent", "between 0 and 100", value="250"),),
    ),
    Case(
        "csv-percent-too-many-places",
        edit(OUTCOMES, "1,,,Upheld,5,25,", "1,,,Upheld,5,25.0000001,"),
        (error(OUTCOMES, "1,,,Upheld,5,25.0000001", "percent", "at most 6 decimal places"),),
    ),
    Case(
        "csv-percent-of-a-zero-total",
        steps(
            edit(REPORT, "    count: 4\n", "    count: 0\n"),
            edit(OUTCOMES, "2,,,Upheld,1,,", "2,,,Upheld,0,5,"),
            edit(OUTCOMES, "2,,,Not upheld,3,", "2,,,Not upheld,0,"),
        ),
        (error(OUTCOMES, "2,,,Upheld,0,5", "percent", "total this is a percentage of is 0"),),
    ),
    Case(
        "csv-wrong-header",
        edit(OUTCOMES, "stage,service,team,outcome,", "stage,service,team,outcomes,"),
        (error(OUTCOMES, 1, "header", "unknown column 'outcomes'", "stage,procedure,service"),),
    ),
    Case(
        "csv-extra-cell",
        edit(
            OUTCOMES, "2,,,Upheld,1,,,annual-2023-24 §3.5,", "2,,,Upheld,1,,,annual-2023-24 §3.5,,"
        ),
        (error(OUTCOMES, "2,,,Upheld,1", "row", "has 10 cells but the header has 9"),),
    ),
    Case(
        "csv-missing-cell",
        edit(OUTCOMES, "2,,,Upheld,1,,,annual-2023-24 §3.5,", "2,,,Upheld,1,,annual-2023-24 §3.5,"),
        (error(OUTCOMES, "2,,,Upheld,1", "row", "has 8 cells"),),
    ),
    Case(
        "csv-duplicate-row",
        append(OUTCOMES, "2,,,Upheld,1,,,annual-2023-24 §3.5,\n"),
        # A label printed twice is kept and recorded as a discrepancy, never refused (issue 12).
        (
            note(
                OUTCOMES, 13, "row", "prints this row twice (also on line 11)", "both rows are kept"
            ),
        ),
    ),
    Case(
        # 'Children Looked After' is the label of the service printed as its alias 'CLA' above.
        "csv-duplicate-row-by-alias",
        append(OUTCOMES, "1,Children Looked After,,Upheld,2,,,annual-2023-24 §3.3,\n"),
        (
            note(
                OUTCOMES, "1,Children Looked After", "row", "prints this row twice (also on line 8)"
            ),
        ),
    ),
    Case(
        "csv-unknown-vocabulary-term",
        edit(OUTCOMES, "2,,,Upheld,1", "2,,,Uphold,1"),
        (
            error(
                OUTCOMES,
                "2,,,Uphold,1",
                "outcome",
                "not in the outcomes",
                "'Upheld'",
                value="Uphold",
            ),
        ),
    ),
    Case(
        "csv-required-key-blank",
        edit(OUTCOMES, "2,,,Upheld,1", ",,,Upheld,1"),
        (error(OUTCOMES, ",,,Upheld,1", "stage", "required"),),
    ),
    Case(
        "csv-team-not-in-service",
        append(OUTCOMES, "1,CLA,Early Help,Upheld,3,,,annual-2023-24 §3.3,\n"),
        (
            error(
                OUTCOMES,
                "1,CLA,Early Help",
                "team",
                "belongs to the service 'family-support'",
                value="Early Help",
            ),
        ),
    ),
    Case(
        "csv-row-without-figure",
        edit(OUTCOMES, "2,,,Upheld,1,", "2,,,Upheld,,"),
        (error(OUTCOMES, "2,,,Upheld,,", "count", "no figure (count or percent)"),),
    ),
    Case(
        "csv-not-utf8",
        write_bytes(
            OUTCOMES,
            "stage,service,team,outcome,count,percent,base,source,note\n"
            "2,,,Upheld,4,,,annual-2023-24 \u00a73.5,\n".encode("cp1252"),
        ),
        (error(OUTCOMES, None, "file", "not UTF-8"),),
    ),
    Case(
        "csv-empty",
        lambda d: d.write(OUTCOMES, ""),
        (error(OUTCOMES, 1, "header", "the file is empty", "stage,service,team,outcome"),),
    ),
    # --- totals --------------------------------------------------------------------------------
    Case(
        "totals-do-not-reconcile-with-stage-total",
        edit(REPORT, "    count: 4\n", "    count: 5\n"),
        (
            error(
                OUTCOMES,
                "2,,,Upheld,1",
                "count",
                "overall rows for Stage 2 add up to 4",
                "total in report.yml is 5",
                "gaps",
                value=4,
            ),
        ),
    ),
    Case(
        "partial-table-without-gap",
        lambda d: d.write(
            OUTCOMES, d.read(OUTCOMES).replace("2,,,Not upheld,3,,,annual-2023-24 §3.5,\n", "")
        ),
        (error(OUTCOMES, "2,,,Upheld,1", "count", "add up to 1", "total in report.yml is 4"),),
    ),
    Case(
        "printed-total-row-disagrees",
        edit(ADVOCACY, "complaint,,12", "complaint,,13"),
        (
            error(
                ADVOCACY,
                "complaint,,13",
                "count",
                "by-quarter rows for this add up to 12, not 13",
                value=13,
            ),
        ),
    ),
    Case(
        "service-row-disagrees-with-overall",
        edit(OUTCOMES, "1,CLA,,Upheld,2", "1,CLA,,Upheld,3"),
        (
            error(OUTCOMES, "1,,,Upheld,5", "count", "by-service rows for this add up to 6, not 5"),
            error(
                OUTCOMES,
                "1,Family Support,,Upheld",
                "count",
                "by-service rows for Stage 1",
                "add up to 21",
            ),
        ),
    ),
    Case(
        "cumulative-band-is-not-double-counted-but-others-are",
        edit(TIMELINESS, "1,,,11-20 working days,7,35", "1,,,11-20 working days,8,40"),
        (
            error(
                TIMELINESS,
                "1-10 working days",
                "count",
                "add up to 21",
                "total in report.yml is 20",
            ),
        ),
    ),
    Case(
        "gap-names-unknown-table",
        append(REPORT, "gaps:\n  - table: outcome\n    note: Only upheld was published.\n"),
        (
            error(
                REPORT,
                "table: outcome",
                "gaps.0.table",
                "expected 'outcomes', 'timeliness'",
                value="outcome",
            ),
        ),
    ),
    # --- printed percentages -------------------------------------------------------------------
    Case(
        "csv-percent-does-not-match-count",
        edit(OUTCOMES, "1,,,Upheld,5,25,", "1,,,Upheld,5,30,"),
        (
            error(
                OUTCOMES,
                "1,,,Upheld,5,30",
                "percent",
                "5 of 20 is 25%",
                "'Discrepancy:'",
                value="30",
            ),
        ),
    ),
    Case(
        "csv-percent-discrepancy-acknowledged-is-a-note",
        edit(
            OUTCOMES,
            "1,,,Upheld,5,25,,annual-2023-24 §3.2,",
            "1,,,Upheld,5,30,,annual-2023-24 §3.2,Discrepancy: the report printed 30%",
        ),
        (note(OUTCOMES, "1,,,Upheld,5,30", "percent", "5 of 20 is 25%", "as printed"),),
    ),
    Case(
        "csv-percent-below-service-needs-base",
        edit(OUTCOMES, "1,Family Support,,Upheld,3,,", "1,Family Support,,Upheld,3,27,"),
        (error(OUTCOMES, "1,Family Support,,Upheld,3,27", "base", "needs its base"),),
    ),
    Case(
        "csv-percent-of-an-explicit-base",
        edit(OUTCOMES, "1,Family Support,,Upheld,3,,", "1,Family Support,,Upheld,3,30,11"),
        (error(OUTCOMES, "1,Family Support,,Upheld,3,30,11", "percent", "3 of 11 is 27.27%"),),
    ),
    Case(
        "printed-percentage-wrong",
        edit(REPORT, 'printed: "50"', 'printed: "55"'),
        (
            error(
                REPORT,
                'printed: "55"',
                "printed_percentages.0.printed",
                "10 of 20 is 50%",
                "discrepancy:",
                value="55",
            ),
        ),
    ),
    Case(
        "printed-percentage-wrong-with-discrepancy-is-a-note",
        edit(
            REPORT,
            '    printed: "50"\n',
            '    printed: "55"\n    discrepancy: The report says 55%; 10 of 20 is 50%.\n',
        ),
        (
            note(
                REPORT,
                'printed: "55"',
                "printed_percentages.0.printed",
                "as printed",
                "the report says 55%",
            ),
        ),
    ),
    Case(
        "bogus-discrepancy-on-a-correct-figure",
        edit(REPORT, '    printed: "50"\n', '    printed: "50"\n    discrepancy: It is wrong.\n'),
        (
            error(
                REPORT,
                "discrepancy: It is wrong.",
                "printed_percentages.0.discrepancy",
                "no discrepancy",
                "remove `discrepancy:`",
            ),
        ),
    ),
    # --- folders, files and periods -----------------------------------------------------------
    Case(
        "year-folder-four-digit-end",
        rename("2023-24", "2023-2024"),
        (error("2023-2024", None, "folder", "named like 2023-24", value="2023-2024"),),
    ),
    Case(
        "year-folder-wrong-next-year",
        rename("2023-24", "2023-25"),
        (error("2023-25", None, "folder", "named like 2023-24", value="2023-25"),),
    ),
    Case(
        "year-folder-out-of-range",
        rename("2023-24", "9999-00"),
        (error("9999-00", None, "folder", "named like 2023-24"),),
    ),
    Case(
        "period-does-not-match-folder",
        edit(REPORT, "end: 2024-03-31", "end: 2024-03-30"),
        (
            error(
                REPORT,
                "period:",
                "period",
                "financial year 2023-04-01 to 2024-03-31",
                value="2023-04-01 to 2024-03-30",
            ),
        ),
    ),
    Case(
        "unknown-file-in-year-folder",
        rename(OUTCOMES, "2023-24/outcome.csv"),
        (
            error(
                "2023-24/outcome.csv",
                None,
                "file",
                "unexpected file",
                "did you mean 'outcomes.csv'",
            ),
        ),
    ),
    Case(
        "unknown-file-in-data-folder",
        lambda d: d.write("notes.txt", "remember to update\n"),
        (error("notes.txt", None, "file", "unexpected file in the data folder"),),
    ),
    Case(
        "missing-report-yml",
        delete(REPORT),
        (error(REPORT, None, "file", "this file is missing"),),
    ),
    Case(
        "missing-shared-file",
        delete(SOURCES),
        (error(SOURCES, None, "file", "this file is missing"),),
    ),
    Case(
        "yaml-not-utf8",
        lambda d: d.path(REPORT).write_bytes(
            d.path(REPORT).read_bytes().replace("§3.1".encode(), "§3.1".encode("cp1252"))
        ),
        (error(REPORT, None, "file", "not UTF-8"),),
    ),
    Case(
        "commentary-not-utf8",
        write_bytes("2023-24/commentary.md", "Complaints rose by \u00a3480.\n".encode("cp1252")),
        (error("2023-24/commentary.md", None, "file", "not UTF-8"),),
    ),
    # --- sources -------------------------------------------------------------------------------
    Case(
        "csv-unknown-source-document",
        edit(OUTCOMES, "2,,,Upheld,1,,,annual-2023-24", "2,,,Upheld,1,,,annual-2032-24"),
        (
            error(
                OUTCOMES,
                "annual-2032-24",
                "source",
                "unknown document 'annual-2032-24'",
                "annual-2022-23, annual-2023-24",
            ),
        ),
    ),
    Case(
        "yaml-unknown-source-document",
        edit(REPORT, "source: annual-2023-24 §3.4", "source: annual-2024-25 §3.4"),
        (error(REPORT, "annual-2024-25 §3.4", "stages.1.source", "unknown document"),),
    ),
    Case(
        "csv-malformed-source-reference",
        edit(OUTCOMES, "2,,,Upheld,1,,,annual-2023-24 §3.5", "2,,,Upheld,1,,,annual-2023-24 3.5"),
        (error(OUTCOMES, "annual-2023-24 3.5", "source", "'§'", value="annual-2023-24 3.5"),),
    ),
    Case(
        "yaml-malformed-source-reference",
        edit(REPORT, "source: annual-2023-24 §3.4", "source: annual-2023-24 section 3.4"),
        (error(REPORT, "section 3.4", "stages.1.source", "not in the expected form", "'§'"),),
    ),
    Case(
        "csv-missing-source",
        edit(OUTCOMES, "2,,,Upheld,1,,,annual-2023-24 §3.5,", "2,,,Upheld,1,,,,"),
        (error(OUTCOMES, "2,,,Upheld,1,,,,", "source", "every row needs a source"),),
    ),
    # --- learning ids --------------------------------------------------------------------------
    Case(
        "learning-id-reused-across-years",
        edit(REPORT, "  - id: l-2023-01", "  - id: l-2022-01"),
        (
            error(
                REPORT,
                "- id: l-2022-01",
                "learning.0.id",
                "already used in 2022-23",
                value="l-2022-01",
            ),
        ),
    ),
    Case(
        "learning-follows-up-nothing",
        edit(REPORT, "follows_up: [l-2022-01]", "follows_up: [l-2021-09]"),
        (
            error(
                REPORT,
                "follows_up:",
                "learning.0.follows_up.0",
                "no learning item",
                value="l-2021-09",
            ),
        ),
    ),
    Case(
        "learning-follows-up-a-later-year",
        steps(
            edit(
                EARLIER, "  - id: l-2022-01\n", "  - id: l-2022-01\n    follows_up: [l-2023-01]\n"
            ),
        ),
        (error(EARLIER, "follows_up:", "learning.0.follows_up.0", "in an earlier year"),),
    ),
    Case(
        # 2023-24 follows up l-2022-01: with 2022-23 unreadable, that must not be reported too.
        "earlier-year-unreadable-is-reported-once",
        edit(EARLIER, "status: published", "status: final"),
        (error(EARLIER, "status: final", "status", "'draft' or 'published'"),),
    ),
    Case(
        "figure-id-twice-in-a-year",
        append(
            REPORT,
            "figures:\n"
            "  - {id: cost, measure: cost, label: Cost, value: 1, unit: gbp,"
            " source: annual-2023-24 §2}\n"
            "  - {id: cost, measure: cost, label: Cost, value: 2, unit: gbp,"
            " source: annual-2023-24 §2}\n",
        ),
        (error(REPORT, "value: 2", "figures.1.id", "appears twice"),),
    ),
    # --- personal data -------------------------------------------------------------------------
    personal("an email address", "jo.bloggs@example.com"),
    personal("a phone number", "020 7946 0018"),
    personal("a phone number", "07700 900123"),
    personal("a postcode", "NW1 2RU"),
    personal("a date of birth", "born 3 May"),
    personal("a date of birth", "DOB 01/02/2010"),
    personal("a titled surname", "Mr Smith"),
    personal("a titled surname", "Mrs J Brown"),
    Case(
        "review-mark-is-what-lets-a-name-through",
        edit(REPORT, "    reviewed: sha256:b3c463f89fba\n", ""),
        (
            error(
                REPORT,
                "- id: cs-2023-01",
                "case_studies.0",
                "titled surname",
                "reviewed: sha256:b3c463f89fba",
                value="Dr Barnardo's",
            ),
        ),
    ),
    Case(
        "review-mark-stale-after-edit",
        edit(REPORT, "changed how plans are shared.", "changed how plans are shared by Mr Jones."),
        (
            error(
                REPORT,
                "reviewed: sha256:b3c463f89fba",
                "case_studies.0.reviewed",
                "text changed since it was reviewed",
                value="sha256:b3c463f89fba",
            ),
        ),
    ),
    # --- placeholders --------------------------------------------------------------------------
    Case(
        "placeholder-refused-for-release",
        lambda d: None,
        (
            error(
                COUNCIL,
                "phone:",
                "complain.phone",
                "still a placeholder",
                value="the complaints phone number",
            ),
        ),
        release=True,
    ),
]


def _line(data: DataFolder, expect: Expect) -> int | None:
    if isinstance(expect.at, str):
        return data.line_number(expect.file, expect.at)
    return expect.at


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_data_is_reported_exactly(data: DataFolder, case: Case) -> None:
    case.mutate(data)
    report = data.validate(release=case.release)
    found = []
    for expect in case.expect:
        problem = find(
            report,
            expect.file,
            _line(data, expect),
            expect.field,
            *expect.words,
            severity=expect.severity,
        )
        if expect.value is not ...:
            assert problem.value == expect.value, problem.format()
        found.append(problem)
    extra = [p for p in report.problems if p not in found]
    assert not extra, f"unexpected problems besides the expected ones:\n{shown(extra)}"
    assert report.ok == all(e.severity is NOTE for e in case.expect)


def test_case_ids_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
