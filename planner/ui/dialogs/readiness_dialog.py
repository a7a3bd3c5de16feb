"""The readiness log for one day: sleep, fatigue, soreness, mood (1-5) and resting heart rate.

Opened from a calendar day (`edit_readiness(parent, runner, day)`); every field may stay empty
("not logged"). The ranges are the domain's (ReadinessEntry); OK stores the entry as one undoable
change (services/readiness.py), "Clear" removes it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import ValidationError
from planner.domain.profile import ReadinessEntry
from planner.services.readiness import ReadinessService
from planner.services.runner import Runner
from planner.ui.dialogs.fields import header_font

NOT_LOGGED = "not logged"
SCALES = (
    ("fatigue", "&Fatigue:", "1 fresh ... 5 exhausted"),
    ("soreness", "&Soreness:", "1 none ... 5 very sore"),
    ("mood", "&Mood:", "1 low ... 5 great"),
)


class ReadinessDialog(QDialog):
    def __init__(self, day: dt.date, entry: ReadinessEntry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = day
        self.cleared = False
        self.setWindowTitle("Readiness")
        header = QLabel(f"How you feel on {day:%A} {day.day} {day:%B}", self)
        header.setFont(header_font(header))
        hint = QLabel("Leave a field at \u201cnot logged\u201d to skip it. The plan check reads fatigue 4 or more "
                      "on three days in a row, or under 6 h of sleep on three days of a week.", self)
        hint.setWordWrap(True)
        hint.setEnabled(False)

        form = QFormLayout()
        self.sleep = QDoubleSpinBox(self)
        self.sleep.setObjectName("sleep")
        self.sleep.setRange(-0.5, 24.0)
        self.sleep.setSingleStep(0.5)
        self.sleep.setDecimals(1)
        self.sleep.setSuffix(" h")
        self.sleep.setSpecialValueText(NOT_LOGGED)
        form.addRow("S&leep:", self.sleep)
        self.scales: dict[str, QSpinBox] = {}
        for name, label, tip in SCALES:
            box = QSpinBox(self)
            box.setObjectName(name)
            box.setRange(0, 5)
            box.setSpecialValueText(NOT_LOGGED)
            box.setToolTip(tip)
            box.setSuffix(" / 5")
            self.scales[name] = box
            form.addRow(label, box)
        self.rhr = QSpinBox(self)
        self.rhr.setObjectName("resting_hr")
        self.rhr.setRange(24, 220)
        self.rhr.setSuffix(" bpm")
        self.rhr.setSpecialValueText(NOT_LOGGED)
        form.addRow("&Resting heart rate:", self.rhr)
        self.error = QLabel(self)
        self.error.setObjectName("readiness_error")
        self.error.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.clear_button = self.buttons.addButton("C&lear", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.clear_button.clicked.connect(self._clear)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._load(entry)

    def _load(self, e: ReadinessEntry | None) -> None:
        self.sleep.setValue(e.sleep_h if e is not None and e.sleep_h is not None else self.sleep.minimum())
        for name, box in self.scales.items():
            v = getattr(e, name) if e is not None else None
            box.setValue(v if v is not None else box.minimum())
        self.rhr.setValue(e.resting_hr if e is not None and e.resting_hr is not None else self.rhr.minimum())

    def result_entry(self) -> ReadinessEntry | None:
        """The entry as typed (None when cleared); raises ValidationError for a value out of range."""
        if self.cleared:
            return None

        def value(box: QSpinBox | QDoubleSpinBox) -> float | None:
            return None if box.value() == box.minimum() else box.value()

        scales = {name: (int(v) if (v := value(box)) is not None else None) for name, box in self.scales.items()}
        rhr = value(self.rhr)
        return ReadinessEntry(self.day, sleep_h=value(self.sleep), resting_hr=int(rhr) if rhr is not None else None,
                              **scales)

    def _clear(self) -> None:
        self.cleared = True
        self.accept()

    def accept(self) -> None:
        try:
            self.result_entry()
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def edit_readiness(parent: QWidget | None, runner: Runner, day: dt.date) -> bool:
    """Open the day's readiness dialog; on OK store the entry (one undoable change). The entry point
    for the calendar day's context menu."""
    service = ReadinessService(runner)
    dialog = ReadinessDialog(day, service.get(day), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return service.set(day, dialog.result_entry())
