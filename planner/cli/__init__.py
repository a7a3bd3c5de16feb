"""The `hybrid-planner` command: the window by default, and headless sub-commands.

Each command (or family of commands) is one module here with `add_parser(command)` and
`run(args, data_dir)`, listed once in COMMANDS. Headless commands never import Qt (the window is
imported only when it is opened). Every error ends in one message on stderr and a non-zero exit
status, never a traceback: 2 for a bad value on the command line, 1 for a bad file or a data folder
that cannot be used, 70 for a bug (set HYBRID_PLANNER_DEBUG=1 to see its traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from planner import __version__
from planner.cli import (
    activities,
    backups,
    demo,
    generate,
    ics,
    plan_csv,
    plancheck,
    printing,
    profile,
    report,
    sources,
    workouts,
)
from planner.cli.common import DEBUG_ENV, EXIT_BUG, EXIT_FAILED, EXIT_USAGE, PROG, CLIError, Parser
from planner.domain.errors import ValidationError
from planner.paths import resolve_data_dir

# In the order `--help` lists them.
COMMANDS: tuple[ModuleType, ...] = (
    demo, profile, plan_csv, activities, plancheck, generate, report, backups, printing, ics, sources, workouts,
)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
    parser.add_argument("--view", choices=("week", "season", "trends"), default=None,
                        help="the view the window opens on (default: the week)")
    parser.add_argument("--start-fresh", action="store_true",
                        help="after a broken data file was found (and kept aside), start an empty "
                             "plan on purpose instead of being refused")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in COMMANDS:
        def command(name: str, help: str, module: ModuleType = module) -> argparse.ArgumentParser:
            p = sub.add_parser(name, help=help, description=help)
            p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                           help="the folder holding your data")
            p.set_defaults(module=module)
            return p

        module.add_parser(command)
    return parser


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
        return _run_gui(data_dir, args.demo, args.view)
    if args.view:
        raise CLIError("--view only applies when opening the window", EXIT_USAGE)
    if args.demo:
        raise CLIError("--demo only applies when opening the window; "
                       "use the demo command to write the demo plan", EXIT_USAGE)
    return int(args.module.run(args, data_dir))


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


def _start_fresh(data_dir: Path) -> None:
    """--start-fresh: settle a broken file found earlier by starting an empty plan."""
    from planner.store.recovery import start_fresh

    done = start_fresh(data_dir)
    if done:
        print(done, file=sys.stderr)


def _run_gui(data_dir: Path, demo: bool, view: str | None = None) -> int:
    try:
        from planner.app import run_gui
    except ImportError as exc:
        raise CLIError(f"the window cannot start: {exc}") from None
    return int((run_gui(data_dir, demo, view) if view else run_gui(data_dir, demo)) or 0)
