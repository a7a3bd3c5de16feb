"""Reproducible installs: packaging/constraints.txt pins every package we install at the version
tested here, pyproject.toml bounds every requirement from above, the two agree, and dev.sh installs
again when either changes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"


def pins() -> dict[str, str]:
    out = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line!r}"
            out[canonicalize_name(name)] = version
    return out


def requirements() -> list[Requirement]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)["project"]
    extras = project["optional-dependencies"].values()
    return [Requirement(r) for r in [*project["dependencies"], *(r for group in extras for r in group)]]


@pytest.mark.parametrize("req", requirements(), ids=str)
def test_every_requirement_has_an_upper_bound_and_its_pin_fits(req):
    assert any(s.operator in ("<", "<=", "==", "~=") for s in req.specifier), f"{req} has no upper bound"
    pinned = pins().get(canonicalize_name(req.name))
    assert pinned is not None, f"{req.name} is not in packaging/constraints.txt"
    assert req.specifier.contains(pinned, prereleases=True), f"{req.name}=={pinned} is outside {req.specifier}"


def test_what_runs_these_tests_is_what_the_constraints_pin():
    """A package upgraded here without refreshing the file (README.md, "Reproducible installs")."""
    differ = []
    for name, version in pins().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # e.g. PyInstaller, installed by build.sh only
        if installed != version:
            differ.append(f"{name}: {installed} installed, {version} pinned")
    assert not differ


def test_the_freeze_script_writes_the_file_as_it_is():
    """The file is the script's output (checked where every pinned package is installed)."""
    if any(_missing(name) for name in pins()):
        pytest.skip("not every pinned package is installed here (PyInstaller comes with build.sh)")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "freeze_constraints.py")],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout == CONSTRAINTS.read_text(encoding="utf-8"), done.stderr


def _missing(name: str) -> bool:
    try:
        metadata.version(name)
        return False
    except metadata.PackageNotFoundError:
        return True


# -- dev.sh installs again when pyproject.toml or the constraints change --------------------------------
FAKE_PYTHON3 = """#!/bin/sh
if [ "$1" = -m ] && [ "$2" = venv ]; then
  mkdir -p "$3/bin" && cp "$FAKE_VENV_PYTHON" "$3/bin/python" && exit 0
fi
exec "$REAL_PYTHON" "$@"
"""
FAKE_VENV_PYTHON = """#!/bin/sh
echo "$*" >> "$CALLS"
"""


@pytest.fixture
def dev_sh(tmp_path):
    """dev.sh in a copy of the project, with stand-ins for python3, the venv's python and dpkg."""
    project = tmp_path / "project"
    (project / "packaging").mkdir(parents=True)
    for rel in ("pyproject.toml", "packaging/dev.sh", "packaging/constraints.txt"):
        shutil.copy(ROOT / rel, project / rel)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("python3", FAKE_PYTHON3), ("venv-python", FAKE_VENV_PYTHON), ("dpkg", "#!/bin/sh\nexit 0\n")):
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    calls = tmp_path / "calls"
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "REAL_PYTHON": sys.executable,
           "FAKE_VENV_PYTHON": str(bin_dir / "venv-python"), "CALLS": str(calls)}

    def run() -> list[str]:
        calls.write_text("", encoding="utf-8")
        subprocess.run(["bash", str(project / "packaging" / "dev.sh"), "test"], env=env, check=True,
                       capture_output=True, timeout=60)
        return calls.read_text(encoding="utf-8").splitlines()

    return project, run


def test_dev_sh_installs_with_the_constraints_and_again_only_when_they_change(dev_sh):
    project, run = dev_sh
    constrained = "-m pip install -q -c packaging/constraints.txt -e .[test]"
    assert constrained in run()
    assert run() == ["-m pytest"]  # nothing changed: straight to the tests
    with (project / "packaging" / "constraints.txt").open("a", encoding="utf-8") as f:
        f.write("# refreshed\n")
    assert constrained in run()
    assert run() == ["-m pytest"]
    with (project / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write("# changed\n")
    assert constrained in run()
