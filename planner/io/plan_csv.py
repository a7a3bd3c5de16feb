"""A plan as a spreadsheet: one row per session, so a coach can write a block and load it.

Export writes what import reads. Import is all-or-nothing: every row is parsed first, every bad row
is reported with its line number, and the caller stores nothing unless the whole file is good.
Not in the file (the JSON backup keeps them): session ids, the exact position numbers (row order
within a day stands for them), exercise muscles (taken from the exercise catalog on import) and
what a watch recorded (heart rate, ascent). The run target (pace or zone) is the `target` column
after `exercises`; a file without it (written before it existed) imports with no targets.

Safety (issue 7):
- A cell a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return;
  OWASP "CSV Injection") is written with a leading apostrophe, which spreadsheets show as text and
  import takes off again, so text survives export then import exactly.
- A file must be UTF-8 (a byte-order mark is fine; UTF-16 with its mark too), or be read in an
  encoding the user names on purpose: a guess turned one stray byte into "CafÃ©" everywhere.
- Every refusal names the line at fault, and limits (file size, rows, sessions on one day) are
  refused before anything is stored, so an import is whole or nothing.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.domain.enums import Kind, Status
from planner.domain.errors import ValidationError
from planner.domain.exercise_text import format_exercises, parse_exercises
from planner.domain.plan_edit import end_of_day
from planner.domain.session import POSITION_RANGE, Session
from planner.domain.units import parse_decimal
from planner.domain.weeks import parse_date
from planner.io.activities.hevy_csv import looks_like_hevy
from planner.io.activities.strava_csv import looks_like_strava
from planner.io.activities.strong_csv import looks_like_strong
from planner.words.numbers import format_exact
from planner.words.steps import parse_steps, steps_compact

COLUMNS: tuple[str, ...] = (
    "date", "time", "kind", "type", "title", "duration_min", "rpe", "distance_km", "exercises",
    "target", "status", "actual_duration_min", "actual_rpe", "actual_distance_km", "notes",
    "steps",  # a structured run in the compact form of planner/words/steps.py; files without it import
)
REQUIRED: tuple[str, ...] = ("date", "kind", "title", "duration_min", "rpe")
MAX_ERRORS_SHOWN = 50
#: The most sessions one day can hold (positions 0..10000, the domain's bound).
SESSIONS_PER_DAY_MAX = POSITION_RANGE[1] + 1
#: A plan file holds at most this many sessions (ten years of training are ~4,700) and bytes, so an
#: import's memory stays bounded whatever file is chosen.
ROWS_MAX = 50_000
FILE_BYTES_MAX = 16 * 1024 * 1024
#: First characters that make a spreadsheet evaluate a cell (OWASP, "CSV Injection").
FORMULA_START = frozenset("=+-@\t\r")

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
def read_plan_file(path: Path, catalog: Catalog | None = None, encoding: str | None = None) -> list[PlanRow]:
    """Parse a plan file; raises PlanFileError (bad content) or OSError (cannot read it).

    Reads at most FILE_BYTES_MAX + 1 bytes whatever the file is (a pipe works too)."""
    with open(path, "rb") as f:
        return load_plan(f.read(FILE_BYTES_MAX + 1), catalog, encoding)


def load_plan(raw: bytes, catalog: Catalog | None = None, encoding: str | None = None) -> list[PlanRow]:
    """Size check, decoding and parsing of a plan file's bytes; PlanFileError names the line."""
    if len(raw) > FILE_BYTES_MAX:
        line = raw[:FILE_BYTES_MAX].count(b"\n") + 1
        raise PlanFileError([f"line {line}: the file goes on past {FILE_BYTES_MAX // (1024 * 1024)} MB, "
                             f"more than a plan file may have (at most {ROWS_MAX:,} sessions); "
                             "nothing was read further"])
    return parse_plan(decode(raw, encoding), catalog)


class EncodingProblem(PlanFileError):
    """The bytes are not text in the encoding tried; `line` is where, `encoding` what was tried."""

    def __init__(self, line: int, encoding: str, message: str) -> None:
        super().__init__([f"line {line}: {message}"])
        self.line = line
        self.encoding = encoding


def decode(raw: bytes, encoding: str | None = None) -> str:
    """UTF-8 (with or without Excel's byte-order mark; UTF-16 when it starts with its mark), or the
    `encoding` the user chose. Anything else is refused with the line of the first bad byte."""
    if encoding is None:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        else:
            nul = raw.find(b"\x00")
            if nul >= 0:
                raise EncodingProblem(raw[:nul].count(b"\n") + 1, "utf-8",
                                      "this is not a text (CSV) file (it holds a NUL byte)")
            encoding = "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        bad = raw[exc.start:exc.end][:4].hex(" ").upper()
        name = "UTF-8" if encoding == "utf-8-sig" else encoding
        raise EncodingProblem(line, name, f"not valid {name} text (byte {bad}); save the file as "
                              "UTF-8 (in Excel: CSV UTF-8), or choose its encoding (on the command "
                              "line: --encoding, e.g. --encoding cp1252)") from None
    except LookupError:
        raise PlanFileError([f"line 1: unknown encoding {encoding!r}"]) from None


def check_encoding(name: str) -> str:
    """The codec name if Python knows it; ValueError otherwise (for --encoding)."""
    return codecs.lookup(name).name


def parse_plan(text: str, catalog: Catalog | None = None) -> list[PlanRow]:
    """Every session in the file, in row order; PlanFileError lists every bad row."""
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise PlanFileError([f"line 1: not readable as CSV ({exc})"]) from None
    if header is None or not any(cell.strip() for cell in header):
        raise PlanFileError(["line 1: the file is empty; the first line must name the columns: "
                             + ",".join(COLUMNS)])
    index = _column_index(header)
    rows: list[PlanRow] = []
    errors: list[str] = []
    on_day: dict[dt.date, int] = {}
    counted = 0
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
        counted += 1
        if counted > ROWS_MAX:
            errors.append(f"line {line}: a plan file holds at most {ROWS_MAX:,} sessions; "
                          "split the file")
            break
        values = {name: unescape_cell(cells[i]) if i < len(cells) else "" for name, i in index.items()}
        try:
            session = row_to_session(values, catalog)
        except RowErrors as exc:
            errors.extend(f"line {line}: {reason}" for reason in exc.reasons)
            continue
        on_day[session.date] = on_day.get(session.date, 0) + 1
        if on_day[session.date] > SESSIONS_PER_DAY_MAX:
            if on_day[session.date] == SESSIONS_PER_DAY_MAX + 1:  # once per day
                errors.append(f"line {line}: date: {session.date} has more than {SESSIONS_PER_DAY_MAX:,} "
                              "sessions in this file, the most one day can hold")
            continue
        rows.append(PlanRow(line, session))
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
    log = _training_log(header)
    if log:
        raise PlanFileError([f"line 1: this is {log}, not a plan: import it as completed training "
                             f"(File > Import activities, or import-activities)"])
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
    return {name: i for name, i in index.items() if name in COLUMNS}


def _training_log(header: Sequence[str]) -> str:
    """What kind of completed-training file a header names ("" when none): people pick the wrong import."""
    line = ",".join(header)
    for looks, words in ((looks_like_strava, "Strava's activities.csv"), (looks_like_hevy, "a Hevy workout log"),
                         (looks_like_strong, "a Strong workout log")):
        if looks(line):
            return words
    return ""


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
        "steps": convert("steps", parse_steps) or (),
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


# -- placing imported sessions after a day's existing ones ------------------------------------
def append_positions(
    rows: Iterable[PlanRow], existing: Callable[[dt.date], Sequence[Session]]
) -> list[Session]:
    """Give each new session a position after the sessions already on its day, in file order.

    A day that would go past the last position is refused for the whole file (PlanFileError names
    the first line that does not fit), so nothing is stored half-way."""
    next_pos: dict[dt.date, int] = {}
    out: list[Session] = []
    errors: list[str] = []
    for row in rows:
        s = row.session
        if s.date not in next_pos:
            next_pos[s.date] = end_of_day(existing(s.date))
        position = next_pos[s.date]
        next_pos[s.date] += 1
        if position > POSITION_RANGE[1]:
            if position == POSITION_RANGE[1] + 1:  # once per day
                errors.append(f"line {row.line}: date: {s.date} would hold more than "
                              f"{SESSIONS_PER_DAY_MAX:,} sessions with those already planned, "
                              "the most one day can hold")
            continue
        out.append(s.replace(position=position, id=None))
    if errors:
        raise PlanFileError(errors)
    return out


# -- writing ------------------------------------------------------------------------------------
def session_to_row(s: Session) -> dict[str, str]:
    def num(x: float | None) -> str:
        return "" if x is None else format_exact(x)

    row = {
        "date": s.date.isoformat(),
        "time": s.time.strftime("%H:%M") if s.time is not None else "",
        "kind": s.kind.value,
        "type": s.type,
        "title": s.title,
        "duration_min": num(s.duration_min),
        "rpe": num(s.rpe),
        "distance_km": num(s.distance_km),
        "exercises": format_exercises(s.exercises),
        "target": s.target,
        "status": s.status.value,
        "actual_duration_min": num(s.actual_duration_min),
        "actual_rpe": num(s.actual_rpe),
        "actual_distance_km": num(s.actual_distance_km),
        "notes": s.notes,
        "steps": steps_compact(s.steps),
    }
    return {name: escape_cell(value) for name, value in row.items()}


def _runs_as_formula(text: str) -> bool:
    """True when a spreadsheet would evaluate `text` (or, after an apostrophe we add, would read
    it back as such): defined so that unescape_cell(escape_cell(t)) == t for every text."""
    i = 0
    while i < len(text) and text[i] == "'":
        i += 1
    return i < len(text) and text[i] in FORMULA_START


def escape_cell(text: str) -> str:
    """`'=HYPERLINK(...)` instead of `=HYPERLINK(...)`: shown as text, never run (OWASP)."""
    return "'" + text if _runs_as_formula(text) else text


def unescape_cell(text: str) -> str:
    """Undo escape_cell: one leading apostrophe comes off a cell that would otherwise run."""
    return text[1:] if text.startswith("'") and _runs_as_formula(text[1:]) else text


def format_plan(sessions: Iterable[Session]) -> str:
    """CSV text (header + one row per session, by date and position), `\\r\\n` line ends."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for s in sorted(sessions, key=lambda s: (s.date, s.position, s.id or 0)):
        writer.writerow(session_to_row(s))
    return out.getvalue()


def write_plan_file(path: Path, sessions: Iterable[Session], write: Callable[[Path, bytes], object]) -> None:
    """Save as UTF-8 bytes (a text-mode write on Windows would turn `\r\n` into `\r\r\n`)
    through `write` (the store's export writer: atomic, never over the app's own files); raises
    OSError when the file cannot be written."""
    write(path, format_plan(sessions).encode("utf-8"))
