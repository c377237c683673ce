"""Personal data in free text: what is flagged, and everyday text that must not be."""

from __future__ import annotations

import pytest

from portal.privacy import personal_data, review_mark


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("write to jo.bloggs@example.com today", "an email address", "jo.bloggs@example.com"),
        ("call 020 7946 0018", "a phone number", "020 7946 0018"),
        ("call (020) 7946 0018", "a phone number", "(020) 7946 0018"),
        ("call +44 20 7946 0018", "a phone number", "+44 20 7946 0018"),
        ("text 07700 900123", "a phone number", "07700 900123"),
        ("text 07700900123", "a phone number", "07700900123"),
        ("lives in NW1 2RU", "a postcode", "NW1 2RU"),
        ("near SW1A 1AA", "a postcode", "SW1A 1AA"),
        ("born 3 May", "a date of birth", "born 3 May"),
        ("Born on 3rd March 2010", "a date of birth", "Born on 3rd March 2010"),
        ("date of birth: 12/03/2009", "a date of birth", "date of birth: 12/03/2009"),
        ("DOB 01.02.10", "a date of birth", "DOB 01.02.10"),
        ("Mr Smith complained", "a titled surname", "Mr Smith"),
        ("Mrs J Brown complained", "a titled surname", "Mrs J Brown"),
        ("Miss A. B. Jones", "a titled surname", "Miss A. B. Jones"),
        ("Dr. Patel", "a titled surname", "Dr. Patel"),
        ("Ms O'Neill", "a titled surname", "Ms O'Neill"),
        ("Mr McDonald", "a titled surname", "Mr McDonald"),
        ("Mrs Smith-Jones", "a titled surname", "Mrs Smith-Jones"),
    ],
)
def test_personal_data_is_flagged(text: str, kind: str, found: str) -> None:
    assert personal_data(text) == [(kind, found)]


# Every example issue 15 found the old scan missed.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Jamie Smith, aged 12", "Jamie Smith"),
        ("social worker Sarah Jones", "Sarah Jones"),
        ("mr smith", "mr smith"),
        ("MR SMITH", "MR SMITH"),
        ("Miss de Souza", "Miss de Souza"),
        ("Cllr Patel asked", "Cllr Patel"),
        ("Councillor Jane Hughes asked", "Councillor Jane"),
        ("lives at n1 9aa", "n1 9aa"),
        ("D.O.B. 03/04/2012", "D.O.B. 03/04/2012"),
        ("DOB: 3rd Apr 2012", "DOB: 3rd Apr 2012"),
        ("born in April 2012", "born in April 2012"),
        ("NHS number 943 476 5919", "943 476 5919"),
        ("NI number AB 12 34 56 C", "NI number AB 12 34 56 C"),
        ("lives at 14 Holloway Road", "14 Holloway Road"),
    ],
)
def test_what_the_old_scan_missed_is_flagged(text: str, found: str) -> None:
    assert found in [hit for _, hit in personal_data(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Sarah's law names a law, not a person.",
        "Sarah’s Law, or the Child Sex Offender Disclosure Scheme",
        "A Member asked councillors to note the report.",
        "Pupils may miss the deadline.",
        "Early Help and Children Looked After services.",
        "In May 2023 the policy was reviewed.",
        "There were 1,234,567 contacts.",
        "Mr B complained about a delay.",
        "Mr B, Mrs K and Ms T were told.",
        "Apologise to Mr B.",
        "The council paid £480 to the family.",
        "The council paid £1,500 in total.",
        "Ombudsman reference 23007502.",
        "Ombudsman reference 23 007 502.",
        "Most replies came within 1-10 working days.",
        "Stage 2 took up to 65 working days in 2023-24.",
        "In Q1 there were 312 complaints.",
        "0.125% of cases",
        "She was born in 2010.",
        "Complaints fell by 20% (from 25 to 20).",
    ],
)
def test_everyday_text_is_not_flagged(text: str) -> None:
    assert personal_data(text) == []


def test_every_match_is_reported() -> None:
    found = personal_data("Mr Smith on 020 7946 0018 and Mrs Jones, NW1 2RU")
    assert sorted(found) == [
        ("a phone number", "020 7946 0018"),
        ("a postcode", "NW1 2RU"),
        ("a titled surname", "Mr Smith"),
        ("a titled surname", "Mrs Jones"),
    ]


def test_review_mark_follows_every_text_of_an_item() -> None:
    mark = review_mark(["A title", "An issue"])
    assert mark.startswith("sha256:") and len(mark) == len("sha256:") + 12
    assert review_mark(["A title", "An issue"]) == mark
    assert review_mark(["A title", "An issue."]) != mark
    assert review_mark(["A titl", "e An issue"]) != mark
    assert review_mark(["A title"]) != mark
