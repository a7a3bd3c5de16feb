"""Readiness log writes: one StateOp per day, undoable, broadcast as Changes(logs=True)."""

from __future__ import annotations

import datetime as dt

from planner.domain.profile import ReadinessEntry
from planner.services.changes import Changes
from planner.services.operations import StateOp
from planner.services.runner import Runner
from planner.store.store import Store


def _write(day: dt.date):  # noqa: ANN202 - a small closure
    def write(store: Store, entry: ReadinessEntry | None) -> None:
        store.readiness.put(day, entry)
    return write


class ReadinessService:
    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.store = runner.store

    def get(self, day: dt.date) -> ReadinessEntry | None:
        return self.store.readiness.get(day)

    def set(self, day: dt.date, entry: ReadinessEntry | None) -> bool:
        """Store the day's entry (None, or an entry with no values: remove it)."""
        if entry is not None and entry.date != day:
            raise ValueError("the entry's date must be the day it is stored on")
        if entry is not None and is_empty(entry):
            entry = None
        before = self.store.readiness.get(day)
        if before == entry:
            return True
        verb = "Clear" if entry is None else "Log"
        text = f"{verb} readiness for {day:%a} {day.day} {day:%b}"
        return self.runner.run(StateOp(text, _write(day), before, entry, Changes(logs=True)))


def is_empty(e: ReadinessEntry) -> bool:
    return all(v is None for v in (e.sleep_h, e.fatigue, e.soreness, e.mood, e.resting_hr))


def readiness_summary(e: ReadinessEntry | None) -> str:
    """What the day header shows, e.g. "Sleep 7.5 h · fatigue 3 · soreness 2 · mood 4 · RHR 52"."""
    if e is None:
        return ""
    parts = []
    if e.sleep_h is not None:
        parts.append(f"Sleep {e.sleep_h:g} h")
    for name in ("fatigue", "soreness", "mood"):
        v = getattr(e, name)
        if v is not None:
            parts.append(f"{name} {v}")
    if e.resting_hr is not None:
        parts.append(f"RHR {e.resting_hr}")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]
