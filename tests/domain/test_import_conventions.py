"""The conventions the imports chose are in the shipped list (Help > Sources) with the numbers the
code uses, so the two cannot drift apart."""

from __future__ import annotations

from planner.domain.effort import ASSUMED_RESTING_HR, MIN_ACTIVITIES_FOR_MAX, MIN_DAYS_FOR_MAX, PACE_BANDS, TANAKA
from planner.domain.session import DURATION_RANGE
from planner.domain.weeks import DATE_MAX, DATE_MIN
from planner.io.activities.archive import MAX_ENTRIES, MAX_RATIO, MAX_UNPACKED
from planner.io.activities.sessions import RUN_SPEED_MAX_KMH
from planner.resources import references


def convention(name: str) -> str:
    (found,) = [c for c in references().conventions if c.name == name]
    return f"{found.chose} {found.why}"


def test_effort_from_pace_gives_the_bands_the_code_uses():
    text = convention("Effort of a run from its pace")
    for low, cr10 in PACE_BANDS[1:]:
        assert f"from {low:g} " in text and f"{cr10:g}" in text
    assert "under 0.92 (slower than easy) CR-10 2" in text


def test_the_estimated_heart_rates_give_the_numbers_the_code_uses():
    text = convention("Maximum and resting heart rate when not set")
    assert (f"only from {MIN_ACTIVITIES_FOR_MAX} activities with heart rate over {MIN_DAYS_FOR_MAX} days "
            "or more, or from one race") in text
    assert f"Tanaka's {TANAKA[0]:g} - {TANAKA[1]:g} x age" in text
    assert f"an assumed {ASSUMED_RESTING_HR} bpm" in text


def test_the_limits_of_an_import_give_the_numbers_the_code_uses():
    held = convention("Activities the plan cannot hold")
    assert f"at most 24 h ({DURATION_RANGE[1]:,} min)" in held
    assert f"dated {DATE_MIN.year}-{DATE_MAX.year}" in held
    assert f"at most {RUN_SPEED_MAX_KMH:g} km/h" in held
    zips = convention("ZIP files refused before unpacking")
    assert f"over {MAX_ENTRIES:,} entries" in zips
    assert f"over {MAX_UNPACKED // 2**30} GB" in zips
    assert f"over {MAX_RATIO} times its packed size" in zips
