"""Saving on a worker thread: writes coalesce, land on disk, and a failure keeps the changes."""

from __future__ import annotations

import datetime as dt
import threading

import orjson

import planner.store.storage as storage_module
from planner.domain.session import Session
from planner.store.database import open_store


def _run(title: str, day: int = 1) -> Session:
    return Session(kind="run", title=title, duration_min=30, rpe=3, date=dt.date(2026, 1, day))


def _on_disk(store) -> list[str]:
    data = orjson.loads(store.path.read_bytes())
    return sorted(d["title"] for d in data["sessions"].values())


def test_background_writes_land_after_flush(tmp_path, monkeypatch):
    # A delay far longer than 20 in-memory writes take: they must all land in one save.
    monkeypatch.setattr(storage_module._SaveWorker, "DELAY_S", 2.0)
    store = open_store(tmp_path)
    store.storage.start_background()
    opened = store.storage.saves  # a new file is written once when it is created
    try:
        for i in range(20):
            store.sessions.apply(put=[_run(f"S{i}", 1 + i % 5)])
        store.storage.flush()
        assert _on_disk(store) == sorted(f"S{i}" for i in range(20))
        assert store.storage.saves - opened == 1  # coalesced while the worker waited
    finally:
        store.close()
    reopened = open_store(tmp_path)
    try:
        assert len(reopened.sessions) == 20
    finally:
        reopened.close()


def test_background_failure_keeps_changes_reports_and_retries(tmp_path, monkeypatch):
    store = open_store(tmp_path)
    errors: list[str] = []
    failed = threading.Event()

    def on_error(message: str) -> None:
        errors.append(message)
        failed.set()

    store.storage.start_background(on_error)
    try:
        store.sessions.apply(put=[_run("kept on disk")])
        store.storage.flush()
        real = storage_module.write_atomic

        def full_disk(path, payload, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(storage_module, "write_atomic", full_disk)
        store.sessions.apply(put=[_run("only in memory", 2)])
        assert failed.wait(5)
        assert "No space left on device" in errors[0] and "kept" in errors[0]
        # nothing was lost: memory still has it, and the old file is intact
        assert [s.title for s in store.sessions.on_date(dt.date(2026, 1, 2))] == ["only in memory"]
        assert _on_disk(store) == ["kept on disk"]
        monkeypatch.setattr(storage_module, "write_atomic", real)
        store.storage.flush()  # the retry succeeds once the disk has room again
        assert _on_disk(store) == ["kept on disk", "only in memory"]
    finally:
        store.close()


def test_close_flushes_pending_saves(tmp_path):
    store = open_store(tmp_path)
    store.storage.start_background()
    store.sessions.apply(put=[_run("last change")])
    store.close()
    assert _on_disk(store) == ["last change"]
