"""The steps editor: a run's warm-up, repeats and cool-down, each step with its length and target.

A tree of steps (a repeat holds its steps), buttons to add a step or a repeat, remove and reorder,
the total shown live under it, and the same steps as one line of text, the plan CSV's `steps`
form, to type or paste a whole session at once.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.steps import Item, Repeat, StepIntensity
from planner.ui.dialogs.steps_model import STEP, StepsModel
from planner.words.steps import INTENSITY_WORDS, parse_steps, steps_compact, steps_total

Index = QModelIndex | QPersistentModelIndex


class _IntensityDelegate(QStyledItemDelegate):
    """A step's kind from a list; a repeat's count keeps Qt's spin box."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        if isinstance(model, StepsModel) and not isinstance(model.item(index), Repeat):
            combo = QComboBox(parent)
            for intensity in StepIntensity:
                combo.addItem(INTENSITY_WORDS[intensity], intensity.value)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class StepsEditor(QWidget):
    """Edit a run's steps; `items()` is always a valid list (a refused value is said, not kept)."""

    edited = Signal()

    def __init__(self, items: tuple[Item, ...], *, units: Units, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._units = units
        self.model = StepsModel(items, units, self)
        self.view = QTreeView(self)
        self.view.setObjectName("steps")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(STEP, _IntensityDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setAlternatingRowColors(True)
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setStretchLastSection(True)
        self.view.setAccessibleName("Steps")

        self.add_step_button = QPushButton("Add &step", self)
        self.add_repeat_button = QPushButton("Add re&peat", self)
        self.remove_button = QPushButton("&Remove", self)
        self.up_button = QPushButton("Move &up", self)
        self.down_button = QPushButton("Move do&wn", self)
        buttons = QHBoxLayout()
        for b in (self.add_step_button, self.add_repeat_button, self.remove_button, self.up_button,
                  self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("steps_total")
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("steps_text")
        self.text_edit.setPlaceholderText("15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy")
        self.text_edit.setToolTip("The steps as one line, as the plan spreadsheet's steps column holds them; "
                                  "type or paste, then Enter")
        text_row = QHBoxLayout()
        text_label = QLabel("As &text:", self)
        text_label.setBuddy(self.text_edit)
        text_row.addWidget(text_label)
        text_row.addWidget(self.text_edit, 1)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("steps_problem")
        self.problem_label.setWordWrap(True)
        hint = QLabel("Double-click a cell to change it. A watch follows the steps in this order; "
                      "a repeat runs its steps the number of times shown.", self)
        hint.setWordWrap(True)
        hint.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.total_label)
        layout.addLayout(text_row)
        layout.addWidget(self.problem_label)
        layout.addWidget(hint)

        self.add_step_button.clicked.connect(lambda: self._select(self.model.add_step(self._current())))
        self.add_repeat_button.clicked.connect(lambda: self._select(self.model.add_repeat(self._current())))
        self.remove_button.clicked.connect(lambda: self._select(self.model.remove(self._current())))
        self.up_button.clicked.connect(lambda: self._select(self.model.move(self._current(), -1)))
        self.down_button.clicked.connect(lambda: self._select(self.model.move(self._current(), 1)))
        self.text_edit.returnPressed.connect(self._text_entered)
        self.model.problem.connect(self.problem_label.setText)
        self.model.edited.connect(self._edited)
        self.model.modelReset.connect(self.view.expandAll)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.view.expandAll()
        self._show()
        self._update_buttons()

    def items(self) -> tuple[Item, ...]:
        return self.model.items()

    def _current(self) -> QModelIndex:
        return self.view.currentIndex()

    def _select(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view.setCurrentIndex(index)
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        on_row = self._current().isValid()
        for b in (self.remove_button, self.up_button, self.down_button):
            b.setEnabled(on_row)

    def _text_entered(self) -> None:
        try:
            items = parse_steps(self.text_edit.text())
        except ValidationError as exc:
            self.problem_label.setText(exc.message[0].upper() + exc.message[1:])
            return
        self.model.set_items(items)

    def _edited(self) -> None:
        self.problem_label.clear()
        self._show()
        self.edited.emit()

    def _show(self) -> None:
        items = self.model.items()
        self.total_label.setText(steps_total(items, self._units) or "No steps: the run has no structure for a watch.")
        self.text_edit.setText(steps_compact(items))
