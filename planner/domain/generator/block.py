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

Races follow race.py (peak long runs by distance, the long run's share, the strength taper); the race
itself is exempt from the 1.1 x rule, as in the plan check. Logged build weeks just before the block
count towards its first phase, and days kept free (`rest`) carry no run or lift.

The block is then read by the plan check (planner/domain/rules) exactly as the window would read
it; a warning or an alert there is a bug here, and `generate` raises rather than return it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from planner.domain.enums import Experience, Goal, Kind, RunType, Units
from planner.domain.generator import lifts, race, runs
from planner.domain.generator.inputs import MIN_RUN_KM, GeneratorError, GeneratorInput
from planner.domain.generator.pattern import Pattern, Role, build_pattern, gap_notes
from planner.domain.generator.race import GROWTH
from planner.domain.generator.week_runs import RunLog, WeekAsk, runs_of_week
from planner.domain.rules.load_rules import BUILD_LIMIT
from planner.domain.session import Session, SessionContent
from planner.domain.weeks import week_start

DAY = dt.timedelta(days=1)
#: The plan check counts a week as lighter at <= 80 % of the load of the build weeks before it
#: (rules/load_rules.py); the generator keeps a margin.
LIGHTER_LOAD = 0.75
#: Strength sessions a race week keeps, at maintenance (the plan check's goal rule).
RACE_WEEK_LIFTS = {Goal.RUN: 2, Goal.BALANCED: 1, Goal.LIFT: 1}
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


def week_kinds(x: GeneratorInput, weeks: int | None = None) -> list[tuple[str, int, int]]:
    """(kind, step in phase, phase) per week: build phases of at most BUILD_LIMIT weeks with a deload
    between them, as even as they can be (longer ones first), then the taper when there is a race.
    With `x.prior_builds` build weeks already in the log, the first phase only finishes theirs."""
    limit = BUILD_LIMIT[x.experience]
    n = (weeks or x.weeks) - (2 if x.race_km is not None else 0)
    prior = min(x.prior_builds, limit)
    out: list[tuple[str, int, int]] = []
    if prior:
        out += [("build", prior + step, 0) for step in range(min(limit - prior, n))]
        if len(out) < n:
            out.append(("deload", limit, 0))
    phases = _phases(n - len(out), limit, 1 if prior else 0)
    out += phases
    first = x.skip_weeks
    if x.lighter_first and first < n and out[first][0] == "build":  # the readiness log asks for a lighter week
        # With no build weeks before it in view, the plan check counts the lighter week as the first of a
        # streak: the phases after it stay one build week shorter, so no streak outgrows the limit.
        _, step, phase = out[first]
        phases = [("deload", step, phase), *_phases(n - first - 1, limit - 1, phase + 1)]
        out = out[:first] + phases
    if x.race_km is not None:
        step, phase = (phases[-1][1] + (phases[-1][0] == "build"), phases[-1][2]) if phases else (limit, 0)
        out += [("taper", step, phase), ("race", step, phase)]
    return out


def _phases(n: int, limit: int, phase0: int) -> list[tuple[str, int, int]]:
    if n <= 0:
        return []
    k = 1
    while n - (k - 1) > k * limit:
        k += 1
    builds = n - (k - 1)
    sizes = [builds // k + (i < builds % k) for i in range(k)]
    out: list[tuple[str, int, int]] = []
    for phase, size in enumerate(sizes):
        out += [("build", step, phase0 + phase) for step in range(size)]
        if phase < k - 1:
            out.append(("deload", size, phase0 + phase))
    return out


def generate(x: GeneratorInput, history: Sequence[tuple[dt.date, float]] = (),
             rest: Collection[dt.date] = (), prior_loads: Sequence[float] = ()) -> Block:
    """The block; `history` holds (date, km) of runs already in the plan before the start, which the
    plan check will see too; `rest` are days kept free of runs and lifts (the first week continuing from
    the log); `prior_loads` the loads of the build weeks logged just before it, which the first lighter
    week must read lighter than. Raises GeneratorError when no clean block exists."""
    pattern = build_pattern(x)
    first = week_start(x.start, x.week_start)
    if first < x.start:
        first += 7 * DAY
    paces = x.paces
    log = RunLog(x, paces, first, list(history))
    kinds = week_kinds(x)
    n_runs = sum(r.is_run for day in pattern.days for r in day)
    long_cap = runs.long_km_cap(paces, x.race_km == race.MARATHON)
    peak_long = race.peak_long_km(x, long_cap)
    peak_week = race.peak_week_km(x, peak_long)
    builds = [n for n, k in enumerate(kinds) if k[0] == "build"]
    race_date = _race_day(_run_days(pattern, first + 7 * (len(kinds) - 1) * DAY)) if x.race_km else None
    sessions: list[Session] = []
    weeks: list[Week] = []
    last_build = x.weekly_km
    partial: set[int] = set()
    for n in range(x.skip_weeks, len(kinds)):  # a re-plan skips the weeks already in the plan
        kind, step, phase = kinds[n]
        monday = first + 7 * n * DAY
        starts = n == x.skip_weeks
        target = race.next_target(x, kind, starts, not starts and kinds[n - 1][0] == "build", last_build, peak_week)
        planned = target  # what the week stands for, whatever days are kept free in it
        all_runs, runs_left = len(_run_days(pattern, monday)), len(_run_days(pattern, monday, rest))
        if runs_left < all_runs:  # days kept free: the other runs carry their share, not the whole week
            target *= runs_left / all_runs
        ask = WeekAsk(monday, kind, target, step if kind == "build" else max(0, step - 2), step,
                      race_date if kind == "race" else None, peak_long, long_cap,
                      x.race_km == race.MARATHON and n in builds[-3:], MIN_RUN_KM)
        mark, active = len(log.done), len(log.activations)
        week_sessions = _week(x, pattern, log, ask, phase, race_date, rest)
        streak = [w.load_au for w in _streak(weeks) if w.number not in partial]  # a partial week says nothing
        if all(w.kind == "build" for w in weeks):  # the log's build weeks are part of the first streak
            counted = len(prior_loads) if x.skip_weeks else x.prior_builds  # a re-plan: the block's weeks
            streak = [*prior_loads[len(prior_loads) - counted:], *streak] if counted else streak
        elif x.lighter_first and not prior_loads and all(w.kind == "build" for w in weeks[1:]):
            streak = [weeks[0].load_au, *streak]  # with no build week before it, the check counts it as one
        for _ in range(8):  # a lighter week must read lighter to the plan check: load <= 75 % of the streak's
            load = sum(s.rpe * s.duration_min for s in week_sessions)
            if kind == "build" or not streak or load <= LIGHTER_LOAD * sum(streak) / len(streak):
                break
            del log.done[mark:]
            del log.activations[active:]
            ask = replace(ask, target_km=ask.target_km * 0.8, floor=1.0)
            week_sessions = _week(x, pattern, log, ask, phase, race_date, rest)
        sessions += week_sessions
        weeks.append(_summary(n + 1, monday, kind, step, phase, week_sessions))
        if runs_left < all_runs:
            partial.add(n + 1)
        if kind == "build":
            last_build = weeks[-1].km if runs_left == all_runs else planned
    if not x.skip_weeks and not x.lighter_first:  # a re-plan keeps to the race it was planned for
        _check_race_build(x, weeks, long_cap, n_runs)
    notes = list(pattern.notes)
    # a partial week says why itself, and so does a lighter one
    if weeks[0].km < 0.9 * x.weekly_km and weeks[0].number not in partial and not x.lighter_first:
        notes.append(f"Week 1 holds {weeks[0].km:g} km rather than {x.weekly_km:g} km: easy runs stay under "
                     f"{runs.EASY_MAX_MIN} min, long runs under {runs.LONG_MAX_MIN} min (a marathon's "
                     f"{runs.MARATHON_LONG_MAX_MIN}), and every run within 1.1 x the longest of the 30 days before it "
                     "(the plan check sees only runs in the plan).")
    notes.append(paces_note(x))
    if x.lighter_first:
        notes.append(lighter_note(weeks[0]))
    missing = [m for m in lifts_needed(pattern, x.goal) if m not in x.one_rm]
    if missing:
        notes.append(f"No one-rep max for {', '.join(missing)}: those sets carry RPE targets without a load.")
    begin = first + 7 * x.skip_weeks * DAY
    block = Block(x, begin, begin + (7 * len(weeks) - 1) * DAY, tuple(sessions), tuple(weeks), pattern, tuple(notes))
    return block


def lighter_note(week: Week) -> str:
    """Why the re-planned block starts with a lighter week, and how much lighter."""
    how = "a deload at about 60 % of the last build week" if week.kind == "deload" else "already a taper week"
    return (f"Week {week.number} is a lighter week ({week.km:g} km, {how}): your readiness log suggests one "
            "(Meeusen 2013). The weeks after it return to where the block was.")


def paces_note(x: GeneratorInput, units: Units = Units.METRIC) -> str:
    """The block's training paces in the user's units, and whether they are a guess."""
    return x.paces.summary(units) + ("" if x.recent_race or x.easy_pace_s else
                                     " No recent result or easy pace given: a guess by experience; adjust the "
                                     "targets to yours.")


def _check_race_build(x: GeneratorInput, weeks: list[Week], long_cap: float, n_runs: int) -> None:
    """A half marathon or marathon the block cannot prepare gets an honest message: how many weeks a safe
    build from here needs. It never suggests claiming a longer run."""
    need = race.min_peak_long_km(x, long_cap)
    reached = max((w.long_km for w in weeks if w.kind == "build"), default=0.0)
    if not need or reached >= need - 0.05:
        return
    weeks_needed = race.weeks_needed(x, long_cap, n_runs, lambda n: week_kinds(x, n), weeks[0].long_km)
    name = "marathon" if x.race_km == race.MARATHON else "half marathon"
    more = (f"a safe build from {x.weekly_km:g} km a week and a longest run of {x.longest_run_km:g} km takes about "
            f"{weeks_needed} weeks" if weeks_needed else "a safe build from here takes more than 40 weeks")
    why = ("long runs at most 10 % longer than the longest of the 30 days before, Frandsen 2025; weekly km at most "
           f"{round(100 * GROWTH[x.experience])} % more a week; deloads; a 2-week taper")
    tries = [f"plan {weeks_needed} weeks" if weeks_needed and weeks_needed <= 16 else
             "build your running with a block without a race first, then plan the race",
             "choose a shorter race"]
    raise GeneratorError(f"A {name} needs long runs that build to at least {need:g} km; in {x.weeks} weeks this block "
                         f"reaches {reached:g} km: {more} ({why}).", tuple(tries))


def _run_days(pattern: Pattern, monday: dt.date, rest: Collection[dt.date] = ()) -> list[tuple[dt.date, Role]]:
    days = [(monday + k * DAY) for k in range(7)]
    return [(d, r) for d in days for r in _roles(pattern, d, rest) if r.is_run]


def _roles(pattern: Pattern, day: dt.date, rest: Collection[dt.date]) -> tuple[Role, ...]:
    """The pattern's roles on `day`; on a rest day only its mobility."""
    roles = pattern.days[day.weekday()]
    return tuple(r for r in roles if r is Role.MOBILITY) if day in rest else roles


def lifts_needed(pattern: Pattern, goal: Goal) -> list[str]:
    seen: dict[str, None] = {}
    for role in (Role.HEAVY, Role.UPPER, Role.LIGHT):
        for i in range(pattern.count(role)):
            for m in lifts.plan_for(role, goal, i).moves:
                if m.lift:
                    seen[m.lift] = None
    return list(seen)


def _streak(weeks: list[Week]) -> list[Week]:
    """The build weeks since the last lighter week."""
    out: list[Week] = []
    for w in weeks:
        out = [*out, w] if w.kind == "build" else []
    return out


def _week(x: GeneratorInput, pattern: Pattern, log: RunLog, ask: WeekAsk, phase: int,
          race_date: dt.date | None, rest: Collection[dt.date] = ()) -> list[Session]:
    days = [(ask.monday + k * DAY) for k in range(7)]
    roles = {d: _roles(pattern, d, rest) for d in days}
    run_days = _run_days(pattern, ask.monday, rest)
    rotation = QUALITY_ROTATION[x.goal] if x.experience is not Experience.NEW else (RunType.TEMPO, RunType.HILLS)
    for reps_down in range(0, 12):
        contents = runs_of_week(log, run_days, rotation, ask, reps_down)
        if contents is not None:
            break
    else:  # pragma: no cover - the strides fallback always fits
        raise GeneratorError("internal: no running week fits")
    out: list[Session] = []
    gaps = gap_notes(pattern)
    counts: dict[Role, int] = {}
    lift_week = lifts.LiftWeek(ask.build_step, phase, ask.kind)
    for d in days:
        pos = 0
        for role in roles[d]:
            if role.is_run:
                content = contents[d]
            elif role is Role.MOBILITY:
                content = MOBILITY
            else:
                i = counts.get(role, 0)
                counts[role] = i + 1
                taper = race.taper_day(d, race_date)
                if taper.heavy_ok:
                    content = lifts.session(role, x.goal, i, lift_week, x.one_rm)
                elif role is not Role.UPPER and taper.activation_ok and not log.activations:
                    content = race.ACTIVATION
                    log.activations.append(d)
                elif taper.upper_ok:  # upper body and core keep the week's strength sessions, at maintenance
                    content = lifts.session(Role.UPPER, x.goal, i if role is Role.UPPER else 0, lift_week, x.one_rm)
                else:
                    continue  # the strength taper: no lift here
            offset, gap = gaps.get((d.weekday(), role), (0, ""))
            other = d + offset * DAY
            if gap and content.kind in (Kind.RUN, Kind.LIFT) and content.type != "race" and \
                    content is not race.ACTIVATION and log.first <= other < log.first + 7 * x.weeks * DAY:
                content = replace(content, notes=f"{content.notes} {gap}".strip())
            out.append(Session(**{f: getattr(content, f) for f in _FIELDS}, date=d, position=pos))
            pos += 1
    for d, _ in run_days:
        if d in contents:
            log.done.append((d, contents[d].distance_km or 0.0))
    if race_date is not None and ask.kind in ("taper", "race"):
        out += _maintenance_lifts(x, out, days, race_date, lift_week, RACE_WEEK_LIFTS[x.goal])
    return out


def _maintenance_lifts(x: GeneratorInput, out: list[Session], days: list[dt.date], race_date: dt.date,
                       week: lifts.LiftWeek, wanted: int) -> list[Session]:
    """Race week: the strength sessions the goal asks for stay (run focus two: Methenitis 2018; Spiering 2021); what the
    strength taper took out comes back as upper body and core at maintenance, on a free day at least 48 h
    from the race."""
    have = sum(s.kind is Kind.LIFT for s in out)
    extra: list[Session] = []
    # a free day first; failing that, the activation day (upper body and core after the activation)
    for d in sorted(days, key=lambda d: any(s.kind is Kind.LIFT for s in out if s.date == d)):
        if have + len(extra) >= wanted:
            break
        day = [s for s in out if s.date == d]
        if d.weekday() not in x.days or not race.taper_day(d, race_date).upper_ok or \
                any((s.kind is Kind.LIFT and s.title != race.ACTIVATION.title) or s.rpe >= 7 for s in day) or \
                any(s.date == d for s in extra):
            continue
        content = lifts.session(Role.UPPER, x.goal, 0, week, x.one_rm)
        extra.append(Session(**{f: getattr(content, f) for f in _FIELDS}, date=d, position=len(day)))
    return extra


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


def _summary(n: int, first: dt.date, kind: str, step: int, phase: int, ss: list[Session]) -> Week:
    rs = [s for s in ss if s.kind is Kind.RUN]
    return Week(n, first, kind, step, phase, round(sum(s.distance_km or 0.0 for s in rs), 1),
                sum(s.duration_min for s in rs),
                sum(s.duration_min for s in rs if s.type in ("tempo", "intervals", "hills", "race")),
                max((s.distance_km or 0.0 for s in rs if s.type in ("long", "race")), default=0.0),
                float(sum(s.rpe * s.duration_min for s in ss)), sum(s.tonnage_kg for s in ss), len(ss))
