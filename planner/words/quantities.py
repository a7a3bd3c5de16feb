"""Distances, loads, paces, durations and volume load as the user reads them, in the profile's
units. The stored values stay metric; planner/domain/units.py converts and parses."""

from __future__ import annotations

from planner.domain.enums import Units
from planner.domain.units import (
    distance_to_display,
    distance_unit,
    load_to_display,
    load_unit,
)
from planner.words.numbers import format_number, grouped
from planner.words.paces import pace_clock


def format_distance(km: float | None, units: Units, *, with_unit: bool = True) -> str:
    """A stored distance as the user reads it ("10 km", "6.21 mi"); "" when there is none."""
    if km is None:
        return ""
    text = format_number(distance_to_display(km, units))
    return f"{text} {distance_unit(units)}" if with_unit else text


def distance_pair(actual: float, planned: float, units: Units) -> str:
    """"9.4/9.5 km": actual over plan, one unit."""
    a = format_number(distance_to_display(actual, units))
    p = format_number(distance_to_display(planned, units))
    return f"{a}/{p} {distance_unit(units)}"


#: The smallest step a bar loads in: a pair of the smallest common plates (2 x 1.25 lb, 2 x 0.625 kg
#: change plates are rare; 2.5 lb and 1.25 kg steps are what gyms and lifting logs use).
PLATE_STEP = {Units.IMPERIAL: 2.5, Units.METRIC: 1.25}
#: A load within this of a whole number in the unit shown was typed as that number (a 16 kg
#: kettlebell, a 45 lb dumbbell, 101 lb stored as 45.812829 kg): it is shown as typed.
WHOLE_TOLERANCE = 0.005


def plate_load(kg: float, units: Units) -> float:
    """A stored load in the unit shown, as plates give it: 90 kg -> 197.5 lb, 65 kg -> 142.5 lb,
    100 kg -> 220 lb; a whole number in that unit stays as it is."""
    shown = load_to_display(kg, units)
    if abs(shown - round(shown)) < WHOLE_TOLERANCE:
        return float(round(shown))
    step = PLATE_STEP[units]
    return round(shown / step) * step


def format_load(kg: float | None, units: Units, *, with_unit: bool = True) -> str:
    """A stored load as the user reads it, rounded to what plates give ("100 kg", "197.5 lb"; never
    "198.42 lb"); "" for bodyweight (None). Decimals only where the step needs them."""
    if kg is None:
        return ""
    text = format_number(plate_load(kg, units))
    return f"{text} {load_unit(units)}" if with_unit else text


def format_mass(kg: float | None, units: Units, *, with_unit: bool = True) -> str:
    """A body mass, as weighed, not as plates give: "80 kg", "176.37 lb"; "" when there is none."""
    if kg is None:
        return ""
    text = format_number(load_to_display(kg, units))
    return f"{text} {load_unit(units)}" if with_unit else text


def tonnage_text(kg: float, units: Units) -> str:
    """Volume load rounded to whole kg or lb with thousands separators: "12,450 kg"."""
    return f"{grouped(load_to_display(kg, units))} {load_unit(units)}"


def format_pace(seconds_per_km: float, units: Units) -> str:
    """Pace as runners say it: 300 s/km -> "5:00 /km", or "8:03 /mi" in imperial units.

    Seconds are rounded before splitting into minutes, so 299.7 s shows "5:00", never "4:60".
    """
    return f"{pace_clock(seconds_per_km, units)} /{distance_unit(units)}"


def duration_text(minutes: int) -> str:
    """45 -> "45 min", 90 -> "1 h 30", 120 -> "2 h"."""
    if minutes < 60:
        return f"{minutes} min"
    h, m = divmod(minutes, 60)
    return f"{h} h {m:02d}" if m else f"{h} h"


def duration_words(minutes: int) -> str:
    """For screen readers: "53 minutes", "1 hour 45 minutes", "2 hours"."""
    h, m = divmod(minutes, 60)
    parts = ([f"{h} hour{'s' if h != 1 else ''}"] if h else []) + ([f"{m} minute{'s' if m != 1 else ''}"]
                                                                   if m or not h else [])
    return " ".join(parts)
