"""Hevy exports: one row per set with `set_type` (normal, warmup, failure, dropset), `rpe`,
`superset_id`, `weight_kg` or `weight_lbs` (empty for a bodyweight set), and `duration_seconds`
for timed sets. Dates like "9 Apr 2026, 17:18" (or 12-hour), the athlete's local clock."""

from __future__ import annotations

from planner.io.activities import csv_text as c
from planner.io.activities.lift_log import LB_TO_KG, LogBuilder
from planner.io.activities.records import ActivityFileError, ParsedFile

SET_TYPES = ("normal", "warmup", "failure", "dropset")


def looks_like_hevy(header_line: str) -> bool:
    low = header_line.lower()
    return "exercise_title" in low and "set_type" in low


def read_hevy_csv(data: bytes, name: str) -> ParsedFile:
    header, body = c.rows(c.decode(data, name), name)
    i_title = header.find("title")
    i_start = header.need(name, "start_time")
    i_end = header.find("end_time")
    i_exercise = header.need(name, "exercise_title")
    i_superset = header.find("superset_id")
    i_type = header.need(name, "set_type")
    i_reps = header.need(name, "reps")
    i_kg = header.find("weight_kg")
    i_lb = header.find("weight_lbs", "weight_lb")
    if i_kg is None and i_lb is None:
        raise ActivityFileError(name, "has no 'weight_kg' or 'weight_lbs' column", 1)
    i_seconds = header.find("duration_seconds")
    i_rpe = header.find("rpe")
    log = LogBuilder(name)
    for line, row in body:
        start = c.when(c.cell(row, i_start), "start_time", name, line)
        end_text = c.cell(row, i_end)
        end = c.when(end_text, "end_time", name, line) if end_text else start
        set_type = c.cell(row, i_type).lower() or "normal"
        if set_type not in SET_TYPES:
            raise ActivityFileError(name, f"set_type must be one of {', '.join(SET_TYPES)} (got {set_type!r})", line)
        if i_lb is not None and c.cell(row, i_lb):
            lb = c.number(c.cell(row, i_lb), "weight_lbs", name, line)
            weight = lb * LB_TO_KG if lb is not None else None
        else:
            weight = c.number(c.cell(row, i_kg), "weight_kg", name, line)
        counted = c.reps_and_seconds(row, i_reps, i_seconds, "reps", "duration_seconds", name, line)
        if counted is None:
            log.skip("sets without reps or time (cardio by distance)")
            continue
        reps, seconds = counted
        superset = c.number(c.cell(row, i_superset), "superset_id", name, line)
        rpe = c.number(c.cell(row, i_rpe), "rpe", name, line)
        log.add((c.cell(row, i_start), c.cell(row, i_title)), line, start, (end - start).total_seconds(),
                c.cell(row, i_title) or "Workout", c.cell(row, i_exercise),
                int(superset) if superset is not None else None, {
                    "reps": int(reps or 0),
                    "load_kg": round(weight, 2) if weight else None,
                    "rpe": rpe, "seconds": int(seconds) if seconds else None,
                    "warmup": set_type == "warmup", "failure": set_type == "failure",
                    "drop": set_type == "dropset",
                })
    workouts = log.workouts()
    if not workouts:
        raise ActivityFileError(name, "holds no sets; nothing to import")
    return ParsedFile(name, workouts=workouts, notes=log.notes())
