"""A structured run's steps as text: the compact form that round-trips (the plan CSV's `steps`
column) and the words a card, the printed page and a calendar file show.

Compact form, metric, one step after another separated by ";", a repeat as `Nx(step, step)`:

    15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy

A step is `[intensity ]duration[@target]`. Duration: `90s`, `15min`, `1h`, `800m`, `5km`, `1.5mi`
or `lap` (until the lap button). Target: a pace or pace range (`4:15/km`, `4:10-4:20/km`, `/mi`
too), a heart-rate zone (`Z2`), a heart-rate range (`140-150bpm`) or a word (`easy`, `jog`), which
the watch treats as an open target. The intensity word (warmup, active, recovery, rest, cooldown)
may be left out where it is what the position says: an open first step is the warm-up and an open
last step the cool-down (when there is more than one), an open step after the first inside a repeat
is a recovery; every other step is active. The writer leaves it out exactly there.
"""

from __future__ import annotations

import re

from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.steps import (
    OPEN,
    Aim,
    Duration,
    Item,
    Repeat,
    Step,
    StepIntensity,
    Target,
    Until,
    check_steps,
    totals,
)
from planner.domain.units import KM_PER_MILE
from planner.words.numbers import format_exact, format_number
from planner.words.paces import pace_range_text
from planner.words.quantities import duration_text, format_distance

FIELD = "steps"
_CLOCK = r"(\d{1,2}):([0-5]\d)"
_PACE = re.compile(rf"{_CLOCK}(?:\s*-\s*{_CLOCK})?\s*/\s*(km|mi)")
_ZONE = re.compile(r"[Zz]\s*([1-5])")
_BPM = re.compile(r"(\d{2,3})(?:\s*-\s*(\d{2,3}))?\s*bpm", re.IGNORECASE)
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(s|sec|min|h|m|km|mi)", re.IGNORECASE)
_REPEAT = re.compile(r"(\d+)\s*[x×]\s*\((.*)\)", re.IGNORECASE | re.DOTALL)
_SECONDS = {"s": 1, "sec": 1, "min": 60, "h": 3600}
_METRES = {"m": 1.0, "km": 1000.0, "mi": KM_PER_MILE * 1000}


# ---- which intensity a step has without a word ----------------------------------------------

def implied_intensity(target: Target, index: int, count: int, in_repeat: bool) -> StepIntensity:
    if target.aim is Aim.OPEN:
        if in_repeat and index > 0:
            return StepIntensity.RECOVERY
        if not in_repeat and count > 1 and index == 0:
            return StepIntensity.WARMUP
        if not in_repeat and count > 1 and index == count - 1:
            return StepIntensity.COOLDOWN
    return StepIntensity.ACTIVE


# ---- writing ---------------------------------------------------------------------------------

def _seconds_compact(seconds: float) -> str:
    s = round(seconds)
    if s % 3600 == 0:
        return f"{s // 3600}h"
    return f"{s // 60}min" if s % 60 == 0 else f"{s}s"


def _metres_compact(metres: float) -> str:
    if metres.is_integer() and metres >= 1000 and metres % 100 == 0:
        return f"{format_exact(metres / 1000)}km"
    return f"{format_exact(metres)}m"


def duration_compact(d: Duration) -> str:
    if d.until is Until.TIME:
        return _seconds_compact(d.amount)
    if d.until is Until.DISTANCE:
        return _metres_compact(d.amount)
    return "lap"


def _pace_text(target: Target, units: Units) -> str:
    return pace_range_text(target.low, target.high, units)


def target_compact(t: Target, units: Units = Units.METRIC) -> str:
    """The target as typed: "4:10-4:20/km" (per mile in imperial units), "Z2", "140-150bpm", "easy"."""
    if t.aim is Aim.PACE:
        return _pace_text(t, units)
    if t.aim is Aim.HR_ZONE:
        return f"Z{round(t.low)}"
    if t.aim is Aim.HR_RANGE:
        return f"{round(t.low)}bpm" if t.low == t.high else f"{round(t.low)}-{round(t.high)}bpm"
    return t.word


def _step_compact(step: Step, index: int, count: int, in_repeat: bool) -> str:
    text = duration_compact(step.duration)
    target = target_compact(step.target)
    if target:
        text += f"@{target}"
    if step.intensity is not implied_intensity(step.target, index, count, in_repeat):
        text = f"{step.intensity.value} {text}"
    return text


def steps_compact(items: tuple[Item, ...]) -> str:
    """The compact form of the CSV's `steps` column; "" for a run without steps."""
    parts = []
    for i, item in enumerate(items):
        if isinstance(item, Repeat):
            inner = ", ".join(_step_compact(s, j, len(item.steps), True) for j, s in enumerate(item.steps))
            parts.append(f"{item.times}x({inner})")
        else:
            parts.append(_step_compact(item, i, len(items), False))
    return "; ".join(parts)


# ---- reading ---------------------------------------------------------------------------------

def _bad(text: str, why: str) -> ValidationError:
    return ValidationError(FIELD, f"{why} in {text.strip()!r}")


def parse_duration(text: str) -> Duration:
    t = text.strip()
    if t.lower() == "lap":
        return Duration(Until.LAP)
    m = _DURATION.fullmatch(t)
    if not m:
        raise _bad(t, "a step's length must be a time (90s, 15min, 1h), a distance (800m, 5km, 1mi) or lap")
    value, unit = float(m.group(1)), m.group(2).lower()
    if unit in _SECONDS:
        seconds = value * _SECONDS[unit]
        if not seconds.is_integer():
            raise _bad(t, "a step's time must be whole seconds")
        return Duration(Until.TIME, seconds)
    metres = value * _METRES[unit]
    return Duration(Until.DISTANCE, round(metres, 3) if unit == "mi" else metres)


def _clock_seconds(minutes: str, seconds: str) -> int:
    return int(minutes) * 60 + int(seconds)


def parse_target(text: str) -> Target:
    t = text.strip()
    if not t:
        return OPEN
    if m := _PACE.fullmatch(t):
        low = _clock_seconds(m.group(1), m.group(2))
        high = _clock_seconds(m.group(3), m.group(4)) if m.group(3) else low
        if m.group(5) == "mi":
            low, high = round(low / KM_PER_MILE), round(high / KM_PER_MILE)
        return Target(Aim.PACE, min(low, high), max(low, high))
    if m := _ZONE.fullmatch(t):
        return Target(Aim.HR_ZONE, int(m.group(1)), int(m.group(1)))
    if m := _BPM.fullmatch(t):
        low = int(m.group(1))
        high = int(m.group(2)) if m.group(2) else low
        return Target(Aim.HR_RANGE, low, high)
    return Target(word=t)


def _parse_step(text: str, index: int, count: int, in_repeat: bool) -> Step:
    body, _, target_text = text.strip().partition("@")
    words = body.split()
    if not words:
        raise _bad(text, "a step needs a length")
    intensity = None
    if words[0].lower() in {i.value for i in StepIntensity}:
        intensity = StepIntensity(words.pop(0).lower())
    target = parse_target(target_text)
    duration = parse_duration("".join(words))
    return Step(intensity or implied_intensity(target, index, count, in_repeat), duration, target)


def _split_top(text: str) -> list[str]:
    """Split on ";" outside brackets (a repeat's inner steps are separated by "," or ";")."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise _bad(text, "a ')' without its '('")
        elif ch == ";" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    if depth:
        raise _bad(text, "a '(' without its ')'")
    parts.append(text[start:])
    return [p for p in (p.strip() for p in parts) if p]


def parse_steps(text: str) -> tuple[Item, ...]:
    """The compact form back into steps; "" gives none. Raises ValidationError saying what is wrong."""
    parts = _split_top(text)
    items: list[Item] = []
    for i, part in enumerate(parts):
        m = _REPEAT.fullmatch(part)
        if m:
            inner = [p for p in re.split(r"[,;]", m.group(2)) if p.strip()]
            if "(" in m.group(2):
                raise _bad(part, "a repeat cannot hold another repeat")
            steps = tuple(_parse_step(p, j, len(inner), True) for j, p in enumerate(inner))
            items.append(Repeat(int(m.group(1)), steps))
        else:
            items.append(_parse_step(part, i, len(parts), False))
    return check_steps(tuple(items))


# ---- words for people ------------------------------------------------------------------------

INTENSITY_WORDS = {
    StepIntensity.WARMUP: "Warm-up", StepIntensity.ACTIVE: "Run", StepIntensity.RECOVERY: "Recovery",
    StepIntensity.REST: "Rest", StepIntensity.COOLDOWN: "Cool-down",
}


def duration_words(d: Duration, units: Units) -> str:
    """"15 min", "90 s", "800 m", "5 km" (or miles), "until lap"."""
    if d.until is Until.TIME:
        s = round(d.amount)
        if s < 60 or s % 60 and s < 120:
            return f"{s} s"  # "90 s", as coaches say it
        return duration_text(s // 60) + (f" {s % 60} s" if s % 60 else "")  # "8 min 30 s"
    if d.until is Until.DISTANCE:
        # Track distances stay in metres in either units: runners say "800 m" in miles too.
        if d.amount < 1000 or units is Units.IMPERIAL and d.amount < 1600:
            return f"{format_number(d.amount)} m"
        return format_distance(d.amount / 1000, units)
    return "until lap"


def target_words(t: Target, units: Units) -> str:
    if t.aim is Aim.PACE:
        return _pace_text(t, units)
    if t.aim is Aim.HR_ZONE:
        return f"HR zone {round(t.low)}"
    if t.aim is Aim.HR_RANGE:
        return f"{round(t.low)}-{round(t.high)} bpm" if t.low != t.high else f"{round(t.low)} bpm"
    return t.word


def step_words(step: Step, units: Units) -> str:
    """"800 m at 4:10-4:20/km", "2 min jog"."""
    length, target = duration_words(step.duration, units), target_words(step.target, units)
    if step.target.aim is Aim.OPEN:
        return f"{length} {target}".strip()
    return f"{length} at {target}"


def steps_lines(items: tuple[Item, ...], units: Units) -> tuple[str, ...]:
    """One line per step or repeat, for the printed page, a tooltip and a calendar description:
    ("Warm-up 15 min easy", "6 × (800 m at 4:10-4:20/km, 2 min jog)", "Cool-down 10 min easy")."""
    lines = []
    for item in items:
        if isinstance(item, Repeat):
            lines.append(f"{item.times} × ({', '.join(step_words(s, units) for s in item.steps)})")
        elif item.intensity is StepIntensity.ACTIVE:
            lines.append(step_words(item, units))
        else:
            lines.append(f"{INTENSITY_WORDS[item.intensity]} {step_words(item, units)}")
    return tuple(lines)


def steps_summary(items: tuple[Item, ...], units: Units) -> str:
    """The lines on one line, for a card: "15 min easy · 6 × (800 m at 4:10-4:20/km, 2 min jog) · …"."""
    return " · ".join(steps_lines(items, units))


def steps_total(items: tuple[Item, ...], units: Units) -> str:
    """What the editor shows live: "Total 55 min · 4.8 km + open steps" ("" without steps)."""
    if not items:
        return ""
    t = totals(items)
    time = duration_text(max(1, round(t.seconds / 60))) if t.seconds else ""
    if time and not t.complete_time:
        time += " + open steps"
    distance = format_distance(t.metres / 1000, units) if t.metres else ""
    if distance and not t.complete_distance:
        distance = f"at least {distance}"
    return "Total " + " · ".join(p for p in (time, distance) if p) if time or distance else "Total: open"
