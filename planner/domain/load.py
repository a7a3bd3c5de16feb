"""What one session, one day or one week adds to training load, planned and completed kept apart.

- Load: session RPE x minutes in arbitrary units (AU), Foster 2001; once a
  session is done its actual RPE and minutes count.
- Running: distance, minutes, and minutes at easy vs above-easy intensity. Only "easy" counts as
  easy (Seiler 2010): moderate and hard minutes both go to `run_hard_min`. The class comes from
  `planner.domain.intensity`, with the actual RPE once a run is done.
- Lifting: tonnage (sets x reps x kg over working sets, McBride 2009) and hard sets per muscle
  group: working sets at set RPE >= 7 on the reps-in-reserve scale, i.e. <= 3 reps in reserve
  (Zourdos 2016; never mixed with session RPE). A hard set counts 1 for the exercise's main muscle
  (the first one listed) and 0.5 for each of the others: the fractional counting of Pelland 2024,
  a preprint, used here as a convention. Sets without an RPE or RIR are not counted as hard.

A skipped session adds nothing. "Completed" is a session marked done; "planned" is one not (yet)
marked done, wherever it lies in time. Most load series use both (`total`): a planned session is
the best guess of what the day will hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from planner.domain.enums import Intensity, Kind, Status
from planner.domain.intensity import intensity
from planner.domain.session import Exercise, Session

#: Set RPE (RIR scale) from which a working set is "hard": RPE 7 = 3 reps in reserve (Zourdos 2016).
HARD_SET_RPE = 7.0
MAIN_MUSCLE_WEIGHT = 1.0
#: Pelland 2024 (preprint): an indirect set counts half.
OTHER_MUSCLE_WEIGHT = 0.5

_EMPTY: Mapping[str, float] = MappingProxyType({})


class Volume(NamedTuple):
    """Additive amounts for a session, a day or a week (one side: planned or completed).

    A named tuple rather than a frozen dataclass: the whole history builds ~10,000 of them, and a
    tuple is built several times faster. Add two with `plus` (`+` would concatenate tuples).
    """

    load_au: float = 0.0
    minutes: int = 0
    sessions: int = 0
    run_km: float = 0.0
    run_min: int = 0
    run_easy_min: int = 0
    run_hard_min: int = 0
    tonnage_kg: float = 0.0
    hard_sets: float = 0.0
    hard_sets_by_muscle: Mapping[str, float] = _EMPTY
    longest_run_km: float = 0.0  # not a sum: the longest of the runs added together

    def plus(self, other: Volume) -> Volume:
        if not other.sessions:
            return self
        if not self.sessions:
            return other
        muscles = dict(self.hard_sets_by_muscle)
        for m, n in other.hard_sets_by_muscle.items():
            muscles[m] = muscles.get(m, 0.0) + n
        return Volume(
            load_au=self.load_au + other.load_au,
            minutes=self.minutes + other.minutes,
            sessions=self.sessions + other.sessions,
            run_km=self.run_km + other.run_km,
            run_min=self.run_min + other.run_min,
            run_easy_min=self.run_easy_min + other.run_easy_min,
            run_hard_min=self.run_hard_min + other.run_hard_min,
            tonnage_kg=self.tonnage_kg + other.tonnage_kg,
            hard_sets=self.hard_sets + other.hard_sets,
            hard_sets_by_muscle=MappingProxyType(muscles) if muscles else _EMPTY,
            longest_run_km=max(self.longest_run_km, other.longest_run_km),
        )


ZERO = Volume()


class Split(NamedTuple):
    """Planned and completed kept apart; `total` is what the day or week holds either way."""

    planned: Volume = ZERO
    done: Volume = ZERO

    @property
    def total(self) -> Volume:
        return self.planned.plus(self.done)

    @property
    def longest_run_km(self) -> float:
        return max(self.planned.longest_run_km, self.done.longest_run_km)

    def plus(self, other: Split) -> Split:
        return Split(self.planned.plus(other.planned), self.done.plus(other.done))


#: Per exercise: (the exercise, hard working sets, tonnage). Exercises are frozen and shared between
#: sessions (the store decodes equal exercises once), so a memo keyed by identity saves most work.
ExerciseMemo = dict[int, tuple[Exercise, int, float]]


def _exercise_figures(e: Exercise, memo: ExerciseMemo | None) -> tuple[int, float]:
    if memo is not None:
        hit = memo.get(id(e))
        if hit is not None and hit[0] is e:
            return hit[1], hit[2]
    hard = 0
    for ws in e.sets:
        if not ws.warmup and (ws.effort_rpe or 0.0) >= HARD_SET_RPE:
            hard += 1
    tonnage = e.tonnage_kg
    if memo is not None:
        memo[id(e)] = (e, hard, tonnage)
    return hard, tonnage


def hard_sets_by_muscle(s: Session, memo: ExerciseMemo | None = None) -> dict[str, float]:
    """Hard working sets per muscle group: 1 for the main (first) muscle, 0.5 for each other."""
    out: dict[str, float] = {}
    for e in s.exercises:
        hard, _ = _exercise_figures(e, memo)
        if not hard or not e.muscles:
            continue
        for i, m in enumerate(e.muscles):
            w = MAIN_MUSCLE_WEIGHT if i == 0 else OTHER_MUSCLE_WEIGHT
            out[m] = out.get(m, 0.0) + hard * w
    return out


def session_volume(s: Session, memo: ExerciseMemo | None = None) -> Volume:
    """One session's amounts with effective values (actual ones once done); zero when skipped."""
    if s.status is Status.SKIPPED:
        return ZERO
    minutes = s.effective_duration_min
    rpe = s.effective_rpe
    run_km = 0.0
    easy = hard = run_min = 0
    if s.kind is Kind.RUN:
        run_km = float(s.effective_distance_km or 0.0)
        run_min = minutes
        if intensity(s, rpe) is Intensity.EASY:
            easy = minutes
        else:
            hard = minutes
    tonnage = 0.0
    hard_sets = 0
    by_muscle: dict[str, float] = {}
    for e in s.exercises:
        n, kg = _exercise_figures(e, memo)
        tonnage += kg
        hard_sets += n
        if n:
            for i, m in enumerate(e.muscles):
                by_muscle[m] = by_muscle.get(m, 0.0) + n * (MAIN_MUSCLE_WEIGHT if i == 0 else OTHER_MUSCLE_WEIGHT)
    return Volume(
        load_au=rpe * minutes,
        minutes=minutes,
        sessions=1,
        run_km=run_km,
        run_min=run_min,
        run_easy_min=easy,
        run_hard_min=hard,
        tonnage_kg=tonnage,
        hard_sets=float(hard_sets),
        hard_sets_by_muscle=MappingProxyType(by_muscle) if by_muscle else _EMPTY,
        longest_run_km=run_km,
    )


def split_volume(sessions: Iterable[Session], memo: ExerciseMemo | None = None) -> Split:
    """Sessions (a day, a week) summed, done and not-done apart."""
    planned: list[Volume] = []
    done: list[Volume] = []
    for s in sessions:
        (done if s.status is Status.DONE else planned).append(session_volume(s, memo))
    return Split(sum_volumes(planned), sum_volumes(done))


def sum_volumes(volumes: Iterable[Volume]) -> Volume:
    out = ZERO
    for v in volumes:
        out = out.plus(v)
    return out


def longest_run_km(sessions: Iterable[Session]) -> float:
    """The longest (effective) run distance among sessions that were not skipped; 0 when none."""
    return max((s.effective_distance_km or 0.0 for s in sessions
                if s.kind is Kind.RUN and s.status is not Status.SKIPPED), default=0.0)
