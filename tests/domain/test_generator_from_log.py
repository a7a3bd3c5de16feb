"""The generator starts from the log (issue 22): starting values with their sources, and a first week that
continues from the last logged one instead of refusing."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Experience, Goal, Kind, Status, Units
from planner.domain.generator import GeneratorInput, block_findings, generate_clean, serious
from planner.domain.generator.from_log import from_log
from planner.domain.session import Exercise, Session, WorkSet

START = dt.date(2027, 3, 1)  # a Monday
DAY = dt.timedelta(days=1)


def run(day: dt.date, km: float, kind: str = "easy", status: Status = Status.DONE) -> Session:
    return Session(kind=Kind.RUN, title="Run", duration_min=round(6 * km), rpe=3.0, type=kind, distance_km=km,
                   date=day, status=status)


def lift(day: dt.date, name: str = "Back squat", kg: float = 100.0, reps: int = 5) -> Session:
    sets = (WorkSet(reps=5, load_kg=40.0, warmup=True), *(WorkSet(reps=reps, load_kg=kg, rpe=8.0) for _ in range(3)))
    return Session(kind=Kind.LIFT, title="Strength", duration_min=50, rpe=7.0, type="lower",
                   exercises=(Exercise(name, sets, ("quads",)),), date=day, status=Status.DONE)


def six_day_weeks() -> list[Session]:
    """4 logged weeks, each Tue-Sun (six training days in a row) with Monday off: 40 km and 2 lifts a week."""
    out: list[Session] = []
    for w in range(4):
        monday = START - 7 * (4 - w) * DAY
        out += [run(monday + 1 * DAY, 8), run(monday + 3 * DAY, 8, "tempo"), run(monday + 5 * DAY, 8),
                run(monday + 6 * DAY, 16, "long"), lift(monday + 2 * DAY), lift(monday + 4 * DAY, "Bench press", 70, 6)]
    return out


def test_starting_values_come_from_the_last_four_logged_weeks() -> None:
    log = six_day_weeks()
    log.append(lift(START - 30 * DAY, "Deadlift", 130.0, 4))  # 130 x (1 + 4/30) = 147.3, Epley
    start = from_log(log, START)
    assert start is not None
    assert (start.weekly_km, start.longest_run_km, start.runs, start.lifts) == (40.0, 16.0, 4, 2)
    assert start.one_rm == {"squat": 116.7, "bench": 84.0, "deadlift": 147.3}  # 100 x 7/6; 70 x 1.2
    assert start.sources == {
        "weekly_km": "40 km: the mean of the 4 logged weeks 01 Feb-28 Feb 2027",
        "longest_run_km": "16 km: the longest run of the last 30 days (Sun 28 Feb)",
        "runs": "4: 16 runs logged in the 4 weeks 01 Feb-28 Feb 2027",
        "lifts": "2: 8 lifts logged in the 4 weeks 01 Feb-28 Feb 2027",
        "squat": "116.7 kg: Epley from 100 kg x 5 (Back squat, Wed 03 Feb)",
        "bench": "84 kg: Epley from 70 kg x 6 (Bench press, Fri 05 Feb)",
        "deadlift": "147.3 kg: Epley from 130 kg x 4 (Deadlift, Sat 30 Jan)",
    }


def test_where_the_starting_values_came_from_reads_in_miles_and_pounds() -> None:
    """The values stay metric; the sentences speak the profile's units (40 km = 24.85 mi; 116.7 kg = 257.3 lb,
    an estimate to a tenth; 100 kg = 220.46 lb, a logged load as plates give it: 220 lb)."""
    start = from_log(six_day_weeks(), START, units=Units.IMPERIAL)
    assert start is not None and start.weekly_km == 40.0 and start.one_rm["squat"] == 116.7
    assert start.sources["weekly_km"] == "24.85 mi: the mean of the 4 logged weeks 01 Feb-28 Feb 2027"
    assert start.sources["longest_run_km"] == "9.94 mi: the longest run of the last 30 days (Sun 28 Feb)"
    assert start.sources["squat"] == "257.3 lb: Epley from 220 lb x 5 (Back squat, Wed 03 Feb)"


def test_fewer_than_four_logged_weeks_give_no_starting_values() -> None:
    log = [s for s in six_day_weeks() if s.date >= START - 21 * DAY]
    assert from_log(log, START) is None
    planned = [s.replace(status=Status.PLANNED) for s in six_day_weeks()]
    assert from_log(planned, START) is None  # planned is not logged


def test_the_first_week_follows_a_logged_week_ending_in_six_training_days() -> None:
    before = six_day_weeks()
    x = GeneratorInput(Goal.RUN, START, 8, 4, 2, experience=Experience.SOME, weekly_km=40.0, longest_run_km=16.0)
    block = generate_clean(x, None, before)
    assert serious(block_findings(block, None, before)) == []
    monday = [s for s in block.sessions if s.date == START]
    assert [s.kind for s in monday if s.kind in (Kind.RUN, Kind.LIFT)] == []  # the rest day the 7-day rule needs
    assert ("Mon 01 Mar is a rest day: with the sessions before the block, the plan check would otherwise read "
            "'seven days without a rest day'.") in block.notes
    tuesday = [s for s in block.sessions if s.date == START + DAY]
    assert any(s.kind is Kind.RUN for s in tuesday)  # and the week goes on
