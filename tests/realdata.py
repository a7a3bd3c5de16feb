"""The real exports in ../shared/realdata (see its PROVENANCE.md), and a clock pinned to UTC for
tests that read them: a file in UTC lands on the computer's clock, so 21:29 Z must read 21:29."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[2] / "shared" / "realdata"
if not REAL.is_dir():
    REAL = Path("/work/shared/realdata")
needs_realdata = pytest.mark.skipif(not REAL.is_dir(), reason="the real files are not on this machine")

GPX = REAL / "run_gpx_pytrainer_2012-01-26.gpx"
TCX = REAL / "run_tcx_garmin_tcxparser_2012-12-26.tcx"
FIT = REAL / "run_fit_fenix2_fitdecode_2015-08-15.fit"
STRONG = REAL / "strong_export_classic_breinsp_2021.csv"


@pytest.fixture
def utc_clock(monkeypatch):
    """Use as `pytestmark = pytest.mark.usefixtures("utc_clock")` after importing it."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
