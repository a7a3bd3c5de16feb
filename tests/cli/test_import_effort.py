"""The effort of the real runs from their heart rate: estimated reference rates said to be estimated,
the profile's own rates once set, and the words the card and the details show."""

from __future__ import annotations

import pytest

from planner.domain.enums import Units
from planner.words.cards import status_text, tooltip
from tests.cli.conftest import stored_sessions as sessions
from tests.realdata import FIT, GPX, TCX, needs_realdata, utc_clock  # noqa: F401 - a fixture

pytestmark = [needs_realdata, pytest.mark.usefixtures("utc_clock")]


def test_three_real_runs_without_an_age_keep_the_default_effort_and_say_what_to_add(cli, tmp_path):
    """A coach's objection: three runs are too few to tell a maximum heart rate (the highest, 189,
    may be far below it), and a low maximum would overstate every effort. No age: no estimate."""
    d = tmp_path / "d"
    rc, out, _ = cli("--data-dir", d, "import-activities", GPX, TCX, FIT)
    assert rc == 0
    assert out.endswith(
        "Effort not estimated from heart rate: 3 activities with heart rate over 1297 days and no race: "
        "too few to tell your maximum heart rate (it takes 5 over 28 days or more, or one race). "
        "Add your age or your maximum heart rate in File > Profile, or with profile --age or --max-hr; "
        "until then these activities keep the default effort, or one from pace against your easy pace.\n")
    got = [(s.avg_hr, s.rpe, s.estimated_rpe, s.effort_from, s.trimp) for s in sessions(d)]
    assert got == [(147, 4.0, None, "default", None), (157, 4.0, None, "default", None),
                   (154, 4.0, None, "default", None)]
    assert status_text(sessions(d)[1]) == (
        "Done · RPE 4, default effort for the kind (its heart rate needs your age or maximum heart rate)")
    no_hr = sessions(d)[1].replace(avg_hr=None, max_hr=None)
    assert status_text(no_hr) == "Done · RPE 4, default effort for the kind (no heart rate or pace to go by)"
    rc, out, _ = cli("--data-dir", d, "profile")
    assert "max_hr" not in out


def test_the_real_runs_get_their_effort_from_heart_rate_once_the_age_is_known(cli, tmp_path):
    """Age 40: Tanaka's 208 - 0.7 x 40 = 180 is below the 189 recorded, so 189 (a floor) is used."""
    d = tmp_path / "d"
    cli("--data-dir", d, "profile", "--age", "40")
    rc, out, _ = cli("--data-dir", d, "import-activities", GPX, TCX, FIT)
    assert rc == 0
    assert out.endswith(
        "Effort from heart rate: share of heart-rate reserve (Karvonen 1957) in the ACSM classes (Garber 2011), "
        "with max 189 bpm (estimated from your activities), resting 60 bpm (assumed) "
        "(set them in File > Profile, or with profile --max-hr and --resting-hr).\n")
    got = [(s.avg_hr, s.rpe, s.estimated_rpe, s.effort_from, s.trimp) for s in sessions(d)]
    # GPX 147 bpm: 87/129 = 67 % -> 5.5; TCX 157: 75 % -> 6; FIT 154: 73 % -> 5.86 -> 6 (all were 4)
    assert got == [(147, 4.0, 5.5, "heart rate", 91.4), (157, 4.0, 6.0, "heart rate", 67.3),
                   (154, 4.0, 6.0, "heart rate", 88.8)]
    tcx = sessions(d)[1]
    assert status_text(tcx) == "Done · RPE 6, effort estimated from heart rate"
    assert ("<td><b>Load</b></td><td>198 AU (session RPE × min, Foster 2001) · TRIMP 67 (Banister 1991)</td>"
            in tooltip(tcx, Units.METRIC))
    rc, out, _ = cli("--data-dir", d, "profile")
    assert out.endswith("max_hr: 189 (estimated from your activities)\nresting_hr: 60 (assumed)\n")


def test_the_profiles_rates_are_used_once_set(cli, tmp_path):
    d = tmp_path / "d"
    rc, out, _ = cli("--data-dir", d, "profile", "--max-hr", "220", "--resting-hr", "70", "--lthr", "180",
                     "--easy-pace", "6:00")
    assert rc == 0
    assert out.endswith("lthr: 180\neasy_pace_per_km: 6:00\nmax_hr: 220\nresting_hr: 70\n")
    cli("--data-dir", d, "import-activities", TCX)
    (s,) = sessions(d)
    assert (s.estimated_rpe, s.effort_from) == (4.0, "heart rate")  # 87 / 150 = 58 %: moderate


def test_a_resting_rate_above_the_maximum_is_refused(cli, tmp_path):
    rc, out, err = cli("--data-dir", tmp_path / "d", "profile", "--max-hr", "180", "--resting-hr", "200")
    assert rc == 2
    assert "resting heart rate: must be below the maximum heart rate (200 >= 180 bpm)" in err
