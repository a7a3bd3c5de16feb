"""A real mouse drag from the library onto a day, on an Xvfb screen (offscreen Qt cannot drag).

The window runs in a subprocess on the xcb platform; xdotool moves the real pointer. CI installs
Xvfb and xdotool (packaging/dev.sh); elsewhere the test is skipped when they are missing.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.resources import builtin_templates
from planner.store.database import open_store

pytestmark = pytest.mark.xvfb
ROOT = Path(__file__).resolve().parents[2]


def run_driver(display: str, tmp_path: Path, driver: str) -> tuple[Path, subprocess.CompletedProcess]:
    """Run `driver` (a script in tests/ui) on the X screen `display`; returns its data folder and result."""
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
               HYBRID_PLANNER_SETTINGS_DIR=str(tmp_path / "settings"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    data = tmp_path / "data"
    out = subprocess.run([sys.executable, str(ROOT / "tests/ui" / driver), str(data)],
                         env=env, capture_output=True, text=True, timeout=90)
    return data, out


def test_real_mouse_drag_from_library_onto_thursday(xvfb, tmp_path):
    data, out = run_driver(xvfb, tmp_path, "real_drag_driver.py")
    assert out.returncode == 0, f"the drag did not land:\n{out.stdout}\n{out.stderr}"
    store = open_store(data, builtin_templates())
    try:
        thursday = store.sessions.on_date(dt.date(2026, 11, 26))
        easy = next(t for t in builtin_templates() if t.id == "easy-run")
        assert [(s.title, s.duration_min, s.kind) for s in thursday] == [(easy.title, easy.duration_min, easy.kind)]
        assert len(store.sessions) == 1
    finally:
        store.close()


def test_real_mouse_drag_in_the_season_from_week_1_to_week_3_and_undo(xvfb, tmp_path):
    data, out = run_driver(xvfb, tmp_path, "real_drag_season_driver.py")
    assert out.returncode == 0, f"the drag did not land, or undo did not put it back:\n{out.stdout}\n{out.stderr}"
    assert out.stdout.splitlines()[-2:] == ["moved", "undone"]
    store = open_store(data, builtin_templates())
    try:  # after the undo, the file holds the card where it was
        assert [s.title for s in store.sessions.on_date(dt.date(2026, 11, 23))] == ["Tempo run"]
        assert store.sessions.on_date(dt.date(2026, 12, 9)) == []
    finally:
        store.close()
