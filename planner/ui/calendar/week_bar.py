"""Above the calendar: the week's dates (and ISO number for a week from Monday), previous / today / next, a date picker,
and the strip of week totals (running and lifting, done against planned) with a labelled
progress bar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QProgressBar, QToolButton, QVBoxLayout, QWidget

from planner.domain.enums import Status, Units
from planner.domain.session import Session
from planner.domain.weeks import DATE_MAX, DATE_MIN, week_label
from planner.ui.printing.text_rows import keep_quantities_together
from planner.words.cards import strip_text


class WeekBar(QWidget):
    dateChosen = Signal(object)  # datetime.date

    def __init__(self, previous: QAction, today: QAction, next_: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        self.title.setFont(f)
        self.picker = QDateEdit()
        self.picker.setCalendarPopup(True)
        self.picker.setDateRange(QDate(DATE_MIN.year, DATE_MIN.month, DATE_MIN.day),
                                 QDate(DATE_MAX.year, DATE_MAX.month, DATE_MAX.day))
        self.picker.setDisplayFormat("ddd d MMM yyyy")
        self.picker.setToolTip("Go to the week of a date")
        self.picker.setAccessibleName("Go to the week of a date")
        self.picker.dateChanged.connect(self._picked)
        buttons = []
        for action in (previous, today, next_):
            b = QToolButton()
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setAutoRaise(True)
            if action is not today:  # text arrows follow the palette (dark too) and the font size
                b.setText("◀" if action is previous else "▶")
                b.setMinimumWidth(b.sizeHint().height() + 4)
            b.setAccessibleName(action.text())
            buttons.append(b)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for b in buttons:
            top.addWidget(b)
        top.addSpacing(8)
        top.addWidget(self.title)
        top.addStretch(1)
        go_to = QLabel("&Go to:")
        go_to.setBuddy(self.picker)
        top.addWidget(go_to)
        top.addWidget(self.picker)

        self.totals = QLabel()
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(120)
        self.progress.setMaximumHeight(12)
        self.progress.setTextVisible(False)
        self.done_label = QLabel()  # the bar's label: "8 of 10 done"
        self._first_day_of_week: Qt.DayOfWeek | None = None
        strip = QHBoxLayout()
        strip.setContentsMargins(0, 0, 0, 0)
        strip.addWidget(self.totals, 1)
        strip.addWidget(self.done_label)
        strip.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(strip)
        self._updating = False

    def show_week(self, first: dt.date, sessions: list[Session], units: Units) -> None:
        self.title.setText(week_label(first))
        self.title.setAccessibleName(self.title.text())
        self._updating = True
        start = Qt.DayOfWeek.Sunday if first.weekday() == 6 else Qt.DayOfWeek.Monday
        if start != self._first_day_of_week:
            self._first_day_of_week = start
            self.picker.calendarWidget().setFirstDayOfWeek(start)
        self.picker.setDate(QDate(first.year, first.month, first.day))
        self._updating = False
        text = strip_text(sessions, units)
        self.totals.setText(keep_quantities_together(text))  # wraps between facts, never in "2 h 25"
        self.totals.setAccessibleName(f"Week totals: {text}")
        done = sum(1 for s in sessions if s.status is Status.DONE)
        label = f"{done} of {len(sessions)} done"
        if label != self.done_label.text():  # a progress bar repaints at once on every set
            self.progress.setVisible(bool(sessions))
            self.done_label.setVisible(bool(sessions))
            self.progress.setRange(0, max(len(sessions), 1))
            self.progress.setValue(done)
            self.done_label.setText(label)
            self.progress.setToolTip(f"{label}: sessions marked done this week")
            self.progress.setAccessibleName(f"Sessions done: {label}")

    def _picked(self, qdate: QDate) -> None:
        if not self._updating:
            self.dateChosen.emit(dt.date(qdate.year(), qdate.month(), qdate.day()))
