"""A broken data file is never overwritten: it is moved aside, and the error names the last good
backup, which restore_backup puts back."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest

from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.store.database import (
    DATA_FILE,
    BackupError,
    CorruptStoreError,
    StoreLockedError,
    list_backups,
    open_store,
)
from planner.store.errors import StoreError
from planner.store.recovery import restore_backup

DAY = dt.date(2026, 3, 2)
GOOD_SESSION = {"kind": "run", "type": "easy", "title": "Easy run", "duration_min": 40, "rpe": 3,
                "date": "2026-03-02", "position": 0, "status": "planned"}
META = {"1": {"schema_version": 3}}


def with_session(**changes) -> bytes:
    return orjson.dumps({"meta": META, "sessions": {"1": {**GOOD_SESSION, **changes}}})


BROKEN = {
    "truncated": b'{"meta": {"1": {"schema_version": 3}}, "sessions": {"1": {"kind": "ru',
    "empty": b"",
    "not json": b"hello, I am not a database",
    "a list": b"[1, 2, 3]",
    "table not an object": b'{"sessions": [1, 2]}',
    "document not an object": b'{"meta": {"1": {"schema_version": 3}}, "sessions": {"1": 5}}',
    "id not a number": orjson.dumps({"meta": META, "sessions": {"first": GOOD_SESSION}}),
    "session out of range": with_session(rpe=11),
    "session without a date": orjson.dumps(
        {"meta": META, "sessions": {"1": {k: v for k, v in GOOD_SESSION.items() if k != "date"}}}),
    "session with a bad date": with_session(date="2026-02-30"),
    "session of an unknown kind": with_session(kind="swim"),
    "bad exercise": with_session(kind="lift", type="lower", exercises=[{"name": "Squat",
                                                                         "sets": []}]),
    "bad template": orjson.dumps({"meta": META, "templates": {"1": {
        "id": "t", "kind": "run", "title": "T", "duration_min": -5, "rpe": 3}}}),
    "bad hidden list": orjson.dumps({"meta": META, "templates": {"1": {"hidden_builtin": "x"}}}),
    "bad profile": orjson.dumps({"meta": META, "profile": {"1": {"name": "Sam",
                                                                   "body_mass_kg": 5}}}),
    "bad readiness": orjson.dumps({"meta": META, "readiness": {"1": {"date": "2026-03-02",
                                                                       "mood": 9}}}),
    "bad nutrition": orjson.dumps({"meta": META, "nutrition": {"1": {"date": "2026-03-02",
                                                                       "carb_g": -1}}}),
    "bad version": orjson.dumps({"meta": {"1": {"schema_version": "two"}}, "sessions": {}}),
}


def run(title: str) -> Session:
    return Session(kind="run", title=title, duration_min=40, rpe=3.0, date=DAY)


@pytest.fixture
def good_history(data_dir, clock):
    """A store with data that was opened yesterday, so a good daily backup exists."""
    store = open_store(data_dir)
    store.sessions.apply(put=[run("Easy run"), run("Tempo run")])
    store.profile.put(Profile(name="Sam"))
    store.close()
    clock.advance(days=-1)
    open_store(data_dir).close()  # first open "yesterday": the daily backup
    clock.advance(days=1)
    [backup] = list_backups(data_dir)
    return backup


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_file_is_moved_aside_and_never_overwritten(data_dir, good_history, clock, name):
    path = data_dir / DATA_FILE
    broken = BROKEN[name]
    path.write_bytes(broken)

    with pytest.raises(CorruptStoreError) as caught:
        open_store(data_dir)
    err = caught.value
    assert err.kept == data_dir / "hybrid-planner.broken-20261127-093000.json"
    assert err.kept.read_bytes() == broken
    assert not path.exists()
    # The good daily backup is renamed out of pruning ("-kept"), bytes unchanged.
    assert err.backup == data_dir / "backups" / "hybrid-planner-20261126-kept.json"
    assert not good_history.exists()
    message = str(err)
    assert str(err.kept) in message and str(err.backup) in message
    assert "Traceback" not in message and "\n" not in message

    # Every later start refuses with the same message, until the user decides.
    with pytest.raises(CorruptStoreError) as again:
        open_store(data_dir)
    assert str(again.value) == message
    assert not path.exists()

    # Starting an empty plan on purpose; the broken one stays as it was.
    fresh = open_store(data_dir, start_fresh=True)
    assert len(fresh.sessions) == 0
    fresh.close()
    assert err.kept.read_bytes() == broken
    open_store(data_dir).close()  # settled: opens without the option now


def test_error_says_so_when_there_is_no_backup(data_dir, clock):
    (data_dir / DATA_FILE).write_bytes(b"{not json")
    with pytest.raises(CorruptStoreError) as caught:
        open_store(data_dir)
    assert caught.value.backup is None
    assert "no good backup" in str(caught.value)
    assert "not valid JSON" in str(caught.value)


def test_the_reason_names_the_bad_record(data_dir, clock):
    (data_dir / DATA_FILE).write_bytes(with_session(rpe=11))
    with pytest.raises(CorruptStoreError, match=r"session 1: effort \(RPE\): must be between 0 and 10"):
        open_store(data_dir)


def test_two_broken_files_in_the_same_second_are_both_kept(data_dir, clock):
    for content in (b"first", b"second"):
        (data_dir / DATA_FILE).write_bytes(content)
        with pytest.raises(CorruptStoreError):
            open_store(data_dir)
    kept = sorted(data_dir.glob("hybrid-planner.broken-*.json"))
    assert [p.read_bytes() for p in kept] == [b"second", b"first"]  # "-2" sorts first


def test_a_broken_backup_is_not_offered(data_dir, good_history, clock):
    good_bytes = good_history.read_bytes()
    newer_but_broken = data_dir / "backups" / "hybrid-planner-20261127.json"
    newer_but_broken.write_bytes(b"{broken")
    assert list_backups(data_dir)[0] == newer_but_broken
    (data_dir / DATA_FILE).write_bytes(b"{also broken")
    with pytest.raises(CorruptStoreError) as caught:
        open_store(data_dir)
    assert caught.value.backup.name == "hybrid-planner-20261126-kept.json"
    assert caught.value.backup.read_bytes() == good_bytes


def test_restore_backup_brings_back_the_last_good_data(data_dir, good_history, clock):
    (data_dir / DATA_FILE).write_bytes(b"{broken")
    with pytest.raises(CorruptStoreError) as caught:
        open_store(data_dir)

    restored = restore_backup(data_dir, caught.value.backup)
    assert restored == data_dir / DATA_FILE
    store = open_store(data_dir)
    try:
        assert [s.title for s in store.sessions.on_date(DAY)] == ["Easy run", "Tempo run"]
        assert store.profile.get().name == "Sam"
    finally:
        store.close()
    assert caught.value.kept.read_bytes() == b"{broken"  # still kept


def test_restore_keeps_the_file_it_replaces(data_dir, good_history, clock):
    store = open_store(data_dir)
    store.sessions.apply(put=[run("Written after the backup")])
    store.close()
    current = (data_dir / DATA_FILE).read_bytes()
    restore_backup(data_dir, good_history)
    replaced = data_dir / "backups" / "hybrid-planner-20261127-093000-before-restore.json"
    assert replaced.read_bytes() == current
    # Today's daily backup (taken at the open above) holds newer data than the restore's copy.
    assert [p.name for p in list_backups(data_dir)] == [
        "hybrid-planner-20261127.json", "hybrid-planner-20261127-093000-before-restore.json",
        "hybrid-planner-20261126.json"]
    assert (data_dir / DATA_FILE).read_bytes() == good_history.read_bytes()


def test_restore_refuses_a_broken_backup_and_changes_nothing(data_dir, good_history, clock):
    bad = data_dir / "backups" / "hybrid-planner-20261120.json"
    bad.write_bytes(b"[]")
    before = (data_dir / DATA_FILE).read_bytes()
    with pytest.raises(BackupError, match="cannot be restored"):
        restore_backup(data_dir, bad)
    with pytest.raises(BackupError, match="does not exist"):
        restore_backup(data_dir, data_dir / "backups" / "missing.json")
    assert (data_dir / DATA_FILE).read_bytes() == before


def test_restore_while_the_store_is_open_is_refused(data_dir, good_history):
    store = open_store(data_dir)
    try:
        with pytest.raises(StoreLockedError):
            restore_backup(data_dir, good_history)
    finally:
        store.close()


def test_every_store_error_is_a_store_error():
    from planner.store import errors, storage

    for cls in (errors.StoreLockedError, errors.NewerSchemaError, errors.CorruptStoreError,
                errors.BackupError, storage.CorruptFileError, storage.StoreWriteError):
        assert issubclass(cls, StoreError)
