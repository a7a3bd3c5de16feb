"""Words for people are written once, in planner/words (DESIGN.md; STYLE.md "Words once"): no other
module defines its own formatter of a set, a load, a distance, a pace (or a pace range, or a clock
time), a duration, a target, a
fluid amount or a date, and the modules that used to hold them are gone."""

from __future__ import annotations

import ast
from pathlib import Path

PLANNER = Path(__file__).resolve().parents[2] / "planner"
#: What planner/words defines; a second definition elsewhere is a formatter that will drift.
WORDS_ONLY = {
    "format_number", "format_exact", "grouped", "format_distance", "distance_pair", "format_load",
    "format_mass", "plate_load", "format_pace", "duration_text", "duration_words", "tonnage_text",
    "reps_text", "set_group", "sets_text", "exercise_line", "exercise_lines", "exercise_short",
    "target_in_units", "target_line", "fluid_text", "fluid_range_text", "format_fluid",
    "format_fluid_range", "sweat_rate_text", "short_date", "long_date", "type_word", "day_name",
    "clock", "pace_clock", "pace_range_text",
}
GONE = ["domain/labels.py", "domain/target_text.py", "models/session_text.py", "io/paper_text.py"]


def defined_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}


def test_every_formatter_is_defined_only_in_planner_words():
    found = {}
    for path in sorted(PLANNER.rglob("*.py")):
        if (PLANNER / "words") in path.parents:
            continue
        twice = defined_functions(path) & WORDS_ONLY
        if twice:
            found[str(path.relative_to(PLANNER))] = sorted(twice)
    assert found == {}


def clock_texts(path: Path) -> list[int]:
    """Lines that write a clock time by hand: a text ending in ":" before a number padded to two digits
    (f"{m}:{s:02d}"), the shape of every pace and race time."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.JoinedStr):
            continue
        for a, b in zip(node.values, node.values[1:], strict=False):
            if (isinstance(a, ast.Constant) and str(a.value).endswith(":") and isinstance(b, ast.FormattedValue)
                    and isinstance(b.format_spec, ast.JoinedStr)
                    and any(isinstance(c, ast.Constant) and c.value == "02d" for c in b.format_spec.values)):
                lines.append(node.lineno)
    return lines


def test_clock_times_and_paces_are_written_only_by_planner_words_paces():
    """One pace formatter (planner/words/paces.py): a second one, even a private helper, fails here."""
    found = {}
    for path in sorted(PLANNER.rglob("*.py")):
        if path != PLANNER / "words" / "paces.py" and (lines := clock_texts(path)):
            found[str(path.relative_to(PLANNER))] = lines
    assert found == {}


def test_the_words_package_defines_them():
    defined = set().union(*(defined_functions(p) for p in (PLANNER / "words").glob("*.py")))
    assert WORDS_ONLY - {"format_fluid", "format_fluid_range"} <= defined


def test_the_old_homes_of_the_words_are_gone():
    assert [p for p in GONE if (PLANNER / p).exists()] == []
