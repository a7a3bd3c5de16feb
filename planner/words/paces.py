"""Clock times and paces as runners read them, in the profile's units: "45:00", "5:00", "5:25-5:55/km",
"8:44-9:32/mi". The one place a pace becomes text: the cards, the editor, the page, the generator's
targets and the training paces all call it, so a pace per km and its mile twin cannot drift."""

from __future__ import annotations

from planner.domain.enums import Units
from planner.domain.units import KM_PER_MILE, distance_unit


def clock(seconds: float) -> str:
    """300 -> "5:00"; 5400 -> "1:30:00". Seconds are rounded first, so 299.7 is "5:00", never "4:60"."""
    total = round(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def pace_clock(seconds_per_km: float, units: Units) -> str:
    """A pace's clock in the unit shown, without the unit: 300 s/km -> "5:00", or "8:03" per mile."""
    return clock(seconds_per_km * KM_PER_MILE if units is Units.IMPERIAL else seconds_per_km)


def pace_range_text(fast: float, slow: float, units: Units = Units.METRIC) -> str:
    """A pace range as a run's target carries it: "5:25-5:55/km" or "8:43-9:31/mi" (one pace when
    both ends round alike)."""
    a, b = pace_clock(fast, units), pace_clock(slow, units)
    return f"{a}/{distance_unit(units)}" if a == b else f"{a}-{b}/{distance_unit(units)}"
