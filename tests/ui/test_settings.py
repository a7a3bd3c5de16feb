"""What the window keeps in its settings across a restart: the charts' range and chronic/acute days,
and the plan-check findings dismissed (through the one Settings wrapper, per data file)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner.app import build_window
from planner.store.database import open_store
from planner.ui.plancheck.dismissals import Dismissals
from planner.ui.settings import Settings
from tests.ui.conftest import CATALOG, TODAY

ROOT = Path(__file__).resolve().parents[2]


def charts_of(window, qtbot):
    window.charts_dock.show()
    window.charts_dock.raise_()
    window.panes.flush()
    qtbot.waitUntil(lambda: window.charts_dock.pane is not None)
    return window.charts_dock.pane


def test_chart_range_and_load_days_come_back_after_a_restart(make_window, tmp_path, qtbot):
    first = make_window()
    pane = charts_of(first, qtbot)
    pane.chronic_box.setValue(28)
    pane.acute_box.setValue(5)
    pane.range_box.setCurrentText("26 weeks")
    first.close()  # the window keeps its settings on the way out
    # The next start, in a process of its own, reads them from the file.
    done = subprocess.run([sys.executable, "-c", "from planner.ui.settings import Settings; s = Settings(); "
                           "print(s.chart_constants, s.chart_range)"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "(28, 5) 26 weeks", done.stderr
    store = open_store(tmp_path / "another", ())
    again = build_window(store, Settings(), CATALOG, today=lambda: TODAY)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    try:
        pane = charts_of(again, qtbot)
        assert (pane.chronic_box.value(), pane.acute_box.value()) == (28, 5)
        assert pane.range_box.currentText() == "26 weeks" and pane.range_weeks == 26
        assert (pane.history.constants.fitness_days, pane.history.constants.fatigue_days) == (28, 5)
    finally:
        again.close()
        store.close()


@pytest.mark.parametrize(("chronic", "acute", "kept"), [(42, 7, (42, 7)), (8, 7, (8, 7)), (7, 7, None), (0, 0, None)])
def test_load_days_are_kept_only_when_the_chronic_is_the_longer(chronic, acute, kept):
    settings = Settings()
    settings.chart_constants = (chronic, acute)
    assert Settings().chart_constants == kept


def test_dismissals_are_kept_in_the_settings_per_data_file():
    settings = Settings()
    mine = Dismissals("/data/a/hybrid-planner.json", settings)
    mine.add("rule|1|2026-11-24|abc")
    assert Settings().dismissed("/data/a/hybrid-planner.json") == ["rule|1|2026-11-24|abc"]  # one item too
    assert Settings().dismissed("/data/b/hybrid-planner.json") == []
    mine.add("rule|2|2026-11-25|def")
    assert "rule|2|2026-11-25|def" in Dismissals("/data/a/hybrid-planner.json", Settings())
    mine.clear()
    assert Settings().dismissed("/data/a/hybrid-planner.json") == []
