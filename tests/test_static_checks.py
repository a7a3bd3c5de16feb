"""ruff over the tree and mypy over domain, store and services (STYLE.md), as part of the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean():
    pytest.importorskip("ruff")
    out = _run("ruff", "check", "planner", "tests")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_is_clean_on_the_plain_python_layers():
    pytest.importorskip("mypy")
    out = _run("mypy")  # files and options come from pyproject.toml
    assert out.returncode == 0, out.stdout + out.stderr
