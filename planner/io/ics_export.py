"""The plan as an iCalendar file (RFC 5545), written with the `icalendar` library. No Qt.

Made to be imported again and again: a calendar that already holds an event with the same UID
updates it instead of adding a second one (PLATFORM.md, Calendar files).

- UID: uuid5 of the app's namespace and the session id. Session ids are never reused, and survive
  edits, moves and restarts, so the UID does too; it holds no host or user data (RFC 7986 section 5.3).
- DTSTAMP and LAST-MODIFIED: when the plan last changed (`changed`, UTC), not the time of export,
  so two exports of the same plan are byte for byte the same. Callers pass the data file's
  modification time: the store keeps no per-session change time yet; once it does, pass
  `changed_by_id` and each event carries its own.
- SEQUENCE: whole seconds from 2020-01-01 UTC to that change time. It only grows, and it grows with
  every saved change, which is all RFC 5545 asks ("incremented" on a revision; gaps are allowed);
  it stays within a signed 32-bit integer until 2088.
- A session with a time of day is a timed event in floating local time ("07:00 wherever you are":
  the plan has no time zone); without one it is an all-day event whose DTEND is the next day
  (DTEND is exclusive). All-day events are TRANSPARENT, so they do not block the day as busy.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from icalendar import Calendar, Event

from planner import __version__
from planner.domain.enums import Units
from planner.domain.session import Session
from planner.words.labels import KIND_WORDS
from planner.words.paper import detail_lines

#: Fixed for the app, forever: changing it would duplicate every event users have imported.
UID_NAMESPACE = uuid.UUID("5c3f6d0e-8a7b-4f51-9a43-2f1b8e0c7d21")
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
PRODID = f"-//Hybrid Planner//Hybrid Planner {__version__}//EN"
CALENDAR_NAME = "Training plan (Hybrid Planner)"


def session_uid(session_id: int) -> str:
    """The event UID of a session: stable for as long as the session exists."""
    return str(uuid.uuid5(UID_NAMESPACE, f"session/{session_id}"))


def sequence_for(changed: dt.datetime) -> int:
    return max(0, int((changed - SEQUENCE_EPOCH).total_seconds()))


def utc_seconds(moment: dt.datetime) -> dt.datetime:
    """`moment` in UTC, whole seconds (iCalendar has no fractions); a naive time is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def description(s: Session, units: Units) -> str:
    lines = list(detail_lines(s, units))
    if s.notes.strip():
        lines += ["", s.notes.strip()]
    return "\n".join(lines)


def session_event(s: Session, units: Units, changed: dt.datetime) -> Event:
    if s.id is None:
        raise ValueError(f"session {s.title!r} has no id yet; only stored sessions can be exported")
    stamp = utc_seconds(changed)
    event = Event()
    event.add("uid", session_uid(s.id))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence_for(stamp))
    event.add("summary", s.title)
    if s.time is None:
        event.add("dtstart", s.date)
        event.add("dtend", s.date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        start = dt.datetime.combine(s.date, s.time.replace(tzinfo=None, microsecond=0))
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=max(s.effective_duration_min, 1)))
        event.add("transp", "OPAQUE")
    event.add("description", description(s, units))
    event.add("categories", [KIND_WORDS[s.kind]])
    event.add("status", "CONFIRMED")
    return event


def build_calendar(
    sessions: Iterable[Session],
    units: Units,
    changed: dt.datetime,
    changed_by_id: Mapping[int, dt.datetime] | None = None,
) -> Calendar:
    """One VEVENT per session, in date, time and position order (stable output)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", CALENDAR_NAME)
    cal.add("x-wr-calname", CALENDAR_NAME)
    by_id = changed_by_id or {}
    ordered = sorted(sessions, key=lambda s: (s.date, s.time or dt.time(0), s.position, s.id or 0))
    for s in ordered:
        cal.add_component(session_event(s, units, by_id.get(s.id or -1, changed)))
    return cal


def ics_bytes(
    sessions: Iterable[Session],
    units: Units,
    changed: dt.datetime,
    changed_by_id: Mapping[int, dt.datetime] | None = None,
) -> bytes:
    """The file's bytes: CRLF line ends and lines folded at 75 octets, as RFC 5545 requires."""
    return build_calendar(sessions, units, changed, changed_by_id).to_ical()


def write_ics(
    path: Path,
    sessions: Iterable[Session],
    units: Units,
    changed: dt.datetime,
    write: Callable[[Path, bytes], object],
) -> int:
    """Write the file's bytes through `write` (the store's export writer: atomic, never over the
    app's own files or a device; bytes, as text mode would turn CRLF into CRCRLF on Windows)."""
    sessions = list(sessions)
    write(path, ics_bytes(sessions, units, changed))
    return len(sessions)


def plan_changed_at(data_file: Path) -> dt.datetime:
    """When the plan was last saved: the data file's modification time, in UTC whole seconds."""
    return utc_seconds(dt.datetime.fromtimestamp(os.stat(data_file).st_mtime, dt.UTC))
