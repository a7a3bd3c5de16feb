"""The generator's words in the profile's units (issue 23 part 4): a generated week, its summary table and
its notes read miles, min/mi and pounds as plates give them under imperial, and timed sets in seconds.

Worked by hand (1 mi = 1.609344 km, 1 lb = 0.45359237 kg; loads to 2.5 lb plates):
- week 1 of the run-focus example: 29.8 km = 18.52 mi; easy 7.3 km = 4.54 mi; long run 8 km = 4.97 mi;
- easy band 5:56-6:34/km: 356 x 1.609344 = 573 s = 9:33/mi, 394 x 1.609344 = 634 s = 10:34/mi
  (from the exact paces, not the rounded clocks);
- deadlift 110 kg = 242.51 lb -> 242.5 lb; bench 60 kg = 132.28 lb -> 132.5 lb.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Goal, Units
from planner.domain.generator.text import session_text, week_lines
from planner.domain.session import Exercise, Session, WorkSet
from planner.services.generate import summary_lines
from tests.domain.test_generator_examples import EVERY_DAY, _block


def test_a_generated_week_in_miles_and_pounds() -> None:
    block = _block(Goal.RUN, 4, 2, EVERY_DAY)
    lines = week_lines(block, 0, Units.IMPERIAL)
    assert lines[:3] == ["Week 1 (build 1), 18.52 mi:",
                         "Mon: Easy run (easy): 4.54 mi, 46 min, 9:33-10:34/mi easy, Z2, RPE 3",
                         "Tue: Intervals 4 x 3 min (intervals): 4.47 mi, 43 min, 7:34-7:43/mi interval, Z4-5, RPE 8"]
    assert lines[4].startswith("Thu: Posterior chain and calves (lower, 45 min, RPE 7): Deadlift 3 × 5 @ 242.5 lb "
                               "RPE 7 (+3 warm-up); ")
    assert lines[7] == "Sun: Long run (long): 4.97 mi, 50 min, 9:33-10:34/mi easy, Z2, RPE 4"
    assert week_lines(block, 0)[:2] == ["Week 1 (build 1), 29.8 km:",
                                        "Mon: Easy run (easy): 7.3 km, 46 min, 5:56-6:34/km easy, Z2, RPE 3"]


def test_the_summary_table_and_notes_in_miles_and_pounds() -> None:
    block = _block(Goal.BALANCED, 3, 3, EVERY_DAY)
    lines = summary_lines(block, Units.IMPERIAL)
    assert lines[2] == "week  dates          phase         mi   long mi  above easy  load AU  tonnage lb  ACWR"
    assert lines[3].startswith("   1  01 Mar-07 Mar  build 1       18.5      7.3 ")
    assert ("Note: Training paces estimated from your easy pace (VDOT 39.3, Daniels 2014): easy 9:33-10:34/mi; "
            "marathon 8:53/mi; threshold 8:19/mi; interval 7:39/mi; repetition 7:15/mi (1:48 per 400 m). No recent "
            "result or easy pace given: a guess by experience; adjust the targets to yours.") in lines
    metric = summary_lines(block)
    assert metric[2] == "week  dates          phase         km   long km  above easy  load AU  tonnage kg  ACWR"
    assert metric[3].startswith("   1  01 Mar-07 Mar  build 1       29.8     11.8 ")
    # the tonnage column: week 1 lifts 2,802 kg, which is 6,178 lb (2,802.x / 0.45359237)
    assert (metric[3].split()[-2], lines[3].split()[-2]) == ("2802", "6178")


def test_timed_sets_read_in_seconds_and_bench_in_plates() -> None:
    core = Session(kind="lift", title="Core", duration_min=20, rpe=5, date=dt.date(2027, 3, 1), type="core",
                   exercises=(Exercise("Plank", (WorkSet(0, seconds=60, rpe=6),) * 3),
                              Exercise("Bench press", (WorkSet(6, 60.0, rpe=7),) * 3)))
    assert session_text(core) == "Core (core, 20 min, RPE 5): Plank 3 × 60 s RPE 6; Bench press 3 × 6 @ 60 kg RPE 7"
    assert session_text(core, Units.IMPERIAL) == ("Core (core, 20 min, RPE 5): Plank 3 × 60 s RPE 6; Bench press "
                                                  "3 × 6 @ 132.5 lb RPE 7")
