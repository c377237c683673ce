"""Synthetic data for the scaling benchmark: N published years, valid under the real validator.

Every year is a copy of one real, valid year folder (by default the richest fixture year,
tests/fixtures/council-004/2016-17, which fills every table), relabelled: folder name, period
dates, title and year-scoped ids. Counts are copied unchanged, so every total stays consistent.
The shared files (council, sources, vocabularies) are copied from the same data folder.

    python benchmarks/synthetic.py 60 /tmp/data-60
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "fixtures" / "council-004"
BASE_YEAR = "2016-17"
SHARED = ("council.yml", "sources.yml", "vocabularies.yml")


def label(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def relabel(text: str, old: int, new: int) -> str:
    """Move a year's report.yml from financial year `old` to `new`."""
    old_label, new_label = label(old), label(new)
    text = text.replace(f"start: {old}-04-01", f"start: {new}-04-01")
    text = text.replace(f"end: {old + 1}-03-31", f"end: {new + 1}-03-31")
    text = re.sub(rf"\bid: {old_label}-", f"id: {new_label}-", text)
    return text.replace(f"{old}/{(old + 1) % 100:02d}", f"{new}/{(new + 1) % 100:02d}")


def generate(years: int, out: Path, base: Path = BASE, base_year: str = BASE_YEAR) -> Path:
    """Write `years` published years ending with the base year's financial year."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in SHARED:
        shutil.copy2(base / name, out / name)
    old = int(base_year[:4])
    for new in range(old - years + 1, old + 1):
        folder = out / label(new)
        shutil.copytree(base / base_year, folder)
        report = folder / "report.yml"
        report.write_text(relabel(report.read_text("utf-8"), old, new), "utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("years", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--base", type=Path, default=BASE, help="a valid data folder")
    parser.add_argument("--year", default=BASE_YEAR, help="the year folder in --base to copy")
    args = parser.parse_args()
    print(generate(args.years, args.out, args.base, args.year))
    return 0


if __name__ == "__main__":
    sys.exit(main())
