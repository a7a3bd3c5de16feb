"""The season's summary column in words, metric and imperial."""

from __future__ import annotations

import datetime as dt

from planner.domain.compliance import Band
from planner.domain.enums import Units
from planner.domain.season import Phase, WeekSummary
from planner.words.season import change_text, summary_lines

WEEK = WeekSummary(dt.date(2026, 11, 23), 8.5, 28.5, 5000.0, 12.0, 2310.0, 8, 96, Band.GREEN, Phase.BUILD)


def test_summary_lines_metric():
    assert summary_lines(WEEK, Units.METRIC) == [
        "Build", "Run 8.5/28.5 km", "Lift 5,000 kg · 12 hard sets", "Load 2,310 AU +8 %", "Done 96 %"]


def test_summary_lines_imperial():
    assert summary_lines(WEEK, Units.IMPERIAL)[1:3] == ["Run 5.28/17.71 mi", "Lift 11,023 lb · 12 hard sets"]


def test_an_empty_week_says_so():
    empty = WeekSummary(dt.date(2026, 11, 23), 0.0, 0.0, 0.0, 0.0, 0.0, None, None, None, None)
    assert summary_lines(empty, Units.METRIC) == ["\u2014"]


def test_change_text():
    assert [change_text(p) for p in (12, -8, 0, None)] == ["+12 %", "\u22128 %", "\u00b10 %", ""]
