"""`generate`: a periodized block written through the same service the wizard uses
(planner/services/generate.py), then its summary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner.cli.common import EXIT_OK, AddCommand, builtin_templates, number, services, usage_error
from planner.domain.generator import GeneratorError, GeneratorInput, parse_days, parse_lift
from planner.domain.generator.inputs import DAY_NAMES, DEFAULT_SESSIONS, MAIN_LIFTS, parse_pace
from planner.domain.weeks import parse_date


def add_parser(command: AddCommand) -> None:
    p = command("generate", "write a periodized block of runs and lifts that passes the plan check")
    p.add_argument("--goal", required=True, choices=("run", "lift", "balanced"))
    p.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="the block starts on the first day of "
                   "the week on or after this day")
    p.add_argument("--weeks", required=True, type=int, metavar="N", help="4 to 16")
    p.add_argument("--runs", type=int, metavar="N", help="runs a week (default: run 4, lift 2, balanced 3)")
    p.add_argument("--lifts", type=int, metavar="N", help="lifts a week (default: run 2, lift 4, balanced 3)")
    p.add_argument("--days", metavar="mon,tue,...", help="days you can train (default: every day)")
    p.add_argument("--long-run-day", choices=DAY_NAMES, help="default: sun, or the last day you train")
    p.add_argument("--weekly-km", type=number, metavar="KM", default=20.0, help="running km a week now (default 20)")
    p.add_argument("--longest-run", type=number, metavar="KM", help="longest run of the last 30 days "
                   "(default: a third of the weekly km)")
    p.add_argument("--experience", choices=("new", "some", "experienced"), help="default: the profile's")
    for lift in MAIN_LIFTS:
        p.add_argument(f"--{lift}", metavar="KG[xREPS]", help=f"{'overhead press' if lift == 'press' else lift}: "
                       "a one-rep max (120) or a working set (100x5)")
    p.add_argument("--race-km", type=number, metavar="KM", help="the block ends in a race of this distance, "
                   "after a 2-week taper")
    p.add_argument("--easy-pace", metavar="M:SS", help="easy pace per km (default: by experience)")
    p.add_argument("--replace", action="store_true", help="replace sessions already planned in those weeks")


def inputs_from_args(args: argparse.Namespace, profile: Any) -> GeneratorInput:
    from planner.domain.enums import Experience, Goal

    goal = Goal(args.goal)
    days = parse_days(args.days) if args.days else tuple(range(7))
    long_day = DAY_NAMES.index(args.long_run_day) if args.long_run_day else (6 if 6 in days else max(days))
    runs, lifts = DEFAULT_SESSIONS[goal]
    one_rm = {lift: parse_lift(getattr(args, lift)) for lift in MAIN_LIFTS if getattr(args, lift)}
    return GeneratorInput(
        goal=goal, start=parse_date("--start", args.start), weeks=args.weeks,
        runs=args.runs if args.runs is not None else runs, lifts=args.lifts if args.lifts is not None else lifts,
        days=days, long_run_day=long_day,
        experience=Experience(args.experience) if args.experience else profile.experience,
        weekly_km=args.weekly_km, longest_run_km=args.longest_run or max(2.0, round(args.weekly_km / 3, 1)),
        one_rm=one_rm, race_km=args.race_km, easy_pace_s=parse_pace(args.easy_pace) if args.easy_pace else None,
        week_start=profile.week_start)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.services.generate import preview, summary_lines, write

    with services(data_dir, builtin_templates()) as (plan, _profiles):
        try:
            x = inputs_from_args(args, plan.store.profile.get())
            block = preview(plan, x)
            written = write(plan, block, replace=args.replace)
        except GeneratorError as exc:
            raise usage_error(exc.message) from None
    print(f"Wrote {len(written.sessions)} sessions"
          + (f", replacing {written.replaced}" if written.replaced else "")
          + ("; profile goal and experience set to the block's" if written.profile_changed else "") + ".")
    print("\n".join(summary_lines(block)))
    return EXIT_OK
