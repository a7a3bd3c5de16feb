"""Issue 19: a file without the meta table is not a plan, and ids outside what the app gives out
are refused, on open and on restore, with a clear message; nothing is changed."""

from __future__ import annotations

import orjson
import pytest

from planner.store.database import DATA_FILE, CorruptStoreError, open_store
from planner.store.errors import BackupError
from planner.store.recovery import restore_file
from tests.store.test_corrupt import GOOD_SESSION

NO_META = "holds no plan: it has no meta table with a data format version, which every data file the app writes has"
THIRTY = "1" * 30


def _plan(*, sessions: dict | None = None, meta: dict | None = None) -> bytes:
    return orjson.dumps({"meta": {"1": meta or {"schema_version": 3}}, "sessions": sessions or {}})


@pytest.mark.parametrize("raw", [b"{}", b'{"sessions":{}}', b'{"sessions": {}, "profile": {}}'])
def test_a_file_without_meta_is_refused_and_kept(data_dir, raw):
    path = data_dir / DATA_FILE
    path.write_bytes(raw)
    with pytest.raises(CorruptStoreError) as err:
        open_store(data_dir)  # on main: opened as an empty plan and overwritten
    assert err.value.reason == NO_META
    kept = err.value.kept
    assert kept != path and kept.read_bytes() == raw and not path.exists()
    with pytest.raises(CorruptStoreError):  # every start refuses until the user chooses
        open_store(data_dir)


def test_a_file_with_meta_and_no_sessions_is_a_plan(data_dir):
    (data_dir / DATA_FILE).write_bytes(_plan())
    open_store(data_dir).close()


@pytest.mark.parametrize("raw", [b"{}", b'{"sessions":{}}'])
def test_restore_refuses_a_file_without_meta(data_dir, tmp_path, raw):
    source = tmp_path / "backup.json"
    source.write_bytes(raw)
    with pytest.raises(BackupError) as err:
        restore_file(data_dir, source)
    assert str(err.value) == f"{source} {NO_META}, so it cannot be restored. Nothing was changed."


def _id_reason(key: str) -> str:
    shown = f"{key[:20]}… ({len(key)} digits)" if len(key) > 20 else key
    return f"has a session id {shown}, outside the ids the app gives out (1 to 9,007,199,254,740,991)"


@pytest.mark.parametrize("key", [THIRTY, str(2**53), "0"])
def test_an_id_out_of_range_is_refused_on_restore(data_dir, tmp_path, key):
    store = open_store(data_dir)
    store.close()
    before = (data_dir / DATA_FILE).read_bytes()
    source = tmp_path / "backup.json"
    source.write_bytes(_plan(sessions={key: GOOD_SESSION}, meta={"schema_version": 3, "next_session_id": 2}))
    with pytest.raises(BackupError) as err:
        restore_file(data_dir, source)  # on main: accepted; every later import failed
    assert str(err.value) == f"{source} {_id_reason(key)}, so it cannot be restored. Nothing was changed."
    assert (data_dir / DATA_FILE).read_bytes() == before


def test_an_id_out_of_range_is_refused_on_open(data_dir):
    (data_dir / DATA_FILE).write_bytes(_plan(sessions={THIRTY: GOOD_SESSION}))
    with pytest.raises(CorruptStoreError) as err:
        open_store(data_dir)
    assert err.value.reason == _id_reason(THIRTY)
    assert err.value.reason.startswith("has a session id 11111111111111111111… (30 digits)")


def test_the_largest_id_is_accepted_and_the_next_one_refused(data_dir, tmp_path):
    top = str(2**53 - 1)
    (data_dir / DATA_FILE).write_bytes(_plan(sessions={top: GOOD_SESSION},
                                             meta={"schema_version": 3, "next_session_id": 2**53}))
    open_store(data_dir).close()
    (data_dir / DATA_FILE).write_bytes(_plan(sessions={"1": GOOD_SESSION},
                                             meta={"schema_version": 3, "next_session_id": 2**60}))
    with pytest.raises(CorruptStoreError) as err:
        open_store(data_dir)
    assert err.value.reason == ("has a next session id 1152921504606846976 in its meta table, "
                                "outside the ids the app gives out (1 to 9,007,199,254,740,991)")
