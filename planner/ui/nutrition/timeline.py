"""Fuelling around the day's sessions: before, during and after each one, in the day's order."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from planner.domain.enums import Kind
from planner.domain.fuelling import Phase, SessionFuel
from planner.ui import theme
from planner.ui.nutrition import text

PHASE_WORDS = {Phase.BEFORE: "Before", Phase.DURING: "During", Phase.AFTER: "After"}


class FuelTimeline(QWidget):
    """Rebuilt on each refresh: a day has a handful of sessions, so a few labels at most."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nutrition_timeline")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._blocks: list[QWidget] = []

    def set_sessions(self, fuel: tuple[SessionFuel, ...]) -> None:
        for block in self._blocks:
            self._layout.removeWidget(block)
            block.deleteLater()
        self._blocks = []
        if not fuel:
            self._add(_note("No session today: nothing to fuel around. Spread the protein over "
                            "the meals above."))
        for f in fuel:
            self._add(_session_block(f, self))

    def step_labels(self) -> list[QLabel]:
        """Every step's text label, in order (tests read these)."""
        return [w for b in self._blocks for w in b.findChildren(QLabel) if w.objectName() == "step"]

    def headers(self) -> list[str]:
        return [w.text() for b in self._blocks for w in b.findChildren(QLabel) if w.objectName() == "session"]

    def _add(self, w: QWidget) -> None:
        self._blocks.append(w)
        self._layout.addWidget(w)


def _note(words: str) -> QLabel:
    label = QLabel(words)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label


def _session_block(f: SessionFuel, parent: QWidget) -> QWidget:
    block = QWidget(parent)
    grid = QGridLayout(block)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(8)
    grid.setVerticalSpacing(2)
    color = theme.KIND_COLORS[f.kind]
    when = f"{f.start:%H:%M} " if f.start else ""
    head = QLabel(f"<span style='color:{color}'>\u25cf</span> <b>{html.escape(when + f.title)}</b>"
                  f" \u00b7 {f.minutes} min \u00b7 {f.intensity.value}", block)
    head.setObjectName("session")
    head.setTextFormat(Qt.TextFormat.RichText)
    grid.addWidget(head, 0, 0, 1, 2)
    row = 1
    if not f.steps:
        words = "Rest day" if f.kind is Kind.REST else "Light session: no extra fuelling needed"
        grid.addWidget(_note(words), row, 1)
        return block
    for phase in Phase:
        for i, step in enumerate(f.phase(phase)):
            if i == 0:
                badge = QLabel(PHASE_WORDS[phase], block)
                badge.setObjectName("phase")
                badge.setEnabled(False)
                badge.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(badge, row, 0)
            label = QLabel(step.text, block)
            label.setObjectName("step")
            label.setWordWrap(True)
            label.setToolTip(text.tip(f"{PHASE_WORDS[phase]} {f.title}", html.escape(step.text), step.source))
            grid.addWidget(label, row, 1)
            row += 1
    grid.setColumnStretch(1, 1)
    grid.setColumnMinimumWidth(0, block.fontMetrics().horizontalAdvance("During") + 4)
    return block
