"""An independent check of the claims a built site makes (issue 13, item 2).

Every sentence the site writes about its figures carries its claim as JSON in a data-claim
attribute. This module reads those from the built pages and works each one out again from the
open data (downloads/complaints.csv) and the data folder, with its own code: it does not import
portal.views.claims or anything that makes the claims.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.councillor import claim_checks as councillor

DIMENSIONS = ("service", "team", "procedure", "subject", "quarter", "characteristic", "population")
RANKS = {"largest", "majority", "all", "none", "tie"}
CHANGES = {"rise", "fall", "same", "series_break"}
TARGETS = {"above_target", "below_target", "on_target"}
STAGE_SERIES = {"stage1": "1", "stage2": "2", "stage3": "3", "ombudsman": "ombudsman"}
# What each kind of sentence must say, so a claim is never worded as another.
WORDS = {
    "majority": r"\bmore than half\b",
    "all": r"^all\b",
    "none": r"\bno\b",
    "tie": r"\b(equally|tie)\b",
    "largest": r"\b(most|largest)\b",
    "rise": r"\b(rose|up)\b",
    "fall": r"\b(fell|down)\b",
    "same": r"\bthe same\b",
    "series_break": r"\bcounted differently\b",
    "above_target": r"\babove\b",
    "below_target": r"\bbelow\b",
}


@dataclass(frozen=True)
class Found:
    page: str
    text: str
    claim: dict
    # The figure the claim belongs to (its table holds the values a trend claim names).
    figure: BeautifulSoup | None


def claims_on(site: Path) -> list[Found]:
    found = []
    for file in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("[data-claim]"):
            found.append(
                Found(
                    str(file.relative_to(site)),
                    " ".join(element.get_text(" ", strip=True).split()),
                    json.loads(element["data-claim"]),
                    element.find_parent("figure"),
                )
            )
    return found


def open_data(site: Path) -> list[dict[str, str]]:
    text = (site / "downloads" / "complaints.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(text.splitlines()))


def number(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("£", "").rstrip("%").lstrip("'"))


class Checker:
    def __init__(self, site: Path, data: Path) -> None:
        self.rows = open_data(site)
        self.site = site
        self.data = data
        vocabularies = yaml.safe_load((data / "vocabularies.yml").read_text(encoding="utf-8"))
        # A cumulative band (1-20 days) overlaps the others: it is never one of the categories.
        self.overlapping = {
            term["label"]
            for term in (vocabularies or {}).get("timeliness_bands") or ()
            if term.get("cumulative")
        }

    # --- ranking -----------------------------------------------------------------------

    def _scoped(self, scope: dict) -> list[dict[str, str]]:
        rows = [
            r
            for r in self.rows
            if r["measure"] == scope["measure"]
            and r["year"] == scope.get("year", r["year"])
            and ("stage" not in scope or r["stage"] == scope["stage"])
            and not r.get("group")
            and r["category"] != "Total"
            and r["category"] not in self.overlapping
        ]
        if not rows:
            return []
        depth = min(sum(1 for d in DIMENSIONS if r.get(d)) for r in rows)
        return [r for r in rows if sum(1 for d in DIMENSIONS if r.get(d)) == depth]

    def _stage_total(self, scope: dict) -> Decimal | None:
        for r in self.rows:
            if (
                r["measure"] == "received"
                and r["year"] == scope.get("year")
                and r["stage"] == scope.get("stage")
                and r["unit"] == "count"
                and not any(r.get(d) for d in DIMENSIONS)
                and r["value"]
            ):
                return number(r["value"])
        return None

    def check_rank(self, claim: dict) -> str | None:
        scope, unit = claim["scope"], claim["unit"]
        rows = self._scoped(scope)
        if not rows:
            return f"no rows in complaints.csv for {scope}"
        by = scope.get("by")

        def key(r: dict[str, str]) -> str:
            return (r.get(by) if by else "") or r["category"]

        categories = {key(r) for r in rows}
        values: dict[str, Decimal] = defaultdict(Decimal)
        seen: dict[str, int] = defaultdict(int)
        for r in rows:
            if r["unit"] == unit and r["value"]:
                values[key(r)] += number(r["value"])
                seen[key(r)] += 1
        if unit == "percent" and any(n > 1 for n in seen.values()):
            return "percentages of finer rows cannot be added up"
        missing = categories - set(values)
        if missing:
            return f"ranked though {sorted(missing)} have no {unit}"
        top = max(values.values())
        leaders = sorted(c for c, v in values.items() if v == top)
        if unit == "percent":
            base = Decimal(100)
        else:
            summed = sum(values.values())
            total = self._stage_total(scope) if "stage" in scope else None
            base = total if total is not None and total >= summed else summed
        others = [v for c, v in values.items() if c not in leaders]
        if top == 0 and base:
            return f"a {claim['kind']} claim, but the categories are empty of a total of {base}"
        if top == 0:
            kind = "none"
        elif len(leaders) > 1:
            kind = "tie"
        elif top == base and all(v == 0 for v in others):
            kind = "all"
        elif top * 2 > base:
            kind = "majority"
        else:
            kind = "largest"
        if claim["kind"] != kind:
            return f"says {claim['kind']}, the open data gives {kind} ({dict(values)})"
        if kind != "none" and sorted(claim["labels"]) != leaders:
            return f"names {claim['labels']}, the open data gives {leaders}"
        if kind != "none" and any(number(v) != top for v in claim["values"]):
            return f"gives {claim['values']}, the open data gives {top}"
        return None

    # --- changes -----------------------------------------------------------------------

    def _series_from_csv(self, scope: dict) -> dict[str, Decimal | None]:
        found: dict[str, Decimal | None] = {}
        for r in self.rows:
            if (
                r["measure"] == scope["measure"]
                and r["stage"] == scope["stage"]
                and r["category"] == scope["category"]
                and r["unit"] == "count"
                and not any(r.get(d) for d in DIMENSIONS)
            ):
                found[r["year"]] = number(r["value"]) if r["value"] else None
        return found

    def _series_from_table(self, figure) -> dict[str, Decimal | None]:
        found: dict[str, Decimal | None] = {}
        for row in figure.select("table tbody tr"):
            head, cell = row.find("th"), row.find("td")
            if head is None or cell is None:
                continue
            text = cell.get_text(" ", strip=True)
            value = re.search(r"-?[£\d][\d,.]*%?", text)
            found[head.get_text(strip=True)] = number(value.group()) if value else None
        return found

    def _breaks(self, stage: str) -> set[str]:
        """Years whose report.yml marks a change of meaning for the stage (read directly)."""
        found = set()
        for file in sorted(self.data.glob("*/report.yml")):
            report = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
            for entry in report.get("stages") or ():
                if str(entry.get("stage")) == stage and entry.get("meaning_changed"):
                    found.add(file.parent.name)
        return found

    def _trend_tables(self) -> dict[str, dict[str, Decimal | None]]:
        """Each trend's table on the trends page, by series id (figure-trend-<id>)."""
        page = self.site / "trends" / "index.html"
        if not page.exists():
            return {}
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        return {
            figure["id"].removeprefix("figure-trend-"): self._series_from_table(figure)
            for figure in soup.select("figure[id^=figure-trend-]")
        }

    def check_change(self, claim: dict, figure) -> str | None:
        scope = claim["scope"]
        name = scope.get("series") or scope.get("measure")
        stage = scope.get("stage") or STAGE_SERIES.get(name)
        table = self._series_from_table(figure) if figure is not None else {}
        if not table:
            table = self._trend_tables().get((name or "").replace("_", "-"), {})
        if stage is not None:
            series = self._series_from_csv(
                {"measure": "received", "stage": stage, "category": "Total"}
            )
            breaks = self._breaks(stage)
            for year, value in table.items():
                if series.get(year) != value:
                    return f"{year}: the chart's table gives {value}, the CSV {series.get(year)}"
        else:
            series, breaks = table, set()
        known = sorted(y for y, v in series.items() if v is not None)
        if not known:
            return f"no values found for the series {name!r}"
        latest = scope.get("year") or max(series)
        earlier = [y for y in known if y < latest]
        if claim["kind"] == "series_break":
            (start,) = claim["years"]
            if stage is not None and start not in breaks:
                return f"a break in {start} that the data does not mark"
            if not earlier or not earlier[-1] < start <= latest:
                return f"a break in {start} that is not between {earlier[-1:]} and {latest}"
            return None
        first, last = claim["years"]
        if last != latest or last not in known or first not in known:
            return f"compares {first} with {last}, not the latest year with a value ({latest})"
        since = max([b for b in breaks if b <= latest], default="")
        long_run_start = min(y for y in known if y >= since)
        if first not in (earlier[-1] if earlier else None, long_run_start):
            return f"compares {first} with {last}: neither the previous year nor the long run"
        crossed = [b for b in breaks if first < b <= last]
        if crossed:
            return f"compares across the change of meaning in {crossed}"
        before, after = series[first], series[last]
        kind = "same" if after == before else "rise" if after > before else "fall"
        if kind != claim["kind"]:
            return f"says {claim['kind']}, the data gives {kind} ({before} to {after})"
        if [number(v) for v in claim["values"]] != [before, after]:
            return f"gives {claim['values']}, the data gives {before} and {after}"
        return None

    def check(self, found: Found) -> str | None:
        claim = found.claim
        if claim["sentence"] not in found.text:
            return f"the page says {found.text!r}, the claim {claim['sentence']!r}"
        words = WORDS.get(claim["kind"])
        if words and not re.search(words, found.text, re.IGNORECASE):
            return f"a {claim['kind']} claim worded {found.text!r}"
        if any(label.lower() not in found.text.lower() for label in claim["labels"]):
            return f"does not name {claim['labels']}"
        if claim["kind"] in RANKS:
            return self.check_rank(claim)
        if claim["kind"] in CHANGES:
            return self.check_change(claim, found.figure)
        # Issue 17's kinds, checked by its own independent code.
        if claim["kind"] in ("above_target", "below_target", "on_target"):
            return councillor.check_target(self.site, self.data, claim, found.text)
        if claim["kind"] == "biggest_gap":
            return councillor.check_gap(self.site, found.page, claim)
        if claim["kind"] in TARGETS:
            return self.check_target(claim)
        return f"no check for a {claim['kind']} claim"

    def check_target(self, claim: dict) -> str | None:
        """The value is the series' value for the year (trends page) and on the right side."""
        scope = claim["scope"]
        value, target = (number(v) for v in claim["values"])
        kind = (
            "above_target" if value > target else "below_target" if value < target else "on_target"
        )
        if kind != claim["kind"]:
            return f"says {claim['kind']} for {value} against {target}"
        name = (scope.get("series") or scope.get("measure") or "").replace("_", "-")
        series = self._trend_tables().get(name)
        if series is not None and "year" in scope and series.get(scope["year"]) != value:
            return f"gives {value}, the trend's table gives {series.get(scope['year'])}"
        return None
