"""The import preview as a table: one row per activity or workout, what it will do to the plan,
and (editable) which planned session it fills in. The preview value (services/activity_import.py)
is the truth; the model only shows it and hands the user's choice back as `with_match`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from planner.domain.activity_match import Decision, Outcome
from planner.domain.enums import Units
from planner.domain.session import Session
from planner.services.activity_import import Preview
from planner.words.quantities import format_distance

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Date", "Time", "Activity", "Duration", "Distance", "Heart rate", "File", "In the plan")
PLAN_COLUMN = COLUMNS.index("In the plan")
OPTIONS_ROLE = Qt.ItemDataRole.UserRole + 1  # the choices for the plan column: list of labels
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's Outcome
NEW_SESSION = "New session"


def _sets(s: Session) -> str:
    exercises = s.actual_exercises or s.exercises
    n = sum(len(e.sets) for e in exercises)
    return f"{len(exercises)} exercise{'s' if len(exercises) != 1 else ''}, {n} set{'s' if n != 1 else ''}"


def plan_label(d: Decision) -> str:
    if d.outcome is Outcome.ALREADY:
        return "Already in the plan"
    if d.outcome is Outcome.MATCHED and d.target is not None:
        return f"Fills in '{d.target.title}'"
    return NEW_SESSION


def option_label(target: Session) -> str:
    when = f" at {target.time:%H:%M}" if target.time else ""
    return f"Fill in '{target.title}'{when} ({target.duration_min} min)"


class ActivityPreviewModel(QAbstractTableModel):
    previewChanged = Signal(object)  # Preview

    def __init__(self, preview: Preview, imperial: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self._imperial = imperial

    @property
    def preview(self) -> Preview:
        return self._preview

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._preview.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        d = self._preview.rows[index.row()]
        if index.column() == PLAN_COLUMN and d.outcome is not Outcome.ALREADY and d.candidates:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def options(self, row: int) -> list[str]:
        d = self._preview.rows[row]
        return [NEW_SESSION, *(option_label(c) for c in d.candidates)]

    def _current_option(self, d: Decision) -> int:
        if d.outcome is Outcome.MATCHED and d.target is not None:
            ids = [c.id for c in d.candidates]
            return ids.index(d.target.id) + 1 if d.target.id in ids else 0
        return 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._preview.rows):
            return None
        d = self._preview.rows[index.row()]
        s = d.incoming.session
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(d, s, col)
        if role == Qt.ItemDataRole.EditRole and col == PLAN_COLUMN:
            return self._current_option(d)
        if role == OPTIONS_ROLE and col == PLAN_COLUMN:
            return self.options(index.row())
        if role == OUTCOME_ROLE:
            return d.outcome.value
        if role == Qt.ItemDataRole.ToolTipRole and col == PLAN_COLUMN and d.candidates \
                and d.outcome is not Outcome.ALREADY:
            return "Double-click to choose which planned session this fills in, or add it as a new session"
        if role == Qt.ItemDataRole.ForegroundRole and d.outcome is Outcome.ALREADY:
            return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and col == PLAN_COLUMN and d.outcome is Outcome.MATCHED:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, d: Decision, s: Session, col: int) -> str:
        if col == 0:
            return f"{s.date:%a %d %b %Y}"
        if col == 1:
            return f"{s.time:%H:%M}" if s.time else ""
        if col == 2:
            return f"{s.title} ({_sets(s)})" if s.exercises or s.actual_exercises else s.title
        if col == 3:
            return f"{s.actual_duration_min} min" if s.actual_duration_min else ""
        if col == 4:
            return format_distance(s.actual_distance_km, Units.IMPERIAL if self._imperial else Units.METRIC)
        if col == 5:
            if s.avg_hr and s.max_hr:
                return f"{s.avg_hr} / {s.max_hr} bpm"
            return f"{s.avg_hr or s.max_hr} bpm" if (s.avg_hr or s.max_hr) else ""
        if col == 6:
            return d.incoming.source
        return plan_label(d)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != PLAN_COLUMN:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        d = self._preview.rows[index.row()]
        if not isinstance(value, int) or not 0 <= value <= len(d.candidates):
            return False
        target = d.candidates[value - 1] if value else None
        self._preview = self._preview.with_match(index.row(), target)
        top, bottom = self.index(0, PLAN_COLUMN), self.index(self.rowCount() - 1, PLAN_COLUMN)
        self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.previewChanged.emit(self._preview)
        return True

    def set_preview(self, preview: Preview) -> None:
        """A new preview with the same rows (an exercise mapped): nothing on screen moves."""
        self._preview = preview
        self.previewChanged.emit(preview)
