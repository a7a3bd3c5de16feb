"""Runs with steps -> FIT workout file -> Garmin's SDK and fitdecode -> the same steps."""

from __future__ import annotations

import datetime as dt

import fitdecode
import pytest
from hypothesis import given, settings

from planner.domain.enums import Kind
from planner.domain.session import SessionContent
from planner.domain.steps import Aim, Repeat, Step, Until, derived_duration_min
from planner.io.workouts.fit_read import read_workout
from planner.io.workouts.fit_write import HR_OFFSET, NothingToWrite, workout_bytes
from planner.resources import builtin_templates
from planner.words.steps import parse_steps, steps_compact
from tests.domain.step_strategies import steps
from tests.io.workouts.garmin import decode

DAY = dt.date(2026, 12, 8)
WITH_STEPS = [t for t in builtin_templates() if t.steps]


def expected_messages(items) -> list[dict]:
    """What Garmin's decoder should read for each step, worked out from the steps themselves."""
    out: list[dict] = []

    def one(step: Step) -> dict:
        m = {"message_index": len(out), "intensity": step.intensity.value}
        d, t = step.duration, step.target
        if d.until is Until.TIME:
            m |= {"duration_type": "time", "duration_time": d.amount}
        elif d.until is Until.DISTANCE:
            m |= {"duration_type": "distance", "duration_distance": d.amount}
        else:
            m |= {"duration_type": "open"}
        if t.aim is Aim.PACE:
            m |= {"target_type": "speed", "custom_target_speed_low": round(1000 / t.high, 3),
                  "custom_target_speed_high": round(1000 / t.low, 3)}
        elif t.aim is Aim.HR_ZONE:
            m |= {"target_type": "heart_rate", "target_hr_zone": t.low}
        elif t.aim is Aim.HR_RANGE:
            m |= {"target_type": "heart_rate", "custom_target_heart_rate_low": t.low + HR_OFFSET,
                  "custom_target_heart_rate_high": t.high + HR_OFFSET}
        else:
            m |= {"target_type": "open"} | ({"wkt_step_name": t.word} if t.word else {})
        return m

    for item in items:
        if isinstance(item, Repeat):
            first = len(out)
            for step in item.steps:
                out.append(one(step))
            out.append({"message_index": len(out), "duration_type": "repeat_until_steps_cmplt",
                        "duration_step": first, "repeat_steps": item.times})
        else:
            out.append(one(item))
    return out


def garmin_steps(data: bytes) -> list[dict]:
    return decode(data)["workout_step_mesgs"]


@pytest.mark.parametrize("template", WITH_STEPS, ids=[t.id for t in WITH_STEPS])
def test_every_template_with_steps_reads_back_the_same_in_garmins_sdk(template):
    data = workout_bytes(template, DAY)
    messages = decode(data)
    assert messages["file_id_mesgs"][0]["type"] == "workout"
    assert messages["workout_mesgs"][0]["sport"] == "running"
    assert messages["workout_mesgs"][0]["wkt_name"] == template.title
    decoded = garmin_steps(data)
    want = expected_messages(template.steps)
    assert [{k: d.get(k) for k in w} for d, w in zip(decoded, want, strict=True)] == want
    assert messages["workout_mesgs"][0]["num_valid_steps"] == len(want)


@pytest.mark.parametrize("template", WITH_STEPS, ids=[t.id for t in WITH_STEPS])
def test_every_template_with_steps_comes_back_in_with_the_same_steps(template):
    back = read_workout(workout_bytes(template, DAY), "x.fit")
    assert back.steps == template.steps
    assert (back.kind, back.title, back.date) == (Kind.RUN, template.title, DAY)
    if derived_duration_min(template.steps) is not None:  # "15km@Z2" has no time to derive
        assert back.duration_min == template.duration_min


@pytest.mark.parametrize("template", WITH_STEPS, ids=[t.id for t in WITH_STEPS])
def test_every_template_with_steps_round_trips_through_the_csv_steps_text(template):
    assert parse_steps(steps_compact(template.steps)) == template.steps


def test_six_by_800_as_garmin_reads_it():
    six = next(t for t in WITH_STEPS if t.id == "intervals-6x800")
    decoded = garmin_steps(workout_bytes(six, DAY))
    assert [(d.get("intensity", "-"), d["duration_type"]) for d in decoded] == [
        ("warmup", "time"), ("active", "distance"), ("recovery", "time"), ("-", "repeat_until_steps_cmplt"),
        ("cooldown", "time")]
    # 4:10-4:20/km is 3.846-4.000 m/s
    assert (decoded[1]["custom_target_speed_low"], decoded[1]["custom_target_speed_high"]) == (3.846, 4.0)
    assert (decoded[3]["duration_step"], decoded[3]["repeat_steps"]) == (1, 6)


def test_fitdecode_reads_the_file_with_its_crc_checked():
    six = next(t for t in WITH_STEPS if t.id == "intervals-6x800")
    with fitdecode.FitReader(workout_bytes(six, DAY), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        names = [f.name for f in reader if isinstance(f, fitdecode.FitDataMessage)]
    assert names == ["file_id", "workout", *["workout_step"] * 5]


@settings(max_examples=60, deadline=None)
@given(steps)
def test_any_steps_round_trip_through_a_fit_file(items):
    run = SessionContent(kind=Kind.RUN, title="Run", duration_min=30, rpe=5, steps=items)
    assert read_workout(workout_bytes(run, DAY), "x.fit").steps == items


def test_the_same_session_gives_the_same_bytes():
    six = parse_steps("15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy")
    run = SessionContent(kind=Kind.RUN, title="Run", duration_min=30, rpe=5, steps=six)
    assert workout_bytes(run, DAY) == workout_bytes(run, DAY)


def test_a_run_without_steps_has_nothing_to_write():
    with pytest.raises(NothingToWrite, match="'Easy' has no steps or sets to send to a watch"):
        workout_bytes(SessionContent(kind=Kind.RUN, title="Easy", duration_min=30, rpe=3), DAY)


@pytest.mark.parametrize("pace", [120, 899, 900])
def test_paces_to_the_end_of_the_range_come_back_to_the_second(pace):
    steps = parse_steps(f"1km@{pace // 60}:{pace % 60:02d}/km")
    run = SessionContent(kind=Kind.RUN, title="Run", duration_min=30, rpe=5, steps=steps)
    assert read_workout(workout_bytes(run, DAY), "x.fit").steps == steps
