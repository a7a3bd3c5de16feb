"""`python -m planner ...` as a real process: exit status, streams, no Qt for headless commands."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner import __version__
from planner.paths import DATA_DIR_ENV

ROOT = Path(__file__).resolve().parents[2]


def run(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("HYBRID_PLANNER_DEBUG", None)
    return subprocess.run(
        [sys.executable, *(str(a) for a in args)],
        cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120,
    )


def test_version():
    p = run("-m", "planner", "--version")
    assert (p.returncode, p.stdout, p.stderr) == (0, f"hybrid-planner {__version__}\n", "")


def test_demo_then_report_json(tmp_path):
    data = tmp_path / "data"
    p = run("-m", "planner", "--data-dir", data, "demo")
    assert p.returncode == 0, p.stderr
    week = "{}-W{:02d}".format(*dt.date.today().isocalendar()[:2])
    p = run("-m", "planner", "--data-dir", data, "report", "--week", week, "--json")
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stdout)
    assert report["week"] == week
    assert len(report["days"]) == 7
    assert report["totals"]["sessions"] > 0


def test_env_var_names_the_data_folder(tmp_path):
    data = tmp_path / "from-env"
    p = run("-m", "planner", "profile", "--name", "Env", env={DATA_DIR_ENV: str(data)})
    assert p.returncode == 0, p.stderr
    assert (data / "hybrid-planner.json").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--week", "2026-W99"],
        ["profile", "--body-mass", "-3"],
        ["import-plan", "does-not-exist.csv"],
        ["nonsense"],
    ],
)
def test_errors_are_one_line_without_traceback(tmp_path, args):
    p = run("-m", "planner", "--data-dir", tmp_path / "data", *args)
    assert p.returncode != 0
    assert "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1, p.stderr
    assert p.stdout == ""


def test_headless_commands_never_import_qt(tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text("date,kind,title,duration_min,rpe\n2026-11-23,run,Easy run,45,3\n")
    data = tmp_path / "data"
    code = (
        "import sys\n"
        "from planner.cli import main\n"
        f"d = {str(data)!r}\n"
        "for argv in (['profile'], ['demo'], ['import-plan', " + repr(str(plan)) + "],\n"
        "             ['export-plan', '-'], ['report', '--week', '2026-W48', '--json'],\n"
        "             ['report', '--week', '2026-W48']):\n"
        "    assert main(['--data-dir', d, *argv]) == 0, argv\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))]\n"
        "assert not qt, qt\n"
    )
    p = run("-c", code)
    assert p.returncode == 0, p.stderr
