"""The `portal` command: validate the data, scaffold a new year, write the JSON Schema."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from portal.load import validate

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="check every data file and report all problems")
    check.add_argument("--data", type=Path, default=Path("data"), help="the data folder")
    check.add_argument(
        "--release", action="store_true", help="also refuse placeholders (used before publishing)"
    )

    new = commands.add_parser("new-year", help="create data/YYYY-YY/ for a new year, as a draft")
    new.add_argument("year", help="the financial year, e.g. 2024-25")
    new.add_argument("--data", type=Path, default=Path("data"))

    schema = commands.add_parser("schema", help="write the JSON Schema of the data files")
    schema.add_argument("--out", type=Path, default=Path("data/schema"))
    schema.add_argument(
        "--check", action="store_true", help="exit 1 if the files on disk differ from the models"
    )

    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_VALID
    if args.command == "validate":
        return _validate(args.data, args.release)
    if args.command == "new-year":
        from portal.scaffold import ScaffoldError, new_year

        try:
            created = new_year(args.data, args.year)
        except ScaffoldError as exc:
            print(f"portal new-year: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"Created {created} as a draft. Fill in its files, then set status: published.")
        return EXIT_VALID
    from portal.schema import write_schema

    stale = write_schema(args.out, check=args.check)
    for name in stale:
        print(f"{args.out / name} is out of date: run `portal schema`", file=sys.stderr)
    return EXIT_INVALID if stale else EXIT_VALID


def _validate(data: Path, release: bool) -> int:
    if not data.is_dir():
        print(f"portal validate: no data folder at {data}", file=sys.stderr)
        return EXIT_USAGE
    report = validate(data, release=release)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for note in report.notes:
        print(f"note: {note.format()}")
        if annotate:
            print(note.github_annotation())
    for error in report.errors:
        print(error.format())
        if annotate:
            print(error.github_annotation())
    count = len(report.errors)
    if count:
        print(f"{count} problem{'s' if count != 1 else ''} found in {data}: nothing was published.")
        return EXIT_INVALID
    acknowledged = len(report.notes)
    print(f"{data} is valid ({acknowledged} acknowledged discrepancies in the sources).")
    return EXIT_VALID


if __name__ == "__main__":
    sys.exit(main())
