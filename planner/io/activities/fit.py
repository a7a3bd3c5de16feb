"""Garmin FIT files, read with fitdecode (https://github.com/polyvertex/fitdecode), CRC checked.

Each `session` message is one activity (a multisport file has several). Some devices leave heart
rate out of the session message (the Fenix 2 does); then the records inside the session's time
span give the mean and maximum. Without a session message the laps, then the records, stand in.
The `activity` message's `local_timestamp` tells the athlete's clock.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

import fitdecode

from planner.io.activities.records import Activity, ActivityFileError, ParsedFile
from planner.io.workouts.fit_read import WorkoutFileError, is_workout, read_workout


@dataclass
class _Messages:
    sessions: list[dict[str, Any]] = field(default_factory=list)
    laps: list[dict[str, Any]] = field(default_factory=list)
    records: list[tuple[dt.datetime, int | None, float | None]] = field(default_factory=list)
    sport: str | None = None
    local_offset: dt.timedelta | None = None


def _values(frame: fitdecode.FitDataMessage, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: frame.get_value(n, fallback=None) for n in names}


_SESSION_FIELDS = ("start_time", "timestamp", "total_timer_time", "total_elapsed_time", "total_distance",
                   "avg_heart_rate", "max_heart_rate", "total_ascent", "sport", "sub_sport")


def _read(data: bytes, name: str) -> _Messages:
    out = _Messages()
    try:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE,
                                 keep_raw_chunks=False) as reader:
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "record":
                    ts = frame.get_value("timestamp", fallback=None)
                    if isinstance(ts, dt.datetime):
                        out.records.append((ts, frame.get_value("heart_rate", fallback=None),
                                            frame.get_value("altitude", fallback=None)))
                elif frame.name == "session":
                    out.sessions.append(_values(frame, _SESSION_FIELDS))
                elif frame.name == "lap":
                    out.laps.append(_values(frame, _SESSION_FIELDS))
                elif frame.name == "sport":
                    out.sport = out.sport or frame.get_value("sport", fallback=None)
                elif frame.name == "activity":
                    ts = frame.get_value("timestamp", fallback=None)
                    local = frame.get_value("local_timestamp", fallback=None)
                    if isinstance(ts, dt.datetime) and isinstance(local, dt.datetime | int):
                        if isinstance(local, int):  # seconds since the FIT epoch, local clock
                            local = dt.datetime(1989, 12, 31, tzinfo=dt.UTC) + dt.timedelta(seconds=local)
                        out.local_offset = local.replace(tzinfo=None) - ts.astimezone(dt.UTC).replace(tzinfo=None)
    except fitdecode.FitEOFError:
        raise ActivityFileError(name, "is cut short (the FIT file ends before its last message); "
                                      "nothing to import") from None
    except fitdecode.FitCRCError:
        raise ActivityFileError(name, "is damaged (its FIT checksum does not match)") from None
    except fitdecode.FitHeaderError as exc:
        raise ActivityFileError(name, f"is not a FIT file ({exc})") from None
    except fitdecode.FitError as exc:
        raise ActivityFileError(name, f"cannot be read as a FIT file ({exc})") from None
    return out


def _summary(m: _Messages, first: dict[str, Any], start: dt.datetime, end: dt.datetime,
             sport: str, parts: list[dict[str, Any]]) -> Activity:
    def total(key: str) -> float | None:
        vals = [p[key] for p in parts if isinstance(p.get(key), int | float)]
        return float(sum(vals)) if vals else None

    inside = [r for r in m.records if start <= r[0] <= end]
    hrs = [r[1] for r in inside if isinstance(r[1], int) and r[1] > 0]
    avg_hr, max_hr = first.get("avg_heart_rate"), first.get("max_heart_rate")
    if avg_hr is None and hrs:
        avg_hr = round(sum(hrs) / len(hrs))
    if max_hr is None and hrs:
        max_hr = max(hrs)
    duration = total("total_timer_time") or total("total_elapsed_time") or (end - start).total_seconds()
    return Activity(
        sport=str(sport), start=start, duration_s=duration,
        distance_m=total("total_distance"), avg_hr=avg_hr, max_hr=max_hr,
        ascent_m=total("total_ascent"), local_offset=m.local_offset,
    )


def read_fit(data: bytes, name: str) -> ParsedFile:
    if is_workout(data):  # a workout to plan (Garmin Connect's export, or ours), not one done
        try:
            return ParsedFile(name, planned=(read_workout(data, name),))
        except WorkoutFileError as exc:
            raise ActivityFileError(name, str(exc)) from None
    m = _read(data, name)
    activities = []
    if m.sessions:
        for s in m.sessions:
            start, end = s.get("start_time"), s.get("timestamp")
            if not isinstance(start, dt.datetime):
                continue
            end = end if isinstance(end, dt.datetime) else start + dt.timedelta(
                seconds=float(s.get("total_elapsed_time") or 0))
            activities.append(_summary(m, s, start, end, s.get("sport") or m.sport or "generic", [s]))
    elif m.laps or m.records:
        times = [r[0] for r in m.records]
        starts = [lap["start_time"] for lap in m.laps if isinstance(lap.get("start_time"), dt.datetime)]
        start = min(starts + times)
        end = max([lap["timestamp"] for lap in m.laps if isinstance(lap.get("timestamp"), dt.datetime)] + times)
        activities.append(_summary(m, {}, start, end, m.sport or "generic", m.laps or [{}]))
    if not activities:
        raise ActivityFileError(name, "holds no activity (no session, lap or record with a time); nothing to import")
    return ParsedFile(name, activities=tuple(activities))
