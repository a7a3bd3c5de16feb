"""Optional logging of what was eaten and drunk on the shown day.

The form never decides what is valid: it builds a `NutritionLog`, whose constructor holds the
ranges, and shows the message of the `ValidationError` it raises.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.profile import NutritionLog
from planner.domain.units import fluid_from_display, fluid_to_display
from planner.ui.dialogs.fields import error_label
from planner.words.fluid import fluid_unit
from planner.words.numbers import format_number

FIELDS = (("carb_g", "Carbohydrate"), ("protein_g", "Protein"), ("fat_g", "Fat"), ("fluid_l", "Fluid"))


class IntakeForm(QWidget):
    saveRequested = Signal(object, object)  # dt.date, NutritionLog | None (None clears the day)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nutrition_log")
        self._day: dt.date | None = None
        self._units = Units.METRIC
        self._shown: tuple[dt.date, NutritionLog | None, Units] | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        self.edits: dict[str, QLineEdit] = {}
        self.unit_labels: dict[str, QLabel] = {}
        for i, (name, words) in enumerate(FIELDS):
            edit = QLineEdit(self)
            edit.setObjectName(f"log_{name}")
            edit.setPlaceholderText("not logged")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000.00") + 24)
            edit.textEdited.connect(self._edited)
            edit.returnPressed.connect(self.save)
            unit = QLabel("g", self)
            label = QLabel(f"{words}:", self)
            label.setBuddy(edit)
            r, c = divmod(i, 2)
            grid.addWidget(label, r, c * 3, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(edit, r, c * 3 + 1)
            grid.addWidget(unit, r, c * 3 + 2)
            self.edits[name], self.unit_labels[name] = edit, unit
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 1)
        self.message = error_label(self, "log_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.save_button = QPushButton("Save log", self)
        self.save_button.setObjectName("log_save")
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton("Clear day", self)
        self.clear_button.setObjectName("log_clear")
        self.clear_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 2, 0, 1, 6)

    def set_log(self, day: dt.date, log: NutritionLog | None, units: Units) -> None:
        if (day, log, units) == self._shown:
            return
        self._shown = (day, log, units)
        self._day, self._units = day, units
        self.unit_labels["fluid_l"].setText(fluid_unit(units))
        for name, edit in self.edits.items():
            value = None if log is None else getattr(log, name)
            if value is not None and name == "fluid_l":
                value = fluid_to_display(value, units)
            edit.setText("" if value is None else format_number(value, 2))
        self._show(None)

    def intake(self) -> NutritionLog | None:
        """The typed log (None when every field is empty); raises ValidationError when wrong."""
        assert self._day is not None
        values: dict[str, float | None] = {}
        for name, edit in self.edits.items():
            raw = edit.text().strip().replace(",", ".")
            if not raw:
                values[name] = None
                continue
            try:
                number = float(raw)
            except ValueError:
                raise ValidationError(name, f"must be a number (got {raw!r})") from None
            if name == "fluid_l":
                number = fluid_from_display(number, self._units)
            values[name] = number
        if all(v is None for v in values.values()):
            return None
        return NutritionLog(self._day, **values)

    def save(self) -> None:
        if self._day is None:
            return
        try:
            log = self.intake()
        except ValidationError as exc:
            self._show(f"{dict(FIELDS).get(exc.field, exc.field)} {exc.message}")
            return
        self._show(None)
        self.saveRequested.emit(self._day, log)

    def clear(self) -> None:
        for edit in self.edits.values():
            edit.clear()
        if self._day is not None:
            self._show(None)
            self.saveRequested.emit(self._day, None)

    def _edited(self, *_: object) -> None:
        self._show(None)

    def _show(self, message: str | None) -> None:
        self.message.setText(message or "")
        self.message.setVisible(bool(message))
