"""What every command shares: exit statuses, the one error type, the parser's value types, and the
store contexts (a runner over the locked store, or a read-only snapshot). No Qt."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from planner.domain.errors import ValidationError
from planner.domain.weeks import parse_date

if TYPE_CHECKING:
    from planner.domain.session import Template
    from planner.services.library import ProfileService
    from planner.services.plan import PlanService
    from planner.store.store import Store

PROG = "hybrid-planner"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 70
DEBUG_ENV = "HYBRID_PLANNER_DEBUG"

# What a command module's add_parser() is given: command(name, help) -> its sub-parser.
AddCommand = Callable[[str, str], argparse.ArgumentParser]


class CLIError(Exception):
    """An error to show as it is, with the exit status to end with."""

    def __init__(self, message: str, code: int = EXIT_FAILED, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = list(details)


def usage_error(message: str) -> CLIError:
    return CLIError(message, EXIT_USAGE)


class Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr (argparse prints the whole usage block)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


# -- value types for the parser -------------------------------------------------------------------
def number(text: str) -> float:
    from planner.domain.units import parse_decimal

    try:
        return parse_decimal("value", text)
    except ValidationError:
        raise argparse.ArgumentTypeError(f"must be a number (got {text!r})") from None


def encoding(text: str) -> str:
    from planner.io.plan_csv import check_encoding

    try:
        return check_encoding(text)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {text!r} (e.g. utf-8, cp1252, latin-1)") from None


def date_range(args: argparse.Namespace) -> tuple[dt.date | None, dt.date | None]:
    """--from and --to, each optional; --to before --from is a usage error."""
    first = parse_date("from", args.first) if args.first else None
    last = parse_date("to", args.last) if args.last else None
    if first and last and first > last:
        raise ValidationError("to", f"{last} is before --from {first}")
    return first, last


def within(day: dt.date, first: dt.date | None, last: dt.date | None) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def span(days: Iterable[dt.date]) -> str:
    ordered = sorted(days)
    return f" from {ordered[0]} to {ordered[-1]}" if ordered else ""


# -- the data ---------------------------------------------------------------------------------------
def open_store(data_dir: Path, builtins: Sequence[Template] = ()) -> contextlib.closing[Store]:
    from planner.store.database import COMMAND
    from planner.store.database import open_store as open_locked

    return contextlib.closing(open_locked(data_dir, builtins, holder=COMMAND))


@contextlib.contextmanager
def services(data_dir: Path, builtins: Sequence[Template] = ()) -> Iterator[tuple[PlanService, ProfileService]]:
    """The same services the window uses, each change applied and saved before it returns."""
    from planner.services.library import ProfileService
    from planner.services.plan import PlanService
    from planner.services.runner import DirectRunner

    with open_store(data_dir, builtins) as store:
        runner = DirectRunner(store)
        yield PlanService(runner), ProfileService(runner)


def snapshot(data_dir: Path, builtins: Sequence[Template] = ()) -> contextlib.closing[Store]:
    """The data as it is now, for commands that only read: no lock, nothing written."""
    from planner.store.database import open_snapshot

    return contextlib.closing(open_snapshot(data_dir, builtins))


def builtin_templates() -> tuple[Template, ...]:
    from planner.resources import builtin_templates as read

    try:
        return read()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CLIError(f"the session library that comes with the app cannot be read ({exc})") \
            from None


def exercise_catalog() -> dict[str, tuple[str, ...]]:
    """What imported logs and plan files are read with: the app's exercises and the names Strong
    and Hevy write, with their aliases."""
    from planner.resources import import_catalog as read

    try:
        return read()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CLIError(f"the exercise list that comes with the app cannot be read ({exc})") \
            from None


def write_stdout_bytes(data: bytes) -> None:
    """As bytes, so the CSV's `\r\n` stays `\r\n` on Windows consoles and pipes too."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


STDOUT = "-"


def write_output(data_dir: Path, name: str, payload: bytes) -> bool:
    """Write an export's bytes to the file `name`, or to standard output for `-`. Returns True when
    written to a file (the command then says where).

    A file is written atomically through the store's export writer: never over the data file, its
    lock or a backup, and never over what is not a regular file (a device or a FIFO would be
    replaced); the error says why and that nothing was written."""
    if name == STDOUT:
        write_stdout_bytes(payload)
        return False
    target = Path(name)
    try:
        export_writer(data_dir)(target, payload)
    except OSError as exc:
        raise cannot_write(target, exc) from None
    return True


def export_writer(data_dir: Path, folder: Path | None = None) -> Callable[[Path, bytes], object]:
    """The store's export writer for the plan in `data_dir` (see write_output); with `folder`, for
    files written into that folder, which is checked first (OSError: the app's own, or no folder)."""
    from planner.store.database import DATA_FILE
    from planner.store.exports import check_folder, write_export

    data_file = Path(data_dir) / DATA_FILE
    if folder is not None:
        check_folder(data_file, folder)
    return lambda target, payload: write_export(data_file, target, payload)


def cannot_write(target: Path, exc: OSError) -> CLIError:
    """The error for a write that failed; a refusal names the file it refused (one file of a folder)."""
    where = getattr(exc, "path", None) or target
    return CLIError(f"cannot write {where}: {exc.strerror or exc}")
