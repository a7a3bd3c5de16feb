"""The nutrition dock: the selected day's fuel and fluid targets, fuelling around its sessions,
the week at a glance and an optional log of what was taken.

It reads the store through `planner.services.nutrition_week` and writes the log through
`planner.services.nutrition_log` (or through `write_intake`, the window's undoable version).
Hidden, a change only marks it stale; it recomputes when shown again.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QGridLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain import nutrition_sources as src
from planner.domain.energy import logged_kcal
from planner.domain.enums import Kind, Units
from planner.domain.nutrition import DayTargets
from planner.domain.profile import NutritionLog
from planner.domain.ranges import Range
from planner.domain.weeks import week_start
from planner.services import nutrition_log
from planner.services.data_file import Store
from planner.services.nutrition_week import WeekNutrition, week_nutrition
from planner.ui.dialogs.fields import header_font
from planner.ui.nutrition import text
from planner.ui.nutrition.log_form import IntakeForm
from planner.ui.nutrition.timeline import MAX_SESSIONS_SHOWN, FuelTimeline
from planner.ui.nutrition.week_strip import LEVELS, DayBar, WeekStrip, level
from planner.ui.reflow import FlowLayout, ReflowScrollArea
from planner.words.numbers import format_number

WriteIntake = Callable[[dt.date, NutritionLog | None], None]
ROWS = ("carbohydrate", "protein", "fat", "energy", "fluid")
ROW_WORDS = {"carbohydrate": "Carbohydrate", "protein": "Protein", "fat": "Fat", "energy": "Energy",
             "fluid": "Fluid"}


class NutritionDock(QDockWidget):
    daySelected = Signal(object)  # dt.date: a day clicked in the week strip

    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 write_intake: WriteIntake | None = None, today: dt.date | None = None) -> None:
        super().__init__("Nutrition", parent)
        self.setObjectName("NutritionDock")
        self._store = store
        self._write = write_intake
        self._day = today or dt.date.today()
        profile = store.profile.get()
        self._first = week_start(self._day, profile.week_start)
        self._week: WeekNutrition | None = None
        self._stale = True
        self.refresh_count = 0  # how many recomputations ran (tests: hidden costs nothing)
        self._build()

    # --- the pane contract
    def set_day(self, day: dt.date) -> None:
        """Follow the calendar's current day (a day of another week moves the week too)."""
        if day == self._day and self._week is not None and not self._stale:
            return
        self._day = day
        profile = self._week.profile if self._week else self._store.profile.get()
        first = week_start(day, profile.week_start)
        if first != self._first or self._week is None:
            self._first = first
            self._recompute()
        else:
            self._show_day()

    def set_week(self, first_day: dt.date) -> None:
        if first_day == self._first and self._week is not None and not self._stale:
            return
        self._first = first_day
        if not self._first <= self._day <= self._first + dt.timedelta(days=6):
            self._day = first_day
        self._recompute()

    def refresh(self, changes: Any) -> None:
        """Recompute when `changes` touches the shown week (or the day after it: the 8-hour
        refuelling rule), the profile or the logs."""
        if not self._touches(changes):
            return
        self._recompute()

    def current_day(self) -> dt.date:
        return self._day

    def week(self) -> WeekNutrition | None:
        return self._week

    def targets(self) -> DayTargets | None:
        return self._week.day(self._day) if self._week else None

    # --- what changes matter
    def _touches(self, changes: Any) -> bool:
        if getattr(changes, "everything", False) or getattr(changes, "profile", False):
            return True
        if getattr(changes, "logs", False):
            return True
        last = self._first + dt.timedelta(days=7)
        return any(self._first <= d <= last for d in getattr(changes, "dates", ()))

    def _recompute(self) -> None:
        if not self.isVisible() and self._week is not None:
            self._stale = True
            return
        self._stale = False
        self.refresh_count += 1
        # Advice for the sessions the timeline lists; the day's numbers count every session.
        self._week = week_nutrition(self._store, self._first, fuel_limit=MAX_SESSIONS_SHOWN)
        self._show_week()
        self._show_day()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._recompute()

    # --- building
    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)

        self.day_title = QLabel(body)
        self.day_title.setObjectName("day_title")
        self.day_title.setFont(header_font(self.day_title))
        self.day_title.setWordWrap(True)  # a narrow dock wraps the date, never cuts it
        self.day_band = QLabel(body)
        self.day_band.setObjectName("day_band")
        self.day_band.setWordWrap(True)
        self.day_training = QLabel(body)
        self.day_training.setObjectName("day_training")
        self.day_training.setWordWrap(True)
        layout.addWidget(self.day_title)
        layout.addWidget(self.day_band)
        layout.addWidget(self.day_training)

        layout.addWidget(self._targets_grid(body))
        self.meals = QLabel(body)
        self.meals.setObjectName("meals")
        self.meals.setWordWrap(True)
        layout.addWidget(self.meals)
        self.low_energy = QLabel(body)
        self.low_energy.setObjectName("low_energy")
        self.low_energy.setWordWrap(True)
        self.low_energy.setFrameShape(QFrame.Shape.StyledPanel)
        self.low_energy.setContentsMargins(6, 4, 6, 4)
        self.low_energy.setToolTip(text.tip("Low energy availability", "Shown when the logged "
                                            "intake of at least 5 days this week averages under 70 % "
                                            "of the estimate's low end (an app convention).",
                                            src.MOUNTJOY_2023))
        self.low_energy.hide()
        layout.addWidget(self.low_energy)

        # The week sits above the timeline: a day's timeline changes height, and what lies below
        # it is laid out and painted again.
        layout.addWidget(_section("This week: carbohydrate", body))
        self.week_strip = WeekStrip(body)
        self.week_strip.daySelected.connect(self._strip_clicked)
        layout.addWidget(self.week_strip)
        layout.addWidget(_legend(body))

        layout.addWidget(_section("Around the sessions", body))
        self.timeline = FuelTimeline(body)
        layout.addWidget(self.timeline)

        self.log_toggle = QToolButton(body)
        self.log_toggle.setObjectName("log_toggle")
        self.log_toggle.setText("Log what you ate and drank")
        self.log_toggle.setCheckable(True)
        self.log_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.log_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.log_toggle.setAutoRaise(True)
        self.log_toggle.toggled.connect(self._toggle_log)
        layout.addWidget(self.log_toggle)
        self.log_form = IntakeForm(body)
        self.log_form.saveRequested.connect(self._save_intake)
        self.log_form.hide()
        layout.addWidget(self.log_form)
        layout.addStretch(1)

        scroll = ReflowScrollArea(self)  # never so narrow that a word is cut off
        scroll.setWidget(body)
        self.setWidget(scroll)

    def _targets_grid(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(6)  # four columns in a dock of about 250 px
        grid.setVerticalSpacing(3)
        bold = QFont(box.font())
        bold.setBold(True)
        self.logged_header = QLabel("Logged", box)
        self.logged_header.setEnabled(False)
        grid.addWidget(self.logged_header, 0, 3, Qt.AlignmentFlag.AlignLeft)
        target_header = QLabel("Target", box)
        target_header.setEnabled(False)
        grid.addWidget(target_header, 0, 1, Qt.AlignmentFlag.AlignLeft)
        self.value_labels: dict[str, QLabel] = {}
        self.note_labels: dict[str, QLabel] = {}
        self.actual_labels: dict[str, QLabel] = {}
        for r, key in enumerate(ROWS, start=1):
            name = QLabel(ROW_WORDS[key], box)
            value = QLabel(box)
            value.setObjectName(f"{key}_value")
            value.setFont(bold)
            note = QLabel(box)
            note.setObjectName(f"{key}_note")
            actual = QLabel(box)
            actual.setObjectName(f"{key}_actual")
            for label in (name, value, note, actual):  # a narrow dock wraps them, never cuts them
                label.setWordWrap(True)
            grid.addWidget(name, r, 0)
            grid.addWidget(value, r, 1)
            grid.addWidget(note, r, 2)
            grid.addWidget(actual, r, 3)
            self.value_labels[key], self.note_labels[key], self.actual_labels[key] = value, note, actual
        self.expenditure = QLabel(box)
        self.expenditure.setObjectName("expenditure")
        self.expenditure.setEnabled(False)
        self.expenditure.setWordWrap(True)
        grid.addWidget(self.expenditure, len(ROWS) + 1, 1, 1, 3)
        grid.setColumnStretch(3, 1)
        return box

    # --- showing
    def _units(self) -> Units:
        return self._week.profile.units if self._week else Units.METRIC

    def _show_week(self) -> None:
        assert self._week is not None
        bars = []
        for t in self._week.days:
            log = self._week.logs.get(t.date)
            actual = None if log is None or log.carb_g is None else log.carb_g / t.body_mass_kg
            word, _ = level(t.band.g_per_kg.lo)
            tooltip = text.tip(
                f"{t.date:%A %d %B}: {word.lower()} carbohydrate",
                f"{text.per_kg(t.band.g_per_kg)} ({text.grams(t.carbohydrate_g)}): "
                f"{t.band.label.lower()}: {html.escape(t.reason)}."
                + ("" if actual is None else f"<br>Logged: {format_number(actual, 1)} g/kg."),
                src.THOMAS_2016)
            bars.append(DayBar(t.date, t.band.g_per_kg.lo, t.band.g_per_kg.hi, actual, tooltip))
        self.week_strip.set_bars(bars, self._day)
        _set(self.low_energy, f"\u26a0 {self._week.low_energy}" if self._week.low_energy else "")
        self.low_energy.setVisible(self._week.low_energy is not None)

    def _show_day(self) -> None:
        t = self.targets()
        if t is None or self._week is None:
            return
        units = self._units()
        self.week_strip.set_bars(self.week_strip.bars(), self._day)
        _set(self.day_title, f"{t.date:%A} {t.date.day} {t.date:%B}")
        word, color = level(t.band.g_per_kg.lo)
        _set(self.day_band, f"<span style='color:{color}'>\u25a0</span> {t.band.label}")
        _tip(self.day_band, text.carbohydrate_tip(t))
        _set(self.day_training, _training_words(t))

        values = {
            "carbohydrate": (text.grams(t.carbohydrate_g), text.per_kg(t.carbohydrate_g_per_kg),
                             text.carbohydrate_tip(t)),
            "protein": (text.grams(t.protein_g), text.per_kg(t.protein_g_per_kg), text.protein_tip(t)),
            "fat": ("\u2014" if t.fat_g is None else text.grams(t.fat_g), "20\u201335 % kcal", text.fat_tip(t)),
            "energy": (text.energy_value(t), "", text.energy_tip(t)),
            "fluid": (text.fluid(t.fluid_l, units), "estimate", text.fluid_tip(t, units)),
        }
        for key, (value, note, tooltip) in values.items():
            for label in (self.value_labels[key], self.note_labels[key]):
                _tip(label, tooltip)
            _set(self.value_labels[key], value)
            _set(self.note_labels[key], note)
        _set(self.expenditure, text.expenditure_words(t))
        _tip(self.expenditure, text.energy_tip(t))
        m = t.meals
        _set(self.meals, f"Protein over the day: {m.meals}\u2013{m.meals_high} meals of about "
                         f"{m.grams:.0f} g ({format_number(m.g_per_kg, 1)} g/kg)")
        _tip(self.meals, text.meals_tip(t))
        self._show_actuals(t, self._week.logs.get(t.date), units)
        self.timeline.set_sessions(tuple(f for f in t.sessions if f.kind is not Kind.REST), t.sessions_not_advised)
        self.log_form.set_log(t.date, self._week.logs.get(t.date), units)

    def _show_actuals(self, t: DayTargets, log: NutritionLog | None, units: Units) -> None:
        pairs = {
            "carbohydrate": (None if log is None else log.carb_g, t.carbohydrate_g),
            "protein": (None if log is None else log.protein_g, t.protein_g),
            "fat": (None if log is None else log.fat_g, t.fat_g),
            "fluid": (None if log is None else log.fluid_l, t.fluid_l),
        }
        self.logged_header.setVisible(log is not None)
        for key, (value, target) in pairs.items():
            label = self.actual_labels[key]
            if value is None:
                _set(label, "\u2014" if log is not None else "")
                _tip(label, "")
                continue
            shown = text.fluid(Range(value, value), units) if key == "fluid" else f"{value:.0f} g"
            if target is None:  # no fat target without an energy figure
                _set(label, shown)
                _tip(label, f"Logged {shown}.")
                continue
            if value < target.lo:
                mark, where = "\u25bc", "below the target"
            elif value > target.hi:
                mark, where = "\u25b2", "above the target"
            else:
                mark, where = "\u2713", "within the target"
            _set(label, f"{shown} {mark}")
            _tip(label, f"Logged {shown}: {where}.")
        kcal_label = self.actual_labels["energy"]
        eaten = None if log is None else logged_kcal(log)
        _set(kcal_label, "" if eaten is None else f"{eaten:,.0f} kcal")
        _tip(kcal_label, "" if eaten is None else "4 \u00d7 carbohydrate + 4 \u00d7 protein + 9 \u00d7 fat, "
             "from what you logged.")

    # --- events
    def _strip_clicked(self, day: dt.date) -> None:
        self.set_day(day)
        self.daySelected.emit(day)

    def _toggle_log(self, on: bool) -> None:
        self.log_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.log_form.setVisible(on)

    def _save_intake(self, day: dt.date, log: NutritionLog | None) -> None:
        if self._write is not None:
            self._write(day, log)  # the window's undoable path; its broadcast calls refresh()
            return
        nutrition_log.set_intake(self._store, day, log)
        self._recompute()


def _set(label: QLabel, words: str, tooltip: str | None = None) -> None:
    """Change a label only when its text differs: an unchanged label costs no relayout."""
    if label.text() != words:
        label.setText(words)
    if tooltip is not None and label.toolTip() != tooltip:
        label.setToolTip(tooltip)


def _tip(widget: QLabel, tooltip: str) -> None:
    if widget.toolTip() != tooltip:
        widget.setToolTip(tooltip)


def _training_words(t: DayTargets) -> str:
    parts = [f"{f.title} {f.minutes} min" for f in t.sessions if f.kind is not Kind.REST]
    if t.sessions_not_advised:
        parts.append(f"{t.sessions_not_advised:,} more")
    if not parts:
        return "No training: a rest day."
    if not t.training_min:
        return "No training counted (" + ", ".join(parts) + " is light activity)."
    return f"{t.training_min} min of training ({t.weighted_min:.0f} weighted): " + ", ".join(parts)


def _section(words: str, parent: QWidget) -> QLabel:
    label = QLabel(words, parent)
    f = QFont(label.font())
    f.setBold(True)
    label.setFont(f)
    label.setContentsMargins(0, 8, 0, 0)
    return label


def _legend(parent: QWidget) -> QWidget:
    box = QWidget(parent)
    row = FlowLayout(box, spacing=10)  # wraps in a narrow dock instead of being cut
    for _floor, word, color in reversed(LEVELS):
        label = QLabel(f"<span style='color:{color}'>\u25a0</span> {word}", box)
        label.setEnabled(False)
        row.addWidget(label)
    mark = QLabel("\u2014 logged", box)
    mark.setEnabled(False)
    mark.setToolTip("The line across a bar is the carbohydrate you logged that day, in g/kg.")
    row.addWidget(mark)
    return box
