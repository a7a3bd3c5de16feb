"""Rotating daily backups: one per calendar day at most, the newest few kept, newest first."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.session import Session
from planner.store import backups
from planner.store.database import DATA_FILE, list_backups, open_store

DAY = dt.date(2026, 3, 2)


def add(data_dir, title: str) -> None:
    store = open_store(data_dir)
    try:
        store.sessions.apply(put=[Session(kind="run", title=title, duration_min=30, rpe=3.0,
                                          date=DAY)])
    finally:
        store.close()


def names(data_dir) -> list[str]:
    return [p.name for p in list_backups(data_dir)]


def test_new_or_empty_file_is_not_backed_up(data_dir, clock):
    open_store(data_dir).close()
    open_store(data_dir).close()
    assert list_backups(data_dir) == []


def test_first_open_of_the_day_copies_the_file_as_it_was(data_dir, clock):
    add(data_dir, "Easy run")  # new file: no backup yet; now it has data
    as_opened = (data_dir / DATA_FILE).read_bytes()
    add(data_dir, "Tempo run")  # this open backs up the file with one session
    add(data_dir, "Long run")  # same day: no second backup
    assert names(data_dir) == ["hybrid-planner-20261127.json"]
    assert list_backups(data_dir)[0].read_bytes() == as_opened


def test_only_the_newest_daily_backups_are_kept(data_dir, clock):
    add(data_dir, "Day 0")
    for day in range(1, 9):
        clock.advance(days=1)
        add(data_dir, f"Day {day}")
    assert names(data_dir) == [f"hybrid-planner-202612{d:02d}.json" for d in (5, 4, 3, 2, 1)]


@pytest.mark.parametrize("keep", [0, 1, 3])
def test_how_many_to_keep_is_a_choice(data_dir, clock, keep):
    add(data_dir, "Day 0")
    for _ in range(5):
        clock.advance(days=1)
        open_store(data_dir, backups=keep).close()
    assert len(list_backups(data_dir)) == keep


def test_negative_backups_is_a_mistake(data_dir):
    with pytest.raises(ValueError):
        open_store(data_dir, backups=-1)


def test_pruning_keeps_pre_upgrade_backups(data_dir, clock):
    folder = data_dir / "backups"
    folder.mkdir()
    upgrade = folder / "hybrid-planner-20200101-120000-v1.json"
    upgrade.write_bytes(b"{}")
    unrelated = folder / "notes.txt"
    unrelated.write_text("mine")
    add(data_dir, "Day 0")
    for _ in range(4):
        clock.advance(days=1)
        open_store(data_dir, backups=2).close()
    assert names(data_dir) == ["hybrid-planner-20261201.json", "hybrid-planner-20261130.json",
                               upgrade.name]
    assert unrelated.read_text() == "mine"


def test_list_is_newest_first_by_the_date_in_the_name(data_dir):
    folder = data_dir / "backups"
    folder.mkdir()
    for name in ["hybrid-planner-20250101.json", "hybrid-planner-20250301-080000-v1.json",
                 "hybrid-planner-20250301.json", "hybrid-planner-20250201-235959-v1.json",
                 "hybrid-planner-20250301-080000-v1-2.json", "other-20260101.json"]:
        (folder / name).write_bytes(b"{}")
    assert names(data_dir) == [
        "hybrid-planner-20250301.json",  # the day's backup comes after that day's upgrade
        "hybrid-planner-20250301-080000-v1-2.json",
        "hybrid-planner-20250301-080000-v1.json",
        "hybrid-planner-20250201-235959-v1.json",
        "hybrid-planner-20250101.json",
    ]


def test_a_backup_that_cannot_be_written_does_not_stop_the_app(data_dir, clock, monkeypatch,
                                                               caplog):
    add(data_dir, "Easy run")

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "write_atomic", no_room)
    store = open_store(data_dir)
    assert len(store.sessions) == 1
    store.close()
    assert list_backups(data_dir) == []
    assert "could not write or prune the backups" in caplog.text


def _open_on(data_dir, clock, day: dt.datetime, title: str) -> None:
    """An open on `day` with the whole machine's clock there: the backup's file time too."""
    import os

    clock.now = day
    add(data_dir, title)
    for path in list_backups(data_dir):
        if path.name == f"hybrid-planner-{day:%Y%m%d}.json":
            os.utime(path, (day.timestamp(), day.timestamp()))


def test_a_wrong_clock_never_pushes_current_backups_out(data_dir, clock):
    """Issue 19: five starts with the clock in 2099, then the clock set right again."""
    for i in range(5):
        _open_on(data_dir, clock, dt.datetime(2026, 11, 20 + i, 9), f"Run {i}")
    for i in range(5):
        _open_on(data_dir, clock, dt.datetime(2099, 1, 1 + i, 9), f"Wrong clock {i}")
    for i in range(3):
        _open_on(data_dir, clock, dt.datetime(2026, 11, 25 + i, 9), f"Back {i}")
    # on main: the three new backups were pruned at once, and the 2099 ones offered first
    assert names(data_dir)[:3] == ["hybrid-planner-20261127.json", "hybrid-planner-20261126.json",
                                   "hybrid-planner-20261125.json"]
    assert len(names(data_dir)) == 5
    assert [n for n in names(data_dir) if n.startswith("hybrid-planner-2099")] == [
        "hybrid-planner-20990105.json", "hybrid-planner-20990104.json"]  # the future ones go first


def test_the_newest_good_backup_is_never_pruned(data_dir, clock):
    import os

    for i in range(4):
        _open_on(data_dir, clock, dt.datetime(2026, 11, 20 + i, 9), f"Run {i}")
    good = list_backups(data_dir)[0]
    for path in list_backups(data_dir):  # every daily backup but the oldest turns out broken
        if path != list_backups(data_dir)[-1]:
            path.write_bytes(b"{broken")
            os.utime(path, (clock.now.timestamp(), clock.now.timestamp()))
    oldest_good = list_backups(data_dir)[-1]
    assert good != oldest_good
    from planner.store.backups import daily_backup
    from planner.store.database import _is_good

    daily_backup(data_dir / DATA_FILE, b"{}", keep=1, is_good=_is_good)  # today's exists: prune to one
    assert oldest_good.exists()  # the only good one, kept out of the count


def test_a_future_name_is_never_offered_first(data_dir, clock):
    _open_on(data_dir, clock, dt.datetime(2026, 11, 19, 9), "New plan")
    _open_on(data_dir, clock, dt.datetime(2026, 11, 20, 9), "Run")
    _open_on(data_dir, clock, dt.datetime(2099, 1, 1, 9), "Wrong clock")
    clock.now = dt.datetime(2026, 11, 21, 9)
    assert names(data_dir) == ["hybrid-planner-20261120.json", "hybrid-planner-20990101.json"]
    clock.now = dt.datetime(2099, 1, 1, 9)  # the day it names: not in the future then
    assert names(data_dir) == ["hybrid-planner-20990101.json", "hybrid-planner-20261120.json"]
