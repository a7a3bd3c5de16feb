"""A developer's look at the generator wizard alone, on an empty plan in a temporary folder:

    python -m planner.dev.wizard_preview [PAGE] [--dark] [--imperial]

PAGE (a number) steps that many pages in, with sample answers filled in.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from planner.resources import builtin_templates
    from planner.services.plan import PlanService
    from planner.services.runner import DirectRunner
    from planner.store.database import open_store
    from planner.ui.dialogs.generator_wizard import GeneratorWizard

    app = QApplication.instance() or QApplication(sys.argv)
    if "--dark" in sys.argv:
        from planner.ui.theme import apply_theme

        apply_theme(app, "dark")
    store = open_store(Path(tempfile.mkdtemp(prefix="hp-wizard-")), builtin_templates())
    if "--imperial" in sys.argv:
        from planner.domain.enums import Units

        store.profile.put(store.profile.get().replace(units=Units.IMPERIAL))
    plan = PlanService(DirectRunner(store))
    wizard = GeneratorWizard(plan, store.profile.get(), dt.date.today())
    page = next((int(a) for a in sys.argv[1:] if a.isdigit()), 0)
    wizard.show()
    if page:
        wizard.goal_page.goal_group.button(0).setChecked(True)
        wizard.numbers_page.weekly_km.setValue(32.0)
        wizard.numbers_page.longest.setValue(14.0)
        wizard.numbers_page.lifts["deadlift"].setText("120x5")
        wizard.numbers_page.lifts["squat"].setText("110")
    for _ in range(page):
        wizard.next()
    app.exec()
    store.close()


if __name__ == "__main__":
    main()
