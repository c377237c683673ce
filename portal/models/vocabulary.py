"""data/vocabularies.yml: the categories a council uses, declared as data.

Councils and years differ (service names, outcome categories, timeliness bands), so none of
these lists live in code. CSV cells may use a term's id, its label or any of its aliases.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from portal.models.common import Slug, Strict, Text

OutcomeKind = Literal[
    "upheld", "partly_upheld", "not_upheld", "no_finding", "withdrawn", "open", "other"
]
Characteristic = Literal["age", "gender", "disability", "sexual_orientation", "ethnicity"]


class Term(Strict):
    id: Slug
    label: Text = Field(description="The name shown on the site.")
    aliases: tuple[Text, ...] = Field(
        (), description="Other names the same thing was printed under (joins series across years)."
    )
    description: Text | None = None

    def names(self) -> tuple[str, ...]:
        return (self.id, self.label, *self.aliases)


class Team(Term):
    pass


class Service(Term):
    teams: tuple[Team, ...] = ()


class Outcome(Term):
    kind: OutcomeKind = Field(
        description="Which standard outcome this is; a council's own categories are 'other'."
    )


class Band(Term):
    """A timeliness band in working days, or withdrawn / still open."""

    kind: Literal["days", "withdrawn", "open"] = "days"
    min_days: int | None = Field(
        None, ge=0, strict=True, description="First working day in the band."
    )
    max_days: int | None = Field(
        None, ge=0, strict=True, description="Last working day in the band; empty for 41+."
    )
    within_timescale: bool | None = Field(
        None, description="Whether the band is within the statutory timescale incl. extension."
    )
    cumulative: bool = Field(
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


class Decision(Term):
    upheld: bool = Field(description="Whether the Ombudsman found fault (counts as upheld).")


class DemographicGroups(Strict):
    age: tuple[Term, ...] = ()
    gender: tuple[Term, ...] = ()
    disability: tuple[Term, ...] = ()
    sexual_orientation: tuple[Term, ...] = ()
    ethnicity: tuple[Term, ...] = ()


class Vocabulary(Strict):
    services: tuple[Service, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    timeliness_bands: tuple[Band, ...] = ()
    ombudsman_decisions: tuple[Decision, ...] = ()
    subjects: tuple[Term, ...] = ()
    how_received: tuple[Term, ...] = ()
    relationships: tuple[Term, ...] = ()
    demographic_groups: DemographicGroups = DemographicGroups()

    def teams(self) -> tuple[Team, ...]:
        return tuple(team for service in self.services for team in service.teams)

    def service_of_team(self, team_id: str) -> str | None:
        for service in self.services:
            if any(team.id == team_id for team in service.teams):
                return service.id
        return None
