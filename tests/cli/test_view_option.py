"""`--view week|season|trends`: the view the window opens on."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest


@pytest.fixture
def fake_gui(monkeypatch):
    calls = []
    app = types.ModuleType("planner.app")

    def run_gui(data_dir: Path, demo: bool, view: str | None = None) -> int:
        calls.append((data_dir, demo, view))
        return 0

    app.run_gui = run_gui
    monkeypatch.setitem(sys.modules, "planner.app", app)
    return calls


def test_view_opens_the_window_on_that_view(cli, fake_gui, data_dir):
    assert cli("--data-dir", data_dir, "--view", "season")[0] == 0
    assert cli("--data-dir", data_dir, "--demo", "--view", "trends")[0] == 0
    assert fake_gui == [(data_dir, False, "season"), (data_dir, True, "trends")]
    code, _out, err = cli("--data-dir", data_dir, "--view", "month")
    assert code == 2 and "invalid choice: 'month'" in err


def test_view_only_opens_the_window(cli, fake_gui, data_dir):
    code, _out, err = cli("--data-dir", data_dir, "--view", "trends", "report", "--week", "2026-W48")
    assert code == 2
    assert "--view only applies when opening the window" in err
    assert fake_gui == []
