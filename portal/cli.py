"""The `portal` command: validate the data, scaffold a new year, write the JSON Schema."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from portal.load import validate

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
# Not 1: a bug in the portal must never look like a problem in the data.
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl-C
EXIT_BROKEN_PIPE = 141  # and for a closed pipe
# Set to see the traceback of an internal error (developers).
DEBUG_VARIABLE = "PORTAL_DEBUG"


def main(argv: list[str] | None = None) -> int:
    """Run one command; an unexpected error is one line and EXIT_INTERNAL, never a traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("portal: stopped (Ctrl-C).", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader stopped reading (`portal validate | head`): not a bug, nothing to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(internal_error(exc), file=sys.stderr)
        return EXIT_INTERNAL


def internal_error(exc: BaseException) -> str:
    """One line: a bug in the portal, not in the data, where it happened, and what to do."""
    where = ""
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        where = f" at {Path(last.filename).name}:{last.lineno}"
    return (
        f"portal: internal error ({type(exc).__name__}{where}): this is a bug in the portal, "
        "not a problem in the data. Please report it to the developers (see CONTRIBUTING.md), "
        f"with this line and the command you ran; {DEBUG_VARIABLE}=1 shows the details."
    )


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(
        prog="portal",
        description=__doc__,
        epilog=f"exit codes: {EXIT_VALID} done, {EXIT_INVALID} problems in the data, "
        f"{EXIT_USAGE} wrong command, {EXIT_INTERNAL} a bug in the portal, "
        f"{EXIT_INTERRUPTED} stopped with Ctrl-C",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="check every data file and report all problems")
    check.add_argument("--data", type=Path, default=Path("data"), help="the data folder")
    check.add_argument(
        "--release", action="store_true", help="also refuse placeholders (used before publishing)"
    )

    new = commands.add_parser("new-year", help="create data/YYYY-YY/ for a new year, as a draft")
    new.add_argument("year", help="the financial year, e.g. 2024-25")
    new.add_argument("--data", type=Path, default=Path("data"))

    council = commands.add_parser(
        "new-council",
        help="write commented council.yml, vocabularies.yml and sources.yml into an empty "
        "data folder",
    )
    council.add_argument("--data", type=Path, default=Path("data"))

    schema = commands.add_parser("schema", help="write the JSON Schema of the data files")
    schema.add_argument("--out", type=Path, default=Path("data/schema"))
    schema.add_argument(
        "--check", action="store_true", help="exit 1 if the files on disk differ from the models"
    )

    published = commands.add_parser(
        "check-published",
        help="check that every change to a published year has its record (revision or "
        "withdrawal), comparing with a git commit",
    )
    published.add_argument("--data", type=Path, default=Path("data"))
    base = published.add_mutually_exclusive_group()
    base.add_argument(
        "--base",
        help="the commit (or branch) that was published; default: where this branch left main",
    )
    base.add_argument(
        "--base-from",
        type=Path,
        help="a published.json the Publish workflow wrote into the site: its commit",
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
        except OSError as exc:
            print(f"portal new-year: could not write the files: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
        print(f"Created {created} as a draft. Fill in its files, then set status: published.")
        return EXIT_VALID
    if args.command == "new-council":
        return _new_council(args.data)
    if args.command == "check-published":
        return _check_published(args.data, args.base, args.base_from)
    from portal.schema import write_schema

    stale = write_schema(args.out, check=args.check)
    for name in stale:
        print(f"{args.out / name} is out of date: run `portal schema`", file=sys.stderr)
    return EXIT_INVALID if stale else EXIT_VALID


def _check_published(data: Path, base: str | None, base_from: Path | None) -> int:
    from portal.record import NOT_CHECKED, NotChecked, base_from_file, check_published

    if not data.is_dir():
        print(f"portal check-published: no data folder at {data}", file=sys.stderr)
        return EXIT_USAGE
    try:
        commit = base_from_file(base_from) if base_from else base
    except NotChecked as exc:
        print(f"portal check-published: {exc}. Nothing was checked.", file=sys.stderr)
        return NOT_CHECKED
    outcome = check_published(data, commit)
    for line in outcome.lines:
        print(line)
    for line in outcome.problems:
        print(line, file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for finding in outcome.findings:
            print(finding.github_annotation())
    return outcome.code


def _new_council(data: Path) -> int:
    from portal.scaffold import ScaffoldError, new_council

    try:
        written = new_council(data)
    except ScaffoldError as exc:
        print(f"portal new-council: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"portal new-council: could not write the files: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    print(
        f"Wrote {', '.join(p.name for p in written)} in {data}. Replace each placeholder, add "
        f"a year with `portal new-year YYYY-YY --data {data}`, then run `portal validate`."
    )
    return EXIT_VALID


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
