"""The window's side of issue 7: the broken-file choice at start, the reload offer, the backups
dialog, and File > Import plan refusing a file naming its line instead of raising."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.domain.session import Session
from planner.io.plan_csv import COLUMNS
from planner.store.database import DATA_FILE, CorruptStoreError, open_store
from planner.ui.dialogs import plan_import, store_problems
from planner.ui.dialogs.backups_dialog import BackupsDialog
from planner.ui.dialogs.store_problems import BrokenFileChoice, broken_file_box, open_interactive, reload_box

DAY = dt.date(2026, 3, 2)
HEADER = ",".join(c for c in COLUMNS if c != "target")  # the columns before `target`: such files still import


def run(title: str) -> Session:
    return Session(kind="run", title=title, duration_min=40, rpe=3.0, date=DAY)


@pytest.fixture
def broken_with_backup(data_dir):
    from planner.store import backups

    store = open_store(data_dir)
    store.sessions.apply(put=[run("Good")])
    store.close()
    real_now = backups.now
    backups.now = lambda: dt.datetime(2026, 11, 26, 8, 0)  # "yesterday"'s open makes the backup
    try:
        open_store(data_dir).close()
    finally:
        backups.now = real_now
    (data_dir / DATA_FILE).write_bytes(b"{trunc")
    return data_dir


def test_broken_file_box_offers_the_three_choices(qtbot, broken_with_backup):
    with pytest.raises(CorruptStoreError) as info:
        open_store(broken_with_backup)
    box = broken_file_box(None, info.value)
    qtbot.addWidget(box)
    # (Qt adds its own "Show Details..." for the full message)
    assert sorted(b.text() for b in box.buttons()) == ["Quit", "Restore newest good backup", "Show Details...",
                                                       "Start an empty plan"]
    restore = next(b for b in box.buttons() if b.text() == "Restore newest good backup")
    assert restore.isEnabled() and box.defaultButton() is restore
    assert "hybrid-planner-20261126-kept.json" in box.informativeText()
    assert info.value.summary in box.informativeText()

    no_backup = CorruptStoreError(info.value.path, "is empty", info.value.kept, None)
    box = broken_file_box(None, no_backup)
    qtbot.addWidget(box)
    assert not next(b for b in box.buttons() if b.text() == "Restore newest good backup").isEnabled()
    assert box.defaultButton().text() == "Quit"


@pytest.mark.parametrize("choice", list(BrokenFileChoice))
def test_open_interactive_does_what_was_chosen_and_never_an_empty_plan_unasked(qtbot, broken_with_backup, choice):
    asked: list[CorruptStoreError] = []

    def ask(parent, error):
        asked.append(error)
        return choice

    store = open_interactive(broken_with_backup, ask=ask)
    assert len(asked) == 1
    if choice is BrokenFileChoice.QUIT:
        assert store is None
        again = open_interactive(broken_with_backup, ask=lambda p, e: BrokenFileChoice.QUIT)
        assert again is None  # still refused: no silent empty plan
        with pytest.raises(CorruptStoreError):
            open_store(broken_with_backup)
        return
    assert store is not None
    try:
        expected = ["Good"] if choice is BrokenFileChoice.RESTORE else []
        assert [s.title for s in store.sessions.all()] == expected
    finally:
        store.close()
    assert list(broken_with_backup.glob("hybrid-planner.broken-*.json"))  # the broken file is kept


def test_reload_box_words(qtbot):
    box = reload_box(None, "X was changed on disk.")
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["Keep my changes (unsaved)", "Reload from disk"]
    assert box.defaultButton().text() == "Reload from disk"
    assert box.informativeText().startswith("X was changed on disk.\n\nReload to see what is on disk now")


def test_ask_reload_returns_the_choice(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda self: self.defaultButton().click())
    assert store_problems.ask_reload(None, "changed") is True
    monkeypatch.setattr(QMessageBox, "exec", lambda self: self.escapeButton().click())
    assert store_problems.ask_reload(None, "changed") is False


def test_backups_dialog_lists_and_restores(qtbot, data_dir, monkeypatch):
    from planner.store import backups

    store = open_store(data_dir)
    store.sessions.apply(put=[run("Old")])
    store.close()
    monkeypatch.setattr(backups, "now", lambda: dt.datetime(2026, 11, 28, 8, 0))
    store = open_store(data_dir)  # the day's backup: one session
    store.sessions.apply(put=[run("New")])
    dialog = BackupsDialog(store)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["2026-11-28", "1", "daily"]
    assert table.item(0, 3).text() == str(data_dir / "backups" / "hybrid-planner-20261128.json")
    assert dialog.restore_button.isEnabled()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    with qtbot.waitSignal(dialog.restored) as restored:
        dialog.restore_selected()
    assert restored.args[0].sessions == 1
    assert [s.title for s in store.sessions.all()] == ["Old"]
    assert table.rowCount() == 2  # the restore backed up what it replaced
    assert table.item(1, 2).text() == "before a restore"
    store.close()


def test_import_of_a_non_utf8_file_asks_for_the_encoding(qtbot, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes((HEADER + "\n2026-11-23,,run,easy,Café run,45,3\n").encode("cp1252"))
    asked = []

    def choose(parent, name, problem):
        asked.append((name, problem.split(";")[0]))
        return "cp1252"

    rows = plan_import.read_plan_interactive(None, path, {}, choose_encoding=choose)
    assert asked == [("excel.csv", "line 2: not valid UTF-8 text (byte E9)")]
    assert [r.session.title for r in rows] == ["Café run"]
    assert plan_import.read_plan_interactive(None, path, {}, choose_encoding=lambda *a: None) is None


def test_file_import_of_10002_sessions_on_a_day_is_refused_naming_the_line(window, monkeypatch, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "\n" + "2026-12-02,,run,,R,30,3\n" * 10_002, encoding="utf-8")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.detailedText())))
    before = len(window.store.sessions)
    window.files.import_plan()  # raised an uncaught ValidationError before issue 7
    assert shown == [("many.csv was not imported (line 10003: date: 2026-12-02 has more than 10,001 sessions "
                      "in this file, the most one day can hold). Nothing was changed.",
                      "line 10003: date: 2026-12-02 has more than 10,001 sessions in this file, the most one "
                      "day can hold")]
    assert len(window.store.sessions) == before


def test_offer_reload_reloads_only_a_file_changed_on_disk(qtbot, data_dir):
    from planner.store.database import LOCK_FILE

    window = open_store(data_dir)
    window.sessions.apply(put=[run("Mine")])
    errors: list[str] = []
    window.storage.start_background(errors.append)
    assert store_problems.offer_reload(None, window, "x", ask=lambda p, m: True) is False  # nothing failed
    (data_dir / LOCK_FILE).unlink()
    other = open_store(data_dir)
    other.sessions.apply(put=[run("Theirs")])
    other.close()
    window.sessions.apply(put=[run("Unsaved")])
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert store_problems.offer_reload(None, window, errors[0], ask=lambda p, m: False) is False
    assert len(window.sessions) == 2
    assert store_problems.offer_reload(None, window, errors[0], ask=lambda p, m: True) is True
    assert sorted(s.title for s in window.sessions.all()) == ["Mine", "Theirs"]
    window.close()


def test_after_keep_my_changes_the_text_is_not_shown_twice(window, qtbot, monkeypatch):
    """Issue 19: the reload box's text came back in a second warning box after "Keep my changes"."""
    from planner.store.database import LOCK_FILE

    boxes: list[str] = []

    def answer(box):
        boxes.append(box.informativeText() or box.text())
        if box.escapeButton() is not None:
            box.escapeButton().click()  # Keep my changes (unsaved)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: boxes.append(text))
    data_dir = window.store.path.parent
    (data_dir / LOCK_FILE).unlink()
    other = open_store(data_dir)
    other.sessions.apply(put=[run("Theirs")])
    other.close()
    window.plan.add([run("Mine")], run("Mine").date)
    qtbot.waitUntil(lambda: bool(boxes), timeout=10_000)
    qtbot.wait(200)
    assert len(boxes) == 1 and "was changed on disk by another program" in boxes[0]
    assert window.statusBar().currentMessage() == store_problems.KEPT_WORDS
    assert store_problems.offer_reload(None, window.store, "", ask=lambda p, m: True)  # so it can close
