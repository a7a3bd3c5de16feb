"""`export-ics`: the sessions as a calendar file (iCalendar) to import into a calendar."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import EXIT_OK, AddCommand, date_range, snapshot, span, within, write_output


def add_parser(command: AddCommand) -> None:
    p = command("export-ics", "write the sessions as a calendar file (iCalendar) to import into a calendar")
    p.add_argument("file", metavar="FILE.ics", help="the calendar file to write (- for standard output)")
    p.add_argument("--from", dest="first", metavar="DATE", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="last", metavar="DATE", help="last day (YYYY-MM-DD)")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io.ics_export import SEQUENCE_EPOCH, ics_bytes, plan_changed_at

    first, last = date_range(args)
    with snapshot(data_dir) as store:
        sessions = [s for s in store.sessions.all() if within(s.date, first, last)]
        units = store.profile.get().units
        changed = plan_changed_at(store.path) if store.path.exists() else SEQUENCE_EPOCH
    if not write_output(data_dir, args.file, ics_bytes(sessions, units, changed)):
        return EXIT_OK
    count = len(sessions)
    print(f"Exported {count} session{'s' if count != 1 else ''}{span(s.date for s in sessions)} "
          f"to {args.file}.")
    return EXIT_OK
