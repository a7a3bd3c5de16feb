"""The week report's context: the week's sessions, the profile, the plan check's findings and the
one load history the check and the load part share, handed to the report (planner/io) as data."""

from __future__ import annotations

import datetime as dt

from planner.io.report import ReportContext, context_for_week
from planner.services.load import LoadService
from planner.services.plancheck import PlanCheck
from planner.store.store import Store


def week_report_context(store: Store, monday: dt.date, today: dt.date | None = None) -> ReportContext:
    today = today or dt.date.today()
    load = LoadService(store, lambda: today)
    findings = PlanCheck(store, today, load).findings(monday, monday + dt.timedelta(days=6))
    return context_for_week(monday, store.sessions.between, store.profile.get(), findings, load.history, today)
