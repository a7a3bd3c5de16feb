"""backups, backup, restore, --start-fresh, --encoding, and the defects of issue 7 seen from the
command line: one clear line, the right exit status, nothing changed on a refusal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest

from planner.io.plan_csv import COLUMNS
from planner.store import backups
from planner.store.database import DATA_FILE, open_store

HEADER = ",".join(c for c in COLUMNS if c != "target")  # the columns before `target`: such files still import


@pytest.fixture
def clock(monkeypatch):
    now = [dt.datetime(2026, 11, 27, 9, 30, 0)]
    monkeypatch.setattr(backups, "now", lambda: now[0])
    return now


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def titles(data_dir: Path) -> list[str]:
    tables = orjson.loads((data_dir / DATA_FILE).read_bytes())
    return sorted(d["title"] for d in tables.get("sessions", {}).values())


def plan(tmp_path: Path, *rows: str) -> Path:
    return write(tmp_path / "plan.csv", HEADER + "\n" + "".join(r + "\n" for r in rows))


def test_backups_backup_and_restore(cli, data_dir, tmp_path, clock):
    rc, out, _ = cli("--data-dir", data_dir, "backups")
    assert (rc, out) == (0, f"No backups in {data_dir} yet (one is made at the first start of each day).\n")
    cli("--data-dir", data_dir, "import-plan", plan(tmp_path, "2026-11-23,,run,easy,Easy run,45,3"))
    clock[0] += dt.timedelta(days=1)
    cli("--data-dir", data_dir, "import-plan", plan(tmp_path, "2026-11-24,,run,long,Long run,90,4"))

    rc, out, _ = cli("--data-dir", data_dir, "backups")
    assert (rc, out) == (0, f"{data_dir}/backups/hybrid-planner-20261128.json  2026-11-28  1 session\n")

    rc, out, _ = cli("--data-dir", data_dir, "backup", tmp_path / "all.json")
    assert (rc, out) == (0, f"Backed up 2 sessions, the profile, templates and logs of {data_dir} to "
                            f"{tmp_path / 'all.json'}.\n")

    cli("--data-dir", data_dir, "import-plan", plan(tmp_path, "2026-11-25,,run,easy,Third,45,3"))
    rc, out, _ = cli("--data-dir", data_dir, "restore", tmp_path / "all.json")
    previous = data_dir / "backups" / "hybrid-planner-20261128-093000-before-restore.json"
    assert (rc, out) == (0, f"Restored {tmp_path / 'all.json'} (2 sessions) as {data_dir / DATA_FILE}. "
                            f"The state it replaced is backed up as {previous}.\n")
    assert titles(data_dir) == ["Easy run", "Long run"]
    assert sorted(d["title"] for d in orjson.loads(previous.read_bytes())["sessions"].values()) == [
        "Easy run", "Long run", "Third"]


def test_restore_of_a_wrong_file_changes_nothing(cli, data_dir, tmp_path):
    cli("--data-dir", data_dir, "import-plan", plan(tmp_path, "2026-11-23,,run,easy,Easy run,45,3"))
    before = (data_dir / DATA_FILE).read_bytes()
    bad = write(tmp_path / "bad.json", b'{"sessions": {"1": {"title": "no kind"}}}')
    rc, _, err = cli("--data-dir", data_dir, "restore", bad)
    assert rc == 1
    assert err == (f"hybrid-planner: error: {bad} holds a record that is not valid (session 1: missing field "
                   "'duration_min'), so it cannot be restored. Nothing was changed.\n")
    assert (data_dir / DATA_FILE).read_bytes() == before
    assert not (data_dir / "backups").exists() or not list((data_dir / "backups").glob("*before-restore*"))


def test_a_broken_file_is_refused_every_time_until_start_fresh(cli, data_dir, tmp_path, clock):
    cli("--data-dir", data_dir, "import-plan", plan(tmp_path, "2026-11-23,,run,easy,Easy run,45,3"))
    clock[0] += dt.timedelta(days=1)
    cli("--data-dir", data_dir, "profile", "--units", "metric")  # a writer: today's backup of the good plan
    path = data_dir / DATA_FILE
    write(path, path.read_bytes()[:50])

    rc, _, first = cli("--data-dir", data_dir, "profile", "--units", "metric")  # a writer finds it broken
    assert rc == 1
    kept = data_dir / "hybrid-planner.broken-20261128-093000.json"
    backup = data_dir / "backups" / "hybrid-planner-20261128-kept.json"
    assert first.startswith(f"hybrid-planner: error: The data file {path} is not valid JSON")
    assert first.endswith(f"It was moved, unchanged, to {kept}. The last good backup is {backup}. Nothing "
                          f"is opened until you restore it (hybrid-planner restore {backup}) or start an "
                          "empty plan on purpose (hybrid-planner --start-fresh).\n")
    for command in (["profile"], ["report", "--week", "2026-W48"], ["export-plan", "-"]):
        assert cli("--data-dir", data_dir, *command) == (1, "", first)

    rc, out, err = cli("--data-dir", data_dir, "--start-fresh", "profile")
    assert rc == 0 and "name: " in out
    assert err == f"Started an empty plan; the broken data file stays, unchanged, at {kept}.\n"
    assert cli("--data-dir", data_dir, "export-plan", "-") == (0, ",".join(COLUMNS) + "\r\n", "")
    assert backup.exists()


def test_encoding_is_refused_naming_the_line_unless_chosen(cli, data_dir, tmp_path):
    raw = (HEADER + "\n2026-11-23,,run,easy,Easy,45,3\n2026-11-24,,run,easy,Café run,45,3\n").encode("cp1252")
    path = write(tmp_path / "excel.csv", raw)
    rc, _, err = cli("--data-dir", data_dir, "import-plan", path)
    assert rc == 1
    assert err == (f"hybrid-planner: error: {path} line 3: not valid UTF-8 text (byte E9); save the file as "
                   "UTF-8 (in Excel: CSV UTF-8), or choose its encoding (on the command line: --encoding, "
                   "e.g. --encoding cp1252); nothing was imported\n")
    assert not (data_dir / DATA_FILE).exists()
    rc, out, _ = cli("--data-dir", data_dir, "import-plan", path, "--encoding", "cp1252")
    assert rc == 0
    assert titles(data_dir) == ["Café run", "Easy"]
    rc, _, err = cli("--data-dir", data_dir, "import-plan", path, "--encoding", "klingon")
    assert rc == 2 and "unknown encoding 'klingon'" in err


def test_dates_out_of_range_are_usage_errors(cli, data_dir):
    rc, _, err = cli("--data-dir", data_dir, "report", "--week", "9999-W52")
    assert (rc, err) == (2, "hybrid-planner: error: week: must start from 1900-01-01 to 2199-12-31 "
                            "(got 9999-W52)\n")
    rc, _, err = cli("--data-dir", data_dir, "export-plan", "-", "--from", "20261202")
    assert (rc, err) == (2, "hybrid-planner: error: from: must be a date written YYYY-MM-DD (got '20261202')\n")
    rc, _, err = cli("--data-dir", data_dir, "export-plan", "-", "--to", "2026-W49-3")
    assert (rc, err) == (2, "hybrid-planner: error: to: must be a date written YYYY-MM-DD (got '2026-W49-3')\n")


def test_a_data_file_holding_a_date_out_of_range_is_refused_as_broken(cli, data_dir):
    session = {"kind": "run", "title": "Far", "duration_min": 40, "rpe": 3, "date": "9999-12-31",
               "position": 0, "status": "planned"}
    write(data_dir / DATA_FILE, orjson.dumps({"meta": {"1": {"schema_version": 2}}, "sessions": {"1": session}}))
    rc, _, err = cli("--data-dir", data_dir, "report", "--week", "2026-W48")
    assert rc == 1
    assert "holds a record that is not valid (session 1: date: must be from 1900-01-01 to 2199-12-31 " \
           "(got 9999-12-31))" in err


def test_10001_sessions_on_one_day_names_the_line(cli, data_dir, tmp_path):
    path = plan(tmp_path, *(["2026-12-02,,run,,R,30,3"] * 10_002))
    rc, _, err = cli("--data-dir", data_dir, "import-plan", path)
    assert rc == 1
    assert err == (f"hybrid-planner: error: {path} line 10003: date: 2026-12-02 has more than 10,001 sessions "
                   "in this file, the most one day can hold; nothing was imported\n")
    ok = plan(tmp_path, *(["2026-12-02,,run,,R,30,3"] * 10_001))
    assert cli("--data-dir", data_dir, "import-plan", ok)[0] == 0
    path = plan(tmp_path, "2026-12-02,,run,,One too many,30,3")
    rc, _, err = cli("--data-dir", data_dir, "import-plan", path)
    assert (rc, err) == (1, f"hybrid-planner: error: {path} line 2: date: 2026-12-02 would hold more than "
                            "10,001 sessions with those already planned, the most one day can hold; nothing "
                            "was imported\n")


def test_exported_formulas_are_text(cli, data_dir, tmp_path):
    cli("--data-dir", data_dir, "import-plan",
        plan(tmp_path, '2026-11-23,,run,easy,"=HYPERLINK(""http://x"",""y"")",45,3,,,,,,,@SUM(A1:A9)'))
    rc, out, _ = cli("--data-dir", data_dir, "export-plan", "-")
    assert out.splitlines()[1] == ("2026-11-23,,run,easy,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",45,3,,,,"
                                   "planned,,,,'@SUM(A1:A9),")


def test_read_only_commands_work_while_the_window_holds_the_folder(cli, data_dir, tmp_path):
    cli("--data-dir", data_dir, "import-plan", plan(tmp_path, "2026-11-23,,run,easy,Easy run,45,3"))
    window = open_store(data_dir)
    try:
        assert cli("--data-dir", data_dir, "report", "--week", "2026-W48")[0] == 0
        assert cli("--data-dir", data_dir, "export-plan", tmp_path / "out.csv")[0] == 0
        assert cli("--data-dir", data_dir, "backup", tmp_path / "b.json")[0] == 0
        assert cli("--data-dir", data_dir, "backups")[0] == 0
        rc, _, err = cli("--data-dir", data_dir, "restore", tmp_path / "b.json")
        assert rc == 1 and "already open in another Hybrid Planner window" in err
    finally:
        window.close()
