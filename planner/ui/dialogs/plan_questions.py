"""Questions that protect the plan before a gesture piles sessions onto it.

Each is a plain function the window calls before it runs the operation; the answer picks the mode.
The texts are built by small functions so tests can check them without opening a dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def _sessions(n: int) -> str:
    return f"{n} session{'s' if n != 1 else ''}"


def copy_week_question(n_existing: int) -> str:
    return (f"The next week already has {_sessions(n_existing)}. Add the copies alongside them, "
            f"or replace them with this week's sessions?")


def ask_copy_week_mode(parent: QWidget | None, n_existing: int) -> str | None:
    """"add", "replace" or None (cancel). An empty target week needs no question: "add"."""
    if n_existing <= 0:
        return "add"
    box = QMessageBox(QMessageBox.Icon.Question, "Copy week to next week", copy_week_question(n_existing),
                      QMessageBox.StandardButton.NoButton, parent)
    add = box.addButton("Add alongside", QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton(f"Replace the {_sessions(n_existing)}", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(add)
    box.setEscapeButton(cancel)
    box.setInformativeText("Either way, Undo puts the next week back as it was.")
    box.exec()
    clicked = box.clickedButton()
    return "add" if clicked is add else "replace" if clicked is replace else None


def duplicates_question(n_match: int, n_total: int) -> str:
    if n_match == n_total:
        return (f"All {_sessions(n_total)} in this file are already in the plan "
                f"(same date, kind, title and time).")
    return (f"{n_match} of the {_sessions(n_total)} in this file are already in the plan "
            f"(same date, kind, title and time).")


def ask_skip_duplicates(parent: QWidget | None, n_match: int, n_total: int) -> bool | None:
    """True: import only the new rows; False: import every row; None: cancel. No matches: False."""
    if n_match <= 0:
        return False
    box = QMessageBox(QMessageBox.Icon.Question, "Import plan", duplicates_question(n_match, n_total),
                      QMessageBox.StandardButton.NoButton, parent)
    fresh = n_total - n_match
    skip = box.addButton(f"Skip them (import {fresh})" if fresh else "Skip them (import nothing)",
                         QMessageBox.ButtonRole.AcceptRole)
    both = box.addButton(f"Import all {n_total}", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(skip)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is skip else False if clicked is both else None
