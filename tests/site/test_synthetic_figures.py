"""Issue 12: every figure the synthetic third council holds is in its open data and on its
pages, in a table row beside its labels (not just somewhere on the page)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from portal.load import load_dataset
from portal.site.downloads import ALL_YEARS, BOM
from tests.site.build import Built, build

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / "tests" / "fixtures" / "synthetic"
DIMENSIONS = ("service", "team", "procedure", "subject")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    done = build(SYNTHETIC, tmp_path_factory.mktemp("synthetic-figures") / "site")
    assert done.returncode == 0, done.output[-3000:]
    return done


@pytest.fixture(scope="module")
def records(built: Built) -> list[dict[str, str]]:
    text = (built.site / "downloads" / ALL_YEARS).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))


def _forms(value: str, unit: str) -> set[str]:
    number = Decimal(value)
    whole = number == number.to_integral_value()
    if unit == "gbp":
        return {f"£{number:,.2f}", f"£{int(number):,}" if whole else f"£{number:,.2f}"}
    if unit == "percent":
        return {f"{number.normalize():f}%", f"{number}%"}
    return {f"{int(number):,}"}


def _tables(built: Built, year: str) -> list[list[list[str]]]:
    """Every table of the year page: its caption, then each row's cells as text."""
    found = []
    for table in built.page(f"reports/{year}").find("article").find_all("table"):
        caption = table.find("caption")
        rows = [
            [" ".join(cell.get_text(" ", strip=True).split()) for cell in tr.find_all(["th", "td"])]
            for tr in table.find_all("tr")
        ]
        found.append([[caption.get_text(" ", strip=True) if caption else ""], *rows])
    return found


def _shown(record: dict[str, str], tables: list[list[list[str]]]) -> bool:
    labels = [record[d] for d in DIMENSIONS if record[d]]
    if record["category"] != "Total":
        labels.append(record["category"])
    forms = _forms(record["value"], record["unit"])
    for table in tables:
        whole = " | ".join(" | ".join(row) for row in table)
        if not all(label in whole for label in labels):
            continue
        for row in table[1:]:
            if not forms & set(row):
                continue
            in_row = [label for label in labels if any(label in cell for cell in row)]
            overall = row[0].startswith(("Total", "All services"))
            if in_row or (record["category"] == "Total" and overall):
                return True
    return False


def test_every_figure_of_every_table_is_in_the_open_data(records) -> None:
    dataset = load_dataset(SYNTHETIC)
    values = {(r["year"], r["value"], r["unit"]) for r in records}
    expected = 0
    for year in dataset.years:
        for rows in year.tables.values():
            for row in rows:
                for value, unit in (
                    (row.count, "count"),
                    (row.percent_text, "percent"),
                    (row.amount_text, "gbp"),
                ):
                    if value is not None:
                        expected += 1
                        assert (year.label, str(value), unit) in values, (row.file, row.line)
        for stage in year.report.stages:
            if stage.procedure is None:
                assert (year.label, str(stage.count), "count") in values
    assert expected > 150
    # A label printed twice is kept twice (issue 12, item 9).
    delay = [r for r in records if r["measure"] == "subject" and r["category"] == "Delay"]
    assert len([r for r in delay if r["stage"] == "all"]) == 2


# Figures the report prints in a sentence: the year page says them in a sentence too.
PROSE_MEASURES = frozenset({"demographics_coverage", "ombudsman_remedy", "percentage_in_text"})


def test_every_figure_is_in_a_table_row_on_its_year_page(built: Built, records) -> None:
    tables = {year: _tables(built, year) for year in {r["year"] for r in records}}
    missing = [
        tuple(r[k] for k in ("year", "stage", "measure", "category", *DIMENSIONS, "value"))
        for r in records
        if r["value"]
        and r["measure"] != "received"
        and r["measure"] not in PROSE_MEASURES
        and not _shown(r, tables[r["year"]])
    ]
    assert not missing, missing[:20]
    prose = [
        r
        for r in records
        if r["measure"] in PROSE_MEASURES
        and r["value"] not in built.text(f"reports/{r['year']}").replace(",", "")
    ]
    assert not prose, prose[:5]


def test_the_check_sees_a_missing_figure(built: Built, records) -> None:
    tables = _tables(built, "2024-25")
    made_up = {**records[0], "year": "2024-25", "category": "Delay", "value": "987654"}
    assert not _shown({**made_up, "unit": "count"}, tables)


def test_no_raw_ids_and_teams_one_click_away(built: Built) -> None:
    page = built.page("reports/2024-25")
    text = " ".join(page.find("article").get_text(" ", strip=True).split())
    ids = ("not_met", "met_with_extension", "outside_jurisdiction", "Stage all")
    assert not [raw for raw in ids if raw in text]
    titles = " ".join(t.get_text(" ", strip=True) for t in page.find_all(["title", "desc"]))
    assert "not_met" not in titles and "Outside the timescale" in text
    teams = [d for d in page.find_all("details", class_="portal-teams")]
    assert len(teams) >= 4  # service areas, ombudsman, compliments, representations
    assert all(d.find("summary").get_text().startswith("Show the teams") for d in teams)


def test_timeliness_from_timescales_alone_is_on_the_summary(built: Built) -> None:
    from portal.views.headline import headline

    dataset = load_dataset(SYNTHETIC)
    found = headline(dataset, dataset.year("2024-25"))
    # 30 of 48 met the timescale; 40 of 48 met it with or without an extension.
    assert (str(found.within_target.value), str(found.within_extended.value)) == ("63", "83")
    assert "63%" in built.text("reports/2024-25")


def test_representations_costs_and_compensation_have_trends(built: Built) -> None:
    from portal.views.trends import series

    found = {s.id: s for s in series(load_dataset(SYNTHETIC))}
    for measure_id in ("representations-members-enquiries", "costs-investigators", "compensation"):
        assert found[measure_id].known == 3, measure_id
    text = built.text("trends")
    for shown in ("Councillors' enquiries", "Compensation paid (£)", "£1,250", "£3,500.50"):
        assert shown in text, shown


def test_subgroups_name_their_group_in_the_open_data(records) -> None:
    ethnic = {r["category"]: r["group"] for r in records if r["characteristic"] == "ethnicity"}
    assert (
        ethnic["White British"] == "White" and ethnic["Black African"] == "Black or Black British"
    )
    assert ethnic["White"] == "" and ethnic["Not known"] == ""


def test_an_all_stages_total_has_its_own_summary_card(built: Built) -> None:
    cards = built.page("reports/2024-25").find("div", class_="portal-stats")
    labels = [p.get_text(" ", strip=True) for p in cards.find_all(class_="portal-stat__label")]
    assert labels[0].startswith("Complaints this year, all stages"), labels
    assert "58" in cards.find_all(class_="portal-stat")[0].get_text(" ", strip=True)
