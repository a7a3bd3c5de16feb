"""`print` and `export-ics` on the command line: files written, only reads, bad values refused."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from icalendar import Calendar
from pypdf import PdfReader

from planner.domain.enums import Kind
from planner.domain.session import Session
from planner.io.ics_export import session_uid
from planner.store.database import DATA_FILE, open_store

ROOT = Path(__file__).resolve().parents[2]
MONDAY = dt.date(2026, 11, 23)  # 2026-W48


def text_of(page) -> str:
    return " ".join(page.extract_text().split())


def seed(data_dir: Path) -> list[Session]:
    store = open_store(data_dir)
    try:
        return store.sessions.apply(put=[
            # week 2 stays under +8 km on week 1, so no weekly-change note pushes its findings onto a second sheet
            Session(kind=Kind.RUN, type="easy", title="Easy run", duration_min=45, rpe=3, distance_km=8,
                    date=MONDAY, time=dt.time(7, 0)),
            Session(kind=Kind.RUN, type="long", title="Long run", duration_min=100, rpe=5, distance_km=15,
                    date=MONDAY + dt.timedelta(days=13)),
        ])
    finally:
        store.close()


def test_print_writes_one_page_per_week(cli, data_dir, qapp, tmp_path):
    seed(data_dir)
    out = tmp_path / "plan.pdf"
    rc, stdout, err = cli("--data-dir", data_dir, "print", "--week", "2026-W48", "--weeks", 2, "-o", out)
    assert (rc, err) == (0, "")
    assert stdout == f"Printed 2 weeks from Week 2026-W48 on 2 pages to {out}.\n"
    pages = PdfReader(out).pages
    assert len(pages) == 2
    assert "Easy run" in text_of(pages[0]) and "Week 2026-W48" in text_of(pages[0])
    assert "Long run" in text_of(pages[1]) and "Week 2026-W49" in text_of(pages[1])


def test_print_paper_option(cli, data_dir, qapp, tmp_path):
    out = tmp_path / "letter.pdf"
    rc, _, err = cli("--data-dir", data_dir, "print", "--week", "2026-W48", "-o", out, "--paper", "Letter")
    assert rc == 0, err
    box = PdfReader(out).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (792, 612)


def test_print_bad_values(cli, data_dir, qapp, tmp_path):
    rc, _, err = cli("--data-dir", data_dir, "print", "--week", "2026-48", "-o", tmp_path / "x.pdf")
    assert rc == 2 and "YYYY-Www" in err
    rc, _, err = cli("--data-dir", data_dir, "print", "--week", "2026-W48", "--weeks", 0, "-o", tmp_path / "x.pdf")
    assert (rc, err) == (2, "hybrid-planner: error: weeks: must be between 1 and 52 (got 0)\n")
    assert not (tmp_path / "x.pdf").exists()


def test_export_ics_twice_gives_the_same_bytes(cli, data_dir, tmp_path):
    stored = seed(data_dir)
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    assert cli("--data-dir", data_dir, "export-ics", a)[:2] == (
        0, f"Exported 2 sessions from {MONDAY} to {MONDAY + dt.timedelta(13)} to {a}.\n")
    assert cli("--data-dir", data_dir, "export-ics", b)[0] == 0
    assert a.read_bytes() == b.read_bytes()
    events = Calendar.from_ical(a.read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [session_uid(s.id) for s in stored]
    # DTSTAMP is when the plan was saved, not when it was exported
    saved = dt.datetime.fromtimestamp(os.stat(data_dir / DATA_FILE).st_mtime, dt.UTC).replace(microsecond=0)
    assert events[0]["DTSTAMP"].dt == saved


def test_export_ics_range(cli, data_dir, tmp_path):
    seed(data_dir)
    out = tmp_path / "w.ics"
    rc, stdout, _ = cli("--data-dir", data_dir, "export-ics", out, "--from", "2026-11-23", "--to", "2026-11-29")
    assert (rc, stdout) == (0, f"Exported 1 session from 2026-11-23 to 2026-11-23 to {out}.\n")
    [event] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Easy run" and event["DTSTART"].dt == dt.datetime(2026, 11, 23, 7, 0)
    rc, _, err = cli("--data-dir", data_dir, "export-ics", out, "--from", "2026-11-29", "--to", "2026-11-23")
    assert rc == 2 and "before --from" in err


def test_print_in_a_process_without_a_display(data_dir, tmp_path):
    """The real headless case: no QApplication, no QT_QPA_PLATFORM, no DISPLAY."""
    seed(data_dir)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    out = tmp_path / "p.pdf"
    p = subprocess.run([sys.executable, "-m", "planner", "--data-dir", str(data_dir), "print", "--week", "2026-W48",
                        "-o", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "07:00 Easy run" in text_of(PdfReader(out).pages[0])


def test_print_and_export_while_the_window_has_the_plan_open(cli, data_dir, qapp, tmp_path):
    seed(data_dir)
    window_store = open_store(data_dir)  # holds the folder lock, as the window does
    try:
        rc, _, err = cli("--data-dir", data_dir, "print", "--week", "2026-W48", "-o", tmp_path / "p.pdf")
        assert (rc, err) == (0, "")
        rc, _, err = cli("--data-dir", data_dir, "export-ics", tmp_path / "c.ics")
        assert (rc, err) == (0, "")
        assert len(Calendar.from_ical((tmp_path / "c.ics").read_bytes()).walk("VEVENT")) == 2
    finally:
        window_store.close()


def test_reading_commands_never_create_or_change_the_file(cli, data_dir, qapp, tmp_path):
    rc, stdout, _ = cli("--data-dir", data_dir, "export-ics", tmp_path / "e.ics")
    assert (rc, stdout) == (0, f"Exported 0 sessions to {tmp_path / 'e.ics'}.\n")
    assert cli("--data-dir", data_dir, "print", "--week", "2026-W48", "-o", tmp_path / "e.pdf")[0] == 0
    assert not (data_dir / DATA_FILE).exists()
    seed(data_dir)
    before = (data_dir / DATA_FILE).read_bytes(), os.stat(data_dir / DATA_FILE).st_mtime_ns
    cli("--data-dir", data_dir, "export-ics", tmp_path / "f.ics")
    assert ((data_dir / DATA_FILE).read_bytes(), os.stat(data_dir / DATA_FILE).st_mtime_ns) == before


def test_reimport_updates_the_same_events_after_a_move_and_a_restart(cli, data_dir, tmp_path):
    """What a calendar matches on: the same UID, a later DTSTAMP and a higher SEQUENCE."""
    stored = seed(data_dir)
    cli("--data-dir", data_dir, "export-ics", tmp_path / "before.ics")
    mtime = os.stat(data_dir / DATA_FILE).st_mtime
    store = open_store(data_dir)  # a restart of the app; move the easy run to Wednesday 18:30
    try:
        store.sessions.apply(put=[stored[0].replace(date=MONDAY + dt.timedelta(2), time=dt.time(18, 30))])
    finally:
        store.close()
    os.utime(data_dir / DATA_FILE, (mtime + 90, mtime + 90))  # the save, 90 s later (no sleeping in tests)
    cli("--data-dir", data_dir, "export-ics", tmp_path / "after.ics")
    before = {str(e["UID"]): e for e in Calendar.from_ical((tmp_path / "before.ics").read_bytes()).walk("VEVENT")}
    after = {str(e["UID"]): e for e in Calendar.from_ical((tmp_path / "after.ics").read_bytes()).walk("VEVENT")}
    uid = session_uid(stored[0].id)
    assert set(before) == set(after) and uid in after
    assert after[uid]["DTSTART"].dt == dt.datetime(2026, 11, 25, 18, 30)
    assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) + 90
    assert after[uid]["DTSTAMP"].dt > before[uid]["DTSTAMP"].dt


def test_unwritable_output_is_one_clear_line(cli, data_dir, qapp, tmp_path):
    target = tmp_path / "no-such-folder" / "plan.pdf"
    rc, _, err = cli("--data-dir", data_dir, "print", "--week", "2026-W48", "-o", target)
    assert (rc, err) == (1, f"hybrid-planner: error: cannot write {target}: No such file or directory\n")
    rc, _, err = cli("--data-dir", data_dir, "export-ics", tmp_path / "no-such-folder" / "c.ics")
    assert rc == 1 and err.startswith("hybrid-planner: error: cannot write")


def test_export_ics_imports_no_qt(data_dir, tmp_path):
    """Only `print` draws; the calendar export starts fast and runs where Qt cannot."""
    seed(data_dir)
    script = ("import sys\nfrom planner import cli\nrc = cli.main(sys.argv[1:])\n"
              "print('QT:' + ','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))))\n"
              "sys.exit(rc)\n")
    done = subprocess.run([sys.executable, "-c", script, "--data-dir", str(data_dir), "export-ics",
                           str(tmp_path / "x.ics")], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "QT:"
