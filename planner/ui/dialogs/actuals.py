"""The "what really happened" fields (duration, effort, distance), each beside its planned value.

Shared by the session editor's "Planned vs done" tab and the mark-done dialog, so both ask the same
way and show the plan next to each answer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from planner.domain import units as u
from planner.domain.enums import Units
from planner.domain.session import Session
from planner.ui.dialogs.effort import EffortField
from planner.ui.dialogs.fields import (
    TYPED_DURATION_MAX,
    FieldMarks,
    QuantityEdit,
    add_row,
    aligned_row,
    editor_width,
)
from planner.words.cards import effort_note
from planner.words.numbers import format_number
from planner.words.quantities import format_distance

DASH = "\u2014"


class ActualFields:
    """Adds three rows to `form` and registers them with `marks` under the Session field names.

    With `optional`, each field can say "not recorded" (a dash); the mark-done dialog asks for a
    duration and an effort, so there they are required and only the distance may stay empty.
    """

    def __init__(
        self,
        form: QFormLayout,
        marks: FieldMarks,
        units: Units,
        *,
        optional: bool,
        parent: QWidget,
    ) -> None:
        self._units = units
        self._form = form
        self.duration_spin = QSpinBox(parent)
        self.duration_spin.setObjectName("actual_duration")
        # 0 is below the domain's minimum: "not recorded" when optional, refused otherwise.
        self.duration_spin.setRange(0, TYPED_DURATION_MAX)
        if optional:
            self.duration_spin.setSpecialValueText(DASH)
        self.duration_spin.setSuffix(" min")
        self.duration_spin.setSingleStep(5)
        self.duration_spin.setFixedWidth(editor_width(self.duration_spin))
        self.planned_duration = QLabel()
        self.duration_row = aligned_row(self.duration_spin, None, self.planned_duration, parent)

        self.rpe_field = EffortField(optional=optional, parent=parent, classify=None)
        self.rpe_field.spin.setObjectName("actual_rpe")
        self.planned_rpe = QLabel()
        self.rpe_row = aligned_row(self.rpe_field, None, self.planned_rpe, parent, pad=False)

        self.distance_edit = QuantityEdit(
            "distance", units, field="actual_distance_km", placeholder=DASH, parent=parent
        )
        self.distance_edit.setObjectName("actual_distance")
        self.planned_distance = QLabel()
        self.distance_row = aligned_row(
            self.distance_edit, QLabel(u.distance_unit(units)), self.planned_distance, parent
        )
        for label in (self.planned_duration, self.planned_rpe, self.planned_distance):
            label.setEnabled(False)

        add_row(form, "D&uration:", self.duration_row, self.duration_spin)
        add_row(form, "E&ffort (RPE):", self.rpe_row, self.rpe_field.spin)
        add_row(form, "Dista&nce:", self.distance_row, self.distance_edit)
        marks.add("actual_duration_min", form, self.duration_row, "Duration", self.duration_spin)
        marks.add("actual_rpe", form, self.rpe_row, "Effort", self.rpe_field.spin)
        marks.add("actual_distance_km", form, self.distance_row, "Distance", self.distance_edit)

    def widgets(self) -> list[QWidget]:
        """In tab order."""
        return [self.duration_spin, self.rpe_field.spin, self.distance_edit]

    def load(self, duration_min: int | None, rpe: float | None, distance_km: float | None) -> None:
        self.duration_spin.setValue(duration_min or 0)
        self.rpe_field.set_value(rpe)
        self.distance_edit.set_stored(distance_km)

    def duration(self) -> int | None:
        return self.duration_spin.value() or None

    def rpe(self) -> float | None:
        return self.rpe_field.value()

    def distance_reader(self) -> Callable[[], float | None]:
        """Reads the distance in km when called; raises ValidationError for a wrong text."""
        return self.distance_edit.stored

    def show_distance(self, visible: bool) -> None:
        self._form.setRowVisible(self.distance_row, visible)

    def show_plan(self, s: Session) -> None:
        self.planned_duration.setText(f"planned {s.duration_min} min")
        estimate = (f" · {format_number(s.effective_rpe, 1)}, {effort_note(s)}"
                    if s.effort_estimated_from else "")
        self.planned_rpe.setText(f"planned {format_number(s.rpe, 1)}{estimate}")
        distance = format_distance(s.distance_km, self._units)
        self.planned_distance.setText(f"planned {distance}" if distance else "none planned")

    def connect(self, slot: Callable[..., object]) -> None:
        self.duration_spin.valueChanged.connect(slot)
        self.rpe_field.spin.valueChanged.connect(slot)
        self.distance_edit.textChanged.connect(slot)
