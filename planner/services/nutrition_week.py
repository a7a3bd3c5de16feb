"""What the nutrition panel shows for one week, read from the store in one pass (no Qt).

One query for the week's sessions (plus the next day, for the 8-hour refuelling rule), one read
of the week's logs; the targets come from planner/domain/nutrition.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.energy import low_energy_prompt
from planner.domain.nutrition import DayTargets, expenditure_kcal, week_targets
from planner.domain.profile import NutritionLog, Profile
from planner.domain.weeks import week_days
from planner.services.nutrition_log import intake_between
from planner.store.store import Store


@dataclass(frozen=True)
class WeekNutrition:
    first_day: dt.date
    profile: Profile
    days: tuple[DayTargets, ...]
    logs: dict[dt.date, NutritionLog]
    low_energy: str | None  # the REDs prompt for this week, or None

    def day(self, date: dt.date) -> DayTargets | None:
        for t in self.days:
            if t.date == date:
                return t
        return None


def week_nutrition(store: Store, first_day: dt.date, logs: dict[dt.date, NutritionLog] | None = None,
                   profile: Profile | None = None, fuel_limit: int | None = None) -> WeekNutrition:
    """Targets for the seven days from `first_day`; pass `logs` or `profile` to reuse ones read, and
    `fuel_limit` to word fuelling advice for only the first sessions of a day (domain day_targets)."""
    profile = profile or store.profile.get()
    days = week_days(first_day)
    targets = tuple(week_targets(profile, days, store.sessions.between, fuel_limit))
    if logs is None:
        logs = intake_between(store, days[0], days[-1])
    spent = {t.date: kcal for t in targets if (kcal := expenditure_kcal(t)) is not None}
    prompt = low_energy_prompt(days[-1], logs.values(), spent)
    return WeekNutrition(first_day, profile, targets, logs, prompt)
