"""A broken file stays unresolved until the user decides; backups, restore, snapshots, temp files
and file modes (issue 7, defects 2, 4, 9, 11)."""

from __future__ import annotations

import datetime as dt
import os
import stat

import orjson
import pytest

from planner.domain.profile import NutritionLog, Profile, ReadinessEntry
from planner.domain.session import Session, Template
from planner.store.checked_mark import mark_path
from planner.store.database import (
    DATA_FILE,
    LOCK_FILE,
    CorruptStoreError,
    StoreError,
    list_backups,
    open_snapshot,
    open_store,
)
from planner.store.errors import BackupError
from planner.store.recovery import backup_infos, describe, restore_file, restore_into, start_fresh, write_backup

DAY = dt.date(2026, 3, 2)


def run(title: str, day: dt.date = DAY) -> Session:
    return Session(kind="run", title=title, duration_min=40, rpe=3.0, date=day)


def titles(store) -> list[str]:
    return [s.title for s in store.sessions.all()]


def test_the_issues_steps_a_broken_file_never_costs_the_good_backup(data_dir, clock):
    """Open a good plan (today's backup is made), truncate the file, run again and again; then a
    week of daily backups of a new plan. The good backup is never pruned."""
    store = open_store(data_dir)
    store.sessions.apply(put=[run("Good 1"), run("Good 2")])
    store.close()
    clock.advance(days=1)
    open_store(data_dir).close()  # today's backup of the good plan
    [good] = list_backups(data_dir)
    good_bytes = good.read_bytes()
    (data_dir / DATA_FILE).write_bytes((data_dir / DATA_FILE).read_bytes()[:40])  # truncated

    with pytest.raises(CorruptStoreError) as first:
        open_store(data_dir)
    kept_backup = data_dir / "backups" / "hybrid-planner-20261128-kept.json"
    assert first.value.backup == kept_backup and kept_backup.read_bytes() == good_bytes
    for _ in range(3):  # every later start, reader or writer: the same refusal, no empty plan
        with pytest.raises(CorruptStoreError) as again:
            open_store(data_dir)
        assert str(again.value) == str(first.value)
        with pytest.raises(CorruptStoreError) as read:
            open_snapshot(data_dir)
        assert str(read.value) == str(first.value)
    assert not (data_dir / DATA_FILE).exists()

    assert start_fresh(data_dir) == (f"Started an empty plan; the broken data file stays, unchanged, at "
                                     f"{first.value.kept}.")
    for day in range(8):  # a week and more of the new plan, one open a day
        clock.advance(days=1)
        store = open_store(data_dir)
        store.sessions.apply(put=[run(f"New {day}")])
        store.close()
    names = [p.name for p in list_backups(data_dir)]
    assert len([n for n in names if not n.endswith("-kept.json")]) == 5  # daily ones pruned to 5
    assert "hybrid-planner-20261128-kept.json" in names
    assert kept_backup.read_bytes() == good_bytes

    result = restore_file(data_dir, kept_backup)
    assert result.sessions == 2
    store = open_store(data_dir)
    assert titles(store) == ["Good 1", "Good 2"]
    store.close()


def test_a_file_put_back_by_hand_settles_the_broken_one(data_dir, clock):
    (data_dir / DATA_FILE).write_bytes(b"{broken")
    with pytest.raises(CorruptStoreError):
        open_store(data_dir)
    good = open_store(data_dir / "elsewhere")
    good.sessions.apply(put=[run("Copied back")])
    good.close()
    os.replace(data_dir / "elsewhere" / DATA_FILE, data_dir / DATA_FILE)
    store = open_store(data_dir)
    assert titles(store) == ["Copied back"]
    store.close()
    assert not (data_dir / "hybrid-planner.unresolved.json").exists()


def test_start_fresh_on_a_good_file_changes_nothing(data_dir):
    store = open_store(data_dir)
    store.sessions.apply(put=[run("Keep me")])
    store.close()
    before = (data_dir / DATA_FILE).read_bytes()
    assert start_fresh(data_dir) is None
    assert (data_dir / DATA_FILE).read_bytes() == before


def test_stale_temp_files_of_ours_are_removed_on_open_and_no_others(data_dir):
    (data_dir / "backups").mkdir()
    ours = [data_dir / ".hybrid-planner.json.k3j_x9aa.tmp",  # mkstemp's name, older versions
            data_dir / ".hybrid-planner.json.0123456789ab.tmp",
            data_dir / "backups" / ".hybrid-planner-20261127.json.fedcba987654.tmp"]
    others = [data_dir / ".other.json.0123456789ab.tmp", data_dir / "hybrid-planner.json.tmp",
              data_dir / "notes.tmp"]
    for p in ours + others:
        p.write_bytes(b"x" * 1000)
    open_store(data_dir).close()
    assert [p.exists() for p in ours] == [False, False, False]
    assert [p.exists() for p in others] == [True, True, True]


def test_a_snapshot_needs_no_lock_writes_nothing_and_refuses_writes(data_dir, clock):
    writer = open_store(data_dir)
    writer.sessions.apply(put=[run("Saved")])
    try:
        snap = open_snapshot(data_dir)  # while the writer holds the lock
        assert titles(snap) == ["Saved"]
        with pytest.raises(StoreError, match="opened read-only"):
            snap.sessions.apply(put=[run("No")])
        snap.close()
    finally:
        writer.close()
    assert list_backups(data_dir) == []  # the writer's first open had no data; the snapshot made none
    assert sorted(p.name for p in data_dir.iterdir()) == [mark_path(data_dir / DATA_FILE).name, DATA_FILE, LOCK_FILE]


def test_a_snapshot_of_a_missing_folder_is_an_empty_plan_and_creates_nothing(tmp_path):
    snap = open_snapshot(tmp_path / "nothing here")
    assert titles(snap) == []
    snap.close()
    assert not (tmp_path / "nothing here").exists()


def test_saves_keep_the_files_mode_and_new_files_follow_the_umask(data_dir):
    store = open_store(data_dir)
    store.sessions.apply(put=[run("One")])
    path = data_dir / DATA_FILE
    path.chmod(0o640)
    store.sessions.apply(put=[run("Two")])
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    old = os.umask(0o022)
    try:
        write_backup(store, data_dir / "b1.json")
        os.umask(0o077)
        write_backup(store, data_dir / "b2.json")
    finally:
        os.umask(old)
        store.close()
    assert stat.S_IMODE((data_dir / "b1.json").stat().st_mode) == 0o644  # 0o666 & ~0o022
    assert stat.S_IMODE((data_dir / "b2.json").stat().st_mode) == 0o600  # 0o666 & ~0o077


def _full_store(data_dir):
    store = open_store(data_dir)
    store.sessions.apply(put=[run("Easy run"), run("Long run", DAY + dt.timedelta(days=6))])
    store.profile.put(Profile(name="Sam", body_mass_kg=70.0))
    store.templates.set_state([Template(kind="run", title="My fartlek", duration_min=45, rpe=6.0, id="user-1")],
                              {"easy-run"})
    store.readiness.put(DAY, ReadinessEntry(DAY, sleep_h=7.5, mood=4))
    store.nutrition.put(DAY, NutritionLog(DAY, carb_g=400.0))
    return store


def test_backup_then_restore_brings_back_everything(data_dir, tmp_path, clock):
    store = _full_store(data_dir)
    assert write_backup(store, tmp_path / "all.json") == 2
    store.close()
    written = orjson.loads((tmp_path / "all.json").read_bytes())
    assert sorted(written) == ["meta", "nutrition", "profile", "readiness", "sessions", "templates"]

    other = tmp_path / "other"
    result = restore_file(other, tmp_path / "all.json")
    assert (result.path, result.previous, result.sessions) == (other / DATA_FILE, None, 2)
    store = open_store(other)
    assert titles(store) == ["Easy run", "Long run"]
    assert store.profile.get().name == "Sam"
    assert [t.title for t in store.templates.user_templates()] == ["My fartlek"]
    assert store.templates.hidden() == {"easy-run"}
    assert store.readiness.get(DAY) == ReadinessEntry(DAY, sleep_h=7.5, mood=4)
    assert store.nutrition.get(DAY) == NutritionLog(DAY, carb_g=400.0)
    store.close()


def test_restore_checks_the_whole_file_and_changes_nothing_if_one_record_is_wrong(data_dir, tmp_path, clock):
    store = _full_store(data_dir)
    write_backup(store, tmp_path / "all.json")
    store.close()
    tables = orjson.loads((tmp_path / "all.json").read_bytes())
    tables["nutrition"]["1"]["carb_g"] = -5  # the very last table, one field
    (tmp_path / "bad.json").write_bytes(orjson.dumps(tables))
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    with pytest.raises(BackupError) as info:
        restore_file(data_dir, tmp_path / "bad.json")
    assert str(info.value) == (f"{tmp_path / 'bad.json'} holds a record that is not valid (nutrition log "
                               "2026-03-02: carbohydrate: must be between 0 and 2000 g (got -5)), so it cannot be "
                               "restored. Nothing was changed.")
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before


def test_restore_into_the_open_window_backs_up_what_it_shows_first(data_dir, tmp_path, clock):
    source = open_store(tmp_path / "src")
    source.sessions.apply(put=[run("From the backup")])
    write_backup(source, tmp_path / "b.json")
    source.close()
    window = open_store(data_dir)
    window.storage.start_background()
    window.sessions.apply(put=[run("Unsaved in the window")])
    result = restore_into(window, tmp_path / "b.json")
    assert titles(window) == ["From the backup"]
    assert result.previous == data_dir / "backups" / "hybrid-planner-20261127-093000-before-restore.json"
    previous = orjson.loads(result.previous.read_bytes())
    assert [d["title"] for d in previous["sessions"].values()] == ["Unsaved in the window"]
    on_disk = orjson.loads((data_dir / DATA_FILE).read_bytes())
    assert [d["title"] for d in on_disk["sessions"].values()] == ["From the backup"]
    window.close()


def test_backups_are_listed_newest_first_with_date_and_sessions(data_dir, clock):
    for n in (1, 2, 3):
        store = open_store(data_dir)
        store.sessions.apply(put=[run(f"Run {n}")])
        store.close()
        clock.advance(days=1)
        open_store(data_dir).close()
    (data_dir / "backups" / "hybrid-planner-20261101.json").write_bytes(b"{oops")
    lines = [describe(i) for i in backup_infos(data_dir)]
    folder = data_dir / "backups"
    assert lines == [
        f"{folder}/hybrid-planner-20261130.json  2026-11-30  3 sessions",
        f"{folder}/hybrid-planner-20261129.json  2026-11-29  2 sessions",
        f"{folder}/hybrid-planner-20261128.json  2026-11-28  1 session",
        f"{folder}/hybrid-planner-20261101.json  2026-11-01  unreadable: is not valid JSON "
        "(unexpected character, expected a string key: line 1 column 2 (char 1))",
    ]
