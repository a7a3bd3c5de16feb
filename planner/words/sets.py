"""A lift's sets as people read them: "Back squat 5 × 5 @ 100 kg RPE 8 (+1 warm-up)", "Plank 3 × 60 s".

One set formatter for the card, its tooltip, the printed page, calendar files and the report, so a
timed set reads in seconds everywhere (it once printed "Plank 3 × 0" on paper). The line a user
types in a spreadsheet ("Plank 3x60s") is a file format, planner/domain/exercise_text.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.enums import Units
from planner.domain.session import Exercise, WorkSet
from planner.words.numbers import format_exact
from planner.words.quantities import format_load

TIMES = "\u00d7"  # multiplication sign: "5 × 5 @ 100 kg"


def is_timed(s: WorkSet) -> bool:
    """A set held for a time (a plank) rather than counted in reps."""
    return s.reps == 0 and bool(s.seconds)


def reps_text(s: WorkSet) -> str:
    """What one set asks for: "5" reps, or "60 s" held."""
    return f"{s.seconds} s" if is_timed(s) else str(s.reps)


def set_group(count: int, s: WorkSet, units: Units) -> str:
    """`count` sets like `s`: "5 × 5 @ 100 kg RPE 8", "3 × 60 s", "3 × 8 RIR 2"."""
    text = f"{count} {TIMES} {reps_text(s)}"
    if s.load_kg is not None:
        text += f" @ {format_load(s.load_kg, units)}"
    if s.rpe is not None:
        text += f" RPE {format_exact(s.rpe)}"
    elif s.rir is not None:
        text += f" RIR {s.rir}"
    return text


def runs(sets: Sequence[WorkSet]) -> list[list[WorkSet]]:
    """Consecutive identical sets grouped: a pyramid is several runs."""
    grouped: list[list[WorkSet]] = []
    for s in sets:
        if grouped and grouped[-1][0] == s:
            grouped[-1].append(s)
        else:
            grouped.append([s])
    return grouped


def sets_text(e: Exercise, units: Units) -> str:
    """Every working set, runs of identical sets grouped, warm-ups counted:
    "1 × 5 @ 140 kg, 2 × 3 @ 150 kg (+1 warm-up)". Bodyweight sets carry no load."""
    work = e.working_sets
    warmups = len(e.sets) - len(work)
    text = ", ".join(set_group(len(run), run[0], units) for run in runs(work))
    if warmups:
        text += f" (+{warmups} warm-up)"
    return text.strip()


def exercise_line(e: Exercise, units: Units) -> str:
    """"Back squat 5 × 5 @ 100 kg RPE 8 (+1 warm-up)": the tooltip, the page, calendar files, report."""
    return f"{e.name} {sets_text(e, units)}".strip()


def exercise_short(e: Exercise, units: Units) -> str:
    """A lift on a card: "Back squat 5 × 5 @ 100 kg", with the heaviest working set's load and the
    range of reps (or of seconds held) when the sets differ."""
    work = e.working_sets or e.sets
    timed = [s.seconds or 0 for s in work if is_timed(s)]
    if len(timed) == len(work):
        amounts, unit = timed, " s"
    else:
        amounts, unit = [s.reps for s in work if not is_timed(s)], ""
    low, high = min(amounts), max(amounts)
    amount = f"{low}{unit}" if low == high else f"{low}-{high}{unit}"
    loads = [s.load_kg for s in work if s.load_kg is not None]
    load = f" @ {format_load(max(loads), units)}" if loads else ""
    return f"{e.name} {len(work)} {TIMES} {amount}{load}"
