"""`export-workouts`: one FIT workout file per session with steps or sets, for a watch."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import EXIT_OK, AddCommand, cannot_write, date_range, export_writer, snapshot, within


def add_parser(command: AddCommand) -> None:
    p = command("export-workouts", "write a FIT workout file for each run with steps and each lift with sets, "
                                   "to copy to a Garmin watch's GARMIN/NewFiles folder")
    p.add_argument("folder", metavar="DIR", help="the folder to write the .fit files into (made when missing)")
    p.add_argument("--from", dest="first", metavar="DATE", required=True, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="last", metavar="DATE", required=True, help="last day (YYYY-MM-DD)")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io.workouts.files import write_workouts

    first, last = date_range(args)
    with snapshot(data_dir) as store:
        sessions = [s for s in store.sessions.all() if within(s.date, first, last)]
        units = store.profile.get().units
    folder = Path(args.folder)
    try:
        written = write_workouts(folder, sessions, units, export_writer(data_dir, folder))
    except OSError as exc:
        raise cannot_write(folder, exc) from None
    count = len(written.paths)
    print(f"Wrote {count} workout file{'s' if count != 1 else ''} ({first} to {last}) to {folder}.")
    if written.left_out:
        print(f"{written.left_out} other session{'s' if written.left_out != 1 else ''} in the range "
              f"{'have' if written.left_out != 1 else 'has'} no steps or sets to follow on a watch.")
    if count:
        print("Copy them to the watch's GARMIN/NewFiles folder (USB); it takes them in when it is unplugged.")
    return EXIT_OK
