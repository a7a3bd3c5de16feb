"""Writing a generated block (issue 13): the wizard and `hybrid-planner generate` share this.

The block goes onto the calendar as one action (one undo step in the window, one save on the
command line). It refuses to write over sessions already planned in the block's weeks unless
`replace` is given; then those sessions are deleted in the same action. When the block's goal or
experience differs from the profile's, the profile follows in the same action, so the plan check
reads the block with the goal it was made for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.generator import Block, GeneratorError, GeneratorInput, generate_clean
from planner.domain.generator.check import block_profile, weekly_acwr
from planner.domain.generator.pattern import Role
from planner.domain.generator.week_runs import SPIKE_DAYS
from planner.domain.session import Session
from planner.domain.weeks import week_start
from planner.services.library import ProfileService
from planner.services.operations import SessionsOp
from planner.services.plan import PlanService

DAY = dt.timedelta(days=1)
LOOKBACK_DAYS = SPIKE_DAYS + 5


@dataclass(frozen=True, slots=True)
class Written:
    block: Block
    sessions: list[Session]
    replaced: int
    profile_changed: bool


def block_first(x: GeneratorInput) -> dt.date:
    first = week_start(x.start, x.week_start)
    return first if first >= x.start else first + 7 * DAY


def preview(plan: PlanService, x: GeneratorInput) -> Block:
    """The block as it would be written, checked against the sessions already before it."""
    first = block_first(x)
    before = plan.store.sessions.between(first - LOOKBACK_DAYS * DAY, first - DAY)
    return generate_clean(x, plan.store.profile.get(), before)


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
    wanted = block_profile(block, profile)
    text = f"Generate a {len(block.weeks)}-week {block.inputs.goal.value} block"
    with plan.runner.group(text):
        changed = wanted != profile
        if changed:
            profiles.set(wanted)
        op = SessionsOp(text, old, list(block.sessions))
        stored = op.after if plan.runner.run(op) else []
    return Written(block, stored, len(old), changed)


def summary_lines(block: Block) -> list[str]:
    """What the command line prints and the wizard shows: the weeks, the pattern and the caveats."""
    x = block.inputs
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    lines = [f"{len(block.weeks)}-week {x.goal.value} block, {block.first:%a %d %b %Y} to {block.last:%a %d %b %Y}: "
             f"{x.runs} runs and {x.lifts} lifts a week, experience {x.experience.value}.",
             "", "week  dates          phase         km   long km  above easy  load AU  tonnage kg  ACWR"]
    for w, r in zip(block.weeks, weekly_acwr(block), strict=True):
        share = f"{round(100 * w.above_easy_min / w.run_min) if w.run_min else 0} %"
        lines.append(f"{w.number:>4}  {w.first:%d %b}-{w.first + 6 * DAY:%d %b}  {w.label:<12} {w.km:>5.1f}  "
                     f"{w.long_km:>7.1f}  {share:>10}  {w.load_au:>7.0f}  {w.tonnage_kg:>10.0f}  "
                     f"{'-' if r is None else f'{r:.2f}'}")
    order = [(block.first + k * DAY).weekday() for k in range(7)]
    pattern = "; ".join(f"{names[d]} " + (" then ".join(r.value for r in block.pattern.days[d]) or "rest")
                        for d in order)
    lines += ["", f"Week pattern: {pattern}.", *_gaps(block, order, names), "",
              "Weekly km grow by at most 5/8/10 % a week (new/some/experienced) over the last build week, so never "
              "more than 30 % over two weeks: a convention with weak evidence (Nielsen 2014; Buist 2008). After a "
              "lighter week the plan returns to the last build week's level.",
              "Every run stays within 1.1 x the longest run of the 30 days before it (Frandsen 2025). ACWR: the "
              "EWMA acute:chronic ratio (7/28 days) of the block's own load on each week's last day ('-' while "
              "building up), shown as information, never used as a limit (Impellizzeri 2020).",
              f"Deload after at most {3 if x.experience.value == 'new' else 4} build weeks, at about 60 % of the "
              "volume (a convention; Rogerson 2024)." + (" Taper: 2 weeks at 60 % and 50 % of the volume, "
                                                          "intensity and frequency kept (Bosquet 2007)."
                                                          if x.race_km else "")]
    lines += [f"Note: {n}" for n in block.notes]
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
