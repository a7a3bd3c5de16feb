"""The athlete's reference heart rates: the profile's where set, else estimated from what the plan
(and an import under way) recorded, and said to be estimated."""

from __future__ import annotations

from collections.abc import Iterable

from planner.domain.effort import HeartRates, reference_heart_rates
from planner.store.store import Store


def athlete_heart_rates(store: Store, incoming_max: Iterable[int] = ()) -> HeartRates | None:
    """Maximum: the profile's, else the highest an activity recorded (or Tanaka's from age).
    Resting: the profile's, else the median of the readiness log, else an assumed 60 bpm."""
    p = store.profile.get()
    recorded = [s.max_hr for s in store.sessions.all() if s.max_hr is not None]
    resting = [r.resting_hr for r in store.readiness.all() if r.resting_hr is not None]
    return reference_heart_rates(p.max_hr, p.resting_hr, [*recorded, *incoming_max], resting, p.age)
