"""Closed sets of words used by sessions, profiles and files (their values are the file words)."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    RUN = "run"
    LIFT = "lift"
    MOBILITY = "mobility"
    RECOVERY = "recovery"
    REST = "rest"
    OTHER = "other"


class RunType(StrEnum):
    EASY = "easy"
    RECOVERY = "recovery"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    HILLS = "hills"
    RACE = "race"


class LiftFocus(StrEnum):
    LOWER = "lower"
    UPPER = "upper"
    FULL = "full"
    CORE = "core"


class MobilityType(StrEnum):
    YOGA = "yoga"
    MOBILITY = "mobility"
    FOAM_ROLLING = "foam_rolling"


class RecoveryType(StrEnum):
    WALK = "walk"
    OTHER = "other"


#: The `type` words allowed for each kind; an empty type is always allowed.
TYPES_BY_KIND: dict[Kind, tuple[str, ...]] = {
    Kind.RUN: tuple(RunType),
    Kind.LIFT: tuple(LiftFocus),
    Kind.MOBILITY: tuple(MobilityType),
    Kind.RECOVERY: tuple(RecoveryType),
    Kind.REST: (),
    Kind.OTHER: (),
}


class Status(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"


class Goal(StrEnum):
    RUN = "run"  # weightlifting for running
    LIFT = "lift"  # running for weightlifters
    BALANCED = "balanced"


class Units(StrEnum):
    METRIC = "metric"
    IMPERIAL = "imperial"


class WeekStart(StrEnum):
    MON = "mon"
    SUN = "sun"


class Sex(StrEnum):
    """Optional in the profile: resting-energy equations and fluid baselines differ by sex."""

    FEMALE = "female"
    MALE = "male"


class Intensity(StrEnum):
    EASY = "easy"
    MODERATE = "moderate"
    HARD = "hard"


class Experience(StrEnum):
    """How long the athlete has combined lifting and running; rules and the generator read it."""

    NEW = "new"
    SOME = "some"
    EXPERIENCED = "experienced"
