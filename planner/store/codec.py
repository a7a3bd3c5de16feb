"""Documents <-> domain objects.

Decoding validates, so a hand-edited file cannot smuggle bad values in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson

from planner.domain.enums import Kind, Status
from planner.domain.errors import ValidationError
from planner.domain.profile import NutritionLog, Profile, ReadinessEntry
from planner.domain.session import Exercise, Session, SessionContent, Template, WorkSet
from planner.domain.weeks import parse_date
from planner.store.steps_codec import steps_from_doc, steps_to_doc

Doc = dict[str, Any]


def set_to_doc(s: WorkSet) -> Doc:
    doc: Doc = {"reps": s.reps}
    if s.load_kg is not None:
        doc["load_kg"] = s.load_kg
    if s.rpe is not None:
        doc["rpe"] = s.rpe
    if s.rir is not None:
        doc["rir"] = s.rir
    if s.warmup:
        doc["warmup"] = True
    if s.seconds is not None:
        doc["seconds"] = s.seconds
    if s.failure:
        doc["failure"] = True
    if s.drop:
        doc["drop"] = True
    return doc


def set_from_doc(d: Doc) -> WorkSet:
    return WorkSet(reps=d["reps"], load_kg=d.get("load_kg"), rpe=d.get("rpe"), rir=d.get("rir"),
                   warmup=d.get("warmup", False), seconds=d.get("seconds"),
                   failure=d.get("failure", False), drop=d.get("drop", False))


class DecodeMemo:
    """Shares identical sets and exercises while decoding a whole file.

    A lifter's log repeats itself (5 x 5 @ 100 kg, week after week); the domain objects are frozen,
    so one validated object can stand for every identical document. The key is the document's own
    JSON, so `true` never passes for a validated `1`.
    """

    def __init__(self) -> None:
        self.sets: dict[bytes, WorkSet] = {}
        self.exercises: dict[bytes, Exercise] = {}


def exercise_to_doc(e: Exercise) -> Doc:
    doc: Doc = {"name": e.name, "muscles": list(e.muscles), "sets": [set_to_doc(s) for s in e.sets]}
    if e.superset is not None:
        doc["superset"] = e.superset
    return doc


def exercise_from_doc(d: Doc, memo: DecodeMemo | None = None) -> Exercise:
    if memo is None:
        return Exercise(name=d["name"], muscles=tuple(d.get("muscles", ())),
                        sets=tuple(set_from_doc(s) for s in d["sets"]), superset=d.get("superset"))
    key = orjson.dumps(d)
    found = memo.exercises.get(key)
    if found is None:
        sets = []
        for sd in d["sets"]:
            k = orjson.dumps(sd)
            ws = memo.sets.get(k)
            if ws is None:
                ws = memo.sets[k] = set_from_doc(sd)
            sets.append(ws)
        found = memo.exercises[key] = Exercise(name=d["name"], muscles=tuple(d.get("muscles", ())),
                                               sets=tuple(sets), superset=d.get("superset"))
    return found


def content_to_doc(c: SessionContent) -> Doc:
    doc: Doc = {
        "kind": c.kind.value, "type": c.type, "title": c.title,
        "duration_min": c.duration_min, "rpe": c.rpe,
    }
    if c.distance_km is not None:
        doc["distance_km"] = c.distance_km
    if c.target:
        doc["target"] = c.target
    if c.exercises:
        doc["exercises"] = [exercise_to_doc(e) for e in c.exercises]
    if c.notes:
        doc["notes"] = c.notes
    if c.steps:
        doc["steps"] = steps_to_doc(c.steps)
    return doc


def _content_kwargs(d: Doc, memo: DecodeMemo | None = None) -> dict[str, Any]:
    return {
        "kind": Kind(d["kind"]) if d.get("kind") in Kind._value2member_map_ else d.get("kind"),
        "type": d.get("type", ""), "title": d["title"],
        "duration_min": d["duration_min"], "rpe": d["rpe"],
        "distance_km": d.get("distance_km"), "target": d.get("target", ""),
        "exercises": tuple(exercise_from_doc(e, memo) for e in d.get("exercises", ())),
        "notes": d.get("notes", ""),
        "steps": steps_from_doc(d.get("steps", [])),
    }


def session_to_doc(s: Session) -> Doc:
    doc = content_to_doc(s)
    doc["date"] = s.date.isoformat()
    doc["position"] = s.position
    if s.time is not None:
        exact = s.time.second or s.time.microsecond or s.time.tzinfo
        doc["time"] = s.time.isoformat() if exact else s.time.strftime("%H:%M")
    doc["status"] = s.status.value
    for name in ("actual_duration_min", "actual_rpe", "actual_distance_km", "avg_hr", "max_hr", "ascent_m"):
        value = getattr(s, name)
        if value is not None:
            doc[name] = value
    if s.actual_exercises:
        doc["actual_exercises"] = [exercise_to_doc(e) for e in s.actual_exercises]
    if s.source_key:
        doc["source_key"] = s.source_key
    if s.estimated_rpe is not None:
        doc["estimated_rpe"] = s.estimated_rpe
    if s.effort_from:
        doc["effort_from"] = s.effort_from
    if s.trimp is not None:
        doc["trimp"] = s.trimp
    return doc


def session_from_doc(d: Doc, id: int | None = None, memo: DecodeMemo | None = None) -> Session:
    try:
        return Session(
            **_content_kwargs(d, memo),
            id=id,
            date=parse_date("date", d["date"]),
            position=d.get("position", 0),
            time=dt.time.fromisoformat(d["time"]) if d.get("time") else None,
            status=Status(d.get("status", "planned")),
            actual_duration_min=d.get("actual_duration_min"),
            actual_rpe=d.get("actual_rpe"),
            actual_distance_km=d.get("actual_distance_km"),
            avg_hr=d.get("avg_hr"),
            max_hr=d.get("max_hr"),
            ascent_m=d.get("ascent_m"),
            actual_exercises=tuple(exercise_from_doc(e, memo) for e in d.get("actual_exercises", ())),
            source_key=d.get("source_key", ""),
            estimated_rpe=d.get("estimated_rpe"),
            effort_from=d.get("effort_from", ""),
            trimp=d.get("trimp"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad("session", id, exc) from exc


def template_to_doc(t: Template) -> Doc:
    doc = content_to_doc(t)
    doc["id"] = t.id
    return doc


def template_from_doc(d: Doc, builtin: bool = False) -> Template:
    try:
        return Template(**_content_kwargs(d), id=d["id"], builtin=builtin)
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad("template", d.get("id"), exc) from exc


def profile_to_doc(p: Profile) -> Doc:
    return {"name": p.name, "body_mass_kg": p.body_mass_kg, "goal": p.goal.value,
            "week_start": p.week_start.value, "units": p.units.value,
            "sweat_rate_l_per_h": p.sweat_rate_l_per_h, "experience": p.experience.value,
            "height_cm": p.height_cm, "age": p.age, "sex": p.sex.value if p.sex else None,
            "max_hr": p.max_hr, "resting_hr": p.resting_hr, "lthr": p.lthr, "easy_pace_s": p.easy_pace_s,
            "recent_race_km": p.recent_race_km, "recent_race_s": p.recent_race_s,
            "generated_block": p.generated_block}


def profile_from_doc(d: Doc) -> Profile:
    try:
        return Profile(**{k: d[k] for k in profile_to_doc(Profile()) if k in d})
    except (TypeError, ValueError) as exc:
        raise _bad("profile", None, exc) from exc


def readiness_to_doc(r: ReadinessEntry) -> Doc:
    return {"date": r.date.isoformat(), "sleep_h": r.sleep_h, "fatigue": r.fatigue,
            "soreness": r.soreness, "mood": r.mood, "resting_hr": r.resting_hr}


def readiness_from_doc(d: Doc) -> ReadinessEntry:
    try:
        return ReadinessEntry(date=parse_date("date", d["date"]), sleep_h=d.get("sleep_h"),
                              fatigue=d.get("fatigue"), soreness=d.get("soreness"),
                              mood=d.get("mood"), resting_hr=d.get("resting_hr"))
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad("readiness entry", d.get("date"), exc) from exc


def nutrition_to_doc(n: NutritionLog) -> Doc:
    return {"date": n.date.isoformat(), "carb_g": n.carb_g, "protein_g": n.protein_g,
            "fat_g": n.fat_g, "fluid_l": n.fluid_l}


def nutrition_from_doc(d: Doc) -> NutritionLog:
    try:
        return NutritionLog(date=parse_date("date", d["date"]), carb_g=d.get("carb_g"),
                            protein_g=d.get("protein_g"), fat_g=d.get("fat_g"),
                            fluid_l=d.get("fluid_l"))
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad("nutrition log", d.get("date"), exc) from exc


class BadDocument(ValueError):
    """A stored document does not decode into a valid domain object."""


def _bad(what: str, ident: object, exc: Exception) -> BadDocument:
    where = f" {ident}" if ident is not None else ""
    if isinstance(exc, ValidationError):
        reason = str(exc)  # "field: what is wrong"
    elif isinstance(exc, KeyError):
        reason = f"missing field {exc.args[0]!r}"
    else:
        reason = f"{type(exc).__name__}: {exc}"
    return BadDocument(f"{what}{where}: {reason}")
