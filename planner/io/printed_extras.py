"""The engines the printed week can show today, as `Extras` for `build_printed_week`. No Qt.

Each part is looked up when it is asked for: the nutrition targets come from
planner/domain/nutrition.py (issue 11) where this build has it, and are left off the page where it
does not. Load totals (issue on load and charts) and plan-check findings plug in the same way:
add a `_load_source` / `_findings_source` here and pass it in `available_extras`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from planner.domain.profile import Profile
from planner.io.printed_week import DayNutrition, Extras, NutritionSource, SessionsBetween

NUTRITION_SOURCES = ("Carbohydrate: Thomas 2016 (ACSM/AND/DC position stand); protein: Jäger 2017 (ISSN); "
                     "fluid: EFSA 2010 plus sweat losses (Sawka 2007).")


def available_extras() -> Extras:
    nutrition = nutrition_source()
    return Extras(nutrition=nutrition, sources=(NUTRITION_SOURCES,) if nutrition else ())


def nutrition_source() -> NutritionSource | None:
    """The nutrition engine's day targets as printed ranges, or None where it is not built in."""
    try:
        from planner.domain.nutrition import week_targets
    except ImportError:  # a build without the nutrition engine: the row is left off the page
        return None

    def source(days: Sequence[dt.date], sessions_between: SessionsBetween,
               profile: Profile) -> Mapping[dt.date, DayNutrition]:
        return {t.date: DayNutrition(
            carb_g=(t.carbohydrate_g.lo, t.carbohydrate_g.hi),
            protein_g=(t.protein_g.lo, t.protein_g.hi),
            fat_g=(t.fat_g.lo, t.fat_g.hi),
            fluid_l=(t.fluid_l.lo, t.fluid_l.hi),
            note=t.band.label,
        ) for t in week_targets(profile, list(days), sessions_between)}

    return source
