"""File > Re-plan from today (issue 22): rebuilds the rest of the last generated block from the window's
today, as one undo step; without a generated block it says so and changes nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from planner.domain.enums import Experience, Goal
from planner.domain.generator import GeneratorInput
from planner.services.generate import preview, write
from tests.ui.conftest import TODAY
from tests.ui.test_window_wiring import file_menu_texts


def test_replan_from_today_is_one_undo_step(make_window, monkeypatch) -> None:
    window = make_window()
    assert "Re-plan from today" in file_menu_texts(window)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    window.replan_action.trigger()
    assert told == ["There is no generated block to re-plan. What would work: generate a block first."]
    start = TODAY - dt.timedelta(days=TODAY.weekday() + 7)  # the Monday a week before today's week
    x = GeneratorInput(Goal.RUN, start, 6, 4, 2, experience=Experience.SOME, weekly_km=30.0, longest_run_km=12.0)
    write(window.plan, preview(window.plan, x))
    before = sorted((s.id, s.date, s.title) for s in window.store.sessions.all())
    steps = window.undo_stack.count()
    window.replan_action.trigger()
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == f"Re-plan the block from {TODAY:%a %d %b}"
    assert all(s.date >= TODAY for s in window.store.sessions.all() if (s.id, s.date, s.title) not in before)
    window.undo_stack.undo()
    assert sorted((s.id, s.date, s.title) for s in window.store.sessions.all()) == before
