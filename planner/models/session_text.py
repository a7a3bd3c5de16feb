"""Words and numbers shown for a session: card lines, tooltip, accessible text. No widgets."""

from __future__ import annotations

from html import escape

from planner.domain.enums import Kind, Status, Units
from planner.domain.intensity import intensity
from planner.domain.session import Session
from planner.domain.units import format_distance, format_load, load_to_display, load_unit

TYPE_WORDS = {
    "easy": "Easy", "recovery": "Recovery", "long": "Long", "tempo": "Tempo", "intervals": "Intervals",
    "hills": "Hills", "race": "Race", "lower": "Lower body", "upper": "Upper body", "full": "Full body",
    "core": "Core", "yoga": "Yoga", "mobility": "Mobility", "foam_rolling": "Foam rolling",
    "walk": "Walk", "other": "Other",
}


def duration_text(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} min"
    h, m = divmod(minutes, 60)
    return f"{h} h {m:02d}" if m else f"{h} h"


def tonnage_text(kg: float, units: Units) -> str:
    return f"{round(load_to_display(kg, units)):,} {load_unit(units)}"


def summary_line(s: Session, units: Units) -> str:
    """Second line of a card: duration and the key number."""
    parts = [duration_text(s.effective_duration_min)] if s.kind is not Kind.REST else []
    dist = s.effective_distance_km
    if dist:
        parts.append(format_distance(dist, units))
    if s.kind is Kind.LIFT and s.tonnage_kg:
        parts.append(tonnage_text(s.tonnage_kg, units))
    return " · ".join(parts)


def detail_line(s: Session) -> str:
    """Third line: the run type and target, or the main lifts."""
    if s.kind is Kind.LIFT and s.exercises:
        return ", ".join(e.name for e in s.exercises[:3]) + ("…" if len(s.exercises) > 3 else "")
    words = [TYPE_WORDS.get(s.type, "")] if s.type else []
    if s.target:
        words.append(s.target)
    return " · ".join(w for w in words if w)


def tooltip(s: Session, units: Units) -> str:
    rows = [
        ("Kind", s.kind.value.title() + (f" · {TYPE_WORDS.get(s.type, s.type)}" if s.type else "")),
        ("Planned", f"{duration_text(s.duration_min)} at RPE {s.rpe:g}"
         + (f", {format_distance(s.distance_km, units)}" if s.distance_km else "")),
    ]
    if s.time:
        rows.insert(0, ("Time", s.time.strftime("%H:%M")))
    if s.target:
        rows.append(("Target", s.target))
    rows.append(("Intensity", intensity(s).value.title()))
    if s.status is Status.DONE:
        actual = []
        if s.actual_duration_min:
            actual.append(duration_text(s.actual_duration_min))
        if s.actual_rpe is not None:
            actual.append(f"RPE {s.actual_rpe:g}")
        if s.actual_distance_km:
            actual.append(format_distance(s.actual_distance_km, units))
        rows.append(("Done", ", ".join(actual) or "yes"))
        if s.avg_hr or s.max_hr:
            hr = [f"avg {s.avg_hr}" if s.avg_hr else "", f"max {s.max_hr}" if s.max_hr else ""]
            rows.append(("Heart rate", ", ".join(h for h in hr if h) + " bpm"))
        if s.ascent_m:
            rows.append(("Ascent", f"{s.ascent_m:.0f} m"))
    elif s.status is Status.SKIPPED:
        rows.append(("Status", "Skipped"))
    if s.kind is Kind.LIFT and s.tonnage_kg:
        rows.append(("Volume load", tonnage_text(s.tonnage_kg, units) + " (working sets)"))
    body = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    html = f"<b>{escape(s.title)}</b><table cellspacing=2>{body}</table>"
    if s.exercises:
        items = "".join(f"<li>{escape(_exercise_text(e, units))}</li>" for e in s.exercises)
        html += f"<ul style='margin-left:-20px'>{items}</ul>"
    if s.actual_exercises and s.status is Status.DONE:
        items = "".join(f"<li>{escape(_exercise_text(e, units))}</li>" for e in s.actual_exercises)
        html += f"<b>Lifted</b><ul style='margin-left:-20px'>{items}</ul>"
    if s.notes:
        html += f"<p><i>{escape(s.notes)}</i></p>"
    return html


def _exercise_text(e, units: Units) -> str:
    work = e.working_sets or e.sets
    first = work[0]
    load = f" @ {format_load(first.load_kg, units)}" if first.load_kg else ""
    effort = f" RPE {first.effort_rpe:g}" if first.effort_rpe else ""
    warm = f" (+{len(e.sets) - len(work)} warm-up)" if len(work) < len(e.sets) else ""
    reps = f"{first.seconds} s" if first.reps == 0 and first.seconds else f"{first.reps}"
    return f"{e.name}: {len(work)} × {reps}{load}{effort}{warm}"


def accessible_text(s: Session, units: Units) -> str:
    status = {Status.PLANNED: "planned", Status.DONE: "done", Status.SKIPPED: "skipped"}[s.status]
    return f"{s.title}, {summary_line(s, units)}, {intensity(s).value}, {status}"
