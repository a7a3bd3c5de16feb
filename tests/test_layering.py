"""Imports point one way: ui -> models -> services -> store -> domain, io beside services (DESIGN.md).

Nothing below models imports Qt at all (domain, store, services, io); models use QtCore/QtGui but
no widgets. The window reaches the data only through services (ui never imports store), and io
holds formats only (it imports neither store nor services: findings come to it as data).
An AST walk over every module (function bodies included), so a lazy import cannot slip by.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PLANNER = Path(__file__).resolve().parents[1] / "planner"
QT = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6")
WIDGETS = ("PySide6.QtWidgets", "PySide6.QtPrintSupport", "pyqtgraph")
ABOVE = {
    "domain": ("planner.store", "planner.services", "planner.models", "planner.ui", "planner.io",
               "planner.app", "planner.cli", "tinydb", *QT),
    # Words for people: written once, beside the domain, so io, models, ui and the CLI can all call them.
    "words": ("planner.store", "planner.services", "planner.models", "planner.ui", "planner.io",
              "planner.app", "planner.cli", "tinydb", *QT),
    "store": ("planner.services", "planner.models", "planner.ui", "planner.io", "planner.app",
              "planner.cli", *QT),
    "services": ("planner.models", "planner.ui", "planner.app", "planner.cli", *QT),
    "io": ("planner.store", "planner.services", "planner.models", "planner.ui", "planner.app", "planner.cli",
           "tinydb", *QT),
    "models": ("planner.ui", "planner.app", "planner.cli", *WIDGETS),
    "ui": ("planner.store", "planner.cli", "tinydb"),
}
# Small utilities beside the layers, which any layer may use: they import nothing of the app.
UTILITIES = ("atomic_file.py",)


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _cases():
    for layer, forbidden in ABOVE.items():
        for path in sorted((PLANNER / layer).rglob("*.py")):
            yield pytest.param(path, forbidden, id=f"{layer}/{path.relative_to(PLANNER / layer)}")


@pytest.mark.parametrize(("path", "forbidden"), list(_cases()))
def test_imports_point_down(path, forbidden):
    bad = sorted(m for m in imports(path) if any(m == f or m.startswith(f + ".") for f in forbidden))
    assert not bad, f"{path.relative_to(PLANNER)} imports {bad}, above its layer"


def test_every_layer_has_modules():
    assert all(list((PLANNER / layer).glob("*.py")) for layer in ABOVE)


@pytest.mark.parametrize("name", UTILITIES)
def test_utilities_import_nothing_of_the_app(name):
    found = sorted(m for m in imports(PLANNER / name) if m == "planner" or m.startswith("planner."))
    assert not found, f"{name} imports {found}"
