"""A structured run's steps <-> documents: {"repeat": n, "steps": [...]} for a repeat, and
{"intensity", "until", "amount", "aim", "low", "high", "word"} for a step, the defaults left out."""

from __future__ import annotations

from typing import Any

from planner.domain.steps import Aim, Duration, Item, Repeat, Step, Target, Until

Doc = dict[str, Any]


def step_to_doc(s: Step) -> Doc:
    doc: Doc = {"intensity": s.intensity.value, "until": s.duration.until.value}
    if s.duration.until is not Until.LAP:
        doc["amount"] = s.duration.amount
    if s.target.aim is not Aim.OPEN:
        doc.update(aim=s.target.aim.value, low=s.target.low, high=s.target.high)
    elif s.target.word:
        doc["word"] = s.target.word
    return doc


def step_from_doc(d: Doc) -> Step:
    target = Target(d.get("aim", Aim.OPEN.value), d.get("low", 0.0), d.get("high", 0.0), d.get("word", ""))
    return Step(d["intensity"], Duration(d["until"], d.get("amount", 0.0)), target)


def steps_to_doc(items: tuple[Item, ...]) -> list[Doc]:
    return [{"repeat": i.times, "steps": [step_to_doc(s) for s in i.steps]} if isinstance(i, Repeat)
            else step_to_doc(i) for i in items]


def steps_from_doc(docs: list[Doc]) -> tuple[Item, ...]:
    return tuple(Repeat(d["repeat"], tuple(step_from_doc(s) for s in d["steps"])) if "repeat" in d
                 else step_from_doc(d) for d in docs)
