"""The reference-sized history (~4,700 sessions with set detail) opens whole and decoded.

Timing is measured by tests/store/bench_open.py, not asserted here (the machines are noisy).
"""

from __future__ import annotations

from planner.store.checked_mark import mark_path
from planner.store.database import DATA_FILE, open_store
from tests.store.synthetic_history import reference_history


def test_reference_history_survives_close_and_reopen(data_dir, clock):
    history = list(reference_history())
    assert len(history) > 4000
    store = open_store(data_dir)
    stored = store.sessions.apply(put=history)
    store.close()

    for checked_before in (True, False):
        if not checked_before:  # another program's file, or ours before the note existed
            mark_path(data_dir / DATA_FILE).unlink()
        reopened = open_store(data_dir)
        try:
            assert len(reopened.sessions) == len(history)
            # the file we saved is not checked again; any other file is decoded whole at open,
            # and the sessions handed to the cache
            assert len(reopened.sessions._cache) == (0 if checked_before else len(history))
            assert reopened.sessions.all() == sorted(stored, key=lambda s: (s.date, s.position, s.id))
            first, last = reopened.sessions.date_range()
            assert (first, last) == (min(s.date for s in history), max(s.date for s in history))
        finally:
            reopened.close()
