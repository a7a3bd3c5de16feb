from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from planner.app import build_window
from planner.store.database import open_store
from planner.ui.settings import Settings
from tests.services.conftest import BUILTINS, MONDAY, run

TODAY = MONDAY + dt.timedelta(days=2)  # a Wednesday
CATALOG = {"Back squat": ("quads", "glutes"), "Calf raise": ("calves",)}


@pytest.fixture
def make_window(data_dir, qtbot):
    """Build main windows on the test's data folder; each is closed and its store released."""
    opened = []

    def make(sessions=(), builtins=BUILTINS):
        store = open_store(data_dir, builtins)
        if sessions:
            store.sessions.apply(put=sessions)
        w = build_window(store, Settings(), CATALOG, today=lambda: TODAY)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        opened.append(w)
        return w

    yield make
    for w in opened:
        w.close()
        w.store.close()


@pytest.fixture
def window(make_window):
    """Monday: A, B, C; Wednesday: D."""
    return make_window([run("A", MONDAY, position=0), run("B", MONDAY, position=1), run("C", MONDAY, position=2),
                        run("D", MONDAY + dt.timedelta(days=2))])


def titles(store, day):
    return [s.title for s in store.sessions.on_date(day)]


def _free_display() -> str:
    for n in range(120, 200):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return f":{n}"
    raise RuntimeError("no free X display number")


@pytest.fixture
def xvfb():
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        if os.environ.get("CI"):
            pytest.fail("CI must run the tests on a real X screen: Xvfb and xdotool are missing")
        pytest.skip("needs Xvfb and xdotool (apt-get install xvfb xdotool)")
    display = _free_display()
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    yield display
    proc.terminate()
    proc.wait(5)
