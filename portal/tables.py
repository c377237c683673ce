"""The breakdown tables: one CSV file each, the same names and columns every year.

Each table is tidy: key columns say what a row counts, then the same value columns
(`count`, `percent`, `base`, `source`, `note`). A blank cell is "not published".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeyColumn:
    name: str
    # Which vocabulary the cell is looked up in; None for a fixed set of values.
    vocabulary: str | None
    required: bool
    allowed: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class TableSpec:
    name: str
    title: str
    measure: str  # snake_case measure name in the tidy download
    keys: tuple[KeyColumn, ...]
    # Columns that split the table into independent parts with their own total.
    partition: tuple[str, ...]
    # Coarse to fine: a row with none of these filled is an overall row.
    levels: tuple[str, ...]
    # The column whose categories add up to the total (None: the levels are the categories).
    category: str | None
    description: str

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> tuple[str, ...]:
        return (*(k.name for k in self.keys), *VALUE_COLUMNS)

    def key(self, name: str) -> KeyColumn:
        return next(k for k in self.keys if k.name == name)


VALUE_COLUMNS = ("count", "percent", "base", "source", "note")
VALUE_DESCRIPTIONS = {
    "count": "Whole number, 0 or more. Blank when not published (blank is never zero).",
    "percent": "The percentage as printed, e.g. 25 or 25.5 (no % sign). Blank if none printed.",
    "base": "What a printed percentage is of, when it is not the stage total.",
    "source": "Document id and section, e.g. 'camden-2023-24 §4.2'. Required.",
    "note": "Anything a reader needs to know about this row.",
}

STAGE = KeyColumn("stage", None, True, ("1", "2", "3"), "Complaints stage: 1, 2 or 3.")
SERVICE = KeyColumn("service", "services", False, (), "Service area; blank for all services.")
TEAM = KeyColumn("team", "teams", False, (), "Team within the service; blank for all teams.")

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "outcomes",
        "Outcomes",
        "outcome",
        (STAGE, SERVICE, TEAM, KeyColumn("outcome", "outcomes", True, (), "Outcome category.")),
        ("stage",),
        ("service", "team"),
        "outcome",
        "How complaints were decided, per stage, overall or by service and team.",
    ),
    TableSpec(
        "timeliness",
        "Response times",
        "timeliness",
        (STAGE, SERVICE, TEAM, KeyColumn("band", "timeliness_bands", True, (), "Time band.")),
        ("stage",),
        ("service", "team"),
        "band",
        "How long responses took, in working-day bands (plus withdrawn and open).",
    ),
    TableSpec(
        "timescales",
        "Statutory timescale met",
        "timescale",
        (
            STAGE,
            KeyColumn(
                "result",
                None,
                True,
                ("met", "met_with_extension", "not_met"),
                "met, met_with_extension or not_met.",
            ),
        ),
        ("stage",),
        (),
        "result",
        "Whether responses met the statutory timescale, with or without an agreed extension.",
    ),
    TableSpec(
        "service_areas",
        "Complaints by service area",
        "service_area",
        (STAGE, KeyColumn("service", "services", True, (), "Service area."), TEAM),
        ("stage",),
        ("service", "team"),
        None,
        "How many complaints each service area (and team) received.",
    ),
    TableSpec(
        "subjects",
        "What complaints were about",
        "subject",
        (STAGE, KeyColumn("subject", "subjects", True, (), "Subject or theme.")),
        ("stage",),
        (),
        "subject",
        "The subject or theme of complaints.",
    ),
    TableSpec(
        "how_received",
        "How complaints were received",
        "how_received",
        (STAGE, KeyColumn("method", "how_received", True, (), "How the complaint arrived.")),
        ("stage",),
        (),
        "method",
        "How complaints reached the council (letter, email, phone, online...).",
    ),
    TableSpec(
        "relationships",
        "Who complained",
        "relationship",
        (STAGE, KeyColumn("relationship", "relationships", True, (), "Who the complainant is.")),
        ("stage",),
        (),
        "relationship",
        "The complainant's relationship to the child.",
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
        "compared with service users and the child population.",
    ),
    TableSpec(
        "ombudsman",
        "Ombudsman decisions",
        "decision",
        (KeyColumn("decision", "ombudsman_decisions", True, (), "The Ombudsman's decision."),),
        (),
        (),
        "decision",
        "Decisions of the Local Government and Social Care Ombudsman by category.",
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
        (KeyColumn("service", "services", False, (), "Service area; blank for all services."),),
        (),
        ("service",),
        None,
        "Compliments received, overall and by service.",
    ),
)

TABLES_BY_NAME = {spec.name: spec for spec in TABLES}
