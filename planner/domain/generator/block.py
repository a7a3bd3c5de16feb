"""The generator: a periodized hybrid block from a `GeneratorInput`, checked by the plan check.

Weeks: build weeks and lighter weeks at about 60 % of the volume, after at most 3 build weeks for a
new lifter and 4 otherwise (a convention; strength athletes report a deload about every 5-6 weeks,
Rogerson 2024); a block that ends in a race ends with a 2-week taper that cuts volume by 40-50 % and
keeps intensity and frequency (Bosquet 2007).

Running volume: each build week adds at most 5/8/10 % (new/some/experienced) to the last build
week, so never more than 30 % over two weeks: a convention with weak evidence (Nielsen 2014, HR
1.59, p = 0.07; Buist 2008 found the 10 % rule no better). After a lighter week the plan returns to
the level of the last build week. Every run stays within 1.1 x the longest run of the 30 days
before it (Frandsen 2025), and at most about 20 % of running time is above easy (Seiler 2010).

The block is then read by the plan check (planner/domain/rules) exactly as the window would read
it; a warning or an alert there is a bug here, and `generate` raises rather than return it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from planner.domain.enums import Experience, Goal, Kind, RunType
from planner.domain.generator import lifts, runs
from planner.domain.generator.inputs import MIN_RUN_KM, GeneratorError, GeneratorInput
from planner.domain.generator.pattern import Pattern, Role, build_pattern, gap_notes
from planner.domain.rules.load_rules import BUILD_LIMIT
from planner.domain.session import Session, SessionContent
from planner.domain.weeks import week_start

DAY = dt.timedelta(days=1)
GROWTH = {Experience.NEW: 0.05, Experience.SOME: 0.08, Experience.EXPERIENCED: 0.10}
DELOAD_SHARE = 0.6
#: The plan check counts a week as lighter at <= 80 % of the load of the build weeks before it
#: (rules/load_rules.py); the generator keeps a margin.
LIGHTER_LOAD = 0.75
TAPER_SHARES = (0.6, 0.5)  # Bosquet 2007: volume -41-60 %
LONG_SHARE = {2: 0.45, 3: 0.35}
LONG_SHARE_DEFAULT = 0.30
RACE_LONG_SHARE = 0.45
#: "at most about 20-25 %" of running time above easy (Seiler 2010), held in every week, so in every
#: two weeks too (the plan check reads two); not for lift focus, where one hard run a week is the rule.
ABOVE_EASY_TARGET = 0.25
SPIKE = 1.1  # Frandsen 2025
SPIKE_DAYS = 30
QUALITY_ROTATION = {Goal.RUN: (RunType.INTERVALS, RunType.TEMPO, RunType.HILLS),
                    Goal.BALANCED: (RunType.TEMPO, RunType.INTERVALS, RunType.HILLS),
                    Goal.LIFT: (RunType.INTERVALS, RunType.HILLS)}
MOBILITY = SessionContent(kind=Kind.MOBILITY, title="Hip mobility and foam rolling", duration_min=20, rpe=2.0,
                          type="mobility", notes="90/90 switches, couch stretch, foam roller on calves and quads. "
                          "For range of motion and how running feels, not injury prevention: stretching did not "
                          "reduce injuries in trials (Lauersen 2014).")


@dataclass(frozen=True, slots=True)
class Week:
    number: int  # 1-based
    first: dt.date
    kind: str  # "build", "deload", "taper", "race"
    step: int  # 0-based position within its build phase
    phase: int
    km: float
    run_min: int
    above_easy_min: int
    long_km: float
    load_au: float
    tonnage_kg: float
    sessions: int

    @property
    def label(self) -> str:
        words = {"build": f"build {self.step + 1}", "deload": "deload", "taper": "taper", "race": "taper, race"}
        return words[self.kind]


@dataclass(frozen=True, slots=True)
class Block:
    inputs: GeneratorInput
    first: dt.date
    last: dt.date
    sessions: tuple[Session, ...]
    weeks: tuple[Week, ...]
    pattern: Pattern
    notes: tuple[str, ...]


def week_kinds(x: GeneratorInput) -> list[tuple[str, int, int]]:
    """(kind, step in phase, phase) per week: build phases of at most BUILD_LIMIT weeks with a deload
    between them, as even as they can be (longer ones first), then the taper when there is a race."""
    limit = BUILD_LIMIT[x.experience]
    n = x.weeks - (2 if x.race_km is not None else 0)
    k = 1
    while n - (k - 1) > k * limit:
        k += 1
    builds = n - (k - 1)
    sizes = [builds // k + (i < builds % k) for i in range(k)]
    out: list[tuple[str, int, int]] = []
    for phase, size in enumerate(sizes):
        out += [("build", step, phase) for step in range(size)]
        if phase < k - 1:
            out.append(("deload", size, phase))
    if x.race_km is not None:
        out += [("taper", sizes[-1], k - 1), ("race", sizes[-1], k - 1)]
    return out


def generate(x: GeneratorInput, history: Sequence[tuple[dt.date, float]] = ()) -> Block:
    """The block; `history` holds (date, km) of runs already in the plan before the start, which the
    plan check will see too. Raises GeneratorError when no clean block exists."""
    pattern = build_pattern(x)
    first = week_start(x.start, x.week_start)
    if first < x.start:
        first += 7 * DAY
    ctx = _Runs(x, history, first)
    sessions: list[Session] = []
    weeks: list[Week] = []
    last_build = x.weekly_km
    for n, (kind, step, phase) in enumerate(week_kinds(x)):
        monday = first + 7 * n * DAY
        if kind == "build":
            target = x.weekly_km if n == 0 else last_build * (1 + GROWTH[x.experience] * (weeks[-1].kind == "build"))
        elif kind == "deload":
            target = DELOAD_SHARE * last_build
        else:
            target = TAPER_SHARES[0 if kind == "taper" else 1] * last_build
        mark = len(ctx.done)
        week_sessions = _week(x, pattern, ctx, monday, kind, step, phase, target)
        streak = [w.load_au for w in _streak(weeks)]
        for _ in range(8):  # a lighter week must read lighter to the plan check: load <= 75 % of the streak's
            load = sum(s.rpe * s.duration_min for s in week_sessions)
            if kind == "build" or not streak or load <= LIGHTER_LOAD * sum(streak) / len(streak):
                break
            del ctx.done[mark:]
            target *= 0.8
            week_sessions = _week(x, pattern, ctx, monday, kind, step, phase, target, floor=1.0)
        sessions += week_sessions
        weeks.append(_summary(n + 1, monday, kind, step, phase, week_sessions))
        if kind == "build":
            last_build = weeks[-1].km
    notes = list(pattern.notes)
    if weeks[0].km < 0.9 * x.weekly_km:
        notes.append(f"Week 1 holds {weeks[0].km:g} km rather than {x.weekly_km:g}: easy runs stay under 70 min, long "
                     "runs under 150 min, and every run within 1.1 x the longest of the 30 days before it "
                     "(the plan check sees only runs in the plan).")
    if x.easy_pace_s is None:
        notes.append(f"No easy pace given: paces assume {runs.pace_text(x.easy_pace)} for easy running; "
                     "adjust the targets to yours.")
    missing = [m for m in lifts_needed(pattern, x.goal) if m not in x.one_rm]
    if missing:
        notes.append(f"No one-rep max for {', '.join(missing)}: those sets carry RPE targets without a load.")
    block = Block(x, first, first + (7 * len(weeks) - 1) * DAY, tuple(sessions), tuple(weeks), pattern, tuple(notes))
    return block


def lifts_needed(pattern: Pattern, goal: Goal) -> list[str]:
    seen: dict[str, None] = {}
    for role in (Role.HEAVY, Role.UPPER, Role.LIGHT):
        for i in range(pattern.count(role)):
            for m in lifts.plan_for(role, goal, i).moves:
                if m.lift:
                    seen[m.lift] = None
    return list(seen)


class _Runs:
    """The runs written so far, for the 1.1 x rule over the previous 30 days."""

    def __init__(self, x: GeneratorInput, history: Sequence[tuple[dt.date, float]], first: dt.date) -> None:
        self.x, self.first = x, first
        self.done: list[tuple[dt.date, float]] = list(history)

    def add(self, day: dt.date, km: float) -> None:
        self.done.append((day, km))


def _streak(weeks: list[Week]) -> list[Week]:
    """The build weeks since the last lighter week."""
    out: list[Week] = []
    for w in weeks:
        out = [*out, w] if w.kind == "build" else []
    return out


def _week(x: GeneratorInput, pattern: Pattern, ctx: _Runs, monday: dt.date, kind: str, step: int, phase: int,
          target_km: float, floor: float = MIN_RUN_KM) -> list[Session]:
    days = [(monday + k * DAY) for k in range(7)]
    roles = {d: pattern.days[d.weekday()] for d in days}
    run_days = [(d, r) for d in days for r in roles[d] if r.is_run]
    race_day = _race_day(run_days) if kind == "race" else None
    rotation = QUALITY_ROTATION[x.goal] if x.experience is not Experience.NEW else (RunType.TEMPO, RunType.HILLS)
    q_step = step if kind == "build" else max(0, step - 2)
    for reps_down in range(0, 12):
        contents = _runs_of_week(x, ctx, run_days, rotation, monday, target_km, q_step, reps_down, race_day,
                                 kind == "build", floor)
        if contents is not None:
            break
    else:  # pragma: no cover - the strides fallback always fits
        raise GeneratorError("internal: no running week fits")
    out: list[Session] = []
    gaps = gap_notes(pattern)
    counts: dict[Role, int] = {}
    lift_week = lifts.LiftWeek(step, phase, kind)
    for d in days:
        for pos, role in enumerate(roles[d]):
            if role.is_run:
                content = contents[d]
            elif role is Role.MOBILITY:
                content = MOBILITY
            else:
                i = counts.get(role, 0)
                counts[role] = i + 1
                content = lifts.session(role, x.goal, i, lift_week, x.one_rm)
                if race_day is not None:
                    content = _light(content)
            offset, gap = gaps.get((d.weekday(), role), (0, ""))
            other = d + offset * DAY
            if gap and content.kind in (Kind.RUN, Kind.LIFT) and content.type != "race" and \
                    ctx.first <= other < ctx.first + 7 * x.weeks * DAY:
                content = replace(content, notes=f"{content.notes} {gap}".strip())
            out.append(Session(**{f: getattr(content, f) for f in _FIELDS}, date=d, position=pos))
    for d, _ in run_days:
        if d in contents:
            ctx.add(d, contents[d].distance_km or 0.0)
    return out


def _race_day(run_days: list[tuple[dt.date, Role]]) -> dt.date:
    """The race takes the long run's place (or a hard run's): a day the pattern already keeps apart
    from heavy legs and other hard days."""
    for role in (Role.LONG, Role.QUALITY):
        found = [d for d, r in run_days if r is role]
        if found:
            return found[-1]
    raise GeneratorError("A race needs a long-run or hard-run day in the week, and this pattern has neither.",
                         ("plan 2 runs a week or more", "leave the race out"))


_FIELDS = ("kind", "title", "duration_min", "rpe", "type", "distance_km", "target", "exercises", "notes")


def _light(content: SessionContent) -> SessionContent:
    """Race week: lifts stay but stay easy."""
    return replace(content, rpe=min(content.rpe, 5.0))


def _runs_of_week(x: GeneratorInput, ctx: _Runs, run_days: list[tuple[dt.date, Role]], rotation: tuple[RunType, ...],
                  monday: dt.date, target_km: float, q_step: int, reps_down: int,
                  race_day: dt.date | None, build: bool = True,
                  floor: float = MIN_RUN_KM) -> dict[dt.date, SessionContent] | None:
    pace = x.easy_pace
    week_no = (monday - ctx.x.start).days // 7
    qualities: dict[dt.date, runs.Quality | None] = {}
    for k, d in enumerate(d for d, r in run_days if r is Role.QUALITY):
        kind = rotation[(week_no + k) % len(rotation)]
        q = runs.quality(kind, q_step)
        reps = q.reps - reps_down
        qualities[d] = None if reps < 2 else runs.Quality(q.type, reps, q.work_min, q.rest_min, q.pace_delta, q.rpe)
        if race_day is not None and x.goal is Goal.LIFT:
            qualities[d] = None  # lift focus: the race is the week's one hard run
    n_runs = len(run_days)
    share = LONG_SHARE.get(n_runs, LONG_SHARE_DEFAULT)
    has_long = any(r is Role.LONG for _, r in run_days)
    q_km = sum(q.km(pace) for q in qualities.values() if q is not None)
    long_km = share * target_km if has_long else 0.0
    if has_long and x.race_km and build:  # build the long run towards the race, up to 45 % of the week
        long_km = max(long_km, min(x.race_km, RACE_LONG_SHARE * target_km))
    n_easy = n_runs - int(has_long) - sum(q is not None for q in qualities.values())
    if race_day is not None:
        long_km = x.race_km or 0.0  # the race takes the long run's place and its share of the week
    elif has_long:  # what the 1.1 x rule will allow the long run, so the easy runs carry the rest
        prev = [km for d, km in ctx.done if monday - SPIKE_DAYS * DAY <= d < monday]
        long_km = min(long_km, runs.long_km_cap(pace), SPIKE * max(prev) if prev else long_km)
        first_is_long = run_days[0][1] is Role.LONG
        if not prev and not first_is_long and n_easy:  # week 1, nothing before it: 1.1 x this week's runs
            long_km = min(long_km, SPIKE * (target_km - q_km) / (n_easy + SPIKE))
    easy_km = (target_km - long_km - q_km) / n_easy if n_easy else 0.0
    if has_long and race_day is None and easy_km > long_km:  # the long run is never shorter than an easy run
        long_km = easy_km = (target_km - q_km) / (n_easy + 1)
    out: dict[dt.date, SessionContent] = {}
    written: list[tuple[dt.date, float]] = []
    for d, r in run_days:
        cap = _cap(ctx, written, d)
        if d == race_day:
            km = x.race_km or 0.0
            if km > cap + 1e-9:
                need = math.ceil(km / SPIKE * 10 - 1e-9) / 10
                raise GeneratorError(
                    f"A {km:g} km race needs a run of at least {need:g} km in the 30 days before it"
                    f" (each run within 1.1 x the longest of the previous 30 days, Frandsen 2025); this "
                    f"block reaches {max((k for _, k in ctx.done + written), default=0):g} km.",
                    ("plan more weeks", "start from a higher weekly km or a longer recent run",
                     "choose a shorter race"))
            out[d] = runs.race_session(km, pace)
        elif race_day is not None and d > race_day:
            out[d] = runs.easy_session(runs.floor_km(min(MIN_RUN_KM, cap)), pace, "The days after the race: easy.")
        elif r is Role.LONG:
            km = runs.floor_km(min(max(long_km, easy_km, floor), cap, runs.long_km_cap(pace)))
            out[d] = runs.long_session(km, pace)
        elif r is Role.QUALITY and (hard := qualities[d]) is not None:
            if hard.km(pace) > cap:
                return None
            out[d] = runs.quality_session(hard, pace)
        else:
            km = runs.floor_km(min(max(easy_km, floor), cap, runs.easy_km_cap(pace)))
            out[d] = runs.easy_session(km, pace, strides=r is Role.QUALITY)
        written.append((d, out[d].distance_km or 0.0))
    total = sum(c.duration_min for c in out.values())
    above = sum(c.duration_min for c in out.values() if c.type in ("tempo", "intervals", "hills"))
    if x.goal is not Goal.LIFT and total and above > ABOVE_EASY_TARGET * total:
        return None
    if above and sum(c.distance_km or 0.0 for c in out.values()) > target_km + 0.05:
        return None  # too much for the week's volume: fewer or no repetitions
    return out


def _cap(ctx: _Runs, written: list[tuple[dt.date, float]], day: dt.date) -> float:
    prev = [km for d, km in ctx.done + written if day - SPIKE_DAYS * DAY <= d < day]
    base = max(prev) if prev else ctx.x.longest_run_km
    return runs.floor_km(SPIKE * base)


def _summary(n: int, first: dt.date, kind: str, step: int, phase: int, ss: list[Session]) -> Week:
    rs = [s for s in ss if s.kind is Kind.RUN]
    return Week(n, first, kind, step, phase, round(sum(s.distance_km or 0.0 for s in rs), 1),
                sum(s.duration_min for s in rs),
                sum(s.duration_min for s in rs if s.type in ("tempo", "intervals", "hills", "race")),
                max((s.distance_km or 0.0 for s in rs if s.type in ("long", "race")), default=0.0),
                float(sum(s.rpe * s.duration_min for s in ss)), sum(s.tonnage_kg for s in ss), len(ss))
