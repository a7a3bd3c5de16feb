"""The plan spreadsheet under attack (issue 7): formula cells, stray bytes, dates the app cannot
show, a day with 10,001 sessions, and random bytes and rows: imported whole or refused naming a
line, never a traceback, never a partial import."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.session import Session
from planner.io import plan_csv
from planner.io.plan_csv import COLUMNS, PlanFileError, format_plan, load_plan, parse_plan
from planner.store.database import open_store
from tests.io.plan_strategies import CATALOG

HEADER = ",".join(c for c in COLUMNS if c != "target")  # the columns before `target`: such files still import
DAY = dt.date(2026, 11, 23)


def session(title: str = "Easy", notes: str = "", day: dt.date = DAY) -> Session:
    return Session(kind="run", title=title, duration_min=40, rpe=3.0, date=day, notes=notes)


# -- formula cells ------------------------------------------------------------------------------
ATTACKS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A9)",
           "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_cells_are_written_as_text_and_read_back_exactly(text):
    plan = [session(title="T" + text, notes=text)]  # a title cannot start with whitespace; notes can
    csv_text = format_plan(plan)
    [row] = list(csv.DictReader(io.StringIO(csv_text, newline="")))
    assert row["notes"] == "'" + text  # a spreadsheet shows it as text and never runs it
    [back] = parse_plan(csv_text, CATALOG)
    assert back.session.notes == text


@pytest.mark.parametrize("title", ["=HYPERLINK(\"x\")", "+1", "-1+1", "@SUM(A1)", "'=already quoted", "''=x"])
def test_titles_survive_export_then_import(title):
    csv_text = format_plan([session(title=title)])
    [row] = list(csv.DictReader(io.StringIO(csv_text, newline="")))
    assert row["title"] == "'" + title
    [back] = parse_plan(csv_text, CATALOG)
    assert back.session.title == title


def test_a_tab_prefixed_formula_in_an_imported_file_is_stored_trimmed_and_exported_safely():
    # Import trims the title's surrounding whitespace, so "\t=1+1" becomes "=1+1": export then
    # writes it as text.
    [row] = parse_plan(HEADER + "\n2026-11-23,,run,easy,\"\t=1+1\",45,3\n", CATALOG)
    assert row.session.title == "=1+1"
    assert format_plan([row.session]).split("\r\n")[1].split(",")[4] == "'=1+1"


def test_ordinary_cells_are_left_alone():
    line = format_plan([session(title="Easy run - 5 km", notes="it's fine")]).split("\r\n")[1]
    assert line == "2026-11-23,,run,,Easy run - 5 km,40,3,,,,planned,,,,it's fine,"


# -- encodings ---------------------------------------------------------------------------------
def test_one_stray_byte_is_refused_naming_its_line():
    raw = (HEADER + "\n2026-11-23,,run,easy,Café run,45,3\n2026-11-24,,run,easy,Bad \xff run,45,3\n"
           ).encode("utf-8").replace(b"\xc3\xbf", b"\xff")
    with pytest.raises(plan_csv.EncodingProblem) as info:
        load_plan(raw, CATALOG)
    assert info.value.line == 3
    assert info.value.errors[0].startswith("line 3: not valid UTF-8 text (byte FF)")
    rows = load_plan(raw.replace("é".encode(), b"\xe9"), CATALOG, "cp1252")  # chosen on purpose
    assert [r.session.title for r in rows] == ["Café run", "Bad ÿ run"]


def test_a_nul_byte_names_its_line():
    with pytest.raises(PlanFileError) as info:
        load_plan(HEADER.encode() + b"\n2026-11-23,,run,\x00", CATALOG)
    assert info.value.errors == ["line 2: this is not a text (CSV) file (it holds a NUL byte)"]


# -- dates --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("cell", "reason"), [
    ("9999-12-31", "date: must be from 1900-01-01 to 2199-12-31 (got 9999-12-31)"),
    ("0001-01-01", "date: must be from 1900-01-01 to 2199-12-31 (got 0001-01-01)"),
    ("1899-12-31", "date: must be from 1900-01-01 to 2199-12-31 (got 1899-12-31)"),
    ("2200-01-01", "date: must be from 1900-01-01 to 2199-12-31 (got 2200-01-01)"),
    ("20261202", "date: must be a date written YYYY-MM-DD (got '20261202')"),
    ("2026-W49-3", "date: must be a date written YYYY-MM-DD (got '2026-W49-3')"),
    ("2026-12-02T10:00", "date: must be a date written YYYY-MM-DD (got '2026-12-02T10:00')"),
    ("２０２６-12-02", "date: must be a date written YYYY-MM-DD (got '２０２６-12-02')"),
])
def test_dates_the_app_cannot_show_are_refused(cell, reason):
    with pytest.raises(PlanFileError) as info:
        parse_plan(HEADER + f"\n{cell},,run,easy,Easy,45,3\n", CATALOG)
    assert info.value.errors == [f"line 2: {reason}"]


def test_the_ends_of_the_range_are_accepted():
    rows = parse_plan(HEADER + "\n1900-01-01,,run,,A,45,3\n2199-12-31,,run,,B,45,3\n", CATALOG)
    assert [r.session.date for r in rows] == [dt.date(1900, 1, 1), dt.date(2199, 12, 31)]


# -- limits ---------------------------------------------------------------------------------------
def test_10001_sessions_on_one_day_fit_and_the_next_is_refused_naming_its_line():
    rows = "".join("2026-12-02,,run,,R,30,3\n" for _ in range(10_002))
    with pytest.raises(PlanFileError) as info:
        parse_plan(HEADER + "\n" + rows, CATALOG)
    # The header is line 1, so the 10,002nd session is on line 10,003.
    assert info.value.errors == ["line 10003: date: 2026-12-02 has more than 10,001 sessions in this "
                                 "file, the most one day can hold"]


def test_a_day_that_overflows_with_existing_sessions_is_refused_for_the_whole_file():
    rows = parse_plan(HEADER + "\n2026-12-01,,run,,Other day,30,3\n"
                      + "".join("2026-12-02,,run,,R,30,3\n" for _ in range(3)), CATALOG)
    existing = [session(day=dt.date(2026, 12, 2)).replace(position=9_998)]
    with pytest.raises(PlanFileError) as info:
        plan_csv.append_positions(rows, lambda d: existing if d == dt.date(2026, 12, 2) else [])
    # positions 9,999 and 10,000 fit (lines 3 and 4); line 5 would be 10,001
    assert info.value.errors == ["line 5: date: 2026-12-02 would hold more than 10,001 sessions with "
                                 "those already planned, the most one day can hold"]


# -- random bytes and rows: whole or refused, naming a line ---------------------------------------
LINE = re.compile(r"^line \d+: ")


def _import(raw: bytes) -> tuple[list[Session] | None, list[str]]:
    """The command line's import path on a fresh store: (stored sessions, errors)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp), backups=0)
        try:
            try:
                rows = load_plan(raw, CATALOG)
                if not rows:
                    return [], []
                with store.batch():
                    stored = store.sessions.apply(put=plan_csv.append_positions(rows, store.sessions.on_date))
                assert len(store.sessions) == len(rows) == len(stored)
                return stored, []
            except PlanFileError as exc:
                assert len(store.sessions) == 0  # nothing half-way
                return None, exc.errors
        finally:
            store.close()


def _check_outcome(raw: bytes) -> None:
    stored, errors = _import(raw)
    if stored is None:
        assert errors and all(LINE.match(e) for e in errors), errors


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.binary(max_size=60).map(lambda b: HEADER.encode() + b"\n" + b))
def test_random_bytes_are_imported_whole_or_refused_naming_a_line(raw):
    _check_outcome(raw)


_junk = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_cells = {
    "date": st.sampled_from(["2026-11-23", "1900-01-01", "2199-12-31", "9999-12-31", "20261202", ""]) | _junk,
    "time": st.sampled_from(["", "07:30", "24:00", "7:5"]) | _junk,
    "kind": st.sampled_from(["run", "lift", "mobility", "recovery", "rest", "other", "RUN", "swim"]) | _junk,
    "type": st.sampled_from(["", "easy", "long", "lower", "yoga"]) | _junk,
    "title": st.sampled_from(["Easy", "=1+1", "'=x", " spaced ", ""]) | _junk,
    "duration_min": st.sampled_from(["45", "0", "601", "4,5", "-1", "1e3", "nan"]) | _junk,
    "rpe": st.sampled_from(["3", "3.5", "3.3", "11", ""]) | _junk,
    "distance_km": st.sampled_from(["", "8", "8,5", "301"]) | _junk,
    "exercises": st.sampled_from(["", "Back squat 5x5@100 RPE 8", "Plank 3x1", "x 99x1"]) | _junk,
    "status": st.sampled_from(["", "planned", "done", "skipped", "maybe"]) | _junk,
    "notes": _junk,
}


@st.composite
def plan_files(draw: st.DrawFn) -> bytes:
    columns = draw(st.permutations(list(_cells)))
    columns = columns[: draw(st.integers(3, len(columns)))]
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=draw(st.sampled_from([",", ";", "\t"])), lineterminator="\n")
    writer.writerow(columns)
    for _ in range(draw(st.integers(0, 6))):
        writer.writerow([draw(_cells[c]) for c in columns])
    return out.getvalue().encode(draw(st.sampled_from(["utf-8", "utf-8-sig"])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_files())
def test_random_rows_are_imported_whole_or_refused_naming_a_line(raw):
    _check_outcome(raw)
