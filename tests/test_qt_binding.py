"""Guards against a Qt binding that corrupts Python's reference counts (PySide6 6.12.0 does)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel


def test_empty_qvariant_keeps_none_refcount(qapp):
    model = QStandardItemModel()
    model.appendRow(QStandardItem("x"))
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(200):
        assert index.data(Qt.ItemDataRole.UserRole) is None
    # other threads may touch None meanwhile; a leak of one decref per call would show as -200
    assert sys.getrefcount(None) - before > -50
