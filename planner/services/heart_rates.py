"""The athlete's reference heart rates: the profile's where set, else estimated from what the plan
(and an import under way) recorded, and said to be estimated."""

from __future__ import annotations

from collections.abc import Iterable

from planner.domain.effort import HeartRateEvidence, HeartRates, RecordedHeartRates
from planner.domain.session import Session
from planner.store.store import Store


def recorded_heart_rates(store: Store, incoming: Iterable[Session] = ()) -> RecordedHeartRates:
    """What the plan's activities (and those being imported) recorded."""
    return RecordedHeartRates.of([*store.sessions.all(), *incoming])


def heart_rate_evidence(store: Store, incoming: Iterable[Session] = ()) -> HeartRateEvidence:
    """The activities' highest heart rates and the readiness log's resting ones."""
    resting = tuple(r.resting_hr for r in store.readiness.all() if r.resting_hr is not None)
    return HeartRateEvidence(recorded_heart_rates(store, incoming), resting)


def athlete_heart_rates(store: Store, incoming: Iterable[Session] = ()) -> HeartRates | None:
    """Maximum: the profile's, else the highest an activity recorded when there are enough of them,
    and Tanaka's from age (the higher of the two). Resting: the profile's, else the median of the
    readiness log, else an assumed 60 bpm. None when no maximum can be had."""
    p = store.profile.get()
    return heart_rate_evidence(store, incoming).rates(p.max_hr, p.resting_hr, p.age)
