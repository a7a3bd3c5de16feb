"""`demo`: the demo plan written into an empty data folder, without opening a window."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from planner.cli.common import EXIT_OK, AddCommand, CLIError, builtin_templates, services, span


def add_parser(command: AddCommand) -> None:
    command("demo", "write the demo plan into an empty data folder, without opening a window")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.services.plan_files import load_demo

    with services(data_dir, builtin_templates()) as (plan, profiles):
        existing = len(plan.store.sessions)
        if existing:
            raise CLIError(f"{data_dir} already has {existing} session"
                           f"{'s' if existing != 1 else ''}; the demo plan is only written into "
                           "an empty data folder (choose a new one with --data-dir)")
        stored = load_demo(plan, profiles, dt.date.today())
    print(f"Wrote the demo plan to {data_dir}: {len(stored)} sessions{span(s.date for s in stored)}.")
    return EXIT_OK
