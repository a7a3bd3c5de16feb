"""The season view's week summaries: worked numbers, both sides of every line."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.compliance import Band
from planner.domain.enums import Status
from planner.domain.load import Split, Volume
from planner.domain.season import Phase, week_summaries
from planner.domain.session import Session

MON = dt.date(2026, 11, 23)
WEEK = dt.timedelta(weeks=1)


def splits(loads: dict[dt.date, float]):
    def split(first: dt.date) -> Split:
        load = loads.get(first, 0.0)
        return Split(planned=Volume(load_au=load, sessions=1, run_km=20.0, tonnage_kg=5000.0, hard_sets=12.0),
                     done=Volume(load_au=0.0, sessions=1, run_km=8.5) if load else Volume())
    return split


def race(day: dt.date) -> Session:
    return Session(kind="run", type="race", title="10K race", duration_min=45, rpe=9, date=day)


def summary(load: float, *, race_in: int | None = None, before=(1000.0, 1000.0, 1000.0)):
    loads = {MON - WEEK * (k + 1): b for k, b in enumerate(before)} | {MON: load}
    races = {MON + WEEK * race_in: [race(MON + WEEK * race_in)]} if race_in is not None else {}
    return week_summaries([MON], splits(loads), lambda first: races.get(first, []), MON)[0]


@pytest.mark.parametrize(("load", "race_in", "phase"), [
    (800.0, None, Phase.BUILD),    # 80 % of the three weeks before: still a build week
    (790.0, None, Phase.DELOAD),   # 79 %: lighter
    (790.0, 2, Phase.TAPER),       # lighter, a race two weeks later: the taper
    (790.0, 3, Phase.DELOAD),      # a race three weeks later is not this week's taper
    (790.0, 0, Phase.TAPER),       # the race week itself
])
def test_phase(load, race_in, phase):
    assert summary(load, race_in=race_in).phase is phase


def test_numbers_of_a_week():
    s = summary(800.0)
    assert (s.run_km_done, s.run_km_planned) == (8.5, 28.5)
    assert (s.tonnage_kg, s.hard_sets, s.load_au) == (5000.0, 12.0, 800.0)
    assert s.load_change_pct == -20  # 800 against 1000 the week before


def test_no_phase_or_change_without_history():
    s = summary(800.0, before=(0.0, 0.0, 0.0))
    assert s.phase is None and s.load_change_pct is None
    assert summary(0.0).phase is None


def test_compliance_counts_what_is_due():
    def at(n, **kw):
        return Session(kind="run", title="Run", duration_min=kw.pop("duration_min", 60), rpe=3,
                       date=MON + dt.timedelta(days=n), **kw)
    week = [at(0, status=Status.DONE, actual_duration_min=54), at(1, duration_min=40, status=Status.SKIPPED),
            at(3), at(5, status=Status.DONE, actual_duration_min=30, duration_min=30)]
    today = MON + dt.timedelta(days=2)  # Wednesday: Thursday's run is not due yet, Saturday's is done early
    s = week_summaries([MON], splits({}), lambda _f: week, today)[0]
    assert s.compliance_pct == 65  # (54 + 30) of (60 + 40 + 30) minutes
    assert s.compliance_band is Band.YELLOW
    nothing_due = week_summaries([MON], splits({}), lambda _f: [at(3)], today)[0]
    assert nothing_due.compliance_pct is None
