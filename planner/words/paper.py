"""A session as it reads on paper: every detail spelled out, in the profile's units. No Qt.

The calendar's cards show a summary and keep the rest in a tooltip; paper has no tooltip, so the
printed page spells out what the athlete needs at the track or in the gym: the run type, distance,
duration and target pace or zone, a structured run step by step; each lift as exercise, sets x
reps @ load; the notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.enums import Kind, Status, Units
from planner.domain.session import Exercise, Session
from planner.domain.units import pace_s_per_km
from planner.words.labels import KIND_WORDS, TYPE_WORDS
from planner.words.numbers import format_exact
from planner.words.quantities import duration_text, format_distance, format_pace, tonnage_text
from planner.words.sets import exercise_line
from planner.words.steps import steps_lines
from planner.words.targets import target_in_units


def heading_words(s: Session) -> str:
    """The kind and type, e.g. "Run · Tempo" or "Lift · Lower body"."""
    kind = KIND_WORDS[s.kind]
    word = TYPE_WORDS.get(s.type, s.type)
    return f"{kind} · {word}" if s.type and word != kind else kind


def plan_line(s: Session, units: Units) -> str:
    """Planned duration, distance and effort: "50 min · 10 km · RPE 7"."""
    if s.kind is Kind.REST:
        return ""
    parts = [duration_text(s.duration_min)]
    if s.distance_km:
        parts.append(format_distance(s.distance_km, units))
    parts.append(f"RPE {format_exact(s.rpe)}")
    return " · ".join(parts)


def target_line(s: Session, units: Units) -> str:
    """The target pace or zone as written; for a run without one, the pace its numbers imply."""
    if s.target:
        return f"Target {target_in_units(s.target, units)}"
    if s.kind is Kind.RUN:
        pace = pace_s_per_km(s.duration_min, s.distance_km)
        if pace is not None:
            return f"Pace ≈ {format_pace(pace, units)}"
    return ""


def exercise_lines(exercises: Sequence[Exercise], units: Units) -> list[str]:
    """One line per exercise: "Back squat 5 × 5 @ 100 kg RPE 8 (+1 warm-up)"; a pyramid reads
    "Deadlift 1 × 5 @ 140 kg, 1 × 3 @ 150 kg"."""
    return [exercise_line(e, units) for e in exercises]


def outcome_line(s: Session, units: Units) -> str:
    """What happened, once it happened: "Done: 50 min · 9.2 km · RPE 4", or "Skipped"."""
    if s.status is Status.SKIPPED:
        return "Skipped"
    if s.status is not Status.DONE:
        return ""
    parts = []
    if s.actual_duration_min:
        parts.append(duration_text(s.actual_duration_min))
    if s.actual_distance_km:
        parts.append(format_distance(s.actual_distance_km, units))
    if s.actual_rpe is not None:
        parts.append(f"RPE {format_exact(s.actual_rpe)}")
    return "Done: " + " · ".join(parts) if parts else "Done"


def detail_lines(s: Session, units: Units) -> tuple[str, ...]:
    """Every line under the title, in reading order, empty lines left out (a rest day has none:
    its title says it all)."""
    if s.kind is Kind.REST:
        return ()
    lines = [heading_words(s), plan_line(s, units), target_line(s, units), *steps_lines(s.steps, units)]
    if s.kind is Kind.LIFT and s.tonnage_kg:
        lines.append(f"Volume {tonnage_text(s.tonnage_kg, units)}")
    lines.extend(exercise_lines(s.exercises, units))
    lines.append(outcome_line(s, units))
    return tuple(line for line in lines if line)
