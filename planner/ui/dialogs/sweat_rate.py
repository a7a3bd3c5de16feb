"""The sweat-rate calculator opened from the profile: weigh before and after a session (Sawka 2007).

The rate itself and every range come from `planner.domain.sweat`; the masses are typed in the
profile dialog's units and refused, with a message, outside the profile's body-mass range.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.nutrition_sources import SAWKA_2007
from planner.domain.sweat import sweat_rate_l_per_h
from planner.domain.units import fluid_from_display, load_unit
from planner.ui.dialogs.fields import Footer, QuantityEdit, aligned_row, editor_width, mark
from planner.ui.dialogs.profile_dialog import BodyMassEdit
from planner.words.fluid import fluid_unit, sweat_rate_text

FIELD_WORDS = {"mass_before_kg": "Mass before", "mass_after_kg": "Mass after", "drunk_l": "Fluid drunk",
               "duration_min": "Duration", "sweat_rate_l_per_h": "The sweat rate"}
HELP = ("Weigh without clothes, towelled dry, just before and just after a session of about an hour; "
        "leave out any toilet stop. 1 kg lost \u2248 1 L of sweat.")


class _MassEdit(BodyMassEdit):
    """A body mass in the dialog's units, checked against the profile's range, under its own name."""

    def __init__(self, units: Units, field: str, parent: QWidget | None = None) -> None:
        QuantityEdit.__init__(self, "mass", units, field=field, placeholder="e.g. 70", parent=parent)


class SweatRateDialog(QDialog):
    """After `exec()` returns Accepted, `rate()` is the sweat rate in L/h."""

    def __init__(self, units: Units, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Measure your sweat rate")
        self._units = units
        self._rate: float | None = None
        form = QFormLayout()
        self.before = _MassEdit(units, "mass_before_kg", self)
        self.before.setObjectName("mass_before")
        self.after = _MassEdit(units, "mass_after_kg", self)
        self.after.setObjectName("mass_after")
        unit = load_unit(units)
        form.addRow("Mass &before:", aligned_row(self.before, QLabel(unit), None, self))
        form.addRow("Mass &after:", aligned_row(self.after, QLabel(unit), None, self))
        self.drunk = QDoubleSpinBox(self)
        self.drunk.setObjectName("drunk")
        imperial = units is Units.IMPERIAL
        self.drunk.setRange(0.0, 400.0 if imperial else 12.0)
        self.drunk.setDecimals(0 if imperial else 2)
        self.drunk.setSingleStep(4 if imperial else 0.1)
        self.drunk.setFixedWidth(editor_width(self.drunk))
        self.drunk.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow("&Fluid drunk:", aligned_row(self.drunk, QLabel(fluid_unit(units)), None, self))
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("duration")
        self.minutes.setRange(0, 999)
        self.minutes.setValue(60)
        self.minutes.setFixedWidth(editor_width(self.minutes))
        self.minutes.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow("&Duration:", aligned_row(self.minutes, QLabel("min"), None, self))
        self.result = QLabel(self)
        self.result.setObjectName("sweat_result")
        self.result.setToolTip(f"<p>(mass before \u2212 mass after + fluid drunk) \u00f7 hours</p>"
                               f"<p><small>{SAWKA_2007}</small></p>")
        form.addRow("Sweat rate:", self.result)
        help_label = QLabel(HELP, self)
        help_label.setWordWrap(True)
        help_label.setEnabled(False)
        self.footer = Footer("Use this rate", self)
        self.footer.buttons.accepted.connect(self.accept)
        self.footer.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addLayout(form)
        layout.addWidget(self.footer)
        for edit in (self.before, self.after):
            edit.textChanged.connect(self.revalidate)
        self.drunk.valueChanged.connect(self.revalidate)
        self.minutes.valueChanged.connect(self.revalidate)
        self.before.setFocus(Qt.FocusReason.OtherFocusReason)
        self.revalidate()
        self.resize(max(self.sizeHint().width(), 420), self.sizeHint().height())

    def rate(self) -> float | None:
        return self._rate

    def message(self) -> str:
        return self.footer.message.text() if self.footer.message.isVisibleTo(self) else ""

    def revalidate(self, *_: object) -> bool:
        for w in (self.before, self.after):
            mark(w, None)
        try:
            drunk = fluid_from_display(self.drunk.value(), self._units)
            self._rate = sweat_rate_l_per_h(self.before.stored_kg(), self.after.stored_kg(), drunk,
                                            self.minutes.value())
        except ValidationError as exc:
            self._rate = None
            empty = exc.message == "must not be empty"
            words = f"{FIELD_WORDS.get(exc.field, exc.field)} {exc.message}"
            widget = {"mass_before_kg": self.before, "mass_after_kg": self.after}.get(exc.field)
            if widget is not None and not empty:
                mark(widget, words)
            self.result.setText("\u2014")
            self.footer.show_messages(["Type both masses"] if empty else [words])
            return False
        self.result.setText(f"<b>{sweat_rate_text(self._rate, self._units)}</b>")
        self.footer.show_messages([])
        return True

    def accept(self) -> None:
        if self.revalidate():
            super().accept()
