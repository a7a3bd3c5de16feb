"""The season view's week summaries, read from the one load service (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from planner.domain.season import WeekSummary, week_summaries
from planner.domain.session import Session
from planner.services.load import LoadService


def season_summaries(load: LoadService, firsts: Sequence[dt.date], today: dt.date) -> list[WeekSummary]:
    """A summary of each week starting on a day of `firsts` (consecutive weeks)."""
    if not firsts:
        return []
    history = load.history(through=firsts[-1] + dt.timedelta(days=6))
    between = load.store.sessions.between
    week = dt.timedelta(days=6)
    cache: dict[dt.date, list[Session]] = {}

    def sessions(first: dt.date) -> list[Session]:
        if first not in cache:
            cache[first] = between(first, first + week)
        return cache[first]

    return week_summaries(firsts, history.week_split, sessions, today)
