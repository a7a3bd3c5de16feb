"""A plan as a spreadsheet: one row per session, so a coach can write a block and load it.

Export writes what import reads. Import is all-or-nothing: every row is parsed first, every bad row
is reported with its line number, and the caller stores nothing unless the whole file is good.
Not in the file (the JSON backup keeps them): session ids, the exact position numbers (row order
within a day stands for them), the run target (pace/zone) and exercise muscles (taken from the
exercise catalog on import).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.domain.enums import Kind, Status
from planner.domain.errors import ValidationError
from planner.domain.exercise_text import format_exact, format_exercises, parse_exercises
from planner.domain.session import Session
from planner.domain.units import parse_decimal
from planner.domain.weeks import parse_date

COLUMNS: tuple[str, ...] = (
    "date", "time", "kind", "type", "title", "duration_min", "rpe", "distance_km", "exercises",
    "status", "actual_duration_min", "actual_rpe", "actual_distance_km", "notes",
)
REQUIRED: tuple[str, ...] = ("date", "kind", "title", "duration_min", "rpe")
#: Read when present, never written (the issue fixes the exported columns).
OPTIONAL_EXTRA: tuple[str, ...] = ("target",)
MAX_ERRORS_SHOWN = 50

Catalog = Mapping[str, Sequence[str]]


class PlanFileError(ValueError):
    """The file cannot be imported; `errors` holds one message per problem ("line 4: rpe: ...")."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(self.errors) if len(self.errors) <= 3
                         else f"{len(self.errors)} errors, the first: {self.errors[0]}")


@dataclass(frozen=True, slots=True)
class PlanRow:
    line: int
    session: Session


# -- reading ------------------------------------------------------------------------------------
def read_plan_file(path: Path, catalog: Catalog | None = None) -> list[PlanRow]:
    """Parse a plan file; raises PlanFileError (bad content) or OSError (cannot read it)."""
    return parse_plan(decode(path.read_bytes()), catalog)


def decode(raw: bytes) -> str:
    """UTF-8 (with or without Excel's BOM), else Windows-1252 (Excel's older "CSV" format)."""
    if b"\x00" in raw[:4096]:
        raise PlanFileError(["this is not a text (CSV) file"])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise PlanFileError(["the file is neither UTF-8 nor Windows-1252 text"]) from None


def parse_plan(text: str, catalog: Catalog | None = None) -> list[PlanRow]:
    """Every session in the file, in row order; PlanFileError lists every bad row."""
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise PlanFileError([f"line 1: not readable as CSV ({exc})"]) from None
    if header is None or not any(cell.strip() for cell in header):
        raise PlanFileError(["the file is empty; the first line must name the columns: "
                             + ",".join(COLUMNS)])
    index = _column_index(header)
    rows: list[PlanRow] = []
    errors: list[str] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(f"line {line}: not readable as CSV ({exc})")
            break
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            errors.append(f"line {line}: {len(cells)} cells but the header names {len(header)} "
                          "columns (a comma inside a cell needs quotes)")
            continue
        values = {name: (cells[i] if i < len(cells) else "") for name, i in index.items()}
        try:
            rows.append(PlanRow(line, row_to_session(values, catalog)))
        except RowErrors as exc:
            errors.extend(f"line {line}: {reason}" for reason in exc.reasons)
    if errors:
        raise PlanFileError(errors)
    return rows


def _delimiter(text: str) -> str:
    """`,` normally; `;` or tab when the header line uses that instead (European Excel)."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _column_index(header: Sequence[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, raw in enumerate(header):
        name = raw.strip().lower()
        if name in index:
            raise PlanFileError([f"line 1: the column {name!r} appears twice"])
        if name:
            index[name] = i
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        raise PlanFileError([
            f"line 1: missing required column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (the first line must name the columns, e.g. "
            f"{','.join(COLUMNS)})"
        ])
    return {name: i for name, i in index.items() if name in COLUMNS or name in OPTIONAL_EXTRA}


class RowErrors(ValueError):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def row_to_session(values: Mapping[str, str], catalog: Catalog | None = None) -> Session:
    """One row (column name -> cell text) as a Session without id; position 0 (the caller's job).

    Cell problems are all collected (RowErrors lists each); empty numeric cells mean "none".
    """
    reasons: list[str] = []

    def cell(name: str) -> str:
        return values.get(name, "").strip()

    def convert(name: str, fn: Callable[[str], object], required: bool = False) -> object:
        text = cell(name)
        if not text:
            if required:
                reasons.append(f"{name}: must not be empty")
            return None
        try:
            return fn(text)
        except ValidationError as exc:
            reasons.append(f"{exc.field}: {exc.message}")
            return None

    fields: dict[str, object] = {
        "date": convert("date", lambda t: parse_date("date", t), required=True),
        "time": convert("time", _parse_time),
        "kind": convert("kind", lambda t: _choice("kind", t, Kind), required=True),
        "type": cell("type").lower(),
        "title": cell("title"),
        "duration_min": convert("duration_min", lambda t: _number("duration_min", t),
                                required=True),
        "rpe": convert("rpe", lambda t: _number("rpe", t), required=True),
        "distance_km": convert("distance_km", lambda t: _number("distance_km", t)),
        "exercises": convert("exercises", lambda t: parse_exercises(t, catalog)) or (),
        "status": convert("status", lambda t: _choice("status", t, Status)) or Status.PLANNED,
        "actual_duration_min": convert("actual_duration_min",
                                       lambda t: _number("actual_duration_min", t)),
        "actual_rpe": convert("actual_rpe", lambda t: _number("actual_rpe", t)),
        "actual_distance_km": convert("actual_distance_km",
                                      lambda t: _number("actual_distance_km", t)),
        "notes": values.get("notes", ""),
        "target": cell("target"),
    }
    if not fields["title"]:
        reasons.append("title: must not be empty")
    if reasons:
        raise RowErrors(reasons)
    try:
        return Session(**fields)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise RowErrors([f"{exc.field}: {exc.message}"]) from None


_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::00)?$")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def _parse_time(text: str) -> dt.time:
    m = _TIME.match(text)
    if m and int(m[1]) < 24 and int(m[2]) < 60:
        return dt.time(int(m[1]), int(m[2]))
    raise ValidationError("time", f"must be a time of day written HH:MM, e.g. 07:30 (got {text!r})")


def _number(field: str, text: str) -> float:
    """A number as typed in a spreadsheet: `45`, `7.5`, or `7,5` (decimal comma)."""
    if not _NUMBER.match(text):
        raise ValidationError(field, f"must be a number (got {text!r})")
    return parse_decimal(field, text)


def _choice(field: str, text: str, enum: type[Kind] | type[Status]) -> object:
    try:
        return enum(text.lower())
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ValidationError(field, f"must be one of {allowed} (got {text!r})") from None


# -- writing ------------------------------------------------------------------------------------
def session_to_row(s: Session) -> dict[str, str]:
    def num(x: float | None) -> str:
        return "" if x is None else format_exact(x)

    return {
        "date": s.date.isoformat(),
        "time": s.time.strftime("%H:%M") if s.time is not None else "",
        "kind": s.kind.value,
        "type": s.type,
        "title": s.title,
        "duration_min": num(s.duration_min),
        "rpe": num(s.rpe),
        "distance_km": num(s.distance_km),
        "exercises": format_exercises(s.exercises),
        "status": s.status.value,
        "actual_duration_min": num(s.actual_duration_min),
        "actual_rpe": num(s.actual_rpe),
        "actual_distance_km": num(s.actual_distance_km),
        "notes": s.notes,
    }


def format_plan(sessions: Iterable[Session]) -> str:
    """CSV text (header + one row per session, by date and position), `\\r\\n` line ends."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for s in sorted(sessions, key=lambda s: (s.date, s.position, s.id or 0)):
        writer.writerow(session_to_row(s))
    return out.getvalue()


def write_plan_file(path: Path, sessions: Iterable[Session]) -> None:
    """Save atomically as UTF-8 bytes (a text-mode write on Windows would turn `\r\n` into
    `\r\r\n`); raises OSError when the file cannot be written."""
    from planner.store.storage import write_atomic

    write_atomic(path, format_plan(sessions).encode("utf-8"))
