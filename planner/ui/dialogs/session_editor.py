"""The session editor: every field of a session, checked by the domain as the user types.

The dialog never decides what is valid: on every change it builds the `Session` (whose constructor
holds all ranges) and marks the fields the `ValidationError`s name. OK stays disabled while any
value is wrong, so a dialog that was accepted always yields a valid session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QDate, QLocale, QSize, Qt, QTime
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain import units as u
from planner.domain.enums import TYPES_BY_KIND, Intensity, Kind, Status, Units
from planner.domain.errors import ValidationError
from planner.domain.intensity import classify
from planner.domain.session import Session
from planner.domain.steps import derived_distance_km, derived_duration_min
from planner.ui.dialogs.actuals import ActualFields
from planner.ui.dialogs.effort import EffortField
from planner.ui.dialogs.exercises_table import ExercisesEditor
from planner.ui.dialogs.fields import (
    TYPED_DURATION_MAX,
    FieldMarks,
    Footer,
    QuantityEdit,
    add_row,
    collect_errors,
    editor_width,
    error_icon,
    header_font,
    sentence,
    with_suffix,
)
from planner.ui.dialogs.steps_editor import StepsEditor
from planner.words.labels import KIND_WORDS, STATUS_WORDS, type_word
from planner.words.quantities import format_distance, format_pace
from planner.words.targets import target_in_units

#: Fields only a run or a lift has; the other kinds do not show them.
KIND_FIELDS: dict[Kind, frozenset[str]] = {
    Kind.RUN: frozenset({"distance_km", "target", "actual_distance_km", "steps"}),
    Kind.LIFT: frozenset({"exercises"}),
}
_KIND_ONLY = frozenset().union(*KIND_FIELDS.values())
_EMPTY: dict[str, Any] = {
    "distance_km": None,
    "target": "",
    "actual_distance_km": None,
    "exercises": (),
    "steps": (),
}
_DONE_FIELDS = frozenset({"status", "actual_duration_min", "actual_rpe", "actual_distance_km"})
#: When a field is wrong, build again with this in its place to find the other wrong fields.
_STAND_INS: dict[str, tuple[str, Any]] = {
    "title": ("title", "Session"),
    "type": ("type", ""),
    "time": ("time", lambda: None),
    "duration_min": ("duration", 1),
    "rpe": ("rpe", 0.0),
    "distance_km": ("distance", lambda: None),
    "target": ("target", lambda: ""),
    "exercises": ("exercises", lambda: ()),
    "steps": ("steps", lambda: ()),
    "notes": ("notes", ""),
    "actual_duration_min": ("actual_duration", None),
    "actual_rpe": ("actual_rpe", None),
    "actual_distance_km": ("actual_distance", lambda: None),
}


def type_label(word: str) -> str:
    return type_word(word) if word else "\u2014"


def kind_fields(kind: Kind) -> frozenset[str]:
    return KIND_FIELDS.get(kind, frozenset())


def date_line(session: Session) -> str:
    d = session.date
    when = QLocale().toString(QDate(d.year, d.month, d.day), QLocale.FormatType.LongFormat)
    return f"{when} \u00b7 session {session.position + 1} of the day"


class SessionEditor(QDialog):
    """Edit one session; after `exec()` returns Accepted, `result_session()` is the edited copy
    (same id, date and position). Distances and loads are shown in `units`; storage stays metric.

    `for_template=True` edits a library template given as `template.to_session(any_date)`: no
    date line and no "Planned vs done" tab; take `result_session().content()` afterwards.
    """

    def __init__(
        self,
        session: Session,
        *,
        units: Units,
        catalog: Mapping[str, Sequence[str]],
        parent: QWidget | None = None,
        for_template: bool = False,
    ) -> None:
        super().__init__(parent)
        self._original = session
        self._units = units
        self._errors: dict[str, str] = {}
        self._problems: list[str] = []
        self._marks = FieldMarks()
        what = "template" if for_template else "session"
        self.setWindowTitle(f"Edit {what} \u2013 {session.title}")
        self.setSizeGripEnabled(True)

        self.header = QLabel(self)
        self.header.setObjectName("header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setFont(header_font(self.header))
        self.subheader = QLabel(
            "Library template: a starting point for the days it is dropped on"
            if for_template
            else date_line(session),
            self,
        )
        self.subheader.setEnabled(False)

        self.tabs = QTabWidget(self)
        self.details_page = self._build_details()
        self.tabs.addTab(self.details_page, "&Session")
        self.exercises = ExercisesEditor(
            session.exercises, units=units, catalog=catalog, parent=self
        )
        self.exercises.setObjectName("exercises")
        self.steps_editor = StepsEditor(session.steps, units=units, parent=self)
        self.steps_editor.setObjectName("steps_editor")
        self.done_page = self._build_done()
        if for_template:
            self.done_page.hide()  # a template is never done; its date is a placeholder
        else:
            self.tabs.addTab(self.done_page, "&Planned vs done")
        self.footer = Footer(parent=self)
        self.footer.buttons.accepted.connect(self.accept)
        self.footer.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)
        layout.addSpacing(4)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.footer)

        self._load(session)
        self._connect()
        self._kind_changed()
        self._set_tab_order()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- public API
    @property
    def ok_button(self) -> QPushButton:
        return self.footer.ok_button

    def result_session(self) -> Session:
        """The edited session; raises ValidationError while a value is wrong (OK is disabled)."""
        session, errors, problems = self._validate()
        if session is None:
            field, message = next(iter(errors.items())) if errors else ("exercises", problems[0])
            raise ValidationError(field, message)
        return session

    def errors(self) -> dict[str, str]:
        """Wrong fields (the domain's names) -> the sentence shown next to the field."""
        return self._marks.sentences(self._errors)

    def problems(self) -> list[str]:
        """Every message shown: fields first, then exercise and set problems."""
        return list(self.errors().values()) + list(self._problems)

    def kind(self) -> Kind:
        return Kind(self.kind_combo.currentData())

    def accept(self) -> None:
        if self.revalidate():
            super().accept()

    # --- building the tabs
    def _build_details(self) -> QWidget:
        page = QWidget(self)
        form = _form()
        self.title_edit = QLineEdit(page)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText("e.g. Easy run, Heavy lower body")
        form.addRow("&Title:", self.title_edit)
        self.kind_combo = QComboBox(page)
        self.kind_combo.setObjectName("kind")
        for kind in Kind:
            self.kind_combo.addItem(KIND_WORDS[kind] if kind is not Kind.REST else "Rest day", kind.value)
        form.addRow("&Kind:", self.kind_combo)
        self.type_combo = QComboBox(page)
        self.type_combo.setObjectName("type")
        self.type_combo.setMinimumContentsLength(12)
        form.addRow("T&ype:", self.type_combo)
        self.time_check = QCheckBox("&at", page)
        self.time_check.setObjectName("time_enabled")
        self.time_check.setToolTip("Give the session a time of day (optional)")
        self.time_edit = QTimeEdit(page)
        self.time_edit.setObjectName("time")
        self.time_edit.setDisplayFormat("HH:mm")
        time_row = QWidget(page)
        time_layout = QHBoxLayout(time_row)
        time_layout.setContentsMargins(0, 0, 0, 0)
        time_layout.addWidget(self.time_check)
        time_layout.addWidget(self.time_edit)
        time_layout.addStretch(1)
        add_row(form, "Time of day:", time_row, self.time_check)
        self.duration_spin = QSpinBox(page)
        self.duration_spin.setObjectName("duration")
        self.duration_spin.setRange(0, TYPED_DURATION_MAX)  # 0 only for a rest day; domain says
        self.duration_spin.setSuffix(" min")
        self.duration_spin.setSingleStep(5)
        self.duration_spin.setFixedWidth(editor_width(self.duration_spin))
        form.addRow("&Duration:", self.duration_spin)
        self.rpe_field = EffortField(parent=page)
        self.rpe_field.spin.setObjectName("rpe")
        add_row(form, "&Effort (RPE):", self.rpe_field, self.rpe_field.spin)
        self._details_form = form
        unit = u.distance_unit(self._units)
        self.distance_edit = QuantityEdit(
            "distance", self._units, field="distance_km", placeholder="optional", parent=page
        )
        self.distance_edit.setObjectName("distance")
        distance_row = with_suffix(self.distance_edit, unit, page)
        add_row(form, "Dis&tance:", distance_row, self.distance_edit)
        self.target_edit = QLineEdit(page)
        self.target_edit.setObjectName("target")
        self.target_edit.setPlaceholderText(f"pace or zone, e.g. 5:10/{unit}, Z2, marathon pace")
        form.addRow("Ta&rget:", self.target_edit)
        self.pace_label = QLabel(page)
        self.pace_label.setObjectName("pace")
        self.pace_label.setEnabled(False)
        form.addRow("Average pace:", self.pace_label)
        self._run_rows = (distance_row, self.target_edit, self.pace_label)
        self.notes_edit = _NotesEdit(page)
        self.notes_edit.setObjectName("notes")
        form.addRow("&Notes:", self.notes_edit)
        self._marks.add("title", form, self.title_edit, "Title")
        self._marks.add("type", form, self.type_combo, "Type")
        self._marks.add("time", form, time_row, "Time of day")
        self._marks.add("duration_min", form, self.duration_spin, "Duration")
        self._marks.add("rpe", form, self.rpe_field, "Effort", mark_widget=self.rpe_field.spin)
        self._marks.add("distance_km", form, distance_row, "Distance", self.distance_edit)
        self._marks.add("target", form, self.target_edit, "Target")
        self._marks.add("notes", form, self.notes_edit, "Notes")
        page.setLayout(form)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget(self)
        form = _form()
        self.status_combo = QComboBox(page)
        self.status_combo.setObjectName("status")
        for status in Status:
            self.status_combo.addItem(STATUS_WORDS[status], status.value)
        form.addRow("&Status:", self.status_combo)
        self.actuals = ActualFields(form, self._marks, self._units, optional=True, parent=page)
        hint = QLabel(
            "Once a session is done, the charts and the load use these values; a dash means "
            "\u201cnot recorded\u201d and the plan counts instead. Rate the effort of the whole "
            "session about 30 minutes after it ends (Foster et al. 2001).",
            page,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        outer = QVBoxLayout(page)
        outer.addLayout(form)
        outer.addSpacing(8)
        outer.addWidget(hint)
        outer.addStretch(1)
        return page

    # --- loading and reading the widgets
    def _load(self, s: Session) -> None:
        self.title_edit.setText(s.title)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(s.kind.value))
        self._fill_types(s.kind, s.type)
        self.time_check.setChecked(s.time is not None)
        t = s.time or dt.time(7, 0)
        self.time_edit.setTime(QTime(t.hour, t.minute))
        self.time_edit.setEnabled(s.time is not None)
        self.duration_spin.setValue(s.duration_min)
        self.rpe_field.set_value(s.rpe)
        self.distance_edit.set_stored(s.distance_km)
        self.target_edit.setText(s.target)
        self.notes_edit.setPlainText(s.notes)
        self.status_combo.setCurrentIndex(self.status_combo.findData(s.status.value))
        self.actuals.load(s.actual_duration_min, s.actual_rpe, s.actual_distance_km)
        self._update_header()

    def _fill_types(self, kind: Kind, keep: str) -> None:
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem("\u2014", "")
        for word in TYPES_BY_KIND[kind]:
            self.type_combo.addItem(type_label(word), word)
        i = self.type_combo.findData(keep)
        if i < 0 and keep:
            # A type the domain refuses: show it, so the message has a field to point at.
            self.type_combo.addItem(keep, keep)
            i = self.type_combo.count() - 1
        self.type_combo.setCurrentIndex(max(i, 0))
        self.type_combo.setEnabled(self.type_combo.count() > 1)
        self.type_combo.blockSignals(False)

    def _session_class(self, rpe: float) -> Intensity:
        """The badge the card will show for this RPE, with the kind and type chosen now."""
        exercises = self._original.exercises if self.kind() is Kind.LIFT else ()
        return classify(self.kind(), self.type_combo.currentData() or "", rpe, exercises)

    def _connect(self) -> None:
        self.rpe_field.classify = self._session_class
        changed = self.revalidate
        self.title_edit.textChanged.connect(changed)
        self.title_edit.textChanged.connect(self._update_header)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.type_combo.currentIndexChanged.connect(changed)
        self.time_check.toggled.connect(self.time_edit.setEnabled)
        self.time_check.toggled.connect(changed)
        self.time_edit.timeChanged.connect(changed)
        self.duration_spin.valueChanged.connect(changed)
        self.rpe_field.spin.valueChanged.connect(changed)
        self.distance_edit.textChanged.connect(changed)
        self.target_edit.textChanged.connect(changed)
        self.notes_edit.textChanged.connect(changed)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.actuals.connect(changed)
        self.exercises.edited.connect(changed)
        self.steps_editor.edited.connect(changed)

    def _set_tab_order(self) -> None:
        chains: list[list[QWidget]] = [
            [
                self.title_edit,
                self.kind_combo,
                self.type_combo,
                self.time_check,
                self.time_edit,
                self.duration_spin,
                self.rpe_field.spin,
                self.distance_edit,
                self.target_edit,
                self.notes_edit,
            ],
            [self.status_combo, *self.actuals.widgets()],
        ]
        for chain in chains:
            for a, b in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(a, b)

    def _kind_changed(self, *_: object) -> None:
        kind = self.kind()
        current = self.type_combo.currentData() or ""
        self._fill_types(kind, current if current in TYPES_BY_KIND[kind] else "")
        label = self._details_form.labelForField(self.type_combo)
        if isinstance(label, QLabel):
            label.setText("F&ocus:" if kind is Kind.LIFT else "T&ype:")
        fields = kind_fields(kind)
        for row in self._run_rows:
            self._details_form.setRowVisible(row, "distance_km" in fields)
        self.actuals.show_distance("actual_distance_km" in fields)
        self._show_tab(self.exercises, "E&xercises", "exercises" in fields)
        self._show_tab(self.steps_editor, "St&eps", "steps" in fields)
        self.revalidate()
        self._fit_to_kind()

    def _show_tab(self, page: QWidget, label: str, show: bool) -> None:
        """Add or take away a kind's tab; a hidden tab would still make a run dialog lift-sized."""
        index = self.tabs.indexOf(page)
        if show and index < 0:
            self.tabs.insertTab(1, page, label)
        elif not show:
            if index >= 0:
                self.tabs.removeTab(index)
            page.hide()  # a child outside any layout would show at the top left

    def _fit_to_kind(self) -> None:
        """Lifts need room for two tables; other kinds get a compact form."""
        want = QSize(660, 640) if self.kind() is Kind.LIFT else QSize(600, 520) if self.kind() is Kind.RUN \
            else QSize(560, 0)
        have = self.size() if self.isVisible() else QSize(0, 0)
        self.resize(self.sizeHint().expandedTo(want).expandedTo(have))

    def _status_changed(self, *_: object) -> None:
        """Marking a session done offers the plan as the starting point for the actual values."""
        if Status(self.status_combo.currentData()) is Status.DONE:
            a = self.actuals
            if a.duration() is None:
                a.duration_spin.setValue(self.duration_spin.value())
            if a.rpe() is None:
                a.rpe_field.set_value(self.rpe_field.value())
            if "actual_distance_km" in kind_fields(self.kind()) and not a.distance_edit.text():
                a.distance_edit.setText(self.distance_edit.text())
        self.revalidate()

    def _time(self) -> dt.time | None:
        if not self.time_check.isChecked():
            return None
        q = self.time_edit.time()
        initial = self._original.time
        if initial is not None and (initial.hour, initial.minute) == (q.hour(), q.minute()):
            return initial  # keep the seconds an HH:mm field cannot show
        return dt.time(q.hour(), q.minute())

    def _update_header(self, *_: object) -> None:
        self.header.setText(self.title_edit.text().strip() or "Untitled session")

    # --- validation
    def _validate(self) -> tuple[Session | None, dict[str, str], list[str]]:
        """(session or None, {field: message}, exercise problems) for what the widgets hold now."""
        kind = self.kind()
        fields = kind_fields(kind)
        exercises: tuple[Any, ...] = ()
        problems: list[str] = []
        if "exercises" in fields:
            exercises, problems = self.exercises.build()
        original = self._original

        def by_kind(name: str, read: Callable[[], Any]) -> Callable[[], Any]:
            """A field the kind does not show keeps its stored value while the kind is unchanged,
            and is emptied when the kind changes (a run keeps no exercises)."""
            if name in fields or name not in _KIND_ONLY:
                return read
            if kind is original.kind:
                return lambda: getattr(original, name)
            return lambda: _EMPTY[name]

        raw: dict[str, Any] = {
            "title": self.title_edit.text(),
            "type": self.type_combo.currentData() or "",
            "time": self._time,
            "duration": self.duration_spin.value(),
            "rpe": self.rpe_field.value(),
            "distance": by_kind("distance_km", self.distance_edit.stored),
            "target": by_kind("target", self.target_edit.text),
            "exercises": by_kind("exercises", lambda: exercises),
            "steps": by_kind("steps", self.steps_editor.items),
            "notes": self.notes_edit.toPlainText(),
            "status": Status(self.status_combo.currentData()),
            "actual_duration": self.actuals.duration(),
            "actual_rpe": self.actuals.rpe(),
            "actual_distance": by_kind("actual_distance_km", self.actuals.distance_reader()),
        }

        def build(v: dict[str, Any]) -> Session:
            return original.replace(
                kind=kind,
                title=v["title"],
                type=v["type"],
                time=v["time"](),
                duration_min=v["duration"],
                rpe=v["rpe"],
                distance_km=v["distance"](),
                target=v["target"](),
                exercises=v["exercises"](),
                steps=v["steps"](),
                notes=v["notes"],
                status=v["status"],
                actual_duration_min=v["actual_duration"],
                actual_rpe=v["actual_rpe"],
                actual_distance_km=v["actual_distance"](),
            )

        session, errors = collect_errors(build, raw, _STAND_INS)
        if "exercises" in errors:
            problems = [sentence("Exercises:", errors.pop("exercises")), *problems]
        if "steps" in errors:
            problems = [sentence("Steps:", errors.pop("steps")), *problems]
        return (None if problems else session), errors, problems

    def revalidate(self, *_: object) -> bool:
        """Re-check every field; mark the wrong ones and enable OK only when all are right."""
        session, errors, problems = self._validate()
        self._errors, self._problems = errors, problems
        self.rpe_field.refresh()
        self._marks.show(errors)
        shown = self.errors()
        icon = error_icon()
        bad_done = any(f in _DONE_FIELDS for f in errors)
        bad_details = any(f not in _DONE_FIELDS for f in errors)
        for page, bad in (
            (self.details_page, bad_details),
            (self.exercises, bool(problems) and self.kind() is Kind.LIFT),
            (self.steps_editor, bool(problems) and self.kind() is Kind.RUN),
            (self.done_page, bad_done),
        ):
            index = self.tabs.indexOf(page)
            if index >= 0:
                self.tabs.setTabIcon(index, icon if bad else QIcon())
        self.footer.show_messages([*shown.values(), *problems])
        if session is not None:
            self._show_plan(session)
        else:  # never a pace worked out from values the fields no longer hold
            bad = "duration" if "duration_min" in errors else "distance" if "distance_km" in errors else ""
            if bad:
                self.pace_label.setText(f"\u2014 (needs a valid {bad})")
            else:
                try:
                    distance = self.distance_edit.stored()
                    self._show_pace(u.pace_s_per_km(self.duration_spin.value(), distance), distance)
                except ValidationError:
                    self.pace_label.setText("\u2014 (needs a valid distance)")
        return session is not None

    def _show_plan(self, s: Session) -> None:
        self._follow_steps(s)
        pace = u.pace_s_per_km(s.duration_min, s.distance_km)
        self._show_pace(pace, s.distance_km)
        shown = target_in_units(s.target, self._units)
        tip = f"Cards show: {shown}" if shown != s.target else ""
        if self.target_edit.toolTip() != tip:
            self.target_edit.setToolTip(tip)
        self.actuals.show_plan(s)

    def _show_pace(self, pace: float | None, distance_km: float | None) -> None:
        if pace is None or distance_km is None:
            self.pace_label.setText("\u2014 (needs a distance)")
        else:
            over = format_distance(distance_km, self._units)
            self.pace_label.setText(f"{format_pace(pace, self._units)} over {over}")


    def _follow_steps(self, s: Session) -> None:
        """Duration and distance the steps give are theirs: shown, and not typed."""
        minutes, km = derived_duration_min(s.steps), derived_distance_km(s.steps)
        for widget, derived in ((self.duration_spin, minutes), (self.distance_edit, km)):
            widget.setEnabled(derived is None)
            widget.setToolTip("From the steps (Steps tab)" if derived is not None else "")
        if minutes is not None and self.duration_spin.value() != minutes:
            self.duration_spin.blockSignals(True)
            self.duration_spin.setValue(minutes)
            self.duration_spin.blockSignals(False)
        if km is not None and self.distance_edit.stored() != km:
            self.distance_edit.blockSignals(True)
            self.distance_edit.set_stored(km)
            self.distance_edit.blockSignals(False)


class _NotesEdit(QPlainTextEdit):
    """Notes: a few lines tall by default (a text edit asks for 192 px), Tab moves on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlaceholderText("Cues, route, how it went\u2026")

    def sizeHint(self) -> QSize:
        lines = self.fontMetrics().lineSpacing() * 4
        return QSize(super().sizeHint().width(), lines + 2 * self.frameWidth() + 8)


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form
