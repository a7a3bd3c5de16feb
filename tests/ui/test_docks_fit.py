"""Docks that fit: at 1280 x 800 and 1600 x 1000, light and dark, no text is cut in any dock or bar.

The cards' own test (test_calendar_finish) measures every text a card paints against its room; this
one measures every text widget of the docks and bars against its room: a label, button or box is
never narrower than its text needs, a wrapping label is as tall as its lines, and nothing runs past
the right edge of the dock (or of the scroll area holding it) that shows it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QComboBox, QDockWidget, QLabel, QWidget

from planner.app import build_window
from planner.resources import builtin_templates, exercise_catalog
from planner.services.plan_files import seed_demo
from planner.store.database import open_store
from planner.ui.settings import Settings
from planner.ui.theme import apply_theme

TODAY = dt.date(2026, 12, 9)


@pytest.fixture
def demo_window(data_dir, qtbot, qapp):
    store = open_store(data_dir, builtin_templates())
    seed_demo(store, TODAY)
    w = build_window(store, Settings(), exercise_catalog(), today=lambda: TODAY)
    qtbot.addWidget(w)
    yield w
    w.close()
    store.close()
    apply_theme(qapp, "light")


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def cut_texts(root: QWidget) -> list[tuple[str, str, int, int]]:
    """(what, text, needed, given) of every text widget under `root` that does not get its room."""
    cut = []
    for widget in root.findChildren(QWidget):
        text = _text(widget)
        if not widget.isVisible() or not text.strip():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.heightForWidth(widget.width()) > widget.height() + 1:
                cut.append(("height", text, widget.heightForWidth(widget.width()), widget.height()))
        else:
            need = widget.sizeHint() if isinstance(widget, QComboBox) else widget.minimumSizeHint()
            if widget.width() + 1 < need.width():
                cut.append(("width", text, need.width(), widget.width()))
        box = next((p.viewport() for p in _ancestors(widget, root) if isinstance(p, QAbstractScrollArea)), root)
        right = widget.mapTo(box, QPoint(0, 0)).x() + widget.width()
        if right > box.width() + 1:
            cut.append(("clipped", text, right, box.width()))
    return cut


def _ancestors(widget: QWidget, root: QWidget):
    p = widget.parentWidget()
    while p is not None and p is not root:
        yield p
        p = p.parentWidget()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", [(1280, 800), (1600, 1000)])
def test_no_text_is_cut_in_any_dock_or_bar(demo_window, qapp, qtbot, theme, size):
    w = demo_window
    apply_theme(qapp, theme)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.width() <= size[0]
    w.panes.flush()
    found = []
    for view in ("week", "season", "trends"):
        w.views.show_view(view)
        for dock in w.findChildren(QDockWidget):
            dock.raise_()
            qapp.processEvents()
            w.panes.flush()
            qapp.processEvents()
            if dock.isVisible():
                found += [(view, dock.objectName(), *c) for c in cut_texts(dock)]
        found += [(view, "centre", *c) for c in cut_texts(w.centralWidget())]
        found += [(view, "status bar", *c) for c in cut_texts(w.statusBar())]
    assert found == []


def test_the_first_window_fits_a_1280_x_800_screen_status_bar_included(demo_window, monkeypatch):
    from PySide6.QtGui import QScreen

    from planner.ui.main_window import FRAME_ALLOWANCE

    small = QRect(0, 0, 1280, 800 - 32)  # a 32 px panel: what is left for windows
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: small)
    w = demo_window
    w._fit_first_window()
    # the window with room for a title bar and borders around it stays on the screen
    assert w.width() + FRAME_ALLOWANCE[0] <= small.width() and w.height() + FRAME_ALLOWANCE[1] <= small.height()
    assert small.contains(w.frameGeometry().topLeft())
    w.show()
    bar = w.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < w.height()
