"""Changes.merge: what a pane that waited for its pass, or a grouped action, is told."""

from __future__ import annotations

import datetime as dt

from planner.services.changes import Changes, Origin

DAY = dt.date(2026, 11, 23)


def test_the_later_words_win_and_a_wordless_step_keeps_the_earlier_ones():
    move = Changes(dates=frozenset({DAY}), origin=Origin.DO, text="Move 'Tempo run' to Thursday")
    edit = Changes(dates=frozenset({DAY}), origin=Origin.UNDO, text="Edit 'Easy run'")
    assert move.merge(edit).text == "Edit 'Easy run'" and move.merge(edit).origin is Origin.UNDO
    assert move.merge(Changes(dates=frozenset({DAY}))).text == "Move 'Tempo run' to Thursday"


def test_a_whole_new_plan_leaves_no_words_to_undo():
    # The status bar waited for its pass while the add's save found the file changed and the window
    # reloaded it: the add is gone, and "Undo: Add 'Mine'" must not be offered after the reload.
    add = Changes(dates=frozenset({DAY}), origin=Origin.DO, text="Add 'Mine' to Monday")
    reload = Changes(everything=True, profile=True, templates=True, logs=True)
    merged = add.merge(reload)
    assert merged.everything and merged.text == ""
