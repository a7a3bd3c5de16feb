"""The one load engine: built once, fed by Changes, read by every consumer (issue 20)."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import WeekStart
from planner.domain.load_history import LoadHistory
from planner.services.changes import Changes
from planner.services.load import LoadService
from planner.services.plancheck import PlanCheck
from tests.services.conftest import MONDAY, run

DAY = dt.timedelta(days=1)
TODAY = MONDAY + 9 * DAY


def add(env, session) -> None:
    env.plan.add([session], session.date)


def fresh(store) -> LoadHistory:
    h = LoadHistory(store.profile.get().week_start)
    h.load(store.sessions.all(), today=TODAY)
    return h


def test_one_build_serves_every_reader_and_each_change_is_applied_once(env):
    add(env, run("Easy", MONDAY, distance_km=8))
    load = LoadService(env.store, lambda: TODAY)
    env.bus.changed.connect(load.notify)
    check = PlanCheck(env.store, TODAY, load)
    first = load.history()
    assert check.window(MONDAY, MONDAY + 6 * DAY).history is first
    assert load.builds == 1
    # A drop on Thursday: noted by the bus, applied once at the next read, for every reader.
    add(env, run("Tempo", MONDAY + 3 * DAY, type="tempo", rpe=7, distance_km=10))
    assert load.history() is first and load.builds == 1
    assert first.total_load[3] == 7 * 40
    assert check.window(MONDAY, MONDAY + 6 * DAY).history.total_load[3] == 7 * 40
    assert first.fitness.tolist() == fresh(env.store).fitness.tolist()
    # Undo goes through the same path.
    env.stack.undo()
    assert load.history().total_load[3] == 0 and load.builds == 1


def test_nothing_is_read_until_someone_reads(env):
    load = LoadService(env.store, lambda: TODAY)
    load.notify(Changes(dates=frozenset({MONDAY})))
    assert load.builds == 0
    load.history()
    assert load.builds == 1


def test_a_new_file_and_a_new_first_day(env):
    add(env, run("Easy", MONDAY, distance_km=8))
    load = LoadService(env.store, lambda: TODAY)
    env.bus.changed.connect(load.notify)
    assert load.history().start == MONDAY
    profile = env.store.profile.get()
    env.profile.set(profile.replace(week_start=WeekStart.SUN))
    assert load.history().start == MONDAY - DAY and load.builds == 1
    load.notify(Changes(everything=True))
    load.history()
    assert load.builds == 2


def test_a_plan_check_on_its_own_feeds_its_own_engine(env):
    add(env, run("Easy", MONDAY, distance_km=8))
    check = PlanCheck(env.store, TODAY)
    assert check.window(MONDAY, MONDAY + 6 * DAY).history.total_load[0] == 120
    add(env, run("More", MONDAY, distance_km=8))
    check.update(env.rec.changes[-1])
    assert check.window(MONDAY, MONDAY + 6 * DAY).history.total_load[0] == 240
    assert check.load.builds == 1


def test_reaching_a_week_past_the_plan(env):
    add(env, run("Easy", MONDAY, distance_km=8))
    load = LoadService(env.store, lambda: TODAY)
    far = MONDAY + 70 * DAY
    h = load.history(through=far)
    assert h.covers(far) and h.total_load[0] == 120
