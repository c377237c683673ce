"""National facts every English council shares, each with the law or body it comes from.

A council's own data/council.yml may override them (its report or published procedure may
say more); when it says nothing, the site states these and cites them, so no council has to
type, or invent, what the law already sets.
"""

from __future__ import annotations

from dataclasses import dataclass

REGULATIONS = (
    "Children Act 1989 Representations Procedure (England) Regulations 2006 (SI 2006/1738)"
)
REGULATIONS_URL = "https://www.legislation.gov.uk/uksi/2006/1738"
OMBUDSMAN_RULE = "Local Government Act 1974, section 26B"
WHO_CAN_COMPLAIN_LAW = "Children Act 1989, sections 26(3) and 24D"
WHO_CAN_COMPLAIN_URL = "https://www.legislation.gov.uk/ukpga/1989/41/section/26"


@dataclass(frozen=True)
class Fact:
    """One national fact: its value, and where it is set."""

    value: int | str
    citation: str


# The statutory timescales, in working days (months for the two time limits). Keys are the
# fields of Timescales in portal/models/timescales.py.
TIMESCALES: dict[str, Fact] = {
    "complain_within_months": Fact(12, f"{REGULATIONS}, regulation 9"),
    "stage1.working_days": Fact(10, f"{REGULATIONS}: local resolution (Stage 1)"),
    "stage1.extended_working_days": Fact(20, f"{REGULATIONS}: a further 10 working days"),
    "stage2_request_within_working_days": Fact(20, REGULATIONS),
    "stage2.working_days": Fact(25, f"{REGULATIONS}: the investigation (Stage 2)"),
    "stage2.extended_working_days": Fact(65, f"{REGULATIONS}: the investigation (Stage 2)"),
    "stage3_request_within_working_days": Fact(20, f"{REGULATIONS}: the review panel"),
    "stage3_panel_within_working_days": Fact(30, f"{REGULATIONS}, regulation 19(4)"),
    "stage3_report_within_working_days": Fact(5, f"{REGULATIONS}: the panel's report"),
    "stage3_response_within_working_days": Fact(15, f"{REGULATIONS}: the council's response"),
    "ombudsman_within_months": Fact(12, OMBUDSMAN_RULE),
}

STAGE3_PANEL = Fact(
    "three independent people, one of whom chairs the panel.",
    f"{REGULATIONS}, regulation 19(2)",
)

# The Commission for Local Administration in England, set up by Part 3 of the Act, works
# under this name; its 12-month time limit is OMBUDSMAN_RULE.
OMBUDSMAN_LAW = "Local Government Act 1974, Part 3"
OMBUDSMAN_NAME = Fact("Local Government and Social Care Ombudsman", OMBUDSMAN_LAW)
OMBUDSMAN_WEBSITE = Fact("https://www.lgo.org.uk", OMBUDSMAN_LAW)

# Who may make a representation (a complaint) under the Act, in plain words.
WHO_CAN_COMPLAIN: tuple[str, ...] = (
    "a child or young person the council looks after, or who is in need",
    "a young person leaving care",
    "a parent, or someone else with parental responsibility for the child",
    "a foster carer the council has approved",
    "someone else the council agrees has a real interest in the child’s welfare, such as a "
    "relative or an advocate",
)


def timescale_default(path: str) -> int:
    value = TIMESCALES[path].value
    assert isinstance(value, int)  # every timescale above is a whole number
    return value


def stage_defaults(stage: str) -> dict[str, int]:
    """{'working_days': 10, 'extended_working_days': 20} for 'stage1'."""
    return {
        key.split(".", 1)[1]: timescale_default(key)
        for key in TIMESCALES
        if key.startswith(f"{stage}.")
    }


# The NSPCC's helpline for adults worried about a child: it passes concerns on to the council
# or the police. Offered where a council has not given its own number for reporting a concern.
NSPCC_HELPLINE = Fact(
    "0808 800 5000", "NSPCC, 'Report child abuse' (nspcc.org.uk), checked November 2026"
)
