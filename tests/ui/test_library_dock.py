"""The library dock: filter, add to the selected day, save as template, hide and restore."""

from __future__ import annotations

import datetime as dt

from planner.models.library_model import TemplateIdRole
from tests.ui.conftest import TODAY, titles


def leaves(tree):
    model = tree.model()
    out = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        out.extend(model.index(r, 0, group) for r in range(model.rowCount(group)))
    return out


def test_filter_box_narrows_the_tree(window, qtbot):
    dock = window.library_dock
    assert len(leaves(dock.tree)) == 3
    qtbot.keyClicks(dock.filter, "squat")
    assert [i.data(TemplateIdRole) for i in leaves(dock.tree)] == ["heavy-lower"]
    dock.filter.clear()
    assert len(leaves(dock.tree)) == 3


def test_double_click_adds_to_the_day_in_focus(window, qtbot):
    dock = window.library_dock
    easy = next(i for i in leaves(dock.tree) if i.data(TemplateIdRole) == "easy-run")
    window.week_view.focus_day(3)
    dock.tree.setFocus()  # double-clicking the library moves the focus there
    dock.tree.doubleClicked.emit(easy)
    assert titles(window.store, TODAY + dt.timedelta(days=1)) == ["Easy run"]


def test_save_as_template_then_hide_restore_and_undo(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from tests.ui.test_calendar_view import select

    select(window, 2, 0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("My Wednesday run", True))
    window.session_actions.save_template.trigger()
    ids = [i.data(TemplateIdRole) for i in leaves(window.library_dock.tree)]
    assert len(ids) == 4
    mine = window.store.templates.user_templates()
    assert [t.title for t in mine] == ["My Wednesday run"]

    window.library_dock.removeRequested.emit(window.store.templates.get("rest"))
    assert "rest" not in [i.data(TemplateIdRole) for i in leaves(window.library_dock.tree)]
    window.library_dock.restoreRequested.emit()
    assert "rest" in [i.data(TemplateIdRole) for i in leaves(window.library_dock.tree)]
    window.library_dock.removeRequested.emit(mine[0])
    assert window.store.templates.user_templates() == []
    window.undo_action.trigger()
    assert [t.title for t in window.store.templates.user_templates()] == ["My Wednesday run"]
