"""Calendar export: parses back with the same dates, times and titles; stable bytes and UIDs."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.domain.enums import Kind, Units
from planner.domain.session import Exercise, Session, WorkSet
from planner.io.ics_export import ics_bytes, sequence_for, session_uid

REALDATA = Path(__file__).resolve().parents[3] / "shared" / "realdata"
if not REALDATA.is_dir():
    REALDATA = Path("/work/shared/realdata")
CHANGED = dt.datetime(2026, 11, 20, 9, 30, 15, 123456, tzinfo=dt.UTC)
MONDAY = dt.date(2026, 11, 23)


def plan() -> list[Session]:
    squat = Exercise("Back squat", (WorkSet(5, 100, rpe=8),) * 5)
    return [
        Session(kind=Kind.RUN, type="tempo", title="Tempo, hard; 5 x 1 km", duration_min=50, rpe=7,
                distance_km=10, date=MONDAY, id=7, time=dt.time(7, 15), notes="Warm up well.\nCool down."),
        Session(kind=Kind.LIFT, type="lower", title="Legs", duration_min=75, rpe=8, exercises=(squat,),
                date=MONDAY + dt.timedelta(days=2), id=3),
        Session(kind=Kind.MOBILITY, type="yoga", title="Yoga flow – hips", duration_min=30, rpe=2,
                date=MONDAY + dt.timedelta(days=2), id=12, time=dt.time(21, 45), position=1),
    ]


def events(data: bytes) -> dict[str, object]:
    return {str(e["SUMMARY"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_parses_back_with_the_same_dates_times_and_titles():
    ev = events(ics_bytes(plan(), Units.METRIC, CHANGED))
    assert sorted(ev) == ["Legs", "Tempo, hard; 5 x 1 km", "Yoga flow – hips"]
    tempo = ev["Tempo, hard; 5 x 1 km"]
    assert tempo["DTSTART"].dt == dt.datetime(2026, 11, 23, 7, 15)  # floating local time
    assert tempo["DTSTART"].dt.tzinfo is None
    assert tempo["DTEND"].dt == dt.datetime(2026, 11, 23, 8, 5)  # 07:15 + 50 min
    yoga = ev["Yoga flow – hips"]
    assert yoga["DTSTART"].dt == dt.datetime(2026, 11, 25, 21, 45)
    assert yoga["DTEND"].dt == dt.datetime(2026, 11, 25, 22, 15)  # 21:45 + 30 min
    legs = ev["Legs"]  # no time of day: all-day, DTEND the next day (exclusive)
    assert (legs["DTSTART"].dt, legs["DTEND"].dt) == (dt.date(2026, 11, 25), dt.date(2026, 11, 26))
    assert str(legs["TRANSP"]) == "TRANSPARENT" and str(tempo["TRANSP"]) == "OPAQUE"


def test_description_holds_the_details_and_newlines_round_trip():
    ev = events(ics_bytes(plan(), Units.METRIC, CHANGED))
    assert str(ev["Tempo, hard; 5 x 1 km"]["DESCRIPTION"]) == (
        "Run · Tempo\n50 min · 10 km · RPE 7\nPace ≈ 5:00 /km\n\nWarm up well.\nCool down.")
    assert str(ev["Legs"]["DESCRIPTION"]).splitlines()[2:] == ["Volume 2,500 kg", "Back squat 5 × 5 @ 100 kg RPE 8"]
    imperial = events(ics_bytes(plan(), Units.IMPERIAL, CHANGED))
    assert "50 min · 6.21 mi · RPE 7" in str(imperial["Tempo, hard; 5 x 1 km"]["DESCRIPTION"])


def test_two_exports_are_byte_identical_and_stamped_with_the_change_time():
    first, second = ics_bytes(plan(), Units.METRIC, CHANGED), ics_bytes(list(reversed(plan())), Units.METRIC, CHANGED)
    assert first == second
    ev = events(first)["Legs"]
    assert ev["DTSTAMP"].dt == dt.datetime(2026, 11, 20, 9, 30, 15, tzinfo=dt.UTC)  # whole seconds, UTC
    assert ev["LAST-MODIFIED"].dt == ev["DTSTAMP"].dt
    assert b"DTSTAMP:20261120T093015Z\r\n" in first


def test_uids_come_from_session_ids_and_survive_edits_and_moves():
    before = {str(e["UID"]) for e in Calendar.from_ical(ics_bytes(plan(), Units.METRIC, CHANGED)).walk("VEVENT")}
    moved = [s.replace(date=s.date + dt.timedelta(days=3), time=dt.time(12, 0), title=s.title + " (moved)")
             for s in plan()]
    later = CHANGED + dt.timedelta(hours=5)
    after = Calendar.from_ical(ics_bytes(moved, Units.METRIC, later)).walk("VEVENT")
    assert {str(e["UID"]) for e in after} == before == {session_uid(7), session_uid(3), session_uid(12)}
    for u in before:
        assert uuid.UUID(u).version == 5  # a name-based UUID: no host, no user, no clock
    # the revision grows with the change: 5 h later = 5 x 3600 = 18,000 more seconds
    assert int(after[0]["SEQUENCE"]) == sequence_for(CHANGED) + 18_000
    assert session_uid(7) != session_uid(3)


def test_sequence_counts_seconds_since_2020():
    # 2020-01-01 -> 2026-11-20 09:30:15 is 2515 days and 9 h 30 min 15 s:
    # 2515 x 86,400 + 9 x 3,600 + 30 x 60 + 15 = 217,296,000 + 34,215 = 217,330,215
    assert sequence_for(CHANGED) == 217_330_215
    assert sequence_for(dt.datetime(2088, 1, 19, tzinfo=dt.UTC)) < 2**31  # a signed 32-bit integer


def test_a_session_without_an_id_is_refused():
    with pytest.raises(ValueError, match="no id"):
        ics_bytes([plan()[0].replace(id=None)], Units.METRIC, CHANGED)


def test_lines_are_crlf_and_folded_like_real_calendar_files():
    data = ics_bytes(plan(), Units.METRIC, CHANGED)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75  # octets, RFC 5545 §3.1
    assert "×".encode() in data  # non-ASCII text is folded by octets too
    # The real file (its copy has LF line ends) folds at 75 *characters*: its line with "Röadstar"
    # is 76 octets. Readers unfold either; we keep to the stricter octet rule.
    real = (REALDATA / "ics_google_weekly_rrule_tzid_folded.ics").read_bytes()
    assert max(len(line.decode()) for line in real.splitlines()) == 75
    assert max(len(line) for line in real.splitlines()) == 76


@pytest.mark.parametrize("name", ["ics_google_calendar_event_with_alarms.ics",
                                  "ics_google_weekly_rrule_tzid_folded.ics"])
def test_we_write_every_property_a_real_export_carries(name):
    """Each VEVENT property Google writes that applies to a plan (no alarms, recurrence, location)."""
    real = Calendar.from_ical((REALDATA / name).read_bytes())
    ours = Calendar.from_ical(ics_bytes(plan(), Units.METRIC, CHANGED))
    for key in ("VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"):
        assert key in real and key in ours
    applicable = {"DTSTART", "DTEND", "DTSTAMP", "UID", "LAST-MODIFIED", "SEQUENCE", "STATUS", "SUMMARY", "TRANSP"}
    [real_event] = real.walk("VEVENT")
    assert applicable <= set(real_event)
    for event in ours.walk("VEVENT"):
        assert applicable | {"DESCRIPTION"} <= set(event)
        assert event["DTSTAMP"].to_ical().endswith(b"Z")  # UTC like Google's
