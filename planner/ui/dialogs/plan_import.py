"""File > Import plan: read the spreadsheet, and on a problem say which line, in a dialog.

A file that is not UTF-8 is not guessed at (a guess turned "Café" into "CafÃ©"): the user is told
the line and may choose the encoding the file was saved in, on purpose (issue 7).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from planner.io import plan_csv

#: What a spreadsheet saves "CSV" in, besides UTF-8 (label shown, Python codec).
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("Windows-1252 (Excel on Windows, Western Europe)", "cp1252"),
    ("ISO 8859-1 (Latin-1)", "latin-1"),
    ("ISO 8859-15 (Latin-9, with €)", "iso8859-15"),
    ("Mac Roman (older Excel for Mac)", "mac-roman"),
    ("Windows-1250 (Central Europe)", "cp1250"),
    ("Windows-1251 (Cyrillic)", "cp1251"),
    ("UTF-16", "utf-16"),
)


def ask_encoding(parent: QWidget | None, name: str, problem: str) -> str | None:
    """The codec the user picks for a file that is not UTF-8, or None to cancel."""
    labels = [label for label, _ in ENCODINGS]
    label, ok = QInputDialog.getItem(
        parent, "Import plan",
        f"{name} is not UTF-8 text ({problem.split(';')[0]}).\n"
        "If you know which encoding it was saved in, choose it; otherwise cancel and save it as "
        "\"CSV UTF-8\" in your spreadsheet.", labels, 0, False)
    if not ok:
        return None
    return dict(ENCODINGS)[label]


def read_plan_interactive(
    parent: QWidget | None, path: Path, catalog: Mapping[str, Sequence[str]], *,
    choose_encoding: Callable[[QWidget | None, str, str], str | None] = ask_encoding,
) -> list[plan_csv.PlanRow] | None:
    """The file's rows, checked; None (after telling the user why, nothing changed) when the file
    cannot be imported."""
    encoding: str | None = None
    while True:
        try:
            return plan_csv.read_plan_file(path, catalog, encoding)
        except plan_csv.EncodingProblem as exc:
            if encoding is not None:
                show_refused(parent, path, exc.errors)
                return None
            encoding = choose_encoding(parent, path.name, exc.errors[0])
            if encoding is None:
                return None
        except plan_csv.PlanFileError as exc:
            show_refused(parent, path, exc.errors)
            return None
        except OSError as exc:
            QMessageBox.warning(parent, "Import plan", f"Could not read {path}: {exc.strerror or exc}")
            return None


def show_refused(parent: QWidget | None, path: Path, errors: Sequence[str]) -> None:
    first = errors[0] if errors else ""
    count = f"{len(errors)} problems, the first: {first}" if len(errors) > 1 else first
    box = QMessageBox(QMessageBox.Icon.Warning, "Import plan",
                      f"{path.name} was not imported ({count}). Nothing was changed.",
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText("\n".join(errors[:plan_csv.MAX_ERRORS_SHOWN]))
    box.exec()
