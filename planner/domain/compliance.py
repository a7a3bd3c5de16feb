"""How closely a session went to plan, as the colour bands of TrainingPeaks' "Color coding" support
page (TrainingPeaks support).

TrainingPeaks compares actual with planned duration: green within 80-120 %, yellow 50-79 % or
121-150 %, red below 50 % or above 150 %, and red for a missed session. Runs with a planned and an
actual distance compare distance instead (the app's choice: a runner plans kilometres). A skipped
session is red. The percentage is rounded half up to a whole number *before* banding, so 79.5 %
is 80 %, green: the number written on the card and its colour always agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from planner.domain.enums import Kind, Status
from planner.domain.session import Session


class Band(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class Basis(StrEnum):
    DURATION = "duration"
    DISTANCE = "distance"
    SKIPPED = "skipped"
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class Compliance:
    band: Band
    basis: Basis
    percent: int | None = None  # None for skipped and missed sessions

    @property
    def text(self) -> str:
        """What the card writes beside the colour: "96 %", "Skipped", "Missed"."""
        if self.percent is not None:
            return f"{self.percent} %"
        return "Skipped" if self.basis is Basis.SKIPPED else "Missed"


def percent(actual: float, planned: float) -> int:
    """actual / planned in whole percent, rounded half up (exact decimal arithmetic, so 0.795 of
    plan is 80 %, not the 79 a binary float would give)."""
    ratio = Decimal(repr(float(actual))) * 100 / Decimal(repr(float(planned)))
    return int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def band(pct: int) -> Band:
    if 80 <= pct <= 120:
        return Band.GREEN
    if 50 <= pct <= 150:
        return Band.YELLOW
    return Band.RED


def compliance(s: Session, today: dt.date) -> Compliance | None:
    """The session's compliance, or None while it is still to come (or a rest day)."""
    if s.kind is Kind.REST:
        return None
    if s.status is Status.SKIPPED:
        return Compliance(Band.RED, Basis.SKIPPED)
    if s.status is Status.PLANNED:
        return Compliance(Band.RED, Basis.MISSED) if s.date < today else None
    if s.kind is Kind.RUN and s.distance_km and s.actual_distance_km is not None:
        pct = percent(s.actual_distance_km, s.distance_km)
        return Compliance(band(pct), Basis.DISTANCE, pct)
    if not s.duration_min:
        return None
    pct = percent(s.effective_duration_min, s.duration_min)
    return Compliance(band(pct), Basis.DURATION, pct)
