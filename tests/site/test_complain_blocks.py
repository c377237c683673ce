"""The contact blocks of How to complain, the young people's page and the home page (issue 16).

Built from council settings alone: the made-up council of tests/fixtures/contact-demo (every
route supplied), Camden's data/council.yml (every route a placeholder), and variations.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup

from portal.models.common import Placeholder
from portal.models.council import ContactRoutes, Council
from portal.site import contact
from portal.views.contact import COMPLAINT_ROUTES, complaint_routes, href_for, missing_routes

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "tests" / "fixtures" / "contact-demo" / "council.yml"
CAMDEN = ROOT / "data" / "council.yml"
WRONG_FIRST = ("lgo.org.uk", "ombudsman", "ofsted")


def _settings(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dataset(settings: dict) -> SimpleNamespace:
    return SimpleNamespace(council=Council.model_validate(settings))


def _html(block: str) -> BeautifulSoup:
    return BeautifulSoup(block, "html.parser")


def test_every_contact_setting_is_a_route() -> None:
    assert set(COMPLAINT_ROUTES) == set(ContactRoutes.model_fields)


def test_the_first_route_is_the_online_form_as_a_button() -> None:
    data = _dataset(_settings(DEMO))
    page = _html(contact.complain_routes(data))
    links = page.find_all("a")
    assert links[0].get_text(strip=True) == "Complain online"
    assert links[0]["href"] == str(data.council.complain.web_form)
    hrefs = [a["href"] for a in links]
    assert any(h.startswith("tel:") for h in hrefs) and any(h.startswith("mailto:") for h in hrefs)
    assert "has not added" not in page.get_text()


def test_every_supplied_route_is_offered_in_order() -> None:
    data = _dataset(_settings(DEMO))
    shown = contact.complain_routes(data)
    routes = complaint_routes(data.council)
    assert [r.kind for r in routes] == list(COMPLAINT_ROUTES)
    at = [shown.find(r.href or r.shown) for r in routes]
    assert -1 not in at and at == sorted(at)


@pytest.mark.parametrize("block", ["complain_routes", "young_routes"])
def test_no_route_supplied_says_so_and_offers_no_wrong_route(block: str) -> None:
    data = _dataset(_settings(CAMDEN))
    assert not complaint_routes(data.council)
    page = _html(contact.CONTACT_BLOCKS[block](data))
    words = " ".join(page.get_text(" ").split())
    assert f"{data.council.short_name} has not added its contact details" in words
    assert "social worker" in words  # something the reader can do now
    assert not page.select(".portal-placeholder")
    lowered = str(page).lower()
    for wrong in WRONG_FIRST:
        assert wrong not in lowered, wrong


def test_a_known_website_is_offered_when_routes_are_missing() -> None:
    settings = _settings(CAMDEN)
    settings["website"] = "https://example.org"
    page = _html(contact.complain_routes(_dataset(settings)))
    link = page.find("a", href="https://example.org")
    assert link is not None and "website" in link.get_text()
    assert "https://" not in link.get_text()  # link text says where it goes


@pytest.mark.parametrize("kind", COMPLAINT_ROUTES)
def test_a_missing_route_is_named_and_never_shown_as_a_link(kind: str) -> None:
    settings = _settings(DEMO)
    settings["complain"][kind] = {"placeholder": f"the {kind}"}
    data = _dataset(settings)
    assert isinstance(getattr(data.council.complain, kind), Placeholder)
    page = _html(contact.complain_routes(data))
    words = " ".join(page.get_text(" ").split())
    for name in missing_routes(data.council):
        assert name in words
    assert not page.select(".portal-placeholder")
    assert "to be added" not in words


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("web_form", "javascript:alert(1)"),
        ("web_form", "https://example.org/a b"),
        ("website", "//evil.example"),
        ("phone", "call <script>"),
        ("email", "a@b.c?cc=x@y.z"),
        ("email", "not an email"),
    ],
)
def test_only_safe_links_are_made(kind: str, value: str) -> None:
    assert href_for(kind, value) is None


def test_phone_and_email_links() -> None:
    assert href_for("phone", "020 7946 0000") == "tel:02079460000"
    assert href_for("phone", "+44 (0)20 7946-0000") == "tel:+442079460000"
    assert href_for("email", "complaints@example.org") == "mailto:complaints@example.org"


@pytest.mark.parametrize("source", [DEMO, CAMDEN])
@pytest.mark.parametrize("block", ["safeguarding_line", "safeguarding_box"])
def test_safeguarding_ends_with_something_to_do(source: Path, block: str) -> None:
    data = _dataset(_settings(source))
    page = _html(contact.CONTACT_BLOCKS[block](data))
    assert page.find("a", href="tel:999") is not None
    assert not page.select(".portal-placeholder")
    words = " ".join(page.get_text(" ").split())
    assert "to be added" not in words
    if source == CAMDEN:
        assert "has not added how to report a concern" in words
        assert page.find("a", href=href_for("phone", contact.NSPCC_HELPLINE)) is not None
    else:
        assert str(data.council.safeguarding.report_concern) in words


def test_advocacy_without_contacts_points_to_a_person() -> None:
    data = _dataset(_settings(CAMDEN))
    page = _html(contact.advocacy_contact(data))
    assert "social worker" in page.get_text() and not page.find("a")
    demo = _html(contact.advocacy_contact(_dataset(_settings(DEMO))))
    assert demo.find("a", href="tel:02079460001") is not None


def test_the_ombudsman_link_names_where_it_goes() -> None:
    data = _dataset(_settings(CAMDEN))
    link = _html(contact.ombudsman_link(data)).find("a")
    assert link["href"] == data.council.ombudsman.website
    assert link.get_text() == f"{data.council.ombudsman.name} website"
