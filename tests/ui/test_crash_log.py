"""A crash, seen once, is kept: faulthandler writes it to the log beside the data file, and
Help > About points there."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QMessageBox

from planner.ui.crash_log import CRASH_LOG, CrashLog, crash_log_path, crash_log_words, crash_reports


def _run(code: str, log) -> subprocess.CompletedProcess:
    script = textwrap.dedent(f"""
        import faulthandler, sys
        from planner.ui.crash_log import CrashLog
        def in_the_middle_of_a_drop():
            {code}
        with CrashLog({str(log)!r}):
            in_the_middle_of_a_drop()
    """)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60, check=False)


def test_a_segfault_is_written_to_the_log_with_the_stack(tmp_path):
    log = tmp_path / CRASH_LOG
    done = _run("faulthandler._sigsegv()", log)
    assert done.returncode != 0
    text = log.read_text()
    assert text.startswith("--- Hybrid Planner ")
    assert "Fatal Python error: Segmentation fault" in text
    assert "in_the_middle_of_a_drop" in text  # the Python stack of the thread that crashed
    assert crash_reports(log) == 1
    words = crash_log_words(tmp_path / "hybrid-planner.json")
    assert words == f"<b>Crash log:</b><br>{log} (it holds 1 crash report; please send it with a bug report)"


def test_a_clean_exit_leaves_no_trace_and_a_kill_is_forgotten_at_the_next_start(tmp_path):
    log = tmp_path / CRASH_LOG
    assert _run("pass", log).returncode == 0
    assert log.read_bytes() == b""
    assert _run("import os; os._exit(9)", log).returncode == 9  # killed: no clean exit, no report
    assert log.read_text().startswith("--- Hybrid Planner ") and crash_reports(log) == 0
    _run("faulthandler._sigsegv()", log)
    _run("faulthandler._sigabrt()", log)
    text = log.read_text()
    assert text.count("--- Hybrid Planner ") == 2  # the killed start's line is gone
    assert crash_reports(log) == 2 and "Aborted" in text
    assert crash_log_words(tmp_path / "x.json").endswith("(it holds 2 crash reports; please send it with a bug report)")


def test_nothing_to_report(tmp_path):
    assert crash_log_words(tmp_path / "hybrid-planner.json") == (
        f"<b>Crash log:</b><br>{tmp_path / CRASH_LOG} (no crash so far)")
    with CrashLog(tmp_path / CRASH_LOG):
        pass
    assert (tmp_path / CRASH_LOG).read_bytes() == b""


def test_help_about_points_to_the_crash_log(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, title, text: shown.append((title, text)))
    window.show_about()
    (title, text), = shown
    assert title == "About Hybrid Planner"
    assert f"<b>Crash log:</b><br>{crash_log_path(window.store.path)} (no crash so far)" in text
