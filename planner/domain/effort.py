"""The effort of an imported activity when nobody has rated it: from heart rate, else from pace.

Heart rate: the average as a share of heart-rate reserve, %HRR = (avg - rest) / (max - rest)
(Karvonen), placed in the ACSM intensity classes of Garber et al. 2011 (table 4): very light < 30 %,
light 30-39 %, moderate 40-59 %, vigorous 60-89 %, near-maximal >= 90 %, which that table also
gives on Borg's 6-20 scale (< 9, 9-11, 12-13, 14-17, >= 18), on the CR-10 scale about 1, 2, 3-4,
5-7, 8-10. Within a class the rating rises in step with %HRR, to the nearest half point.

Banister's TRIMP (1991) weighs minutes by %HRR and an exponential of it:
minutes x HRR x 0.64 e^(1.92 HRR) for men, 0.86 e^(1.67 HRR) for women.

Pace, with no heart rate: the run's speed against the athlete's easy pace. The bands are the app's
convention from the spacing of Daniels' training paces (Daniels' Running Formula, 3rd ed. 2014):
marathon pace is about 8-10 % faster than easy, threshold about 15-20 %, interval about 25 %.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.enums import Kind, RunType, Sex
from planner.domain.session import Session

#: (lowest %HRR of the class, CR-10 at that share, CR-10 at the class's top); Garber 2011, table 4.
ACSM_CLASSES: tuple[tuple[float, float, float], ...] = (
    (0.00, 1.0, 1.0),  # very light, < 30 %
    (0.30, 2.0, 2.0),  # light, 30-39 %
    (0.40, 3.0, 4.0),  # moderate, 40-59 %
    (0.60, 5.0, 7.0),  # vigorous, 60-89 %
    (0.90, 8.0, 10.0),  # near-maximal, >= 90 %
)
#: Speed as a share of easy speed -> CR-10: slower than easy, easy, marathon, threshold, interval.
PACE_BANDS: tuple[tuple[float, float], ...] = ((0.0, 2.0), (0.92, 3.0), (1.06, 5.0), (1.14, 6.0), (1.22, 8.0))
#: Used for Karvonen when neither the profile nor the readiness log gives a resting heart rate: a
#: common adult value (the normal range is about 60-100 bpm; trained athletes sit lower).
ASSUMED_RESTING_HR = 60
#: Tanaka H, Monahan KD, Seals DR. J Am Coll Cardiol 2001;37:153-156: HRmax = 208 - 0.7 x age.
TANAKA = (208.0, 0.7)
#: The highest heart rate the activities recorded stands for the maximum only from this many
#: activities with heart rate over this many days, or from one race: a week of easy runs never comes
#: near the maximum, and a low maximum overstates every effort (the app's convention, see its sources).
MIN_ACTIVITIES_FOR_MAX = 5
MIN_DAYS_FOR_MAX = 28
#: An activity whose title says it was raced: its peak comes near the maximum. (A planned interval
#: session filled in by an import says what was planned, not how hard it went.)
_RACE_WORDS = re.compile(r"\b(race|racing|parkrun|time trial)\b", re.IGNORECASE)


class EffortFrom(StrEnum):
    """Where an imported session's effort came from, shown beside it."""

    HEART_RATE = "heart rate"
    PACE = "pace"
    DEFAULT = "default"  # nothing to go by: the placeholder for the kind


@dataclass(frozen=True, slots=True)
class HeartRates:
    """The athlete's reference heart rates, and how each was had when not set ("" when set)."""

    max_hr: int
    resting_hr: int
    max_note: str = ""  # "estimated from your activities", "estimated from age, Tanaka 2001"
    resting_note: str = ""  # "estimated from the readiness log", "assumed"

    @property
    def max_estimated(self) -> bool:
        return bool(self.max_note)

    @property
    def resting_estimated(self) -> bool:
        return bool(self.resting_note)

    def reserve_share(self, avg_hr: float) -> float:
        """%HRR as a fraction (Karvonen), clamped to 0..1."""
        span = self.max_hr - self.resting_hr
        return 0.0 if span <= 0 else min(max((avg_hr - self.resting_hr) / span, 0.0), 1.0)

    def words(self) -> str:
        """'max 189 bpm (estimated from your activities), resting 60 bpm (assumed)'."""
        mx = f"max {self.max_hr} bpm" + (f" ({self.max_note})" if self.max_note else "")
        rest = f"resting {self.resting_hr} bpm" + (f" ({self.resting_note})" if self.resting_note else "")
        return f"{mx}, {rest}"


@dataclass(frozen=True, slots=True)
class RecordedHeartRates:
    """What the activities recorded: each one's highest heart rate, over how many days (first to
    last), and how many were races."""

    tops: tuple[int, ...] = ()
    days: int = 0
    races: int = 0

    @classmethod
    def of(cls, sessions: Iterable[Session]) -> RecordedHeartRates:
        with_hr = [s for s in sessions if s.max_hr]
        dates = [s.date for s in with_hr]
        return cls(tuple(s.max_hr for s in with_hr if s.max_hr),
                   (max(dates) - min(dates)).days if dates else 0, sum(1 for s in with_hr if is_race(s)))

    @property
    def enough(self) -> bool:
        """Enough to take the highest as the maximum."""
        return (len(self.tops) >= MIN_ACTIVITIES_FOR_MAX and self.days >= MIN_DAYS_FOR_MAX) or self.races > 0

    def words(self) -> str:
        """'3 activities with heart rate over 6 days', 'no activity with heart rate'."""
        n = len(self.tops)
        if not n:
            return "no activity with heart rate"
        over = f" over {self.days} day{'s' if self.days != 1 else ''}" if n > 1 else ""
        return f"{n} activit{'ies' if n != 1 else 'y'} with heart rate{over}"

    def shortfall(self) -> str:
        """Why the highest recorded is not taken as the maximum ("" when it is)."""
        if self.enough:
            return ""
        return (f"{self.words()} and no race: too few to tell your maximum heart rate (it takes "
                f"{MIN_ACTIVITIES_FOR_MAX} over {MIN_DAYS_FOR_MAX} days or more, or one race)")


@dataclass(frozen=True, slots=True)
class HeartRateEvidence:
    """What the plan holds to estimate the reference heart rates from: its activities' highest
    heart rates and the readiness log's resting ones."""

    recorded: RecordedHeartRates = RecordedHeartRates()
    logged_resting: tuple[int, ...] = ()

    def rates(self, max_hr: int | None, resting_hr: int | None, age: int | None) -> HeartRates | None:
        return reference_heart_rates(max_hr, resting_hr, self.recorded, self.logged_resting, age)

    def resting(self, resting_hr: int | None) -> tuple[int, str]:
        return resting_heart_rate(resting_hr, self.logged_resting)


def is_race(s: Session) -> bool:
    """A race (by type, or by its title): its peak heart rate comes near the maximum."""
    return s.type == RunType.RACE.value or bool(_RACE_WORDS.search(s.title))


def cr10_from_reserve(share: float) -> float:
    """%HRR (0..1) -> CR-10 through the ACSM classes, to the nearest half point."""
    for i in range(len(ACSM_CLASSES) - 1, -1, -1):
        low, at_low, at_top = ACSM_CLASSES[i]
        if share >= low:
            high = ACSM_CLASSES[i + 1][0] if i + 1 < len(ACSM_CLASSES) else 1.0
            value = at_low + (at_top - at_low) * min((share - low) / (high - low), 1.0)
            return math.floor(value * 2 + 0.5) / 2
    return ACSM_CLASSES[0][1]


def trimp(minutes: float, share: float, sex: Sex | None) -> float:
    """Banister's TRIMP; the men's weighting unless the profile says female."""
    a, b = (0.86, 1.67) if sex is Sex.FEMALE else (0.64, 1.92)
    return minutes * share * a * math.exp(b * share)


def cr10_from_pace(seconds_per_km: float, easy_s_per_km: float) -> float:
    """A run's effort from its pace against easy pace (the bands above)."""
    ratio = easy_s_per_km / seconds_per_km
    return next(cr10 for low, cr10 in reversed(PACE_BANDS) if ratio >= low)


def reference_heart_rates(max_hr: int | None, resting_hr: int | None, recorded: RecordedHeartRates,
                          logged_resting: Iterable[int], age: int | None) -> HeartRates | None:
    """The profile's values where set; else a maximum from the highest recorded in activities (when
    there are enough of them) or Tanaka's formula from age, whichever is higher, and a resting rate
    from the median of the readiness log (or the assumed adult value). None when no maximum can be
    had: too few activities and no age."""
    mx, mx_note = max_hr, ""
    if mx is None:
        # Both are estimates: the highest recorded is a floor (a few easy runs never reach the
        # maximum), the age formula a population mean; the higher one overstates effort less.
        # Without an age, the floor alone stands for the maximum only when it rests on enough.
        top = max(recorded.tops, default=None)
        candidates = [(top, "estimated from your activities")] if top and (recorded.enough or age) else []
        if age:
            candidates.append((round(TANAKA[0] - TANAKA[1] * age), "estimated from age, Tanaka 2001"))
        if not candidates:
            return None
        mx, mx_note = max(candidates, key=lambda c: c[0])
    rest, rest_note = resting_heart_rate(resting_hr, logged_resting)
    return HeartRates(mx, rest, mx_note, rest_note)


def resting_heart_rate(resting_hr: int | None, logged_resting: Iterable[int]) -> tuple[int, str]:
    """The profile's resting rate, else the readiness log's median, else the assumed adult value;
    with how it was had ("" when set)."""
    if resting_hr is not None:
        return resting_hr, ""
    logged = list(logged_resting)
    return ((round(statistics.median(logged)), "estimated from the readiness log") if logged
            else (ASSUMED_RESTING_HR, "assumed"))


def with_estimated_effort(s: Session, rates: HeartRates | None, sex: Sex | None,
                          easy_s_per_km: int | None) -> Session:
    """An imported done session with its effort estimated: from the average heart rate (with
    TRIMP) where there is one, else a run's pace against easy pace, else marked as the default.
    A session someone rated is left as it is; a lift is never read from its heart rate (session RPE
    is the measure for lifting, Day 2004), so an unrated one keeps the default, marked as such: a
    coach must not read the placeholder as the athlete's own rating."""
    if s.actual_rpe is not None:
        return s
    if s.kind is Kind.LIFT:
        return s.replace(effort_from=EffortFrom.DEFAULT.value)
    minutes = s.effective_duration_min
    if s.avg_hr and rates is not None:
        share = rates.reserve_share(s.avg_hr)
        return s.replace(estimated_rpe=cr10_from_reserve(share), effort_from=EffortFrom.HEART_RATE.value,
                         trimp=round(trimp(minutes, share, sex), 1))
    km = s.effective_distance_km
    if s.kind is Kind.RUN and km and easy_s_per_km:
        return s.replace(estimated_rpe=cr10_from_pace(minutes * 60 / km, easy_s_per_km),
                         effort_from=EffortFrom.PACE.value)
    return s.replace(effort_from=EffortFrom.DEFAULT.value)
