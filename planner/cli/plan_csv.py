"""`import-plan` and `export-plan`: the plan as a spreadsheet (CSV), all or nothing on the way in."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from planner.cli.common import (
    EXIT_OK,
    AddCommand,
    CLIError,
    date_range,
    encoding,
    exercise_catalog,
    services,
    snapshot,
    span,
    within,
    write_output,
)


def add_parser(command: AddCommand) -> None:
    p = command("import-plan", "add the sessions of a plan spreadsheet (CSV); all or nothing; rows "
                               "already in the plan are skipped")
    p.add_argument("file", metavar="FILE.csv", help="the CSV file, or - for standard input")
    p.add_argument("--duplicates", choices=("skip", "add"), default="skip",
                   help="a row identical to a session already in the plan (same date, kind, title and "
                        "time): skip it (the default) or add it anyway")
    p.add_argument("--encoding", metavar="NAME", type=encoding, default=None,
                   help="read a file that is not UTF-8 in this encoding, e.g. cp1252 or latin-1")

    p = command("export-plan", "write the plan as a spreadsheet (CSV), one row per session")
    p.add_argument("file", metavar="FILE.csv", help="the CSV file, or - for standard output")
    p.add_argument("--from", dest="first", metavar="DATE", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="last", metavar="DATE", help="last day (YYYY-MM-DD)")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    return import_plan(args, data_dir) if args.command == "import-plan" else export_plan(args, data_dir)


def import_plan(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io import plan_csv
    from planner.store.storage import StoreWriteError

    name = "standard input" if args.file == "-" else args.file
    limit = plan_csv.FILE_BYTES_MAX + 1
    try:
        if args.file == "-":
            raw = sys.stdin.buffer.read(limit)
        else:
            with open(args.file, "rb") as f:
                raw = f.read(limit)
    except OSError as exc:
        raise CLIError(f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        rows = plan_csv.load_plan(raw, exercise_catalog(), args.encoding)
    except plan_csv.PlanFileError as exc:
        raise _import_error(name, exc.errors) from None
    if not rows:
        print(f"{name} holds no sessions; nothing was imported.")
        return EXIT_OK
    from planner.services.plan_files import import_rows, without_duplicates

    skipped = 0
    try:
        with services(data_dir) as (plan, _):
            if args.duplicates == "skip":
                rows, skipped = without_duplicates(plan, rows)
            stored = import_rows(plan, rows, name) if rows else []
    except plan_csv.PlanFileError as exc:
        raise _import_error(name, exc.errors) from None
    except StoreWriteError as exc:
        raise CLIError(f"{exc} Nothing was imported.") from None
    if not stored:
        every = f"The {_sessions(1)} in {name} is" if skipped == 1 else f"All {_sessions(skipped)} in {name} are"
        print(f"{every} already in the plan; nothing was imported (--duplicates add adds them again).")
        return EXIT_OK
    kept = (f"; skipped {_sessions(skipped)} already in the plan (--duplicates add adds them)"
            if skipped else "")
    print(f"Imported {_sessions(len(stored))}{span(s.date for s in stored)} into {data_dir}{kept}.")
    return EXIT_OK


def _sessions(n: int) -> str:
    return f"{n} session{'s' if n != 1 else ''}"


def _import_error(name: str, errors: Sequence[str]) -> CLIError:
    if len(errors) == 1:
        sep = " " if errors[0].startswith("line ") else ": "
        return CLIError(f"{name}{sep}{errors[0]}; nothing was imported")
    from planner.io.plan_csv import MAX_ERRORS_SHOWN

    shown = list(errors[:MAX_ERRORS_SHOWN])
    if len(errors) > MAX_ERRORS_SHOWN:
        shown.append(f"... and {len(errors) - MAX_ERRORS_SHOWN} more")
    return CLIError(f"{name} has {len(errors)} problems; nothing was imported:", details=shown)


def export_plan(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io import plan_csv

    first, last = date_range(args)
    with snapshot(data_dir) as store:
        sessions = [s for s in store.sessions.all() if within(s.date, first, last)]
    if not write_output(data_dir, args.file, plan_csv.format_plan(sessions).encode("utf-8")):
        return EXIT_OK
    target = Path(args.file)
    print(f"Exported {len(sessions)} session{'s' if len(sessions) != 1 else ''}"
          f"{span(s.date for s in sessions)} to {target}.")
    return EXIT_OK
