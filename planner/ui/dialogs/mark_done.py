"""Mark a session done: how long it really took, how hard it felt, and (runs) how far it went.

Prefilled from the plan so the common case is one keystroke (Enter). The effort is the session RPE
on Foster's CR-10 scale, asked about 30 min after the session; the sRPE method stays valid when it
is logged later (Foster et al. 2001; Foster et al. 2021).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.domain.enums import Kind, Status, Units
from planner.domain.errors import ValidationError
from planner.domain.session import Session
from planner.ui.dialogs.actuals import ActualFields
from planner.ui.dialogs.effort import FOSTER_2001
from planner.ui.dialogs.fields import FieldMarks, Footer, collect_errors, header_font
from planner.ui.dialogs.session_editor import date_line
from planner.words.dates import long_date

_STAND_INS: dict[str, tuple[str, Any]] = {
    "actual_duration_min": ("duration", 1),
    "actual_rpe": ("rpe", 0.0),
    "actual_distance_km": ("distance", lambda: None),
}


def future_words(day: dt.date, today: dt.date) -> str:
    """What the dialog says of a session not yet due ("" for today and earlier)."""
    if day <= today:
        return ""
    days = (day - today).days
    when = "tomorrow" if days == 1 else f"in {days} days"
    return (f"This session is planned for {long_date(day)}, {when}. Mark it done only if you did it "
            "early: from then on the charts, the plan check and the compliance count it as done.")


class MarkDoneDialog(QDialog):
    """After `exec()` returns Accepted, `result_session()` is the session with status done and
    the actual duration, effort and distance (distance for runs only; other kinds keep theirs).
    """

    def __init__(self, session: Session, *, units: Units, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._original = session
        self._is_run = session.kind is Kind.RUN
        self._errors: dict[str, str] = {}
        self._marks = FieldMarks()
        self.setWindowTitle(f"Mark done \u2013 {session.title}")

        header = QLabel(session.title, self)
        header.setObjectName("header")
        header.setTextFormat(Qt.TextFormat.PlainText)
        header.setFont(header_font(header))
        when = QLabel(date_line(session), self)
        when.setEnabled(False)
        intro = QLabel("How did it go? The plan is filled in; change what was different.", self)
        intro.setWordWrap(True)
        #: A session still to come: said plainly, since the charts will count it as done from now on.
        self.future_note = QLabel(future_words(session.date, today) if today is not None else "", self)
        self.future_note.setObjectName("future")
        self.future_note.setWordWrap(True)
        self.future_note.setVisible(bool(self.future_note.text()))

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.actuals = ActualFields(form, self._marks, units, optional=False, parent=self)
        self.actuals.show_distance(self._is_run)
        self.actuals.show_plan(session)
        self.actuals.load(
            session.actual_duration_min or session.duration_min,
            session.rpe if session.actual_rpe is None else session.actual_rpe,
            session.actual_distance_km
            if session.actual_distance_km is not None
            else session.distance_km,
        )
        hint = QLabel(
            "Effort: how hard the <i>whole</i> session felt, rated about 30 minutes after it "
            "ended (0 rest, 3 moderate, 5 hard, 7 very hard, 10 maximal).",
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        hint.setToolTip(FOSTER_2001)

        self.footer = Footer("Mark done", self)
        self.footer.buttons.accepted.connect(self.accept)
        self.footer.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(when)
        layout.addSpacing(6)
        layout.addWidget(intro)
        layout.addWidget(self.future_note)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addSpacing(6)
        layout.addWidget(self.footer)

        widgets = self.actuals.widgets()
        for a, b in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.actuals.connect(self.revalidate)
        self.revalidate()
        self.actuals.duration_spin.setFocus(Qt.FocusReason.OtherFocusReason)
        self.actuals.duration_spin.selectAll()
        self.setMinimumWidth(520)

    @property
    def ok_button(self) -> QPushButton:
        return self.footer.ok_button

    def result_session(self) -> Session:
        """The session marked done; raises ValidationError while a value is wrong."""
        session, errors = self._validate()
        if session is None:
            field, message = next(iter(errors.items()))
            raise ValidationError(field, message)
        return session

    def errors(self) -> dict[str, str]:
        return self._marks.sentences(self._errors)

    def accept(self) -> None:
        if self.revalidate():
            super().accept()

    def _validate(self) -> tuple[Session | None, dict[str, str]]:
        original = self._original
        raw: dict[str, Any] = {
            "duration": self.actuals.duration_spin.value(),
            "rpe": self.actuals.rpe(),
            "distance": self.actuals.distance_reader()
            if self._is_run
            else (lambda: original.actual_distance_km),
        }

        def build(v: dict[str, Any]) -> Session:
            return original.replace(
                status=Status.DONE,
                actual_duration_min=v["duration"],
                actual_rpe=v["rpe"],
                actual_distance_km=v["distance"](),
            )

        return collect_errors(build, raw, _STAND_INS)

    def revalidate(self, *_: object) -> bool:
        session, self._errors = self._validate()
        self._marks.show(self._errors)
        self.footer.show_messages(list(self.errors().values()))
        return session is not None
