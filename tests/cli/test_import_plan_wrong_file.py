"""A lifting log or Strava's activities.csv given to import-plan (or File > Import plan) is named for
what it is, with the import that reads it; any other file missing columns is told which."""

from __future__ import annotations

import pytest

from tests.io.activities.strava_export import activities_csv
from tests.realdata import REAL, STRONG, needs_realdata

HEVY = REAL / "hevy_export_stvrv_2025-2026.csv"


@needs_realdata
@pytest.mark.parametrize(("path", "what"), [(HEVY, "a Hevy workout log"), (STRONG, "a Strong workout log")])
def test_a_real_lifting_log_given_as_a_plan_says_which_import_reads_it(cli, tmp_path, path, what):
    rc, out, err = cli("--data-dir", tmp_path / "d", "import-plan", path)
    assert (rc, out) == (1, "")
    assert err.endswith(f"{path} line 1: this is {what}, not a plan: import it as completed training "
                        "(File > Import activities, or import-activities); nothing was imported\n")


def test_stravas_activities_csv_and_a_plan_missing_columns(cli, tmp_path):
    strava = tmp_path / "activities.csv"
    strava.write_text(activities_csv([]), encoding="utf-8")
    rc, _, err = cli("--data-dir", tmp_path / "d", "import-plan", strava)
    assert rc == 1 and "line 1: this is Strava's activities.csv, not a plan: import it as completed" in err
    plan = tmp_path / "plan.csv"
    plan.write_text("date,kind,title\n", encoding="utf-8")
    rc, _, err = cli("--data-dir", tmp_path / "d", "import-plan", plan)
    assert rc == 1 and "line 1: missing required columns duration_min, rpe" in err
