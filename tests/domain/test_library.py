"""The shipped session library and exercise catalog: valid, complete and mutually consistent.

Read straight from resources/ (not via the cached loaders) so a broken entry names itself.
"""

from __future__ import annotations

import json

import pytest

from planner.domain.enums import TYPES_BY_KIND, Kind
from planner.resources import builtin_templates, exercise_catalog, resource_path
from planner.store.codec import template_from_doc, template_to_doc

MUSCLES = {
    "quads", "hamstrings", "glutes", "adductors", "calves", "tibialis", "hip flexors", "chest",
    "back", "lats", "shoulders", "biceps", "triceps", "core", "obliques", "forearms", "full body",
}


def _docs() -> list[dict]:
    return json.loads(resource_path("library.json").read_text(encoding="utf-8"))["templates"]


def _catalog_docs() -> list[dict]:
    return json.loads(resource_path("exercises.json").read_text(encoding="utf-8"))["exercises"]


@pytest.mark.parametrize("doc", _docs(), ids=lambda d: d.get("id", "?"))
def test_every_template_validates_and_round_trips(doc):
    t = template_from_doc(doc, builtin=True)
    assert template_from_doc(template_to_doc(t), builtin=True) == t
    assert t.notes, "every template carries a one-line coaching cue"
    if t.kind is Kind.RUN:
        assert t.distance_km and t.target
    if t.kind is Kind.LIFT:
        assert t.exercises


def test_library_size_and_unique_slug_ids():
    ids = [d["id"] for d in _docs()]
    assert len(ids) >= 28
    assert len(set(ids)) == len(ids)
    assert all(i == i.lower() and " " not in i for i in ids)
    assert len(builtin_templates()) == len(ids)


def test_required_kinds_and_types_are_present():
    ts = builtin_templates()
    pairs = {(t.kind, t.type) for t in ts}
    for run_type in TYPES_BY_KIND[Kind.RUN]:
        assert (Kind.RUN, run_type) in pairs, run_type
    for focus in TYPES_BY_KIND[Kind.LIFT]:
        assert (Kind.LIFT, focus) in pairs, focus
    for kind in (Kind.MOBILITY, Kind.RECOVERY):
        for t in TYPES_BY_KIND[kind]:
            assert (kind, t) in pairs, (kind, t)
    assert (Kind.OTHER, "") in pairs
    titles = {t.title for t in ts}
    assert "Easy run + strides" in titles
    strides = next(t for t in ts if t.title == "Easy run + strides")
    assert strides.type == "easy"


def test_required_lift_sessions_are_present():
    ids = {t.id for t in builtin_templates()}
    for wanted in ("heavy-lower-squat", "heavy-lower-deadlift", "posterior-chain", "calf-ankle",
                   "upper-push", "upper-pull", "full-body", "core-stability", "plyometrics",
                   "runners-circuit", "maintenance-full-body", "yoga-flow", "hip-mobility",
                   "foam-rolling", "recovery-walk", "easy-spin", "rest-day", "easy-run",
                   "recovery-run", "long-run", "tempo-3x10", "intervals-6x800", "hill-repeats",
                   "easy-run-strides", "race-10k"):
        assert wanted in ids, wanted


def test_rest_day_is_zero():
    rest = [t for t in builtin_templates() if t.kind is Kind.REST]
    assert rest and all(t.duration_min == 0 and t.rpe == 0 for t in rest)


def test_lift_exercises_come_from_the_catalog_with_its_muscles():
    catalog = exercise_catalog()
    for t in builtin_templates():
        for e in t.exercises:
            assert e.name in catalog, f"{t.id}: {e.name}"
            assert e.muscles == catalog[e.name], f"{t.id}: {e.name}"


def test_lifts_have_warmups_flagged_and_an_effort_on_working_sets():
    lifts = [t for t in builtin_templates() if t.kind is Kind.LIFT]
    assert sum(any(s.warmup for e in t.exercises for s in e.sets) for t in lifts) >= 8
    for t in lifts:
        for e in t.exercises:
            assert e.working_sets, f"{t.id}: {e.name} has only warm-ups"
            for s in e.working_sets:
                if s.load_kg is not None and s.load_kg >= 40:
                    assert s.effort_rpe is not None, f"{t.id}: {e.name} heavy set without RPE/RIR"


def test_catalog_size_vocabulary_and_unique_names():
    docs = _catalog_docs()
    assert 50 <= len(docs) <= 90
    names = [d["name"] for d in docs]
    assert len(set(names)) == len(names)
    for d in docs:
        assert d["muscles"], d["name"]
        assert set(d["muscles"]) <= MUSCLES, d["name"]
        assert len(set(d["muscles"])) == len(d["muscles"]), d["name"]


def test_catalog_covers_the_hybrid_staples():
    catalog = exercise_catalog()
    for name in ("Back squat", "Deadlift", "Romanian deadlift", "Bulgarian split squat", "Step-up",
                 "Hip thrust", "Standing calf raise", "Bent-knee calf raise", "Tibialis raise",
                 "Nordic curl", "Leg press", "Bench press", "Overhead press", "Pull-up", "Push-up",
                 "Dip", "Face pull", "Plank", "Side plank", "Dead bug", "Pallof press",
                 "Copenhagen plank", "Hanging leg raise", "Box jump", "Pogo hops", "Bounding",
                 "Skater jumps", "Kettlebell swing", "Farmer carry", "Sled push", "Wall balls"):
        assert name in catalog, name
