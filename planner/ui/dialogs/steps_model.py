"""A structured run's steps as a two-level item model: steps and repeats, a repeat's steps under it.

The list of domain items (planner/domain/steps.py) is the truth; the model only shows it and turns
an edit into a new list. A typed length or target goes through the words' reader (the same one as
the plan CSV's `steps` column); one it cannot read is refused, the old value stays and `problem`
says why, so the list always holds valid steps.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.steps import (
    Duration,
    Item,
    Repeat,
    Step,
    StepIntensity,
    Target,
    Until,
    check_steps,
)
from planner.models.two_level import ROOT, Index, TwoLevelModel
from planner.words.steps import (
    INTENSITY_WORDS,
    duration_compact,
    duration_words,
    parse_duration,
    parse_target,
    target_compact,
    target_words,
)

COLUMNS = ("Step", "Length", "Target")
STEP, LENGTH, TARGET = range(3)
NEW_STEP = Step(StepIntensity.ACTIVE, Duration(Until.TIME, 300))
NEW_REPEAT = Repeat(4, (Step(StepIntensity.ACTIVE, Duration(Until.DISTANCE, 400)),
                        Step(StepIntensity.RECOVERY, Duration(Until.TIME, 90), Target(word="jog"))))


class StepsModel(TwoLevelModel):
    """Rows: the steps and repeats in order; a repeat's steps are its children. `edited` is
    emitted after every change, `problem` when a typed value is refused."""

    edited = Signal()
    problem = Signal(str)

    def __init__(self, items: tuple[Item, ...], units: Units, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Item] = list(items)
        self._units = units

    # --- the list
    def items(self) -> tuple[Item, ...]:
        return tuple(self._items)

    def set_items(self, items: tuple[Item, ...]) -> None:
        self.beginResetModel()
        self._items = list(check_steps(items))
        self.endResetModel()
        self.edited.emit()

    def item(self, index: Index) -> Item | Step | None:
        """The step or repeat at `index` (a child index gives the step inside the repeat)."""
        if not index.isValid():
            return None
        parent = index.internalId()
        if parent:
            repeat = self._items[parent - 1]
            assert isinstance(repeat, Repeat)
            return repeat.steps[index.row()]
        return self._items[index.row()]

    # --- Qt's model interface (two levels: planner/models/two_level.py; three columns here)
    def group_count(self) -> int:
        return len(self._items)

    def leaf_count(self, group: int) -> int:
        item = self._items[group]
        return len(item.steps) if isinstance(item, Repeat) else 0

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        base = super().index(row, 0, parent) if 0 <= column < len(COLUMNS) else QModelIndex()
        return self.createIndex(row, column, base.internalId()) if base.isValid() else QModelIndex()

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if isinstance(self.item(index), Repeat) and index.column() != STEP:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index)
        if item is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(item, Repeat):
                return f"Repeat {item.times} ×" if col == STEP else ""
            if col == STEP:
                return INTENSITY_WORDS[item.intensity]
            if col == LENGTH:
                return duration_words(item.duration, self._units)
            return target_words(item.target, self._units) or "open"
        if role == Qt.ItemDataRole.EditRole:
            if isinstance(item, Repeat):
                return item.times if col == STEP else None
            if col == STEP:
                return item.intensity.value
            if col == LENGTH:
                return duration_compact(item.duration)
            return target_compact(item.target, self._units)
        if role == Qt.ItemDataRole.ToolTipRole and not isinstance(item, Repeat):
            return {STEP: "Warm-up, run, recovery, rest or cool-down",
                    LENGTH: "A time (90s, 15min), a distance (800m, 5km, 1mi) or lap (until the lap button)",
                    TARGET: "A pace (4:15/km, 4:10-4:20/km), a heart-rate zone (Z2) or range (140-150bpm), "
                            "or a word (easy, jog) for an open target"}[col]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item(index)
        if role != Qt.ItemDataRole.EditRole or item is None:
            return False
        try:
            new = self._changed(item, index.column(), value)
        except ValidationError as exc:
            self.problem.emit(f"{exc.field.capitalize()}: {exc.message}")
            return False
        self._put(index, new)
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(TARGET))
        self.edited.emit()
        return True

    def _changed(self, item: Item, column: int, value: Any) -> Item:
        if isinstance(item, Repeat):
            return Repeat(int(value), item.steps)
        if column == STEP:
            return Step(StepIntensity(value), item.duration, item.target)
        if column == LENGTH:
            return Step(item.intensity, parse_duration(str(value)), item.target)
        return Step(item.intensity, item.duration, parse_target(str(value)))

    def _put(self, index: Index, new: Item) -> None:
        parent = index.internalId()
        if parent:
            repeat = self._items[parent - 1]
            assert isinstance(repeat, Repeat) and isinstance(new, Step)
            steps = list(repeat.steps)
            steps[index.row()] = new
            self._items[parent - 1] = Repeat(repeat.times, tuple(steps))
        else:
            self._items[index.row()] = new

    # --- the editor's buttons; each returns where the changed row now is
    def _restructure(self, items: list[Item]) -> bool:
        try:
            checked = check_steps(tuple(items))
        except ValidationError as exc:
            self.problem.emit(exc.message[0].upper() + exc.message[1:])
            return False
        self.beginResetModel()
        self._items = list(checked)
        self.endResetModel()
        self.edited.emit()
        return True

    def add_step(self, after: Index) -> QModelIndex:
        """A new step after the selected one (inside its repeat when it is in one), else at the end."""
        if after.isValid() and after.internalId():
            top = after.internalId() - 1
            repeat = self._items[top]
            assert isinstance(repeat, Repeat)
            steps = list(repeat.steps)
            steps.insert(after.row() + 1, NEW_STEP)
            items = list(self._items)
            items[top] = Repeat(repeat.times, tuple(steps))
            if self._restructure(items):
                return self.index(after.row() + 1, 0, self.index(top, 0))
            return QModelIndex()
        row = after.row() + 1 if after.isValid() else len(self._items)
        if self._restructure([*self._items[:row], NEW_STEP, *self._items[row:]]):
            return self.index(row, 0)
        return QModelIndex()

    def add_repeat(self, after: Index) -> QModelIndex:
        """A repeat after the selected top-level row: 4 x (400 m, 90 s jog) to edit."""
        row = self._top_row(after) + 1 if after.isValid() else len(self._items)
        if self._restructure([*self._items[:row], NEW_REPEAT, *self._items[row:]]):
            return self.index(row, 0)
        return QModelIndex()

    def remove(self, index: Index) -> QModelIndex:
        """Take away a step or a whole repeat; a repeat's last step takes the repeat with it."""
        if not index.isValid():
            return QModelIndex()
        items = list(self._items)
        if index.internalId():
            top = index.internalId() - 1
            repeat = items[top]
            assert isinstance(repeat, Repeat)
            steps = [s for i, s in enumerate(repeat.steps) if i != index.row()]
            if steps:
                items[top] = Repeat(repeat.times, tuple(steps))
            else:
                del items[top]
        else:
            del items[index.row()]
        self._restructure(items)
        return QModelIndex()

    def move(self, index: Index, delta: int) -> QModelIndex:
        """Move a row up (-1) or down (+1) among its siblings."""
        if not index.isValid():
            return QModelIndex()
        row, to = index.row(), index.row() + delta
        if index.internalId():
            top = index.internalId() - 1
            repeat = self._items[top]
            assert isinstance(repeat, Repeat)
            if not 0 <= to < len(repeat.steps):
                return QModelIndex(index)
            steps = list(repeat.steps)
            steps[row], steps[to] = steps[to], steps[row]
            items = list(self._items)
            items[top] = Repeat(repeat.times, tuple(steps))
            self._restructure(items)
            return self.index(to, 0, self.index(top, 0))
        if not 0 <= to < len(self._items):
            return QModelIndex(index)
        items = list(self._items)
        items[row], items[to] = items[to], items[row]
        self._restructure(items)
        return self.index(to, 0)

    def _top_row(self, index: Index) -> int:
        return index.internalId() - 1 if index.internalId() else index.row()

