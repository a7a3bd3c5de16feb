"""The words the app shows for its closed sets (kinds, types, statuses, weekdays), written once for
the calendar, the editor, the library, reports and the printed page."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Goal, Kind, Status

KIND_WORDS = {
    Kind.RUN: "Run", Kind.LIFT: "Lift", Kind.MOBILITY: "Mobility", Kind.RECOVERY: "Recovery",
    Kind.REST: "Rest", Kind.OTHER: "Other",
}
#: The library's group headings.
KIND_GROUPS = {
    Kind.RUN: "Running", Kind.LIFT: "Strength", Kind.MOBILITY: "Mobility",
    Kind.RECOVERY: "Recovery", Kind.REST: "Rest", Kind.OTHER: "Other",
}
TYPE_WORDS = {
    "easy": "Easy", "recovery": "Recovery", "long": "Long", "tempo": "Tempo", "intervals": "Intervals",
    "hills": "Hills", "race": "Race", "lower": "Lower body", "upper": "Upper body", "full": "Full body",
    "core": "Core", "yoga": "Yoga", "mobility": "Mobility", "foam_rolling": "Foam rolling",
    "walk": "Walk", "other": "Other",
}
GOAL_WORDS = {
    Goal.RUN: "Weightlifting for running",
    Goal.LIFT: "Running for weightlifters",
    Goal.BALANCED: "Balanced hybrid",
}
STATUS_WORDS = {Status.PLANNED: "Planned", Status.DONE: "Done", Status.SKIPPED: "Skipped"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def type_word(word: str) -> str:
    """A session type as a person reads it ("foam_rolling" -> "Foam rolling")."""
    return TYPE_WORDS.get(word, word.replace("_", " ").capitalize())


def day_name(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]
