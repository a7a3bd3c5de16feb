"""`hybrid-planner generate`: writes the block through the wizard's service and prints its summary."""

from __future__ import annotations


def test_generate_writes_prints_and_refuses_to_overwrite(cli, data_dir) -> None:
    args = ("--data-dir", data_dir, "generate", "--goal", "balanced", "--start", "2027-03-03", "--weeks", "5",
            "--days", "mon,tue,thu,sat,sun", "--weekly-km", "30", "--longest-run", "12", "--squat", "100x5",
            "--bench", "80")
    rc, out, err = cli(*args)
    assert (rc, err) == (0, "")
    lines = out.splitlines()
    # starts on the Monday after Wed 3 Mar; 3 runs + 3 lifts + mobility = 7 sessions x 5 weeks = 35
    assert lines[0] == "Wrote 35 sessions."  # the profile is already balanced, experience some
    assert lines[1] == ("5-week balanced block, Mon 08 Mar 2027 to Sun 11 Apr 2027: 3 runs and 3 lifts a week, "
                        "experience some.")
    phases = [line[21:34].strip() for line in lines[4:9]]
    assert phases == ["build 1", "build 2", "deload", "build 1", "build 2"]  # 4 builds in 2 even phases
    assert "Note: No one-rep max for press: those sets carry RPE targets without a load." in lines
    rc, out, err = cli(*args)
    assert rc == 2
    assert err.startswith("hybrid-planner: error: 35 sessions are already planned between Mon 08 Mar 2027 and "
                          "Sun 11 Apr 2027")
    rc, out, _ = cli(*args, "--replace")
    assert rc == 0 and out.startswith("Wrote 35 sessions, replacing 35.")
    rc, out, _ = cli("--data-dir", data_dir, "check", "--from", "2027-03-08", "--to", "2027-04-11")
    assert rc == 0
    assert "[warning]" not in out and "[alert]" not in out


def test_impossible_inputs_exit_2_with_what_to_change(cli, data_dir) -> None:
    rc, out, err = cli("--data-dir", data_dir, "generate", "--goal", "run", "--start", "2027-03-01", "--weeks", "8",
                       "--runs", "4", "--lifts", "2", "--days", "mon,wed,fri", "--long-run-day", "fri")
    assert (rc, out) == (2, "")
    assert err == ("hybrid-planner: error: 4 runs and 2 lifts a week on mon,wed,fri cannot be arranged for run focus "
                   "without hard days back to back, heavy legs next to a hard run, or a week without a rest day. What "
                   "would work: add one of tue, thu, sat or sun to the days; or plan 3 runs a week.\n")


def test_race_blocks_take_a_recent_result_and_replan_from_a_day(cli, data_dir) -> None:
    args = ("--data-dir", data_dir, "generate", "--goal", "run", "--start", "2027-03-01", "--weeks", "12",
            "--weekly-km", "35", "--longest-run", "14", "--race-km", "21.1", "--recent-race", "10", "45:00")
    rc, out, err = cli(*args)
    assert (rc, err) == (0, "")
    assert ("Note: Training paces from 10 km in 45:00 (VDOT 45.3, Daniels 2014): easy 5:18-5:53/km; marathon "
            "4:55/km; threshold 4:37/km; interval 4:15/km; repetition 4:00/km (1:36 per 400 m).") in out.splitlines()
    rc, out, err = cli("--data-dir", data_dir, "generate", "--replan-from", "2027-04-07")
    assert (rc, err) == (0, "")
    assert out.splitlines()[0].startswith("Re-planned from Wed 07 Apr 2027: ")
    rc, out, _ = cli("--data-dir", data_dir, "check", "--from", "2027-03-01", "--to", "2027-05-23")
    assert rc == 0 and "[warning]" not in out and "[alert]" not in out


def test_race_distances_are_the_four_named_ones(cli, data_dir) -> None:
    rc, out, err = cli("--data-dir", data_dir, "generate", "--goal", "run", "--start", "2027-03-01", "--weeks", "8",
                       "--race-km", "15")
    assert (rc, out) == (2, "")
    assert "argument --race-km: invalid choice: 15.0 (choose from 5.0, 10.0, 21.1, 42.2)" in err
    rc, out, err = cli("--data-dir", data_dir, "generate")
    assert (rc, out) == (2, "")
    assert err == "hybrid-planner: error: generate needs --goal, --start and --weeks (or --replan-from DATE).\n"


def test_imperial_profile_reads_the_table_and_notes_in_miles_and_pounds(cli, data_dir) -> None:
    assert cli("--data-dir", data_dir, "profile", "--units", "imperial")[0] == 0
    rc, out, err = cli("--data-dir", data_dir, "generate", "--goal", "run", "--start", "2027-03-01", "--weeks", "6",
                       "--weekly-km", "30", "--longest-run", "12", "--recent-race", "10", "45:00")
    assert (rc, err) == (0, "")
    lines = out.splitlines()
    assert lines[3] == "week  dates          phase         mi   long mi  above easy  load AU  tonnage lb  ACWR"
    assert ("Note: Training paces from 6.21 mi in 45:00 (VDOT 45.3, Daniels 2014): easy 8:32-9:28/mi; marathon "
            "7:54/mi; threshold 7:25/mi; interval 6:50/mi; repetition 6:26/mi (1:36 per 400 m).") in lines
    assert "/km" not in out and " kg" not in out


def test_options_take_miles_and_pounds_at_their_word(cli, data_dir) -> None:
    """18.64 mi = 29.998 km; 8 mi = 12.875 km; 265 lb = 120.2 kg; 10:03/mi = 603 / 1.609344 = 374.7 -> 375 s/km;
    a number alone stays in the option's km and kg."""
    import json

    from planner.store.database import open_store

    rc, _, err = cli("--data-dir", data_dir, "generate", "--goal", "run", "--start", "2027-03-01", "--weeks", "6",
                     "--weekly-km", "18.64 mi", "--longest-run", "8mi", "--deadlift", "265lb", "--squat", "100x5",
                     "--easy-pace", "10:03/mi")
    assert (rc, err) == (0, "")
    store = open_store(data_dir)
    try:
        doc = json.loads(store.profile.get().generated_block)
    finally:
        store.close()
    assert (doc["weekly_km"], doc["longest_run_km"], doc["easy_pace_s"]) == (29.998172, 12.874752, 375)
    assert doc["one_rm"] == {"deadlift": 120.201978, "squat": 116.7}
    rc, _, err = cli("--data-dir", data_dir, "generate", "--goal", "run", "--start", "2027-03-01", "--weeks", "6",
                     "--weekly-km", "20 yd")
    assert rc == 2 and "argument --weekly-km: unit must be km or mi (got 'yd')" in err
