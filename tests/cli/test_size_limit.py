"""Issue 19: the app never writes a data file it would then refuse (64 MB). The size a change
would give the file is checked before anything is written, and the change is refused with
"nothing was imported"; a restore takes back whatever the app itself may write."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.store import storage
from planner.store.database import DATA_FILE, open_store
from planner.store.files import MAX_FILE_BYTES

HEADER = ("date,time,kind,type,title,duration_min,rpe,distance_km,exercises,status,actual_duration_min,"
          "actual_rpe,actual_distance_km,notes\r\n")


def plan_csv(rows: int, first: dt.date, note: str = "\\" * 4000) -> bytes:
    """`rows` easy runs with 4,000-character notes; a backslash is one byte in the CSV and two in
    the data file, so 16 MB of plan take ~34 MB stored."""
    lines = [HEADER]
    for i in range(rows):
        day = first + dt.timedelta(days=i // 20)
        lines.append(f"{day},,run,easy,Easy run,30,3,,,planned,,,,{note}\r\n")
    return "".join(lines).encode()


@pytest.mark.slow
def test_two_16_mb_imports_never_leave_a_file_over_64_mb(cli, data_dir, tmp_path):
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_bytes(plan_csv(4140, dt.date(2026, 1, 1)))
    second.write_bytes(plan_csv(4140, dt.date(2027, 1, 1)))
    assert first.stat().st_size < 16 * 2**20 and second.stat().st_size < 16 * 2**20
    rc, out, err = cli("--data-dir", data_dir, "import-plan", first)
    assert (rc, err) == (0, "")
    before = (data_dir / DATA_FILE).read_bytes()
    assert 30 * 2**20 < len(before) < MAX_FILE_BYTES
    rc, out, err = cli("--data-dir", data_dir, "import-plan", second)  # on main: success, 64.7 MB
    assert rc == 1 and out == ""
    assert err.startswith(f"hybrid-planner: error: {data_dir / DATA_FILE} would grow to ")
    assert err.endswith(" MB with this change, more than the 64 MB a data file may have (ten years of "
                        "training take about 5 MB). Nothing was imported.\n")
    assert (data_dir / DATA_FILE).read_bytes() == before
    backup = tmp_path / "backup.json"
    assert cli("--data-dir", data_dir, "backup", backup)[0] == 0
    assert cli("--data-dir", data_dir, "restore", backup)[0] == 0  # what the app wrote, it takes back


def test_a_save_at_the_limit_is_written_and_one_byte_over_is_not(data_dir, monkeypatch):
    store = open_store(data_dir)
    try:
        store.profile.put(store.profile.get())
        saved = (data_dir / DATA_FILE).read_bytes()
        monkeypatch.setattr(storage, "MAX_FILE_BYTES", len(saved))
        store.profile.put(store.profile.get())  # the same size: at the limit, written
        with pytest.raises(storage.NoRoomError) as err:
            store.profile.put(store.profile.get().replace(name="A longer name"))
        assert str(err.value).endswith("The file was left as it was: nothing of this change was saved.")
        assert (data_dir / DATA_FILE).read_bytes() == saved
        assert store.profile.get().name == "Athlete"  # memory went back to the file
    finally:
        store.close()


def test_an_import_that_would_pass_the_limit_is_refused_before_it_changes_anything(cli, data_dir, tmp_path,
                                                                                  monkeypatch):
    path = tmp_path / "plan.csv"
    path.write_bytes(plan_csv(10, dt.date(2026, 1, 1)))
    open_store(data_dir).close()
    before = (data_dir / DATA_FILE).read_bytes()
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", len(before) + 10 * 8000)  # 10 notes take ~81,000
    rc, out, err = cli("--data-dir", data_dir, "import-plan", path)
    assert rc == 1 and err.endswith("Nothing was imported.\n")
    assert (data_dir / DATA_FILE).read_bytes() == before
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", len(before) + 10 * 8400)
    assert cli("--data-dir", data_dir, "import-plan", path)[0] == 0
