"""Fuelling around the day's sessions: before, during and after each one, in the day's order.

The rows are a pool of labels that is filled in, shown and hidden, never rebuilt: creating and
polishing new widgets on every day switch cost about 15 ms, refilling them costs little.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from planner.domain.enums import Kind
from planner.domain.fuelling import Phase, SessionFuel
from planner.ui import theme
from planner.ui.nutrition import text

PHASE_WORDS = {Phase.BEFORE: "Before", Phase.DURING: "During", Phase.AFTER: "After"}
NO_SESSION = "No session today: nothing to fuel around. Spread the protein over the meals above."
#: A day may hold 10,001 sessions; drawing a row per step of each froze the window for minutes
#: (issue 19). The first ones are listed, and a line says how many more there are.
MAX_SESSIONS_SHOWN = 20


@dataclass(frozen=True)
class _Row:
    role: str  # "session", "step" or "note"
    badge: str
    words: str
    tooltip: str = ""


def more_words(more: int) -> str:
    if more <= 0:
        return ""
    return f"+ {more:,} more session{'s' if more != 1 else ''} this day (not listed)"


def rows_for(fuel: tuple[SessionFuel, ...]) -> list[_Row]:
    if not fuel:
        return [_Row("note", "", NO_SESSION)]
    rows: list[_Row] = []
    for f in fuel:
        color = theme.KIND_COLORS[f.kind]
        when = f"{f.start:%H:%M} " if f.start else ""
        rows.append(_Row("session", f"<span style='color:{color}'>\u25cf</span>",
                         f"<b>{html.escape(when + f.title)}</b> \u00b7 {f.minutes} min \u00b7 {f.intensity.value}"))
        if not f.steps:
            words = "Rest day" if f.kind is Kind.REST else "Light session: no extra fuelling needed"
            rows.append(_Row("note", "", words))
        for phase in Phase:
            for i, step in enumerate(f.phase(phase)):
                tooltip = text.tip(f"{PHASE_WORDS[phase]} {f.title}", html.escape(step.text), step.source)
                rows.append(_Row("step", PHASE_WORDS[phase] if i == 0 else "", step.text, tooltip))
    return rows


class FuelTimeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nutrition_timeline")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnMinimumWidth(0, self.fontMetrics().horizontalAdvance("During") + 4)
        self._pool: list[tuple[QLabel, QLabel]] = []
        self._shown: tuple[tuple[SessionFuel, ...], int] | None = None
        self._used = 0
        self._more = ""

    def set_sessions(self, fuel: tuple[SessionFuel, ...], not_advised: int = 0) -> None:
        """`fuel` for the sessions to list; `not_advised` more were left out before any advice was
        worded (a day of thousands of sessions), and are counted in the line about the rest."""
        if (fuel, not_advised) == self._shown:
            return
        self._shown = (fuel, not_advised)
        rows = rows_for(fuel[:MAX_SESSIONS_SHOWN])
        more = max(0, len(fuel) - MAX_SESSIONS_SHOWN) + not_advised
        self._more = more_words(more)
        if self._more:
            rows.append(_Row("note", "", self._more))
        while len(self._pool) < len(rows):
            self._pool.append(self._new_row(len(self._pool)))
        for (badge, label), row in zip(self._pool, rows, strict=False):
            _fill(badge, label, row)
        for badge, label in self._pool[len(rows):]:
            badge.hide()
            label.hide()
        self._used = len(rows)

    def more_text(self) -> str:
        """The line about sessions not listed ("+ 980 more sessions this day (not listed)"), or ""."""
        return self._more

    def step_labels(self) -> list[QLabel]:
        """Every step's text label, in order (tests read these)."""
        return [label for _, label in self._pool[: self._used] if label.objectName() == "step"]

    def headers(self) -> list[str]:
        return [label.text() for _, label in self._pool[: self._used] if label.objectName() == "session"]

    def _new_row(self, r: int) -> tuple[QLabel, QLabel]:
        badge = QLabel(self)
        badge.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label = QLabel(self)
        label.setWordWrap(True)
        self._grid.addWidget(badge, r, 0)
        self._grid.addWidget(label, r, 1)
        return badge, label


def _fill(badge: QLabel, label: QLabel, row: _Row) -> None:
    """Set only what differs: each setter on a shown label may relayout or repaint it."""
    session = row.role == "session"
    rich = Qt.TextFormat.RichText if session else Qt.TextFormat.PlainText
    top = 6 if session else 0
    for widget, name, words, enabled in ((badge, "dot" if session else "phase", row.badge, session),
                                         (label, row.role, row.words, row.role != "note")):
        if widget.objectName() != name:
            widget.setObjectName(name)
        if widget.textFormat() != rich:
            widget.setTextFormat(rich)
        if widget.isEnabled() != enabled:
            widget.setEnabled(enabled)
        if widget.text() != words:
            widget.setText(words)
        if widget.contentsMargins().top() != top:
            widget.setContentsMargins(0, top, 0, 0)
        if widget.isHidden():
            widget.show()
    if label.toolTip() != row.tooltip:
        label.setToolTip(row.tooltip)
