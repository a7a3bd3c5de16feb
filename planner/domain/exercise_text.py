"""A lift's work as one line of text: `Back squat 5x5@100 RPE 8; Calf raise 3x15@40`.

Grammar of one item (items are separated by `;` or by line breaks):

    NAME SETSxREPS[@KG] [RPE r] [RIR n] [warmup] [failure] [drop]

- NAME may hold spaces and digits ("Bulgarian split squat 2"); a `;` or `\\` inside it is written
  `\\;` or `\\\\`.
- `x` may also be `X` or `×`; KG may be a decimal (`@62.5`, also `@62,5`), optionally followed by
  `kg`; no `@KG` means bodyweight.
- `warmup` (or `warm-up`) flags warm-up sets, which count zero tonnage (SCIENCE.md §4);
  `failure` and `drop` flag sets taken to failure and drop sets (as Hevy and Strong log them).
- A timed set is written with seconds instead of reps: `Plank 3x60s`.

An exercise whose sets differ is written as consecutive items with the same name, and parsing merges
consecutive items with the same (exact) name back into one exercise, so text -> exercises -> text
round-trips. Two different exercises of the same name next to each other therefore come back as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from planner.domain.errors import ValidationError
from planner.domain.session import SETS_RANGE, Exercise, WorkSet
from planner.domain.units import parse_decimal
from planner.words.numbers import format_exact
from planner.words.sets import is_timed, runs

FIELD = "exercises"
GRAMMAR = "NAME SETSxREPS[@KG] [RPE r | RIR n] [warmup]"
EXAMPLE = "Back squat 5x5@100 RPE 8"

_NUM = r"\d+(?:[.,]\d+)?"
_ITEM = re.compile(
    rf"""^(?P<name>.+?)\s+
    (?P<sets>\d+)\s*[x×]\s*(?P<reps>\d+)(?P<secs>s)?
    (?:\s*@\s*(?P<kg>{_NUM})\s*(?:kgs?)?)?
    (?:\s+RPE\s*(?P<rpe>{_NUM}))?
    (?:\s+RIR\s*(?P<rir>\d+))?
    (?P<warmup>\s+warm[-\s]?up)?
    (?P<failure>\s+failure)?
    (?P<drop>\s+drop)?
    \s*$""",
    re.IGNORECASE | re.VERBOSE | re.ASCII,
)
_WHITESPACE = re.compile(r"\s+")
_FLAT = str.maketrans("\n\r\t", "   ")


# -- parsing ------------------------------------------------------------------------------------
def parse_exercises(
    text: str, catalog: Mapping[str, Sequence[str]] | None = None
) -> tuple[Exercise, ...]:
    """Exercises from text; muscles come from `catalog` by name (case-insensitive), else none.

    Raises ValidationError("exercises", "item 2 'Back squat 5x': expected ...") naming the item.
    """
    muscles_by_name = {_key(name): tuple(m) for name, m in (catalog or {}).items()}
    runs: list[tuple[str, list[WorkSet], int, str]] = []  # name, sets, first item's number and text
    for number, raw in enumerate(_split_items(text), start=1):
        name, sets = _parse_item(number, raw)
        if runs and runs[-1][0] == name:
            runs[-1][1].extend(sets)
        else:
            runs.append((name, list(sets), number, raw))
    exercises = []
    for name, sets, number, raw in runs:
        if len(sets) > SETS_RANGE[1]:
            raise _item_error(number, raw, f"{name} has {len(sets)} sets in a row; "
                              f"at most {SETS_RANGE[1]} sets per exercise")
        muscles = muscles_by_name.get(_key(name), ())
        try:
            exercises.append(Exercise(name=name, sets=tuple(sets), muscles=muscles))
        except ValidationError as exc:
            raise _item_error(number, raw, exc.message) from None
    return tuple(exercises)


def _key(name: str) -> str:
    return _WHITESPACE.sub(" ", name.strip()).casefold()


def _split_items(text: str) -> Iterator[str]:
    """Items split at unescaped `;` and line breaks; empty items (a trailing `;`) are skipped."""
    if not isinstance(text, str):
        raise ValidationError(FIELD, f"must be text, not {text!r}")
    item: list[str] = []
    chars = iter(text)
    for c in chars:
        if c == "\\":
            item.append("\\" + next(chars, ""))  # kept escaped; the name is unescaped later
        elif c in ";\n\r":
            yield from _nonempty("".join(item))
            item = []
        else:
            item.append(c)
    yield from _nonempty("".join(item))


def _nonempty(raw: str) -> Iterator[str]:
    if raw.strip():
        yield raw.strip()


def _unescape(name: str) -> str:
    return re.sub(r"\\([;\\])", r"\1", name)


def _parse_item(number: int, raw: str) -> tuple[str, list[WorkSet]]:
    m = _ITEM.match(raw)
    if not m:
        raise _item_error(number, raw, f"expected {GRAMMAR}, e.g. '{EXAMPLE}'")
    name = _unescape(m["name"].translate(_FLAT).strip())
    if not name:
        raise _item_error(number, raw, "the exercise needs a name before SETSxREPS")
    count = int(m["sets"])
    if not SETS_RANGE[0] <= count <= SETS_RANGE[1]:
        raise _item_error(number, raw, f"sets must be between {SETS_RANGE[0]} and "
                          f"{SETS_RANGE[1]} (got {count})")
    try:
        timed = m["secs"] is not None
        work = WorkSet(
            reps=0 if timed else int(m["reps"]),
            seconds=int(m["reps"]) if timed else None,
            failure=m["failure"] is not None,
            drop=m["drop"] is not None,
            load_kg=_decimal(m["kg"]),
            rpe=_decimal(m["rpe"]),
            rir=int(m["rir"]) if m["rir"] is not None else None,
            warmup=m["warmup"] is not None,
        )
    except ValidationError as exc:
        raise _item_error(number, raw, f"{exc.field}: {exc.message}") from None
    return name, [work] * count


def _decimal(text: str | None) -> float | None:
    return None if text is None else parse_decimal("number", text)


def _item_error(number: int, raw: str, reason: str) -> ValidationError:
    shown = raw if len(raw) <= 60 else raw[:57] + "..."
    return ValidationError(FIELD, f"item {number} '{shown}': {reason}")


# -- formatting ---------------------------------------------------------------------------------
def format_exercises(exercises: Iterable[Exercise]) -> str:
    """One line for all exercises: runs of identical consecutive sets become one item each."""
    return "; ".join(item for e in exercises for item in format_exercise(e))


def format_exercise(exercise: Exercise) -> list[str]:
    name = _escape(exercise.name)
    return [_format_run(name, run) for run in runs(exercise.sets)]


def _escape(name: str) -> str:
    """Line breaks and tabs in a name become spaces (a line break would split the item)."""
    return name.translate(_FLAT).strip().replace("\\", "\\\\").replace(";", "\\;")


def _format_run(name: str, run: Sequence[WorkSet]) -> str:
    s = run[0]
    text = f"{name} {len(run)}x{s.seconds}s" if is_timed(s) else f"{name} {len(run)}x{s.reps}"
    if s.load_kg is not None:
        text += f"@{format_exact(s.load_kg)}"
    if s.rpe is not None:
        text += f" RPE {format_exact(s.rpe)}"
    if s.rir is not None:
        text += f" RIR {s.rir}"
    if s.warmup:
        text += " warmup"
    if s.failure:
        text += " failure"
    if s.drop:
        text += " drop"
    return text
