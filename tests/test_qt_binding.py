"""Guards against a Qt binding that corrupts Python's reference counts (PySide6 6.12.0 does)."""

from __future__ import annotations

import sys
from importlib.metadata import version

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: the leak cannot "
                    "be seen (or crash) there; test_binding_is_within_the_pin guards the version")
def test_empty_qvariant_keeps_none_refcount(qapp):
    model = QStandardItemModel()
    model.appendRow(QStandardItem("x"))
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(200):
        assert index.data(Qt.ItemDataRole.UserRole) is None
    # other threads may touch None meanwhile; a leak of one decref per call would show as -200
    assert sys.getrefcount(None) - before > -50


def test_binding_is_within_the_pin():
    """6.12.0 drops a reference to None per empty QVariant (pyproject pins below it)."""
    major, minor = (int(x) for x in version("PySide6-Essentials").split(".")[:2])
    assert (6, 10) <= (major, minor) < (6, 12)
