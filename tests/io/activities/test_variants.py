"""The variants of each format the readers must know, written out here with hand-worked values."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.io.activities import ActivityFileError, read_bytes
from planner.io.activities.lift_log import LB_TO_KG
from planner.io.activities.sessions import ExerciseNames, sessions_of

GARMIN_GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Garmin Connect" xmlns="http://www.topografix.com/GPX/1/1"
 xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
 <trk><name>Evening Ride</name><type>cycling</type><trkseg>
  <trkpt lat="0.0" lon="0.0"><ele>100</ele><time>2026-11-24T17:00:00Z</time>
   <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>
  </trkpt>
  <trkpt lat="0.0" lon="0.01"><ele>110</ele><time>2026-11-24T17:30:00Z</time>
   <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>
  </trkpt>
  <trkpt lat="0.0" lon="0.02"><ele>105</ele><time>2026-11-24T18:00:00Z</time>
   <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>141</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>
  </trkpt>
 </trkseg></trk>
</gpx>
"""


def test_gpx_garmin_extension_and_a_ride_is_other_named_by_its_sport():
    parsed = read_bytes(GARMIN_GPX.encode(), "ride.gpx")
    a = parsed.activities[0]
    assert (a.avg_hr, a.max_hr) == (137, 150)  # (120 + 150 + 141) / 3 = 137
    assert a.duration_s == 3600
    # 0.02 degrees of longitude on the equator: 0.02 * pi / 180 * 6,378,137 m (gpxpy's radius) = 2,226.4 m
    assert a.distance_m == pytest.approx(2226.4, abs=0.1)
    s = sessions_of(parsed, ExerciseNames({}, {}), dt.UTC)[0][0].session
    assert (s.kind, s.title, s.time) == ("other", "Evening Ride", dt.time(17, 0))
    assert s.source_key == "Ride|2026-11-24T17:00:00Z"


STRAVA = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Elapsed Time,Moving Time,Distance,Max Speed,Elevation Gain,"
    "Max Heart Rate,Average Heart Rate\n"
    '101,"Jan 3, 2026, 7:13:28 AM",Morning Run,Run,,3000,"10,02",171,40,false,3000,2950,10020.5,4.1,55,171,148\n'
    '102,"Jan 4, 2026, 5:00:00 PM",Hill hike,Hike,,7200,8.5,,,false,7200,6600,,,420,,\n'
)


def test_strava_bulk_csv_second_distance_is_metres_and_dates_are_utc():
    parsed = read_bytes(STRAVA.encode(), "activities.csv")
    run, hike = parsed.activities
    assert run.start == dt.datetime(2026, 1, 3, 7, 13, 28, tzinfo=dt.UTC)
    assert run.distance_m == 10020.5  # the second Distance column, in metres
    assert run.duration_s == 2950  # moving time
    assert (run.avg_hr, run.max_hr, run.ascent_m) == (148, 171, 55.0)
    assert hike.start == dt.datetime(2026, 1, 4, 17, 0, tzinfo=dt.UTC)
    assert hike.distance_m == 8500.0  # no metres: the first Distance, 8.5 km
    sessions = [i.session for i in sessions_of(parsed, ExerciseNames({}, {}), dt.UTC)[0]]
    assert [(s.kind, s.title, s.actual_distance_km) for s in sessions] == [
        ("run", "Morning Run", 10.021), ("other", "Hill hike", 8.5)]


STRONG_NEW = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (lbs)";'
    '"Reps";"RPE";"Distance (miles)";"Seconds";"Notes";"Workout Notes"\n'
    '"1";"2026-05-15 19:26:00";"Legs";"3900";"Squat (Barbell)";"W";"95";"5";"";"0";"0";"";""\n'
    '"1";"2026-05-15 19:26:00";"Legs";"3900";"Squat (Barbell)";"1";"225";"5";"8,5";"0";"0";"";""\n'
    '"1";"2026-05-15 19:26:00";"Legs";"3900";"Squat (Barbell)";"2";"225";"5";"9";"0";"0";"";""\n'
    '"1";"2026-05-15 19:26:00";"Legs";"3900";"Running";"1";"0";"0";"";"2";"0";"";""\n'
    '"1";"2026-05-15 19:26:00";"Legs";"3900";"Plank";"1";"0";"0";"";"0";"60";"";""\n'
)


def test_strong_semicolon_workout_number_pounds_and_seconds():
    parsed = read_bytes(STRONG_NEW.encode(), "strong.csv")
    (w,) = parsed.workouts
    assert w.duration_s == 3900 and w.title == "Legs"
    squat, plank = w.exercises
    assert [(s.reps, s.load_kg, s.rpe, s.warmup) for s in squat.sets] == [
        (5, round(95 * LB_TO_KG, 2), None, True),  # 43.09 kg
        (5, round(225 * LB_TO_KG, 2), 8.5, False),  # 102.06 kg
        (5, round(225 * LB_TO_KG, 2), 9.0, False)]
    assert squat.sets[1].load_kg == 102.06
    assert (plank.sets[0].reps, plank.sets[0].seconds) == (0, 60)
    assert parsed.notes == ("1 rows without reps or time (cardio by distance) left out",)


STRONG_UNIT = (
    "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,Distance,Distance Unit,Seconds,Notes,"
    "Workout Notes,Duration\n"
    "2019-03-02 10:00:00,Push,Bench Press (Barbell),1,135,lbs,8,,,0,,,1h 5m\n"
    "2019-03-02 10:00:00,Push,Bench Press (Barbell),2,60,kg,8,,,0,,,1h 5m\n"
)


def test_strong_weight_unit_column_and_free_text_duration():
    (w,) = read_bytes(STRONG_UNIT.encode(), "strong.csv").workouts
    assert w.duration_s == 3900  # "1h 5m" = 65 min
    assert [s.load_kg for s in w.exercises[0].sets] == [round(135 * LB_TO_KG, 2), 60.0]  # 61.23, 60


HEVY_LB = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
    "weight_lbs,reps,distance_miles,duration_seconds,rpe\n"
    '"Push","May 15, 2026, 7:26 PM","May 15, 2026, 8:31 PM",,"Bench Press (Barbell)",0,,0,warmup,95,10,,,\n'
    '"Push","May 15, 2026, 7:26 PM","May 15, 2026, 8:31 PM",,"Bench Press (Barbell)",0,,1,failure,185,6,,,10\n'
    '"Push","May 15, 2026, 7:26 PM","May 15, 2026, 8:31 PM",,"Push Up",0,,0,normal,,20,,,8\n'
    '"Push","May 15, 2026, 7:26 PM","May 15, 2026, 8:31 PM",,"Dead Hang",,,0,normal,,,,45,\n'
)


def test_hevy_pounds_12_hour_clock_superset_and_bodyweight():
    (w,) = read_bytes(HEVY_LB.encode(), "hevy.csv").workouts
    assert w.start == dt.datetime(2026, 5, 15, 19, 26) and w.duration_s == 65 * 60
    bench, push_up, hang = w.exercises
    assert [(s.reps, s.load_kg, s.warmup, s.failure, s.rpe) for s in bench.sets] == [
        (10, 43.09, True, False, None), (6, 83.91, False, True, 10.0)]  # 95 and 185 lb
    assert bench.superset == push_up.superset == 0 and hang.superset is None
    assert push_up.sets[0].load_kg is None  # bodyweight
    assert (hang.sets[0].reps, hang.sets[0].seconds) == (0, 45)


def test_names_known_to_the_catalogue_get_its_muscles_and_keep_their_words():
    (w,) = read_bytes(HEVY_LB.encode(), "hevy.csv").workouts
    names = ExerciseNames({"Bench press": ("chest", "triceps"), "Pull-up": ("lats",)}, {"Dead Hang": "Pull-up"})
    parsed = read_bytes(HEVY_LB.encode(), "hevy.csv")
    (s,) = [i.session for i in sessions_of(parsed, names)[0]]
    assert [(e.name, e.muscles) for e in s.exercises] == [
        ("Bench Press (Barbell)", ("chest", "triceps")), ("Push Up", ()), ("Dead Hang", ("lats",))]
    assert w.title == "Push"


@pytest.mark.parametrize(("text", "message"), [
    ("Date,Workout Name,Exercise Name,Set Order,Weight\n2021-01-01 10:00:00,A,Squat,1,100\n",
     "strong.csv line 1: has no 'Reps' column"),
    (STRONG_UNIT.replace("1h 5m\n2019", "1h 5m\n2019", 1).replace(",135,", ",heavy,"),
     "strong.csv line 2: Weight is not a number ('heavy')"),
    (STRONG_UNIT.replace("2019-03-02 10:00:00,Push,Bench Press (Barbell),2", "yesterday,Push,Bench Press (Barbell),2"),
     "strong.csv line 3: Date is not a date and time this app knows ('yesterday')"),
    (HEVY_LB.replace("failure", "giant"),
     "hevy.csv line 3: set_type must be one of normal, warmup, failure, dropset (got 'giant')"),
])
def test_a_broken_csv_names_the_file_and_the_line(text, message):
    name = "hevy.csv" if "set_type" in text else "strong.csv"
    with pytest.raises(ActivityFileError) as err:
        read_bytes(text.encode(), name)
    assert str(err.value) == message


HEVY_ASSISTED = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
    "weight_kg,reps,distance_km,duration_seconds,rpe\n"
    '"Pull","4 Feb 2022, 15:13","4 Feb 2022, 16:00",,"Pull Up (Assisted)",,,0,normal,20,8,,,\n'
    '"Pull","4 Feb 2022, 15:13","4 Feb 2022, 16:00",,"Pull Up (Band)",,,0,normal,20,8,,,\n'
    '"Pull","4 Feb 2022, 15:13","4 Feb 2022, 16:00",,"Lat Pulldown (Cable)",,,0,normal,20,8,,,\n'
)


def test_an_assisted_exercises_weight_is_the_help_it_gave_not_a_load():
    """Strong and Hevy log an assisted pull-up's counterweight as its weight: 20 kg of help is a
    bodyweight set, not 160 kg of volume. A cable keeps its weight, and so does a band (which may
    help or resist: the log does not say)."""
    (w,) = read_bytes(HEVY_ASSISTED.encode(), "hevy.csv").workouts
    assert [(e.name, e.sets[0].reps, e.sets[0].load_kg) for e in w.exercises] == [
        ("Pull Up (Assisted)", 8, None), ("Pull Up (Band)", 8, 20.0), ("Lat Pulldown (Cable)", 8, 20.0)]
