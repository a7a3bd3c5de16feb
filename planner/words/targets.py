"""A run's target, written as free text ("Z2, 5:30-5:50/km", "last 5 km at HM pace"), in the
profile's units. Only paces written per km and distances written in km are converted; finish times
("Goal 1:39"), zones and words stay as typed. The stored text is never changed."""

from __future__ import annotations

import re

from planner.domain.enums import Units
from planner.domain.units import KM_PER_MILE
from planner.words.numbers import format_number
from planner.words.paces import pace_clock

_CLOCK = r"\d{1,2}:\d{2}"
#: A pace or a range of paces ending in /km: "4:25/km", "5:30-5:50/km", "5:40 down to 4:50/km".
_PACE = re.compile(rf"({_CLOCK})((?:\s*(?:-|–|to|down to|up to)\s*{_CLOCK})*)\s*/\s*km\b")
_CLOCK_RE = re.compile(_CLOCK)
_KM = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*km\b(?!\s*/)")


def _pace_per_mile(text: str) -> str:
    minutes, seconds = text.split(":")
    return pace_clock(int(minutes) * 60 + int(seconds), Units.IMPERIAL)


def target_in_units(text: str, units: Units) -> str:
    if units != Units.IMPERIAL or not text:
        return text

    def pace(m: re.Match[str]) -> str:
        converted = _CLOCK_RE.sub(lambda c: _pace_per_mile(c.group(0)), m.group(1) + m.group(2))
        return f"{converted}/mi"

    def km(m: re.Match[str]) -> str:
        value = float(m.group(1).replace(",", ".")) / KM_PER_MILE
        return f"{format_number(value)} mi"

    return _KM.sub(km, _PACE.sub(pace, text))
