"""open_store's small promises: it makes the folder, and leaves the garbage collector as it was."""

from __future__ import annotations

import gc

import pytest

from planner.store.database import DATA_FILE, LOCK_FILE, open_store


def test_missing_data_folders_are_created(tmp_path):
    data_dir = tmp_path / "not" / "there" / "yet"
    open_store(data_dir).close()
    assert (data_dir / DATA_FILE).is_file() and (data_dir / LOCK_FILE).is_file()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(data_dir, enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        open_store(data_dir).close()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_data_folder_that_is_a_file_gives_a_clear_error(tmp_path):
    from planner.store.errors import StoreError

    blocker = tmp_path / "data"
    blocker.write_text("I am a file")
    with pytest.raises(StoreError, match="Could not create the data folder"):
        open_store(blocker)
