"""What a printed week shows, as plain data built from the store: the page only lays it out. No Qt.

Three parts come from engines other issues add (daily nutrition targets, load totals, plan-check
findings). Each is an optional field of `PrintedWeek`, filled by an optional source in `Extras`;
a part that is None is left off the page, so the page works today and grows as they land:

    extras = Extras(nutrition=my_targets, load=my_load_lines, findings=my_findings)
    build_printed_week(first_day, store.sessions.between, store.profile.get(), extras)

Build, deload or taper: the week's session-RPE load (RPE x minutes, Foster 2001) against the mean
of the three weeks before it, by the season view's own test (planner/domain/season.py `week_phase`):
under 80 % it is a lighter week, a taper when a race falls in it or in the two weeks after, else a
deload. The 80 % line is an app convention, not a published threshold: deload weeks are usually
planned at about 50-70 % of the load around them (the demo plan's carry about 60 %).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from planner.domain.enums import Kind, Status, Units
from planner.domain.paces import TrainingPaces
from planner.domain.profile import Profile
from planner.domain.season import HISTORY_WEEKS, Phase, race_ahead, week_phase
from planner.domain.session import Session
from planner.domain.totals import week_totals
from planner.domain.weeks import iso_week_name, week_days, week_start
from planner.words.dates import long_date
from planner.words.fluid import fluid_range_text
from planner.words.labels import GOAL_WORDS
from planner.words.numbers import grouped
from planner.words.paper import detail_lines
from planner.words.quantities import duration_text, format_distance, tonnage_text

SessionsBetween = Callable[[dt.date, dt.date], list[Session]]


@dataclass(frozen=True, slots=True)
class WeekLoad:
    """Session-RPE load of the week and the mean of the `HISTORY_WEEKS` weeks before it (AU), and
    whether a race falls in the week or the two after (a lighter week is then a taper)."""

    load: float
    previous_mean: float
    race_ahead: bool = False

    @property
    def ratio(self) -> float:
        return self.load / self.previous_mean

    @property
    def phase(self) -> Phase:
        return week_phase(self.load, self.previous_mean, self.race_ahead) or Phase.BUILD

    def text(self) -> str:
        """ "Build week · load 2,340 AU, 112 % of the 3 weeks before (session RPE x min, Foster 2001)"."""
        return (f"{self.phase.value.title()} week · load {round(self.load):,} AU, "
                f"{round(self.ratio * 100)} % of the {HISTORY_WEEKS} weeks before (session RPE × min, Foster 2001)")


@dataclass(frozen=True, slots=True)
class PrintedSession:
    id: int | None
    title: str
    kind: Kind
    time: str  # "07:00", or "" when the session has no time of day
    lines: tuple[str, ...]
    notes: str
    status: Status


Amount = float | tuple[float, float] | None  # one number, or a (low, high) range


@dataclass(frozen=True, slots=True)
class DayNutrition:
    """One day's targets from the nutrition engine; any value may be missing or a range."""

    carb_g: Amount = None
    protein_g: Amount = None
    fat_g: Amount = None
    fluid_l: Amount = None
    note: str = ""  # what kind of day it is, e.g. "About an hour of training"

    def lines(self, units: Units = Units.METRIC) -> tuple[str, ...]:
        """ "Carbs 350–490 g", "Protein 98–140 g", "Fat 60–95 g", "Fluid 2.58–2.75 L" (or
        "87–93 fl oz" in imperial units), the note."""
        grams = [(self.carb_g, "Carbs"), (self.protein_g, "Protein"), (self.fat_g, "Fat")]
        lines = [f"{word} {_grams(v)} g" for v, word in grams if v is not None]
        if self.fluid_l is not None:
            lo, hi = self.fluid_l if isinstance(self.fluid_l, tuple) else (self.fluid_l, self.fluid_l)
            lines.append(f"Fluid {fluid_range_text(lo, hi, units)}")
        if self.note:
            lines.append(self.note)
        return tuple(lines)


def _grams(value: float | tuple[float, float]) -> str:
    lo, hi = (grouped(x) for x in (value if isinstance(value, tuple) else (value, value)))
    return lo if lo == hi else f"{lo}–{hi}"


@dataclass(frozen=True, slots=True)
class Finding:
    """A plan-check finding as printed: "Warning", "Note", ...; the day it concerns, if one."""

    severity: str
    text: str
    day: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PrintedDay:
    date: dt.date
    sessions: tuple[PrintedSession, ...]


@dataclass(frozen=True)
class PrintedWeek:
    athlete: str
    goal: str
    units: Units
    first_day: dt.date
    days: tuple[PrintedDay, ...]
    totals: tuple[tuple[str, str], ...]
    load: WeekLoad | None = None
    nutrition_by_day: Mapping[dt.date, DayNutrition] | None = None
    load_totals: tuple[tuple[str, str], ...] | None = None
    findings: tuple[Finding, ...] | None = None
    sources: tuple[str, ...] = ()  # where the printed numbers come from, printed under the totals
    paces: str = ""  # the athlete's training paces from their recent race (Daniels 2014), in the header

    @property
    def last_day(self) -> dt.date:
        return self.first_day + dt.timedelta(days=6)

    @property
    def title(self) -> str:
        """ "Week 2026-W48" for a Monday week; a Sunday week spans two ISO weeks, so its dates."""
        if self.first_day.weekday() == 0:
            return f"Week {iso_week_name(self.first_day)}"
        return f"Week of {long_date(self.first_day)}"

    @property
    def dates(self) -> str:
        return f"{long_date(self.first_day)} – {long_date(self.last_day)}"

    @property
    def sessions(self) -> tuple[PrintedSession, ...]:
        return tuple(s for d in self.days for s in d.sessions)


NutritionSource = Callable[[Sequence[dt.date], SessionsBetween, Profile], Mapping[dt.date, DayNutrition]]
LoadSource = Callable[[dt.date, SessionsBetween, Profile], Sequence[tuple[str, str]]]
FindingsSource = Callable[[dt.date, SessionsBetween, Profile], Sequence[Finding]]


@dataclass(frozen=True)
class Extras:
    """Hooks for the engines of later issues; each takes the week and returns its part."""

    nutrition: NutritionSource | None = None
    load: LoadSource | None = None
    findings: FindingsSource | None = None
    sources: tuple[str, ...] = ()  # citations for what these engines print


def first_day_of_week(day: dt.date, profile: Profile) -> dt.date:
    return week_start(day, profile.week_start)


def build_printed_week(
    first_day: dt.date, sessions_between: SessionsBetween, profile: Profile, extras: Extras | None = None
) -> PrintedWeek:
    """The week starting on `first_day` (normally the profile's first day of the week)."""
    extras = extras or Extras()
    days = week_days(first_day)
    sessions = sessions_between(days[0], days[-1])
    units = profile.units
    printed_days = tuple(
        PrintedDay(day, tuple(printed_session(s, units) for s in _ordered(sessions, day))) for day in days
    )
    return PrintedWeek(
        athlete=profile.name,
        goal=GOAL_WORDS[profile.goal],
        units=units,
        first_day=first_day,
        days=printed_days,
        totals=totals_lines(sessions, units),
        load=week_load(first_day, sessions_between),
        nutrition_by_day=extras.nutrition(days, sessions_between, profile) if extras.nutrition else None,
        load_totals=tuple(extras.load(first_day, sessions_between, profile)) if extras.load else None,
        findings=tuple(extras.findings(first_day, sessions_between, profile)) if extras.findings else None,
        sources=(SOURCES, *extras.sources),
        paces=paces_line(profile),
    )


def paces_line(profile: Profile) -> str:
    """The training paces of the profile's recent race, in its units; "" without a race."""
    race = profile.recent_race
    return TrainingPaces.from_race(race).summary(profile.units) if race is not None else ""


def build_printed_weeks(
    day: dt.date, weeks: int, sessions_between: SessionsBetween, profile: Profile, extras: Extras | None = None
) -> list[PrintedWeek]:
    """`weeks` weeks from the one holding `day`, each starting on the profile's first day."""
    if weeks < 1:
        raise ValueError(f"weeks must be 1 or more (got {weeks})")
    first = first_day_of_week(day, profile)
    return [build_printed_week(first + dt.timedelta(weeks=i), sessions_between, profile, extras)
            for i in range(weeks)]


def printed_session(s: Session, units: Units) -> PrintedSession:
    return PrintedSession(
        id=s.id,
        title=s.title,
        kind=s.kind,
        time=s.time.strftime("%H:%M") if s.time else "",
        lines=detail_lines(s, units),
        notes=s.notes.strip(),
        status=s.status,
    )


def _ordered(sessions: Sequence[Session], day: dt.date) -> list[Session]:
    return sorted((s for s in sessions if s.date == day), key=lambda s: (s.position, s.id or 0))


def session_load(s: Session) -> float:
    """Session-RPE load (Foster 2001): RPE x minutes; what was done once done, nothing if skipped."""
    if s.status is Status.SKIPPED:
        return 0.0
    return s.effective_rpe * s.effective_duration_min


def week_load(first_day: dt.date, sessions_between: SessionsBetween) -> WeekLoad | None:
    """None when the weeks before hold no load to compare with (a new plan), or the week none
    (a week off is neither a build nor a deload week of a block)."""
    load = sum(session_load(s) for s in sessions_between(first_day, first_day + dt.timedelta(days=6)))
    before = sessions_between(first_day - dt.timedelta(weeks=HISTORY_WEEKS), first_day - dt.timedelta(days=1))
    previous = sum(session_load(s) for s in before) / HISTORY_WEEKS
    if previous <= 0 or load <= 0:
        return None
    ahead = race_ahead(lambda first: sessions_between(first, first + dt.timedelta(days=6)), first_day)
    return WeekLoad(load, previous, ahead)


def totals_lines(sessions: Sequence[Session], units: Units) -> tuple[tuple[str, str], ...]:
    """The week's totals as (label, value) pairs, from the same `week_totals` as the calendar strip."""
    t = week_totals(sessions)
    done = f", {t.done} done" if t.done else ""
    skipped = f", {t.skipped} skipped" if t.skipped else ""
    lines = [("Sessions", f"{t.sessions}{done}{skipped}")]
    if t.run_sessions:
        lines.append(("Running", f"{format_distance(t.run_km, units)} in {duration_text(t.run_min)} "
                                 f"({t.run_sessions} run{'s' if t.run_sessions != 1 else ''})"))
    if t.lift_sessions or t.lift_tonnage_kg:
        lines.append(("Lifting", f"{tonnage_text(t.lift_tonnage_kg, units)} volume load in "
                                 f"{duration_text(t.lift_min)} ({t.lift_sessions} session"
                                 f"{'s' if t.lift_sessions != 1 else ''})"))
    if t.total_min:
        lines.append(("Training time", duration_text(t.total_min)))
    return tuple(lines)


#: Where the printed numbers come from, printed under the totals (Foster 2001; McBride 2009).
SOURCES = ("Volume load: sets × reps × load of working sets, warm-ups left out (McBride 2009). "
           "Load: session RPE × minutes (Foster 2001).")
