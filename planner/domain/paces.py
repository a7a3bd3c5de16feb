"""Training paces from a race result, by Daniels' VDOT; race-pace equivalents by Riegel. No Qt.

VDOT (Daniels & Gilbert 1979, as tabled in Daniels' Running Formula, 3rd ed. 2014): the oxygen cost of
running at v m/min, VO2 = -4.60 + 0.182258 v + 0.000104 v^2, divided by the share of VO2max that can be
held for t minutes, 0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t). These two equations give
Daniels' race table exactly (a 50:03 10K is VDOT 40.0, a 41:21 10K 50.0).
Training paces are the speeds whose oxygen cost is a share of the VDOT: easy 65-74 %, threshold 88 %,
interval 97.5 % (Daniels' bands: easy 59-74 %, threshold 83-88 %, interval 95-100 %); marathon pace is
the marathon the VDOT predicts; repetition pace is interval pace less 6 s per 400 m (Daniels' rule).
Race-pace equivalents for another distance use Riegel 1981: T2 = T1 x (D2 / D1)^1.06.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.words.paces import clock, pace_range_text
from planner.words.quantities import format_distance

RIEGEL_EXPONENT = 1.06
EASY_SHARES = (0.65, 0.74)
THRESHOLD_SHARE = 0.88
INTERVAL_SHARE = 0.975
#: Daniels: repetition pace is about 6 s per 400 m faster than interval pace (15 s per km).
REPETITION_GAIN_S_PER_KM = 15.0
#: A result is read from 1.5 km to the marathon, and from VDOT 20 to 90 (beyond Daniels' tables: refused).
RACE_KM_RANGE = (1.5, 42.2)
VDOT_RANGE = (20.0, 90.0)
MARATHON_KM = 42.195


def parse_time(text: str, field: str = "time") -> int:
    """'45:00' or '1:38:27' -> seconds."""
    parts = text.strip().split(":")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        raise ValidationError(field, f"must be minutes:seconds or hours:minutes:seconds, e.g. 45:00 "
                                     f"(got {text.strip()!r})") from None
    if len(nums) not in (2, 3) or any(n < 0 for n in nums) or any(n >= 60 for n in nums[1:]):
        raise ValidationError(field, f"must be minutes:seconds or hours:minutes:seconds, e.g. 45:00 "
                                     f"(got {text.strip()!r})")
    seconds = 0
    for n in nums:
        seconds = seconds * 60 + n
    return seconds


def _vo2(v_m_per_min: float) -> float:
    return -4.60 + 0.182258 * v_m_per_min + 0.000104 * v_m_per_min ** 2


def _share_held(t_min: float) -> float:
    return 0.8 + 0.1894393 * math.exp(-0.012778 * t_min) + 0.2989558 * math.exp(-0.1932605 * t_min)


def vdot(km: float, seconds: float) -> float:
    """Daniels & Gilbert's VDOT of a race result."""
    t = seconds / 60
    return _vo2(km * 1000 / t) / _share_held(t)


def _pace_at(vo2: float) -> float:
    """Seconds per km of the speed whose oxygen cost is `vo2` (the cost equation solved for v)."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    v = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)
    return 60_000 / v


def race_seconds(value: float, km: float) -> float:
    """The time a VDOT predicts for `km` (Daniels' race table), by bisection on `vdot`."""
    lo, hi = 60.0, 100_000.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if vdot(km, mid) > value else (lo, mid)
    return (lo + hi) / 2


def riegel_seconds(seconds: float, km: float, to_km: float) -> float:
    """Riegel 1981: the equivalent time over `to_km`."""
    return seconds * (to_km / km) ** RIEGEL_EXPONENT


@dataclass(frozen=True, slots=True)
class RecentRace:
    """A race (or time trial) result: distance in km and time in seconds."""

    km: float
    seconds: int

    def __post_init__(self) -> None:
        lo, hi = RACE_KM_RANGE
        if isinstance(self.km, bool) or not isinstance(self.km, int | float) or not lo <= self.km <= hi:
            raise ValidationError("recent race distance", f"must be from {lo:g} to {hi:g} km (got {self.km!r})")
        if isinstance(self.seconds, bool) or not isinstance(self.seconds, int) or self.seconds <= 0:
            raise ValidationError("recent race time", f"must be a time above zero (got {self.seconds!r})")
        value = vdot(self.km, self.seconds)
        if not VDOT_RANGE[0] <= value <= VDOT_RANGE[1]:
            raise ValidationError("recent race time", f"{clock(self.seconds)} for {self.km:g} km is outside "
                                  "Daniels' tables (VDOT 20-90): check the distance and the time")

    @classmethod
    def parse(cls, km: str | float, time: str) -> RecentRace:
        try:
            distance = float(str(km).replace(",", "."))
        except ValueError:
            raise ValidationError("recent race distance", f"must be a number of km (got {km!r})") from None
        return cls(distance, parse_time(time, "recent race time"))

    @property
    def vdot(self) -> float:
        return vdot(self.km, self.seconds)

    def text(self, units: Units = Units.METRIC) -> str:
        return f"{format_distance(self.km, units)} in {clock(self.seconds)}"

    def race_pace(self, km: float) -> float:
        """Seconds per km for a race of `km`, by Riegel from this result."""
        return riegel_seconds(self.seconds, self.km, km) / km


@dataclass(frozen=True, slots=True)
class TrainingPaces:
    """Daniels' five training paces in seconds per km (easy as a range, slow end last)."""

    vdot: float
    easy: tuple[float, float]
    marathon: float
    threshold: float
    interval: float
    repetition: float
    race: RecentRace | None = None

    @classmethod
    def from_vdot(cls, value: float, race: RecentRace | None = None) -> TrainingPaces:
        interval = _pace_at(INTERVAL_SHARE * value)
        return cls(value, (_pace_at(EASY_SHARES[1] * value), _pace_at(EASY_SHARES[0] * value)),
                   race_seconds(value, MARATHON_KM) / MARATHON_KM, _pace_at(THRESHOLD_SHARE * value), interval,
                   interval - REPETITION_GAIN_S_PER_KM, race)

    @classmethod
    def from_race(cls, race: RecentRace) -> TrainingPaces:
        return cls.from_vdot(race.vdot, race)

    @classmethod
    def from_easy_pace(cls, seconds_per_km: float) -> TrainingPaces:
        """The VDOT whose easy range is centred on this easy pace: a guess, when no result is known."""
        lo, hi = VDOT_RANGE
        for _ in range(60):
            mid = (lo + hi) / 2
            centre = (_pace_at(EASY_SHARES[0] * mid) + _pace_at(EASY_SHARES[1] * mid)) / 2
            lo, hi = (mid, hi) if centre > seconds_per_km else (lo, mid)
        return cls.from_vdot((lo + hi) / 2)

    @property
    def easy_centre(self) -> float:
        return sum(self.easy) / 2

    def race_pace(self, km: float) -> float:
        """Race pace for `km`: Riegel from the result when there is one, else Daniels' race table."""
        if self.race is not None:
            return self.race.race_pace(km)
        return race_seconds(self.vdot, km) / km

    def lines(self, units: Units = Units.METRIC) -> list[str]:
        """The five paces in words, in the user's units (repetition also per 400 m, as tracks run it)."""
        def one(pace: float) -> str:
            return pace_range_text(pace, pace, units)
        return [f"easy {pace_range_text(*self.easy, units)}", f"marathon {one(self.marathon)}",
                f"threshold {one(self.threshold)}", f"interval {one(self.interval)}",
                f"repetition {one(self.repetition)} ({clock(self.repetition * 0.4)} per 400 m)"]

    def summary(self, units: Units = Units.METRIC) -> str:
        source = f"from {self.race.text(units)}" if self.race else "estimated from your easy pace"
        return (f"Training paces {source} (VDOT {self.vdot:.1f}, Daniels 2014): " + "; ".join(self.lines(units)) + ".")
