"""The panel's words and numbers: ranges as people read them, and a tooltip naming each source."""

from __future__ import annotations

import html

from planner.domain import energy
from planner.domain import nutrition_sources as src
from planner.domain.enums import Units
from planner.domain.nutrition import FAT_SHARE, PROTEIN_G_PER_KG, DayTargets
from planner.domain.ranges import Range
from planner.words.fluid import fluid_range_text, fluid_text
from planner.words.numbers import format_number

DASH = "\u2013"


def grams(r: Range) -> str:
    return f"{r.lo:.0f}{DASH}{r.hi:.0f} g"


def per_kg(r: Range) -> str:
    """3–5 g/kg, but 1.4–2.0 g/kg: both ends with the same decimals."""
    if float(r.lo).is_integer() and float(r.hi).is_integer():
        return f"{r.lo:.0f}{DASH}{r.hi:.0f} g/kg"
    return f"{r.lo:.1f}{DASH}{r.hi:.1f} g/kg"


def kcal(r: Range) -> str:
    return f"{r.lo:,.0f}{DASH}{r.hi:,.0f} kcal"


def fluid(r: Range, units: Units) -> str:
    """Litres or whole fl oz, as the page and the report say it."""
    return fluid_range_text(r.lo, r.hi, units)


def tip(title: str, body: str, source: str) -> str:
    return (f"<p><b>{html.escape(title)}</b></p><p>{body}</p>"
            f"<p><small>Source: {html.escape(source)}</small></p>")


def carbohydrate_tip(t: DayTargets) -> str:
    b = t.band
    minutes = f"{t.training_min} min of training" + (f", hardest {t.effort.value}" if t.effort else "")
    body = (f"{per_kg(b.g_per_kg)} \u00d7 {format_number(t.body_mass_kg, 1)} kg = {grams(t.carbohydrate_g)}."
            f"<br>{html.escape(minutes)} \u2192 {html.escape(b.label.lower())} "
            f"({html.escape(b.basis)}).<br>The minute edges are the app's own table "
            "(the position stand's bands overlap and leave 3\u20134 h undefined).")
    return tip("Carbohydrate", body, src.THOMAS_2016)


def protein_tip(t: DayTargets) -> str:
    body = (f"{per_kg(PROTEIN_G_PER_KG)} a day \u00d7 {format_number(t.body_mass_kg, 1)} kg = "
            f"{grams(t.protein_g)}, the same on lifting and rest days. In an energy deficit "
            "2.3\u20133.1 g/kg helps keep lean mass.")
    return tip("Protein", body, src.JAGER_2017)


def meals_tip(t: DayTargets) -> str:
    m = t.meals
    body = (f"At least {m.meals} meals of about {format_number(m.g_per_kg, 1)} g/kg "
            f"({m.grams:.0f} g) reach {format_number(m.meals * m.g_per_kg, 1)} g/kg; "
            f"{m.meals_high} such meals reach {format_number(m.meals_high * m.g_per_kg, 1)} g/kg.")
    return tip("Protein per meal", body, src.SCHOENFELD_ARAGON_2018)


def fat_tip(t: DayTargets) -> str:
    body = (f"{FAT_SHARE.lo:.0%}\u2013{FAT_SHARE.hi:.0%} of energy: {FAT_SHARE.lo:.0%} of "
            f"{t.energy_kcal.lo:,.0f} kcal \u00f7 9 = {t.fat_g.lo:.0f} g to {FAT_SHARE.hi:.0%} of "
            f"{t.energy_kcal.hi:,.0f} kcal \u00f7 9 = {t.fat_g.hi:.0f} g. Avoid staying under 20 %.")
    return tip("Fat", body, src.THOMAS_2016)


def energy_tip(t: DayTargets) -> str:
    body = ("Follows from the targets: energy = 4 \u00d7 carbohydrate + 4 \u00d7 protein + 9 \u00d7 fat, "
            f"with fat at 20 % (low end) to 35 % (high end) of it: {kcal(t.energy_kcal)}.")
    return tip("Energy", body, src.THOMAS_2016)


def second_estimate_tip(t: DayTargets) -> str:
    if t.second_estimate_kcal is None:
        body = ("Add height, age and sex to your profile for a second estimate: resting energy "
                "(Mifflin-St Jeor) \u00d7 1.2\u20131.4 for daily living, plus each session's METs "
                "\u00d7 kg \u00d7 hours.")
        return tip("Second estimate", body, src.MIFFLIN_1990)
    lo, hi = energy.NON_EXERCISE_FACTOR.lo, energy.NON_EXERCISE_FACTOR.hi
    rest = t.second_estimate_kcal.lo - t.exercise_kcal
    body = (f"Resting energy (Mifflin-St Jeor) {rest / lo:,.0f} kcal \u00d7 {lo}\u2013{hi} for daily "
            f"living (an app convention), plus {t.exercise_kcal:,.0f} kcal of training "
            "(METs \u00d7 kg \u00d7 hours).")
    return tip("Second estimate", body, f"{src.MIFFLIN_1990} {src.COMPENDIUM}")


def fluid_tip(t: DayTargets, units: Units) -> str:
    base = fluid_text(t.fluid_baseline_l, units)
    loss = fluid_text(t.sweat_loss_l, units)
    body = (f"An estimate, not an order to drink. Baseline {base} of total water, food included "
            "(EFSA: 2.0 L women, 2.5 L men; 2.25 L when sex is not given, an app convention), "
            f"plus about {loss} of sweat (your sweat rate \u00d7 training hours). The high end adds "
            "half of what is still lost after training (1.25\u20131.5 L per kg lost).")
    return tip("Fluid", body, f"{src.EFSA_2010} {src.SAWKA_2007}")
