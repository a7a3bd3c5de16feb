"""The session library: templates grouped by kind, dragged onto the calendar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from planner.domain.enums import Kind, Units
from planner.domain.session import Template
from planner.models import mime
from planner.models.session_text import TYPE_WORDS, template_summary, template_tooltip
from planner.models.undo import ChangeBus
from planner.services.changes import Changes
from planner.store.records import TemplateRepository

TemplateIdRole = Qt.ItemDataRole.UserRole + 10
TemplateRole = Qt.ItemDataRole.UserRole + 11
KindRole = Qt.ItemDataRole.UserRole + 12

GROUPS = {
    Kind.RUN: "Running", Kind.LIFT: "Strength", Kind.MOBILITY: "Mobility",
    Kind.RECOVERY: "Recovery", Kind.REST: "Rest", Kind.OTHER: "Other",
}


class LibraryModel(QStandardItemModel):
    """Kind groups with their templates; rebuilt when the templates change (a small list)."""

    reloaded = Signal()  # the dock re-expands its groups

    def __init__(self, templates: TemplateRepository, bus: ChangeBus, units: Units = Units.METRIC) -> None:
        super().__init__()
        self._templates = templates
        self._units = units
        self.reload()
        bus.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.templates or changes.everything:
            self.reload()

    def set_units(self, units: Units) -> None:
        """Tooltips speak the profile's units; rebuilt only when they change."""
        if units is not self._units:
            self._units = units
            self.reload()

    def reload(self) -> None:
        self.clear()
        groups: dict[Kind, QStandardItem] = {}
        for t in self._templates.visible():
            group = groups.get(t.kind)
            if group is None:
                group = groups[t.kind] = QStandardItem(GROUPS[t.kind])
                group.setData(t.kind, KindRole)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.appendRow(self._item(t, self._units))
        for kind in Kind:
            if kind in groups:
                self.appendRow(groups[kind])
        self.reloaded.emit()

    @staticmethod
    def _item(t: Template, units: Units) -> QStandardItem:
        item = QStandardItem(t.title)
        item.setData(t.id, TemplateIdRole)
        item.setData(t, TemplateRole)
        item.setData(t.kind, KindRole)
        item.setToolTip(template_tooltip(t, units))
        item.setAccessibleText(f"{t.title}, {template_summary(t, units)}")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                      | Qt.ItemFlag.ItemNeverHasChildren)
        return item

    def mimeTypes(self) -> list[str]:
        return [mime.MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
        ids = [i.data(TemplateIdRole) for i in indexes if i.data(TemplateIdRole)]
        return mime.encode(mime.DragPayload(template_id=ids[0])) if ids else None

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.IgnoreAction


class LibraryFilter(QSortFilterProxyModel):
    """Filter box: matches title, type or notes; a group stays while one of its templates matches."""

    def __init__(self) -> None:
        super().__init__()
        self.setRecursiveFilteringEnabled(True)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        """Every word must appear somewhere in the template (title, type, notes, exercises)."""
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(row, 0, parent)
        t = index.data(TemplateRole)
        if t is None:
            return False
        hay = " ".join([t.title, t.type, TYPE_WORDS.get(t.type, ""), t.notes, t.kind.value,
                        *(e.name for e in t.exercises)]).lower()
        return all(word in hay for word in self._words)
