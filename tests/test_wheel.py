"""The package installs as a wheel (not only editable) and works from there: resources inside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_runs_demo_and_report(tmp_path):
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    [wheel] = wheels.glob("hybrid_planner-*.whl")

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.check_output([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        text=True).strip())
    # The wheel's dependencies from this environment, without its editable finder (a .pth line only
    # adds a folder to sys.path; the .pth files inside it are not run).
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                                str(wheel)], capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr

    env = {**os.environ, "PYTHONPATH": ""}
    where = subprocess.check_output([str(py), "-c", "import planner, planner.resources as r; "
                                     "print(planner.__file__); print(r.resources_dir())"], text=True, cwd=tmp_path,
                                    env=env).split()
    assert where[0].startswith(str(site)), where  # the wheel's copy, not the source tree
    assert where[1] == str(site / "planner" / "_resources")

    data = tmp_path / "data"
    demo = subprocess.run([str(py), "-m", "planner", "--data-dir", str(data), "demo"], capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=120)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith(f"Wrote the demo plan to {data}: ")
    report = subprocess.run([str(py), "-m", "planner", "--data-dir", str(data), "report", "--week", "2026-W48",
                             "--json"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert report.returncode == 0, report.stderr
    doc = json.loads(report.stdout)
    assert (doc["week"], doc["start"], doc["end"]) == ("2026-W48", "2026-11-23", "2026-11-29")

    # The list of sources ships inside the wheel: `sources` reads it from planner/_resources.
    sources = subprocess.run([str(py), "-m", "planner", "sources", "--json"], capture_output=True, text=True,
                             cwd=tmp_path, env=env, timeout=120)
    assert sources.returncode == 0, sources.stderr
    assert len(json.loads(sources.stdout)["references"]) > 20
