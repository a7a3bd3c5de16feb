"""A file we saved (or checked whole) is not checked again at the next open; any other is.

The open-time check decodes every document (about 0.1 s at ten years); the note beside the file
names the exact bytes that need no check, so a file changed by anyone else is still refused when
it holds a broken record.
"""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.store.checked_mark import digest, is_checked, mark_checked, mark_path
from planner.store.database import DATA_FILE, CorruptStoreError, open_snapshot, open_store
from tests.store.test_atomic_save import run


def _saved_store(data_dir):
    store = open_store(data_dir)
    store.sessions.apply(put=[run("One"), run("Two")])
    store.close()
    return data_dir / DATA_FILE


def test_our_own_save_is_not_decoded_again_at_open(data_dir):
    path = _saved_store(data_dir)
    assert is_checked(path, path.read_bytes())
    store = open_store(data_dir)
    try:
        assert store.sessions._cache == {}  # nothing decoded at open
        assert [s.title for s in store.sessions.all()] == ["One", "Two"]  # decoded when read
    finally:
        store.close()


def test_a_file_changed_by_another_program_is_checked_and_refused_when_broken(data_dir):
    path = _saved_store(data_dir)
    tables = orjson.loads(path.read_bytes())
    next(iter(tables["sessions"].values()))["duration_min"] = -5  # still JSON, no longer a session
    path.write_bytes(orjson.dumps(tables))
    with pytest.raises(CorruptStoreError, match="not valid"):
        open_store(data_dir)


def test_a_snapshot_trusts_the_same_bytes_only(data_dir):
    path = _saved_store(data_dir)
    snap = open_snapshot(data_dir)
    assert snap.sessions._cache == {}
    snap.close()
    mark_path(path).write_text("0" * 64, encoding="ascii")  # a note of other bytes
    snap = open_snapshot(data_dir)
    assert len(snap.sessions._cache) == 2  # checked whole
    snap.close()


def test_a_file_checked_whole_at_open_is_noted(data_dir):
    path = _saved_store(data_dir)
    mark_path(path).unlink()
    open_store(data_dir).close()
    assert is_checked(path, path.read_bytes())


def test_a_torn_or_missing_note_means_a_full_check(tmp_path):
    path = tmp_path / DATA_FILE
    raw = b'{"sessions": {}}'
    assert not is_checked(path, raw)
    mark_path(path).write_bytes(digest(raw).encode()[:20])
    assert not is_checked(path, raw)
    mark_path(path).write_bytes(b"\xff\xfe")
    assert not is_checked(path, raw)
    mark_checked(path, raw)
    assert is_checked(path, raw)


@given(st.binary(min_size=1, max_size=200), st.binary(min_size=1, max_size=200))
def test_the_note_names_only_the_bytes_it_was_made_for(a, b):
    assert (digest(a) == digest(b)) == (a == b)
