"""The library: templates by kind with a filter box; drag one onto a day, or double-click to add it
to the selected day. Your own templates can be edited and deleted; built-ins can be hidden and
come back with Restore defaults: from the toolbar above the list, its Templates menu, or a
right click."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import Kind
from planner.domain.session import Template
from planner.models.library_model import KindRole, LibraryFilter, LibraryModel, TemplateRole
from planner.ui import theme
from planner.ui.icons import IconCache


class _KindIconDelegate(QStyledItemDelegate):
    def __init__(self, icons: IconCache, parent: QWidget) -> None:
        super().__init__(parent)
        self._icons = icons

    def initStyleOption(self, option, index) -> None:  # noqa: ANN001
        super().initStyleOption(option, index)
        raw = index.data(KindRole)
        kind = Kind(raw) if raw else None  # QStandardItem hands the enum back as plain text
        if kind is not None and index.data(TemplateRole) is not None:
            from PySide6.QtGui import QIcon

            option.icon = QIcon(self._icons.kind_pixmap(kind, 16, theme.kind_text_color(kind, option.palette)))
            option.features |= option.ViewItemFeature.HasDecoration
        elif kind is not None:
            option.font.setBold(True)
            option.palette.setColor(option.palette.ColorRole.Text, theme.kind_text_color(kind, option.palette))


class LibraryDock(QDockWidget):
    addRequested = Signal(str)  # template id -> add to the selected day
    editRequested = Signal(object)  # Template
    removeRequested = Signal(object)  # Template
    restoreRequested = Signal()

    def __init__(self, model: LibraryModel, icons: IconCache, parent: QWidget | None = None) -> None:
        super().__init__("Session library", parent)
        self.setObjectName("LibraryDock")
        self.model = model
        self.proxy = LibraryFilter()
        self.proxy.setSourceModel(model)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter: tempo, squat, yoga…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.filter.setAccessibleName("Filter the session library")
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(4, 12, 4, 4)
        self.empty.hide()
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(_KindIconDelegate(icons, self.tree))
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAnimated(True)
        self.tree.expandAll()
        self.tree.doubleClicked.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.setAccessibleName("Session templates")
        model.reloaded.connect(self._after_reset)
        self.setMinimumWidth(220)

        self.add_action = QAction("Add to selected day", self)
        self.add_action.triggered.connect(lambda: self._add_current())
        # Enter on a template adds it: planning without a mouse (README, "With the keyboard alone")
        self.add_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.tree.addAction(self.add_action)
        self.edit_action = QAction("Edit template…", self)
        self.edit_action.triggered.connect(lambda: self._emit_current(self.editRequested))
        self.remove_action = QAction("Delete template", self)
        self.remove_action.triggered.connect(lambda: self._emit_current(self.removeRequested))
        self.restore_action = QAction("Restore default templates", self)
        self.restore_action.triggered.connect(self.restoreRequested)
        focus = QAction("Filter the library", self)
        focus.setShortcut(QKeySequence("Ctrl+L"))
        focus.triggered.connect(lambda: (self.show(), self.filter.setFocus(), self.filter.selectAll()))
        self.focus_filter_action = focus
        for a, tip in ((self.add_action, "Add the selected template to the day in focus (or double-click it)"),
                       (self.edit_action, "Edit the selected template (your own templates)"),
                       (self.remove_action, "Delete your template, or hide a built-in one"),
                       (self.restore_action, "Bring back the built-in templates you hid")):
            a.setToolTip(tip)
            a.setStatusTip(tip)

        self.toolbar = QToolBar("Library actions")
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setAccessibleName("Library actions")
        self.menu_button = QToolButton()
        self.menu_button.setText("More")
        self.menu_button.setToolTip("Every template action, Restore default templates too")
        self.menu_button.setAccessibleName("More template actions")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_menu = QMenu("Templates", self)
        for a in (self.add_action, None, self.edit_action, self.remove_action, None, self.restore_action):
            self.actions_menu.addSeparator() if a is None else self.actions_menu.addAction(a)
        self.menu_button.setMenu(self.actions_menu)
        self.toolbar.addAction(self.add_action)
        self.toolbar.addAction(self.edit_action)
        self.toolbar.addAction(self.remove_action)
        self.toolbar.addWidget(self.menu_button)
        self.toolbar.widgetForAction(self.add_action).setAccessibleName("Add to selected day")
        self.add_action.setIconText("Add")
        self.edit_action.setIconText("Edit")
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        self.setWidget(box)

    def current_template(self) -> Template | None:
        return self.tree.currentIndex().data(TemplateRole)

    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self.tree.expandAll()
        self._show_empty()

    def _show_empty(self) -> None:
        """A filter that matches nothing says so instead of showing a blank list."""
        text = self.filter.text().strip()
        nothing = bool(text) and self.proxy.rowCount() == 0
        self.empty.setText(f"No template matches '{text}'" if nothing else "")
        self.empty.setVisible(nothing)
        self.tree.setVisible(not nothing)

    def _after_reset(self) -> None:
        self.tree.expandAll()
        self._show_empty()
        self._update_actions()

    def _update_actions(self) -> None:
        """Edit only your own templates; a built-in one can be hidden, not deleted."""
        t = self.current_template()
        self.add_action.setEnabled(t is not None)
        self.edit_action.setEnabled(t is not None and not t.builtin)
        self.remove_action.setEnabled(t is not None)
        self.remove_action.setText("Hide template" if t is not None and t.builtin else "Delete template")
        self.remove_action.setIconText("Hide" if t is not None and t.builtin else "Delete")

    def _activated(self, index: QModelIndex) -> None:
        t = index.data(TemplateRole)
        if t is not None:
            self.addRequested.emit(t.id)

    def _add_current(self) -> None:
        t = self.current_template()
        if t is not None:
            self.addRequested.emit(t.id)

    def _emit_current(self, signal) -> None:  # noqa: ANN001
        t = self.current_template()
        if t is not None:
            signal.emit(t)

    def _menu(self, pos) -> None:  # noqa: ANN001
        t = self.tree.indexAt(pos).data(TemplateRole)
        menu = QMenu(self)
        if t is not None:
            self.tree.setCurrentIndex(self.tree.indexAt(pos))
            self._update_actions()
            menu.addAction(self.add_action)
            menu.addSeparator()
            menu.addAction(self.edit_action)
            menu.addAction(self.remove_action)
            menu.addSeparator()
        menu.addAction(self.restore_action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
