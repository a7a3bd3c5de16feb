"""Exercise names as Strong and Hevy write them: the catalogue in resources/ knows their built-in
lists (equipment in brackets) and aliases, so a real export leaves at most 5 % of its names unknown."""

from __future__ import annotations

import orjson
import pytest

from planner.io.activities import read_file
from planner.io.activities.sessions import ExerciseNames, unknown_exercises
from planner.resources import exercise_catalog, import_catalog, resource_path
from tests.realdata import REAL

LOGS = sorted(REAL.glob("strong_*.csv")) + sorted(REAL.glob("hevy_*.csv"))


@pytest.fixture(scope="module")
def names() -> ExerciseNames:
    return ExerciseNames(import_catalog(), {})


@pytest.mark.skipif(not LOGS, reason="the real files are not on this machine")
@pytest.mark.parametrize("path", LOGS, ids=lambda p: p.name)
def test_at_most_5_percent_of_a_real_logs_names_stay_unknown(path, names):
    parsed = read_file(path)
    distinct = {e.name for w in parsed.workouts for e in w.exercises}
    unknown = unknown_exercises(parsed, names)
    assert len(unknown) <= 0.05 * len(distinct), unknown


@pytest.mark.parametrize(("name", "muscles"), [
    ("Bent Over Row (Barbell)", ("back", "lats", "biceps", "forearms")),
    ("Bicep Curl (Barbell)", ("biceps", "forearms")),
    ("Crunch", ("core",)),
    ("Bench Press - Close Grip (Barbell)", ("triceps", "chest", "shoulders")),
    ("SINGLE ARM PULLOVER", ("lats", "chest", "triceps")),  # one-sided prefix, any case
    ("Leg Press Technogym (Gelb)", ("quads", "glutes")),  # a known name and a gym's word
    ("Hyperextensions", ("back", "glutes", "hamstrings")),  # an alias
    ("Back squat", ("quads", "glutes", "adductors", "core")),  # the app's own name wins
])
def test_names_as_the_apps_write_them_get_main_then_secondary_muscles(names, name, muscles):
    assert names.muscles(name) == muscles


@pytest.mark.parametrize("name", ["Back Deltoids", "Press", "Row Keller", "Zottman Curl Variation X"])
def test_a_name_that_only_shares_a_word_stays_unknown(names, name):
    assert not names.known(name)


def test_a_users_mapping_wins_over_the_catalogue(names):
    mapped = ExerciseNames(import_catalog(), {"Crunch": "Deadlift (Barbell)"})
    assert mapped.muscles("Crunch") == names.muscles("Deadlift (Barbell)")


def test_the_catalogue_file_is_a_few_hundred_names_in_the_apps_muscle_words():
    data = orjson.loads(resource_path("app_exercises.json").read_bytes())
    words = {m for muscles in exercise_catalog().values() for m in muscles}
    assert len(data["exercises"]) >= 300
    for e in data["exercises"]:
        assert {e["main"], *e["secondary"]} <= words, e["name"]
        assert e["main"] not in e["secondary"], e["name"]
    targets = {e["name"] for e in data["exercises"]}
    assert set(data["aliases"].values()) <= targets


def test_an_alias_that_names_its_equipment_keeps_it():
    # "Dumbbell Curl" is the dumbbell curl, not "Bicep Curl (Barbell)": the equipment an alias names
    # is the one its entry carries in brackets, wherever the catalogue has that entry.
    data = orjson.loads(resource_path("app_exercises.json").read_bytes())
    names = {e["name"] for e in data["exercises"]}
    wrong = []
    for alias, target in data["aliases"].items():
        word = alias.split()[0]
        if word in ("Dumbbell", "Barbell", "Cable", "Kettlebell", "Machine") and f"({word})" not in target:
            same = f"{alias.removeprefix(word + ' ')} ({word})"
            if any(n.endswith(f"({word})") and n.split(" (")[0] in target for n in names) or same in names:
                wrong.append((alias, target))
    assert wrong == []
