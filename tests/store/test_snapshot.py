"""Reading the plan without the lock: the same sessions and profile, and never a write."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from planner.domain.enums import Kind, Units
from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.store.database import DATA_FILE, open_store
from planner.store.snapshot import read_snapshot
from planner.store.storage import CorruptFileError

DAY = dt.date(2026, 11, 23)


def test_snapshot_matches_the_store_while_it_is_open(data_dir):
    store = open_store(data_dir)
    try:
        store.profile.put(Profile(name="Kim", units=Units.IMPERIAL))
        stored = store.sessions.apply(put=[
            Session(kind=Kind.RUN, title=f"Run {i}", duration_min=30 + i, rpe=3, date=DAY + dt.timedelta(days=i % 3),
                    position=i // 3) for i in range(7)])
        store.storage.flush()
        snap = read_snapshot(data_dir)
        assert snap.profile == store.profile.get()
        assert sorted(snap.all(), key=lambda s: s.id) == sorted(stored, key=lambda s: s.id)
        assert snap.between(DAY, DAY) == store.sessions.between(DAY, DAY)
        assert snap.changed == dt.datetime.fromtimestamp(os.stat(data_dir / DATA_FILE).st_mtime, dt.UTC)
    finally:
        store.close()


def test_missing_file_is_an_empty_plan_and_is_not_created(data_dir):
    snap = read_snapshot(data_dir)
    assert (snap.sessions, snap.profile, snap.changed) == ((), Profile(), None)
    assert not (data_dir / DATA_FILE).exists()


def test_a_broken_file_is_reported_and_left_where_it_is(data_dir):
    (data_dir / DATA_FILE).write_bytes(b"{not json")
    with pytest.raises(CorruptFileError):
        read_snapshot(data_dir)
    assert (data_dir / DATA_FILE).read_bytes() == b"{not json"
    assert sorted(p.name for p in data_dir.iterdir()) == [DATA_FILE]
