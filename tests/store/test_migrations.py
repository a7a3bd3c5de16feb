"""Schema versions: a v1 file is upgraded (backup first), a newer file is refused and untouched."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import orjson
import pytest

from planner.domain.enums import Goal, Status
from planner.domain.session import Exercise, WorkSet
from planner.store import backups
from planner.store.database import (
    DATA_FILE,
    SCHEMA_VERSION,
    BackupError,
    CorruptStoreError,
    NewerSchemaError,
    StoreLockedError,
    list_backups,
    open_store,
)
from planner.store.migrations import migrate, read_version
from planner.words.steps import parse_steps

V1 = Path(__file__).parent / "fixtures" / "v1.json"
MON, TUE, WED = dt.date(2024, 3, 4), dt.date(2024, 3, 5), dt.date(2024, 3, 6)


@pytest.fixture
def v1_dir(data_dir):
    shutil.copyfile(V1, data_dir / DATA_FILE)
    return data_dir


def on_disk(data_dir: Path) -> dict:
    return orjson.loads((data_dir / DATA_FILE).read_bytes())


def test_current_version_is_four():
    assert SCHEMA_VERSION == 4


def test_a_new_file_gets_the_current_version(data_dir):
    open_store(data_dir).close()
    assert on_disk(data_dir) == {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}
    assert list_backups(data_dir) == []  # nothing to back up yet


def test_an_empty_database_without_version_is_not_a_plan(data_dir):
    """Issue 19: it used to open as an empty plan and be overwritten; now it is refused like any
    broken file (tests/store/test_not_a_plan.py has the rest)."""
    (data_dir / DATA_FILE).write_bytes(b'{"_default": {}}')
    with pytest.raises(CorruptStoreError):
        open_store(data_dir)


def test_unversioned_file_with_data_is_version_1():
    assert read_version({"sessions": {"1": {}}}) == 1
    assert read_version({"sessions": {}}) is None
    assert read_version({"meta": {"1": {"schema_version": 2}}, "sessions": {}}) == 2


def test_v1_fixture_is_migrated_to_v2(v1_dir):
    store = open_store(v1_dir)
    try:
        monday = store.sessions.on_date(MON)
        # Positions numbered by doc id (1, 9, 10 as numbers, not as strings "1", "10", "9").
        assert [(s.id, s.title, s.position) for s in monday] == [
            (1, "Easy run", 0), (9, "Walk", 1), (10, "Yoga", 2)]
        easy = monday[0]
        assert (easy.duration_min, easy.rpe, easy.distance_km, easy.target) == (40, 3.0, 7.5, "Z2")
        assert (easy.status, easy.actual_duration_min, easy.actual_rpe) == (Status.DONE, 42, 3.5)
        assert monday[1].notes == "with the dog"
        [lift] = store.sessions.on_date(TUE)
        assert (lift.duration_min, lift.rpe, lift.position) == (60, 8.0, 0)
        assert lift.time == dt.time(18, 30)
        assert lift.exercises[0] == Exercise(
            name="Back squat", muscles=("quads", "glutes"),
            sets=(WorkSet(reps=8, load_kg=40, warmup=True), WorkSet(reps=5, load_kg=90, rpe=8),
                  WorkSet(reps=5, load_kg=90, rir=1)))
        [intervals] = store.sessions.on_date(WED)
        assert (intervals.rpe, intervals.status, intervals.position) == (8.5, Status.SKIPPED, 0)
        assert store.profile.get().name == "Sam" and store.profile.get().goal is Goal.RUN
        [hills] = store.templates.user_templates()
        assert (hills.id, hills.duration_min, hills.rpe) == ("my-hill-reps", 45, 8.0)
        assert store.templates.hidden() == {"foam-rolling"}
        assert store.readiness.get(MON).mood == 4
        assert store.nutrition.get(MON).carb_g == 350
    finally:
        store.close()

    data = on_disk(v1_dir)
    top = max(int(k) for k in data["sessions"])
    assert data["meta"] == {"1": {"schema_version": SCHEMA_VERSION, "next_session_id": top + 1}}
    for doc in data["sessions"].values():
        assert "duration" not in doc and "session_rpe" not in doc
        assert {"duration_min", "rpe", "position"} <= doc.keys()


def test_migration_backs_up_the_old_file_first(v1_dir, clock):
    open_store(v1_dir).close()
    found = list_backups(v1_dir)
    pre_upgrade = [p for p in found if p.name.endswith("-v1.json")]
    assert [p.name for p in pre_upgrade] == ["hybrid-planner-20261127-093000-v1.json"]
    assert pre_upgrade[0].parent == v1_dir / "backups"
    assert pre_upgrade[0].read_bytes() == V1.read_bytes()
    # The day's backup is of the upgraded file, and it is the newest.
    assert found[0].name == "hybrid-planner-20261127.json"
    assert found[0].read_bytes() == (v1_dir / DATA_FILE).read_bytes()


def test_migration_runs_once(v1_dir):
    open_store(v1_dir).close()
    upgraded = (v1_dir / DATA_FILE).read_bytes()
    open_store(v1_dir).close()
    assert (v1_dir / DATA_FILE).read_bytes() == upgraded
    assert len([p for p in list_backups(v1_dir) if p.name.endswith("-v1.json")]) == 1


def test_migration_is_not_written_when_the_backup_fails(v1_dir, monkeypatch):
    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "write_atomic", no_room)
    with pytest.raises(BackupError, match="before upgrading.*not changed"):
        open_store(v1_dir)
    assert (v1_dir / DATA_FILE).read_bytes() == V1.read_bytes()
    monkeypatch.undo()
    open_store(v1_dir).close()  # the lock was released; it works once the disk has room


def test_v1_file_that_is_invalid_after_upgrade_is_kept_aside_unchanged(data_dir):
    doc = orjson.loads(V1.read_bytes())
    doc["sessions"]["3"]["session_rpe"] = 11
    bad = orjson.dumps(doc)
    (data_dir / DATA_FILE).write_bytes(bad)
    with pytest.raises(CorruptStoreError, match=r"session 3: effort \(RPE\): must be between 0 and 10") as caught:
        open_store(data_dir)
    assert caught.value.kept.read_bytes() == bad
    assert list_backups(data_dir) == []  # a broken file is never offered back as a backup


def test_migrate_numbers_each_day_by_doc_id():
    tables = {"sessions": {
        "12": {"date": "2024-01-01", "duration": 30, "session_rpe": 2},
        "3": {"date": "2024-01-01", "duration": 30, "session_rpe": 2},
        "7": {"date": "2024-01-02", "duration": 30, "session_rpe": 2},
        "5": {"date": "2024-01-01", "duration": 30, "session_rpe": 2},
    }}
    migrate(tables, 1)
    positions = {k: d["position"] for k, d in tables["sessions"].items()}
    assert positions == {"3": 0, "5": 1, "12": 2, "7": 0}
    assert tables["meta"] == {"1": {"schema_version": SCHEMA_VERSION, "next_session_id": 13}}  # 12 + 1


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, 99])
def test_newer_file_is_refused_and_left_byte_identical(data_dir, version):
    path = data_dir / DATA_FILE
    newer = (b'{"meta": {"1": {"schema_version": %d}}, "sessions": {"1": {"a_field": '
             b'"from the future"}}}' % version)
    path.write_bytes(newer)
    before = sorted(p.name for p in data_dir.iterdir())
    with pytest.raises(NewerSchemaError) as caught:
        open_store(data_dir)
    err = caught.value
    assert (err.found, err.supported) == (version, SCHEMA_VERSION)
    assert f"version {version}" in str(err) and f"up to {SCHEMA_VERSION}" in str(err)
    assert "Update Hybrid Planner" in str(err) and str(path) in str(err)
    assert path.read_bytes() == newer
    assert sorted(p.name for p in data_dir.iterdir()) == [*before, "hybrid-planner.lock"]
    # The lock was released: trying again gives the same answer, not "already open".
    with pytest.raises(NewerSchemaError):
        open_store(data_dir)
    assert not isinstance(err, StoreLockedError)


def test_v2_file_gets_the_next_id_after_its_highest():
    tables = {"meta": {"1": {"schema_version": 2}}, "sessions": {"4": {}, "9": {}}}
    migrate(tables, 2)
    assert tables["meta"] == {"1": {"schema_version": SCHEMA_VERSION, "next_session_id": 10}}  # 9 + 1


def test_session_ids_are_never_reused_across_restarts(data_dir):
    """Delete the newest session, reopen, add: the new one gets a fresh id (not the deleted one's)."""
    from planner.domain.session import Session

    store = open_store(data_dir)
    a, b = store.sessions.apply(put=[Session(kind="run", title=t, date=MON, duration_min=30, rpe=3)
                                     for t in ("A", "B")])
    store.sessions.apply(remove=[b.id])
    store.close()
    store = open_store(data_dir)
    try:
        [c] = store.sessions.apply(put=[Session(kind="run", title="C", date=MON, duration_min=30, rpe=3)])
        assert (a.id, b.id, c.id) == (1, 2, 3)
    finally:
        store.close()


def test_a_v3_file_opens_unchanged_and_a_run_then_keeps_its_steps(data_dir):
    v3 = {"meta": {"1": {"schema_version": 3, "next_session_id": 2}},
          "sessions": {"1": {"kind": "run", "type": "intervals", "title": "6 x 800 m", "duration_min": 55,
                             "rpe": 8, "date": "2026-12-08", "position": 0, "status": "planned"}}}
    (data_dir / DATA_FILE).write_bytes(orjson.dumps(v3))
    store = open_store(data_dir)
    try:
        [run] = store.sessions.on_date(dt.date(2026, 12, 8))
        assert (run.title, run.duration_min, run.steps) == ("6 x 800 m", 55, ())
        steps = parse_steps("15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy")
        store.sessions.apply(put=[run.replace(steps=steps)])
        store.storage.flush()
    finally:
        store.close()
    doc = on_disk(data_dir)
    assert doc["meta"]["1"]["schema_version"] == 4
    assert doc["sessions"]["1"]["steps"][1] == {
        "repeat": 6, "steps": [
            {"intensity": "active", "until": "distance", "amount": 800.0, "aim": "pace", "low": 250.0, "high": 260.0},
            {"intensity": "recovery", "until": "time", "amount": 120.0, "word": "jog"}]}
    reopened = open_store(data_dir)
    try:
        assert reopened.sessions.on_date(dt.date(2026, 12, 8))[0].steps == steps
    finally:
        reopened.close()
