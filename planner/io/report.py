"""The week report: a plain dict built from small parts, shown as JSON or as a text table.

Each part is a function `ReportContext -> dict` whose keys are merged into the report in order;
later issues add load, nutrition and plan-check parts by appending to `PARTS` (or passing their own
list), and a text renderer for their key to `TEXT_RENDERERS`. The text form is rendered from the
dict, so the words and the JSON always agree.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.domain.day_order import day_order
from planner.domain.enums import Units
from planner.domain.exercise_text import format_number
from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.domain.totals import week_totals
from planner.domain.units import format_distance, load_to_display, load_unit
from planner.domain.weeks import iso_week_name, week_days

Report = dict[str, Any]
SessionsBetween = Callable[[dt.date, dt.date], list[Session]]


@dataclass(frozen=True)
class ReportContext:
    """What a part may read: the ISO week (Monday first), its sessions, the profile, and history.

    `history(first, last)` gives sessions of any date range (both included), for parts that need
    more than the week, such as chronic load.
    """

    monday: dt.date
    sessions: tuple[Session, ...]
    profile: Profile = field(default_factory=Profile)
    history: SessionsBetween | None = None

    @property
    def days(self) -> list[dt.date]:
        return week_days(self.monday)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    def on(self, day: dt.date) -> list[Session]:
        return day_order(s for s in self.sessions if s.date == day)


ReportPart = Callable[[ReportContext], Report]


def context_for_week(monday: dt.date, sessions_between: SessionsBetween,
                     profile: Profile | None = None) -> ReportContext:
    sunday = monday + dt.timedelta(days=6)
    return ReportContext(monday, tuple(sessions_between(monday, sunday)),
                         profile or Profile(), sessions_between)


# -- parts --------------------------------------------------------------------------------------
def week_part(ctx: ReportContext) -> Report:
    return {"week": iso_week_name(ctx.monday), "start": ctx.monday.isoformat(),
            "end": ctx.sunday.isoformat()}


def session_summary(s: Session) -> Report:
    """A session as the report shows it: effective values (what was done, once it is done)."""
    return {
        "id": s.id,
        "title": s.title,
        "kind": s.kind.value,
        "type": s.type,
        "duration_min": s.effective_duration_min,
        "rpe": s.effective_rpe,
        "distance_km": s.effective_distance_km,
        "status": s.status.value,
    }


def days_part(ctx: ReportContext) -> Report:
    """All seven days, Monday to Sunday, days without a session included."""
    return {"days": [
        {"date": day.isoformat(), "sessions": [session_summary(s) for s in ctx.on(day)]}
        for day in ctx.days
    ]}


def totals_part(ctx: ReportContext) -> Report:
    t = week_totals(ctx.sessions)
    return {"totals": {"sessions": t.sessions, "run_km": t.run_km, "run_min": t.run_min,
                       "lift_tonnage_kg": t.lift_tonnage_kg}}


PARTS: list[ReportPart] = [week_part, days_part, totals_part]


def build_report(ctx: ReportContext, parts: Sequence[ReportPart] | None = None) -> Report:
    report: Report = {}
    for part in PARTS if parts is None else parts:
        report.update(part(ctx))
    return report


def to_json(report: Report) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False)


# -- text ---------------------------------------------------------------------------------------
TextRenderer = Callable[[Report], list[str]]


def _week_text(report: Report) -> list[str]:
    start = dt.date.fromisoformat(report["start"])
    end = dt.date.fromisoformat(report["end"])
    return [f"Week {report['week']}: {_long_date(start)} - {_long_date(end)}"]


def _days_text(report: Report, units: Units = Units.METRIC) -> list[str]:
    lines: list[str] = []
    for day in report["days"]:
        date = dt.date.fromisoformat(day["date"])
        lines.append("")
        lines.append(f"{date:%a} {date.day} {date:%b}")
        if not day["sessions"]:
            lines.append("  -")
        for s in day["sessions"]:
            kind = s["kind"] + (f"/{s['type']}" if s["type"] else "")
            km = format_distance(s["distance_km"], units)
            lines.append(
                f"  {_clip(s['title'], 28):<28} {kind:<18} {s['duration_min']:>4} min"
                f"  RPE {format_number(s['rpe']):<4} {km:>9}  {s['status']}"
            )
    return lines


def _totals_text(report: Report, units: Units = Units.METRIC) -> list[str]:
    t = report["totals"]
    return ["", f"Totals: {t['sessions']} session{'s' if t['sessions'] != 1 else ''}; "
                f"running {format_distance(t['run_km'], units)} in {t['run_min']} min; "
                f"lifting {_grouped(load_to_display(t['lift_tonnage_kg'], units), units)} "
                f"{load_unit(units)} tonnage"]


TEXT_RENDERERS: dict[str, TextRenderer] = {
    "week": _week_text,
    "days": _days_text,
    "totals": _totals_text,
}
_COVERED_BY = {"start": "week", "end": "week"}
#: Renderers that take the profile's units as a second argument (distances and loads).
_UNITS_AWARE = frozenset({"days", "totals"})


def to_text(report: Report, units: Units = Units.METRIC) -> str:
    """A readable table per day, distances and loads in `units` (the JSON stays metric); keys
    without a renderer are shown as `key: value`."""
    lines: list[str] = []
    for key, value in report.items():
        if key in _COVERED_BY:
            continue
        render = TEXT_RENDERERS.get(key)
        if render is None:
            lines.extend(["", f"{key}: {json.dumps(value)}"])
        elif key in _UNITS_AWARE and render is _RENDERERS_WITH_UNITS.get(key):
            lines.extend(_RENDERERS_WITH_UNITS[key](report, units))
        else:
            lines.extend(render(report))
    return "\n".join(lines) + "\n"


_RENDERERS_WITH_UNITS: dict[str, Callable[[Report, Units], list[str]]] = {
    "days": _days_text, "totals": _totals_text,
}


def _grouped(x: float, units: Units = Units.METRIC) -> str:
    """Tonnage: whole kg grouped by thousands; a pound figure is rounded like the calendar's."""
    if units is Units.IMPERIAL:
        return f"{round(x):,}"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def _long_date(d: dt.date) -> str:
    return f"{d:%a} {d.day} {d:%b} {d.year}"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
