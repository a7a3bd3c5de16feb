"""Convert and read distances and loads in the profile's units; storage always stays metric.
How they read is planner/words/quantities.py.

Keeping one metric truth means every calculation (load, tonnage, nutrition) needs no unit logic;
only the edges of the UI convert. The factors are the exact international definitions (the 1959
yard and pound agreement): 1 mi = 1.609344 km and 1 lb = 0.45359237 kg.

Parsed values are rounded to `STORE_DECIMALS` so that typing "10" miles stores 16.09344 km and not
16.093440000000001: a millimetre or a milligram is far below anything a user can measure, and clean
numbers keep the data file readable and comparisons stable.
"""

from __future__ import annotations

import math
import re

from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.session import DISTANCE_RANGE, LOAD_RANGE
from planner.words.numbers import SHOWN_DECIMALS, format_number

KM_PER_MILE = 1.609344
KG_PER_POUND = 0.45359237
#: The US fluid ounce (1/128 of a US gallon of 3.785411784 L).
L_PER_US_FL_OZ = 0.0295735295625
STORE_DECIMALS = 6

_NUMBER_WITH_UNIT = re.compile(r"^\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*([a-zA-Z]*)\.?\s*$")
_DISTANCE_WORDS = {"km": "km", "k": "km", "kms": "km", "mi": "mi", "mile": "mi", "miles": "mi"}
_LOAD_WORDS = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb"}


def km_to_mi(km: float) -> float:
    return km / KM_PER_MILE


def mi_to_km(mi: float) -> float:
    return mi * KM_PER_MILE


def kg_to_lb(kg: float) -> float:
    return kg / KG_PER_POUND


def lb_to_kg(lb: float) -> float:
    return lb * KG_PER_POUND


def distance_unit(units: Units) -> str:
    return "mi" if units is Units.IMPERIAL else "km"


def load_unit(units: Units) -> str:
    return "lb" if units is Units.IMPERIAL else "kg"


def distance_to_display(km: float, units: Units) -> float:
    return km_to_mi(km) if units is Units.IMPERIAL else km


def distance_from_display(value: float, units: Units) -> float:
    km = mi_to_km(value) if units is Units.IMPERIAL else value
    return round(km, STORE_DECIMALS)


def load_to_display(kg: float, units: Units) -> float:
    return kg_to_lb(kg) if units is Units.IMPERIAL else kg


def load_from_display(value: float, units: Units) -> float:
    kg = lb_to_kg(value) if units is Units.IMPERIAL else value
    return round(kg, STORE_DECIMALS)


def fluid_to_display(litres: float, units: Units) -> float:
    """Litres, or US fluid ounces in imperial units (a sweat rate in L/h likewise per hour)."""
    return litres / L_PER_US_FL_OZ if units is Units.IMPERIAL else litres


def fluid_from_display(value: float, units: Units) -> float:
    litres = value * L_PER_US_FL_OZ if units is Units.IMPERIAL else value
    return round(litres, STORE_DECIMALS)


def distance_limits(units: Units) -> tuple[float, float]:
    """The domain's distance range (DISTANCE_RANGE, km) in the display unit."""
    lo, hi = DISTANCE_RANGE
    return distance_to_display(lo, units), distance_to_display(hi, units)


def load_limits(units: Units) -> tuple[float, float]:
    """The domain's load range (LOAD_RANGE, kg) in the display unit."""
    lo, hi = LOAD_RANGE
    return load_to_display(lo, units), load_to_display(hi, units)


def parse_decimal(field: str, text: str) -> float:
    """A finite number as people type it, with a decimal point or a decimal comma ("7.5", "7,5").
    The one place a decimal comma is understood (forms, the command line, spreadsheets)."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise ValidationError(field, f"must be a number (got {text.strip()!r})") from None
    if not math.isfinite(value):
        raise ValidationError(field, f"must be a number (got {text.strip()!r})")
    return value


def parse_distance(text: str, units: Units, field: str = "distance_km") -> float | None:
    """Typed distance -> km (None when empty). A number alone is in the profile's unit; "10 km" or
    "6 mi" are taken at their word. Out-of-range values raise a ValidationError that speaks the
    user's unit, checked in km so the limit is exactly the domain's."""
    parsed = _parse_quantity(text, field, _DISTANCE_WORDS, "km or mi")
    if parsed is None:
        return None
    value, unit = parsed
    shown_unit = unit or distance_unit(units)
    km = round(mi_to_km(value) if shown_unit == "mi" else value, STORE_DECIMALS)
    _check_range(
        field,
        km,
        DISTANCE_RANGE,
        distance_limits(units),
        distance_unit(units),
        f"{format_number(value)} {shown_unit}",
    )
    return km


def parse_load(text: str, units: Units, field: str = "load_kg") -> float | None:
    """Typed load -> kg (None when empty, meaning bodyweight); like `parse_distance`."""
    parsed = _parse_quantity(text, field, _LOAD_WORDS, "kg or lb")
    if parsed is None:
        return None
    value, unit = parsed
    shown_unit = unit or load_unit(units)
    kg = round(lb_to_kg(value) if shown_unit == "lb" else value, STORE_DECIMALS)
    _check_range(
        field,
        kg,
        LOAD_RANGE,
        load_limits(units),
        load_unit(units),
        f"{format_number(value)} {shown_unit}",
    )
    return kg


def pace_s_per_km(duration_min: float, distance_km: float | None) -> float | None:
    """Average pace in seconds per km, or None when there is no distance to divide by."""
    if not distance_km or distance_km <= 0 or duration_min <= 0:
        return None
    return duration_min * 60.0 / distance_km


def _parse_quantity(
    text: str, field: str, words: dict[str, str], allowed: str
) -> tuple[float, str] | None:
    if not isinstance(text, str):
        raise ValidationError(field, f"must be text, not {text!r}")
    if not text.strip():
        return None
    match = _NUMBER_WITH_UNIT.match(text)
    if match is None:
        raise ValidationError(field, f"must be a number (got {text.strip()!r})")
    number, word = match.groups()
    unit = ""
    if word:
        unit = words.get(word.lower(), "")
        if not unit:
            raise ValidationError(field, f"unit must be {allowed} (got {word!r})")
    return parse_decimal(field, number), unit


def _check_range(
    field: str,
    metric: float,
    metric_range: tuple[float, float],
    shown_range: tuple[float, float],
    shown_unit: str,
    got: str,
) -> None:
    lo, hi = metric_range
    if not lo <= metric <= hi:
        shown_lo, shown_hi = shown_range
        # Round the upper limit down so every number the message offers is really allowed.
        shown_hi = math.floor(shown_hi * 10**SHOWN_DECIMALS) / 10**SHOWN_DECIMALS
        raise ValidationError(
            field,
            f"must be between {format_number(shown_lo)} and {format_number(shown_hi)} "
            f"{shown_unit} (got {got})",
        )
