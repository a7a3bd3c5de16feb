"""Print packaging/constraints.txt for the environment this runs in: the exact version of every
package Hybrid Planner installs (its dependencies and the test and package extras, with theirs),
plus pip, as installed here. See README.md, "Reproducible installs", for when and how to refresh.

    .venv/bin/python packaging/freeze_constraints.py > packaging/constraints.txt
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10 is below requires-python
    sys.exit("Python 3.11 or newer is needed")

ROOT = Path(__file__).resolve().parents[1]
HEADER = """\
# The versions Hybrid Planner is tested with, used by packaging/dev.sh and packaging/build.sh
# (pip install -c). Written by packaging/freeze_constraints.py; refresh it as README.md says
# ("Reproducible installs") and commit it with a green run of the whole suite.
"""


def project_requirements() -> list[Requirement]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)["project"]
    extras = project.get("optional-dependencies", {})
    return [Requirement(text) for text in [*project["dependencies"], *(r for group in extras.values() for r in group)]]


def closure(roots: list[Requirement]) -> dict[str, str]:
    """Every distribution the roots need here (markers evaluated for this machine): name -> version."""
    pinned: dict[str, str] = {}
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(r, "") for r in roots]
    while todo:
        req, extra = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(req.name)
        if (name, frozenset(req.extras)) in seen:
            continue
        seen.add((name, frozenset(req.extras)))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            sys.exit(f"{req.name} is not installed here: install the project with all its extras first "
                     "(pip install -e '.[test,package]')")
        wanted = {""} | set(req.extras)
        for text in dist.requires or ():
            sub = Requirement(text)
            for e in wanted:
                if sub.marker is None or sub.marker.evaluate({"extra": e}):
                    todo.append((sub, e))
                    break
        if name not in pinned:
            pinned[name] = dist.version
    return pinned


def main() -> None:
    pinned = closure([*project_requirements(), Requirement("pip")])
    sys.stdout.write(HEADER + "".join(f"{name}=={version}\n" for name, version in sorted(pinned.items())))


if __name__ == "__main__":
    main()
