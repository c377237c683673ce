"""data/vocabularies.yml: the categories a council uses, declared as data.

Councils and years differ (service names, outcome categories, timeliness bands), so none of
these lists live in code. CSV cells may use a term's id, its label or any of its aliases.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from portal.models.common import (
    Slug,
    Strict,
    Text,
    reader,
    staff,
)

OutcomeKind = Literal[
    "upheld", "partly_upheld", "not_upheld", "no_finding", "withdrawn", "open", "other"
]
Characteristic = Literal["age", "gender", "disability", "sexual_orientation", "ethnicity"]


class Term(Strict):
    """One category: its id, the name shown on the site, and other names it was printed under."""

    id: Slug = staff(
        description="The term's id: lower-case letters, digits, '-' and '_', e.g. "
        "'children-in-need'. Never change it once used."
    )
    label: Text = reader(description="The name shown on the site.")
    aliases: tuple[Text, ...] = staff(
        (), description="Other names the same thing was printed under (joins series across years)."
    )
    description: Text | None = staff(
        None,
        description="A note on what the term covers or how the reports printed it, with the "
        "source where useful.",
    )
    parent: Slug | None = staff(
        None,
        description="The id of the group this term is a subgroup of, in the same list (e.g. an "
        "ethnic subgroup under its group). Subgroups add up to a printed group total, and "
        "only groups count towards the table's total.",
    )

    def names(self) -> tuple[str, ...]:
        return (self.id, self.label, *self.aliases)


class Team(Term):
    pass


class Service(Term):
    teams: tuple[Team, ...] = reader(
        (),
        description="The teams within this service, for the team column of the tables. A row's "
        "team must belong to the service in the same row.",
    )


class Outcome(Term):
    kind: OutcomeKind = reader(
        description="Which standard outcome this is; a council's own categories are 'other'."
    )


class Band(Term):
    """A timeliness band in working days, or withdrawn / still open."""

    kind: Literal["days", "withdrawn", "open"] = reader(
        "days",
        description="days (the default) for a band of working days; withdrawn or open for "
        "complaints withdrawn or not yet answered at the end of the year.",
    )
    min_days: int | None = reader(
        None, ge=0, strict=True, description="First working day in the band."
    )
    max_days: int | None = reader(
        None, ge=0, strict=True, description="Last working day in the band; empty for 41+."
    )
    within_timescale: bool | None = reader(
        None, description="Whether the band is within the statutory timescale incl. extension."
    )
    cumulative: bool = reader(
        False,
        description="True for a band that includes narrower ones (e.g. '1-20' includes '1-10').",
    )

    @model_validator(mode="after")
    def _days(self) -> Band:
        if self.kind == "days" and self.min_days is None:
            raise ValueError("a band of days needs min_days")
        if (
            self.min_days is not None
            and self.max_days is not None
            and self.max_days < self.min_days
        ):
            raise ValueError("max_days is smaller than min_days")
        return self


def _terms(*pairs: tuple[str, str]) -> tuple[Term, ...]:
    return tuple(Term(id=term_id, label=label) for term_id, label in pairs)


# Standard categories, so a council that uses them has nothing to declare.
TIMESCALE_RESULTS = _terms(
    ("met", "Within the timescale"),
    ("met_with_extension", "Within the extended timescale"),
    ("not_met", "Outside the timescale"),
    ("withdrawn", "Withdrawn"),
    ("open", "Still open at the end of the year"),
)
OMBUDSMAN_RECEIVED = _terms(
    ("enquiries", "Enquiries"),
    ("complaints", "Complaints"),
    ("notices", "Notices of investigation"),
    ("outside_jurisdiction", "Outside the Ombudsman's jurisdiction"),
)
PROCEDURES = _terms(
    ("statutory", "Statutory children's procedure"),
    ("corporate", "Council's corporate procedure"),
)
# Timescale results that count as answered in time (with or without an agreed extension).
IN_TIME = ("met", "met_with_extension")
ANSWERED = ("met", "met_with_extension", "not_met")


class Decision(Term):
    upheld: bool | None = reader(
        None,
        description="Whether the Ombudsman found fault (counts as upheld); leave it out when "
        "the report does not say.",
    )


class DemographicGroups(Strict):
    """The groups of each characteristic, for the group column of demographics.csv."""

    age: tuple[Term, ...] = reader(
        (), description="Age groups, e.g. '0-4', as the reports print them."
    )
    gender: tuple[Term, ...] = reader((), description="Gender groups, as the reports print them.")
    disability: tuple[Term, ...] = reader(
        (), description="Disability groups, e.g. 'Known disability', as the reports print them."
    )
    sexual_orientation: tuple[Term, ...] = reader(
        (), description="Sexual orientation groups, as the reports print them."
    )
    ethnicity: tuple[Term, ...] = reader(
        (), description="Ethnic groups, as the reports print them."
    )


class Vocabulary(Strict):
    """The council's categories, shared by every year."""

    services: tuple[Service, ...] = reader(
        (),
        description="The council's service areas, each with its teams, for the service and "
        "team columns of the tables.",
    )
    outcomes: tuple[Outcome, ...] = reader(
        (),
        description="How complaints were decided (Upheld, Not upheld...), for the outcome "
        "column of outcomes.csv. Each has a standard kind, which decides what counts as upheld.",
    )
    timeliness_bands: tuple[Band, ...] = reader(
        (),
        description="The response-time bands, for the band column of timeliness.csv: bands of "
        "working days, plus withdrawn and still open.",
    )
    ombudsman_decisions: tuple[Decision, ...] = reader(
        (),
        description="The Ombudsman's decision categories, for the decision column of "
        "ombudsman.csv.",
    )
    subjects: tuple[Term, ...] = reader(
        (),
        description="What complaints were about, for the subject column of subjects.csv.",
    )
    how_received: tuple[Term, ...] = reader(
        (),
        description="How complaints arrived (letter, email, phone...), for the method column "
        "of how_received.csv.",
    )
    relationships: tuple[Term, ...] = reader(
        (),
        description="Who complained (a parent, a young person...), for the relationship column "
        "of relationships.csv.",
    )
    timescale_results: tuple[Term, ...] = reader(
        TIMESCALE_RESULTS,
        description="Whether responses met the statutory timescale, for the result column of "
        "timescales.csv. Leave it out for the standard list: met, met_with_extension, not_met, "
        "withdrawn and open; give it to change the labels (keep those ids).",
    )
    ombudsman_received: tuple[Term, ...] = reader(
        OMBUDSMAN_RECEIVED,
        description="What the Ombudsman sent the council, for the type column of "
        "ombudsman_received.csv. Leave it out for the standard list: enquiries, complaints, "
        "notices and outside_jurisdiction.",
    )
    representation_kinds: tuple[Term, ...] = reader(
        (),
        description="What was received that was not a complaint (representations, enquiries, "
        "Members' enquiries...), for the kind column of representations.csv.",
    )
    cost_items: tuple[Term, ...] = reader(
        (),
        description="What complaints cost money for (independent investigators, advocates...), "
        "for the item column of costs.csv.",
    )
    demographic_groups: DemographicGroups = reader(
        DemographicGroups(),
        description="The groups for age, gender, disability, sexual orientation and ethnicity, "
        "for the group column of demographics.csv.",
    )

    def teams(self) -> tuple[Team, ...]:
        return tuple(team for service in self.services for team in service.teams)

    def service_of_team(self, team_id: str) -> str | None:
        for service in self.services:
            if any(team.id == team_id for team in service.teams):
                return service.id
        return None
