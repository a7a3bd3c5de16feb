"""Training paces from a race result (issue 22): Daniels' VDOT, Riegel's race equivalents.

Reference numbers:
- Daniels' Running Formula (3rd ed. 2014), race table: VDOT 40 runs 5K 24:08, 10K 50:03, marathon 3:49:45;
  VDOT 50 runs 5K 19:57, 10K 41:21, marathon 3:10:49. The Daniels & Gilbert equations must give these VDOTs.
- Daniels' training table, VDOT 45 (per km; R per 400 m): easy about 5:19-5:55 (the book prints one easy band,
  this module its 65-74 % ends), marathon 4:56, threshold 4:38, interval 4:16, repetition 1:36 per 400 m.
  A 45:00 10K is VDOT 45.3 (between the table's 45 and 46 rows), so its paces sit 1-2 s/km faster.
- VDOT 49 as quoted from the book by a reader (fit360 2009): marathon 7:24/mi (4:36/km), threshold 4:20/km,
  interval 3:59/km, repetition 1:29 per 400 m.
- Riegel 1981: 45:00 over 10 km -> half marathon 45:00 x 2.10975^1.06 = 5957 s = 1:39:17 (4:42/km).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.errors import ValidationError
from planner.domain.paces import RecentRace, TrainingPaces, parse_time, vdot
from planner.words.paces import clock, pace_range_text


@pytest.mark.parametrize(("km", "time", "expected"), [
    (5, "24:08", 40.0), (10, "50:03", 40.0), (42.195, "3:49:45", 40.0),
    (5, "19:57", 50.0), (10, "41:21", 50.0), (42.195, "3:10:49", 50.0),
])
def test_vdot_reproduces_daniels_race_table(km: float, time: str, expected: float) -> None:
    assert vdot(km, parse_time(time)) == pytest.approx(expected, abs=0.06)


def test_paces_of_a_45_minute_10k_against_daniels_table() -> None:
    race = RecentRace.parse("10", "45:00")
    paces = TrainingPaces.from_race(race)
    assert paces.vdot == pytest.approx(45.3, abs=0.05)
    table = {"marathon": 296, "threshold": 278, "interval": 256, "repetition": 96 / 0.4}  # VDOT 45, s/km
    for name, seconds in table.items():
        assert getattr(paces, name) == pytest.approx(seconds, abs=3), name
        assert getattr(paces, name) < seconds  # VDOT 45.3 is a little faster than the 45 row
    assert pace_range_text(*paces.easy) == "5:18-5:53/km"
    assert paces.lines() == ["easy 5:18-5:53/km", "marathon 4:55/km", "threshold 4:37/km", "interval 4:15/km",
                             "repetition 4:00/km (1:36 per 400 m)"]
    assert paces.summary().startswith("Training paces from 10 km in 45:00 (VDOT 45.3, Daniels 2014): ")


def test_vdot_49_against_a_published_quote() -> None:
    paces = TrainingPaces.from_vdot(49)
    assert clock(paces.marathon * 1.609344) == "7:24"
    assert paces.threshold == pytest.approx(260, abs=2)
    assert clock(paces.interval) == "3:59"
    assert clock(paces.repetition * 0.4) == "1:29"


def test_riegel_race_equivalents() -> None:
    race = RecentRace.parse("10", "45:00")
    assert clock(race.race_pace(21.0975) * 21.0975) == "1:39:17"
    assert clock(race.race_pace(21.0975)) == "4:42"
    assert clock(race.race_pace(10)) == "4:30"


def test_estimate_from_an_easy_pace_centres_the_easy_band() -> None:
    paces = TrainingPaces.from_easy_pace(375)
    assert paces.easy_centre == pytest.approx(375, abs=0.5)
    assert paces.race is None
    assert paces.summary().startswith("Training paces estimated from your easy pace (VDOT 39.3")


@pytest.mark.parametrize(("km", "time", "message"), [
    ("10", "45", "recent race time: must be minutes:seconds"),
    ("10", "45:75", "recent race time: must be minutes:seconds"),
    ("ten", "45:00", "recent race distance: must be a number of km"),
    ("1", "5:00", "recent race distance: must be from 1.5 to 42.2 km (got 1.0)"),
    ("10", "20:00", "recent race time: 20:00 for 10 km is outside Daniels' tables (VDOT 20-90)"),
    ("10", "3:00:00", "recent race time: 3:00:00 for 10 km is outside Daniels' tables (VDOT 20-90)"),
])
def test_bad_results_are_refused_with_words(km: str, time: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        RecentRace.parse(km, time)
    assert str(info.value).startswith(message)


@given(st.floats(1.5, 42.2), st.integers(300, 6 * 3600))
def test_paces_are_ordered_whenever_a_result_is_accepted(km: float, seconds: int) -> None:
    try:
        race = RecentRace(km, seconds)
    except ValidationError:
        return
    p = TrainingPaces.from_race(race)
    assert p.easy[1] > p.easy[0] > p.marathon > p.threshold > p.interval > p.repetition > 0
