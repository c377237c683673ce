"""The shape of a breakdown table: its dimension (key) columns and value columns.

The tables themselves are declared in portal/tables.py.
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

    # Dimensions that split one printed table into a cross-tab (outcome by subject...).
    crosstab: tuple[str, ...] = ()
    values: tuple[str, ...] = ("count", "percent", "base", "source", "note")
    # The unit of the amount column, for money tables.
    amount_unit: str | None = None
    # Optional dimensions a new year's file leaves out (staff add them when a report has them).
    extra: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return (*(k.name for k in self.keys), *self.values)

    @property
    def starter_columns(self) -> tuple[str, ...]:
        """The columns of a new year's empty file: the usual ones, simple to copy into."""
        left_out = {"procedure", *self.crosstab, *self.extra}
        return tuple(c for c in self.columns if c not in left_out)

    @property
    def required_columns(self) -> tuple[str, ...]:
        """The columns every file must have: optional dimensions, `percent`, `base` and `note`
        may be left out when a printed table has none."""
        figure = "amount" if self.amount_unit else "count"
        return (*(k.name for k in self.keys if k.required), figure, "source")

    def key(self, name: str) -> KeyColumn:
        return next(k for k in self.keys if k.name == name)


VALUE_COLUMNS = ("count", "percent", "base", "source", "note")
MONEY_COLUMNS = ("amount", "count", "source", "note")
VALUE_DESCRIPTIONS = {
    "amount": "Pounds as printed, e.g. 480 or 9432.50 (no £ sign, no commas).",
    "count": "Whole number, 0 or more. Blank when not published (blank is never zero).",
    "percent": "The percentage as printed, e.g. 25 or 25.5 (no % sign). Blank if none printed.",
    "base": "What a printed percentage is of, when it is not the stage total.",
    "source": "Document id and section, e.g. 'council-2023-24 §4.2'. Required.",
    "note": "Anything a reader needs to know about this row.",
}

# "all" is every stage together, as reports that lead with "N complaints this year" print it.
STAGES = ("1", "2", "3", "all")
STAGE = KeyColumn(
    "stage", None, True, STAGES, "Complaints stage: 1, 2 or 3, or all for every stage together."
)
OPTIONAL_STAGE = KeyColumn(
    "stage", None, False, STAGES, "Complaints stage: 1, 2, 3 or all; blank for all stages."
)
PROCEDURES = ("statutory", "corporate")
PROCEDURE = KeyColumn(
    "procedure",
    None,
    False,
    PROCEDURES,
    "statutory (the children's statutory procedure) or corporate (the council's own "
    "procedure); blank when the report does not split them. The column may be left out.",
)
SERVICE = KeyColumn(
    "service", "services", False, (), "Service area; blank (or Total) for all services."
)
TEAM = KeyColumn("team", "teams", False, (), "Team within the service; blank for all teams.")
BY_SUBJECT = KeyColumn(
    "subject", "subjects", False, (), "For outcomes by subject: the subject; blank otherwise."
)
# The dimensions most tables are counted along, before their own breakdown.
ALONG = (STAGE, PROCEDURE, SERVICE, TEAM)
LEVELS = ("service", "team")
PARTS = ("stage", "procedure")


def _by(
    name: str,
    title: str,
    measure: str,
    column: str,
    vocabulary: str,
    what: str,
    description: str,
    crosstab: tuple[KeyColumn, ...] = (),
    extra: tuple[str, ...] = (),
) -> TableSpec:
    """A table of one breakdown along stage, procedure, service and team."""
    keys = (*ALONG, KeyColumn(column, vocabulary, True, (), what), *crosstab)
    cross = tuple(k.name for k in crosstab)
    return TableSpec(
        name, title, measure, keys, PARTS, LEVELS, column, description, cross, extra=extra
    )
