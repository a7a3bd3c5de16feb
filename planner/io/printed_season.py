"""What a printed season shows, as plain data: the page only lays it out. No Qt.

A block of weeks on paper: each week a heading (its name, dates and the summary the season view
shows beside it: build, deload or taper; km; tonnage and hard sets; load and its change), then one
line per day naming every session with its duration and distance or tonnage. Done sessions are
ticked and skipped ones marked in words, so a black-and-white printer loses nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planner.domain.enums import Kind, Status, Units
from planner.domain.profile import Profile
from planner.domain.season import WeekSummary
from planner.domain.session import Session
from planner.domain.weeks import iso_week_name, week_days
from planner.io.printed_week import SessionsBetween
from planner.words.cards import summary_line
from planner.words.dates import long_date, short_date
from planner.words.labels import GOAL_WORDS
from planner.words.season import summary_lines

REST = "rest"


@dataclass(frozen=True, slots=True)
class SeasonDay:
    label: str  # "Mon 23 Nov"
    line: str  # "Easy run (45 min · 8 km); ✓ Upper body (50 min · 4,374 kg)", or "rest"


@dataclass(frozen=True, slots=True)
class SeasonWeek:
    title: str  # "2026-W48 · 23 Nov – 29 Nov"
    summary: str  # "Build · Run 0/54.6 km · Lift 11,584 kg · 37 hard sets · Load 2,485 AU +11 %"
    days: tuple[SeasonDay, ...]


@dataclass(frozen=True, slots=True)
class PrintedSeason:
    title: str  # "Season · 12 weeks from Mon 23 Nov 2026"
    athlete: str
    goal: str
    weeks: tuple[SeasonWeek, ...]


def session_words(s: Session, units: Units) -> str:
    """A session in a day's line: its title, then duration and distance or tonnage."""
    mark = "\u2713 " if s.status is Status.DONE else ""
    skipped = " (skipped)" if s.status is Status.SKIPPED else ""
    detail = summary_line(s, units) if s.kind is not Kind.REST else ""
    detail = f" ({detail})" if detail else ""
    return f"{mark}{s.title}{detail}{skipped}"


def build_printed_season(first: dt.date, sessions_between: SessionsBetween, profile: Profile,
                         summaries: Sequence[WeekSummary]) -> PrintedSeason:
    """The weeks of `summaries` (consecutive, from `first`), each with its days' sessions."""
    units = profile.units
    weeks = []
    for summary in summaries:
        days = week_days(summary.first_day)
        sessions = sessions_between(days[0], days[-1])
        lines = []
        for day in days:
            on_day = sorted((s for s in sessions if s.date == day), key=lambda s: (s.position, s.id or 0))
            lines.append(SeasonDay(short_date(day), "; ".join(session_words(s, units) for s in on_day) or REST))
        words = summary_lines(summary, units)
        weeks.append(SeasonWeek(f"{iso_week_name(days[0])} · {short_date(days[0])} – {short_date(days[-1])}",
                                " · ".join(words), tuple(lines)))
    return PrintedSeason(f"Season · {len(weeks)} week{'s' if len(weeks) != 1 else ''} from {long_date(first)}",
                         profile.name, GOAL_WORDS[profile.goal], tuple(weeks))
