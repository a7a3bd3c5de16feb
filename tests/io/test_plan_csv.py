"""The plan spreadsheet: exact columns, what import accepts, every bad row reported, round trips."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from planner.domain.enums import Kind, Status
from planner.domain.session import Exercise, Session, WorkSet
from planner.io import plan_csv
from planner.io.plan_csv import COLUMNS, PlanFileError, format_plan, parse_plan
from planner.store.database import open_store
from planner.words.steps import steps_compact
from tests.io.plan_strategies import CATALOG, comparable, plans

HEADER = ",".join(c for c in COLUMNS if c != "target")  # the columns before `target`: such files still import
DAY = dt.date(2026, 11, 23)


def sessions_of(text: str) -> list[Session]:
    return [row.session for row in parse_plan(text, CATALOG)]


def errors_of(text: str) -> list[str]:
    with pytest.raises(PlanFileError) as info:
        parse_plan(text, CATALOG)
    return info.value.errors


def test_exact_columns():
    assert COLUMNS == (
        "date", "time", "kind", "type", "title", "duration_min", "rpe", "distance_km",
        "exercises", "target", "status", "actual_duration_min", "actual_rpe", "actual_distance_km", "notes", "steps",
    )
    assert format_plan([]) == ",".join(COLUMNS) + "\r\n"


def test_a_full_row():
    text = (HEADER + "\n"
            "2026-11-24,18:00,lift,lower,Heavy legs,60,8,,"
            "Back squat 5x5@100 RPE 8; Calf raise 3x15@40,done,65,8.5,,\"felt, strong\"\n")
    (s,) = sessions_of(text)
    assert (s.date, s.time, s.kind, s.type, s.title) == (
        dt.date(2026, 11, 24), dt.time(18, 0), Kind.LIFT, "lower", "Heavy legs")
    assert (s.duration_min, s.rpe, s.distance_km) == (60, 8.0, None)
    assert s.exercises == (
        Exercise("Back squat", (WorkSet(5, 100, rpe=8),) * 5, ("quads", "glutes")),
        Exercise("Calf raise", (WorkSet(15, 40),) * 3, ("calves",)),
    )
    assert (s.status, s.actual_duration_min, s.actual_rpe, s.actual_distance_km) == (
        Status.DONE, 65, 8.5, None)
    assert s.notes == "felt, strong"
    assert s.id is None


def test_only_required_columns_in_any_order_extra_columns_ignored():
    text = "Title,RPE,kind,duration_min,date,coach comment\nEasy run,3,run,45,2026-11-23,nice\n"
    (s,) = sessions_of(text)
    assert (s.title, s.rpe, s.kind, s.duration_min, s.date) == ("Easy run", 3, Kind.RUN, 45, DAY)
    assert (s.status, s.time, s.type, s.exercises, s.notes) == (Status.PLANNED, None, "", (), "")


def test_excel_bom_semicolons_and_decimal_commas():
    text = "\ufeffdate;kind;title;duration_min;rpe;distance_km\n2026-11-23;run;Easy;45;3,5;8,25\n"
    (s,) = sessions_of(text)
    assert (s.rpe, s.distance_km) == (3.5, 8.25)


def test_tab_separated_files():
    (s,) = sessions_of("date\tkind\ttitle\tduration_min\trpe\n2026-11-23\trun\tEasy, slow\t45\t3\n")
    assert s.title == "Easy, slow"


def test_decode_accepts_utf8_with_or_without_bom_and_another_encoding_only_on_purpose():
    text = "date,kind,title,duration_min,rpe\n2026-11-23,run,Café run,45,3\n"
    assert "Café" in plan_csv.decode(b"\xef\xbb\xbf" + text.encode())
    assert "Café" in plan_csv.decode(text.encode())
    assert "Café" in plan_csv.decode(text.encode("utf-16"))  # starts with its byte-order mark
    # Windows-1252 bytes are not guessed at (issue 7: "CafÃ©"): refused, naming line 2 ...
    with pytest.raises(plan_csv.EncodingProblem) as info:
        plan_csv.decode(text.encode("cp1252"))
    assert info.value.errors == [
        "line 2: not valid UTF-8 text (byte E9); save the file as UTF-8 (in Excel: CSV UTF-8), or "
        "choose its encoding (on the command line: --encoding, e.g. --encoding cp1252)"]
    # ... unless the user names the encoding.
    assert "Café" in plan_csv.decode(text.encode("cp1252"), "cp1252")
    with pytest.raises(PlanFileError, match="not a text"):
        plan_csv.decode(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_optional_target_column_is_read():
    text = "date,kind,title,duration_min,rpe,target\n2026-11-23,run,Easy,45,3,Z2\n"
    assert sessions_of(text)[0].target == "Z2"


def test_blank_lines_and_trailing_empty_cells_are_fine():
    text = HEADER + "\n\n2026-11-23,,run,easy,Easy,45,3,,,,,,,,,\n,,,,\n"
    assert len(sessions_of(text)) == 1


def test_header_only_gives_no_sessions():
    assert sessions_of(HEADER + "\n") == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "the file is empty"),
        ("date,kind,title\n", "missing required columns duration_min, rpe"),
        ("date,time,kind,title,duration_min\n", "missing required column rpe"),
        ("date,kind,title,duration_min,rpe,rpe\n", "the column 'rpe' appears twice"),
    ],
)
def test_bad_headers(text, words):
    (message,) = errors_of(text)
    assert words in message


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("23.11.2026,,run,easy,Easy,45,3", "date: must be a date written YYYY-MM-DD"),
        ("2026-02-30,,run,easy,Easy,45,3", "date: must be a date"),
        ("2026-11-23,25:00,run,easy,Easy,45,3", "time: must be a time of day written HH:MM"),
        ("2026-11-23,,swim,,Easy,45,3", "kind: must be one of run, lift"),
        ("2026-11-23,,run,lower,Easy,45,3", "type: for a run must be one of easy"),
        ("2026-11-23,,run,easy,,45,3", "title: must not be empty"),
        ("2026-11-23,,run,easy,Easy,,3", "duration_min: must not be empty"),
        ("2026-11-23,,run,easy,Easy,forty,3", "duration_min: must be a number (got 'forty')"),
        ("2026-11-23,,run,easy,Easy,45.5,3", "duration_min: must be a whole number"),
        ("2026-11-23,,run,easy,Easy,45,11", "rpe: must be between 0 and 10"),
        ("2026-11-23,,run,easy,Easy,45,nan", "rpe: must be a number"),
        ("2026-11-23,,run,easy,Easy,45,3,-2", "distance_km: must be between 0 and 300"),
        ("2026-11-23,,lift,,Legs,45,7,,Back squat 5x", "exercises: item 1 'Back squat 5x'"),
        ("2026-11-23,,run,easy,Easy,45,3,,,maybe", "status: must be one of planned, done"),
        ("2026-11-23,,run,easy,Easy,45,3,,,done,0", "actual_duration_min: must be between"),
        ("2026-11-23,,run,easy,Easy,45,3,,,,,,,,,,,surplus", "18 cells but the header names 15"),
    ],
)
def test_each_bad_value_is_reported_with_its_line(row, words):
    text = HEADER + "\n2026-11-22,,rest,,Rest,0,0\n" + row + "\n"
    (message,) = errors_of(text)
    assert message.startswith("line 3: ")
    assert words in message


def test_all_bad_rows_and_all_bad_cells_are_reported():
    text = (HEADER + "\n"
            "2026-11-23,,run,easy,Easy,45,3\n"
            "2026-11-24,,run,easy,Easy,45,12\n"
            "2026-11-25,,run,easy,\"two\nline title\",45,3\n"
            "bad-date,,swim,easy,Easy,45,3\n")
    assert errors_of(text) == [
        "line 3: rpe: must be between 0 and 10 (got 12)",
        "line 6: date: must be a date written YYYY-MM-DD (got 'bad-date')",
        "line 6: kind: must be one of run, lift, mobility, recovery, rest, other (got 'swim')",
    ]


def test_unclosed_quote_is_reported():
    (message,) = errors_of(HEADER + '\n2026-11-23,,run,easy,"Easy,45,3\n')
    assert message.startswith("line 2:")


def test_numbers_are_written_without_trailing_zero():
    s = Session(kind=Kind.RUN, title="Run", duration_min=45, rpe=3.0, distance_km=8.0, date=DAY,
                status=Status.DONE, actual_distance_km=8.25, actual_rpe=3.5)
    row = format_plan([s]).splitlines()[1]
    assert row == "2026-11-23,,run,,Run,45,3,8,,,done,,3.5,8.25,,"


def test_export_sorts_by_date_and_position():
    a = Session(kind=Kind.RUN, title="A", duration_min=30, rpe=3, date=DAY, position=2)
    b = Session(kind=Kind.RUN, title="B", duration_min=30, rpe=3, date=DAY, position=0)
    c = Session(kind=Kind.RUN, title="C", duration_min=30, rpe=3, date=DAY - dt.timedelta(1))
    titles = [line.split(",")[4] for line in format_plan([a, b, c]).splitlines()[1:]]
    assert titles == ["C", "B", "A"]


def test_append_positions_goes_after_the_days_existing_sessions():
    old = Session(kind=Kind.RUN, title="Old", duration_min=30, rpe=3, date=DAY, position=4)
    new = [Session(kind=Kind.RUN, title=t, duration_min=30, rpe=3, date=d, id=9)
           for t, d in (("x", DAY), ("y", DAY + dt.timedelta(1)), ("z", DAY))]
    rows = [plan_csv.PlanRow(line, s) for line, s in enumerate(new, start=2)]
    placed = plan_csv.append_positions(rows, lambda d: [old] if d == DAY else [])
    assert [(s.title, s.position, s.id) for s in placed] == [("x", 5, None), ("y", 0, None),
                                                              ("z", 6, None)]


@given(plans())
def test_format_then_parse_round_trips(plan):
    text = format_plan(plan)
    assert comparable(sessions_of(text)) == comparable(plan)
    assert format_plan(sessions_of(text)) == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(max_size=8))
def test_export_then_import_into_a_fresh_folder_gives_the_same_sessions(plan):
    with tempfile.TemporaryDirectory() as tmp:
        first = open_store(Path(tmp) / "a")
        try:
            first.sessions.apply(put=plan)
            text = format_plan(first.sessions.all())
        finally:
            first.close()
        second = open_store(Path(tmp) / "b")
        try:
            rows = parse_plan(text, CATALOG)
            second.sessions.apply(put=plan_csv.append_positions(rows, second.sessions.on_date))
            assert comparable(second.sessions.all()) == comparable(plan)
        finally:
            second.close()


def test_a_run_with_steps_in_the_steps_column():
    text = (HEADER + "\n2026-12-08,,run,intervals,Intervals,45,8,9.5,,planned,,,,,"
            '"15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy"\n')
    (s,) = sessions_of(text)
    assert steps_compact(s.steps) == "15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy"
    assert (s.duration_min, s.distance_km) == (57, 9.5)  # the steps' time; their distance is not all known
    assert format_plan([s]).splitlines()[1].endswith(',"15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy"')


def test_a_file_without_the_steps_column_still_imports():
    (s,) = sessions_of("date,kind,title,duration_min,rpe\n2026-12-08,run,Easy,40,3\n")
    assert (s.steps, s.duration_min) == ((), 40)


def test_bad_steps_name_the_line_and_the_column():
    text = HEADER + "\n2026-12-08,,run,,Intervals,45,8,,,planned,,,,,6x(800m@fast\n"
    assert errors_of(text) == ["line 2: steps: a '(' without its ')' in '6x(800m@fast'"]
