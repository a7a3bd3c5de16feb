"""Hypothesis strategies for a structured run's steps, over the whole range each value allows,
kept to runs the session can hold (at most 600 min and 300 km in all)."""

from __future__ import annotations

from hypothesis import strategies as st

from planner.domain.steps import (
    Aim,
    Duration,
    Repeat,
    Step,
    StepIntensity,
    Target,
    Until,
    totals,
)

words = st.from_regex(r"[A-Za-z]([A-Za-z' -]{0,20}[A-Za-z])?", fullmatch=True)
durations = (st.builds(Duration, st.just(Until.TIME), st.integers(1, 5_400).map(float))
             | st.builds(Duration, st.just(Until.DISTANCE), st.integers(1, 20_000).map(float))
             | st.just(Duration(Until.LAP)))


@st.composite
def _ranges(draw: st.DrawFn, lo: int, hi: int) -> tuple[int, int]:
    a, b = draw(st.integers(lo, hi)), draw(st.integers(lo, hi))
    return min(a, b), max(a, b)


targets = (st.builds(Target, word=st.just("") | words)
           | _ranges(120, 900).map(lambda r: Target(Aim.PACE, *r))
           | st.integers(1, 5).map(lambda z: Target(Aim.HR_ZONE, z, z))
           | _ranges(40, 230).map(lambda r: Target(Aim.HR_RANGE, *r)))
single_steps = st.builds(Step, st.sampled_from(StepIntensity), durations, targets)
repeats = st.builds(Repeat, st.integers(2, 12), st.lists(single_steps, min_size=1, max_size=3).map(tuple))


def _fits(items: tuple) -> bool:
    t = totals(items)
    return t.seconds <= 590 * 60 and t.metres <= 290_000


steps = st.lists(single_steps | repeats, min_size=1, max_size=5).map(tuple).filter(_fits)
