"""The athlete's profile: name, body mass, goal, experience, week start, units, sweat rate, the
optional body measures, a recent race, and the heart rates and easy pace imported efforts use.

Like the session editor, the dialog never decides what is valid: on every change it builds the
`Profile` (whose constructor holds the ranges) and marks the fields the `ValidationError`s name.
Body mass is shown in the units chosen in this same dialog and converted as they change; storage
stays in kg, and a value the user did not touch comes back exactly (no kg -> lb -> kg drift).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from planner.domain import units as u
from planner.domain.effort import HeartRateEvidence
from planner.domain.enums import Experience, Goal, Sex, Units, WeekStart
from planner.domain.errors import ValidationError
from planner.domain.paces import RecentRace, TrainingPaces
from planner.domain.profile import BODY_MASS_RANGE, Profile
from planner.ui.dialogs.fields import (
    FieldMarks,
    Footer,
    QuantityEdit,
    add_row,
    aligned_row,
    collect_errors,
    editor_width,
    header_font,
)
from planner.ui.dialogs.heart_rate_fields import STAND_INS as HEART_RATE_STAND_INS
from planner.ui.dialogs.heart_rate_fields import HeartRateFields
from planner.ui.dialogs.sweat_field import SweatRateSpin
from planner.words.numbers import format_number
from planner.words.paces import clock

EXPERIENCE_LABELS = {
    Experience.NEW: "New to combining lifting and running",
    Experience.SOME: "Some experience (a few months or more)",
    Experience.EXPERIENCED: "Experienced (years of both)",
}

#: (goal, radio text, one-line explanation), in the order shown.
GOAL_CHOICES: tuple[tuple[Goal, str, str], ...] = (
    (
        Goal.RUN,
        "&Weightlifting for running",
        "Strength work that makes running stronger, kept away from key runs",
    ),
    (Goal.LIFT, "&Running for weightlifters", "A cardio base without losing strength"),
    (Goal.BALANCED, "&Balanced hybrid", "Both matter (HYROX, marathon + strength)"),
)
WEEK_START_LABELS = {WeekStart.MON: "Monday", WeekStart.SUN: "Sunday"}
UNITS_LABELS = {Units.METRIC: "Metric (kg, km)", Units.IMPERIAL: "Imperial (lb, mi)"}

#: Extra space after the sweat-rate help and the goals, so the form reads as three groups.
_SECTION_GAP = 8
#: When a field is wrong, build again with this in its place to find the other wrong fields.
_STAND_INS: dict[str, tuple[str, Any]] = {
    "name": ("name", "Athlete"),
    "body_mass_kg": ("mass", lambda: 70.0),
    "sweat_rate_l_per_h": ("sweat", lambda: 1.0),
    "height_cm": ("height", None),
    "age": ("age", None),
    "recent race": ("race", lambda: None),
    **HEART_RATE_STAND_INS,
}
SEX_LABELS = {None: "Not given", Sex.FEMALE: "Female", Sex.MALE: "Male"}
CM_PER_INCH = 2.54
ENERGY_HELP = "Optional: height, age and sex give a second energy estimate (Mifflin-St Jeor)."


class ProfileDialog(QDialog):
    """Edit the profile; after `exec()` returns Accepted, `result_profile()` is the edited copy."""

    def __init__(self, profile: Profile, parent: QWidget | None = None,
                 evidence: HeartRateEvidence | None = None) -> None:
        super().__init__(parent)
        self._original = profile
        self._evidence = evidence or HeartRateEvidence()
        self._errors: dict[str, str] = {}
        self._marks = FieldMarks()
        self.setWindowTitle("Profile")

        self.header = QLabel(self)
        self.header.setObjectName("header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setFont(header_font(self.header))
        subheader = QLabel("The plan checks, loads and fluid advice are worked out from these.", self)
        subheader.setEnabled(False)

        form = _form()
        self._build_fields(form)

        self.footer = Footer(parent=self)
        self.footer.buttons.accepted.connect(self.accept)
        self.footer.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(subheader)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addSpacing(8)
        layout.addWidget(self.footer)

        self._load(profile)
        self._connect()
        self._set_tab_order()
        self.revalidate()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        # Some room beyond the longest goal line, which would otherwise touch the edge.
        self.resize(self.sizeHint().width() + 40, self.sizeHint().height())

    # --- public API
    @property
    def ok_button(self) -> QPushButton:
        return self.footer.ok_button

    def result_profile(self) -> Profile:
        """The edited profile; raises ValidationError while a value is wrong (OK is disabled)."""
        profile, errors = self._validate()
        if profile is None:
            field, message = next(iter(errors.items()))
            raise ValidationError(field, message)
        return profile

    def errors(self) -> dict[str, str]:
        """Wrong fields (the domain's names) -> the sentence shown next to the field."""
        return self._marks.sentences(self._errors)

    def units(self) -> Units:
        return Units(self.units_combo.currentData())

    def goal(self) -> Goal:
        return Goal(self.goal_group.checkedButton().property("goal"))

    def accept(self) -> None:
        if self.revalidate():
            super().accept()

    # --- building
    def _build_fields(self, form: QFormLayout) -> None:
        """Units come before the quantities they govern, so a switch visibly converts the mass."""
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText("Your name")
        form.addRow("&Name:", self.name_edit)

        self.units_combo = QComboBox(self)
        self.units_combo.setObjectName("units")
        for units, text in UNITS_LABELS.items():
            self.units_combo.addItem(text, units.value)
        add_row(form, "&Units:", aligned_row(self.units_combo, None, None, self), self.units_combo)

        self.mass_edit = BodyMassEdit(self._original.units, parent=self)
        self.mass_edit.setObjectName("body_mass")
        self.mass_unit = QLabel(self)
        self.mass_unit.setObjectName("body_mass_unit")
        mass_row = aligned_row(self.mass_edit, self.mass_unit, None, self)
        add_row(form, "Body &mass:", mass_row, self.mass_edit)

        self.sweat_spin = SweatRateSpin(self._original.units, self)
        self.sweat_button = QPushButton("&Measure\u2026", self)
        self.sweat_button.setObjectName("sweat_rate_measure")
        self.sweat_button.setToolTip("Work out your sweat rate from your mass before and after a session")
        self.sweat_button.clicked.connect(self._measure_sweat_rate)
        sweat_row = aligned_row(self.sweat_spin, self.sweat_spin.unit_label, None, self)
        row_layout = sweat_row.layout()
        assert isinstance(row_layout, QHBoxLayout)
        row_layout.insertWidget(2, self.sweat_button)
        add_row(form, "&Sweat rate:", sweat_row, self.sweat_spin)
        sweat_help = self.sweat_spin.help_label
        sweat_help.setContentsMargins(0, 0, 0, _SECTION_GAP)
        form.addRow("", sweat_help)

        self.goal_box, self.goal_group = _goal_choices(self)
        self.goal_box.setObjectName("goal")
        form.addRow("Goal:", self.goal_box)
        _align_label_top(form, self.goal_box)

        self.experience_combo = QComboBox(self)
        self.experience_combo.setObjectName("experience")
        for experience, text in EXPERIENCE_LABELS.items():
            self.experience_combo.addItem(text, experience.value)
        self.experience_combo.setToolTip("The plan check is more careful with a lifter who is new to combining "
                                         "heavy legs and hard runs (Doma 2017).")
        add_row(form, "E&xperience:", aligned_row(self.experience_combo, None, None, self), self.experience_combo)

        self.week_start_combo = QComboBox(self)
        self.week_start_combo.setObjectName("week_start")
        for week_start, text in WEEK_START_LABELS.items():
            self.week_start_combo.addItem(text, week_start.value)
        add_row(form, "Wee&k starts on:", aligned_row(self.week_start_combo, None, None, self), self.week_start_combo)

        self._build_body_fields(form)

        self._marks.add("name", form, self.name_edit, "Name")
        self._marks.add("body_mass_kg", form, mass_row, "Body mass", self.mass_edit)
        self._marks.add("sweat_rate_l_per_h", form, sweat_row, "Sweat rate", self.sweat_spin)
        self._marks.add("height_cm", form, self.height_row, "Height", self.height_spin)
        self._marks.add("age", form, self.age_row, "Age", self.age_spin)

    def _build_body_fields(self, form: QFormLayout) -> None:
        """Height, age and sex: optional, for the nutrition panel's second energy estimate."""
        help_label = QLabel(ENERGY_HELP, self)
        help_label.setObjectName("energy_help")
        help_label.setEnabled(False)
        help_label.setContentsMargins(0, _SECTION_GAP, 0, 0)
        form.addRow("", help_label)
        self.height_spin = QDoubleSpinBox(self)
        self.height_spin.setObjectName("height")
        self.height_spin.setRange(0.0, 399.0)  # wider than the domain's range, so it can explain
        self.height_spin.setDecimals(1)
        self.height_spin.setSpecialValueText("Not given")
        self.height_spin.setFixedWidth(editor_width(self.height_spin))
        self.height_spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.height_unit = QLabel(self)
        self.height_unit.setObjectName("height_unit")
        self.height_row = aligned_row(self.height_spin, self.height_unit, None, self)
        add_row(form, "&Height:", self.height_row, self.height_spin)
        self.age_spin = QSpinBox(self)
        self.age_spin.setObjectName("age")
        self.age_spin.setRange(0, 130)
        self.age_spin.setSpecialValueText("Not given")
        self.age_spin.setFixedWidth(editor_width(self.age_spin))
        self.age_spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.age_row = aligned_row(self.age_spin, QLabel("years"), None, self)
        add_row(form, "A&ge:", self.age_row, self.age_spin)
        self.sex_combo = QComboBox(self)
        self.sex_combo.setObjectName("sex")
        for sex, words in SEX_LABELS.items():
            self.sex_combo.addItem(words, sex.value if sex else "")
        self.sex_combo.setToolTip("Resting energy (Mifflin-St Jeor) and the daily water baseline "
                                  "(EFSA 2010: 2.0 L women, 2.5 L men) differ by sex.")
        add_row(form, "Se&x:", aligned_row(self.sex_combo, None, None, self), self.sex_combo)
        self._build_race_fields(form)
        self.heart_rates = HeartRateFields(self, form, self._marks, self._original, self._evidence, self.revalidate)

    def _build_race_fields(self, form: QFormLayout) -> None:
        """A recent race or time trial: the generator's training paces come from it (Daniels 2014)."""
        self.race_km_edit = QLineEdit(self)
        self.race_km_edit.setObjectName("recent_race_km")
        self.race_km_edit.setPlaceholderText("10")
        self.race_km_edit.setFixedWidth(60)
        self.race_time_edit = QLineEdit(self)
        self.race_time_edit.setObjectName("recent_race_time")
        self.race_time_edit.setPlaceholderText("45:00")
        self.race_time_edit.setFixedWidth(90)
        row = aligned_row(self.race_km_edit, QLabel("km in"), None, self)
        row_layout = row.layout()
        assert isinstance(row_layout, QHBoxLayout)
        row_layout.insertWidget(2, self.race_time_edit)
        add_row(form, "Recent &race:", row, self.race_km_edit)
        self.paces_label = QLabel(self)
        self.paces_label.setObjectName("training_paces")
        self.paces_label.setWordWrap(True)
        self.paces_label.setMinimumWidth(self.paces_label.fontMetrics().averageCharWidth() * 60)  # not a thin column
        self.paces_label.setEnabled(False)
        form.addRow("", self.paces_label)
        self._marks.add("recent race", form, row, "Recent race", self.race_time_edit)
        for edit in (self.race_km_edit, self.race_time_edit):
            edit.textChanged.connect(self.revalidate)

    def _recent_race(self) -> RecentRace | None:
        km, time = self.race_km_edit.text().strip(), self.race_time_edit.text().strip()
        if not km and not time:
            return None
        try:
            return RecentRace.parse(km, time)
        except ValidationError as exc:
            raise ValidationError("recent race", exc.message) from None

    def _load(self, p: Profile) -> None:
        self.name_edit.setText(p.name)
        self.units_combo.setCurrentIndex(self.units_combo.findData(p.units.value))
        self.mass_edit.set_stored(p.body_mass_kg)
        self.mass_unit.setText(u.load_unit(p.units))
        for button in self.goal_group.buttons():
            button.setChecked(button.property("goal") == p.goal.value)
        self.week_start_combo.setCurrentIndex(self.week_start_combo.findData(p.week_start.value))
        self.experience_combo.setCurrentIndex(self.experience_combo.findData(p.experience.value))
        self.sweat_spin.set_units(p.units)
        self.sweat_spin.set_stored(p.sweat_rate_l_per_h)
        self._load_body(p)
        self._update_header()

    def _load_body(self, p: Profile) -> None:
        self._height_units = p.units  # the units the height box shows
        self.height_unit.setText("in" if p.units is Units.IMPERIAL else "cm")
        self.height_spin.setValue(self._height_shown(p.height_cm, p.units))
        self.age_spin.setValue(p.age or 0)
        self.sex_combo.setCurrentIndex(self.sex_combo.findData(p.sex.value if p.sex else ""))
        race = p.recent_race
        self.race_km_edit.setText(f"{race.km:g}" if race else "")
        self.race_time_edit.setText(clock(race.seconds) if race else "")

    @staticmethod
    def _height_shown(cm: float | None, units: Units) -> float:
        if cm is None:
            return 0.0
        return round(cm / CM_PER_INCH if units is Units.IMPERIAL else cm, 1)

    def _height_cm(self) -> float | None:
        """None when not given; an untouched value keeps the stored decimals."""
        shown = self.height_spin.value()
        if shown == 0:
            return None
        stored = self._original.height_cm
        if stored is not None and math.isclose(shown, self._height_shown(stored, self._height_units)):
            return stored
        return round(shown * CM_PER_INCH, 6) if self._height_units is Units.IMPERIAL else shown

    def _measure_sweat_rate(self) -> None:
        from planner.ui.dialogs.sweat_rate import SweatRateDialog

        dialog = SweatRateDialog(self.units(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.rate() is not None:
            self.sweat_spin.set_stored(dialog.rate() or 0.0)

    def _connect(self) -> None:
        changed = self.revalidate
        self.name_edit.textChanged.connect(changed)
        self.name_edit.textChanged.connect(self._update_header)
        self.mass_edit.textChanged.connect(changed)
        self.goal_group.idToggled.connect(changed)
        self.week_start_combo.currentIndexChanged.connect(changed)
        self.experience_combo.currentIndexChanged.connect(changed)
        self.units_combo.currentIndexChanged.connect(self._units_changed)
        self.sweat_spin.valueChanged.connect(changed)
        self.height_spin.valueChanged.connect(changed)
        self.age_spin.valueChanged.connect(changed)
        self.sex_combo.currentIndexChanged.connect(changed)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.name_edit,
            self.units_combo,
            self.mass_edit,
            self.sweat_spin,
            *self.goal_group.buttons(),
            self.experience_combo,
            self.week_start_combo,
            self.height_spin,
            self.age_spin,
            self.sex_combo,
            self.race_km_edit,
            self.race_time_edit,
            *self.heart_rates.edits,
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _units_changed(self, *_: object) -> None:
        units = self.units()
        cm = self._height_cm()
        self.height_unit.setText("in" if units is Units.IMPERIAL else "cm")
        self.height_spin.blockSignals(True)
        self.height_spin.setValue(self._height_shown(cm, units))
        self.height_spin.blockSignals(False)
        self._height_units = units
        self.mass_edit.set_units(units)
        self.mass_unit.setText(u.load_unit(units))
        self.sweat_spin.set_units(units)
        self.heart_rates.set_units(units)
        self.revalidate()

    def _update_header(self, *_: object) -> None:
        self.header.setText(self.name_edit.text().strip() or "Your profile")

    # --- validation
    def _validate(self) -> tuple[Profile | None, dict[str, str]]:
        raw: dict[str, Any] = {
            "name": self.name_edit.text(),
            "mass": self.mass_edit.stored_kg,
            "sweat": self.sweat_spin.stored,
            "height": self._height_cm(),
            "age": self.age_spin.value() or None,
            "race": self._recent_race,
            **self.heart_rates.raw(),
        }
        sex_value = self.sex_combo.currentData()
        sex = Sex(sex_value) if sex_value else None
        goal = self.goal()
        week_start = WeekStart(self.week_start_combo.currentData())
        experience = Experience(self.experience_combo.currentData())
        units = self.units()

        def build(v: dict[str, Any]) -> Profile:
            race = v["race"]()
            return self._original.replace(
                recent_race_km=race.km if race else None,
                recent_race_s=race.seconds if race else None,
                name=v["name"],
                body_mass_kg=v["mass"](),
                goal=goal,
                week_start=week_start,
                units=units,
                sweat_rate_l_per_h=v["sweat"](),
                height_cm=v["height"],
                age=v["age"],
                sex=sex,
                experience=experience,
                **self.heart_rates.profile_fields(v),
            )

        return collect_errors(build, raw, _STAND_INS)

    def revalidate(self, *_: object) -> bool:
        """Re-check every field; mark the wrong ones and enable OK only when all are right."""
        profile, self._errors = self._validate()
        race = profile.recent_race if profile is not None else None
        self.paces_label.setText(TrainingPaces.from_race(race).summary(profile.units)
                                 if race is not None and profile is not None else
                                 "A recent race or time trial sets the training paces (Daniels 2014).")
        self.heart_rates.show_estimates(self.age_spin.value() or None)
        self._marks.show(self._errors)
        self.footer.show_messages(list(self.errors().values()))
        return profile is not None


class BodyMassEdit(QuantityEdit):
    """Body mass in kg or lb; its units can change while it is shown (the dialog's own choice).

    The load parser reads the number and an optional unit word ("80 kg", "176 lb"); the range is
    the profile's (BODY_MASS_RANGE), told in the unit the user sees.
    """

    def __init__(self, units: Units, parent: QWidget | None = None) -> None:
        super().__init__("mass", units, field="body_mass_kg", placeholder="e.g. 70", parent=parent)

    def set_units(self, units: Units) -> None:
        """Show the same mass in `units`; the exact kg survives any number of switches."""
        try:
            kg = self._exact_kg()
        except ValidationError:
            kg = None  # not a number: leave the text for the user to fix
        self._units = units
        if kg is not None:
            self.set_stored(kg)

    def stored_kg(self) -> float:
        """The mass in kg; raises ValidationError (field body_mass_kg) when empty or out of range.

        The range is checked here rather than in the parser: a converted value that is shown but
        not retyped is read back exactly, without parsing, and must still be checked.
        """
        kg = self._exact_kg()
        if kg is None:
            raise ValidationError(self._field, "must not be empty")
        if not BODY_MASS_RANGE[0] <= kg <= BODY_MASS_RANGE[1]:
            raise ValidationError(self._field, self._out_of_range(self.text()))
        return kg

    def _exact_kg(self) -> float | None:
        """The typed mass in kg (the stored value while the text is the one shown)."""
        self._exact.text = self.text()
        return self._exact.read(self._parse)

    def _parse(self, text: str) -> float | None:
        try:
            return u.parse_load(text, self._units, self._field)
        except ValidationError as e:
            if not e.message.startswith("must be between"):
                raise
            # Outside even the load range: the profile's range is the one to tell.
            raise ValidationError(self._field, self._out_of_range(text)) from None

    def _out_of_range(self, text: str) -> str:
        unit = u.load_unit(self._units)
        lo, hi = (u.load_to_display(kg, self._units) for kg in BODY_MASS_RANGE)
        # Round inwards so every number the message offers is really allowed.
        scale = 10**u.SHOWN_DECIMALS
        lo, hi = math.ceil(lo * scale) / scale, math.floor(hi * scale) / scale
        got = text.strip()
        if not any(c.isalpha() for c in got):
            got = f"{got} {unit}"
        return f"must be between {format_number(lo)} and {format_number(hi)} {unit} (got {got})"


class _GoalBox(QWidget):
    """The goal radios; a click on a goal's explanation chooses that goal, as a click on its text
    does. The explanations are disabled labels (the dim look of every hint here), and a disabled
    widget passes its clicks on to its parent: this box."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.explained: dict[QWidget, QRadioButton] = {}

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        radio = self.explained.get(self.childAt(event.position().toPoint()))
        if radio is not None and event.button() == Qt.MouseButton.LeftButton:
            radio.setChecked(True)
            radio.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mouseReleaseEvent(event)


def _goal_choices(parent: QWidget) -> tuple[QWidget, QButtonGroup]:
    """Three radio buttons, each with its explanation under the text (not under the circle)."""
    box = _GoalBox(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, _SECTION_GAP)
    layout.setSpacing(0)
    group = QButtonGroup(box)
    style = box.style()
    indent = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + style.pixelMetric(
        QStyle.PixelMetric.PM_RadioButtonLabelSpacing
    )
    for i, (goal, text, explanation) in enumerate(GOAL_CHOICES):
        radio = QRadioButton(text, box)
        radio.setObjectName(f"goal_{goal.value}")
        radio.setProperty("goal", goal.value)
        group.addButton(radio, i)
        line = QLabel(explanation, box)
        line.setObjectName(f"goal_{goal.value}_explanation")
        line.setEnabled(False)
        box.explained[line] = radio
        line.setContentsMargins(indent, 0, 0, 0)
        if i:
            layout.addSpacing(6)
        layout.addWidget(radio)
        layout.addWidget(line)
    return box, group


def _align_label_top(form: QFormLayout, field: QWidget) -> None:
    """A tall field's label sits on its first line, not halfway down."""
    label = form.labelForField(field)
    if isinstance(label, QLabel):
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 2, 0, 0)


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form
