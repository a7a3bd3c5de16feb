"""`report`: the week's sessions and totals, in words or as JSON (reads a snapshot, so it runs while
the window is open)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.common import EXIT_OK, AddCommand, builtin_templates, snapshot
from planner.domain.weeks import parse_iso_week


def add_parser(command: AddCommand) -> None:
    p = command("report", "the week's sessions and totals, in words or as JSON")
    p.add_argument("--week", required=True, metavar="YYYY-Www", help="ISO week, e.g. 2026-W48")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io import report
    from planner.services.week_report import week_report_context

    monday = parse_iso_week(args.week)
    with snapshot(data_dir, builtin_templates()) as store:
        ctx = week_report_context(store, monday)
        result = report.build_report(ctx)
    sys.stdout.write(report.to_json(result) + "\n" if args.json else report.to_text(result, ctx.profile.units))
    return EXIT_OK
