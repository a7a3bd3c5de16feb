"""`hybrid-planner --self-test` from source, as a user (or CI on a bundle) runs it: a separate process.

The frozen bundle runs the same steps in tests/test_packaging.py (slow).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STEPS = ["window", "demo", "drop", "panes", "print", "calendar", "activity", "process", "close"]


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HYBRID_PLANNER_SETTINGS_DIR": str(tmp_path / "s"),
           "HYBRID_PLANNER_DATA_DIR": str(tmp_path / "never-used"), "TMPDIR": str(tmp_path)}
    env.pop("HYBRID_PLANNER_DEBUG", None)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


MAIN = "import sys; from planner.cli import main; sys.exit(main(['--self-test']))"


def test_self_test_passes_from_source_with_one_line_per_step(tmp_path):
    result = _run(MAIN, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("self-test: Hybrid Planner ") and "(from source, Python " in lines[0]
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok   {s}" for s in STEPS]
    assert lines[-1].startswith(f"self-test passed: {len(STEPS)} steps in ")
    by_step = {line.split(":")[0].split()[-1]: line for line in lines[1:-1]}
    assert "on the offscreen platform" in by_step["window"]
    # The charts and nutrition docks, and the status bar's pane, are registered and refreshed.
    assert "panes refreshed: " in by_step["panes"]
    for name in ("Charts", "Nutrition"):
        assert name in by_step["panes"].split("refreshed: ", 1)[1]
    # The demo's sessions plus the imported run: 1 more session read back than the demo wrote.
    demo = int(by_step["demo"].split("demo: ", 1)[1].split()[0])
    assert f"close: {demo + 1} sessions saved and read back" in by_step["close"]
    assert f"calendar: {demo} events" in by_step["calendar"]  # exported before the import
    assert "1 run of 0.40 km" in by_step["activity"]  # two legs of 0.0018 deg latitude: 2 x 200 m
    # The user's data folder is never touched.
    assert not (tmp_path / "never-used").exists()
    assert not list(tmp_path.glob("hybrid-planner-self-test-*"))  # the temporary folder is gone


@pytest.mark.parametrize(
    ("breakage", "step", "says"),
    [
        # The pane host no longer hears the change bus: the panes miss the drop.
        ("import planner.ui.panes as p; p.PaneHost._on_changes = lambda self, changes: None", "panes",
         "not refreshed after the drop: StatusPane, Charts, Nutrition, "),
        # The calendar writer drops the last event.
        ("import planner.io.ics_export as m; w = m.write_ics; "
         "m.write_ics = lambda path, s, *a: w(path, s[:-1], *a)", "calendar", "sessions, "),
        # The model accepts the drop but moves nothing.
        ("import planner.models.week_model as m; m.WeekModel.dropMimeData = lambda *a: True", "drop",
         "after the drop, not on "),
    ],
)
def test_a_broken_step_is_named_and_exits_1(tmp_path, breakage, step, says):
    result = _run(f"{breakage}\n{MAIN}", tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == f"self-test failed at step '{step}'"
    assert lines[-2].startswith(f"FAIL {step}: ") and says in lines[-2], lines[-2]
    done = STEPS[:STEPS.index(step)]
    assert [line.split(":")[0] for line in lines[1:-2]] == [f"ok   {s}" for s in done]


@pytest.mark.parametrize(("platform", "display"), [("xcb", "DISPLAY"), ("wayland", "WAYLAND_DISPLAY")])
def test_without_a_display_the_self_test_runs_offscreen_and_says_why(tmp_path, platform, display):
    """Issue 19: QT_QPA_PLATFORM=xcb on a machine without a display aborted with 134."""
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "HYBRID_PLANNER_SETTINGS_DIR": str(tmp_path / "s"),
           "HYBRID_PLANNER_DATA_DIR": str(tmp_path / "never-used"), "TMPDIR": str(tmp_path)}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "HYBRID_PLANNER_DEBUG"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-c", MAIN], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    window = next(line for line in result.stdout.splitlines() if line.startswith("ok   window:"))
    assert (f"on the offscreen platform (QT_QPA_PLATFORM={platform} but {display} is not set, so offscreen)"
            in window)


def test_no_display_for():
    from planner.selftest import no_display_for

    assert no_display_for({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}) == ""
    assert no_display_for({"QT_QPA_PLATFORM": "offscreen"}) == ""
    assert no_display_for({"QT_QPA_PLATFORM": "xcb"}) == "QT_QPA_PLATFORM=xcb but DISPLAY is not set"
