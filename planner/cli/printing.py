"""`print`: weeks of the plan on paper, as a PDF file. The only command that draws, so the only one
that imports Qt (on the offscreen platform)."""

from __future__ import annotations

import argparse
import datetime as dt
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
    p.add_argument("--season", action="store_true",
                   help="the weeks as a block (portrait): each week's summary, then one line per day")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.io.paper import Paper
    from planner.services.printing import printed_weeks

    first = parse_iso_week(args.week)
    if not 1 <= args.weeks <= MAX_PRINT_WEEKS:
        raise ValidationError("weeks", f"must be between 1 and {MAX_PRINT_WEEKS} (got {args.weeks})")
    if args.season:
        return _print_season(args, data_dir, first)
    with snapshot(data_dir) as store:
        weeks = printed_weeks(store, first, args.weeks)
    _offscreen_gui()
    from planner.ui.printing.render import pdf_bytes

    paper = Paper(args.paper) if args.paper else None
    return _write(args, data_dir, pdf_bytes(weeks, paper),
                  f"{args.weeks} week{'s' if args.weeks != 1 else ''} from {weeks[0].title}")


def _print_season(args: argparse.Namespace, data_dir: Path, day: dt.date) -> int:
    from planner.io.paper import Paper
    from planner.io.printed_season import build_printed_season
    from planner.io.printed_week import first_day_of_week
    from planner.services.load import LoadService
    from planner.services.season import season_summaries

    with snapshot(data_dir) as store:
        profile = store.profile.get()
        first = first_day_of_week(day, profile)
        firsts = [first + dt.timedelta(weeks=k) for k in range(args.weeks)]
        summaries = season_summaries(LoadService(store), firsts, dt.date.today())
        season = build_printed_season(first, store.sessions.between, profile, summaries)
    _offscreen_gui()
    from planner.ui.printing.render import season_pdf_bytes

    paper = Paper(args.paper) if args.paper else None
    return _write(args, data_dir, season_pdf_bytes(season, paper),
                  f"a season of {args.weeks} week{'s' if args.weeks != 1 else ''} from {season.weeks[0].title}")


def _write(args: argparse.Namespace, data_dir: Path, pdf: tuple[bytes, int], what: str) -> int:
    """Write the PDF to `--output` (`-`: standard output) through the export writer, and say what
    was printed on how many pages."""
    payload, pages = pdf
    if write_output(data_dir, args.output, payload):
        print(f"Printed {what} on {pages} page{'s' if pages != 1 else ''} to {args.output}.")
    return EXIT_OK


def _offscreen_gui() -> None:
    """Drawing text needs a QGuiApplication; without a window, one on the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        app = QGuiApplication([PROG, "-platform", "offscreen"])
        app.setApplicationName(PROG)
        _offscreen_gui.app = app  # type: ignore[attr-defined]  # kept alive until the process ends
