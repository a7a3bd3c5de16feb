"""The session library: templates grouped by kind, dragged onto the calendar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from planner.domain.enums import Kind, Units
from planner.domain.session import Template
from planner.models import mime
from planner.models.two_level import GROUP, Index, TwoLevelModel
from planner.models.undo import ChangeBus
from planner.services.changes import Changes
from planner.store.records import TemplateRepository
from planner.words.cards import template_summary, template_tooltip
from planner.words.labels import KIND_GROUPS, TYPE_WORDS

TemplateIdRole = Qt.ItemDataRole.UserRole + 10
TemplateRole = Qt.ItemDataRole.UserRole + 11
KindRole = Qt.ItemDataRole.UserRole + 12

_GROUP = GROUP



class LibraryModel(TwoLevelModel):
    """Kind groups (rows of the root) holding their templates; a thin view over the repository.

    The whole list is small and changes as one (a template saved, hidden, restored), so a change
    resets the model rather than diffing it.
    """

    reloaded = Signal()  # the dock re-expands its groups

    def __init__(self, templates: TemplateRepository, bus: ChangeBus, units: Units = Units.METRIC) -> None:
        super().__init__()
        self._templates = templates
        self._units = units
        self._groups: list[tuple[Kind, list[Template]]] = []
        self.reload()
        bus.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.templates or changes.everything:
            self.reload()

    def set_units(self, units: Units) -> None:
        """Tooltips speak the profile's units."""
        if units is not self._units:
            self._units = units
            self.reload()

    def reload(self) -> None:
        by_kind: dict[Kind, list[Template]] = {}
        for t in self._templates.visible():
            by_kind.setdefault(t.kind, []).append(t)
        self.beginResetModel()
        self._groups = [(kind, by_kind[kind]) for kind in Kind if kind in by_kind]
        self.endResetModel()
        self.reloaded.emit()

    def template_at(self, index: Index) -> Template | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    # -- QAbstractItemModel (index bookkeeping in TwoLevelModel) --------------------------------
    def group_count(self) -> int:
        return len(self._groups)

    def leaf_count(self, group: int) -> int:
        return len(self._groups[group][1])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            kind = self._groups[index.row()][0]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return KIND_GROUPS[kind]
            return kind if role == KindRole else None
        t = self.template_at(index)
        if t is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return t.title
        if role == TemplateIdRole:
            return t.id
        if role == TemplateRole:
            return t
        if role == KindRole:
            return t.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            return template_tooltip(t, self._units)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{t.title}, {template_summary(t, self._units)}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemNeverHasChildren)

    # -- dragging templates onto the calendar --------------------------------------------------
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
