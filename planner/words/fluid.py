"""Fluid and sweat rate as the user reads them: litres, or US fluid ounces under imperial units.
The dock, the printed page, the fuelling advice, `report` and the profile all say it this way."""

from __future__ import annotations

from planner.domain.enums import Units
from planner.domain.units import fluid_to_display
from planner.words.numbers import format_number

DASH = "\u2013"


def fluid_unit(units: Units) -> str:
    return "fl oz" if units is Units.IMPERIAL else "L"


def _amount(litres: float, units: Units) -> str:
    """Litres to two decimals at most (a rest day's 2.25 L stays 2.25), or whole fl oz."""
    if units is Units.IMPERIAL:
        return f"{fluid_to_display(litres, units):.0f}"
    return format_number(litres, 2)


def fluid_text(litres: float, units: Units) -> str:
    """"1.4 L", or "47 fl oz" (whole ounces) in imperial units."""
    return f"{_amount(litres, units)} {fluid_unit(units)}"


def fluid_range_text(lo: float, hi: float, units: Units, *, dash: str = DASH) -> str:
    """"2.58–2.75 L", "87–93 fl oz"; one number when both ends read the same ("2.25 L")."""
    low, high = _amount(lo, units), _amount(hi, units)
    return f"{low} {fluid_unit(units)}" if low == high else f"{low}{dash}{high} {fluid_unit(units)}"


def sweat_rate_unit(units: Units) -> str:
    return f"{fluid_unit(units)}/h"


def sweat_rate_text(l_per_h: float, units: Units) -> str:
    """"1.3 L/h", or "44 fl oz/h"."""
    return f"{_amount(l_per_h, units)} {sweat_rate_unit(units)}"


def sweat_rate_range_text(lo: float, hi: float, units: Units) -> str:
    """"0.5–2 L/h", "17–68 fl oz/h"."""
    return f"{_amount(lo, units)}{DASH}{_amount(hi, units)} {sweat_rate_unit(units)}"
