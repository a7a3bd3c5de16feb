"""Messages name fields in words ("body mass"), never as code spells them (`body_mass_kg`)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from planner.domain.errors import ValidationError
from planner.domain.field_words import FIELD_WORDS, field_words
from planner.domain.profile import Profile, ReadinessEntry
from planner.domain.session import Session, WorkSet

PLANNER = Path(__file__).resolve().parents[2] / "planner"
#: The first argument of a validator or a ValidationError: the field's code name.
FIELD_ARG = re.compile(r"(?:ValidationError|v\.(?:number|integer|half_step|text|choice))\(\s*\"([^\"]+)\"")
UNIT_SUFFIX = re.compile(r"_(kg|km|min|h|l|m|cm|g|hr|per_h)$|_")


@pytest.mark.parametrize(("make", "message"), [
    (lambda: Profile(body_mass_kg=20), "body mass: must be between 30 and 250 kg (got 20)"),
    (lambda: Profile(height_cm=20), "height: must be between 100 and 250 cm (got 20)"),
    (lambda: Profile(sweat_rate_l_per_h=9), "sweat rate: must be between 0.2 and 4 L/h (got 9)"),
    (lambda: Session(kind="run", title="Easy run", duration_min=0, rpe=3), "duration: must be between 1 and 1440 min "
                                                                            "(got 0)"),
    (lambda: Session(kind="run", title="Easy run", duration_min=40, rpe=3, avg_hr=180, max_hr=178),
     "average heart rate: must not be above the maximum heart rate (180 > 178)"),
    (lambda: WorkSet(reps=5, load_kg=600), "load: must be between 0 and 500 kg (got 600)"),
    (lambda: ReadinessEntry(dt.date(2026, 11, 23), sleep_h=30),
     "sleep: must be between 0 and 24 h (got 30)"),
])
def test_a_message_names_its_field_in_words_and_keeps_the_code_name_for_the_widget(make, message):
    with pytest.raises(ValidationError) as info:
        make()
    assert str(info.value) == message
    assert "_" not in str(info.value).split(":")[0]
    assert info.value.field in FIELD_WORDS  # dialogs still find the widget by the code name


def test_every_field_with_a_unit_or_underscore_in_its_name_has_words():
    names = {m.group(1) for p in PLANNER.rglob("*.py") for m in FIELD_ARG.finditer(p.read_text(encoding="utf-8"))}
    assert len(names) > 30
    assert sorted(n for n in names if UNIT_SUFFIX.search(n) and n not in FIELD_WORDS) == []
    assert all("_" not in field_words(n) for n in names)


def test_words_are_words():
    assert all(re.fullmatch(r"[a-z][a-z ()RPE]*", w) for w in FIELD_WORDS.values())
    assert field_words("weekly km") == "weekly km"
    assert field_words("some_new_field") == "some new field"
