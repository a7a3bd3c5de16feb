from __future__ import annotations

from planner.models import mime
from planner.models.library_model import LibraryFilter, LibraryModel, TemplateIdRole


def _titles(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    out = []
    for r in range(model.rowCount(parent)):
        idx = model.index(r, 0, parent)
        out.append(idx.data())
        out.extend(_titles(model, idx))
    return out


def test_library_contract_groups_and_drag(qtmodeltester, env):
    m = LibraryModel(env.store.templates, env.bus)
    qtmodeltester.check(m, force_py=True)
    assert _titles(m) == ["Running", "Easy run", "Strength", "Heavy lower body", "Rest", "Rest day"]
    easy = m.index(0, 0, m.index(0, 0))
    payload = mime.decode(m.mimeData([easy]))
    assert payload.template_id == "easy-run"


def test_library_follows_changes_and_filter(qtmodeltester, env):
    m = LibraryModel(env.store.templates, env.bus)
    f = LibraryFilter()
    f.setSourceModel(m)
    qtmodeltester.check(f, force_py=True)
    env.library.remove_template("rest")
    assert "Rest day" not in _titles(m)
    f.set_filter_text("squat")  # matches an exercise inside the template
    assert _titles(f) == ["Strength", "Heavy lower body"]
    f.set_filter_text("easy run")
    assert _titles(f) == ["Running", "Easy run"]
    leaf = f.index(0, 0, f.index(0, 0))
    assert leaf.data(TemplateIdRole) == "easy-run"
    assert mime.decode(f.mimeData([leaf])).template_id == "easy-run"
