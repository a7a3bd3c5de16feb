"""The File menu reaches printing, backups and activity import; a restore or a reload is a new plan
for every pane and forgets the undo history."""

from __future__ import annotations

import datetime as dt

from planner.store import recovery
from tests.services.conftest import MONDAY, run
from tests.ui.conftest import titles

THU = MONDAY + dt.timedelta(days=3)


def file_menu_texts(window) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_file_menu_offers_printing_backups_and_activities(window):
    texts = file_menu_texts(window)
    for wanted in ("Import activities…", "Print…", "Print Preview…", "Export PDF…", "Export calendar (iCalendar)…",
                   "Send workouts to watch…",
                   "Backups…", "Back up to file…", "Restore from file…"):
        assert wanted in texts, (wanted, texts)


def test_restore_from_file_is_a_new_plan_for_every_pane(window, monkeypatch, tmp_path, qtbot):
    backup = tmp_path / "before.json"
    window.store.storage.flush()
    recovery.write_backup(window.store, backup)
    window.plan.add([run("Later", THU)], THU)
    assert titles(window.store, THU) == ["Later"]
    import planner.ui.dialogs.backups_dialog as backups_dialog

    monkeypatch.setattr(backups_dialog.QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(backups_dialog, "confirm_and_restore",
                        lambda parent, store, source, what: recovery.restore_into(store, source))
    window.files.restore_from_file()
    assert titles(window.store, THU) == []
    assert window.week_model.day_sessions(3) == []  # the calendar shows the restored plan
    assert window.undo_stack.count() == 0  # nothing to undo into the replaced plan
    assert window.statusBar().currentMessage().startswith("Restored a backup (4 sessions)")


def test_weeks_beyond_the_dates_the_app_keeps_are_not_shown(window, monkeypatch):
    end = dt.date(2199, 12, 31)
    window.go_to(end)
    window.shift_week(5)
    assert end in window.week_model.days  # the last week the app keeps, and no further
    window.plan.add([run("Late", end)], end)
    import planner.ui.calendar.session_actions as sa

    said = []
    monkeypatch.setattr(sa.QMessageBox, "warning", lambda *a: said.append(a[2]))
    window.week_view.select_ids([window.store.sessions.on_date(end)[0].id])
    window.session_actions.next_day.trigger()  # Ctrl+Shift+Right
    assert len(said) == 1 and said[0].startswith("The session was not moved: date: must be")
    assert [s.title for s in window.store.sessions.on_date(end)] == ["Late"]
