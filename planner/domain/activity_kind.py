"""What kind of session a recorded sport is: a run is a run; a ride, hike, ski or walk is "other",
named by its sport. Words from GPX `<type>`, TCX `Sport`, FIT `sport` and Strava's Activity Type."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.domain.enums import Kind


@dataclass(frozen=True, slots=True)
class SportKind:
    kind: Kind
    label: str  # the sport's name as a title ("Run", "Ride", "Hike")
    type: str = ""  # the session type where the kind has one ("yoga")


_WORDS: dict[str, SportKind] = {}


def _add(kind: Kind, label: str, *words: str, type: str = "") -> None:
    for w in words:
        _WORDS[w] = SportKind(kind, label, type)


_add(Kind.RUN, "Run", "run", "running", "trail run", "trail running", "trailrun", "virtual run", "virtualrun",
     "treadmill", "treadmill running", "track running", "street running", "indoor running", "9")
_add(Kind.OTHER, "Ride", "ride", "cycling", "biking", "bike", "road biking", "road cycling", "mountain biking",
     "mountain bike ride", "mountainbikeride", "gravel ride", "gravelride", "gravel cycling", "virtual ride",
     "virtualride", "e-bike ride", "ebikeride", "indoor cycling", "1")
_add(Kind.OTHER, "Hike", "hike", "hiking")
_add(Kind.OTHER, "Walk", "walk", "walking", "10")
_add(Kind.OTHER, "Ski", "ski", "skiing", "alpine ski", "alpineski", "alpine skiing", "backcountry ski",
     "backcountryski", "nordic ski", "nordicski", "cross country skiing", "cross-country skiing")
_add(Kind.OTHER, "Swim", "swim", "swimming", "lap swimming", "open water swimming", "pool swim")
_add(Kind.OTHER, "Row", "row", "rowing", "indoor rowing")
_add(Kind.LIFT, "Strength", "weighttraining", "weight training", "strength training", "training")
_add(Kind.MOBILITY, "Yoga", "yoga", type="yoga")


def sport_kind(sport: str) -> SportKind:
    """The session kind and label for a sport word; unknown sports are "other", named as written."""
    word = re.sub(r"[_\s]+", " ", sport.strip().lower())
    found = _WORDS.get(word) or _WORDS.get(word.replace(" ", ""))
    if found:
        return found
    label = " ".join(part.capitalize() for part in word.split()) or "Activity"
    return SportKind(Kind.OTHER, label[:40])
