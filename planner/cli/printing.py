"""`print`: weeks of the plan on paper, as a PDF file. The only command that draws, so the only one
that imports Qt (on the offscreen platform)."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import EXIT_OK, PROG, AddCommand, snapshot, write_output
from planner.domain.errors import ValidationError
from planner.domain.weeks import parse_iso_week

MAX_PRINT_WEEKS = 52


def add_parser(command: AddCommand) -> None:
    p = command("print", "print weeks of the plan to a PDF file (landscape, one week per page)")
    p.add_argument("--week", required=True, metavar="YYYY-Www",
                   help="the first week, e.g. 2026-W48 (a profile whose weeks start on Sunday prints "
                        "from the Sunday before that ISO week's Monday)")
    p.add_argument("--weeks", type=int, default=1, metavar="N", help="how many weeks (default 1)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                   help="the PDF file to write (- for standard output)")
    p.add_argument("--paper", choices=("A4", "Letter"), help="paper size (default: from the locale)")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io.paper import Paper
    from planner.io.printed_extras import available_extras
    from planner.io.printed_week import build_printed_weeks

    first = parse_iso_week(args.week)
    if not 1 <= args.weeks <= MAX_PRINT_WEEKS:
        raise ValidationError("weeks", f"must be between 1 and {MAX_PRINT_WEEKS} (got {args.weeks})")
    with snapshot(data_dir) as store:
        weeks = build_printed_weeks(first, args.weeks, store.sessions.between, store.profile.get(),
                                    available_extras(store))
    _offscreen_gui()
    from planner.ui.printing.render import pdf_bytes

    payload, pages = pdf_bytes(weeks, Paper(args.paper) if args.paper else None)
    if not write_output(data_dir, args.output, payload):
        return EXIT_OK
    target = Path(args.output)
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
