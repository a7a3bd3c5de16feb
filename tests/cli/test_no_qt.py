"""Commands that draw nothing import no Qt at all: they start fast and run where Qt cannot."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import sys
from planner import cli
rc = cli.main(sys.argv[1:])
qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))
print('QT:' + ','.join(qt))
sys.exit(rc)
"""


@pytest.mark.parametrize("command", [
    ["demo"],
    ["profile", "--body-mass", "70"],
    ["report", "--week", "2026-W48"],
    ["report", "--week", "2026-W48", "--json"],
    ["export-plan", "-"],
    ["export-ics", "OUT.ics"],
    ["import-plan", "PLAN"],
    ["sources", "--json"],
])
def test_headless_command_imports_no_qt(tmp_path, command):
    plan = tmp_path / "plan.csv"
    plan.write_text("date,kind,title,duration_min,rpe\n2026-11-24,run,Easy run,40,3\n", encoding="utf-8")
    named = {"PLAN": str(plan), "OUT.ics": str(tmp_path / "out.ics")}
    argv = ["--data-dir", str(tmp_path / "data"), *[named.get(a, a) for a in command]]
    done = subprocess.run([sys.executable, "-c", SCRIPT, *argv], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "QT:"
