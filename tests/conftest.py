from __future__ import annotations

import os

# Qt must never need a screen in tests (the real-drag test starts its own Xvfb in a subprocess).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest  # noqa: E402


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh data folder per test; QSettings also go there so tests never touch the user's."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("HYBRID_PLANNER_SETTINGS_DIR", str(tmp_path / "settings"))
    return d
