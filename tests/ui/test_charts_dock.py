"""The charts pane: the arrays handed to every plot are the engine's numbers, a change updates them
in place, hover shows exact values, a click on a week asks the window to show it."""

from __future__ import annotations

import datetime as dt
import math
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from planner.domain.enums import Goal, Kind, Status, Units, WeekStart
from planner.domain.load_history import LoadHistory
from planner.domain.profile import Profile
from planner.domain.session import Exercise, Session, WorkSet
from planner.store.database import open_store
from planner.ui.charts import ChartsDock
from planner.ui.charts.axes import DAY_S, date_ts
from planner.ui.charts.base import curve_xy
from planner.ui.theme import dark_palette
from tests.services.conftest import BUILTINS

MONDAY = dt.date(2026, 11, 2)
TODAY = MONDAY + dt.timedelta(days=9)  # Wednesday of the second week


def changes(dates=(), profile=False, everything=False):
    """What the change broadcast carries (duck-typed: the pane reads only these fields)."""
    return SimpleNamespace(dates=frozenset(dates), profile=profile, everything=everything)


def run(day, minutes, rpe, km, status=Status.DONE, **kw) -> Session:
    return Session(kind=Kind.RUN, type=kw.pop("type", "easy"), title="Run", duration_min=minutes, rpe=rpe,
                   distance_km=km, date=day, status=status, **kw)


def lift(day, status=Status.PLANNED) -> Session:
    squat = Exercise("Back squat", (WorkSet(5, 60, warmup=True),) + (WorkSet(5, 100, rpe=8),) * 4,
                     muscles=("quads", "glutes", "adductors"))
    return Session(kind=Kind.LIFT, type="lower", title="Legs", duration_min=60, rpe=7, exercises=(squat,),
                   date=day, status=status)


def d(k: int) -> dt.date:
    return MONDAY + dt.timedelta(days=k)


SESSIONS = [
    run(d(0), 40, 3, 8.0),  # 120 AU done, 8 km
    lift(d(1), Status.DONE),  # 420 AU done, 4 x 5 x 100 = 2000 kg, 4 hard sets
    run(d(3), 50, 7, 10.0, type="tempo"),  # 350 AU done, 10 km
    run(d(6), 100, 4, 20.0),  # 400 AU done, 20 km: 20 / 10 = 2.0 x the longest of 30 days
    run(d(8), 45, 3, 9.0),  # 135 AU done
    lift(d(10)),  # 420 AU planned
    run(d(13), 110, 4, 22.0, status=Status.PLANNED),  # 440 AU planned, 22 km
]


@pytest.fixture
def store(data_dir):
    s = open_store(data_dir, BUILTINS)
    s.sessions.apply(put=SESSIONS)
    yield s
    s.close()


@pytest.fixture
def dock(store, qtbot):
    w = ChartsDock(store, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(700, 900)
    w.show()
    qtbot.waitExposed(w)
    w.refresh(changes(everything=True))
    return w


def bars(item):
    return np.asarray(item.opts["height"], dtype=float)


def test_weekly_volume_bars_are_the_engine_numbers(dock):
    v = dock.pane.volume
    h = dock.pane.history
    # Week 1 done: 8 + 10 + 20 = 38 km; week 2 done 9 km, planned 22 km.
    assert bars(v.run_done).tolist() == [38.0, 9.0] == h.week_done["run_km"].tolist()
    assert bars(v.run_planned).tolist() == [0.0, 22.0]
    assert np.asarray(v.run_planned.opts["y0"]).tolist() == [38.0, 9.0]  # stacked on the done part
    # Lifting tonnage: week 1 done 2000 kg (warm-up excluded), week 2 planned 2000 kg.
    assert bars(v.lift_done).tolist() == [2000.0, 0.0]
    assert bars(v.lift_planned).tolist() == [0.0, 2000.0]
    # Bars sit in the middle of their weeks.
    assert np.asarray(v.run_done.opts["x"]).tolist() == [date_ts(MONDAY) + 3.5 * DAY_S,
                                                         date_ts(MONDAY) + 10.5 * DAY_S]


def test_switching_to_minutes_and_hard_sets(dock):
    dock.pane.run_box.setCurrentText("minutes")
    dock.pane.lift_box.setCurrentText("hard sets")
    # Week 1 run minutes 40 + 50 + 100 = 190; week 2 done 45, planned 110. Hard sets 4 / 4.
    assert bars(dock.pane.volume.run_done).tolist() == [190.0, 45.0]
    assert bars(dock.pane.volume.run_planned).tolist() == [0.0, 110.0]
    assert bars(dock.pane.volume.lift_done).tolist() == [4.0, 0.0]
    assert bars(dock.pane.volume.lift_planned).tolist() == [0.0, 4.0]


def test_daily_load_and_ratio_lines_are_the_engine_numbers(dock):
    h = dock.pane.history
    assert bars(dock.pane.load.done)[:9].tolist() == [120, 420, 0, 350, 0, 0, 400, 0, 135]
    assert bars(dock.pane.load.planned)[:14].tolist() == [0] * 10 + [420, 0, 0, 440]
    assert np.array_equal(bars(dock.pane.load.done), h.done["load_au"])
    x, y = curve_xy(dock.pane.load.ewma)
    assert len(x) == len(y) == 0  # 14 days of history: building up, no ratio handed to the plot
    x, _ = dock.pane.load.done.opts["x"], None
    assert x[0] == date_ts(MONDAY) + 0.5 * DAY_S


def day_index(h, x):
    """The history's day index of each plotted x (points sit in the middle of their day)."""
    return ((np.asarray(x) - date_ts(h.start)) / DAY_S - 0.5).round().astype(int)


def test_fitness_curves_are_empty_while_building_up(dock):
    # 14 days of history: no number yet ("building up").
    for name in ("fitness", "fatigue", "form"):
        x, y = dock.pane.fitness.series(name)
        assert len(x) == len(y) == 0


def test_fitness_and_ratio_curves_continue_through_the_plan(store, qtbot):
    # Five more weeks of history before: 35 days back is more than 28.
    store.sessions.apply(put=[run(d(-35), 30, 4, 5.0)])
    w = ChartsDock(store, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.refresh(changes(everything=True))
    h = w.pane.history
    assert h.first == 0 and h.n == 7 * 7  # weeks of 28 Sep .. 9 Nov
    for name in ("fitness", "fatigue", "form"):
        x, y = w.pane.fitness.series(name)
        # Day 27 is the 28th day of history: the first number; then every day to the end.
        assert day_index(h, x).tolist() == list(range(27, h.n)), name
        assert y.tolist() == getattr(h, name)[27:].tolist(), name
    # Solid up to today (index 35 + 9 = 44), dashed from today on.
    past, future = w.pane.fitness.curves["fitness"]
    assert day_index(h, curve_xy(past)[0])[-1] == 44 and day_index(h, curve_xy(future)[0])[0] == 44
    for curve, ratio in ((w.pane.load.ewma, h.acwr), (w.pane.load.uncoupled, h.acwr_uncoupled)):
        x, y = curve_xy(curve)
        assert day_index(h, x).tolist() == list(range(27, h.n))
        assert np.allclose(y, ratio[27:], equal_nan=True)
    # Chronic load by hand on the first day: 30 min x RPE 4 = 120 AU, from the fair seed (the mean
    # daily load of the first 28 days), never from 0.
    seed = h.counted_load[:28].mean()
    assert seed > 0 and h.fitness[0] == pytest.approx(seed + (120 - seed) / 42)



def test_hard_sets_per_muscle_for_the_week_on_screen(dock):
    # TODAY's week: the planned lift: 4 hard sets -> quads 4, glutes 2, adductors 2.
    assert dock.pane.muscles.muscles == ["quads", "adductors", "glutes"] and not dock.pane.muscles.empty.isVisible()
    assert dock.pane.muscles.values[0].tolist() == [0, 0, 0]
    assert dock.pane.muscles.values[1].tolist() == [4.0, 2.0, 2.0]
    dock.set_week(MONDAY)
    assert dock.pane.muscles.values[0].tolist() == [4.0, 2.0, 2.0]  # done the week before
    assert np.asarray(dock.pane.muscles.done.opts["width"]).tolist() == [4.0, 2.0, 2.0]
    assert "week of 2 Nov" in dock.pane.muscles.header.text()


def test_reference_depends_on_the_goal(store, dock):
    assert dock.pane.muscles.low.isVisible() and dock.pane.muscles.maintenance.isVisible()  # balanced: both
    store.profile.put(Profile(goal=Goal.RUN))
    dock.refresh(changes(profile=True))
    assert not dock.pane.muscles.low.isVisible() and dock.pane.muscles.maintenance.isVisible()
    assert "Spiering 2021" in dock.pane.muscles.header.text()
    store.profile.put(Profile(goal=Goal.LIFT))
    dock.refresh(changes(profile=True))
    assert dock.pane.muscles.low.value() == 10 and dock.pane.muscles.high.value() == 20
    assert dock.pane.muscles.high.isVisible() and not dock.pane.muscles.maintenance.isVisible()


def test_a_change_updates_the_arrays_in_place(store, dock):
    p = dock.pane
    items = (p.volume.run_done, p.load.done, p.load.ewma, p.fitness.curves["fitness"][0])
    fitness_before = dock.pane.history.fitness.copy()
    added = run(d(12), 30, 5, 6.0, status=Status.PLANNED)  # 150 AU, 6 km, on Saturday of week 2
    store.sessions.apply(put=[added])
    dock.refresh(changes([d(12)]))
    assert bars(dock.pane.volume.run_planned).tolist() == [0.0, 22.0 + 6.0]
    assert bars(dock.pane.load.planned)[12] == 150
    # Within the first 28 days of history the change moves the fair seed: the whole curve follows,
    # exactly as a fresh read of the file gives it.
    assert dock.pane.history.fitness[12] != fitness_before[12]
    fresh = LoadHistory()
    fresh.load(store.sessions.all(), today=TODAY)
    assert dock.pane.history.fitness.tolist() == fresh.fitness.tolist()
    # Same plot items: updated, not rebuilt.
    assert dock.pane is p
    assert items == (p.volume.run_done, p.load.done, p.load.ewma, p.fitness.curves["fitness"][0])


def test_a_change_far_in_the_future_grows_the_charts(store, dock):
    store.sessions.apply(put=[run(d(40), 30, 5, 6.0, status=Status.PLANNED)])
    dock.refresh(changes([d(40)]))
    assert len(bars(dock.pane.volume.run_planned)) == 6  # weeks of 2 Nov .. 7 Dec
    assert bars(dock.pane.volume.run_planned)[5] == 6.0


def test_units_follow_the_profile(store, dock):
    store.profile.put(Profile(units=Units.IMPERIAL))
    dock.refresh(changes(profile=True))
    # 38 km = 38 / 1.609344 mi; 2000 kg = 2000 / 0.45359237 lb.
    assert bars(dock.pane.volume.run_done)[0] == pytest.approx(38 / 1.609344)
    assert bars(dock.pane.volume.lift_done)[0] == pytest.approx(2000 / 0.45359237)
    assert "running done (mi)" in dock.pane.volume.header.text().replace("&nbsp;", " ")
    assert dock.pane.volume.lift_plot.getPlotItem().getAxis("left").labelText == "lb"


def test_weeks_starting_on_sunday(store, dock):
    store.profile.put(Profile(week_start=WeekStart.SUN))
    dock.refresh(changes(profile=True))
    # Sun 1 Nov .. Sat 7 Nov: 8 + 10 km done; Sun 8 .. Sat 14: 20 + 9 done; Sun 15: 22 planned.
    assert dock.pane.history.start == MONDAY - dt.timedelta(days=1)
    assert bars(dock.pane.volume.run_done).tolist() == [8 + 10, 20 + 9, 0]
    assert bars(dock.pane.volume.run_planned).tolist() == [0, 0, 22]


def test_range_selector_sets_the_x_range(dock):
    dock.pane.range_box.setCurrentText("All")
    (lo, hi), _ = dock.pane.volume.run_plot.getPlotItem().getViewBox().viewRange()
    assert lo <= date_ts(MONDAY) and hi >= date_ts(MONDAY + dt.timedelta(days=14))
    assert dock.pane.visible_days() == (0, 14)


def test_time_constants_can_be_changed(dock, qtbot):
    with qtbot.waitSignal(dock.timeConstantsChanged) as blocker:
        dock.pane.chronic_box.setValue(28)
    assert blocker.args == [28, 7]
    # 120 AU on the first day / 28, from the fair seed (the mean daily load of the first 28 days).
    seed = dock.pane.history.counted_load[:28].mean()
    assert dock.pane.history.fitness[0] == pytest.approx(seed + (120 - seed) / 28)
    assert "chronic load (28 d)" in dock.pane.fitness.header.text().replace("&nbsp;", " ")


def test_hover_shows_exact_values(dock, qtbot):
    dock.pane.range_box.setCurrentText("All")
    plot = dock.pane.volume.run_plot
    vb = plot.getPlotItem().getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(date_ts(MONDAY) + 3 * DAY_S, 5))
    QTest.mouseMove(plot.viewport(), plot.mapFromScene(scene_pos))
    qtbot.waitUntil(lambda: "Week of 2 Nov 2026" in dock.pane.volume.readout.text(), timeout=2000)
    # Easy: 40 min (RPE 3) + 100 min (RPE 4) = 140; above easy: the 50 min tempo.
    # Load 120 + 420 + 350 + 400 = 1290 AU over days 120, 420, 0, 350, 0, 0, 400.
    loads = [120, 420, 0, 350, 0, 0, 400]
    mean = 1290 / 7
    sd = math.sqrt(sum((x - mean) ** 2 for x in loads) / 7)  # population SD (Foster 1998)
    assert round(mean / sd, 2) == 1.0 and round(1290 * mean / sd) == 1296  # 1.0046 and 1295.9
    assert dock.pane.volume.readout.text() == (
        "Week of 2 Nov 2026: running 38 done + 0 planned = 38 km (140 min easy, 50 min above easy); "
        "lifting 2,000 done + 0 planned = 2,000 kg; load 1,290 AU, monotony 1, strain 1,296")


def test_load_hover_says_building_up(dock, qtbot):
    plot = dock.pane.load.plot
    vb = plot.getPlotItem().getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(date_ts(d(1)) + 0.5 * DAY_S, 10))
    QTest.mouseMove(plot.viewport(), plot.mapFromScene(scene_pos))
    qtbot.waitUntil(lambda: "Tue 3 Nov" in dock.pane.load.readout.text(), timeout=2000)
    assert dock.pane.load.readout.text() == (
        "Tue 3 Nov 2026: load 420 AU done + 0 AU planned; ratio building up (under 28 days of history)")


def test_load_hover_names_a_single_run_spike(dock, qtbot):
    # Sunday 8 Nov: 20 km after at most 10 km in the previous 30 days -> 2.0 (Frandsen 2025).
    plot = dock.pane.load.plot
    vb = plot.getPlotItem().getViewBox()
    QTest.mouseMove(plot.viewport(), plot.mapFromScene(vb.mapViewToScene(QPointF(date_ts(d(6)) + 0.5 * DAY_S, 10))))
    qtbot.waitUntil(lambda: "Sun 8 Nov" in dock.pane.load.readout.text(), timeout=2000)
    assert dock.pane.load.readout.text().endswith(
        "; single-run spike: 20 km = 2 x the longest run of the previous 30 days (Frandsen 2025)")


def test_building_up_is_written_on_the_charts(dock):
    # 14 days of history: both curves' charts say "building up" over them.
    assert dock.pane.load.building.isVisible() and dock.pane.fitness.building.isVisible()
    assert dock.pane.load.building.pos().x() == date_ts(MONDAY) + 7 * DAY_S  # the middle of days 0..13
    assert "building up" in dock.pane.fitness.building.textItem.toPlainText()


def test_clicking_a_week_asks_for_it(dock, qtbot):
    dock.pane.range_box.setCurrentText("All")
    plot = dock.pane.volume.lift_plot
    vb = plot.getPlotItem().getViewBox()
    pos = plot.mapFromScene(vb.mapViewToScene(QPointF(date_ts(d(9)) + 0.5 * DAY_S, 100)))
    with qtbot.waitSignal(dock.weekClicked, timeout=2000) as blocker:
        QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [d(7)]


def test_dark_palette_reaches_the_plots(dock, qtbot):
    dock.setPalette(dark_palette())
    qtbot.waitUntil(lambda: dock.pane.load.plot.backgroundBrush().color() == QColor("#1e272c"), timeout=2000)
    axis = dock.pane.load.plot.getPlotItem().getAxis("left")
    assert axis.textPen().color() == QColor("#eceff1")


def test_a_dock_never_refreshed_builds_nothing(store, qtbot):
    w = ChartsDock(store, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.set_week(MONDAY)
    assert w.pane is None
    w.refresh(changes([d(3)]))  # the first refresh reads everything, whatever the change
    assert w.pane.loaded and w.pane.history.week_done["run_km"].tolist() == [38.0, 9.0]
    assert w.pane.muscles.first == MONDAY  # the week asked for before the charts existed


def test_time_constants_given_before_the_first_refresh(store, qtbot):
    w = ChartsDock(store, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.set_time_constants(28, 5)
    w.refresh(changes(everything=True))
    # 120 AU on the first day: / 28 and / 5, from the fair seed.
    seed = w.pane.history.counted_load[:28].mean()
    assert w.pane.history.fitness[0] == pytest.approx(seed + (120 - seed) / 28)
    assert w.pane.history.fatigue[0] == pytest.approx(seed + (120 - seed) / 5)
    assert (w.pane.chronic_box.value(), w.pane.acute_box.value()) == (28, 5)


def test_an_empty_file_shows_empty_charts(data_dir, qtbot):
    store = open_store(data_dir, BUILTINS)
    try:
        w = ChartsDock(store, today=lambda: TODAY)
        qtbot.addWidget(w)
        w.refresh(changes(everything=True))
        assert w.pane.history.empty and w.pane.history.n == 7
        assert bars(w.pane.volume.run_done).tolist() == [0.0]
        assert w.pane.muscles.muscles == [] and w.pane.muscles.empty.isVisible()
    finally:
        store.close()


def test_the_fitness_chart_says_how_many_past_sessions_are_unmarked(store, dock):
    def header() -> str:
        return dock.pane.fitness.header.text().replace("&nbsp;", " ")

    assert "not marked done" not in header()  # every past session is marked
    # A planned run on the first Friday (day 4, before TODAY = day 9), never marked done.
    store.sessions.apply(put=[run(d(4), 30, 5, 6.0, status=Status.PLANNED)])
    dock.refresh(changes([d(4)]))
    assert ("1 past session not marked done: counted as not done in chronic load, acute load and form "
            "(mark them done or skipped).") in header()
    h = dock.pane.history
    assert h.total_load[4] == 150 and h.counted_load[4] == 0


def test_weekly_bars_have_their_week_label_under_them(qapp):
    """The volume chart's ticks stand under the bars (mid-week), named by each week's first day;
    the daily charts keep theirs on the first day."""
    from planner.ui.charts.axes import DAY_S, WeekDateAxis, date_ts

    monday = dt.date(2026, 11, 23)
    lo, hi = date_ts(monday) - DAY_S, date_ts(monday) + 20 * DAY_S
    bars = WeekDateAxis(centre_weeks=True)
    [(_, values)] = bars.tickValues(lo, hi, 600)
    assert values == [date_ts(monday) + 3.5 * DAY_S + k * 7 * DAY_S for k in range(3)]
    assert bars.tickStrings(values, 1, 7 * DAY_S) == ["23 Nov", "30 Nov", "7 Dec"]
    days = WeekDateAxis()
    [(_, values)] = days.tickValues(lo, hi, 600)
    assert values[0] == date_ts(monday)
