"""Run by test_soak.py on an Xvfb screen: the real app (run_gui: crash log, collector, panes) on the
demo plan, driven for SECONDS by a timer doing what a user does for minutes: drops from the library
and between days, undo and redo, fixes from the plan check, generated blocks, activity imports (from
File > Import and by dropping files on the window, some cancelled while reading), docks closed and
shown, weeks switched. Prints what it did as JSON on its last line; exits 0 when the window closed
normally at the end.

    python tests/ui/soak_driver.py DATA_DIR SECONDS SEED FILE...
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from planner.app import run_gui
from planner.domain.generator import GeneratorError, GeneratorInput
from planner.services import generate
from planner.ui.dialogs.activity_import_dialog import ActivityImportDialog, import_activities
from planner.ui.main_window import MainWindow

STEP_MS = 25


class Soak:
    def __init__(self, seconds: float, files: list[Path], seed: int) -> None:
        self.seconds, self.files, self.rng = seconds, files, random.Random(seed)
        self.done: Counter[str] = Counter()
        self.window: MainWindow | None = None
        self.started = 0.0
        self.closed = False
        self.timer = QTimer()
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self.step)
        self.actions = [
            (6, self.drop_template), (4, self.move_session), (5, self.undo_redo), (2, self.apply_fix),
            (1, self.generate), (1, self.import_from_menu), (1, self.drop_files), (2, self.toggle_dock),
            (2, self.switch_week), (1, self.delete_session),
        ]

    # -- driving -------------------------------------------------------------------------------
    def find_window(self) -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not found:
            QTimer.singleShot(50, self.find_window)
            return
        self.window = found[0]
        self.started = time.monotonic()
        self.timer.start()

    def step(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self.answer(modal)
            return
        if time.monotonic() - self.started > self.seconds:
            self.timer.stop()
            self.closed = True
            assert self.window is not None
            self.window.close()
            return
        weights, actions = zip(*self.actions, strict=True)
        action = self.rng.choices(actions, weights)[0]
        action()
        self.done[action.__name__] += 1
        if sum(self.done.values()) % 200 == 0:
            print(f"{time.monotonic() - self.started:.0f} s: {dict(self.done)}", flush=True)

    def answer(self, modal: QDialog) -> None:
        if isinstance(modal, ActivityImportDialog):
            if modal.pages.currentIndex() == 1 and modal.import_button.isEnabled():
                self.done["import_applied"] += 1
                modal.import_button.click()
            elif modal.pages.currentIndex() == 1:  # everything already in the plan
                self.done["import_nothing_new"] += 1
                modal.reject()
            elif modal.cancel_button.text() == "Close":  # the reading stopped with an error
                modal.reject()
            elif modal.cancel_button.isEnabled() and self.rng.random() < 0.02:
                self.done["import_cancelled"] += 1
                modal.reject()  # Cancel while reading: the worker stops first
        elif isinstance(modal, QMessageBox):
            self.done["message_closed"] += 1
            modal.done(0)
        else:
            self.done["dialog_closed"] += 1
            modal.reject()

    # -- what a user does ----------------------------------------------------------------------
    @property
    def w(self) -> MainWindow:
        assert self.window is not None
        return self.window

    def day_index(self, row: int | None = None):
        model = self.w.week_model
        return model.index(self.rng.randrange(7) if row is None else row, 0)

    def drop_template(self) -> None:
        lib = self.w.library_model
        groups = [lib.index(g, 0) for g in range(lib.rowCount())]
        group = self.rng.choice([g for g in groups if lib.rowCount(g)])
        template = lib.index(self.rng.randrange(lib.rowCount(group)), 0, group)
        data = lib.mimeData([template])
        row = self.rng.randrange(7)
        if self.rng.random() < 0.5:
            self.w.week_model.dropMimeData(data, Qt.DropAction.CopyAction, -1, 0, self.day_index(row))
        else:  # through the view, as Qt delivers a drop
            self.send_drop(self.w.week_view.views[row].viewport(), data, Qt.DropAction.CopyAction)

    def send_drop(self, target, data: QMimeData, action: Qt.DropAction) -> None:
        at = QPointF(target.rect().center())
        buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        for event in (QDragEnterEvent(at.toPoint(), action, data, buttons, mods),
                      QDragMoveEvent(at.toPoint(), action, data, buttons, mods),
                      QDropEvent(at, action, data, buttons, mods)):
            QApplication.sendEvent(target, event)

    def move_session(self) -> None:
        model = self.w.week_model
        days = [model.index(r, 0) for r in range(7)]
        busy = [d for d in days if model.rowCount(d)]
        if not busy:
            return
        day = self.rng.choice(busy)
        card = model.index(self.rng.randrange(model.rowCount(day)), 0, day)
        data = model.mimeData([card])
        if data is not None:
            action = Qt.DropAction.CopyAction if self.rng.random() < 0.2 else Qt.DropAction.MoveAction
            model.dropMimeData(data, action, 0, 0, self.day_index())

    def undo_redo(self) -> None:
        stack = self.w.undo_stack
        for _ in range(self.rng.randint(1, 3)):
            (stack.undo if self.rng.random() < 0.6 else stack.redo)()

    def apply_fix(self) -> None:
        dock = self.w.plancheck_dock
        if not dock.isVisible():
            dock.show()
            self.w.panes.flush()
        tree = dock.tree
        for i in range(tree.topLevelItemCount()):
            head = tree.topLevelItem(i)
            if head.childCount():
                tree.setCurrentItem(head.child(0))
                if dock.apply_button.isEnabled():
                    dock.apply_selected_fix()
                    self.done["fix_applied"] += 1
                return

    def generate(self) -> None:
        today = dt.date.today()
        x = GeneratorInput(goal=self.rng.choice(["run", "lift", "balanced"]),
                           start=today + dt.timedelta(days=7 * self.rng.randint(0, 6)),
                           weeks=self.rng.randint(4, 8), runs=3, lifts=2)
        try:
            generate.write(self.w.plan, generate.preview(self.w.plan, x), replace=True)
        except GeneratorError:
            self.done["generate_refused"] += 1

    def import_from_menu(self) -> None:
        # From its own event, as a menu's: the dialog's loop runs there, and step() (whose timer
        # cannot fire again while its own slot runs) answers the dialog.
        path = self.rng.choice(self.files)
        QTimer.singleShot(0, self.w, lambda: import_activities(self.w, self.w.plan, [path]))

    def drop_files(self) -> None:
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(self.rng.choice(self.files)))])
        # From its own event, as the platform delivers a drop (see import_from_menu)
        QTimer.singleShot(0, self.w, lambda: self.send_drop(self.w, data, Qt.DropAction.CopyAction))

    def toggle_dock(self) -> None:
        dock = self.rng.choice([self.w.charts_dock, self.w.nutrition_dock, self.w.plancheck_dock])
        if dock.isVisible():
            dock.close()
        else:
            dock.show()
            dock.raise_()

    def switch_week(self) -> None:
        self.w.shift_week(self.rng.choice([-1, 1, 1]))
        if self.rng.random() < 0.1:
            self.w.go_to(dt.date.today())

    def delete_session(self) -> None:
        sessions = self.w.store.sessions.between(self.w.week_model.first_day,
                                                 self.w.week_model.first_day + dt.timedelta(days=6))
        if sessions:
            self.w.plan.delete([self.rng.choice(sessions).id])


def main() -> int:
    data_dir, seconds, seed = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    files = [Path(p) for p in sys.argv[4:]]
    app = QApplication(sys.argv[:1])  # run_gui uses this one
    soak = Soak(seconds, files, seed)
    QTimer.singleShot(0, soak.find_window)
    rc = run_gui(data_dir, demo=True)
    del app
    print(json.dumps({"closed": soak.closed, "done": soak.done}), flush=True)
    return rc if soak.closed else 3


if __name__ == "__main__":
    sys.exit(main())
