"""Two levels in one column: group rows at the root (the week's days, the library's kinds), each
holding its leaf rows (sessions, templates). The index bookkeeping shared by both models."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index: Qt's usual default parent
GROUP = 0  # internal id of a group row; a leaf row stores its group's row + 1


class TwoLevelModel(QAbstractItemModel):
    """Subclasses say how many groups there are and how many leaves each holds."""

    def group_count(self) -> int:
        raise NotImplementedError

    def leaf_count(self, group: int) -> int:
        raise NotImplementedError

    @staticmethod
    def is_group(index: Index) -> bool:
        return index.isValid() and index.internalId() == GROUP

    @staticmethod
    def group_of(index: Index) -> int:
        """The group row of a leaf index."""
        return index.internalId() - 1

    def group_index(self, group: int) -> QModelIndex:
        return self.createIndex(group, 0, GROUP)

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, GROUP) if row < self.group_count() else QModelIndex()
        if self.is_group(parent) and parent.column() == 0 and row < self.leaf_count(parent.row()):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(self.group_of(index), 0, GROUP)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return self.group_count()
        if self.is_group(parent) and parent.column() == 0:
            return self.leaf_count(parent.row())
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1
