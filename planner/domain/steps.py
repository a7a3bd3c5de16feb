"""The steps of a structured run: warm-up, repetitions, recoveries, cool-down, as a watch follows them.

A step lasts a time, a distance, or until the lap button; it aims at a pace range, a heart-rate zone
or range, or nothing (an open target, which may carry a word such as "easy" or "jog"). A repeat runs
its steps n times, the way a FIT workout's `repeat_until_steps_cmplt` step does (one level deep:
the editor and the text form keep to that, and so do the watches' own editors).

Plain Python, no Qt. The text form ("15min@easy; 6x(800m@4:10-4:20/km, 2min@jog)") lives in
planner/words/steps.py; this module holds the values, their checks and the totals derived from them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from planner.domain import validate as v
from planner.domain.errors import ValidationError

STEP_SECONDS_RANGE = (1, 36_000)  # up to 10 h in one step
STEP_METRES_RANGE = (1, 300_000)
PACE_RANGE = (120, 900)  # s/km: 2:00/km to 15:00/km; a FIT speed (mm/s) keeps a pace to the second up to there
HR_ZONE_RANGE = (1, 5)
BPM_RANGE = (40, 230)
REPEAT_RANGE = (2, 99)
STEPS_MAX = 50  # what a FIT workout holds comfortably; watches take up to about 50 steps
WORD_MAX = 30
#: An open target's word: letters first, then letters, spaces, hyphens ("easy", "jog", "HM pace"),
#: so that it can never be read back as a pace, a zone or a heart rate.
WORD_PATTERN = re.compile(r"[A-Za-z](?:[A-Za-z'\- ]*[A-Za-z])?")


class StepIntensity(StrEnum):
    """The FIT SDK's `intensity` values a workout step uses."""

    WARMUP = "warmup"
    ACTIVE = "active"
    RECOVERY = "recovery"
    REST = "rest"
    COOLDOWN = "cooldown"


class Until(StrEnum):
    TIME = "time"
    DISTANCE = "distance"
    LAP = "lap"  # until the lap button is pressed


class Aim(StrEnum):
    OPEN = "open"
    PACE = "pace"  # low..high in s/km; low is the faster end
    HR_ZONE = "hr_zone"  # low = high = zone 1-5
    HR_RANGE = "hr_range"  # low..high in bpm


@dataclass(frozen=True, slots=True)
class Duration:
    until: Until
    amount: float = 0.0  # seconds for TIME, metres for DISTANCE, 0 for LAP

    def __post_init__(self) -> None:
        until = v.choice("step duration", self.until, Until)
        object.__setattr__(self, "until", until)
        if until is Until.TIME:
            object.__setattr__(self, "amount", float(v.integer("step time", self.amount, *STEP_SECONDS_RANGE, "s")))
        elif until is Until.DISTANCE:
            object.__setattr__(self, "amount", v.number("step distance", self.amount, *STEP_METRES_RANGE, "m"))
        elif self.amount:
            raise ValidationError("step duration", "a step until the lap button has no amount")


@dataclass(frozen=True, slots=True)
class Target:
    aim: Aim = Aim.OPEN
    low: float = 0.0
    high: float = 0.0
    word: str = ""  # what an open target is called ("easy", "jog"); empty otherwise

    def __post_init__(self) -> None:
        aim = v.choice("step target", self.aim, Aim)
        object.__setattr__(self, "aim", aim)
        v.text("step target word", self.word, WORD_MAX)
        if self.word and not WORD_PATTERN.fullmatch(self.word):
            raise ValidationError("step target word", f"must be letters, spaces or hyphens, starting and ending "
                                  f"with a letter (got {self.word!r})")
        if aim is Aim.OPEN:
            if self.low or self.high:
                raise ValidationError("step target", "an open target has no numbers")
            return
        if self.word:
            raise ValidationError("step target word", "only an open target carries a word")
        lo, hi = {Aim.PACE: PACE_RANGE, Aim.HR_ZONE: HR_ZONE_RANGE, Aim.HR_RANGE: BPM_RANGE}[aim]
        unit = {Aim.PACE: "s/km", Aim.HR_ZONE: "", Aim.HR_RANGE: "bpm"}[aim]
        name = {Aim.PACE: "pace", Aim.HR_ZONE: "heart-rate zone", Aim.HR_RANGE: "heart rate"}[aim]
        low = v.integer(name, self.low, lo, hi, unit)
        high = v.integer(name, self.high, lo, hi, unit)
        if low > high:
            raise ValidationError(name, f"the first number must not be above the second ({low} > {high})")
        if aim is Aim.HR_ZONE and low != high:
            raise ValidationError(name, "a step aims at one zone")
        object.__setattr__(self, "low", float(low))
        object.__setattr__(self, "high", float(high))

    @property
    def mid_pace(self) -> float | None:
        """The pace a step at this target is run at, s/km (the middle of the range); None when unknown."""
        return (self.low + self.high) / 2 if self.aim is Aim.PACE else None


OPEN = Target()


@dataclass(frozen=True, slots=True)
class Step:
    intensity: StepIntensity
    duration: Duration
    target: Target = OPEN

    def __post_init__(self) -> None:
        object.__setattr__(self, "intensity", v.choice("step intensity", self.intensity, StepIntensity))
        if not isinstance(self.duration, Duration) or not isinstance(self.target, Target):
            raise ValidationError("step", "needs a duration and a target")


@dataclass(frozen=True, slots=True)
class Repeat:
    times: int
    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        v.integer("repeats", self.times, *REPEAT_RANGE)
        object.__setattr__(self, "steps", tuple(self.steps))
        if not self.steps:
            raise ValidationError("repeats", "a repeat needs at least one step")
        if not all(isinstance(s, Step) for s in self.steps):
            raise ValidationError("repeats", "a repeat holds steps, not other repeats")


Item = Step | Repeat


def check_steps(items: tuple[Item, ...]) -> tuple[Item, ...]:
    items = tuple(items)
    if not all(isinstance(i, Step | Repeat) for i in items):
        raise ValidationError("steps", "must be steps or repeats")
    count = sum(1 + len(i.steps) if isinstance(i, Repeat) else 1 for i in items)
    if count > STEPS_MAX:
        raise ValidationError("steps", f"at most {STEPS_MAX} steps, repeats counted once (got {count})")
    return items


def flat(items: tuple[Item, ...]) -> Iterator[Step]:
    """Every step as it is run: a repeat's steps `times` over."""
    for item in items:
        if isinstance(item, Repeat):
            for _ in range(item.times):
                yield from item.steps
        else:
            yield item


@dataclass(frozen=True, slots=True)
class StepTotals:
    """What the steps add up to. A time step at an open target adds no distance, and a distance
    step at an open target no time: `complete_*` say whether every step could be counted."""

    seconds: float
    metres: float
    complete_time: bool
    complete_distance: bool


def totals(items: tuple[Item, ...]) -> StepTotals:
    seconds = metres = 0.0
    all_time = all_distance = True
    for step in flat(items):
        pace = step.target.mid_pace
        if step.duration.until is Until.TIME:
            seconds += step.duration.amount
            if pace:
                metres += step.duration.amount / pace * 1000
            else:
                all_distance = False
        elif step.duration.until is Until.DISTANCE:
            metres += step.duration.amount
            if pace:
                seconds += step.duration.amount / 1000 * pace
            else:
                all_time = False
        else:
            all_time = all_distance = False
    return StepTotals(seconds, metres, all_time, all_distance)


def derived_duration_min(items: tuple[Item, ...]) -> int | None:
    """The planned minutes the steps give, when every step has a known time; else None."""
    t = totals(items)
    return max(1, round(t.seconds / 60)) if items and t.complete_time else None


def derived_distance_km(items: tuple[Item, ...]) -> float | None:
    t = totals(items)
    return round(t.metres / 1000, 2) if items and t.complete_distance else None


def fitted(items: tuple[Item, ...], minutes: int, repeats: int | None = None) -> tuple[Item, ...]:
    """The steps made to last about `minutes`: the first repeat run `repeats` times (when given),
    then the time steps outside repeats (warm-up, cool-down, a steady run) lengthened or shortened
    in proportion, in whole minutes. A shorter week's session keeps its shape that way."""
    if repeats is not None:
        at = next((i for i, item in enumerate(items) if isinstance(item, Repeat)), None)
        if at is not None:
            first = items[at]
            assert isinstance(first, Repeat)
            items = (*items[:at], Repeat(repeats, first.steps), *items[at + 1:])
    flexible = {i: item for i, item in enumerate(items)
                if isinstance(item, Step) and item.duration.until is Until.TIME}
    if not flexible:
        return items
    flexible_s = sum(step.duration.amount for step in flexible.values())
    fixed_s = totals(items).seconds - flexible_s
    factor = max(minutes * 60 - fixed_s, 60 * len(flexible)) / flexible_s
    out = list(items)
    for i, step in flexible.items():
        new = max(60, round(step.duration.amount * factor / 60) * 60)
        out[i] = Step(step.intensity, Duration(Until.TIME, new), step.target)
    return tuple(out)


def scaled(items: tuple[Item, ...], share: float) -> tuple[Item, ...]:
    """The steps at `share` of their volume (a plan-check fix that shortens or deloads a run): each
    step outside a repeat `share` as long (distances rounded down to the metre, so a shortened run
    never ends up above the distance asked for), each repeat run `share` as many times (at least
    twice); a repetition itself keeps its length and pace."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Repeat):
            out.append(Repeat(max(REPEAT_RANGE[0], min(item.times, round(item.times * share))), item.steps))
        elif item.duration.until is Until.TIME:
            seconds = max(STEP_SECONDS_RANGE[0], round(item.duration.amount * share))
            out.append(Step(item.intensity, Duration(Until.TIME, seconds), item.target))
        elif item.duration.until is Until.DISTANCE:
            metres = max(STEP_METRES_RANGE[0], math.floor(item.duration.amount * share))
            out.append(Step(item.intensity, Duration(Until.DISTANCE, metres), item.target))
        else:
            out.append(item)
    return tuple(out)
