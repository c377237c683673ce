"""Issue 12 item 10: national facts belong to the package, and a council may override them.

A council that types no timescale, no Ombudsman and no list of who can complain gets the
law's, with the law cited on the page; one that types its own gets its own, and must say
where it comes from.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup

from portal import national
from portal.cli import main
from portal.models.council import Council, Ombudsman
from portal.models.timescales import StageTimescale, Timescales
from portal.site import procedure
from portal.site.pages import PAGE_BLOCKS, timescale

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / "tests" / "fixtures" / "synthetic" / "council.yml"
BARE = {
    "name": "Anytown Borough Council",
    "short_name": "Anytown",
    "website": "https://example.org",
    "complain": {},
    "advocacy": {"name": "An advocacy service", "description": "It helps."},
    "safeguarding": {"report_concern": "Call the front door"},
}


def _council(**settings: object) -> Council:
    return Council.model_validate({**BARE, **settings})


def _dataset(council: Council) -> SimpleNamespace:
    return SimpleNamespace(council=council, sources_by_id={})


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def _timescale_paths() -> list[str]:
    """Every timescale the model holds, as a dotted path, derived from the model."""
    paths = []
    for name, field in Timescales.model_fields.items():
        if name == "source":
            continue
        if field.annotation is StageTimescale:
            paths += [f"{name}.{sub}" for sub in StageTimescale.model_fields]
        else:
            paths.append(name)
    return paths


def test_every_timescale_is_a_national_fact() -> None:
    assert sorted(_timescale_paths()) == sorted(national.TIMESCALES)
    for fact in national.TIMESCALES.values():
        assert fact.citation.startswith(("Children Act 1989", "Local Government Act"))


@pytest.mark.parametrize("path", _timescale_paths())
def test_a_council_that_types_none_gets_the_law(path: str) -> None:
    council = _council()
    assert timescale(council, path) == str(national.TIMESCALES[path].value)
    assert not council.timescales.own()


def test_the_ombudsman_is_national_unless_overridden() -> None:
    council = _council()
    assert council.ombudsman.name == national.OMBUDSMAN_NAME.value
    assert council.ombudsman.website == national.OMBUDSMAN_WEBSITE.value
    assert set(Ombudsman.model_fields) == {"name", "website", "council_page"}
    other = _council(ombudsman={"name": "Another Ombudsman", "website": "https://example.org"})
    assert other.ombudsman.name == "Another Ombudsman"


def test_the_regulations_are_cited_with_a_link_when_nothing_is_typed() -> None:
    html = procedure.timescales_source(_dataset(_council()))
    link = BeautifulSoup(html, "html.parser").find("a")
    assert link["href"] == national.REGULATIONS_URL
    assert "Representations Procedure (England) Regulations 2006" in link.get_text()
    assert "Local Government Act 1974 (section 26B)" in _text(html)


def test_a_council_s_own_timescale_needs_its_source() -> None:
    with pytest.raises(ValueError, match="say where these timescales come from"):
        _council(timescales={"stage1": {"working_days": 15}})
    council = _council(
        timescales={"stage1": {"working_days": 15}, "source": "Our complaints procedure, §4."}
    )
    assert council.timescales.stage1.working_days == 15
    # The rest of the stage, and every other timescale, stay the law's.
    assert council.timescales.stage1.extended_working_days == 20
    assert council.timescales.stage2.working_days == 25
    shown = _text(procedure.timescales_source(_dataset(council)))
    assert shown == (
        "Where the council sets its own times: Our complaints procedure, §4. Otherwise, these "
        f"times are set by the {national.REGULATIONS}."
    )


def test_an_unsourced_timescale_is_one_line_in_validate(tmp_path: Path) -> None:
    # The error a council sees is one line naming the file and the field; no traceback.
    data = tmp_path / "data"
    main(["new-council", "--data", str(data)])
    council = data / "council.yml"
    council.write_text(
        council.read_text(encoding="utf-8") + "timescales:\n  stage1:\n    working_days: 15\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        main(["validate", "--data", str(data)])
    assert "Traceback" not in out.getvalue()
    lines = [line for line in out.getvalue().splitlines() if "[timescales" in line]
    assert len(lines) == 1
    assert re.match(r"^\S*council\.yml:\d+ \[timescales\]: say where", lines[0])


def test_who_can_complain_is_the_law_s_list_when_the_council_gives_none() -> None:
    html = procedure.who_can_complain(_dataset(_council()))
    items = [li.get_text() for li in BeautifulSoup(html, "html.parser").find_all("li")]
    assert items == list(national.WHO_CAN_COMPLAIN)
    assert "Children Act 1989, sections 26(3) and 24D" in _text(html)


def test_who_can_complain_is_the_council_s_own_list_when_given() -> None:
    settings = yaml.safe_load(SYNTHETIC.read_text(encoding="utf-8"))
    council = Council.model_validate(settings)
    html = procedure.who_can_complain(_dataset(council))
    items = [li.get_text() for li in BeautifulSoup(html, "html.parser").find_all("li")]
    assert items == list(settings["who_can_complain"])
    assert "Children Act" not in _text(html)


def test_the_review_panel_is_the_regulations_unless_the_council_describes_it() -> None:
    assert _text(procedure.stage3_panel(_dataset(_council()))) == (
        "Who sits on the panel: three independent people, one of whom chairs the panel."
    )
    own = _council(stage3_panel="Two councillors and an independent chair.")
    assert _text(procedure.stage3_panel(_dataset(own))) == (
        "Who sits on the panel: Two councillors and an independent chair."
    )


@pytest.mark.parametrize(
    ("days", "shown"),
    [(10, "10 working days (2 weeks)"), (5, "5 working days (1 week)"), (12, "12 working days")],
)
def test_the_young_people_s_weeks_are_worked_out(days: int, shown: str) -> None:
    council = _council(timescales={"stage1": {"working_days": days}, "source": "Procedure."})
    assert procedure.young_reply_time(_dataset(council)) == shown


def test_every_procedure_block_is_on_a_page() -> None:
    pages = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    for name in procedure.PROCEDURE_BLOCKS:
        assert name in PAGE_BLOCKS
        assert f'section("{name}")' in pages, name


def test_a_council_s_own_list_and_panel_show_where_they_come_from() -> None:
    council = _council(
        who_can_complain=["a child the council looks after"],
        who_can_complain_source="annual-2023-24 §3",
        stage3_panel="Two councillors and an independent chair.",
        stage3_panel_source="annual-2023-24 §7",
    )
    sources = {"annual-2023-24": SimpleNamespace(title="Annual report 2023/24")}
    dataset = SimpleNamespace(council=council, sources_by_id=sources)
    who = BeautifulSoup(procedure.who_can_complain(dataset), "html.parser")
    assert "Source: Annual report 2023/24, section 3." in _text(str(who))
    assert who.find("a")["href"] == "../about/#source-annual-2023-24"
    panel = _text(procedure.stage3_panel(dataset))
    assert panel == (
        "Who sits on the panel: Two councillors and an independent chair. "
        "(source: Annual report 2023/24, section 7)"
    )
