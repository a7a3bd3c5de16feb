"""The profile's heart rates and easy pace: what an imported activity's effort is judged against.

Each field may be left empty; its hint then shows the value in use and where it came from
("estimated from your activities: 189 bpm", "assumed: 60 bpm"), worked out by the same domain
function the import uses, so what the dialog shows is what the import takes. The maximum's
estimate follows the age field as it is typed (Tanaka 2001). Easy pace shows per km or per mile in
the dialog's units and is stored per km; a pace the user did not retype comes back exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from planner.domain.effort import HeartRateEvidence
from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.profile import EASY_PACE_RANGE, Profile
from planner.domain.units import KM_PER_MILE
from planner.ui.dialogs.fields import FieldMarks, add_row, editor_width
from planner.words.quantities import format_pace

#: The domain's error field -> (raw key, a stand-in that is always right), for collect_errors.
STAND_INS: dict[str, tuple[str, Any]] = {
    "maximum heart rate": ("max_hr", lambda: None),
    "resting heart rate": ("resting_hr", lambda: None),
    "lactate threshold heart rate": ("lthr", lambda: None),
    "easy pace": ("easy_pace", lambda: None),
}
HEART_RATE_TIP = ("An imported activity's effort comes from its average heart rate as a share of the "
                  "heart-rate reserve between resting and maximum (Karvonen 1957). Left empty, the value "
                  "shown beside it is used.")
EASY_PACE_HINT = "a run without heart rate is judged against it"
LTHR_HINT = "optional"


class HeartRateFields:
    """Four rows in the profile form; `raw()` and `profile_fields()` feed the dialog's validation."""

    def __init__(self, parent: QWidget, form: QFormLayout, marks: FieldMarks, profile: Profile,
                 evidence: HeartRateEvidence, changed: Callable[..., object]) -> None:
        self._evidence = evidence
        self._original_pace = profile.easy_pace_s
        self._units = profile.units
        gap = QWidget(parent)  # sets the group apart (a help line would make the dialog too tall for 800 px)
        gap.setFixedHeight(2)
        form.addRow(gap)
        self.max_hr, self.max_hint = self._bpm_row(parent, form, marks, "max_hr", "Ma&ximum heart rate:",
                                                   "maximum heart rate")
        self.resting_hr, self.resting_hint = self._bpm_row(parent, form, marks, "resting_hr",
                                                           "Resting hea&rt rate:", "resting heart rate")
        self.lthr, self.lthr_hint = self._bpm_row(parent, form, marks, "lthr", "&Threshold heart rate:",
                                                  "lactate threshold heart rate")
        self.max_hr.setToolTip(HEART_RATE_TIP)
        self.resting_hr.setToolTip(HEART_RATE_TIP)
        self.lthr.setToolTip("Lactate threshold heart rate: optional, kept for your own reference")
        self.easy_pace = QLineEdit(parent)
        self.easy_pace.setObjectName("easy_pace")
        self.easy_pace.setFixedWidth(editor_width(self.easy_pace))
        self.easy_pace.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.easy_pace_unit = QLabel(parent)
        self.easy_pace_unit.setObjectName("easy_pace_unit")
        self.easy_pace_hint = _hint(parent, "easy_pace_hint")
        row = _row(parent, self.easy_pace, self.easy_pace_unit, self.easy_pace_hint)
        add_row(form, "&Easy pace:", row, self.easy_pace)
        marks.add("easy pace", form, row, "Easy pace", self.easy_pace)
        for value, edit in ((profile.max_hr, self.max_hr), (profile.resting_hr, self.resting_hr),
                            (profile.lthr, self.lthr)):
            edit.setText("" if value is None else str(value))
        self._show_pace_units()
        self.easy_pace.setText(self._pace_text(profile.easy_pace_s))
        self._shown_pace = self.easy_pace.text()
        for edit in self.edits:
            edit.textChanged.connect(changed)

    @property
    def edits(self) -> list[QLineEdit]:
        return [self.max_hr, self.resting_hr, self.lthr, self.easy_pace]

    @staticmethod
    def _bpm_row(parent: QWidget, form: QFormLayout, marks: FieldMarks, name: str, text: str,
                 field: str) -> tuple[QLineEdit, QLabel]:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setFixedWidth(editor_width(edit))
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        hint = _hint(parent, f"{name}_hint")
        row = _row(parent, edit, QLabel("bpm"), hint)
        add_row(form, text, row, edit)
        marks.add(field, form, row, field.capitalize(), edit)
        return edit, hint

    # --- values
    def raw(self) -> dict[str, Any]:
        """Readers that raise ValidationError with the domain's field names (for collect_errors)."""
        return {
            "max_hr": lambda: _bpm(self.max_hr.text(), "maximum heart rate"),
            "resting_hr": lambda: _bpm(self.resting_hr.text(), "resting heart rate"),
            "lthr": lambda: _bpm(self.lthr.text(), "lactate threshold heart rate"),
            "easy_pace": self._easy_pace_s,
        }

    @staticmethod
    def profile_fields(v: dict[str, Any]) -> dict[str, Any]:
        return {"max_hr": v["max_hr"](), "resting_hr": v["resting_hr"](), "lthr": v["lthr"](),
                "easy_pace_s": v["easy_pace"]()}

    def _easy_pace_s(self) -> int | None:
        text = self.easy_pace.text().strip()
        if not text:
            return None
        if text == self._shown_pace.strip() and self._original_pace is not None:
            return self._original_pace  # untouched: no km -> mi -> km drift
        seconds = _clock_seconds(text, self._units)
        per_km = seconds / KM_PER_MILE if self._units is Units.IMPERIAL else seconds
        low, high = EASY_PACE_RANGE
        if not low <= per_km <= high:  # before rounding, so the bounds the message gives hold
            raise ValidationError("easy pace", f"must be between {format_pace(low, self._units)} and "
                                               f"{format_pace(high, self._units)} (got {text})")
        return round(per_km)

    # --- showing
    def set_units(self, units: Units) -> None:
        """Show the same pace per km or per mile."""
        try:
            stored = self._easy_pace_s()
        except ValidationError:
            stored = None  # wrong: leave the text for the user to fix
        self._units = units
        self._show_pace_units()
        if stored is not None:
            self._original_pace = stored
            self.easy_pace.setText(self._pace_text(stored))
            self._shown_pace = self.easy_pace.text()

    def _show_pace_units(self) -> None:
        self.easy_pace_unit.setText(f"/{'mi' if self._units is Units.IMPERIAL else 'km'}")
        self.easy_pace.setPlaceholderText("e.g. 9:39" if self._units is Units.IMPERIAL else "e.g. 6:00")

    def _pace_text(self, per_km: int | None) -> str:
        return "" if per_km is None else format_pace(per_km, self._units).split(" ")[0]

    def show_estimates(self, age: int | None) -> None:
        """Placeholders and hints: the value an empty field stands for and where it came from."""
        max_text = self.max_hr.text().strip()
        rest_text = self.resting_hr.text().strip()
        rates = self._evidence.rates(_quiet_bpm(max_text), _quiet_bpm(rest_text), age)
        if rates is None:
            self.max_hr.setPlaceholderText("")
            self.max_hint.setText(_no_estimate(self._evidence))
        else:
            self.max_hr.setPlaceholderText(str(rates.max_hr))
            self.max_hint.setText(_estimate(rates.max_note, rates.max_hr) if not max_text else "")
        resting, note = self._evidence.resting(_quiet_bpm(rest_text))
        self.resting_hr.setPlaceholderText(str(resting))
        self.resting_hint.setText(_estimate(note, resting) if not rest_text else "")
        self.lthr_hint.setText(LTHR_HINT if not self.lthr.text().strip() else "")
        self.easy_pace_hint.setText(EASY_PACE_HINT)


def _row(parent: QWidget, editor: QWidget, unit: QLabel, hint: QLabel) -> QWidget:
    """[editor][unit][hint]: the units share one width so the hints line up (bpm, /km, /mi)."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(editor)
    unit.setParent(row)
    unit.setBuddy(editor)
    unit.setFixedWidth(unit.fontMetrics().horizontalAdvance("/mi bpm"))
    layout.addWidget(unit)
    layout.addWidget(hint)
    layout.addStretch(1)
    return row


def _hint(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setEnabled(False)
    return label


def _estimate(note: str, bpm: int) -> str:
    """'estimated from your activities: 189 bpm', 'assumed: 60 bpm'."""
    return f"{note}: {bpm} bpm" if note else ""


def _no_estimate(evidence: HeartRateEvidence) -> str:
    """'not estimated from 3 activities with heart rate over 6 days: give it or your age'."""
    if not evidence.recorded.tops:
        return "not estimated: no activity with heart rate yet; give it or your age"
    return f"not estimated from {evidence.recorded.words()}: give it or your age"


def _bpm(text: str, field: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError(field, f"must be a whole number of beats per minute (got {text})") from None


def _quiet_bpm(text: str) -> int | None:
    """The typed rate for the estimates, None while it is empty or wrong (its error shows anyway)."""
    try:
        return _bpm(text, "")
    except ValidationError:
        return None


def _clock_seconds(text: str, units: Units) -> int:
    """'6:00' -> 360; anything else names the form wanted."""
    unit = "mi" if units is Units.IMPERIAL else "km"
    minutes, sep, seconds = text.partition(":")
    if sep and minutes.isdigit() and seconds.isdigit() and len(seconds) == 2 and int(seconds) < 60:
        return int(minutes) * 60 + int(seconds)
    raise ValidationError("easy pace", f"must be minutes:seconds per {unit}, e.g. "
                                       f"{'9:39' if units is Units.IMPERIAL else '6:00'} (got {text})")
