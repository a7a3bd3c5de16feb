"""A generated week in words: the wizard's sample week, the command line and the worked-example tests,
in the profile's units through planner/words (loads as plates give them, miles and min/mi, timed sets
in seconds)."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Kind, Units
from planner.domain.generator.block import Block
from planner.domain.session import Session
from planner.words.quantities import format_distance
from planner.words.sets import exercise_line
from planner.words.targets import target_in_units


def session_text(s: Session, units: Units = Units.METRIC) -> str:
    if s.kind is Kind.RUN:
        return (f"{s.title} ({s.type}): {format_distance(s.distance_km, units)}, {s.duration_min} min, "
                f"{target_in_units(s.target, units)}, RPE {s.rpe:g}")
    if s.kind is Kind.LIFT:
        moves = "; ".join(exercise_line(e, units) for e in s.exercises)
        return f"{s.title} ({s.type}, {s.duration_min} min, RPE {s.rpe:g}): {moves}"
    return f"{s.title} ({s.duration_min} min)"


def week_lines(block: Block, n: int, units: Units = Units.METRIC) -> list[str]:
    """Week `n` (0-based), a line per day; a day without sessions is a rest day."""
    first = block.first + dt.timedelta(days=7 * n)
    lines = [f"Week {n + 1} ({block.weeks[n].label}), {format_distance(block.weeks[n].km, units)}:"]
    for k in range(7):
        day = first + dt.timedelta(days=k)
        ss = sorted((s for s in block.sessions if s.date == day), key=lambda s: s.position)
        lines.append(f"{day:%a}: " + (" | ".join(session_text(s, units) for s in ss) if ss else "rest"))
    return lines
