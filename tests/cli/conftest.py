from __future__ import annotations

import pytest

from planner.paths import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def default_data_dir(tmp_path, monkeypatch):
    """Where commands without --data-dir go: never the user's real folder."""
    d = tmp_path / "default-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(d))
    monkeypatch.delenv("HYBRID_PLANNER_DEBUG", raising=False)
    return d


@pytest.fixture
def cli(capsys):
    """Run `hybrid-planner ARGS` in-process: returns (exit status, stdout, stderr)."""
    from planner.cli import main

    def run(*argv: object) -> tuple[int, str, str]:
        capsys.readouterr()
        rc = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return rc, out, err

    return run


def stored_sessions(data_dir):
    """What a folder holds after a command, by date and position; [] when nothing was ever written."""
    from planner.store.database import open_store

    if not data_dir.exists():
        return []
    store = open_store(data_dir)
    try:
        return sorted(store.sessions.all(), key=lambda s: (s.date, s.position))
    finally:
        store.close()
