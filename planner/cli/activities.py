"""`import-activities`: completed training from activity files and lifting logs, matched to the
planned sessions. A broken file refuses the whole import; an activity the plan cannot hold is left
out with its reason. Exit 0 when something was imported or everything was already there, 1 when
nothing could be."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from planner.cli.common import EXIT_FAILED, EXIT_OK, AddCommand, CLIError, exercise_catalog, open_store


def add_parser(command: AddCommand) -> None:
    p = command("import-activities", "add completed training from activity files (GPX, TCX, FIT, "
                                     "Strava activities.csv) and lifting logs (Strong, Hevy CSV), matched "
                                     "to the planned sessions; an activity the plan cannot hold is left out with its "
                                     "reason, a broken file refuses the whole import")
    p.add_argument("files", nargs="+", metavar="FILE", help="the files to read")
    p.add_argument("--no-match", action="store_true",
                   help="add every activity as a new done session instead of filling in planned ones")
    p.add_argument("--json", action="store_true",
                   help='print {"matched": N, "added": N, "skipped": N, "skipped_reasons": [{"file", '
                        '"activity", "reason"}], "unknown_exercises": [...]} instead of sentences')


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
        preview = importer.preview(read, match=not args.no_match)
        counts = importer.apply(preview)
    # Nothing new and something refused: the import failed. Everything already there: it did not.
    code = EXIT_FAILED if counts.matched + counts.added == 0 and read.skipped else EXIT_OK
    if args.json:
        print(json.dumps({**counts.as_dict(), "skipped_reasons": [s.as_dict() for s in read.skipped],
                          "unknown_exercises": list(read.unknown_exercises)}))
        return code
    n = len(args.files)
    print(f"Matched {counts.matched}, added {counts.added}, skipped {counts.skipped} already imported "
          f"(from {n} file{'s' if n != 1 else ''}) into {data_dir}.")
    if read.skipped:
        print(f"Left out {len(read.skipped)} that the plan cannot hold:")
        for s in read.skipped:
            print(f"  {s}")
    if read.unknown_exercises:
        print(f"Exercises this app does not know yet (their sets count for no muscle): "
              f"{', '.join(read.unknown_exercises)}")
    for note in read.notes:
        print(f"  {note}")
    if preview.effort_basis:
        print(preview.effort_basis)
    return code
