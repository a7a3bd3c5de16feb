"""Look at the steps editor: the session editor on the library's 6 x 800 m, its Steps tab open.

    python -m planner.dev.steps_editor_preview [--theme light|dark] [--units metric|imperial]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from PySide6.QtWidgets import QApplication


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--theme", default="light")
    ap.add_argument("--units", default="metric")
    args = ap.parse_args(argv)
    from planner.domain.enums import Units
    from planner.resources import builtin_templates, exercise_catalog
    from planner.ui.dialogs import SessionEditor
    from planner.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme(app, args.theme)  # type: ignore[arg-type]
    template = next(t for t in builtin_templates() if t.id == "intervals-6x800")
    session = template.to_session(dt.date.today() + dt.timedelta(days=1)).replace(id=1)
    editor = SessionEditor(session, units=Units(args.units), catalog=exercise_catalog())
    editor.tabs.setCurrentWidget(editor.steps_editor)
    view = editor.steps_editor.view
    view.setCurrentIndex(view.model().index(0, 0, view.model().index(1, 0)))
    editor.resize(640, 560)
    editor.move(20, 20)
    editor.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
