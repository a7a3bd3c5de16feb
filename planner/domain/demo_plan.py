"""The demo plan a new user opens: twelve believable weeks of a balanced hybrid athlete.

Why a generated plan and not a stored file: the demo must sit around *today* (six weeks done, six to
come), so its dates move with the clock. Everything else is fixed: a seeded `random.Random` only
varies what was "actually done", so the same `today` always gives the same plan.

The block follows the usual periodisation for a half marathon plus strength:
3 build weeks + 1 deload, twice, then two more build weeks, a peak week and a taper into a race.
Deload weeks carry about 60 % of the load of the weeks around them (sRPE = RPE x minutes,
Foster 2001). The weekly pattern is one a coach would write and the plan check (issue 10) reads
it clean: three hard days a week (quality run with upper body in the evening on Tuesday, heavy legs
on Thursday, the long run on Sunday), never two in a row and never heavy legs the day after a key
run; lifting and running on the same day >= 6 h apart; long runs easy (RPE 4), so about 80 % of
running time is easy (Seiler 2009); a rest day and a mobility session every week.

One finding is kept on purpose, to show the plan check: in week 9 (KEPT_FINDING_WEEK) heavy legs
fall on Wednesday, the day after the intervals (`heavy-legs-after-hard-run`, with its fixes).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from planner.domain.enums import Goal, Kind, Status, Units, WeekStart
from planner.domain.intensity import EASY_MAX_RPE
from planner.domain.profile import Profile
from planner.domain.session import Exercise, Session, Template, WorkSet
from planner.domain.steps import Repeat, fitted
from planner.domain.weeks import week_start

WEEKS = 12
#: Index (0-based) of the week holding `today`: six weeks are history, so charts have data.
TODAY_WEEK = 6
SEED = 4  # chosen so the history shows a few skipped easy sessions, none of them key runs, and no
#          session-RPE noise that reads as "effort above plan on most sessions" (readiness-low)
SKIP_CHANCE = 0.05

AM = dt.time(7, 0)
PM = dt.time(18, 0)
SAT_AM = dt.time(8, 30)
SAT_PM = dt.time(17, 0)

#: Week phases and their volume factor (multiplies easy-run minutes); the long run has its own
#: progression so that it grows by <= 10 % of the previous longest (Frandsen 2025).
PHASES = ("build", "build", "build", "deload", "build", "build", "build", "deload",
          "build", "build", "peak", "taper")
VOLUME = (0.9, 0.95, 1.0, 0.7, 1.0, 1.05, 1.1, 0.7, 1.1, 1.15, 1.15, 0.7)
LONG_RUN_MIN = (80, 85, 90, 70, 95, 100, 105, 80, 110, 115, 120, 0)
#: Long runs at conversational effort: RPE 4 is the top of "easy" (Seiler 2010).
LONG_RUN_RPE = 4.0
#: The week (0-based) that keeps the old pattern on purpose: heavy legs the day after intervals.
KEPT_FINDING_WEEK = 8
#: Working loads on the lifts: a few percent more each build week, lighter on deloads and near
#: the race.
LOAD = (0.95, 0.975, 1.0, 0.85, 0.975, 1.0, 1.025, 0.85, 1.025, 1.05, 0.95, 0.85)
QUALITY = ("intervals-6x800", "hill-repeats", "tempo-3x10", "intervals-6x800",
           "intervals-5x1k", "hill-repeats", "intervals-6x800", "hill-repeats",
           "intervals-5x1k", "intervals-6x800", "intervals-5x1k", "intervals-6x800")

#: A deload week's quality run keeps its pace and does fewer repetitions.
DELOAD_REPEATS = {"intervals-6x800": 4, "intervals-5x1k": 3, "hill-repeats": 6, "tempo-3x10": 2}

DELOAD_NOTE = "Deload week: about 60% of the usual load, so the last three weeks can sink in."
TAPER_NOTE = "Taper: keep a little speed, cut the volume, arrive at the race fresh."


@dataclass(frozen=True, slots=True)
class _Slot:
    """One planned session before it gets a date: which template and how to adjust it."""

    template_id: str
    time: dt.time | None = None
    duration_min: int | None = None  # None: the template's
    rpe: float | None = None  # None: the template's
    title: str | None = None
    load: float = 1.0  # multiplier for working-set loads
    easier: bool = False  # deload/taper lift: one working set fewer, ~2 reps further from failure
    note: str = ""
    repeats: int | None = None  # a structured run's repetitions; None: the template's


def demo_profile() -> Profile:
    """Alex, a balanced hybrid athlete: half marathon in week 12 while keeping strength."""
    return Profile(name="Alex Demo", body_mass_kg=72.0, goal=Goal.BALANCED,
                   week_start=WeekStart.MON, units=Units.METRIC, sweat_rate_l_per_h=1.0)


def demo_start(today: dt.date) -> dt.date:
    """Monday six weeks before the Monday of `today`'s week."""
    return week_start(today, WeekStart.MON) - dt.timedelta(weeks=TODAY_WEEK)


def required_template_ids() -> frozenset[str]:
    """Every library id the demo uses; the built-in library holds them all."""
    ids: set[str] = set()
    for w in range(WEEKS):
        for day in _week_slots(w):
            ids.update(s.template_id for s in day)
    return frozenset(ids)


def generate_demo_plan(
    today: dt.date, library: Sequence[Template]
) -> tuple[Profile, list[Session]]:
    """The demo profile and its twelve-week block, sorted by date and position, ids None.

    Sessions before `today` are done (actual values near the plan, ~5 % skipped); today and later
    are planned. Raises ValueError naming any template id the demo needs that `library` lacks.
    """
    by_id = {t.id: t for t in library}
    missing = sorted(required_template_ids() - by_id.keys())
    if missing:
        raise ValueError(f"the demo plan needs these library templates: {', '.join(missing)}")
    rng = random.Random(SEED)
    first = demo_start(today)
    sessions: list[Session] = []
    for w in range(WEEKS):
        for d, slots in enumerate(_week_slots(w)):
            day = first + dt.timedelta(weeks=w, days=d)
            double = len(slots) > 1
            for pos, slot in enumerate(slots):
                s = _make(by_id[slot.template_id], slot, day, pos, double)
                sessions.append(_with_outcome(s, day < today, rng))
    return demo_profile(), sessions


# -- the weekly pattern ---------------------------------------------------------------------------

def _week_slots(w: int) -> list[list[_Slot]]:
    """Monday..Sunday, each a list of slots in the day's order."""
    phase = PHASES[w]
    if phase == "deload":
        return _deload_week(w)
    if phase == "taper":
        return _taper_week(w)
    return _build_week(w)


def _easy_min(base: int, w: int) -> int:
    return max(20, 5 * round(base * VOLUME[w] / 5))


def _build_week(w: int) -> list[list[_Slot]]:
    """Ten sessions: a quality run, a long run, three lifts (upper, heavy lower, core).

    Tuesday is a hard day (quality run in the morning, upper body in the evening: a hard upper-body
    lift after a hard run is what the source article recommends), Wednesday easy, Thursday heavy
    legs (48 h after the intervals, 72 h before the long run), Friday yoga, Sunday the long run.
    """
    upper = "upper-push" if w % 2 == 0 else "upper-pull"
    if PHASES[w] == "peak":
        lower = _Slot("maintenance-full-body", AM, load=LOAD[w])
    else:
        heavy = "heavy-lower-squat" if w % 2 == 0 else "heavy-lower-deadlift"
        lower = _Slot(heavy, AM, load=LOAD[w])
    sunday = [_Slot("long-run", duration_min=LONG_RUN_MIN[w], rpe=LONG_RUN_RPE)]
    easy = [_Slot("easy-run-strides", AM, duration_min=_easy_min(45, w)), _Slot("core-stability", PM)]
    legs = [lower, _Slot("easy-run", PM, duration_min=_easy_min(40, w))]
    if w == KEPT_FINDING_WEEK:
        easy, legs = legs, easy
    return [
        [_Slot("rest-day")],
        [_Slot(QUALITY[w], AM), _Slot(upper, PM, load=LOAD[w])],
        easy,
        legs,
        [_Slot("yoga-flow")],
        [_Slot("easy-run", duration_min=_easy_min(50, w))],
        sunday,
    ]


def _deload_week(w: int) -> list[list[_Slot]]:
    """Nine lighter sessions: shorter runs, one set fewer and more reps in reserve on the lifts."""
    n = DELOAD_NOTE
    quality = _Slot(QUALITY[w], AM, duration_min=45, rpe=7, note=n, repeats=DELOAD_REPEATS[QUALITY[w]])
    upper = _Slot("upper-pull" if w % 2 == 0 else "upper-push", PM, duration_min=45, rpe=5.5,
                  load=LOAD[w], easier=True, note=n)
    lower = _Slot("heavy-lower-squat", duration_min=55, rpe=6, load=LOAD[w], easier=True, note=n,
                  title="Lower body: squat (deload)")
    return [
        [_Slot("rest-day")],
        [quality, upper],
        [lower],
        [_Slot("easy-run", AM, duration_min=40, note=n),
         _Slot("core-stability", PM, duration_min=20, rpe=4.5)],
        [_Slot("yoga-flow", duration_min=40)],
        [_Slot("hip-mobility")],
        [_Slot("long-run", duration_min=LONG_RUN_MIN[w], rpe=LONG_RUN_RPE, note=n)],
    ]


def _taper_week(w: int) -> list[list[_Slot]]:
    """Race week: short sharpening, maintenance lifting early in the week, the half on Sunday."""
    n = TAPER_NOTE
    return [
        [_Slot("rest-day")],
        [_Slot("intervals-6x800", AM, duration_min=40, rpe=7.5, title="Intervals 4 x 800 m",
               note=n, repeats=4),
         _Slot("core-stability", PM, duration_min=20, rpe=4.5)],
        [_Slot("maintenance-full-body", AM, duration_min=35, rpe=5, load=LOAD[w], easier=True,
               note=n),
         _Slot("easy-run", PM, duration_min=30)],
        [_Slot("easy-run-strides", duration_min=35)],
        [_Slot("hip-mobility")],
        [_Slot("recovery-run", duration_min=20, title="Shakeout run",
               note="20 easy minutes and four relaxed strides; lay out race kit tonight.")],
        [_Slot("race-half-marathon")],
    ]


# -- turning a slot into a session ---------------------------------------------------------------

def _make(t: Template, slot: _Slot, day: dt.date, position: int, double: bool) -> Session:
    s = t.to_session(day, position)
    changes: dict[str, object] = {}
    if double:
        changes["time"] = slot.time
    if t.steps and (slot.repeats is not None or slot.duration_min is not None):
        changes["steps"] = fitted(t.steps, slot.duration_min or t.duration_min, slot.repeats)
    if slot.duration_min is not None and slot.duration_min != t.duration_min:
        changes["duration_min"] = slot.duration_min
        if t.distance_km is not None:
            changes["distance_km"] = round(t.distance_km * slot.duration_min / t.duration_min, 1)
    if slot.rpe is not None:
        changes["rpe"] = slot.rpe
    if slot.title:
        changes["title"] = slot.title
    elif slot.repeats is not None:
        old = next((i.times for i in t.steps if isinstance(i, Repeat)), None)
        changes["title"] = t.title.replace(f"{old} x ", f"{slot.repeats} x ", 1)
    if slot.note:
        changes["notes"] = f"{slot.note} {t.notes}".strip()
    if t.exercises and (slot.load != 1.0 or slot.easier):
        changes["exercises"] = tuple(_adjust(e, slot.load, slot.easier) for e in t.exercises)
    if slot.easier and slot.title is None and slot.template_id != "maintenance-full-body":
        changes["title"] = f"{t.title} (deload)"
    return s.replace(**changes) if changes else s


def _adjust(e: Exercise, load: float, easier: bool) -> Exercise:
    """Scale working loads (rounded to plates); when easier, drop a working set and back off."""
    warmups = [s for s in e.sets if s.warmup]
    working = list(e.working_sets)
    if easier and len(working) > 1:
        working = working[:-1]
    out = [*warmups, *(_adjust_set(s, load, easier) for s in working)]
    return dataclasses.replace(e, sets=tuple(out))


def _adjust_set(s: WorkSet, load: float, easier: bool) -> WorkSet:
    load_kg = _plate(s.load_kg * load) if s.load_kg is not None and load != 1.0 else s.load_kg
    rpe, rir = s.rpe, s.rir
    if easier:
        rpe = max(1.0, rpe - 1.5) if rpe is not None else None
        rir = min(10, rir + 2) if rir is not None else None
    if (load_kg, rpe, rir) == (s.load_kg, s.rpe, s.rir):
        return s
    return WorkSet(reps=s.reps, load_kg=load_kg, rpe=rpe, rir=rir, warmup=s.warmup)


def _plate(kg: float) -> float:
    """Barbell loads in 2.5 kg steps, light dumbbells in 1 kg steps."""
    if kg >= 30:
        return round(kg / 2.5) * 2.5
    return float(max(1, round(kg)))


def _with_outcome(s: Session, past: bool, rng: random.Random) -> Session:
    """Mark past sessions done with plausible actuals (or skipped).

    Draws the same numbers whether or not the session is past, so which sessions are skipped does
    not shift when `today` moves within the block.
    """
    skip = rng.random()
    dur_f = rng.uniform(0.9, 1.08)
    rpe_d = rng.choice((-1.0, -0.5, -0.5, 0.0, 0.0, 0.0, 0.5, 1.0))
    dist_f = rng.uniform(0.97, 1.03)
    if not past:
        return s
    if s.kind is Kind.REST:
        return s.replace(status=Status.DONE)
    if skip < SKIP_CHANCE:
        return s.replace(status=Status.SKIPPED)
    duration = max(1, round(s.duration_min * dur_f))
    distance = None
    if s.distance_km is not None:  # the planned route, give or take 1 %; the pace varies
        distance = round(s.distance_km * (1 + (dist_f - 1) / 3), 1)
    top = EASY_MAX_RPE if s.rpe <= EASY_MAX_RPE else 10.0  # easy sessions were kept easy
    return s.replace(status=Status.DONE, actual_duration_min=duration,
                     actual_rpe=min(top, max(0.0, s.rpe + rpe_d)), actual_distance_km=distance)
