"""Independent checks of the claims issue 17 adds (against a target, the biggest gap), read
from the built pages and the data folder with this file's own code: nothing from portal/."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

NOT_A_GROUP = ("not known", "unknown", "not stated", "not recorded", "prefer not to say")
WORDS = {"above_target": r"\babove\b", "below_target": r"\bbelow\b", "on_target": r"\bon\b"}


def _number(text: str) -> Decimal | None:
    found = re.search(r"-?\d[\d,]*(\.\d+)?", text)
    return Decimal(found.group().replace(",", "")) if found else None


def _trend_value(site: Path, measure: str, year: str) -> Decimal | None:
    page = site / "trends" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    figure = soup.select_one(f"figure#figure-trend-{measure.replace('_', '-')}")
    if figure is None:
        return None
    for row in figure.select("table tbody tr"):
        head, cell = row.find("th"), row.find("td")
        if head is not None and cell is not None and head.get_text(strip=True) == year:
            return _number(cell.get_text(" ", strip=True))
    return None


def _aims(data: Path, measure: str, year: str) -> list[Decimal]:
    council = yaml.safe_load((data / "council.yml").read_text(encoding="utf-8")) or {}
    return [
        Decimal(str(t["value"]))
        for t in council.get("targets") or ()
        if t["measure"] == measure and year in [str(y) for y in t["years"]]
    ]


def check_target(site: Path, data: Path, claim: dict, text: str) -> str | None:
    scope = claim["scope"]
    if not re.search(WORDS[claim["kind"]], text):
        return f"a {claim['kind']} claim worded {text!r}"
    value = _trend_value(site, scope["measure"], scope["year"])
    aims = _aims(data, scope["measure"], scope["year"])
    if value is None or len(aims) != 1:
        return f"no single published value and aim for {scope}: {value}, {aims}"
    kind = "above_target" if value > aims[0] else "below_target" if value < aims[0] else "on_target"
    if kind != claim["kind"]:
        return f"says {claim['kind']}, the data gives {kind} ({value} against {aims[0]})"
    if [Decimal(v) for v in claim["values"]] != [value, aims[0]]:
        return f"gives {claim['values']}, the data gives {value} and {aims[0]}"
    return None


def check_gap(site: Path, page: str, claim: dict) -> str | None:
    """The named group has the widest gap between the first two share columns of the
    comparison's table (complainants and the group compared with), leaving out 'not known'."""
    scope = claim["scope"]
    slug = f"equality-{scope['characteristic']}-{scope['year']}".replace("_", "-")
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    figure = soup.select_one(f"figure#figure-{slug}")
    if figure is None:
        return f"no comparison figure {slug} on {page}"
    gaps = {}
    for row in figure.select("table tbody tr"):
        head = row.find("th").get_text(strip=True)
        cells = [_number(td.get_text(" ", strip=True)) for td in row.find_all("td")]
        if head.casefold() in NOT_A_GROUP or len(cells) < 2 or None in cells[:2]:
            continue
        gaps[head] = (cells[0], cells[1])
    if not gaps:
        return "no shares in the figure's table"
    widest = max(abs(a - b) for a, b in gaps.values())
    leaders = [g for g, (a, b) in gaps.items() if abs(a - b) == widest]
    if leaders != claim["labels"]:
        return f"names {claim['labels']}, the table gives {leaders}"
    if [Decimal(v) for v in claim["values"]] != list(gaps[leaders[0]]):
        return f"gives {claim['values']}, the table gives {gaps[leaders[0]]}"
    return None
