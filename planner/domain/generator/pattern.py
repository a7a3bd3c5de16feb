"""The week's pattern: which kind of session goes on which weekday, the same every week.

Found by a small search over the days available, with the sequencing rules as hard constraints
(Methenitis 2018; Doma & Deakin 2013; the plan check's rules):
- a hard day holds one hard thing (a hard or long run, or heavy legs), and no two hard days are
  neighbours, across the week's end too (the pattern repeats);
- the day after heavy legs: a light run, upper body, mobility or rest; the day after a hard run:
  upper body or core, an easy run, mobility or rest (seed article);
- lift focus: no run at all the day before heavy legs (goal rule);
- at most one run and one lift a day; a long-run day holds no lift; a hard-run day may also hold
  upper body, a heavy-legs day an easy run (lift first, Methenitis 2018: "easy runs are fine the same
  day, lifting first or >= 3 h apart");
- a day each week with nothing but mobility, or nothing (the recovery day); two for a beginner.
Among the patterns that pass, the one with the fewest double days and the roomiest gaps wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.enums import Experience, Goal
from planner.domain.generator.inputs import DAY_NAMES, GeneratorError, GeneratorInput

MAX_NODES = 60_000


class Role(StrEnum):
    LONG = "long run"
    QUALITY = "hard run"
    EASY = "easy run"
    HEAVY = "heavy legs"
    LIGHT = "light legs"
    UPPER = "upper body"
    MOBILITY = "mobility"

    @property
    def is_run(self) -> bool:
        return self in (Role.LONG, Role.QUALITY, Role.EASY)

    @property
    def is_lift(self) -> bool:
        return self in (Role.HEAVY, Role.LIGHT, Role.UPPER)

    @property
    def is_hard(self) -> bool:
        return self in (Role.LONG, Role.QUALITY, Role.HEAVY)


@dataclass(frozen=True, slots=True)
class Pattern:
    """`days[weekday]` lists the roles of that weekday in the order they are done."""

    days: tuple[tuple[Role, ...], ...]
    notes: tuple[str, ...] = ()

    def count(self, role: Role) -> int:
        return sum(day.count(role) for day in self.days)


def wanted_roles(x: GeneratorInput) -> tuple[list[Role], list[Role]]:
    """Runs and lifts of a week before any hard session is eased (see `downgrades`)."""
    runs: list[Role] = []
    if x.runs >= 2:
        runs.append(Role.LONG)
    quality = {Goal.RUN: (x.runs >= 3) + (x.runs >= 5 and x.experience is not Experience.NEW),
               Goal.BALANCED: int(x.runs >= 3), Goal.LIFT: int(x.runs >= 2)}[x.goal]
    runs += [Role.QUALITY] * quality
    runs += [Role.EASY] * (x.runs - len(runs))
    if x.goal is Goal.RUN:
        lifts = [Role.HEAVY, Role.LIGHT, Role.UPPER, Role.UPPER, Role.LIGHT][:x.lifts]
    elif x.goal is Goal.LIFT:
        lifts = {1: [Role.HEAVY], 2: [Role.HEAVY, Role.UPPER], 3: [Role.HEAVY, Role.UPPER, Role.HEAVY],
                 4: [Role.HEAVY, Role.UPPER, Role.HEAVY, Role.UPPER],
                 5: [Role.HEAVY, Role.UPPER, Role.HEAVY, Role.UPPER, Role.UPPER]}[x.lifts]
    else:
        lifts = [Role.HEAVY, Role.UPPER, Role.LIGHT, Role.UPPER, Role.UPPER][:x.lifts]
    return runs, lifts


def downgrades(goal: Goal) -> tuple[tuple[Role, Role, str], ...]:
    """Which hard session gives way first when the hard days do not fit, and what it becomes."""
    quality = (Role.QUALITY, Role.EASY, "a hard run became an easy run, to keep hard days apart")
    heavy = (Role.HEAVY, Role.LIGHT, "a heavy-legs session became a lighter leg session, to keep hard days apart")
    long = (Role.LONG, Role.EASY, "the long run became an easy run, to keep hard days apart")
    if goal is Goal.LIFT:
        return (long, quality, heavy)
    if goal is Goal.RUN:
        return (quality, heavy, quality)
    return (quality, heavy)


def search(x: GeneratorInput) -> Pattern | None:
    """The wanted roles, eased one hard session at a time until they fit; None if they never do."""
    runs, lifts = wanted_roles(x)
    notes: list[str] = []
    for step in (None, *downgrades(x.goal)):
        if step is not None:
            old, new, note = step
            roles = runs if old.is_run else lifts
            if old not in roles:
                continue
            roles[len(roles) - 1 - roles[::-1].index(old)] = new
            notes.append(note)
        found = solve(x, runs + lifts)
        if found is not None:
            return Pattern(found, tuple(notes))
    return None


def build_pattern(x: GeneratorInput) -> Pattern:
    found = search(x)
    if found is None:
        raise infeasible(x)
    return found


def infeasible(x: GeneratorInput) -> GeneratorError:
    """An error that says which nearby inputs would give a clean plan."""
    from dataclasses import replace

    def works(**changes: object) -> bool:
        try:
            return search(replace(x, **changes)) is not None  # type: ignore[arg-type]
        except GeneratorError:
            return False

    tries: list[str] = []
    extra = [DAY_NAMES[d] for d in range(7) if d not in x.days and works(days=(*x.days, d))]
    if extra:
        tries.append(f"add {extra[0]} to the days" if len(extra) == 1 else
                     f"add one of {', '.join(extra[:-1])} or {extra[-1]} to the days")
    if x.runs > 1 and works(runs=x.runs - 1):
        tries.append(f"plan {x.runs - 1} runs a week")
    if x.lifts > (2 if x.goal is Goal.RUN else 1) and works(lifts=x.lifts - 1):
        tries.append(f"plan {x.lifts - 1} lift{'s' if x.lifts - 1 != 1 else ''} a week")
    for g in Goal:
        if g is not x.goal and works(goal=g):
            tries.append(f"choose {g.value} as the goal")
    days = ",".join(DAY_NAMES[d] for d in x.days)
    return GeneratorError(
        f"{x.runs} runs and {x.lifts} lifts a week on {days} cannot be arranged for {x.goal.value} focus without "
        "hard days back to back, heavy legs next to a hard run, or a week without "
        + ("two rest days (a beginner's week)." if x.experience is Experience.NEW else "a rest day."),
        tuple(tries[:4]) or ("add days", "plan fewer sessions a week"))


def solve(x: GeneratorInput, roles: Sequence[Role]) -> tuple[tuple[Role, ...], ...] | None:
    """The cheapest valid placement of `roles` (plus one mobility session), or None."""
    order = sorted(roles, key=lambda r: (not r.is_hard, r is not Role.LONG, list(Role).index(r)))
    order.append(Role.MOBILITY)
    days: list[list[Role]] = [[] for _ in range(7)]
    best: list[tuple[float, tuple[tuple[Role, ...], ...]]] = []
    nodes = [0]
    bonus = sum(r in (Role.LONG, Role.QUALITY) for r in order)  # the most cost() can take off

    def place(i: int, min_day: int, doubles: int) -> None:
        nodes[0] += 1
        if nodes[0] > MAX_NODES or (best and 10 * doubles - bonus >= best[0][0]):
            return  # a bound: every double day costs 10
        if i == len(order):
            if sum(all(r is Role.MOBILITY for r in day) for day in days) < rest_days(x):
                return
            c = cost(days, x)
            if not best or c < best[0][0]:
                best[:] = [(c, tuple(tuple(_ordered(day, x.goal)) for day in days))]
            return
        role = order[i]
        same_as_before = i > 0 and order[i - 1] is role
        for d in sorted(_candidates(role, x), key=lambda k: len(days[k])):
            if same_as_before and d < min_day:
                continue
            double = role is not Role.MOBILITY and any(r is not Role.MOBILITY for r in days[d])
            days[d].append(role)
            if ok(days, d, x):
                place(i + 1, d + 1 if i + 1 < len(order) and order[i + 1] is role else 0, doubles + double)
            days[d].pop()

    place(0, 0, 0)
    return best[0][1] if best else None


def rest_days(x: GeneratorInput) -> int:
    """Days a week without a run or a lift (mobility allowed): two for a beginner, one otherwise (a convention)."""
    return 2 if x.experience is Experience.NEW else 1


def _candidates(role: Role, x: GeneratorInput) -> list[int]:
    if role is Role.LONG:
        return [x.long_run_day]
    return list(x.days)


def ok(days: list[list[Role]], d: int, x: GeneratorInput) -> bool:
    """Constraints touching day `d` (the one just changed) and its two neighbours."""
    return all(_day_ok(days[k % 7], x) for k in (d,)) and _pair_ok(days[(d - 1) % 7], days[d], x) \
        and _pair_ok(days[d], days[(d + 1) % 7], x)


def _day_ok(day: list[Role], x: GeneratorInput) -> bool:
    runs = [r for r in day if r.is_run]
    lifts = [r for r in day if r.is_lift]
    hard = [r for r in day if r.is_hard]
    if len(runs) > 1 or len(lifts) > 1 or len(hard) > 1 or day.count(Role.MOBILITY) > 1:
        return False
    if Role.MOBILITY in day and len(day) > 2:
        return False
    if Role.LONG in day and lifts:
        return False
    if Role.QUALITY in day and lifts and lifts[0] is not Role.UPPER:
        return False
    return not (Role.HEAVY in day and runs and runs[0] is not Role.EASY)


def _pair_ok(a: list[Role], b: list[Role], x: GeneratorInput) -> bool:
    """`a` is the day before `b`."""
    hard_a = any(r.is_hard for r in a)
    if hard_a and any(r.is_hard for r in b):
        return False
    if hard_a and Role.LIGHT in b:
        return False
    if Role.LIGHT in a and Role.HEAVY in b:
        return False
    return not (x.goal is Goal.LIFT and Role.HEAVY in b and any(r.is_run for r in a))


def cost(days: list[list[Role]], x: GeneratorInput) -> float:
    c = 0.0
    for d in range(7):
        day, after, after2 = days[d], days[(d + 1) % 7], days[(d + 2) % 7]
        sessions = [r for r in day if r is not Role.MOBILITY]
        c += 10 * max(0, len(sessions) - 1)
        if Role.MOBILITY in day and sessions:
            c += 2
        if Role.HEAVY in day and any(r in (Role.LONG, Role.QUALITY) for r in after2):
            c += 3 if x.experience is Experience.NEW else 1  # < 48 h before a key run (Doma 2017)
        if any(r in (Role.LONG, Role.QUALITY) for r in day) and Role.UPPER in after:
            c -= 1  # upper body the day after a hard run (seed article)
        if Role.LIGHT in day and any(r in (Role.LONG, Role.QUALITY) for r in after):
            c += 2
        if day == [] and d in x.days and x.runs + x.lifts >= len(x.days):
            c += 0.5
    return c


def _ordered(day: list[Role], goal: Goal) -> list[Role]:
    """Same-day order: lift first with heavy legs or for lift focus, run first otherwise
    (Schumann 2022; Methenitis 2018); mobility last."""
    lift_first = goal is Goal.LIFT or Role.HEAVY in day
    return sorted(day, key=lambda r: (r is Role.MOBILITY, (not r.is_lift) if lift_first else r.is_lift))


def gap_notes(pattern: Pattern) -> dict[tuple[int, Role], tuple[int, str]]:
    """The gaps between heavy legs and hard or long runs, written into those sessions' notes
    (>= 24 h between heavy legs and a key run; Doma & Deakin 2013)."""
    days = pattern.days
    key = (Role.LONG, Role.QUALITY)
    out: dict[tuple[int, Role], tuple[int, str]] = {}  # (offset in days to the other session, text)
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    for d in range(7):
        if Role.HEAVY in days[d]:
            k = next((k for k in range(1, 8) if any(r in key for r in days[(d + k) % 7])), None)
            if k is not None:
                out[(d, Role.HEAVY)] = (k, f"Next hard or long run: {names[(d + k) % 7]}, {k} days later (about "
                                           f"{24 * k} h; keep at least 24 h, Doma & Deakin 2013).")
        for role in key:
            if role in days[d]:
                k = next((k for k in range(1, 8) if Role.HEAVY in days[(d - k) % 7]), None)
                if k is not None:
                    out[(d, role)] = (-k, f"Heavy legs {k} days before ({names[(d - k) % 7]}), about {24 * k} h.")
    return out
