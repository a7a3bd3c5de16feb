"""A writer never replaces a file that changed on disk since it read it, whatever the lock does
(issue 7, defect 3): the window's save after an import that got in through a deleted lock file."""

from __future__ import annotations

import datetime as dt
import os

import orjson
import pytest

from planner.cli import main as cli_main
from planner.domain.session import Session
from planner.store.database import DATA_FILE, LOCK_FILE, FileChangedOnDiskError, open_store, reload_store
from planner.store.storage import StoreWriteError

DAY = dt.date(2026, 3, 2)


def run(title: str) -> Session:
    return Session(kind="run", title=title, duration_min=40, rpe=3.0, date=DAY)


def titles_on_disk(data_dir) -> list[str]:
    tables = orjson.loads((data_dir / DATA_FILE).read_bytes())
    return sorted(doc["title"] for doc in tables["sessions"].values())


def test_window_does_not_overwrite_an_import_that_got_in_through_a_deleted_lock(data_dir, tmp_path, capsys):
    window = open_store(data_dir)
    window.sessions.apply(put=[run("Mine")])
    errors: list[str] = []
    window.storage.start_background(errors.append)

    (data_dir / LOCK_FILE).unlink()  # the attack: the lock no longer stops a second writer
    plan = tmp_path / "plan.csv"
    plan.write_text("date,kind,title,duration_min,rpe\n2026-03-03,run,Imported,30,3\n", encoding="utf-8")
    assert cli_main(["--data-dir", str(data_dir), "import-plan", str(plan)]) == 0
    assert titles_on_disk(data_dir) == ["Imported", "Mine"]

    window.sessions.apply(put=[run("Edited in the window")])
    with pytest.raises(FileChangedOnDiskError) as info:
        window.storage.flush(timeout=10)
    assert titles_on_disk(data_dir) == ["Imported", "Mine"]  # the import survives
    message = str(info.value)
    assert message == (f"{data_dir / DATA_FILE} was changed on disk by another program since Hybrid Planner "
                       "read it, so it was not overwritten. Your latest changes are kept in the window but "
                       "not saved: reload the file to see what is on disk, or back your changes up to a "
                       "file first.")
    assert errors == [message]  # told once; the window offers to reload
    assert isinstance(window.storage.last_error, FileChangedOnDiskError)
    assert len(window.sessions) == 2  # the window's own changes are still there

    reload_store(window)
    assert sorted(s.title for s in window.sessions.all()) == ["Imported", "Mine"]
    window.sessions.apply(put=[run("After the reload")])
    window.storage.flush(timeout=10)
    assert titles_on_disk(data_dir) == ["After the reload", "Imported", "Mine"]
    assert window.storage.last_error is None
    window.close()


def test_a_command_line_writer_is_refused_and_rolled_back_too(data_dir):
    first = open_store(data_dir)
    first.sessions.apply(put=[run("First")])
    (data_dir / LOCK_FILE).unlink()
    second = open_store(data_dir)
    second.sessions.apply(put=[run("Second")])
    with pytest.raises(FileChangedOnDiskError, match="Nothing of this change was saved; run the command again"):
        first.sessions.apply(put=[run("Lost?")])
    assert isinstance(FileChangedOnDiskError(data_dir, ""), StoreWriteError)
    assert titles_on_disk(data_dir) == ["First", "Second"]
    assert [s.title for s in first.sessions.all()] == ["First"]  # memory back to what it had saved
    first.close()
    second.close()


def test_a_touch_or_a_deleted_file_is_not_a_change_of_content(data_dir):
    store = open_store(data_dir)
    store.sessions.apply(put=[run("One")])
    path = data_dir / DATA_FILE
    os.utime(path, ns=(1, 1))  # same bytes, other mtime: nothing to lose by saving
    store.sessions.apply(put=[run("Two")])
    path.unlink()  # gone: writing it anew loses nothing on disk
    store.sessions.apply(put=[run("Three")])
    assert titles_on_disk(data_dir) == ["One", "Three", "Two"]
    store.close()


def test_a_change_in_place_with_the_same_size_is_seen(data_dir):
    store = open_store(data_dir)
    store.sessions.apply(put=[run("Aaaa")])
    path = data_dir / DATA_FILE
    raw = path.read_bytes()
    stat = path.stat()
    with open(path, "r+b") as f:  # rewritten in place, same size, same inode, mtime put back
        f.write(raw.replace(b"Aaaa", b"Bbbb"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    with pytest.raises(FileChangedOnDiskError):
        store.sessions.apply(put=[run("Mine")])
    assert titles_on_disk(data_dir) == ["Bbbb"]
    store.close()
