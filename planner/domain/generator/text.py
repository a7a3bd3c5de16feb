"""A generated week in words: the wizard's sample week, the command line and the worked-example tests."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Kind
from planner.domain.generator.block import Block
from planner.domain.session import Exercise, Session


def exercise_text(e: Exercise) -> str:
    work = e.working_sets
    first = work[0]
    load = f" @ {first.load_kg:g} kg" if first.load_kg is not None else ""
    rpe = f" RPE {first.rpe:g}" if first.rpe is not None else ""
    return f"{e.name} {len(work)}x{first.reps}{load}{rpe}"


def session_text(s: Session) -> str:
    if s.kind is Kind.RUN:
        return f"{s.title} ({s.type}): {s.distance_km:g} km, {s.duration_min} min, {s.target}, RPE {s.rpe:g}"
    if s.kind is Kind.LIFT:
        moves = "; ".join(exercise_text(e) for e in s.exercises)
        return f"{s.title} ({s.type}, {s.duration_min} min, RPE {s.rpe:g}): {moves}"
    return f"{s.title} ({s.duration_min} min)"


def week_lines(block: Block, n: int) -> list[str]:
    """Week `n` (0-based), a line per day; a day without sessions is a rest day."""
    first = block.first + dt.timedelta(days=7 * n)
    lines = [f"Week {n + 1} ({block.weeks[n].label}), {block.weeks[n].km:g} km:"]
    for k in range(7):
        day = first + dt.timedelta(days=k)
        ss = sorted((s for s in block.sessions if s.date == day), key=lambda s: s.position)
        lines.append(f"{day:%a}: " + (" | ".join(session_text(s) for s in ss) if ss else "rest"))
    return lines
