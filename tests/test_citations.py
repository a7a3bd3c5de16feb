"""Every source the app names is in the list it ships (resources/references.json), by author and year.

Users have no copy of our research notes: a message, tooltip or printed page that said "(SCIENCE.md
§9)" pointed them at nothing. This walks every string literal in planner/ (messages, tooltips, page
text, help, docstrings: a docstring's citation is the one the next message will copy) and checks
each "Author Year", "Author & Author Year", "Author et al. Year" and each full journal citation
against the shipped list, and that no line of planner/ names SCIENCE.md or a section sign.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from planner.domain.references import citation_names
from planner.resources import references

PLANNER = Path(__file__).resolve().parents[1] / "planner"
SOURCES = sorted(PLANNER.rglob("*.py"))


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [(n.lineno, n.value) for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PLANNER)))
def test_every_citation_is_in_the_shipped_list(path):
    refs = references()
    unknown = [f"line {line}: {name}" for line, text in _strings(path) for name in refs.unknown_names(text)]
    assert unknown == [], f"{path.relative_to(PLANNER)} cites sources not in resources/references.json"


def test_no_line_points_users_at_our_notes():
    found = [f"{p.relative_to(PLANNER)}:{i}: {line.strip()}"
             for p in SOURCES for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if "SCIENCE" in line or "\u00a7" in line]
    assert found == []


def test_the_scan_sees_citations():
    """The scan is not vacuous: the code cites dozens of the list's sources, and a made-up one fails."""
    refs = references()
    cited = {refs.find(name).cite for p in SOURCES for _, text in _strings(p)
             for name in citation_names(text)
             if refs.find(name) is not None}
    assert len(cited) >= 25
    assert refs.unknown_names("heavy legs the day after (Smith 2019)") == ["Smith 2019"]
