"""A week of a block in words: the season view's summary column and the printed season."""

from __future__ import annotations

from planner.domain.enums import Units
from planner.domain.season import Phase, WeekSummary
from planner.words.numbers import format_number, grouped
from planner.words.quantities import distance_pair, tonnage_text

PHASE_WORDS = {Phase.BUILD: "Build", Phase.DELOAD: "Deload", Phase.TAPER: "Taper"}


def change_text(pct: int | None) -> str:
    """"+12 %", "−8 %", "±0 %"; "" without a week before to compare with."""
    if pct is None:
        return ""
    return f"+{pct} %" if pct > 0 else (f"\u2212{-pct} %" if pct < 0 else "\u00b10 %")


def summary_lines(w: WeekSummary, units: Units) -> list[str]:
    """Short lines, each a whole fact, so a narrow column wraps between them, not inside them:
    "Build", "Run 12.4/30 km", "Lift 8,450 kg · 24 hard sets", "Load 2,310 AU +8 %", "Done 96 %"."""
    lines = [PHASE_WORDS[w.phase] if w.phase is not None else "\u2014"]
    if w.run_km_planned:
        lines.append(f"Run {distance_pair(w.run_km_done, w.run_km_planned, units)}")
    if w.tonnage_kg or w.hard_sets:
        sets = format_number(w.hard_sets, 1)
        lines.append(f"Lift {tonnage_text(w.tonnage_kg, units)} · {sets} hard sets")
    if w.load_au:
        change = change_text(w.load_change_pct)
        lines.append(f"Load {grouped(w.load_au)} AU" + (f" {change}" if change else ""))
    if w.compliance_pct is not None:
        lines.append(f"Done {w.compliance_pct} %")
    return lines


def summary_tooltip(w: WeekSummary, units: Units) -> str:
    """What each number is, with its source (author and year)."""
    return "\n".join([
        *summary_lines(w, units),
        "",
        "Run: km done / planned. Lift: volume load (sets × reps × load of working sets, McBride 2009) "
        "and hard sets (RPE 7 or more, Zourdos 2016).",
        "Load: session RPE × minutes (Foster 2001), change from the week before.",
        "Done: minutes done of the minutes due (TrainingPeaks' compliance).",
        "Build, deload or taper: the week's load against the three weeks before (under 80 %: lighter; "
        "a taper when a race is within two weeks, Bosquet 2007).",
    ])
