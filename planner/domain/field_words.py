"""Field names as words: a message says "body mass", never `body_mass_kg`.

`ValidationError.field` keeps the name code uses (dialogs find their widget by it, a plan file's
reader its column); what a person reads goes through `field_words`.
"""

from __future__ import annotations

FIELD_WORDS = {
    "body_mass_kg": "body mass",
    "height_cm": "height",
    "sweat_rate_l_per_h": "sweat rate",
    "week_start": "first day of the week",
    "duration_min": "duration",
    "distance_km": "distance",
    "actual_duration_min": "actual duration",
    "actual_distance_km": "actual distance",
    "actual_rpe": "actual effort (RPE)",
    "actual_exercises": "exercises done",
    "rpe": "effort (RPE)",
    "set rpe": "set RPE",
    "rir": "reps in reserve",
    "load_kg": "load",
    "seconds": "time",
    "avg_hr": "average heart rate",
    "max_hr": "maximum heart rate",
    "resting_hr": "resting heart rate",
    "ascent_m": "ascent",
    "source_key": "activity id",
    "sleep_h": "sleep",
    "carb_g": "carbohydrate",
    "protein_g": "protein",
    "fat_g": "fat",
    "fluid_l": "fluid",
    "mass_before_kg": "mass before",
    "mass_after_kg": "mass after",
    "drunk_l": "fluid drunk",
}


def field_words(field: str) -> str:
    """The words for a field: from the table, else the name with its underscores as spaces."""
    return FIELD_WORDS.get(field, field.replace("_", " "))
