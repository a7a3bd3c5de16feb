"""Writing a generated block (issue 13): the wizard and `hybrid-planner generate` share this.

The block goes onto the calendar as one action (one undo step in the window, one save on the
command line). It refuses to write over sessions already planned in the block's weeks unless
`replace` is given; then those sessions are deleted in the same action. When the block's goal or
experience differs from the profile's, the profile follows in the same action, so the plan check
reads the block with the goal it was made for.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from planner.domain.enums import Status, Units, WeekStart
from planner.domain.generator import Block, GeneratorError, GeneratorInput, generate_clean
from planner.domain.generator.block import paces_note
from planner.domain.generator.check import block_profile, weekly_acwr
from planner.domain.generator.from_log import LogStart, block_first, from_log
from planner.domain.generator.inputs import inputs_from_doc, inputs_to_doc
from planner.domain.generator.pattern import Role
from planner.domain.generator.week_runs import SPIKE_DAYS
from planner.domain.rules.model import Finding
from planner.domain.rules.readiness import readiness_low
from planner.domain.session import Session
from planner.domain.units import distance_to_display, distance_unit, load_to_display, load_unit
from planner.services.library import ProfileService
from planner.services.operations import SessionsOp
from planner.services.plan import PlanService
from planner.services.plancheck import PlanCheck
from planner.words.targets import target_in_units

DAY = dt.timedelta(days=1)
LOOKBACK_DAYS = SPIKE_DAYS + 5
#: How far back the log is read for starting values (the last 4 logged weeks may lie before planned ones).
LOG_DAYS = 366


@dataclass(frozen=True, slots=True)
class Written:
    block: Block
    sessions: list[Session]
    replaced: int
    profile_changed: bool


@dataclass(frozen=True, slots=True)
class Replanned:
    day: dt.date
    written: Written
    kept: int


def preview(plan: PlanService, x: GeneratorInput) -> Block:
    """The block as it would be written, checked against the sessions already before it."""
    first = block_first(x.start, x.week_start)
    before = plan.store.sessions.between(first - LOOKBACK_DAYS * DAY, first - DAY)
    return generate_clean(x, plan.store.profile.get(), before)


def log_start(plan: PlanService, start: dt.date, first_day: WeekStart) -> LogStart | None:
    """The starting values the log gives a block starting on `start` (at least 4 logged weeks), or None."""
    first = block_first(start, first_day)
    return from_log(plan.store.sessions.between(first - LOG_DAYS * DAY, first - DAY), start, first_day,
                    plan.store.profile.get().units)


def default_start(plan: PlanService, today: dt.date, first_day: WeekStart) -> dt.date:
    """A start that always works: the first week on or after today that no planned session fills."""
    first = block_first(today, first_day)
    planned = [s.date for s in plan.store.sessions.between(first, first + 400 * DAY) if s.status is Status.PLANNED]
    return block_first(max(planned) + DAY, first_day) if planned else first


def in_the_way(plan: PlanService, block: Block) -> list[Session]:
    return plan.store.sessions.between(block.first, block.last)


def write(plan: PlanService, block: Block, replace: bool = False) -> Written:
    old = in_the_way(plan, block)
    if old and not replace:
        days = sorted({s.date for s in old})
        raise GeneratorError(
            f"{len(old)} session{'s are' if len(old) != 1 else ' is'} already planned between "
            f"{block.first:%a %d %b %Y} and {block.last:%a %d %b %Y} (first on {days[0]:%a %d %b}).",
            ("replace them (--replace, or tick 'Replace' in the wizard)", "start after the last of them"))
    profiles = ProfileService(plan.runner)
    profile = plan.store.profile.get()
    shaped = block_profile(block, profile)
    wanted = shaped.replace(generated_block=json.dumps(inputs_to_doc(block.inputs)))
    text = f"Generate a {len(block.weeks)}-week {block.inputs.goal.value} block"
    with plan.runner.group(text):
        if wanted != profile:
            profiles.set(wanted)
        op = SessionsOp(text, old, list(block.sessions))
        stored = op.after if plan.runner.run(op) else []
    return Written(block, stored, len(old), shaped != profile)


def last_block(plan: PlanService) -> GeneratorInput:
    """The inputs of the last generated block (kept in the profile), or GeneratorError."""
    text = plan.store.profile.get().generated_block
    if not text:
        raise GeneratorError("There is no generated block to re-plan.", ("generate a block first",))
    try:
        return inputs_from_doc(json.loads(text))
    except (ValueError, TypeError, KeyError):
        raise GeneratorError("The last generated block cannot be read again.", ("generate a new block",)) from None


def replan(plan: PlanService, day: dt.date) -> Replanned:
    """Rebuild the last generated block from `day` to its end as one action (one undo step): what is done
    or skipped stays, planned sessions from `day` on are replaced, and the weeks continue from the log
    (its last 4 weeks' km and longest run, when 4 weeks are logged). When the readiness rule reads the
    week of `day` as needing a lighter week (readiness-low), the rebuilt week is a lighter one."""
    x = last_block(plan)
    first = block_first(x.start, x.week_start)
    last = first + (7 * x.weeks - 1) * DAY
    if not first <= day <= last:
        raise GeneratorError(f"{day:%a %d %b %Y} is outside the last generated block ({first:%a %d %b} to "
                             f"{last:%a %d %b %Y}).", ("re-plan from a day inside it", "generate a new block"))
    skip = (day - first).days // 7
    monday = first + 7 * skip * DAY
    start = from_log(plan.store.sessions.between(monday - LOG_DAYS * DAY, monday - DAY), monday, x.week_start)
    lighter = bool(readiness_findings(plan, day))
    y = replace(x, skip_weeks=skip, weekly_km=start.weekly_km if start else x.weekly_km,
                longest_run_km=start.longest_run_km if start and start.longest_run_km >= 2 else x.longest_run_km,
                lighter_first=lighter)
    ahead = plan.store.sessions.between(day, last)
    kept = [s for s in ahead if s.status is not Status.PLANNED]
    old = [s for s in ahead if s.status is Status.PLANNED]
    before = plan.store.sessions.between(monday - LOOKBACK_DAYS * DAY, day - DAY) + kept
    already = {s.date for s in kept}
    gone = [monday + k * DAY for k in range((day - monday).days)]  # this week's days before `day` stay as they are
    block = generate_clean(y, plan.store.profile.get(), before, rest=gone)
    fresh = [s for s in block.sessions if s.date >= day and s.date not in already]
    text = f"Re-plan the block from {day:%a %d %b}" + (", a lighter week first" if lighter else "")
    with plan.runner.group(text):
        op = SessionsOp(text, old, fresh)
        stored = op.after if plan.runner.run(op) else []
    return Replanned(day, Written(replace(block, sessions=tuple(fresh)), stored, len(old), False), len(kept))


def readiness_findings(plan: PlanService, day: dt.date) -> list[Finding]:
    """The readiness rule's findings ("your log suggests a lighter week") in the week of `day`."""
    window = PlanCheck(plan.store).window(day, day, load_rules=False)
    return readiness_low(window)


def summary_lines(block: Block, units: Units = Units.METRIC) -> list[str]:
    """What the command line prints and the wizard shows, in the profile's units: the weeks, the pattern
    and the caveats."""
    x = block.inputs
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    d, kg = distance_unit(units), load_unit(units)
    lines = [f"{len(block.weeks)}-week {x.goal.value} block, {block.first:%a %d %b %Y} to {block.last:%a %d %b %Y}: "
             f"{x.runs} runs and {x.lifts} lifts a week, experience {x.experience.value}.",
             "", f"week  dates          phase         {d}   long {d}  above easy  load AU  tonnage {kg}  ACWR"]
    for w, r in zip(block.weeks, weekly_acwr(block), strict=True):
        share = f"{round(100 * w.above_easy_min / w.run_min) if w.run_min else 0} %"
        lines.append(f"{w.number:>4}  {w.first:%d %b}-{w.first + 6 * DAY:%d %b}  {w.label:<12} "
                     f"{distance_to_display(w.km, units):>5.1f}  {distance_to_display(w.long_km, units):>7.1f}  "
                     f"{share:>10}  {w.load_au:>7.0f}  {load_to_display(w.tonnage_kg, units):>10.0f}  "
                     f"{'-' if r is None else f'{r:.2f}'}")
    order = [(block.first + k * DAY).weekday() for k in range(7)]
    pattern = "; ".join(f"{names[d]} " + (" then ".join(r.value for r in block.pattern.days[d]) or "rest")
                        for d in order)
    lines += ["", f"Week pattern: {pattern}.", *_gaps(block, order, names), "",
              "Weekly running distance grows by at most 5/8/10 % a week (new/some/experienced) over the last build "
              "week, so never more than 30 % over two weeks: a convention with weak evidence (Nielsen 2014; Buist "
              "2008). After a lighter week the plan returns to the last build week's level.",
              "Every run stays within 1.1 x the longest run of the 30 days before it (Frandsen 2025). ACWR: the "
              "EWMA acute:chronic ratio (7/28 days) of the block's own load on each week's last day ('-' while "
              "building up), shown as information, never used as a limit (Impellizzeri 2020).",
              f"Deload after at most {3 if x.experience.value == 'new' else 4} build weeks, at about 60 % of the "
              "volume (a convention; Rogerson 2024)." + (" Taper: 2 weeks at 60 % and 50 % of the volume, "
                                                          "intensity and frequency kept (Bosquet 2007)."
                                                          if x.race_km else "")]
    paces = paces_note(x)  # written again in the user's units from the exact paces, not from rounded clocks
    lines += [f"Note: {paces_note(x, units) if n == paces else target_in_units(n, units)}" for n in block.notes]
    return lines


def _gaps(block: Block, order: list[int], names: tuple[str, ...]) -> list[str]:
    """The gaps between heavy legs and hard or long runs, written out."""
    days = block.pattern.days
    out = []
    for d in order:
        if Role.HEAVY not in days[d]:
            continue
        after = next((k for k in range(1, 8) if any(r in (Role.LONG, Role.QUALITY) for r in days[(d + k) % 7])), None)
        before = next((k for k in range(1, 8) if any(r in (Role.LONG, Role.QUALITY) for r in days[(d - k) % 7])),
                      None)
        if after is not None and before is not None:
            out.append(f"Heavy legs on {names[d]}: the next hard or long run {after} days later (about {24 * after} h; "
                       f"at least 24 h, Doma & Deakin 2013), the last one {before} days before.")
    return out
