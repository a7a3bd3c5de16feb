"""`import-activities`: completed training from activity files and lifting logs, matched to the
planned sessions; all or nothing."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from planner.cli.common import EXIT_OK, AddCommand, CLIError, exercise_catalog, open_store


def add_parser(command: AddCommand) -> None:
    p = command("import-activities", "add completed training from activity files (GPX, TCX, FIT, "
                                     "Strava activities.csv) and lifting logs (Strong, Hevy CSV), matched "
                                     "to the planned sessions; all or nothing")
    p.add_argument("files", nargs="+", metavar="FILE", help="the files to read")
    p.add_argument("--no-match", action="store_true",
                   help="add every activity as a new done session instead of filling in planned ones")
    p.add_argument("--json", action="store_true",
                   help='print {"matched": N, "added": N, "skipped": N} instead of a sentence')


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.services.activity_import import ActivityFileError, ActivityImport
    from planner.services.runner import DirectRunner

    catalog = exercise_catalog()
    with open_store(data_dir) as store:
        importer = ActivityImport(DirectRunner(store), catalog)
        try:
            read = importer.read([Path(f) for f in args.files])
        except ActivityFileError as exc:
            raise CLIError(f"{exc}; nothing was imported") from None
        counts = importer.apply(importer.preview(read, match=not args.no_match))
    if args.json:
        print(json.dumps(counts.as_dict()))
        return EXIT_OK
    n = len(args.files)
    print(f"Matched {counts.matched}, added {counts.added}, skipped {counts.skipped} already imported "
          f"(from {n} file{'s' if n != 1 else ''}) into {data_dir}.")
    for note in read.notes:
        print(f"  {note}")
    return EXIT_OK
