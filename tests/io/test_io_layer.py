"""io sits beside services (DESIGN.md): file formats in plain Python, no Qt and nothing above it.

Kept apart from tests/test_layering.py, which does not list io yet; fold it in there when convenient.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_layering import QT, imports

IO = Path(__file__).resolve().parents[2] / "planner" / "io"
FORBIDDEN = ("planner.models", "planner.ui", "planner.app", "planner.cli", *QT)


@pytest.mark.parametrize("path", sorted(IO.glob("*.py")), ids=lambda p: p.name)
def test_io_imports_no_qt_and_nothing_above(path):
    bad = sorted(m for m in imports(path) if any(m == f or m.startswith(f + ".") for f in FORBIDDEN))
    assert not bad, f"planner/io/{path.name} imports {bad}"
