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
    window.restore_from_file()
    assert titles(window.store, THU) == []
    assert window.week_model.day_sessions(3) == []  # the calendar shows the restored plan
    assert window.undo_stack.count() == 0  # nothing to undo into the replaced plan
    assert window.statusBar().currentMessage().startswith("Restored a backup (4 sessions)")
