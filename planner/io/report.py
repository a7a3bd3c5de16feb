"""The week report: a plain dict built from small parts, shown as JSON or as a text table.

Each part is a function `ReportContext -> dict` whose keys are merged into the report in order;
later issues add load, nutrition and plan-check parts by appending to `PARTS` (or passing their own
list), and a text renderer for their key to `TEXT_RENDERERS`. The text form is rendered from the
dict, so the words and the JSON always agree.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.domain.day_order import day_order
from planner.domain.enums import Units, WeekStart
from planner.domain.exercise_text import format_exercise, parse_exercises
from planner.domain.load import split_volume
from planner.domain.load_history import LoadHistory, unmarked_text
from planner.domain.profile import Profile
from planner.domain.rules import Finding
from planner.domain.session import Session
from planner.domain.totals import week_totals
from planner.domain.weeks import iso_week_name, week_days
from planner.words.dates import long_date, short_date
from planner.words.fluid import fluid_range_text
from planner.words.numbers import format_exact
from planner.words.quantities import format_distance, tonnage_text
from planner.words.sets import exercise_line

Report = dict[str, Any]
SessionsBetween = Callable[[dt.date, dt.date], list[Session]]


@dataclass(frozen=True)
class ReportContext:
    """What a part may read: the ISO week (Monday first), its sessions, the profile, and history.

    `history(first, last)` gives sessions of any date range (both included), for parts that need
    more than the week. `load(last_day)` gives the app's one load history (planner/services/load.py)
    reaching `last_day`; without it the load part builds its own from `history`. Before `today`
    only sessions marked done count in chronic load, acute load and form.
    """

    monday: dt.date
    sessions: tuple[Session, ...]
    profile: Profile = field(default_factory=Profile)
    history: SessionsBetween | None = None
    findings: Sequence[Finding] | None = None  # the plan check's for the week, when given
    load: Callable[[dt.date], LoadHistory] | None = None
    today: dt.date | None = None

    @property
    def days(self) -> list[dt.date]:
        return week_days(self.monday)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    def on(self, day: dt.date) -> list[Session]:
        return day_order(s for s in self.sessions if s.date == day)


ReportPart = Callable[[ReportContext], Report]


def context_for_week(monday: dt.date, sessions_between: SessionsBetween, profile: Profile | None = None,
                     findings: Sequence[Finding] | None = None, load: Callable[[dt.date], LoadHistory] | None = None,
                     today: dt.date | None = None) -> ReportContext:
    """`findings` (optional): the plan check's findings for the week, listed in the report; `load`:
    the app's one load history (LoadService.history), which the plan check read too
    (planner/services/week_report.py hands both in)."""
    sunday = monday + dt.timedelta(days=6)
    return ReportContext(monday, tuple(sessions_between(monday, sunday)), profile or Profile(), sessions_between,
                         findings, load, today or dt.date.today())


# -- parts --------------------------------------------------------------------------------------
def week_part(ctx: ReportContext) -> Report:
    return {"week": iso_week_name(ctx.monday), "start": ctx.monday.isoformat(),
            "end": ctx.sunday.isoformat()}


def session_summary(s: Session) -> Report:
    """A session as the report shows it: effective values (what was done, once it is done). A lift
    adds `exercises`, one item per run of identical sets in the plan file's grammar, metric
    ("Back squat 5x5@100 RPE 8", "Plank 3x60s")."""
    summary: Report = {
        "id": s.id,
        "title": s.title,
        "kind": s.kind.value,
        "type": s.type,
        "duration_min": s.effective_duration_min,
        "rpe": s.effective_rpe,
        "distance_km": s.effective_distance_km,
        "status": s.status.value,
    }
    if s.effective_exercises:
        summary["exercises"] = [item for e in s.effective_exercises for item in format_exercise(e)]
    return summary


DayPart = Callable[[ReportContext, dt.date], Report]


def days_part(ctx: ReportContext) -> Report:
    """All seven days, Monday to Sunday, days without a session included; each `DAY_PARTS`
    function adds its keys to every day."""
    days = []
    for day in ctx.days:
        entry: Report = {"date": day.isoformat(), "sessions": [session_summary(s) for s in ctx.on(day)]}
        for part in DAY_PARTS:
            entry.update(part(ctx, day))
        days.append(entry)
    return {"days": days}


def nutrition_day_part(ctx: ReportContext, day: dt.date) -> Report:
    """The day's fuel and fluid targets as [low, high] ranges (planner/domain/nutrition.py); energy
    and fat are null without height, age and sex. `fuelling` gives each training session's advice
    before, during and after it, the same words as the nutrition panel's timeline."""
    from planner.domain.fuelling import Phase, advice_line
    from planner.domain.nutrition import day_targets

    after = day + dt.timedelta(days=1)
    following = ctx.on(after) if after <= ctx.sunday or ctx.history is None else ctx.history(after, after)
    targets = day_targets(ctx.profile, day, ctx.on(day), following)
    out: Report = targets.as_json()
    out["fuelling"] = [
        {"session_id": f.session_id,
         **{p.value: "; ".join(x.text for x in f.food if x.phase is p) for p in Phase},
         "text": advice_line(f.food)}
        for f in targets.sessions if f.food]
    return {"nutrition": out}


DAY_PARTS: list[DayPart] = [nutrition_day_part]


def totals_part(ctx: ReportContext) -> Report:
    t = week_totals(ctx.sessions)
    totals = {"sessions": t.sessions, "run_km": t.run_km, "run_min": t.run_min,
              "lift_tonnage_kg": t.lift_tonnage_kg}
    totals.update(load_totals(ctx))
    return {"totals": totals}


# -- load (Foster 2001; Coggan; Frandsen 2025) --------------------------------------------------------
#: How far back `load_part` looks for the first session when the context does not say: ten years
#: and a bit, the reference history's length. Every series looks backwards only.
LOAD_LOOKBACK_DAYS = 3660


def load_totals(ctx: ReportContext) -> Report:
    """The week's session-RPE load (AU, Foster 2001), hard sets, and running minutes at easy and
    above-easy intensity; done sessions with their actual values, skipped ones left out."""
    v = split_volume(ctx.sessions).total
    return {"load_au": _round(v.load_au, 1), "hard_sets": _round(v.hard_sets, 1),
            "run_easy_min": v.run_easy_min, "run_hard_min": v.run_hard_min}


def load_history_for(ctx: ReportContext) -> LoadHistory:
    """The app's load history reaching the week's last day, or, without one, every session up to
    that day, computed as the charts compute it."""
    if ctx.load is not None:
        return ctx.load(ctx.sunday)
    first = ctx.monday - dt.timedelta(days=LOAD_LOOKBACK_DAYS)
    sessions = ctx.history(first, ctx.sunday) if ctx.history is not None else list(ctx.sessions)
    history = LoadHistory(WeekStart.MON)
    history.load(sessions, today=ctx.today)
    history.reach(ctx.sunday)
    return history


def load_part(ctx: ReportContext) -> Report:
    """Ratios, monotony and strain, chronic/acute load and form on the week's last day, hard sets
    per muscle, and the week's largest single-run spike. Under 28 days of history the ratios and
    curves are "building up" (null, with `building_up` true). `unmarked_past_sessions` counts the
    past sessions never marked done, which chronic load, acute load and form leave out."""
    h = load_history_for(ctx)
    i = h.index(ctx.sunday)
    _, monotony, strain = h.week_figures(ctx.monday)
    building = bool(h.building[i]) or h.empty
    planned, done = h.hard_sets_by_muscle(ctx.monday)
    muscles: dict[str, float] = dict(planned)
    for m, n in done.items():
        muscles[m] = muscles.get(m, 0.0) + n
    return {"load": {
        "date": ctx.sunday.isoformat(),
        "building_up": building,
        "acwr": {"ewma": _number(h.acwr[i], 2), "uncoupled": _number(h.acwr_uncoupled[i], 2)},
        "monotony": _number(monotony, 2),
        "strain": _number(strain, 1),
        "fitness": None if building else _number(h.fitness[i], 1),
        "fatigue": None if building else _number(h.fatigue[i], 1),
        "form": None if building else _number(h.form[i], 1),
        "hard_sets_by_muscle": {m: _round(n, 1) for m, n in sorted(muscles.items(), key=lambda kv: (-kv[1], kv[0]))},
        "long_run_spike": _spike(h, ctx),
        "unmarked_past_sessions": h.unmarked_past(),
    }}


def _spike(h: LoadHistory, ctx: ReportContext) -> Report | None:
    """The week's largest spike: the run that most exceeds 1.1 x the longest run of the previous
    30 days (Frandsen 2025); the earlier day when two are equal."""
    lo = h.index(ctx.monday)
    spikes = [(float(h.spike[i]), -i) for i in range(lo, lo + 7) if not math.isnan(h.spike[i])]
    if not spikes:
        return None
    r, i = max(spikes)
    i = -i
    return {"date": h.day(i).isoformat(), "ratio": _round(r, 2),
            "distance_km": _round(float(h.longest_run[i]), 2),
            "previous_longest_km": _round(float(h.longest_run[i] / r), 2)}


def _number(x: float, decimals: int) -> float | None:
    """A rounded number, or None for NaN (building up, or undefined like monotony with SD 0)."""
    x = float(x)
    return None if math.isnan(x) else _round(x, decimals)


def _round(x: float, decimals: int) -> float:
    return round(float(x), decimals) + 0.0


def findings_part(ctx: ReportContext) -> Report:
    """The plan check's findings for the week: rule, severity, dates, session ids, message, fixes."""
    if ctx.findings is None:
        return {}
    return {"findings": [f.to_json() for f in ctx.findings]}


PARTS: list[ReportPart] = [week_part, days_part, totals_part, load_part, findings_part]


def build_report(ctx: ReportContext, parts: Sequence[ReportPart] | None = None) -> Report:
    report: Report = {}
    for part in PARTS if parts is None else parts:
        report.update(part(ctx))
    return report


def to_json(report: Report) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False)


# -- text ---------------------------------------------------------------------------------------
TextRenderer = Callable[[Report, Units], list[str]]  # report, display units


def _week_text(report: Report, units: Units = Units.METRIC) -> list[str]:
    start = dt.date.fromisoformat(report["start"])
    end = dt.date.fromisoformat(report["end"])
    return [f"Week {report['week']}: {long_date(start)} - {long_date(end)}"]


def _days_text(report: Report, units: Units = Units.METRIC) -> list[str]:
    lines: list[str] = []
    for day in report["days"]:
        date = dt.date.fromisoformat(day["date"])
        lines.append("")
        lines.append(short_date(date))
        if not day["sessions"]:
            lines.append("  -")
        for s in day["sessions"]:
            kind = s["kind"] + (f"/{s['type']}" if s["type"] else "")
            km = format_distance(s["distance_km"], units)
            lines.append(
                f"  {_clip(s['title'], 28):<28} {kind:<18} {s['duration_min']:>4} min"
                f"  RPE {format_exact(s['rpe']):<4} {km:>9}  {s['status']}"
            )
            lines.extend(f"    {line}" for line in _exercise_lines(s.get("exercises", ()), units))
        if "nutrition" in day:
            lines.append(_nutrition_text(day["nutrition"], units))
    return lines


def _exercise_lines(items: Sequence[str], units: Units) -> list[str]:
    """The JSON's exercise items read back and written as on the page: "Plank 3 × 60 s"."""
    return [exercise_line(e, units) for e in parse_exercises("; ".join(items))] if items else []


def _nutrition_text(n: Report, units: Units) -> str:
    """One line of the day's targets, e.g. `  fuel: carbohydrate 210-350 g, ...`; fluid in `units`."""
    def span(key: str) -> str:
        lo, hi = n[key]
        return format_exact(lo) if lo == hi else f"{format_exact(lo)}-{format_exact(hi)}"

    energy = ("fat and energy need height, age and sex" if n["energy_kcal"] is None
              else f"fat {span('fat_g')} g, energy {span('energy_kcal')} kcal")
    fluid_lo, fluid_hi = n["fluid_l"]
    fluid = fluid_range_text(fluid_lo, fluid_hi, units, dash="-")
    line = (f"  fuel: carbohydrate {span('carbohydrate_g')} g, protein {span('protein_g')} g, "
            f"fluid {fluid}, {energy}")
    return line + "".join(f"\n    fuelling: {f['text']}" for f in n.get("fuelling", ()) if f["text"])


def _totals_text(report: Report, units: Units = Units.METRIC) -> list[str]:
    t = report["totals"]
    return ["", f"Totals: {t['sessions']} session{'s' if t['sessions'] != 1 else ''}; "
                f"running {format_distance(t['run_km'], units)} in {t['run_min']} min; "
                f"lifting {tonnage_text(t['lift_tonnage_kg'], units)} tonnage"]


def _load_totals_text(report: Report) -> list[str]:
    t = report["totals"]
    if "load_au" not in t:
        return []
    return [f"Load: {_grouped(t['load_au'])} AU (session RPE x minutes); {format_exact(t['hard_sets'])} hard sets; "
            f"running {t['run_easy_min']} min easy, {t['run_hard_min']} min above easy"]


def _totals_and_load_text(report: Report, units: Units = Units.METRIC) -> list[str]:
    return _totals_text(report, units) + _load_totals_text(report)


def _load_text(report: Report, units: Units = Units.METRIC) -> list[str]:
    x = report["load"]

    def num(v: float | None, unit: str = "") -> str:
        if v is None:
            return "building up" if x["building_up"] else "undefined"
        return f"{format_exact(v)}{unit}"

    acwr = x["acwr"]
    lines = ["", f"Load on {long_date(dt.date.fromisoformat(x['date']))}"
                 + (" (building up: under 28 days of history)" if x["building_up"] else "") + ":",
             f"  acute:chronic ratio (a heuristic, not an injury predictor; Impellizzeri 2020): "
             f"EWMA 7/28 d {num(acwr['ewma'])}, uncoupled {num(acwr['uncoupled'])}",
             f"  monotony {num(x['monotony']) if x['monotony'] is not None else 'undefined (equal days)'}"
             f" (population SD), strain {num(x['strain']) if x['strain'] is not None else 'undefined'}",
             f"  chronic load {num(x['fitness'], ' AU')}, acute load {num(x['fatigue'], ' AU')}, "
             f"form {num(x['form'], ' AU')}"]
    if x["hard_sets_by_muscle"]:
        sets = x["hard_sets_by_muscle"].items()
        lines.append("  hard sets: " + ", ".join(f"{m} {format_exact(n)}" for m, n in sets))
    if x.get("unmarked_past_sessions"):
        lines.append(f"  {unmarked_text(x['unmarked_past_sessions'])}")
    spike = x["long_run_spike"]
    if spike:
        day = dt.date.fromisoformat(spike["date"])
        lines.append(f"  single-run spike: {short_date(day)}, "
                     f"{format_distance(spike['distance_km'], units)} = "
                     f"{format_exact(spike['ratio'])} x the longest run of the previous 30 days "
                     f"({format_distance(spike['previous_longest_km'], units)}; Frandsen 2025)")
    return lines


def _findings_text(report: Report, units: Units = Units.METRIC) -> list[str]:
    found = report["findings"]
    if not found:
        return ["", "Plan check: no findings."]
    lines = ["", f"Plan check: {len(found)} finding{'s' if len(found) != 1 else ''}"]
    for n, f in enumerate(found, 1):
        day = dt.date.fromisoformat(f["dates"][-1])
        lines.append(f"{n}. [{f['severity']}] {short_date(day)} ({f['rule']}): {f['message']}")
        lines.extend(f"   fix: {x['text']}" for x in f["fixes"])
    return lines


TEXT_RENDERERS: dict[str, TextRenderer] = {
    "week": _week_text,
    "days": _days_text,
    "totals": _totals_and_load_text,
    "load": _load_text,
    "findings": _findings_text,
}
_COVERED_BY = {"start": "week", "end": "week"}


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
        else:
            lines.extend(render(report, units))
    return "\n".join(lines) + "\n"


def _grouped(x: float) -> str:
    """Load in AU grouped by thousands, with its one decimal where it has one."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
