"""`profile --height-cm --age --sex` and the `nutrition` ranges of `report --json`."""

from __future__ import annotations

import json


def test_profile_takes_height_age_and_sex_and_shows_them_once_set(cli, data_dir):
    rc, out, _ = cli("--data-dir", data_dir, "profile")
    assert "height_cm" not in out and "sex" not in out
    rc, out, _ = cli("--data-dir", data_dir, "profile", "--height-cm", "172.5", "--age", "34",
                     "--sex", "female")
    assert rc == 0
    assert out.endswith("sweat_rate_l_per_h: 1\nexperience: some\nheight_cm: 172.5\nage: 34\nsex: female\n"
                        "max_hr: 184 (estimated from age, Tanaka 2001)\nresting_hr: 60 (assumed)\n")
    assert cli("--data-dir", data_dir, "profile")[1] == out


def test_an_impossible_height_or_age_is_refused(cli, data_dir):
    rc, _, err = cli("--data-dir", data_dir, "profile", "--height-cm", "20")
    assert (rc, err) == (2, "hybrid-planner: error: height: must be between 100 and 250 cm (got 20)\n")
    rc, _, err = cli("--data-dir", data_dir, "profile", "--age", "7")
    assert (rc, err) == (2, "hybrid-planner: error: age: must be between 14 and 100 years (got 7)\n")
    rc, _, err = cli("--data-dir", data_dir, "profile", "--sex", "x")
    assert rc == 2 and "invalid choice" in err


def test_report_json_command_prints_nutrition(cli, data_dir):
    cli("--data-dir", data_dir, "profile", "--body-mass", "70", "--sex", "female")
    rc, out, err = cli("--data-dir", data_dir, "report", "--week", "2026-W48", "--json")
    assert (rc, err) == (0, "")
    days = json.loads(out)["days"]
    # empty week, woman: EFSA 2.0 L; 3-5 g/kg = 210-350 g; no height and age: no energy, no fat
    assert days[3]["nutrition"] == {"carbohydrate_g": [210, 350], "protein_g": [98, 140],
                                    "fat_g": None, "fluid_l": [2, 2], "energy_kcal": None, "fuelling": []}
    cli("--data-dir", data_dir, "profile", "--height-cm", "165", "--age", "30")
    rc, out, err = cli("--data-dir", data_dir, "report", "--week", "2026-W48", "--json")
    # Mifflin-St Jeor: 700 + 1031.25 - 150 - 161 = 1420.25 kcal; x 1.4-1.5 = 1988.35-2130.38 kcal
    assert json.loads(out)["days"][3]["nutrition"]["energy_kcal"] == [1988, 2130]
