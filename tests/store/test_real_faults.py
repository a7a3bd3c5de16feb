"""The store under real faults, not monkeypatched ones (issue 7): SIGKILL during saves, a full disk,
a read-only mount, a symlink, a FIFO and a device as the data file, deep nesting, a 200 MB file.

Tests that need a mount run only as root (CI runs as root); elsewhere they are skipped, saying why.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from planner.domain.session import Session
from planner.store.database import DATA_FILE, CorruptStoreError, NotRegularFileError, open_snapshot, open_store
from planner.store.storage import StoreWriteError, temp_name_pattern

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
DAY = dt.date(2026, 3, 2)


def run(title: str, notes: str = "", day: dt.date = DAY) -> Session:
    return Session(kind="run", title=title, duration_min=40, rpe=3.0, date=day, notes=notes)


def temps(data_dir: Path) -> list[str]:
    """Our temporary files in the data folder and its backups folder."""
    pattern = temp_name_pattern("hybrid-planner")
    return sorted(str(p.relative_to(data_dir)) for folder in (data_dir, data_dir / "backups")
                  if folder.is_dir() for p in folder.iterdir() if pattern.match(p.name))


def cli(*args: object, timeout: float = 60, **kw) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("HYBRID_PLANNER_DEBUG", None)
    return subprocess.run([PY, "-m", "planner", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env, **kw)


# -- SIGKILL during saves ----------------------------------------------------------------------
ROUNDS = 60


def _titles(path: Path) -> set[str]:
    tables = orjson.loads(path.read_bytes())
    return {doc["title"] for doc in tables["sessions"].values()}


def test_sigkill_at_random_points_leaves_the_old_or_the_new_state_and_no_temp_file(data_dir):
    """60 rounds, half saving at once (the command line), half in the background (the window).
    Each round kills the writer at a random moment of its loop; the file must hold exactly one
    round's state, every session alike (never a mix); at once, nothing that was reported saved is
    lost; and the next open removes any temporary file the kill left."""
    store = open_store(data_dir, backups=0)
    store.sessions.apply(put=[run("round 0", notes="x" * 3000, day=DAY + dt.timedelta(days=i % 90))
                              for i in range(300)])  # ~1 MB: a save takes a few ms to write
    store.close()
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    last_on_disk = 0
    temps_left = 0
    for round_ in range(ROUNDS):
        mode = "now" if round_ % 2 == 0 else "background"
        child = subprocess.Popen([PY, "-m", "tests.store.kill_writer", str(data_dir), mode], cwd=ROOT,
                                 env=env, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        printed = [int(line) for line in child.stdout.read().split()]
        child.wait()
        temps_left += bool(temps(data_dir))

        (title,) = _titles(data_dir / DATA_FILE)  # one state: every session has the same round
        on_disk = int(title.split()[-1])
        reported = printed[-1] if printed else last_on_disk
        assert on_disk >= last_on_disk  # the start state was on disk: never goes back
        if mode == "now":  # each printed round was on disk before it was printed
            assert on_disk in (reported, reported + 1), (round_, printed[-3:], on_disk)
        else:  # the background saver lags, but never invents a round
            assert on_disk <= reported + 1
        last_on_disk = on_disk

        open_store(data_dir, backups=0).close()  # the next open clears what the kill left
        assert temps(data_dir) == []
    print(f"\n{ROUNDS} SIGKILLs: {temps_left} left a temporary file behind (removed at the next open); "
          f"the file reached round {last_on_disk}")
    assert last_on_disk >= 5  # the writers did write (a loaded machine makes fewer rounds)


# -- a full disk: a real 1 MB tmpfs ------------------------------------------------------------
def _mount(args: list[str]) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 1 MB tmpfs (root only: CI runs as root)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a 1 MB tmpfs needs root")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    try:
        _mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)])
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        pytest.skip(f"cannot mount a tmpfs here: {exc}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True, timeout=30)


def test_full_disk_keeps_the_old_file_byte_for_byte(tiny_disk):
    data = tiny_disk / "data"
    store = open_store(data, backups=0)
    store.sessions.apply(put=[run(f"Run {i}", notes="n" * 3000) for i in range(120)])  # ~380 KB
    before = (data / DATA_FILE).read_bytes()
    assert 300_000 < len(before) < 500_000
    with pytest.raises(StoreWriteError) as info:  # old + new file do not fit in 1 MB
        store.sessions.apply(put=[run(f"More {i}", notes="m" * 3000) for i in range(120)])
    message = str(info.value)
    assert "[Errno" not in message
    assert message.startswith(f"Could not save {data / DATA_FILE}: No space left on device.")
    assert "nothing of this change was saved" in message
    assert (data / DATA_FILE).read_bytes() == before
    assert len(store.sessions) == 120  # memory rolled back to the file
    assert temps(data) == []
    store.close()


def test_full_disk_import_says_nothing_was_imported(tiny_disk, tmp_path):
    data = tiny_disk / "data"
    store = open_store(data, backups=0)
    store.sessions.apply(put=[run(f"Run {i}", notes="n" * 3000) for i in range(120)])
    store.close()
    before = (data / DATA_FILE).read_bytes()
    header = "date,kind,title,duration_min,rpe,notes\n"
    plan = tmp_path / "big.csv"
    plan.write_text(header + "".join(f"2026-04-01,run,Run {i},40,3,{'z' * 3000}\n" for i in range(150)))
    result = cli("--data-dir", data, "import-plan", plan)
    assert result.returncode == 1
    assert result.stderr == (f"hybrid-planner: error: Could not save {data / DATA_FILE}: No space left on "
                             "device. The file was left as it was: nothing of this change was saved. "
                             "Nothing was imported.\n")
    assert (data / DATA_FILE).read_bytes() == before
    assert temps(data) == []


def test_full_disk_in_the_background_keeps_the_changes_and_saves_once_there_is_room(tiny_disk):
    data = tiny_disk / "data"
    filler = tiny_disk / "filler"
    store = open_store(data, backups=0)
    store.sessions.apply(put=[run("First")])
    filler.write_bytes(b"f" * (1024 * 1024 - 64 * 1024))  # leave less room than the next save needs
    errors: list[str] = []
    store.storage.start_background(errors.append)
    store.sessions.apply(put=[run(f"Run {i}", notes="n" * 3000) for i in range(60)])
    with pytest.raises(StoreWriteError):
        store.storage.flush(timeout=10)
    assert len(errors) == 1 and "No space left on device" in errors[0] and "[Errno" not in errors[0]
    assert _titles(data / DATA_FILE) == {"First"}  # the old file, whole
    assert len(store.sessions) == 61  # the window keeps the changes
    filler.unlink()
    store.storage.flush(timeout=10)
    assert len(_titles(data / DATA_FILE)) == 61
    store.close()


# -- a read-only folder ------------------------------------------------------------------------
@pytest.fixture
def read_only_data(tmp_path):
    """A data folder holding a plan, then made read-only: a real read-only bind mount as root
    (root ignores permission bits), permission bits otherwise."""
    data = tmp_path / "ro"
    store = open_store(data)
    store.sessions.apply(put=[run("Easy run"), run("Tempo run")])
    store.close()
    open_store(data).close()  # an open of a file with data makes today's backup
    if os.geteuid() == 0:
        try:
            _mount(["--bind", str(data), str(data)])
            _mount(["-o", "remount,bind,ro", str(data)])
        except (subprocess.CalledProcessError, FileNotFoundError) as exc:
            pytest.skip(f"cannot make a read-only bind mount here: {exc}")
        try:
            yield data
        finally:
            subprocess.run(["umount", "-l", str(data)], capture_output=True, timeout=30)
    else:
        data.chmod(0o555)
        try:
            yield data
        finally:
            data.chmod(0o755)


def test_a_read_only_folder_can_be_read_but_not_changed(read_only_data, tmp_path):
    data = read_only_data
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    report = cli("--data-dir", data, "report", "--week", "2026-W10")
    assert report.returncode == 0, report.stderr
    assert "Easy run" in report.stdout and "Tempo run" in report.stdout
    export = cli("--data-dir", data, "export-plan", tmp_path / "out.csv")
    assert export.returncode == 0, export.stderr
    assert (tmp_path / "out.csv").read_text().count("\n") == 3
    listing = cli("--data-dir", data, "backups")
    assert listing.returncode == 0 and "2 sessions" in listing.stdout

    plan = tmp_path / "p.csv"
    plan.write_text("date,kind,title,duration_min,rpe\n2026-03-03,run,New,30,3\n")
    imported = cli("--data-dir", data, "import-plan", plan)
    assert imported.returncode == 1
    lock = data / "hybrid-planner.lock"
    assert imported.stderr.startswith(f"hybrid-planner: error: Could not create the lock file {lock}")
    assert "commands that only read (report, export-plan, backups, backup) still work" in imported.stderr
    assert "Traceback" not in imported.stderr and len(imported.stderr.splitlines()) == 1
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before


# -- what lies at the data file's path ---------------------------------------------------------
def test_a_symlinked_data_file_is_saved_through_to_its_target(data_dir, tmp_path):
    real_dir = tmp_path / "synced"
    real_dir.mkdir()
    real = real_dir / "plan.json"
    store = open_store(real_dir / "seed")  # make a real data file, then link to it
    store.sessions.apply(put=[run("Before")])
    store.close()
    os.rename(real_dir / "seed" / DATA_FILE, real)
    real.chmod(0o640)
    (data_dir / DATA_FILE).symlink_to(real)

    store = open_store(data_dir, backups=0)
    store.sessions.apply(put=[run("After")])
    store.close()
    link = data_dir / DATA_FILE
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert _titles(real) == {"Before", "After"}
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file's mode is kept
    assert temps(data_dir) == [] and [p.name for p in real_dir.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_a_device_is_refused_at_once(data_dir, kind):
    path = data_dir / DATA_FILE
    if kind == "fifo":
        os.mkfifo(path)
        what = "a named pipe (FIFO)"
    else:
        path.symlink_to("/dev/zero")
        what = "a character device"
    for args in (["report", "--week", "2026-W10"], ["profile", "--name", "Sam"]):  # reader, writer
        started = time.monotonic()
        result = cli("--data-dir", data_dir, *args, timeout=30)
        assert time.monotonic() - started < 20  # it never waits for a writer that does not come
        assert result.returncode == 1, result
        assert result.stderr == (f"hybrid-planner: error: {path} is {what}, not a regular file, so Hybrid "
                                 "Planner cannot use it as its data file. Nothing was changed. Remove it, or "
                                 "start with --data-dir to use another folder.\n")
    with pytest.raises(NotRegularFileError, match="Nothing was changed"):
        open_store(data_dir)
    with pytest.raises(NotRegularFileError):
        open_snapshot(data_dir)
    assert stat.S_ISFIFO(path.stat().st_mode) if kind == "fifo" else path.is_symlink()


def test_deep_nesting_is_refused_with_a_clear_message(data_dir):
    path = data_dir / DATA_FILE
    path.write_bytes(b'{"sessions": {"1": ' + b"[" * 200_000 + b"]" * 200_000 + b"}}")
    with pytest.raises(CorruptStoreError) as info:
        open_store(data_dir)
    # orjson stops at 1024 levels: 19 characters of prefix + the 1024 brackets it accepted.
    assert info.value.reason == "is not valid JSON (depth limit exceeded: line 1 column 1043 (char 1042))"


def _peak_rss_mb_of(*args: object) -> tuple[subprocess.CompletedProcess[str], float]:
    code = ("import resource, subprocess, sys\n"
            "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
            "print(r.returncode); sys.stdout.write(r.stderr)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([PY, "-c", code, PY, "-m", "planner", *map(str, args)], capture_output=True,
                         text=True, timeout=120, cwd=ROOT, env=env).stdout.split("\n", 2)
    return subprocess.CompletedProcess(args, int(out[1]), "", out[2]), float(out[0])


def test_a_200_mb_data_file_is_refused_in_bounded_memory(data_dir):
    path = data_dir / DATA_FILE
    note = b"x" * (1024 * 1024)
    with open(path, "wb") as f:  # a plausible start, then 200 MB of one huge document
        f.write(b'{"meta": {"1": {"schema_version": 2}}, "sessions": {"1": {"notes": "')
        for _ in range(200):
            f.write(note)
        f.write(b'"}}}')
    size_mb = path.stat().st_size / (1024 * 1024)
    assert size_mb > 200
    result, peak = _peak_rss_mb_of("--data-dir", data_dir, "report", "--week", "2026-W10")
    assert result.returncode == 1
    assert f"{path} is {size_mb:.1f} MB, larger than the 64 MB a data file may have" in result.stderr
    assert peak < 120, f"peak memory {peak:.0f} MB"  # the file was never read
    print(f"\nreport on a {size_mb:.0f} MB data file: peak memory {peak:.0f} MB")
    assert path.stat().st_size > 200 * 1024 * 1024  # a reader leaves it where it is

    result, peak = _peak_rss_mb_of("--data-dir", data_dir, "profile", "--units", "metric")  # a writer sets it aside
    assert result.returncode == 1 and "It was moved, unchanged, to" in result.stderr
    assert peak < 120, f"peak memory {peak:.0f} MB"
    [kept] = data_dir.glob("hybrid-planner.broken-*.json")
    assert kept.stat().st_size > 200 * 1024 * 1024


def test_a_200_mb_plan_file_is_refused_in_bounded_memory(data_dir, tmp_path):
    plan = tmp_path / "huge.csv"
    row = b"2026-03-02,run,Easy run,40,3\n"
    with open(plan, "wb") as f:
        f.write(b"date,kind,title,duration_min,rpe\n")
        chunk = row * (1024 * 1024 // len(row))
        for _ in range(200):
            f.write(chunk)
    result, peak = _peak_rss_mb_of("--data-dir", data_dir, "import-plan", plan)
    assert result.returncode == 1
    lines_in_16mb = 1 + (16 * 1024 * 1024 - 33) // len(row) + 1
    assert result.stderr == (f"hybrid-planner: error: {plan} line {lines_in_16mb}: the file goes on past 16 MB, "
                             "more than a plan file may have (at most 50,000 sessions); nothing was read "
                             "further; nothing was imported\n")
    assert peak < 150, f"peak memory {peak:.0f} MB"
    print(f"\nimport-plan of a 200 MB plan file: peak memory {peak:.0f} MB")
    assert not (data_dir / DATA_FILE).exists()

