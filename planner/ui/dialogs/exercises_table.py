"""The lift part of the session editor: an exercises table over a sets table for the selected one.

Two tables instead of a tree: a lift rarely has more than eight exercises, and editing sets in
their own grid with fixed columns (reps, load, RPE, RIR, warm-up) is quicker by keyboard than a
tree with mixed rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain import units as u
from planner.domain.enums import Units
from planner.domain.session import Exercise, WorkSet
from planner.ui.dialogs.exercises_model import (
    Catalog,
    ExerciseDraft,
    ExercisesModel,
    SetDraft,
    SetsModel,
)
from planner.ui.dialogs.fields import collect_errors, error_label

_SET_COLUMNS = {
    "reps": SetsModel.REPS,
    "load_kg": SetsModel.LOAD,
    "set rpe": SetsModel.RPE,
    "rir": SetsModel.RIR,
}
_SET_WORDS = {"reps": "reps", "load_kg": "load", "set rpe": "RPE", "rir": "RIR"}
_EXERCISE_COLUMNS = {
    "exercise name": ExercisesModel.NAME,
    "muscle": ExercisesModel.MUSCLES,
    "sets": ExercisesModel.SETS,
}
#: How many problems the tab lists under the tables; the rest are counted.
_SHOWN_PROBLEMS = 3


class ExerciseNameDelegate(QStyledItemDelegate):
    """Edits an exercise name with an editable combo of the catalog and a contains-completer.

    Free text stays allowed: a catalog cannot know every variation a coach uses.
    """

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("exercise_name_editor")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(14)
        for name in sorted(self._catalog, key=str.lower):
            combo.addItem(name)
            combo.setItemData(
                combo.count() - 1, ", ".join(self._catalog[name]), Qt.ItemDataRole.ToolTipRole
            )
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        if line is not None:
            line.setPlaceholderText("Type to search the catalog")
        combo.activated.connect(lambda _i: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            name = index.data(Qt.ItemDataRole.EditRole) or ""
            editor.setCurrentIndex(editor.findText(name))
            editor.setEditText(name)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


def _button(
    text: str,
    icon: QStyle.StandardPixmap | QIcon.ThemeIcon | None,
    tip: str,
    name: str,
    parent: QWidget,
) -> QPushButton:
    """A push button that never becomes the dialog's default (Enter must accept the dialog).

    Add, remove and copy use the desktop's icon theme, and go without where there is none;
    Qt's own pixmaps have no such icons (its "new folder" would mislead).
    """
    b = QPushButton(text, parent)
    if isinstance(icon, QIcon.ThemeIcon):
        b.setIcon(QIcon.fromTheme(icon))
    elif icon is not None:
        b.setIcon(parent.style().standardIcon(icon))
    b.setToolTip(tip)
    b.setObjectName(name)
    b.setAutoDefault(False)
    return b


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table, like every other field of the dialog
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setHighlightSections(False)
    return view


class ExercisesEditor(QWidget):
    """Exercises (pick, add, remove, reorder) and the sets of the selected one.

    `build()` returns the domain exercises and the problems; `edited` fires after every change.
    """

    edited = Signal()

    def __init__(
        self,
        exercises: Sequence[Exercise],
        *,
        units: Units,
        catalog: Catalog,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._units = units
        drafts = [ExerciseDraft.of(e, units) for e in exercises]
        self.exercises_model = ExercisesModel(drafts, units, catalog, self)
        self.sets_model = SetsModel(units, self)

        # Exercises group
        ex_group = QGroupBox("Exercises", self)
        self.exercises_view = _table(ex_group, "exercises_view")
        self.exercises_view.setModel(self.exercises_model)
        self.exercises_view.setItemDelegateForColumn(
            ExercisesModel.NAME, ExerciseNameDelegate(catalog, self.exercises_view)
        )
        header = self.exercises_view.horizontalHeader()
        header.setSectionResizeMode(ExercisesModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ExercisesModel.MUSCLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ExercisesModel.SETS, QHeaderView.ResizeMode.ResizeToContents)
        self.exercises_view.setMinimumHeight(self._rows_height(self.exercises_view, 4))
        self.add_exercise_button = _button(
            "&Add",
            QIcon.ThemeIcon.ListAdd,
            "Add an exercise after the selected one",
            "add_exercise",
            ex_group,
        )
        self.remove_exercise_button = _button(
            "&Remove",
            QIcon.ThemeIcon.ListRemove,
            "Remove the selected exercise",
            "remove_exercise",
            ex_group,
        )
        self.up_button = _button(
            "Move &up",
            QStyle.StandardPixmap.SP_ArrowUp,
            "Move the selected exercise up (Ctrl+Up)",
            "move_up",
            ex_group,
        )
        self.down_button = _button(
            "Move do&wn",
            QStyle.StandardPixmap.SP_ArrowDown,
            "Move the selected exercise down (Ctrl+Down)",
            "move_down",
            ex_group,
        )
        ex_layout = QHBoxLayout(ex_group)
        ex_layout.addWidget(self.exercises_view, 1)
        ex_buttons = QVBoxLayout()
        for b in (self.add_exercise_button, self.remove_exercise_button):
            ex_buttons.addWidget(b)
        ex_buttons.addSpacing(12)
        for b in (self.up_button, self.down_button):
            ex_buttons.addWidget(b)
        ex_buttons.addStretch(1)
        ex_layout.addLayout(ex_buttons)

        # Sets group
        self.sets_group = QGroupBox("Sets", self)
        self.sets_view = _table(self.sets_group, "sets_view")
        self.sets_view.setModel(self.sets_model)
        sh = self.sets_view.horizontalHeader()
        sh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        sh.setSectionResizeMode(SetsModel.WARMUP, QHeaderView.ResizeMode.ResizeToContents)
        self.sets_view.verticalHeader().setMinimumWidth(28)
        self.sets_view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sets_view.setMinimumHeight(self._rows_height(self.sets_view, 4))
        self.add_set_button = _button(
            "Add &set",
            QIcon.ThemeIcon.ListAdd,
            "Add a set like the last one",
            "add_set",
            self.sets_group,
        )
        self.duplicate_set_button = _button(
            "&Duplicate",
            QIcon.ThemeIcon.EditCopy,
            "Copy the selected set below it",
            "duplicate_set",
            self.sets_group,
        )
        self.remove_set_button = _button(
            "Remo&ve set",
            QIcon.ThemeIcon.ListRemove,
            "Remove the selected set",
            "remove_set",
            self.sets_group,
        )
        self.set_up_button = _button(
            "Move se&t up",
            QStyle.StandardPixmap.SP_ArrowUp,
            "Move the selected set up (Ctrl+Shift+Up)",
            "move_set_up",
            self.sets_group,
        )
        self.set_down_button = _button(
            "Move set dow&n",
            QStyle.StandardPixmap.SP_ArrowDown,
            "Move the selected set down (Ctrl+Shift+Down)",
            "move_set_down",
            self.sets_group,
        )
        # Both button columns as wide as the widest button, so the two tables end at one edge.
        buttons = (
            self.add_exercise_button,
            self.remove_exercise_button,
            self.up_button,
            self.down_button,
            self.add_set_button,
            self.duplicate_set_button,
            self.remove_set_button,
            self.set_up_button,
            self.set_down_button,
        )
        width = max(b.sizeHint().width() for b in buttons)
        for b in buttons:
            b.setMinimumWidth(width)
        sets_layout = QHBoxLayout(self.sets_group)
        sets_layout.addWidget(self.sets_view, 1)
        set_buttons = QVBoxLayout()
        for b in (self.add_set_button, self.duplicate_set_button, self.remove_set_button):
            set_buttons.addWidget(b)
        set_buttons.addSpacing(12)
        for b in (self.set_up_button, self.set_down_button):
            set_buttons.addWidget(b)
        set_buttons.addStretch(1)
        sets_layout.addLayout(set_buttons)

        self.hint = QLabel(
            f"Loads in {u.load_unit(units)}; leave the load empty for bodyweight. Rate a set by "
            "RPE or by reps in reserve (RIR).",
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.totals = QLabel(self)
        self.totals.setObjectName("lift_totals")
        self.problems = error_label(self, "exercises_error")

        layout = QVBoxLayout(self)
        layout.addWidget(ex_group, 3)
        layout.addWidget(self.sets_group, 3)
        layout.addWidget(self.hint)
        layout.addWidget(self.totals)
        layout.addWidget(self.problems)

        # Wiring
        self.add_exercise_button.clicked.connect(self.add_exercise)
        self.remove_exercise_button.clicked.connect(self.remove_exercise)
        self.up_button.clicked.connect(lambda: self.move_exercise(-1))
        self.down_button.clicked.connect(lambda: self.move_exercise(+1))
        self.add_set_button.clicked.connect(self.add_set)
        self.duplicate_set_button.clicked.connect(self.duplicate_set)
        self.remove_set_button.clicked.connect(self.remove_set)
        self.set_up_button.clicked.connect(lambda: self.move_set(-1))
        self.set_down_button.clicked.connect(lambda: self.move_set(+1))
        self._shortcut(self.exercises_view, QKeySequence.StandardKey.Delete, self.remove_exercise)
        self._shortcut(self.exercises_view, QKeySequence("Ctrl+Up"), lambda: self.move_exercise(-1))
        self._shortcut(
            self.exercises_view, QKeySequence("Ctrl+Down"), lambda: self.move_exercise(+1)
        )
        self._shortcut(self.sets_view, QKeySequence.StandardKey.Delete, self.remove_set)
        self._shortcut(self.sets_view, QKeySequence("Ctrl+Shift+Up"), lambda: self.move_set(-1))
        self._shortcut(
            self.sets_view, QKeySequence("Ctrl+Shift+Down"), lambda: self.move_set(+1)
        )
        self.exercises_view.selectionModel().currentRowChanged.connect(self._exercise_selected)
        self.sets_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.sets_model.modelReset.connect(self._update_buttons)
        self.exercises_model.edited.connect(self._exercises_edited)
        self.sets_model.edited.connect(self._sets_edited)
        if drafts:
            self.select_exercise(0)
        self._exercise_selected()

    # --- public helpers (buttons and tests)
    def current_exercise_row(self) -> int:
        return self.exercises_view.currentIndex().row()

    def current_set_row(self) -> int:
        return self.sets_view.currentIndex().row()

    def select_exercise(self, row: int) -> None:
        index = self.exercises_model.index(row, ExercisesModel.NAME)
        self.exercises_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def select_set(self, row: int) -> None:
        index = self.sets_model.index(row, SetsModel.REPS)
        self.sets_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def add_exercise(self) -> None:
        row = (
            self.current_exercise_row() + 1
            if self.current_exercise_row() >= 0
            else self.exercises_model.rowCount()
        )
        self.exercises_model.insert(row, ExerciseDraft.new())
        self.select_exercise(row)
        self.exercises_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.isVisible():
            self.exercises_view.edit(self.exercises_model.index(row, ExercisesModel.NAME))

    def remove_exercise(self) -> None:
        row = self.current_exercise_row()
        if row < 0:
            return
        self.exercises_model.remove(row)
        if self.exercises_model.rowCount():
            self.select_exercise(min(row, self.exercises_model.rowCount() - 1))
        else:
            self._exercise_selected()

    def move_exercise(self, delta: int) -> None:
        row = self.current_exercise_row()
        if row >= 0 and self.exercises_model.move(row, row + delta):
            self.select_exercise(row + delta)

    def add_set(self) -> None:
        draft = self.sets_model.exercise()
        if draft is None:
            return
        new = draft.sets[-1].copy() if draft.sets else SetDraft()
        new.warmup = False
        row = len(draft.sets)
        self.sets_model.insert(row, new)
        self.select_set(row)

    def duplicate_set(self) -> None:
        draft = self.sets_model.exercise()
        row = self.current_set_row()
        if draft is None or row < 0:
            return
        self.sets_model.insert(row + 1, draft.sets[row].copy())
        self.select_set(row + 1)

    def remove_set(self) -> None:
        draft = self.sets_model.exercise()
        row = self.current_set_row()
        if draft is None or row < 0:
            return
        self.sets_model.remove(row)
        if draft.sets:
            self.select_set(min(row, len(draft.sets) - 1))
        self._update_buttons()

    def move_set(self, delta: int) -> None:
        row = self.current_set_row()
        if row >= 0 and self.sets_model.move(row, row + delta):
            self.select_set(row + delta)
            self._update_buttons()

    # --- validation
    def build(self) -> tuple[tuple[Exercise, ...], list[str]]:
        """The exercises as domain objects, and one message per problem (empty when all is right).

        Every cell is checked, not just the first bad one, and the bad cells are marked in both
        tables; an exercise with a bad set is marked on its sets summary.
        """
        built: list[Exercise] = []
        problems: list[str] = []
        exercise_errors: dict[int, dict[int, str]] = {}
        current = self.sets_model.exercise()
        current_set_errors: dict[int, dict[int, str]] = {}
        for row, draft in enumerate(self.exercises_model.drafts()):
            who = draft.name.strip() or f"Exercise {row + 1}"
            sets: list[WorkSet] = []
            bad_sets = 0
            for i, s in enumerate(draft.sets):
                ws, errors = s.build(self._units)
                if ws is None:
                    bad_sets += 1
                    sets.append(WorkSet(reps=1))
                    for f, message in errors.items():
                        problems.append(f"{who}, set {i + 1}: {_SET_WORDS.get(f, f)} {message}")
                    if draft is current:
                        current_set_errors[i] = {
                            _SET_COLUMNS.get(f, 0): m for f, m in errors.items()
                        }
                else:
                    sets.append(ws)
            exercise, errors = collect_errors(
                lambda v: Exercise(name=v["name"], sets=v["sets"], muscles=v["muscles"]),
                {"name": draft.name, "sets": tuple(sets), "muscles": draft.muscles},
                {
                    "exercise name": ("name", "?"),
                    "sets": ("sets", (WorkSet(reps=1),)),
                    "muscle": ("muscles", ()),
                },
            )
            cells = {_EXERCISE_COLUMNS.get(f, 0): m for f, m in errors.items()}
            for f, message in errors.items():
                if f == "sets":
                    problems.append(message)  # the domain's message names the exercise already
                elif f == "exercise name":
                    problems.append(f"{who}: name {message}")
                else:
                    problems.append(f"{who}: muscle group {message}")
            if bad_sets:
                cells.setdefault(ExercisesModel.SETS, f"{bad_sets} set(s) need fixing")
            if cells:
                exercise_errors[row] = cells
            if exercise is not None and not bad_sets:
                built.append(exercise)
        self.exercises_model.set_errors(exercise_errors)
        self.sets_model.set_errors(current_set_errors)
        self._show_problems(problems)
        self._show_totals(built if not problems else None)
        return tuple(built), problems

    def _show_problems(self, problems: list[str]) -> None:
        if not problems:
            self.problems.hide()
            self.problems.clear()
            return
        lines = problems[:_SHOWN_PROBLEMS]
        if len(problems) > _SHOWN_PROBLEMS:
            lines.append(f"\u2026 and {len(problems) - _SHOWN_PROBLEMS} more")
        self.problems.setText("\n".join(lines))
        self.problems.show()

    def _show_totals(self, exercises: list[Exercise] | None) -> None:
        """Working sets and volume load (reps x load, warm-ups excluded; McBride et al. 2009)."""
        self.totals.setVisible(exercises is not None)
        if exercises is None:
            self.totals.clear()
            return
        working = sum(len(e.working_sets) for e in exercises)
        tonnage = sum(e.tonnage_kg for e in exercises)
        shown = QLocale().toString(float(u.load_to_display(tonnage, self._units)), "f", 0)
        volume = f"{shown} {u.load_unit(self._units)}" if tonnage else "bodyweight only"
        self.totals.setText(
            f"{len(exercises)} exercise{'s' if len(exercises) != 1 else ''} \u00b7 "
            f"{working} working set{'s' if working != 1 else ''} \u00b7 volume load {volume}"
        )
        self.totals.setToolTip(
            "Volume load = sets \u00d7 reps \u00d7 load, warm-up sets excluded (McBride 2009)."
        )

    # --- internals
    def _shortcut(
        self, view: QTableView, keys: QKeySequence | QKeySequence.StandardKey, slot: object
    ) -> None:
        action = QAction(view)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        view.addAction(action)

    def _rows_height(self, view: QTableView, rows: int) -> int:
        return (
            view.horizontalHeader().sizeHint().height()
            + rows * view.verticalHeader().defaultSectionSize()
            + 2 * view.frameWidth()
        )

    def _exercise_selected(self, *_: object) -> None:
        row = self.current_exercise_row()
        draft = self.exercises_model.draft(row) if row >= 0 else None
        if draft is not self.sets_model.exercise():
            self.sets_model.set_exercise(draft)
            if draft is not None and draft.sets:
                self.select_set(0)
            self.build()  # mark the wrong cells of the sets now on show
        self._update_buttons()

    def _exercises_edited(self) -> None:
        self._update_buttons()
        self.edited.emit()

    def _sets_edited(self) -> None:
        self.exercises_model.refresh_sets(self.current_exercise_row())
        self._update_buttons()
        self.edited.emit()

    def _update_buttons(self, *_: object) -> None:
        row = self.current_exercise_row()
        count = self.exercises_model.rowCount()
        has = row >= 0
        self.remove_exercise_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < count - 1)
        has_draft = self.sets_model.exercise() is not None
        self.sets_view.setEnabled(has_draft)
        self.add_set_button.setEnabled(has_draft)
        has_set = has_draft and self.current_set_row() >= 0
        self.duplicate_set_button.setEnabled(has_set)
        self.remove_set_button.setEnabled(has_set)
        set_row, set_count = self.current_set_row(), self.sets_model.rowCount()
        self.set_up_button.setEnabled(has_set and set_row > 0)
        self.set_down_button.setEnabled(has_set and set_row < set_count - 1)
        draft = self.sets_model.exercise()
        name = draft.name.strip() if draft is not None else ""
        self.sets_group.setTitle(f"Sets of {name}" if name else "Sets")

    def sizeHint(self) -> QSize:
        return QSize(620, 480)
