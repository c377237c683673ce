"""The built site: figures come from the data, data text is inert, nothing loads off-site."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load as mkdocs_yaml_load

from tests.site.build import MINIMAL, Built, build, copy_data


def _html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_every_promised_page_is_built(minimal_site: Built) -> None:
    for path in (
        "",
        "how-to-complain",
        "young-people",
        "reports",
        "reports/2023-24",
        "reports/2022-23",
        "trends",
        "learning",
        "compliments",
        "about",
        "accessibility",
        "privacy",
    ):
        assert (minimal_site.site / path / "index.html").is_file(), path


def test_home_figures_follow_the_data(tmp_path: Path, minimal_site: Built) -> None:
    before = minimal_site.text("")
    assert "25%" in before  # 5 of 20 upheld in the fixture
    data = copy_data(MINIMAL, tmp_path / "data")
    outcomes = data / "2023-24" / "outcomes.csv"
    text = outcomes.read_text()
    # Move one complaint from "not upheld" to "upheld" in every row that carries it, so every
    # total still reconciles and only the share upheld changes.
    changed = _shift_one(text)
    outcomes.write_text(changed)
    after = build(data, tmp_path / "site")
    assert after.returncode == 0, after.output
    home = after.text("")
    assert "30%" in home and "25%" not in home.split("answered within")[0]


def _shift_one(text: str) -> str:
    rows = list(csv.DictReader(io.StringIO(text)))
    fieldnames = list(rows[0])
    target = next(
        r
        for r in rows
        if r["stage"] == "1" and not r["service"] and r["outcome"].lower().startswith("upheld")
    )
    other = next(
        r
        for r in rows
        if r["stage"] == "1" and not r["service"] and r["outcome"].lower().startswith("not")
    )
    target["count"] = str(int(target["count"]) + 1)
    other["count"] = str(int(other["count"]) - 1)
    for key in ("percent",):
        target[key] = other[key] = ""
    service_rows = [r for r in rows if r["stage"] == "1" and r["service"]]
    if service_rows:
        up = next(r for r in service_rows if r["outcome"].lower().startswith("upheld"))
        down = next(
            r
            for r in service_rows
            if r["outcome"].lower().startswith("not")
            and r["service"] == up["service"]
            and int(r["count"]) > 0
        )
        up["count"] = str(int(up["count"]) + 1)
        down["count"] = str(int(down["count"]) - 1)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_data_text_is_shown_literally(tmp_path: Path) -> None:
    data = copy_data(MINIMAL, tmp_path / "data")
    report_file = data / "2023-24" / "report.yml"
    report = yaml.safe_load(report_file.read_text())
    hostile = "<script>alert(1)</script> {{ 7*7 }} **bold** [link](https://example.org) a|b"
    report["learning"][0]["text"] = hostile
    report_file.write_text(yaml.safe_dump(report, sort_keys=False, allow_unicode=True))
    built = build(data, tmp_path / "site")
    assert built.returncode == 0, built.output
    for path in ("reports/2023-24", "learning"):
        page = built.page(path)
        assert not page.find("script", string=re.compile("alert")), path
        article = page.find("article")
        assert not article.find("strong", string="bold"), path
        assert not article.find("a", href="https://example.org"), path
        shown = article.get_text(" ")
        assert hostile in " ".join(shown.split()), path


def test_missing_figures_say_not_published(minimal_site: Built) -> None:
    # The fixture publishes no Ombudsman figure and no Stage 3 for 2023-24.
    year = minimal_site.text("reports/2023-24")
    assert "not published" in year.lower()
    # Sections with nothing published are named on one line (issue 18), never shown as 0.
    line = year.split("Not published for this year:")[1].split(".")[0]
    assert "Stage 3: review panel" in line
    assert "Stage 3" not in year.split("Not published for this year:")[0]


def test_no_asset_is_loaded_from_another_host(minimal_site: Built) -> None:
    offsite = re.compile(r"^(https?:)?//", re.IGNORECASE)
    for file in _html_pages(minimal_site.site):
        page = minimal_site.page(str(file.relative_to(minimal_site.site)))
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
        ):
            for element in page.find_all(tag):
                value = element.get(attr, "")
                rel = element.get("rel") or []
                if tag == "link" and "canonical" in rel:
                    continue
                assert not offsite.match(value), f"{file}: <{tag} {attr}={value}>"
        styles = " ".join(s.get_text() for s in page.find_all("style"))
        assert "@import" not in styles and "fonts.googleapis" not in styles


def test_tidy_download_has_the_promised_columns(minimal_site: Built) -> None:
    text = (minimal_site.site / "downloads" / "complaints.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    header = text.splitlines()[0].split(",")
    assert header[:7] == ["year", "stage", "measure", "category", "value", "unit", "source"]
    received = {(r["year"], r["stage"]): r["value"] for r in rows if r["measure"] == "received"}
    fixture = yaml.safe_load((MINIMAL / "2023-24" / "report.yml").read_text())
    for stage in fixture["stages"]:
        expected = "" if stage["count"] is None else str(stage["count"])
        assert received[("2023-24", stage["stage"])] == expected
    assert {r["unit"] for r in rows} <= {"count", "percent", "gbp"}


def test_bad_data_stops_the_build_with_the_validators_message(tmp_path: Path) -> None:
    data = copy_data(MINIMAL, tmp_path / "data")
    outcomes = data / "2023-24" / "outcomes.csv"
    lines = outcomes.read_text().splitlines()
    cells = lines[1].split(",")
    cells[4] = "-3"
    lines[1] = ",".join(cells)
    outcomes.write_text("\n".join(lines) + "\n")
    built = build(data, tmp_path / "site")
    assert built.returncode != 0
    assert "2023-24/outcomes.csv:2 [count] '-3': a count cannot be negative" in built.output
    assert "Traceback" not in built.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_macro_error_is_never_published(tmp_path: Path) -> None:
    # MkDocs' own loader: mkdocs.yml uses its !ENV tag.
    config = mkdocs_yaml_load(
        (Path(__file__).parents[2] / "mkdocs.yml").read_text().replace("!!python", "#")
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Broken\n\n{{ no_such_variable }}\n")
    config.update(docs_dir=str(docs), nav=[{"Home": "index.md"}])
    config["theme"].pop("custom_dir", None)
    config["hooks"] = [str(Path(__file__).parents[2] / "portal" / "site" / "hooks.py")]
    config.pop("extra_css", None)
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config))
    built = build(MINIMAL, tmp_path / "site", config=config_file)
    assert built.returncode != 0
    assert not (tmp_path / "site" / "index.html").exists()


def test_draft_years_show_only_in_preview(tmp_path: Path) -> None:
    data = copy_data(MINIMAL, tmp_path / "data")
    report_file = data / "2023-24" / "report.yml"
    report_file.write_text(report_file.read_text().replace("status: published", "status: draft"))
    published = build(data, tmp_path / "published")
    assert published.returncode == 0, published.output
    assert not (tmp_path / "published" / "reports" / "2023-24").exists()
    assert "2023 to 2024" not in published.text("reports")
    preview = build(data, tmp_path / "preview", preview=True)
    assert preview.returncode == 0, preview.output
    assert "is a draft" in preview.text("reports/2023-24")


def test_every_chart_has_a_name_and_its_table(minimal_site: Built) -> None:
    charts = 0
    for file in _html_pages(minimal_site.site):
        page = minimal_site.page(str(file.relative_to(minimal_site.site)))
        for svg in page.select("figure svg[role=img]"):
            charts += 1
            labelled = svg.get("aria-labelledby", "").split()
            names = [page.find(id=i) for i in labelled]
            assert names and all(n is not None and n.get_text(strip=True) for n in names), file
            assert svg.find("title") is not None and svg.find("desc") is not None
            figure = svg.find_parent("figure")
            table = figure.find("table")
            assert table is not None and table.find("caption") is not None, file
            assert figure.find("a", href=re.compile(r"\.csv$")) is not None, file
    assert charts >= 3


def _rendered(built: Built) -> tuple[int, int]:
    found = re.search(r"charts: (\d+) rendered, (\d+) from the cache", built.output)
    assert found, built.output
    return int(found[1]), int(found[2])


def test_only_charts_whose_data_changed_are_drawn_again(tmp_path: Path) -> None:
    data = copy_data(MINIMAL, tmp_path / "data")
    cache = tmp_path / "cache"
    first = build(data, tmp_path / "one", cache=cache)
    drawn, _ = _rendered(first)
    assert drawn > 2
    warm = build(data, tmp_path / "two", cache=cache)
    assert _rendered(warm) == (0, drawn)
    # Nothing changed: the pages come from the memo of the first build, byte for byte.
    assert "data: unchanged since the last build" in warm.output
    assert "unchanged since" not in first.output
    for page in _html_pages(first.site):
        assert page.read_bytes() == (warm.site / page.relative_to(first.site)).read_bytes()
    outcomes = data / "2023-24" / "outcomes.csv"
    outcomes.write_text(_shift_one(outcomes.read_text()))
    changed = build(data, tmp_path / "three", cache=cache)
    again, reused = _rendered(changed)
    assert "unchanged since" not in changed.output  # changed data is validated again
    # The year's outcome charts (overall and by service) change; every other chart is reused.
    assert 1 <= again <= 3 and reused == drawn - again


def test_a_rebuild_after_a_data_error_still_stops(tmp_path: Path) -> None:
    data = copy_data(MINIMAL, tmp_path / "data")
    cache = tmp_path / "cache"
    assert build(data, tmp_path / "one", cache=cache).returncode == 0
    outcomes = data / "2023-24" / "outcomes.csv"
    outcomes.write_text(outcomes.read_text().replace(",", ",x", 1))
    assert build(data, tmp_path / "two", cache=cache).returncode != 0


def test_no_markdown_is_left_unrendered(minimal_site: Built) -> None:
    for file in _html_pages(minimal_site.site):
        article = minimal_site.page(str(file.relative_to(minimal_site.site))).find("article")
        if article is None:
            continue
        shown = article.get_text(" ")
        assert "**" not in shown and "### " not in shown, file
        assert "{{" not in shown and "{%" not in shown, file


def test_search_indexes_figure_tables_but_not_chart_drawings(minimal_site: Built) -> None:
    index = json.loads((minimal_site.site / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] for doc in index["docs"])
    # Charts are pasted in after the indexer ran; their tables are indexed with the page.
    assert "<svg" not in text and "portal-chart" not in text
    assert "Download this data (CSV)" in text
    for file in _html_pages(minimal_site.site):
        html = file.read_text(encoding="utf-8")
        assert "portal-chart:" not in html and "portal-block:" not in html, file
