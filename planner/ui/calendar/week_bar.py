"""Above the calendar: the week's dates and number, previous / today / next, a date picker,
and the strip of week totals (sessions, running km and time, lifting tonnage, planned vs done)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QProgressBar, QToolButton, QVBoxLayout, QWidget

from planner.domain.enums import Units
from planner.domain.session import Session
from planner.domain.totals import week_totals
from planner.domain.units import format_distance
from planner.domain.weeks import DATE_MAX, DATE_MIN
from planner.models.session_text import duration_text, tonnage_text


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
            buttons.append(b)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for b in buttons:
            top.addWidget(b)
        top.addSpacing(8)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(QLabel("Go to:"))
        top.addWidget(self.picker)

        self.totals = QLabel()
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.setToolTip("Sessions done this week")
        strip = QHBoxLayout()
        strip.setContentsMargins(0, 0, 0, 0)
        strip.addWidget(self.totals, 1)
        strip.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(strip)
        self._updating = False

    def show_week(self, first: dt.date, sessions: list[Session], units: Units) -> None:
        last = first + dt.timedelta(days=6)
        span = f"{first.day} {first:%b}" if first.month != last.month else f"{first.day}"
        self.title.setText(f"Week {first.isocalendar().week} · {span}–{last.day} {last:%B %Y}")
        self.title.setAccessibleName(self.title.text())
        self._updating = True
        self.picker.setDate(QDate(first.year, first.month, first.day))
        self._updating = False
        t = week_totals(sessions)
        parts = [f"<b>{t.sessions}</b> session{'s' if t.sessions != 1 else ''}"]
        parts.append(f"Running <b>{format_distance(t.run_km, units) or '0 km'}</b> in {duration_text(t.run_min)}"
                     if t.run_sessions else "No running")
        parts.append(f"Lifting <b>{tonnage_text(t.lift_tonnage_kg, units)}</b> in {duration_text(t.lift_min)}"
                     if t.lift_sessions else "No lifting")
        parts.append(f"Done <b>{t.done}</b> of {t.sessions}" + (f" · {t.skipped} skipped" if t.skipped else ""))
        self.totals.setText(" &nbsp;·&nbsp; ".join(parts))
        self.progress.setMaximum(max(t.sessions, 1))
        self.progress.setValue(t.done)
        self.progress.setToolTip(f"{t.done} of {t.sessions} sessions done")

    def _picked(self, qdate: QDate) -> None:
        if not self._updating:
            self.dateChosen.emit(dt.date(qdate.year(), qdate.month(), qdate.day()))
