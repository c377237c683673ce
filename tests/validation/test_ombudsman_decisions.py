"""Issue 12 item 6 (the report-model part): an Ombudsman decision as the report printed it.

A decision whose outcome was not published is not forced to a `false` nobody printed, and a
decision the report describes without its reference number is still a decision.
"""

from __future__ import annotations

from types import SimpleNamespace

from bs4 import BeautifulSoup

from portal.models.narrative import OmbudsmanCase
from portal.models.vocabulary import Decision
from portal.site import year_sections

SOURCE = "council-2024-25 §10"


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_a_decision_whose_outcome_was_not_published_is_not_false() -> None:
    decision = Decision.model_validate({"id": "closed", "label": "Closed after enquiries"})
    assert decision.upheld is None
    assert Decision.model_validate({"id": "u", "label": "Upheld", "upheld": True}).upheld
    assert Decision.model_validate({"id": "n", "label": "No", "upheld": False}).upheld is False


def test_the_only_required_fields_of_a_case_are_what_it_says_and_its_source() -> None:
    required = {n for n, f in OmbudsmanCase.model_fields.items() if f.is_required()}
    assert required == {"summary", "source"}


def test_a_case_without_a_reference_is_named_without_one() -> None:
    case = OmbudsmanCase.model_validate({"summary": "A late assessment.", "source": SOURCE})
    assert case.reference is None
    assert case.name() == "An Ombudsman decision"
    assert case.title() == "An Ombudsman decision"
    decided = case.model_copy(update={"decision": "Upheld"})
    assert decided.title() == "An Ombudsman decision: Upheld"
    numbered = case.model_copy(update={"reference": "23 012 345"})
    assert numbered.title() == "Ombudsman case 23 012 345"


def test_the_page_never_prints_a_missing_reference() -> None:
    cases = (
        OmbudsmanCase.model_validate(
            {"summary": "A late assessment.", "payment_gbp": 300, "source": SOURCE}
        ),
        OmbudsmanCase.model_validate(
            {"reference": "23007502", "summary": "A lost letter.", "source": SOURCE}
        ),
    )
    shown = " ".join(_text(year_sections._ombudsman_case(c)) for c in cases)
    assert "An Ombudsman decision" in shown and "Ombudsman case 23007502" in shown
    report = SimpleNamespace(figures=(), ombudsman_cases=cases)
    money = _text(year_sections.money(SimpleNamespace(report=report, label="2024-25")))
    assert "An Ombudsman decision: the remedy asked for a payment of £300.00" in money
    assert "None" not in shown + money
