"""One app per data folder: a second open is refused, in this process and from another one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from planner.store.database import (
    DATA_FILE,
    LOCK_FILE,
    CorruptStoreError,
    StoreLockedError,
    open_store,
)

ROOT = Path(__file__).resolve().parents[2]


def test_second_open_is_refused_until_the_first_closes(data_dir):
    first = open_store(data_dir)
    with pytest.raises(StoreLockedError) as caught:
        open_store(data_dir)
    message = str(caught.value)
    assert "already open in another Hybrid Planner window" in message
    assert str(data_dir / LOCK_FILE) in message and str(data_dir / DATA_FILE) in message
    assert caught.value.lock_file == data_dir / LOCK_FILE
    first.close()
    second = open_store(data_dir)
    second.close()


def test_close_twice_is_harmless(data_dir):
    store = open_store(data_dir)
    closed = []
    store.on_close(lambda: closed.append(1))
    store.close()
    store.close()
    assert closed == [1]  # the close callbacks (the lock's release among them) ran once
    again = open_store(data_dir)  # and the folder is free
    again.close()
    other = open_store(data_dir)  # the second close did not touch the new holder's lock
    try:
        with pytest.raises(StoreLockedError):
            open_store(data_dir)
    finally:
        other.close()


def test_a_failed_open_releases_the_lock(data_dir):
    (data_dir / DATA_FILE).write_bytes(b"not json")
    with pytest.raises(CorruptStoreError):
        open_store(data_dir)
    open_store(data_dir, start_fresh=True).close()  # the lock was released: this one gets it


def test_other_folders_are_independent(tmp_path):
    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    a.close()
    b.close()


HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from planner.store.database import open_store

    store = open_store(Path(sys.argv[1]))
    print("open", flush=True)
    sys.stdin.readline()  # hold the store until told, or until killed
    store.close()
    print("closed", flush=True)
""")


def start_holder(data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_lock_holds_across_processes_and_is_released_by_close(data_dir):
    proc = start_holder(data_dir)
    try:
        with pytest.raises(StoreLockedError):
            open_store(data_dir)
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "closed"
        assert proc.wait(timeout=10) == 0
    finally:
        proc.kill()
    open_store(data_dir).close()


def test_lock_is_released_when_the_holder_dies(data_dir):
    proc = start_holder(data_dir)
    try:
        with pytest.raises(StoreLockedError):
            open_store(data_dir)
    finally:
        proc.kill()  # no close(): a crash
        proc.wait(timeout=10)
    open_store(data_dir).close()


def test_the_lock_names_its_holder_a_command_with_its_pid(data_dir):
    """Issue 19: the loser of two command-line writers was told to close "the other window"."""
    from planner.store.database import COMMAND

    first = open_store(data_dir, holder=COMMAND)
    try:
        with pytest.raises(StoreLockedError) as caught:
            open_store(data_dir, holder=COMMAND)
        assert str(caught.value) == (
            f"{data_dir / DATA_FILE} is in use by a hybrid-planner command (process {os.getpid()}; lock file "
            f"{data_dir / LOCK_FILE}). Wait for it to finish, or start with --data-dir to use another folder.")
    finally:
        first.close()


def test_the_lock_names_a_window_with_its_pid(data_dir):
    first = open_store(data_dir)
    try:
        with pytest.raises(StoreLockedError) as caught:
            open_store(data_dir)
        assert str(caught.value) == (
            f"{data_dir / DATA_FILE} is already open in another Hybrid Planner window (process {os.getpid()}; "
            f"lock file {data_dir / LOCK_FILE}). Close the other window first, or start with --data-dir to use "
            "another folder.")
    finally:
        first.close()
    assert not (data_dir / "hybrid-planner.lock.holder").exists()  # let go with the lock


def test_a_holder_that_cannot_be_told_is_named_as_either(data_dir):
    first = open_store(data_dir)
    try:
        (data_dir / "hybrid-planner.lock.holder").write_bytes(b"garbage")
        with pytest.raises(StoreLockedError) as caught:
            open_store(data_dir)
        assert str(caught.value).startswith(f"{data_dir / DATA_FILE} is in use by another Hybrid Planner, a "
                                            "window or a command (lock file ")
    finally:
        first.close()


@pytest.fixture
def cli_in_process(capsys):
    from planner.cli import main

    def run(*argv: object) -> tuple[int, str, str]:
        capsys.readouterr()
        rc = main([str(a) for a in argv])
        return (rc, *capsys.readouterr())

    return run


def test_two_command_line_writers(cli_in_process, data_dir):
    from planner.store.database import COMMAND

    holder = open_store(data_dir, holder=COMMAND)
    try:
        rc, _, err = cli_in_process("--data-dir", data_dir, "log", "--date", "2026-11-23", "--sleep", "8")
        assert rc == 1 and f"is in use by a hybrid-planner command (process {os.getpid()};" in err
        assert "window" not in err
    finally:
        holder.close()
