"""Strong app exports, in their variants: comma or semicolon, with or without `Workout #`,
`Weight` with a `Weight Unit` column or `Weight (kg)` / `Weight (lbs)`, durations in free text
("2h 18m") or seconds (`Duration (sec)`), `Set Order` numbers or W/D/F for warm-up, drop and
failure sets. Rows without reps or seconds (cardio logged by distance) are left out and counted."""

from __future__ import annotations

from planner.io.activities import csv_text as c
from planner.io.activities.lift_log import LB_TO_KG, LogBuilder
from planner.io.activities.records import ActivityFileError, ParsedFile


def looks_like_strong(header_line: str) -> bool:
    low = header_line.lower()
    return "exercise name" in low and "set order" in low


def read_strong_csv(data: bytes, name: str) -> ParsedFile:
    header, body = c.rows(c.decode(data, name), name)
    i_date = header.need(name, "Date")
    i_workout = header.find("Workout Name")
    i_number = header.find("Workout #")
    i_duration = header.find("Duration", "Duration (sec)", "Workout Duration")
    i_exercise = header.need(name, "Exercise Name")
    i_order = header.find("Set Order")
    i_reps = header.need(name, "Reps")
    i_seconds = header.find("Seconds")
    i_rpe = header.find("RPE")
    i_weight_kg = header.find("Weight (kg)", "Weight")
    i_weight_lb = header.find("Weight (lbs)", "Weight (lb)")
    i_unit = header.find("Weight Unit")
    if i_weight_kg is None and i_weight_lb is None:
        raise ActivityFileError(name, "has no 'Weight' column", 1)
    log = LogBuilder(name)
    for line, row in body:
        order = c.cell(row, i_order).upper()
        if order.startswith("REST"):
            continue
        start = c.when(c.cell(row, i_date), "Date", name, line)
        duration = c.duration_s(c.cell(row, i_duration), "Duration", name, line) or 0.0
        if i_weight_lb is not None and c.cell(row, i_weight_lb):
            weight = c.number(c.cell(row, i_weight_lb), "Weight", name, line)
            weight = weight * LB_TO_KG if weight is not None else None
        else:
            weight = c.number(c.cell(row, i_weight_kg), "Weight", name, line)
            if weight is not None and c.cell(row, i_unit).lower() in ("lbs", "lb"):
                weight *= LB_TO_KG
        counted = c.reps_and_seconds(row, i_reps, i_seconds, "Reps", "Seconds", name, line)
        if counted is None:
            log.skip("rows without reps or time (cardio by distance)")
            continue
        reps, seconds = counted
        rpe = c.number(c.cell(row, i_rpe), "RPE", name, line)
        key = (c.cell(row, i_number) or c.cell(row, i_date), c.cell(row, i_workout))
        log.add(key, line, start, duration, c.cell(row, i_workout) or "Workout", c.cell(row, i_exercise), None, {
            "reps": int(reps or 0),
            "load_kg": round(weight, 2) if weight else None,
            "rpe": rpe if rpe else None,
            "seconds": int(seconds) if seconds else None,
            "warmup": order == "W", "drop": order == "D", "failure": order == "F",
        })
    workouts = log.workouts()
    if not workouts:
        raise ActivityFileError(name, "holds no sets; nothing to import")
    return ParsedFile(name, workouts=workouts, notes=log.notes())
