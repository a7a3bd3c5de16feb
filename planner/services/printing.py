"""The weeks to print, with what the page shows beside the sessions: the plan check's findings and
the load figures are worked out here (over one load history) and handed to the page (planner/io)
as data. The window's Print, Preview and Export PDF and the `print` command all build their pages
here."""

from __future__ import annotations

import datetime as dt

from planner.io.printed_extras import available_extras
from planner.io.printed_week import PrintedWeek, build_printed_weeks, first_day_of_week
from planner.services.load import LoadService
from planner.services.plancheck import PlanCheck
from planner.store.store import Store


def printed_weeks(store: Store, day: dt.date, weeks: int, load: LoadService | None = None) -> list[PrintedWeek]:
    """`weeks` weeks from the one holding `day` (each starting on the profile's first day); `load`
    is the window's load engine (without one, the page and the plan check share one made here)."""
    profile = store.profile.get()
    first = first_day_of_week(day, profile)
    last = first + dt.timedelta(weeks=weeks, days=-1)
    load = load or LoadService(store)
    findings = PlanCheck(store, load=load).findings(first, last, with_fixes=False)
    return build_printed_weeks(first, weeks, store.sessions.between, profile, available_extras(findings, load.history))
