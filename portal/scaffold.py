"""`portal new-year 2024-25`: a new year's folder, as a draft with every file present and empty.
`portal new-council`: the three shared files of a new council's data folder.

report.yml has every section, empty, with comments saying what goes where; each breakdown
table is a CSV file holding only its header line. Nothing is ever zero: an empty value is
"not published". Running the validator on the new folder passes ("empty but well-formed").
"""

from __future__ import annotations

import os
from pathlib import Path
from string import Template

from portal.load import YEAR_FOLDER
from portal.tables import TABLES

# The blank year in data/schema/year-template/ (for the GitHub web editor) has no dates yet.
TEMPLATE_LABEL = "YYYY-YY"


class ScaffoldError(Exception):
    """A one-line reason the year was not created (the command exits 2)."""


def new_year(data_dir: Path, label: str) -> Path:
    """Create data_dir/label/ as a draft and return it; never overwrites anything."""
    data_dir = Path(data_dir)
    check_label(label)
    if not data_dir.is_dir():
        raise ScaffoldError(f"there is no data folder at {data_dir}")
    folder = data_dir / label
    if os.path.lexists(folder):  # a link there, even to nothing, is not replaced either
        raise ScaffoldError(
            f"{folder} already exists: a year is never overwritten, edit its files instead"
        )
    files = year_files(label)
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
    return folder


def new_council(data_dir: Path) -> list[Path]:
    """Write commented council.yml, vocabularies.yml and sources.yml into data_dir, and its
    JSON Schema (for editors) into data_dir/schema/; never overwrites anything."""
    from portal.council_files import FILES
    from portal.schema import write_schema

    data_dir = Path(data_dir)
    if os.path.lexists(data_dir) and not data_dir.is_dir():
        raise ScaffoldError(f"{data_dir} is not a folder")
    # schema/ is generated (`portal schema`): bringing it up to date loses nothing.
    taken = [name for name in FILES if os.path.lexists(data_dir / name)]
    if taken:
        raise ScaffoldError(
            f"{data_dir} already has {', '.join(taken)}: new-council never overwrites; "
            "choose an empty folder"
        )
    data_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in FILES.items():
        (data_dir / name).write_text(text, encoding="utf-8", newline="\n")
        written.append(data_dir / name)
    write_schema(data_dir / "schema")
    return written


def check_label(label: str) -> None:
    match = YEAR_FOLDER.fullmatch(label)
    if not match or (int(match[1]) + 1) % 100 != int(match[2]) or not 1900 <= int(match[1]) < 2999:
        # Escaped: a line break or a look-alike digit in the name is shown, not printed.
        shown = f"'{label}'" if label.isascii() and label.isprintable() else ascii(label)
        raise ScaffoldError(
            f"{shown} is not a financial year: write it like 2024-25 (the first year, a "
            "hyphen, and the last two digits of the next year, in ordinary digits)"
        )


def year_files(label: str) -> dict[str, str]:
    """Every file of a new year, by name: report.yml and one header-only CSV per table."""
    files = {"report.yml": report_yml(label)}
    for spec in TABLES:
        files[spec.file] = ",".join(spec.starter_columns) + "\n"
    return files


def report_yml(label: str) -> str:
    if label == TEMPLATE_LABEL:
        start, end, long_label, first, last = "YYYY-04-01", "YYYY-03-31", "YYYY to YYYY", "", ""
        period_note = (
            "# The financial year: 1 April to 31 March. Replace YYYY with the years, for\n"
            "# 2024-25 write 2024-04-01 and 2025-03-31.\n"
        )
    else:
        first, last = int(label[:4]), int(label[:4]) + 1
        start, end = f"{first}-04-01", f"{last}-03-31"
        long_label = f"1 April {first} to 31 March {last}"
        period_note = "# The financial year. Leave it as it is.\n"
    return _REPORT.substitute(
        label=label, start=start, end=end, long_label=long_label, period_note=period_note
    )


_REPORT = Template(
    """\
# yaml-language-server: $$schema=../schema/report.schema.json
#
# The complaints report for $label ($long_label).
#
# How to fill it in, step by step: docs/publishing.md.
# - Lines starting with # are help. They are never shown on the site.
# - Under each section there is an example. To use it, delete the # at the start of
#   each example line (only the #, keep the spaces), then change the values.
# - Every figure needs a source: the id of a document in data/sources.yml, a space,
#   the sign §, and the section, for example: council-$label §4.2
#   Add this year's report to data/sources.yml first.
# - If the report does not give a figure, leave it out or leave it empty.
#   Empty means "not published". Never write 0 for a figure you do not have.
# - The names of services, outcomes, time bands and so on are shared by every year,
#   in data/vocabularies.yml. There is nothing to copy for a new year. If the report
#   uses a new name, add it there.
# - The tables (outcomes, response times, service areas...) are the .csv files in
#   this folder. Each one has only its first line (the column names) for now.
# - You can also add commentary.md to this folder: the council's own words about the year.

# draft: shown only in previews, never on the public site.
# When every figure is checked, change it to: published
status: draft

${period_note}period:
  start: $start
  end: $end

# Optional: the title of the report, as printed.
title:

# How many complaints there were at each stage, and how many went to the Ombudsman.
# One item per stage. stage is "1", "2", "3" or "ombudsman", in quotes.
# The tables must add up to these counts.
stages:
#  - stage: "1"
#    count: 143
#    label: complaints received at Stage 1
#    source: council-$label §4.1

# Other figures for the year: context (such as the number of children supported),
# enquiries, representations, Members' enquiries, cost and compensation.
# measure is one of: context, representations, enquiries, members_enquiries, cost,
# compensation. unit is one of: count, percent, gbp.
figures:
#  - id: enquiries
#    measure: enquiries
#    label: enquiries resolved without a formal complaint
#    value: 320
#    unit: count
#    source: council-$label §3.1

# When a table does not add up to its stage count on purpose (for example the report
# gives only some of the categories), say why here. table is the file name without .csv.
gaps:
#  - table: outcomes
#    stage: "1"
#    note: The report gives outcomes for upheld complaints only.

# Percentages printed in the report's text. The checks work them out again from the
# counts. If the report printed one wrong, add discrepancy: saying what is right.
printed_percentages:
#  - text: 78% of Stage 1 complaints were answered on time.
#    printed: "78"
#    numerator: 112
#    denominator: 143
#    source: council-$label §5.1

# Overall figures the report prints only in a sentence ("6 were withdrawn"), so they reach
# the open data. table is the file name without .csv; give count or percent (or both).
text_figures:
#  - table: outcomes
#    stage: "2"
#    category: Withdrawn
#    count: 6
#    text: 6 were withdrawn.
#    source: council-$label §8.3

# Charts or tables the report has whose figures are not available (for example a chart
# printed as a picture with no numbers). what is said to readers, e.g. "a chart of Stage 1
# outcomes"; the site says so instead of "not published".
not_available:
#  - table: outcomes
#    stage: "1"
#    what: a chart of Stage 1 outcomes
#    source: council-$label §5.2

# Places where the report contradicts itself. They are shown on the About the data page.
discrepancies:
#  - about: Stage 2 count
#    note: Section 4 says 12 and the table in section 6 says 11.
#    source: council-$label §6.1

# Up to five key points for the top of the year's page, each with its source. The site
# adds what changed since last year by itself.
key_points:
#  - text: Most Stage 1 complaints were answered within 10 working days.
#    source: council-$label §4.1

# What the council learned and what it did. Each id is new: never reuse one from
# another year. follows_up lists the ids of earlier years' actions this one continues.
# status is implemented, in_progress or not_implemented, only if the report says so.
# owner is a service or team id from data/vocabularies.yml; due is the date as printed.
learning:
#  - id: clearer-letters-$label
#    text: Families did not understand our letters.
#    action: Letters were rewritten in plain English.
#    owner: children-in-need
#    due: March 2025
#    status: implemented
#    source: council-$label §8.2

# Case studies. Never identify anyone: no names, dates of birth, addresses or schools.
case_studies:
#  - id: delayed-response
#    title: A late response
#    stage: "1"
#    outcome: Upheld
#    issue: What the complaint was about.
#    response: What the council did.
#    source: council-$label §9.1

# The Ombudsman's category for this council's children's services, if the report gives it.
ombudsman:
#  category: Education and children's services
#  source: council-$label §10.1

# Ombudsman decisions the report describes. Leave out reference or decision when the
# report does not print them.
ombudsman_cases:
#  - reference: 23 012 345
#    decision: Upheld
#    summary: What happened.
#    remedies:
#      - An apology
#    payment_gbp: 300
#    source: council-$label §10.2

# The Ombudsman's figures for the council (its annual review letter and council statistics)
# beside the average for similar authorities, each value with its source. measure is
# decided, upheld_rate, compliance or satisfactory_remedy. Leave out what no source gives.
ombudsman_benchmarks:
#  - measure: upheld_rate
#    council: 75
#    council_source: council-$label §11.1
#    average: 80
#    average_source: council-$label §11.2

# What councillors asked when the scrutiny committee looked at the report.
scrutiny:
#  committee: Children and Young People Scrutiny Committee
#  meeting: 14 July
#  items:
#    - question: What councillors asked.
#      answer: What officers answered.
#      source: council-$label §1

# Compliments, in general terms: who says "A young person", never a name.
compliments:
#  - text: Thank you for listening to me.
#    who: A young person
#    source: council-$label §11.1

# How many complainants' details (age, ethnicity...) were recorded, for demographics.csv.
demographics_coverage:
#  covered: 120
#  not_covered: 23
#  source: council-$label §7.1

# What the report says about how well the complaints procedure itself worked.
procedure_review:
#  - summary: Most complainants were offered a meeting, as the procedure says.
#    source: council-$label §12.1

# Corrections made after the year was published. Never delete one.
# The checks tell you when one is needed: see "Correcting a published year" in
# docs/publishing.md.
revisions:
#  - date: 2026-01-15
#    change: The Stage 2 count was corrected from 12 to 11.
#    reason: One complaint was counted twice.

# Anything else a reader needs to know, one item per note.
notes:
#  - The report covers children's social care only.
#  - Advocacy was provided by Dr Barnardo's.

# Texts the checks flagged as personal data that a person checked: they identify nobody.
# The check's message gives the mark for the exact text. See "Personal data" in
# docs/publishing.md. This example is the mark for the second note above.
reviewed_texts:
#  - mark: sha256:46259f8a2059
#    reason: Dr Barnardo's is a charity, not a person.
"""
)
