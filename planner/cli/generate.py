"""`generate`: a periodized block written through the same service the wizard uses
(planner/services/generate.py), then its summary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner.cli.common import EXIT_OK, AddCommand, builtin_templates, services, usage_error
from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.generator import GeneratorError, GeneratorInput, parse_days, parse_lift
from planner.domain.generator.from_log import LogStart
from planner.domain.generator.inputs import (
    DAY_NAMES,
    DEFAULT_SESSIONS,
    MAIN_LIFTS,
    RACE_DISTANCES,
    parse_pace,
)
from planner.domain.paces import RecentRace
from planner.domain.units import parse_distance
from planner.domain.weeks import parse_date

DEFAULT_WEEKLY_KM = 20.0
WORDS = {"weekly_km": "running a week", "longest_run_km": "longest run", "runs": "runs a week", "lifts": "lifts a week",
         "squat": "squat one-rep max", "deadlift": "deadlift one-rep max", "bench": "bench one-rep max",
         "press": "overhead press one-rep max"}


def add_parser(command: AddCommand) -> None:
    p = command("generate", "write a periodized block of runs and lifts that passes the plan check")
    p.add_argument("--goal", choices=("run", "lift", "balanced"), help="required unless --replan-from")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="the block starts on the first day of "
                   "the week on or after this day")
    p.add_argument("--weeks", type=int, metavar="N", help="4 to 16")
    p.add_argument("--runs", type=int, metavar="N", help="runs a week (default: from the log, or run 4, lift 2, "
                   "balanced 3)")
    p.add_argument("--lifts", type=int, metavar="N", help="lifts a week (default: from the log, or run 2, lift 4, "
                   "balanced 3)")
    p.add_argument("--days", metavar="mon,tue,...", help="days you can train (default: every day)")
    p.add_argument("--long-run-day", choices=DAY_NAMES, help="default: sun, or the last day you train")
    p.add_argument("--weekly-km", type=distance_km, metavar="KM", help="running km a week now, or '20 mi' "
                   "(default: the mean of the last 4 logged weeks, or 20)")
    p.add_argument("--longest-run", type=distance_km, metavar="KM", help="longest run of the last 30 days, in "
                   "km or '8 mi' (default: from the log, or a third of the weekly km)")
    p.add_argument("--experience", choices=("new", "some", "experienced"), help="default: the profile's")
    for lift in MAIN_LIFTS:
        p.add_argument(f"--{lift}", metavar="KG[xREPS]", help=f"{'overhead press' if lift == 'press' else lift}: "
                       "a one-rep max (120) or a working set (100x5), in kg or with lb ('265lb', '225x5lb'); "
                       "default: Epley from the logged sets")
    p.add_argument("--race-km", type=float, choices=RACE_DISTANCES, metavar="KM", help="the block ends in a race "
                   "of 5, 10, 21.1 or 42.2 km, after a 2-week taper")
    p.add_argument("--recent-race", nargs=2, metavar=("KM", "TIME"), help="a recent result, e.g. 10 45:00: "
                   "training paces by Daniels' VDOT (default: the profile's)")
    p.add_argument("--easy-pace", metavar="M:SS", help="easy pace per km, or per mile as '10:03/mi' (default: from "
                   "the recent race, or by experience)")
    p.add_argument("--replan-from", metavar="YYYY-MM-DD", help="rebuild the rest of the last generated block from "
                   "this day, keeping what is done (the other options are ignored)")
    p.add_argument("--replace", action="store_true", help="replace sessions already planned in those weeks")


def distance_km(text: str) -> float:
    """A distance option: km, or miles with their word ('20 mi')."""
    try:
        km = parse_distance(text, Units.METRIC, "distance")
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    if km is None:
        raise argparse.ArgumentTypeError("must be a distance (got '')")
    return km


def inputs_from_args(args: argparse.Namespace, profile: Any, start: LogStart | None = None) -> GeneratorInput:
    """The options, else the log's starting values (`start`), else the defaults."""
    from planner.domain.enums import Experience, Goal

    goal = Goal(args.goal)
    days = parse_days(args.days) if args.days else tuple(range(7))
    long_day = DAY_NAMES.index(args.long_run_day) if args.long_run_day else (6 if 6 in days else max(days))
    runs, lifts = (start.runs, start.lifts) if start else DEFAULT_SESSIONS[goal]
    one_rm = dict(start.one_rm) if start else {}
    one_rm.update({lift: parse_lift(getattr(args, lift)) for lift in MAIN_LIFTS if getattr(args, lift)})
    weekly = args.weekly_km if args.weekly_km is not None else (start.weekly_km if start else DEFAULT_WEEKLY_KM)
    longest = args.longest_run or (start.longest_run_km if start and start.longest_run_km >= 2 else
                                   max(2.0, round(weekly / 3, 1)))
    race = RecentRace.parse(*args.recent_race) if args.recent_race else profile.recent_race
    return GeneratorInput(
        goal=goal, start=parse_date("--start", args.start), weeks=args.weeks,
        runs=args.runs if args.runs is not None else runs, lifts=args.lifts if args.lifts is not None else lifts,
        days=days, long_run_day=long_day,
        experience=Experience(args.experience) if args.experience else profile.experience,
        weekly_km=weekly, longest_run_km=longest, one_rm=one_rm, race_km=args.race_km,
        easy_pace_s=parse_pace(args.easy_pace) if args.easy_pace else None,
        week_start=profile.week_start, recent_race=race)


def start_lines(args: argparse.Namespace, start: LogStart | None) -> list[str]:
    """Where each starting value the options left open came from."""
    if start is None:
        return []
    given = {"weekly_km": args.weekly_km, "longest_run_km": args.longest_run, "runs": args.runs,
             "lifts": args.lifts, **{lift: getattr(args, lift) for lift in MAIN_LIFTS}}
    return ["Starting values from your log:"] + [f"  {WORDS.get(k, k)}: {v}" for k, v in start.sources.items()
                                                if given.get(k) is None]


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.services.generate import log_start, preview, replan, summary_lines, write

    with services(data_dir, builtin_templates()) as (plan, _profiles):
        try:
            if args.replan_from:
                units = plan.store.profile.get().units
                done = replan(plan, parse_date("--replan-from", args.replan_from))
                print(f"Re-planned from {done.day:%a %d %b %Y}: {len(done.written.sessions)} sessions written, "
                      f"{done.written.replaced} planned ones replaced, {done.kept} done ones kept.")
                print("\n".join(summary_lines(done.written.block, units)))
                return EXIT_OK
            if not (args.goal and args.start and args.weeks is not None):
                raise GeneratorError("generate needs --goal, --start and --weeks (or --replan-from DATE).")
            profile = plan.store.profile.get()
            start = log_start(plan, parse_date("--start", args.start), profile.week_start)
            x = inputs_from_args(args, profile, start)
            block = preview(plan, x)
            written = write(plan, block, replace=args.replace)
        except (GeneratorError, ValidationError) as exc:
            raise usage_error(exc.message) from None
    print(f"Wrote {len(written.sessions)} sessions"
          + (f", replacing {written.replaced}" if written.replaced else "")
          + ("; profile goal and experience set to the block's" if written.profile_changed else "") + ".")
    print("\n".join([*start_lines(args, start), *summary_lines(block, profile.units)]))
    return EXIT_OK
