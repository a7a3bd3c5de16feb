"""Sweat rate from a weighed session (Sawka 2007): (mass before - mass after + fluid drunk) / hours.

1 kg of body mass lost is taken as 1 L of sweat. The checks refuse numbers that cannot come from
one session, so a typo never becomes the sweat rate every fluid estimate uses.
"""

from __future__ import annotations

from planner.domain import validate as v
from planner.domain.errors import ValidationError
from planner.domain.profile import BODY_MASS_RANGE, SWEAT_RATE_RANGE

DRUNK_RANGE = (0.0, 10.0)  # L
DURATION_RANGE = (10, 600)  # min
#: App convention: more than 10 % of body mass gained or lost in one session is a typo.
MAX_CHANGE_SHARE = 0.10


def sweat_rate_l_per_h(mass_before_kg: float, mass_after_kg: float, drunk_l: float, minutes: float) -> float:
    before = v.number("mass_before_kg", mass_before_kg, *BODY_MASS_RANGE, "kg")
    after = v.number("mass_after_kg", mass_after_kg, *BODY_MASS_RANGE, "kg")
    drunk = v.number("drunk_l", drunk_l, *DRUNK_RANGE, "L")
    duration = v.number("duration_min", minutes, *DURATION_RANGE, "min")
    if abs(before - after) > MAX_CHANGE_SHARE * before:
        raise ValidationError("mass_after_kg", f"differs from the mass before by more than "
                              f"{MAX_CHANGE_SHARE:.0%} of it: check both masses")
    loss = before - after + drunk
    if loss <= 0:
        raise ValidationError("mass_after_kg", "plus the fluid drunk leaves no sweat loss: the mass "
                              "after should be lower than the mass before plus what was drunk")
    rate = loss / (duration / 60)
    lo, hi = SWEAT_RATE_RANGE
    if not lo <= rate <= hi:
        raise ValidationError("sweat_rate_l_per_h", f"comes out at {rate:.2f} L/h, outside "
                              f"{lo:g}\u2013{hi:g} L/h: check the numbers")
    return rate
