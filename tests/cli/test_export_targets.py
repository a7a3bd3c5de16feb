"""Issue 19: no writer replaces a device, a FIFO or a socket, nor the app's own files; `-` is
standard output.

Device nodes are made with mknod under tmp_path (tests run as root): never aimed at the machine's
own /dev.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import stat
from pathlib import Path

import pytest

from planner.store.database import DATA_FILE, LOCK_FILE, open_store
from tests.cli.test_print_and_ics import seed

# every command that writes a file, with the arguments before the target
WRITERS = {
    "export-plan": ["export-plan"],
    "export-ics": ["export-ics"],
    "backup": ["backup"],
    "print": ["print", "--week", "2026-W48", "-o"],
    "print --season": ["print", "--season", "--week", "2026-W48", "-o"],
}


def _char_device(path: Path) -> Path:
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is, but ours
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _socket(path: Path) -> Path:
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()
    return path


NODES = {"a character device": _char_device, "a named pipe (FIFO)": _fifo, "a socket": _socket}


def _leaving_as_it_is(node: Path, cli, *args):
    """cli(*args), checking that `node` is the same node afterwards (mode, inode, device)."""
    before = os.stat(node, follow_symlinks=False)
    found = cli(*args)
    after = os.stat(node, follow_symlinks=False)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    return found


@pytest.fixture
def plan(data_dir):
    seed(data_dir)
    return data_dir


@pytest.mark.parametrize("command", list(WRITERS))
@pytest.mark.parametrize("what", list(NODES))
def test_a_special_file_is_never_replaced(cli, plan, qapp, tmp_path, command, what):
    if what != "a character device" or os.geteuid() == 0:
        target = NODES[what](tmp_path / "node")
    else:
        pytest.skip("mknod of a device needs root")
    rc, out, err = _leaving_as_it_is(target, cli, "--data-dir", plan, *WRITERS[command], target)
    assert rc == 1 and out == ""
    reason = f"it is {what}, not a regular file, so it was left as it is and nothing was written"
    if command == "backup":
        assert err == f"hybrid-planner: error: Could not write the backup {target}: {reason}.\n"
    else:
        assert err == f"hybrid-planner: error: cannot write {target}: {reason}\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", list(WRITERS))
def test_a_symlink_to_a_device_is_not_followed_over(cli, plan, qapp, tmp_path, command):
    if os.geteuid() != 0:
        pytest.skip("mknod of a device needs root")
    node = _char_device(tmp_path / "null")
    link = tmp_path / "out"
    link.symlink_to(node)
    rc, _, _ = cli("--data-dir", plan, *WRITERS[command], link)
    assert rc == 1 and stat.S_ISCHR(os.stat(node).st_mode) and link.is_symlink()


@pytest.mark.parametrize(("command", "starts"), [("export-plan", b"date,time,kind"), ("export-ics", b"BEGIN:VCALENDAR"),
                                                  ("backup", b'{"'), ("print", b"%PDF-"),
                                                  ("print --season", b"%PDF-")])
def test_dash_is_standard_output(capsysbinary, plan, qapp, command, starts):
    from planner.cli import main

    rc = main(["--data-dir", str(plan), *WRITERS[command], "-"])
    out, err = capsysbinary.readouterr()
    assert (rc, err) == (0, b"")
    assert out.startswith(starts) and not (plan / "-").exists() and not Path("-").exists()


@pytest.mark.parametrize("command", list(WRITERS))
@pytest.mark.parametrize("own", ["data file", "lock", "backup", "broken file", "data file by a symlink"])
def test_no_export_overwrites_the_apps_own_files(cli, plan, qapp, tmp_path, command, own):
    open_store(plan).close()  # a daily backup exists now
    backup = next((plan / "backups").iterdir())
    broken = plan / "hybrid-planner.broken-20261101-101010.json"
    broken.write_bytes(b"{broken")
    link = tmp_path / "looks-harmless.csv"
    link.symlink_to(plan / DATA_FILE)
    target = {"data file": plan / DATA_FILE, "lock": plan / LOCK_FILE, "backup": backup,
              "broken file": broken, "data file by a symlink": link}[own]
    real = Path(os.path.realpath(target))
    before = real.read_bytes() if real.exists() else None
    rc, out, err = cli("--data-dir", plan, *WRITERS[command], target)
    assert rc == 1 and out == ""
    assert (real.read_bytes() if real.exists() else None) == before
    what = {"data file": "it is the data file", "data file by a symlink": "it is the data file",
            "lock": "it is the data folder's lock", "backup": "it is in the backups folder",
            "broken file": "it is a file the app keeps beside the data file (a broken file set aside, "
                           "or a note about one)"}[own]
    reason = f"{what}, and an export never replaces the app's own files; nothing was written"
    if command == "backup":
        assert err == f"hybrid-planner: error: Could not write the backup {target}: {reason}.\n"
    else:
        assert err == f"hybrid-planner: error: cannot write {target}: {reason}\n"


def test_a_regular_file_is_still_replaced(cli, plan, qapp, tmp_path):
    for command, args in WRITERS.items():
        target = tmp_path / f"out-{command}"
        target.write_bytes(b"old")
        rc, _, err = cli("--data-dir", plan, *args, target)
        assert (rc, err) == (0, "") and target.read_bytes() != b"old"


# `export-workouts DIR` writes a folder of files: the folder must be one, and not the app's own
MONDAY = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())  # the demo plan is around today
WORKOUTS = ["export-workouts", "--from", str(MONDAY), "--to", str(MONDAY + dt.timedelta(days=6))]


@pytest.fixture
def workouts_plan(cli, data_dir):
    assert cli("--data-dir", data_dir, "demo")[0] == 0
    return data_dir


def _workout_names(cli, plan, tmp_path) -> list[str]:
    scratch = tmp_path / "scratch"
    assert cli("--data-dir", plan, *WORKOUTS, scratch)[0] == 0
    names = sorted(p.name for p in scratch.iterdir())
    assert names and all(n.endswith(".fit") for n in names)
    return names


@pytest.mark.parametrize("what", list(NODES))
def test_export_workouts_never_replaces_a_special_file_in_its_folder(cli, workouts_plan, tmp_path, what):
    if what == "a character device" and os.geteuid() != 0:
        pytest.skip("mknod of a device needs root")
    first = _workout_names(cli, workouts_plan, tmp_path)[0]
    folder = tmp_path / "watch"
    folder.mkdir()
    node = NODES[what](folder / first)
    rc, out, err = _leaving_as_it_is(node, cli, "--data-dir", workouts_plan, *WORKOUTS, folder)
    assert rc == 1 and out == ""
    assert err == (f"hybrid-planner: error: cannot write {node}: it is {what}, not a regular file, so it was "
                   "left as it is and nothing was written\n")


@pytest.mark.parametrize("what", list(NODES))
def test_export_workouts_refuses_a_folder_that_is_a_special_file(cli, workouts_plan, tmp_path, what):
    if what == "a character device" and os.geteuid() != 0:
        pytest.skip("mknod of a device needs root")
    node = NODES[what](tmp_path / "node")
    rc, out, err = _leaving_as_it_is(node, cli, "--data-dir", workouts_plan, *WORKOUTS, node)
    assert rc == 1 and out == ""
    assert err == (f"hybrid-planner: error: cannot write {node}: it is {what}, not a folder, so it was left "
                   "as it is and nothing was written\n")


@pytest.mark.parametrize("own", ["data file", "lock", "backups folder", "a folder in the backups folder"])
def test_export_workouts_never_writes_over_or_among_the_apps_own_files(cli, workouts_plan, own):
    plan = workouts_plan
    open_store(plan).close()  # a daily backup exists now
    backups = plan / "backups"
    target = {"data file": plan / DATA_FILE, "lock": plan / LOCK_FILE, "backups folder": backups,
              "a folder in the backups folder": backups / "watch"}[own]
    before = {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()}
    rc, out, err = cli("--data-dir", plan, *WORKOUTS, target)
    assert rc == 1 and out == ""
    assert {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()} == before
    assert not (backups / "watch").exists()
    what = {"data file": "it is the data file", "lock": "it is the data folder's lock",
            "backups folder": "it is the backups folder",
            "a folder in the backups folder": "it is in the backups folder"}[own]
    assert err == (f"hybrid-planner: error: cannot write {target}: {what}, and an export never replaces "
                   "the app's own files; nothing was written\n")


def test_export_workouts_still_writes_a_folder_and_replaces_its_regular_files(cli, workouts_plan, tmp_path):
    names = _workout_names(cli, workouts_plan, tmp_path)
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / names[0]).write_bytes(b"old")
    rc, _, err = cli("--data-dir", workouts_plan, *WORKOUTS, folder)
    assert (rc, err) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == names and (folder / names[0]).read_bytes() != b"old"
