"""What a calendar card, its tooltip, a screen reader, the week strip and the library say.

Everything a user reads follows the profile's units (the stored values stay metric), and the
numbers are never shortened: the card wraps them instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from planner.domain.compliance import Basis, Compliance, compliance
from planner.domain.enums import Intensity, Kind, Status, Units
from planner.domain.intensity import intensity
from planner.domain.session import Exercise, Session, SessionContent, Template
from planner.domain.steps import Item
from planner.domain.totals import done_totals, planned_totals
from planner.domain.units import distance_to_display, distance_unit, load_to_display
from planner.words.labels import TYPE_WORDS, WEEKDAYS
from planner.words.numbers import format_exact, format_number, grouped
from planner.words.quantities import (
    distance_pair,
    duration_text,
    duration_words,
    format_distance,
    tonnage_text,
)
from planner.words.sets import exercise_line, exercise_short
from planner.words.steps import steps_lines, steps_summary, steps_total
from planner.words.targets import target_in_units

#: Lifts named on a card; the rest are counted ("+ 2 more") and listed in the tooltip.
CARD_LIFTS = 3
COMPLIANCE_SOURCE = "TrainingPeaks colour coding: green 80-120 %, yellow 50-79 or 121-150 %, red otherwise"


@dataclass(frozen=True, slots=True)
class CardText:
    """What a card says, line by line, before any wrapping."""

    title: str
    when: str  # time and duration
    lines: tuple[str, ...]  # distance and target, or the main lifts and tonnage
    badge: Intensity | None
    status: str  # "Planned", "Done · RPE 6 vs 5", "Skipped"
    compliance: Compliance | None


def when_text(s: Session) -> str:
    if s.kind is Kind.REST:
        duration = ""
    elif s.status is Status.DONE and s.actual_duration_min is not None \
            and s.actual_duration_min != s.duration_min:
        duration = f"{s.actual_duration_min}/{s.duration_min} min"
    else:
        duration = duration_text(s.duration_min)
    time = f"{s.time:%H:%M}" if s.time else ""
    return " · ".join(p for p in (time, duration) if p)


def card_lines(s: Session, units: Units) -> tuple[str, ...]:
    if s.kind is Kind.LIFT and s.exercises:
        lines = [exercise_short(e, units) for e in s.exercises[:CARD_LIFTS]]
        if len(s.exercises) > CARD_LIFTS:
            lines.append(f"+ {len(s.exercises) - CARD_LIFTS} more")
        if s.tonnage_kg:
            lines.append(f"{tonnage_text(s.tonnage_kg, units)} tonnage")
        return tuple(lines)
    first = []
    if s.status is Status.DONE and s.actual_distance_km is not None and s.distance_km:
        first.append(distance_pair(s.actual_distance_km, s.distance_km, units))
    elif s.effective_distance_km:
        first.append(format_distance(s.effective_distance_km, units))
    if s.target:
        first.append(target_in_units(s.target, units))
    elif s.type and s.kind is not Kind.RUN:
        first.append(TYPE_WORDS.get(s.type, s.type))
    lines = [" · ".join(first)] if first else []
    if s.steps:
        lines.append(steps_summary(s.steps, units))
    return tuple(lines)


def effort_note(s: Session) -> str:
    """How an imported session's effort was had while nobody has rated it ("" once rated)."""
    source = s.effort_estimated_from
    if source == "default":
        if s.kind is Kind.LIFT:
            return "default effort for a lift (rate the session to replace it)"
        if s.avg_hr:  # recorded, but with no maximum to read it against
            return "default effort for the kind (its heart rate needs your age or maximum heart rate)"
        return "default effort for the kind (no heart rate or pace to go by)"
    return f"effort estimated from {source}" if source else ""


def status_text(s: Session) -> str:
    if s.status is Status.DONE:
        if s.actual_rpe is not None and s.actual_rpe != s.rpe:
            return f"Done · RPE {format_exact(s.actual_rpe)} vs {format_exact(s.rpe)}"
        if s.effort_estimated_from:
            return f"Done · RPE {format_exact(s.effective_rpe)}, {effort_note(s)}"
        return "Done"
    return "Skipped" if s.status is Status.SKIPPED else "Planned"


def card_text(s: Session, units: Units, today: dt.date) -> CardText:
    return CardText(
        title=s.title,
        when=when_text(s),
        lines=card_lines(s, units),
        badge=None if s.kind is Kind.REST else intensity(s),
        status="" if s.kind is Kind.REST and s.status is Status.PLANNED else status_text(s),
        compliance=compliance(s, today),
    )


def summary_line(s: Session, units: Units) -> str:
    """One line: duration and the key number (effective values)."""
    parts = [duration_text(s.effective_duration_min)] if s.kind is not Kind.REST else []
    dist = s.effective_distance_km
    if dist:
        parts.append(format_distance(dist, units))
    if s.kind is Kind.LIFT and s.tonnage_kg:
        parts.append(tonnage_text(s.tonnage_kg, units))
    return " · ".join(parts)


def compliance_words(c: Compliance) -> str:
    if c.percent is None:
        return f"{c.text} (red)"
    return f"{c.percent} % of planned {c.basis.value} ({c.band.value})"


def tooltip(s: Session, units: Units, today: dt.date | None = None) -> str:
    rows = [
        ("Kind", s.kind.value.title() + (f" · {TYPE_WORDS.get(s.type, s.type)}" if s.type else "")),
        ("Planned", f"{duration_text(s.duration_min)} at RPE {format_exact(s.rpe)}"
         + (f", {format_distance(s.distance_km, units)}" if s.distance_km else "")),
    ]
    if s.time:
        rows.insert(0, ("Time", s.time.strftime("%H:%M")))
    if s.target:
        rows.append(("Target", target_in_units(s.target, units)))
    rows.append(("Intensity", intensity(s).value.title()))
    if s.status is Status.DONE:
        actual = []
        if s.actual_duration_min:
            actual.append(duration_text(s.actual_duration_min))
        if s.actual_rpe is not None:
            actual.append(f"RPE {format_exact(s.actual_rpe)}")
        if s.actual_distance_km:
            actual.append(format_distance(s.actual_distance_km, units))
        rows.append(("Done", ", ".join(actual) or "yes"))
        if s.effort_estimated_from:
            rows.append(("Effort", f"RPE {format_exact(s.effective_rpe)}, {effort_note(s)}"))
        load = f"{s.effective_rpe * s.effective_duration_min:.0f} AU (session RPE × min, Foster 2001)"
        if s.trimp is not None:
            load += f" · TRIMP {s.trimp:.0f} (Banister 1991)"
        rows.append(("Load", load))
        if s.avg_hr or s.max_hr:
            hr = [f"avg {s.avg_hr}" if s.avg_hr else "", f"max {s.max_hr}" if s.max_hr else ""]
            rows.append(("Heart rate", ", ".join(h for h in hr if h) + " bpm"))
        if s.ascent_m:
            rows.append(("Ascent", f"{s.ascent_m:.0f} m"))
    elif s.status is Status.SKIPPED:
        rows.append(("Status", "Skipped"))
    c = compliance(s, today or dt.date.today())
    if c is not None:
        rows.append(("Compliance", compliance_words(c)))
    if s.kind is Kind.LIFT and s.tonnage_kg:
        rows.append(("Volume load", tonnage_text(s.tonnage_kg, units) + " (working sets)"))
    body = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    html = f"<b>{escape(s.title)}</b><table cellspacing=2>{body}</table>"
    if s.exercises:
        html += f"<ul style='margin-left:-20px'>{_lift_items(s.exercises, units)}</ul>"
    html += _step_items(s.steps, units)
    if s.actual_exercises and s.status is Status.DONE:
        html += f"<b>Lifted</b><ul style='margin-left:-20px'>{_lift_items(s.actual_exercises, units)}</ul>"
    if s.notes:
        html += f"<p><i>{escape(s.notes)}</i></p>"
    if c is not None:
        html += f"<p><small>{escape(COMPLIANCE_SOURCE)}</small></p>"
    return html


def _step_items(items: tuple[Item, ...], units: Units) -> str:
    """A structured run's steps as a numbered list ("" without steps)."""
    if not items:
        return ""
    lines = "".join(f"<li>{escape(line)}</li>" for line in steps_lines(items, units))
    return f"<b>Steps</b> ({escape(steps_total(items, units))})<ol style='margin-left:-20px'>{lines}</ol>"


def _lift_items(exercises: Sequence[Exercise], units: Units) -> str:
    return "".join(f"<li>{escape(exercise_line(e, units))}</li>" for e in exercises)


def accessible_text(s: Session, units: Units) -> str:
    """"Tuesday, Intervals 6 x 800 m, 07:00, 53 minutes, 9.4 km, hard, done": what a screen reader
    says for a card (effective values: what was done, once it is done)."""
    parts = [WEEKDAYS[s.date.weekday()], s.title]
    if s.time:
        parts.append(f"{s.time:%H:%M}")
    if s.kind is not Kind.REST:
        parts.append(duration_words(s.effective_duration_min))
    if s.effective_distance_km:
        parts.append(format_distance(s.effective_distance_km, units))
    if s.kind is Kind.LIFT and s.tonnage_kg:
        parts.append(f"{tonnage_text(s.tonnage_kg, units)} tonnage")
    if s.kind is not Kind.REST:
        parts.append(intensity(s).value)
    parts.append(s.status.value)
    return ", ".join(parts)


def accessible_description(s: Session, units: Units, today: dt.date) -> str:
    """The rest of the card for a screen reader: target or lifts, and how it went against plan."""
    bits = [line for line in card_lines(s, units)]
    c = compliance(s, today)
    if c is not None:
        bits.append(compliance_words(c) if c.basis in (Basis.DURATION, Basis.DISTANCE) else c.text)
    return "; ".join(bits)


def strip_text(sessions: Sequence[Session], units: Units) -> str:
    """The week strip: done against planned for running and lifting. "Done" counts the actual
    values of done sessions; "planned" the plan as made, skipped sessions included."""
    plan, done = planned_totals(sessions), done_totals(sessions)
    n = len(sessions)
    parts = [f"{n} session{'s' if n != 1 else ''}"]
    if plan.run_sessions:
        d = format_number(distance_to_display(done.run_km, units))
        p = format_distance(plan.run_km, units) if plan.run_km else f"0 {distance_unit(units)}"
        parts.append(f"Running {d} of {p} done, {duration_text(done.run_min)} of {duration_text(plan.run_min)}")
    else:
        parts.append("No running")
    if plan.lift_sessions:
        d = grouped(load_to_display(done.lift_tonnage_kg, units))
        parts.append(f"Lifting {d} of {tonnage_text(plan.lift_tonnage_kg, units)} done, "
                     f"{duration_text(done.lift_min)} of {duration_text(plan.lift_min)}")
    else:
        parts.append("No lifting")
    skipped = sum(1 for s in sessions if s.status is Status.SKIPPED)
    if skipped:
        parts.append(f"{skipped} skipped")
    return " · ".join(parts)


def template_summary(t: SessionContent, units: Units) -> str:
    """A library entry in one line: "45 min · 8 km · Easy · Z2, 9:01/mi · RPE 3"."""
    bits = [duration_text(t.duration_min)] if t.duration_min else []
    if t.distance_km:
        bits.append(format_distance(t.distance_km, units))
    if t.type:
        bits.append(TYPE_WORDS.get(t.type, t.type))
    if t.target:
        bits.append(target_in_units(t.target, units))
    if t.tonnage_kg:
        bits.append(f"{tonnage_text(t.tonnage_kg, units)} tonnage")
    bits.append(f"RPE {format_exact(t.rpe)}, {intensity(t).value}")
    return " · ".join(bits)


def template_tooltip(t: Template, units: Units) -> str:
    own = "" if t.builtin else " · your template"
    lifts = "".join(f"<br>{escape(exercise_short(e, units))}" for e in t.exercises)
    notes = f"<br><i>{escape(t.notes)}</i>" if t.notes else ""
    steps = _step_items(t.steps, units)
    return f"<b>{escape(t.title)}</b><br>{escape(template_summary(t, units))}{own}{lifts}{steps}{notes}"
