"""The breakdown tables: one CSV file each, the same names and columns every year.

Each table is tidy (as in the Explore Education Statistics standards): key columns are the
dimensions a row counts along (stage, procedure, service, team and one or two breakdowns),
then the value columns (`count`, `percent`, `base`, `source`, `note`; money tables have
`amount`). A blank cell is "not published"; a blank dimension, or one written "Total", is
"all of them". Optional dimension columns may be left out of a file altogether, so a
council copying a simple printed table keeps a simple file.
"""

from __future__ import annotations

from portal.tablespec import (
    ALONG,
    BY_SUBJECT,
    LEVELS,
    MONEY_COLUMNS,
    PARTS,
    PROCEDURE,
    PROCEDURES,
    SERVICE,
    STAGE,
    STAGES,
    TEAM,
    VALUE_COLUMNS,
    VALUE_DESCRIPTIONS,
    KeyColumn,
    TableSpec,
    _by,
)

TABLES: tuple[TableSpec, ...] = (
    _by(
        "outcomes",
        "Outcomes",
        "outcome",
        "outcome",
        "outcomes",
        "Outcome category.",
        "How complaints were decided, per stage, overall, by service and team, or by subject.",
        (BY_SUBJECT,),
    ),
    _by(
        "timeliness",
        "Response times",
        "timeliness",
        "band",
        "timeliness_bands",
        "Time band.",
        "How long responses took, in working-day bands (plus withdrawn and open).",
    ),
    _by(
        "timescales",
        "Statutory timescale met",
        "timescale",
        "result",
        "timescale_results",
        "Met, met with extension, not met, withdrawn or still open.",
        "Whether responses met the statutory timescale, with or without an agreed extension, "
        "and how many were withdrawn or still open.",
        extra=LEVELS,
    ),
    TableSpec(
        "service_areas",
        "Complaints by service area",
        "service_area",
        ALONG,
        PARTS,
        LEVELS,
        None,
        "How many complaints each service area (and team) received; a row with the service "
        "blank or written Total is the printed overall total.",
    ),
    _by(
        "subjects",
        "What complaints were about",
        "subject",
        "subject",
        "subjects",
        "Subject or theme.",
        "The subject or theme of complaints.",
        extra=LEVELS,
    ),
    _by(
        "how_received",
        "How complaints were received",
        "how_received",
        "method",
        "how_received",
        "How the complaint arrived.",
        "How complaints reached the council (letter, email, phone, online...).",
        extra=LEVELS,
    ),
    _by(
        "relationships",
        "Who complained",
        "relationship",
        "relationship",
        "relationships",
        "Who the complainant is.",
        "The complainant's relationship to the child.",
        extra=LEVELS,
    ),
    TableSpec(
        "demographics",
        "Demographics",
        "demographics",
        (
            KeyColumn(
                "characteristic",
                None,
                True,
                ("age", "gender", "disability", "sexual_orientation", "ethnicity"),
                "age, gender, disability, sexual_orientation or ethnicity.",
            ),
            KeyColumn(
                "population",
                None,
                True,
                ("complainants", "service_users", "child_population"),
                "Whose figures: complainants, service_users or child_population.",
            ),
            KeyColumn("group", "demographic_groups", True, (), "The group, e.g. an age band."),
        ),
        ("characteristic", "population"),
        (),
        "group",
        "Age, gender, disability, sexual orientation and ethnicity of complainants, optionally "
        "compared with service users and the child population. A group with subgroups (an "
        "ethnic group) may have its own printed total row.",
    ),
    TableSpec(
        "ombudsman",
        "Ombudsman decisions",
        "decision",
        (
            KeyColumn("decision", "ombudsman_decisions", True, (), "The Ombudsman's decision."),
            SERVICE,
            TEAM,
        ),
        (),
        LEVELS,
        "decision",
        "Decisions of the Local Government and Social Care Ombudsman by category.",
        extra=LEVELS,
    ),
    TableSpec(
        "ombudsman_received",
        "Received from the Ombudsman",
        "ombudsman_received",
        (
            KeyColumn(
                "type",
                "ombudsman_received",
                True,
                (),
                "What the Ombudsman sent: an enquiry, a complaint, a notice...",
            ),
            SERVICE,
            TEAM,
        ),
        (),
        LEVELS,
        "type",
        "What the Ombudsman sent the council in the year, by type (enquiries, complaints, "
        "notices, outside jurisdiction), apart from its decisions.",
        extra=LEVELS,
    ),
    TableSpec(
        "advocacy",
        "Advocacy",
        "advocacy",
        (
            KeyColumn(
                "kind", None, True, ("complaint", "representation"), "complaint or representation."
            ),
            KeyColumn(
                "quarter",
                None,
                False,
                ("Q1", "Q2", "Q3", "Q4"),
                "Q1 to Q4; blank for the whole year.",
            ),
        ),
        ("kind",),
        ("quarter",),
        None,
        "New advocacy cases for children and young people, by quarter.",
    ),
    TableSpec(
        "compliments",
        "Compliments",
        "compliments",
        (SERVICE, TEAM),
        (),
        LEVELS,
        None,
        "Compliments received, overall and by service and team.",
        extra=("team",),
    ),
    TableSpec(
        "representations",
        "Representations and enquiries",
        "representations",
        (
            SERVICE,
            TEAM,
            KeyColumn(
                "representation",
                "representation_kinds",
                True,
                (),
                "What was received: a representation, an enquiry, a Member's enquiry...",
            ),
        ),
        (),
        LEVELS,
        "representation",
        "Representations, enquiries and Members' enquiries that were not complaints.",
        extra=LEVELS,
    ),
    TableSpec(
        "costs",
        "Cost of complaints",
        "cost",
        (
            KeyColumn("stage", None, False, STAGES, "Complaints stage; blank for all stages."),
            SERVICE,
            TEAM,
            KeyColumn("item", "cost_items", True, (), "What the money was spent on."),
        ),
        ("stage",),
        LEVELS,
        "item",
        "What complaints cost: investigators, advocates, the Ombudsman's remedies...",
        values=MONEY_COLUMNS,
        amount_unit="gbp",
    ),
    TableSpec(
        "compensation",
        "Compensation paid",
        "compensation",
        (
            KeyColumn("stage", None, False, STAGES, "Complaints stage; blank for all stages."),
            PROCEDURE,
            SERVICE,
            TEAM,
        ),
        ("stage", "procedure"),
        LEVELS,
        None,
        "Compensation and financial remedies paid, overall, by stage and by service; count is "
        "how many payments.",
        values=MONEY_COLUMNS,
        amount_unit="gbp",
    ),
)

TABLES_BY_NAME = {spec.name: spec for spec in TABLES}


def _vocabularies() -> dict[str, str]:
    found = {"procedure": "procedures", "group": "demographic_groups"}
    for spec in TABLES:
        for key in spec.keys:
            if key.vocabulary is not None:
                # A column name means one thing in every table.
                assert found.setdefault(key.name, key.vocabulary) == key.vocabulary, key.name
    return found


# Which vocabulary a column's ids are looked up in, for labels and order.
COLUMN_VOCABULARY = _vocabularies()


__all__ = [
    "ALONG",
    "BY_SUBJECT",
    "COLUMN_VOCABULARY",
    "LEVELS",
    "MONEY_COLUMNS",
    "PARTS",
    "PROCEDURE",
    "PROCEDURES",
    "SERVICE",
    "STAGE",
    "STAGES",
    "TABLES",
    "TABLES_BY_NAME",
    "TEAM",
    "VALUE_COLUMNS",
    "VALUE_DESCRIPTIONS",
    "KeyColumn",
    "TableSpec",
]
