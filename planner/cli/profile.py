"""`profile`: set (with options) and print the athlete's profile."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import EXIT_OK, AddCommand, number, services, snapshot
from planner.domain.exercise_text import format_exact
from planner.domain.paces import RecentRace, TrainingPaces
from planner.words.paces import clock

if TYPE_CHECKING:
    from planner.domain.effort import HeartRates
    from planner.domain.profile import Profile

_OPTIONS = {  # option dest -> Profile field
    "name": "name",
    "body_mass": "body_mass_kg",
    "goal": "goal",
    "units": "units",
    "week_start": "week_start",
    "sweat_rate": "sweat_rate_l_per_h",
    "height_cm": "height_cm",
    "age": "age",
    "sex": "sex",
    "experience": "experience",
    "max_hr": "max_hr",
    "resting_hr": "resting_hr",
    "lthr": "lthr",
    "easy_pace": "easy_pace_s",
}


def add_parser(command: AddCommand) -> None:
    p = command("profile", "set (with options) and print the athlete's profile")
    p.add_argument("--name", metavar="N")
    p.add_argument("--body-mass", metavar="KG", type=number)
    p.add_argument("--goal", choices=("run", "lift", "balanced"))
    p.add_argument("--units", choices=("metric", "imperial"))
    p.add_argument("--week-start", choices=("mon", "sun"))
    p.add_argument("--sweat-rate", metavar="L_PER_H", type=number)
    p.add_argument("--height-cm", metavar="CM", type=number,
                   help="optional, with --age and --sex for a second energy estimate (Mifflin-St Jeor)")
    p.add_argument("--age", metavar="YEARS", type=int)
    p.add_argument("--sex", choices=("female", "male"))
    p.add_argument("--experience", choices=("new", "some", "experienced"),
                   help="how long you have combined lifting and running (the plan check reads it)")
    p.add_argument("--recent-race", nargs=2, metavar=("KM", "TIME"),
                   help="a recent race or time trial, e.g. 10 45:00: training paces by Daniels' VDOT; "
                        "'none none' forgets it")
    p.add_argument("--max-hr", metavar="BPM", type=int,
                   help="maximum heart rate: with the resting one, imported activities get their effort "
                        "from heart rate (Karvonen); estimated from your activities when not set")
    p.add_argument("--resting-hr", metavar="BPM", type=int,
                   help="resting heart rate; estimated from the readiness log when not set")
    p.add_argument("--lthr", metavar="BPM", type=int, help="optional: lactate threshold heart rate")
    p.add_argument("--easy-pace", metavar="M:SS", type=pace,
                   help="easy pace per km: a run without heart rate gets its effort from its pace against it")


def pace(text: str) -> int:
    from planner.domain.generator.inputs import GeneratorError, parse_pace

    try:
        return parse_pace(text)
    except GeneratorError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args: argparse.Namespace, data_dir: Path) -> int:
    changes = recent_race_fields(args.recent_race) | {field: getattr(args, dest) for dest, field in _OPTIONS.items()
               if getattr(args, dest) is not None}
    from planner.services.heart_rates import athlete_heart_rates

    if not changes:  # only reads: a snapshot, so it also runs while the window is open
        with snapshot(data_dir) as store:
            profile = store.profile.get()
            rates = athlete_heart_rates(store)
    else:
        with services(data_dir) as (plan, profiles):
            profile = profiles.get().replace(**changes)  # validates: ValidationError -> exit 2
            profiles.set(profile)
            rates = athlete_heart_rates(plan.store)
    print(f"name: {profile.name}")
    print(f"body_mass_kg: {format_exact(profile.body_mass_kg)}")
    print(f"goal: {profile.goal.value}")
    print(f"units: {profile.units.value}")
    print(f"week_start: {profile.week_start.value}")
    print(f"sweat_rate_l_per_h: {format_exact(profile.sweat_rate_l_per_h)}")
    print(f"experience: {profile.experience.value}")
    _print_optional(profile)
    _print_heart_rates(rates)
    return EXIT_OK


def _print_optional(profile: Profile) -> None:
    """Height, age and sex are optional: shown only once set, so older output stays the same."""
    if profile.height_cm is not None:
        print(f"height_cm: {format_exact(profile.height_cm)}")
    if profile.age is not None:
        print(f"age: {profile.age}")
    if profile.sex is not None:
        print(f"sex: {profile.sex.value}")
    if profile.lthr is not None:
        print(f"lthr: {profile.lthr}")
    if profile.easy_pace_s is not None:
        print(f"easy_pace_per_km: {clock(profile.easy_pace_s)}")
    race = profile.recent_race
    if race is not None:
        print(f"recent_race: {race.text()}")
        print(TrainingPaces.from_race(race).summary(profile.units))


def _print_heart_rates(rates: HeartRates | None) -> None:
    """Maximum and resting heart rate: as set, or as estimated (and said so) once they can be."""
    if rates is None:
        return
    print(f"max_hr: {rates.max_hr}" + (f" ({rates.max_note})" if rates.max_note else ""))
    print(f"resting_hr: {rates.resting_hr}" + (f" ({rates.resting_note})" if rates.resting_note else ""))


def recent_race_fields(given: list[str] | None) -> dict[str, object]:
    """The profile fields for `--recent-race KM TIME` ('none none' clears them); ValidationError -> exit 2."""
    if given is None:
        return {}
    km, time = given
    if km.lower() == "none" and time.lower() == "none":
        return {"recent_race_km": None, "recent_race_s": None}
    race = RecentRace.parse(km, time)
    return {"recent_race_km": race.km, "recent_race_s": race.seconds}
