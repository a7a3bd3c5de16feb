"""Load series (SCIENCE.md §1-3, §7), every number worked out by hand in the test."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain import load_series as ls


def test_williams_lambdas():
    # lambda = 2 / (N + 1): N = 7 -> 2/8 = 0.25; N = 28 -> 2/29.
    assert ls.ewma_lambda(7) == 0.25
    assert ls.ewma_lambda(28) == 2 / 29


def test_ewma_by_hand():
    # lambda 0.25, start 0: 0.25*100 = 25; 0.25*0 + 0.75*25 = 18.75; 0.25*200 + 0.75*18.75 = 64.0625
    out = np.zeros(3)
    ls.ewma(np.array([100.0, 0.0, 200.0]), 0.25, out)
    assert out.tolist() == [25.0, 18.75, 64.0625]


def test_ewma_from_a_start_keeps_the_head_and_matches_a_full_run():
    x = np.array([100.0, 0.0, 200.0, 50.0])
    out = np.zeros(4)
    ls.ewma(x, 0.25, out)
    out[2:] = -1  # pretend the tail is stale
    ls.ewma(x, 0.25, out, start=2)
    # 0.25*50 + 0.75*64.0625 = 12.5 + 48.046875 = 60.546875
    assert out.tolist() == [25.0, 18.75, 64.0625, 60.546875]


def test_trainingpeaks_update_rule():
    # X_t = X_{t-1} + (load_t - X_{t-1}) / TC with TC = 7: 0 + (700 - 0)/7 = 100; 100 + (0 - 100)/7
    out = np.zeros(2)
    ls.ewma(np.array([700.0, 0.0]), 1 / 7, out)
    assert out[0] == pytest.approx(100.0)
    assert out[1] == pytest.approx(100 - 100 / 7)


def test_uncoupled_ratio_by_hand():
    # Days 0-20 at 100 AU, days 21-27 at 200 AU. On day 27: acute = mean(days 21..27) = 200;
    # chronic = mean(days 0..20) = 100 -> 2.0. Days before 27 have no full chronic window: NaN.
    x = np.array([100.0] * 21 + [200.0] * 7)
    out = np.zeros(28)
    ls.uncoupled_acwr(x, out)
    assert out[27] == 2.0
    assert np.isnan(out[:27]).all()


def test_uncoupled_ratio_undefined_with_zero_chronic_load():
    x = np.array([0.0] * 21 + [50.0] * 7)
    out = np.zeros(28)
    ls.uncoupled_acwr(x, out)
    assert math.isnan(out[27])


def test_form_uses_the_previous_day():
    # form_t = fitness_{t-1} - fatigue_{t-1}; form_0 = 0.
    fit, fat = np.array([10.0, 20.0, 30.0]), np.array([4.0, 25.0, 0.0])
    out = np.zeros(3)
    ls.form(fit, fat, out)
    assert out.tolist() == [0.0, 10 - 4, 20 - 25]


def test_monotony_and_strain_population_sd():
    # Week: 100, 0, 200, 100, 0, 300, 0 -> sum 700, mean 100.
    # Deviations: 0, -100, 100, 0, -100, 200, -100 -> squares 0+1e4+1e4+0+1e4+4e4+1e4 = 8e4.
    # Population variance 8e4 / 7; SD = sqrt(11428.571...) = 106.904...; monotony = 100 / 106.904.
    total, mono, strain = ls.monotony_strain(np.array([100.0, 0, 200, 100, 0, 300, 0]))
    sd = math.sqrt(80000 / 7)
    assert total.tolist() == [700.0]
    assert mono[0] == pytest.approx(100 / sd)
    assert strain[0] == pytest.approx(700 * 100 / sd)


def test_monotony_six_equal_days_and_a_rest_day_is_2_45():
    # SCIENCE.md §9: mean 6a/7, population SD a*sqrt(6)/7 -> monotony 6/sqrt(6) = sqrt(6) = 2.449...
    _, mono, _ = ls.monotony_strain(np.array([300.0] * 6 + [0.0]))
    assert mono[0] == pytest.approx(math.sqrt(6))
    assert round(mono[0], 2) == 2.45


def test_monotony_undefined_for_seven_equal_days():
    _, mono, strain = ls.monotony_strain(np.array([50.0] * 7))
    assert math.isnan(mono[0]) and math.isnan(strain[0])


def test_spike_over_1_1_times_the_longest_of_30_days():
    # Day 0: 10 km; day 10: 10.5 km (1.05, no spike); day 20: 12 km (12/10.5 = 1.142..., spike);
    # day 51: 13 km: the previous 30 days (21..50) hold no run -> nothing to compare, no spike.
    # day 52: 15 km vs 13 km -> 1.1538... spike.
    x = np.zeros(53)
    x[0], x[10], x[20], x[51], x[52] = 10, 10.5, 12, 13, 15
    r = ls.spike_ratio(x)
    assert np.isnan(r[10]) and np.isnan(r[51])
    assert r[20] == pytest.approx(12 / 10.5)
    assert r[52] == pytest.approx(15 / 13)
    assert np.flatnonzero(~np.isnan(r)).tolist() == [20, 52]


def test_spike_exactly_1_1_is_not_a_spike():
    # 11 km after 10 km: ratio 1.1, not *more* than 1.1 x.
    x = np.array([10.0, 11.0, 11.5])
    r = ls.spike_ratio(x)
    assert 11.0 / 10.0 == 1.1 and np.isnan(r[1])
    assert np.isnan(r[2])  # 11.5 / 11 = 1.045...: no spike either
    x[2] = 12.2  # 12.2 / 11 = 1.109...: a spike
    assert ls.spike_ratio(x)[2] == pytest.approx(12.2 / 11)


def test_spike_window_is_30_days_back():
    # 20 km on day 0 is in the window of day 30 (days 0..29) but not of day 31 (days 1..30).
    x = np.zeros(32)
    x[0], x[1], x[30], x[31] = 20, 5, 10, 6
    prev = ls.previous_longest(x)
    assert prev[30] == 20 and prev[31] == 10
    assert prev[0] == 0


def test_building_up_under_28_days():
    # First session on day 3: days 3..30 are the first 28 days; day 30 is the 28th -> ready.
    b = ls.building_up(32, 3)
    assert b[:30].all()
    assert not b[30:].any()


@given(st.lists(st.floats(0, 2000), min_size=1, max_size=60), st.integers(0, 59))
def test_incremental_ewma_equals_full(xs, start):
    x = np.array(xs)
    start = min(start, len(xs) - 1)
    full = np.zeros(len(x))
    ls.ewma(x, 2 / 29, full)
    part = full.copy()
    part[start:] = 0
    ls.ewma(x, 2 / 29, part, start)
    assert part.tolist() == full.tolist()
