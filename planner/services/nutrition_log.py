"""The nutrition log (what was eaten and drunk per day) as plain operations over the store.

No Qt: the window's undo adapter wraps `set_intake` (do) and `put_intake` (undo/redo with the
records it returned); the command line can call them as they are. The caller broadcasts
`Changes(logs=True)` and the day's date afterwards.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.errors import ValidationError
from planner.domain.profile import NutritionLog
from planner.services.changes import Changes
from planner.services.operations import StateOp
from planner.services.runner import Runner
from planner.store.store import Store

IntakeRecord = NutritionLog | None


def is_empty(log: NutritionLog) -> bool:
    return all(v is None for v in (log.carb_g, log.protein_g, log.fat_g, log.fluid_l))


def set_intake(store: Store, day: dt.date, intake: NutritionLog | None) -> tuple[IntakeRecord, IntakeRecord]:
    """Store what was taken on `day` (None, or a log with nothing in it, removes the day's record).

    Returns (before, after): `put_intake(store, day, before)` undoes it, `put_intake(store, day,
    after)` redoes it. The log is validated by its constructor before anything is written.
    """
    if intake is not None and intake.date != day:
        raise ValidationError("date", f"the log is for {intake.date}, not {day}")
    after = None if intake is None or is_empty(intake) else intake
    before = store.nutrition.get(day)
    if before != after:
        put_intake(store, day, after)
    return before, after


def put_intake(store: Store, day: dt.date, record: IntakeRecord) -> None:
    """Write one day's record as it is (one atomic save); the undo adapter's apply step."""
    store.nutrition.put(day, record)


def intake_between(store: Store, first: dt.date, last: dt.date) -> dict[dt.date, NutritionLog]:
    """The logged days from `first` to `last` (both included)."""
    return {log.date: log for log in store.nutrition.between(first, last)}


def log_intake(runner: Runner, day: dt.date, intake: NutritionLog | None) -> bool:
    """What was taken on `day`, as one undoable change (the window) or one save (the command line)."""
    if intake is not None and intake.date != day:
        raise ValidationError("date", f"the log is for {intake.date}, not {day}")
    after = None if intake is None or is_empty(intake) else intake
    before = runner.store.nutrition.get(day)
    if before == after:
        return True

    def write(store: Store, record: IntakeRecord) -> None:
        put_intake(store, day, record)

    text = f"Log food and drink for {day:%a %d %b}" if after is not None else f"Clear the food log of {day:%a %d %b}"
    return runner.run(StateOp(text, write, before, after, Changes(logs=True)))
