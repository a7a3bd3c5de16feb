"""The `hybrid-planner` command: the window by default, and headless sub-commands.

Headless commands never import Qt (the window is imported only when it is opened). Every error ends
in one message on stderr and a non-zero exit status, never a traceback:
2 for a bad value on the command line, 1 for a bad file or a data folder that cannot be used,
70 for a bug (set HYBRID_PLANNER_DEBUG=1 to see its traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from planner import __version__
from planner.domain.errors import ValidationError
from planner.domain.exercise_text import format_exact
from planner.domain.weeks import parse_date, parse_iso_week
from planner.paths import resolve_data_dir

if TYPE_CHECKING:
    from planner.domain.profile import Profile
    from planner.domain.session import Template
    from planner.services.library import ProfileService
    from planner.services.plan import PlanService
    from planner.store.store import Store

PROG = "hybrid-planner"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 70
DEBUG_ENV = "HYBRID_PLANNER_DEBUG"


class CLIError(Exception):
    """An error to show as it is, with the exit status to end with."""

    def __init__(self, message: str, code: int = EXIT_FAILED, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = list(details)


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr (argparse prints the whole usage block)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


# -- the parser ---------------------------------------------------------------------------------
def _number(text: str) -> float:
    from planner.domain.units import parse_decimal

    try:
        return parse_decimal("value", text)
    except ValidationError:
        raise argparse.ArgumentTypeError(f"must be a number (got {text!r})") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Plan running and lifting together. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check that this copy of the app works (window, demo plan, a drop, the panes, "
                             "PDF, calendar, activity import) in a temporary folder; exit 0 or 1")
    parser.add_argument("--data-dir", metavar="DIR", default=None,
                        help="the folder holding your data (default: the platform's user data "
                             "folder, or $HYBRID_PLANNER_DATA_DIR)")
    parser.add_argument("--demo", action="store_true",
                        help="open the window with the demo plan loaded into a fresh data folder")
    parser.add_argument("--start-fresh", action="store_true",
                        help="after a broken data file was found (and kept aside), start an empty "
                             "plan on purpose instead of being refused")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                       help="the folder holding your data")
        return p

    command("demo", "write the demo plan into an empty data folder, without opening a window")

    p = command("profile", "set (with options) and print the athlete's profile")
    p.add_argument("--name", metavar="N")
    p.add_argument("--body-mass", metavar="KG", type=_number)
    p.add_argument("--goal", choices=("run", "lift", "balanced"))
    p.add_argument("--units", choices=("metric", "imperial"))
    p.add_argument("--week-start", choices=("mon", "sun"))
    p.add_argument("--sweat-rate", metavar="L_PER_H", type=_number)
    p.add_argument("--height-cm", metavar="CM", type=_number,
                   help="optional, with --age and --sex for a second energy estimate (Mifflin-St Jeor)")
    p.add_argument("--age", metavar="YEARS", type=int)
    p.add_argument("--sex", choices=("female", "male"))
    p.add_argument("--experience", choices=("new", "some", "experienced"),
                   help="how long you have combined lifting and running (the plan check reads it)")

    p = command("import-plan", "add the sessions of a plan spreadsheet (CSV); all or nothing")
    p.add_argument("file", metavar="FILE.csv", help="the CSV file, or - for standard input")
    p.add_argument("--encoding", metavar="NAME", type=_encoding, default=None,
                   help="read a file that is not UTF-8 in this encoding, e.g. cp1252 or latin-1")

    p = command("export-plan", "write the plan as a spreadsheet (CSV), one row per session")
    p.add_argument("file", metavar="FILE.csv", help="the CSV file, or - for standard output")
    p.add_argument("--from", dest="first", metavar="DATE", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="last", metavar="DATE", help="last day (YYYY-MM-DD)")

    p = command("import-activities", "add completed training from activity files (GPX, TCX, FIT, "
                                     "Strava activities.csv) and lifting logs (Strong, Hevy CSV), matched "
                                     "to the planned sessions; all or nothing")
    p.add_argument("files", nargs="+", metavar="FILE", help="the files to read")
    p.add_argument("--no-match", action="store_true",
                   help="add every activity as a new done session instead of filling in planned ones")
    p.add_argument("--json", action="store_true",
                   help='print {"matched": N, "added": N, "skipped": N} instead of a sentence')
    from planner.cli_plancheck import add_parsers

    add_parsers(command, _number)
    from planner.cli_generate import add_parser as add_generate

    add_generate(command, _number)

    p = command("report", "the week's sessions and totals, in words or as JSON")
    p.add_argument("--week", required=True, metavar="YYYY-Www", help="ISO week, e.g. 2026-W48")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    command("backups", "list the automatic backups, newest first: path, date and sessions")
    p = command("backup", "write everything (profile, sessions, templates, logs) to a JSON file")
    p.add_argument("file", metavar="FILE.json", help="the file to write")
    p = command("restore", "replace the plan with a backup or a file written by backup; the "
                           "current state is backed up first, and nothing changes if the file is wrong")
    p.add_argument("file", metavar="FILE.json", help="the backup to restore")

    p = command("print", "print weeks of the plan to a PDF file (landscape, one week per page)")
    p.add_argument("--week", required=True, metavar="YYYY-Www",
                   help="the first week, e.g. 2026-W48 (a profile whose weeks start on Sunday prints "
                        "from the Sunday before that ISO week's Monday)")
    p.add_argument("--weeks", type=int, default=1, metavar="N", help="how many weeks (default 1)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF file to write")
    p.add_argument("--paper", choices=("A4", "Letter"), help="paper size (default: from the locale)")

    p = command("export-ics", "write the sessions as a calendar file (iCalendar) to import into a calendar")
    p.add_argument("file", metavar="FILE.ics", help="the calendar file to write")
    p.add_argument("--from", dest="first", metavar="DATE", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="last", metavar="DATE", help="last day (YYYY-MM-DD)")
    return parser


def _encoding(text: str) -> str:
    from planner.io.plan_csv import check_encoding

    try:
        return check_encoding(text)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {text!r} (e.g. utf-8, cp1252, latin-1)") from None


# -- entry point --------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return _dispatch(args)
    except CLIError as exc:
        return _fail(exc.message, exc.code, exc.details)
    except ValidationError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        message = _known_error_message(exc)
        if message is not None:
            return _fail(message, EXIT_FAILED)
        return _fail(f"unexpected error ({type(exc).__name__}: {exc}); "
                     f"set {DEBUG_ENV}=1 to see the details", EXIT_BUG)


def _dispatch(args: argparse.Namespace) -> int:
    if args.self_test:
        from planner.selftest import run

        return run()
    data_dir = resolve_data_dir(args.data_dir)
    if args.start_fresh:
        _start_fresh(data_dir)
    if args.command is None:
        return _run_gui(data_dir, args.demo)
    if args.demo:
        raise CLIError("--demo only applies when opening the window; "
                       "use the demo command to write the demo plan", EXIT_USAGE)
    handlers: dict[str, Callable[[argparse.Namespace, Path], int]] = {
        "demo": cmd_demo,
        "profile": cmd_profile,
        "import-plan": cmd_import_plan,
        "export-plan": cmd_export_plan,
        "report": cmd_report,
        "backups": cmd_backups,
        "backup": cmd_backup,
        "restore": cmd_restore,
        "print": cmd_print,
        "export-ics": cmd_export_ics,
        "import-activities": cmd_import_activities,
        "check": cmd_check,
        "log": cmd_log,
        "generate": cmd_generate,
    }
    return handlers[args.command](args, data_dir)


def _fail(message: str, code: int, details: Sequence[str] = ()) -> int:
    one_line = " ".join(message.split())
    print(f"{PROG}: error: {one_line}", file=sys.stderr)
    for line in details:
        print(f"  {' '.join(line.split())}", file=sys.stderr)
    return code


def _known_error_message(exc: Exception) -> str | None:
    """The message of an error the user can act on (store, file system), or None for a bug."""
    if isinstance(exc, _store_errors()):
        return str(getattr(exc, "message", None) or exc)
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return f"cannot use{where}: {exc.strerror or exc}"
    return None


def _store_errors() -> tuple[type[Exception], ...]:
    """Errors the store raises for a file it cannot open or save (locked, newer, corrupt...)."""
    from planner.store.codec import BadDocument
    from planner.store.database import StoreError

    return (StoreError, BadDocument)


def _open(data_dir: Path, builtins: Sequence[Template] = ()) -> contextlib.closing[Store]:
    from planner.store.database import open_store

    return contextlib.closing(open_store(data_dir, builtins))


@contextlib.contextmanager
def _services(data_dir: Path, builtins: Sequence[Template] = ()) -> Iterator[tuple[PlanService, ProfileService]]:
    """The same services the window uses, each change applied and saved before it returns."""
    from planner.services.library import ProfileService
    from planner.services.plan import PlanService
    from planner.services.runner import DirectRunner

    with _open(data_dir, builtins) as store:
        runner = DirectRunner(store)
        yield PlanService(runner), ProfileService(runner)


def _snapshot(data_dir: Path, builtins: Sequence[Template] = ()) -> contextlib.closing[Store]:
    """The data as it is now, for commands that only read: no lock, nothing written."""
    from planner.store.database import open_snapshot

    return contextlib.closing(open_snapshot(data_dir, builtins))


def _run_gui(data_dir: Path, demo: bool) -> int:
    try:
        from planner.app import run_gui
    except ImportError as exc:
        raise CLIError(f"the window cannot start: {exc}") from None
    return int(run_gui(data_dir, demo) or 0)


# -- demo ---------------------------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.services.plan_files import load_demo

    library = _builtin_templates()
    with _services(data_dir, library) as (plan, profiles):
        existing = len(plan.store.sessions)
        if existing:
            raise CLIError(f"{data_dir} already has {existing} session"
                           f"{'s' if existing != 1 else ''}; the demo plan is only written into "
                           "an empty data folder (choose a new one with --data-dir)")
        stored = load_demo(plan, profiles, dt.date.today())
    span = _span(s.date for s in stored)
    print(f"Wrote the demo plan to {data_dir}: {len(stored)} sessions{span}.")
    return EXIT_OK


def _builtin_templates() -> tuple[Template, ...]:
    from planner.resources import builtin_templates

    try:
        return builtin_templates()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CLIError(f"the session library that comes with the app cannot be read ({exc})") \
            from None


def _span(days: Iterator[dt.date] | Sequence[dt.date]) -> str:
    days = sorted(days)
    return f" from {days[0]} to {days[-1]}" if days else ""


# -- profile ------------------------------------------------------------------------------------
_PROFILE_OPTIONS = {  # option dest -> Profile field
    "name": "name",
    "body_mass": "body_mass_kg",
    "goal": "goal",
    "units": "units",
    "week_start": "week_start",
    "sweat_rate": "sweat_rate_l_per_h",
    "height_cm": "height_cm",
    "age": "age",
    "sex": "sex",
    "experience": "experience",
}


def cmd_profile(args: argparse.Namespace, data_dir: Path) -> int:
    changes = {field: getattr(args, dest) for dest, field in _PROFILE_OPTIONS.items()
               if getattr(args, dest) is not None}
    with _services(data_dir) as (_, profiles):
        profile = profiles.get()
        if changes:
            profile = profile.replace(**changes)  # validates: ValidationError -> exit 2
            profiles.set(profile)
    print(f"name: {profile.name}")
    print(f"body_mass_kg: {format_exact(profile.body_mass_kg)}")
    print(f"goal: {profile.goal.value}")
    print(f"units: {profile.units.value}")
    print(f"week_start: {profile.week_start.value}")
    print(f"sweat_rate_l_per_h: {format_exact(profile.sweat_rate_l_per_h)}")
    print(f"experience: {profile.experience.value}")
    _print_optional_profile(profile)
    return EXIT_OK


def _print_optional_profile(profile: Profile) -> None:
    """Height, age and sex are optional: shown only once set, so older output stays the same."""
    if profile.height_cm is not None:
        print(f"height_cm: {format_exact(profile.height_cm)}")
    if profile.age is not None:
        print(f"age: {profile.age}")
    if profile.sex is not None:
        print(f"sex: {profile.sex.value}")


# -- plan CSV -----------------------------------------------------------------------------------
def cmd_import_plan(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io import plan_csv
    from planner.store.storage import StoreWriteError

    name = "standard input" if args.file == "-" else args.file
    limit = plan_csv.FILE_BYTES_MAX + 1
    try:
        if args.file == "-":
            raw = sys.stdin.buffer.read(limit)
        else:
            with open(args.file, "rb") as f:
                raw = f.read(limit)
    except OSError as exc:
        raise CLIError(f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        rows = plan_csv.load_plan(raw, _exercise_catalog(), args.encoding)
    except plan_csv.PlanFileError as exc:
        raise _import_error(name, exc.errors) from None
    if not rows:
        print(f"{name} holds no sessions; nothing was imported.")
        return EXIT_OK
    from planner.services.plan_files import import_rows

    try:
        with _services(data_dir) as (plan, _):
            stored = import_rows(plan, rows, name)
    except plan_csv.PlanFileError as exc:
        raise _import_error(name, exc.errors) from None
    except StoreWriteError as exc:
        raise CLIError(f"{exc} Nothing was imported.") from None
    print(f"Imported {len(stored)} session{'s' if len(stored) != 1 else ''}"
          f"{_span(s.date for s in stored)} into {data_dir}.")
    return EXIT_OK


def _import_error(name: str, errors: Sequence[str]) -> CLIError:
    if len(errors) == 1:
        sep = " " if errors[0].startswith("line ") else ": "
        return CLIError(f"{name}{sep}{errors[0]}; nothing was imported")
    from planner.io.plan_csv import MAX_ERRORS_SHOWN

    shown = list(errors[:MAX_ERRORS_SHOWN])
    if len(errors) > MAX_ERRORS_SHOWN:
        shown.append(f"... and {len(errors) - MAX_ERRORS_SHOWN} more")
    return CLIError(f"{name} has {len(errors)} problems; nothing was imported:", details=shown)


def _exercise_catalog() -> dict[str, tuple[str, ...]]:
    from planner.resources import exercise_catalog

    try:
        return exercise_catalog()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CLIError(f"the exercise list that comes with the app cannot be read ({exc})") \
            from None


def _date_range(args: argparse.Namespace) -> tuple[dt.date | None, dt.date | None]:
    """--from and --to, each optional; --to before --from is a usage error."""
    first = parse_date("from", args.first) if args.first else None
    last = parse_date("to", args.last) if args.last else None
    if first and last and first > last:
        raise ValidationError("to", f"{last} is before --from {first}")
    return first, last


def _within(day: dt.date, first: dt.date | None, last: dt.date | None) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def cmd_export_plan(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io import plan_csv

    first, last = _date_range(args)
    with _snapshot(data_dir) as store:
        sessions = [s for s in store.sessions.all() if _within(s.date, first, last)]
    if args.file == "-":
        _write_stdout_bytes(plan_csv.format_plan(sessions).encode("utf-8"))
        return EXIT_OK
    target = Path(args.file)
    try:
        plan_csv.write_plan_file(target, sessions)
    except OSError as exc:
        raise CLIError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"Exported {len(sessions)} session{'s' if len(sessions) != 1 else ''}"
          f"{_span(s.date for s in sessions)} to {target}.")
    return EXIT_OK


def _write_stdout_bytes(data: bytes) -> None:
    """As bytes, so the CSV's `\r\n` stays `\r\n` on Windows consoles and pipes too."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


# -- completed activities ------------------------------------------------------------------------
def cmd_import_activities(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    from planner.services.activity_import import ActivityFileError, ActivityImport
    from planner.services.runner import DirectRunner

    catalog = _exercise_catalog()
    with _open(data_dir) as store:
        importer = ActivityImport(DirectRunner(store), catalog)
        try:
            read = importer.read([Path(f) for f in args.files])
        except ActivityFileError as exc:
            raise CLIError(f"{exc}; nothing was imported") from None
        counts = importer.apply(importer.preview(read, match=not args.no_match))
    if args.json:
        print(json.dumps(counts.as_dict()))
        return EXIT_OK
    n = len(args.files)
    print(f"Matched {counts.matched}, added {counts.added}, skipped {counts.skipped} already imported "
          f"(from {n} file{'s' if n != 1 else ''}) into {data_dir}.")
    for note in read.notes:
        print(f"  {note}")
    return EXIT_OK


# -- report -------------------------------------------------------------------------------------
def cmd_report(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io import report

    monday = parse_iso_week(args.week)
    with _snapshot(data_dir, _builtin_templates()) as store:
        ctx = report.context_for_week(monday, store.sessions.between, store.profile.get(),
                                      store=store)
        result = report.build_report(ctx)
    sys.stdout.write(report.to_json(result) + "\n" if args.json else report.to_text(result, ctx.profile.units))
    return EXIT_OK


# -- backups ------------------------------------------------------------------------------------
def _start_fresh(data_dir: Path) -> None:
    """--start-fresh: settle a broken file found earlier by starting an empty plan."""
    from planner.store.recovery import start_fresh

    done = start_fresh(data_dir)
    if done:
        print(done, file=sys.stderr)


def cmd_backups(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.store.recovery import backup_infos, describe

    infos = backup_infos(data_dir)
    if not infos:
        print(f"No backups in {data_dir} yet (one is made at the first start of each day).")
        return EXIT_OK
    for info in infos:
        print(describe(info))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.store.recovery import write_backup

    target = Path(args.file)
    with _snapshot(data_dir) as store:
        count = write_backup(store, target)
    print(f"Backed up {count} session{'s' if count != 1 else ''}, the profile, templates and logs "
          f"of {data_dir} to {target}.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.store.recovery import restore_file

    result = restore_file(data_dir, Path(args.file))
    before = f" The state it replaced is backed up as {result.previous}." if result.previous else ""
    print(f"Restored {args.file} ({result.sessions} session{'s' if result.sessions != 1 else ''}) "
          f"as {result.path}.{before}")
    return EXIT_OK


# -- print and calendar -------------------------------------------------------------------------
MAX_PRINT_WEEKS = 52


def cmd_print(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io.paper import Paper
    from planner.io.printed_extras import available_extras
    from planner.io.printed_week import build_printed_weeks

    first = parse_iso_week(args.week)
    if not 1 <= args.weeks <= MAX_PRINT_WEEKS:
        raise ValidationError("weeks", f"must be between 1 and {MAX_PRINT_WEEKS} (got {args.weeks})")
    with _snapshot(data_dir) as store:
        weeks = build_printed_weeks(first, args.weeks, store.sessions.between, store.profile.get(),
                                    available_extras(store))
    _offscreen_gui()
    from planner.ui.printing.render import write_pdf

    target = Path(args.output)
    try:
        pages = write_pdf(target, weeks, Paper(args.paper) if args.paper else None)
    except OSError as exc:
        raise CLIError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"Printed {args.weeks} week{'s' if args.weeks != 1 else ''} from {weeks[0].title} "
          f"on {pages} page{'s' if pages != 1 else ''} to {target}.")
    return EXIT_OK


def _offscreen_gui() -> None:
    """Drawing text needs a QGuiApplication; without a window, one on the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        app = QGuiApplication([PROG, "-platform", "offscreen"])
        app.setApplicationName(PROG)
        _offscreen_gui.app = app  # type: ignore[attr-defined]  # kept alive until the process ends


def cmd_export_ics(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io.ics_export import SEQUENCE_EPOCH, plan_changed_at, write_ics

    first, last = _date_range(args)
    with _snapshot(data_dir) as store:
        sessions = [s for s in store.sessions.all() if _within(s.date, first, last)]
        units = store.profile.get().units
        changed = plan_changed_at(store.path) if store.path.exists() else SEQUENCE_EPOCH
    target = Path(args.file)
    try:
        count = write_ics(target, sessions, units, changed)
    except OSError as exc:
        raise CLIError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"Exported {count} session{'s' if count != 1 else ''}{_span(s.date for s in sessions)} "
          f"to {target}.")
    return EXIT_OK


# -- plan check and readiness log (planner/cli_plancheck.py) ------------------------------------
def cmd_check(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.cli_plancheck import cmd_check as run

    return run(args, data_dir, lambda d: _open(d, _builtin_templates()), lambda m: CLIError(m, EXIT_USAGE))


def cmd_log(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.cli_plancheck import cmd_log as run

    return run(args, data_dir, lambda d: _open(d, _builtin_templates()), lambda m: CLIError(m, EXIT_USAGE))


def cmd_generate(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.cli_generate import cmd_generate as run

    return run(args, data_dir, lambda d: _services(d, _builtin_templates()), lambda m: CLIError(m, EXIT_USAGE))
