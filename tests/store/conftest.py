"""Store test helpers: a clock the backup names can be read from and moved."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.store import backups


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Backup and broken-file names use this time instead of the real one."""
    c = Clock(dt.datetime(2026, 11, 27, 9, 30, 0))
    monkeypatch.setattr(backups, "now", c)
    return c
