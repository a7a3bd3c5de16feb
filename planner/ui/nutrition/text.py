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
    capped = (f"<br>The high end is lowered to {t.carbohydrate_g.hi:.0f} g so that fat stays at 20 % of "
              "energy or more." if t.carbohydrate_capped else "")
    full = grams(b.g_per_kg.times(t.body_mass_kg))
    body = (f"{per_kg(b.g_per_kg)} \u00d7 {format_number(t.body_mass_kg, 1)} kg = {full}."
            f"<br>{html.escape(t.reason[0].upper() + t.reason[1:])} \u2192 {html.escape(b.label.lower())} "
            f"({html.escape(b.basis)}).{capped}<br>Running minutes count by intensity (easy 1, moderate "
            "1.25, hard 1.5) and lifting minutes at half, since strength training needs about 4\u20137 g/kg "
            "(Slater & Phillips 2011). The minute edges and weights are the app's own table (the position "
            "stand's bands overlap and leave 3\u20134 h undefined).")
    return tip("Carbohydrate", body, f"{src.THOMAS_2016} {src.SLATER_PHILLIPS_2011}")


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


#: What the panel says where energy and fat need the profile's height, age and sex.
ADD_BODY = "add height, age and sex in File > Profile"


def fat_tip(t: DayTargets) -> str:
    if t.fat_g is None or t.expenditure is None:
        return tip("Fat", f"Fat is what is left of your energy after carbohydrate and protein: {ADD_BODY} "
                   "for an energy figure.", src.THOMAS_2016)
    e = t.expenditure.kcal
    body = (f"The rest of about {e:,.0f} kcal after carbohydrate and protein, kept between "
            f"{FAT_SHARE.lo:.0%} ({FAT_SHARE.lo * e / 9:.0f} g) and {FAT_SHARE.hi:.0%} "
            f"({FAT_SHARE.hi * e / 9:.0f} g) of energy: {grams(t.fat_g)}. Avoid staying under 20 %.")
    return tip("Fat", body, src.THOMAS_2016)


def energy_value(t: DayTargets) -> str:
    """A dash without an energy figure: the line under the targets says what to add (a long
    value would widen the column past a narrow dock)."""
    return "\u2014" if t.energy_kcal is None else kcal(t.energy_kcal)


def energy_tip(t: DayTargets) -> str:
    x = t.expenditure
    if x is None or t.energy_kcal is None:
        body = (f"Energy comes from what you spend: {ADD_BODY}. Then: resting energy (Mifflin-St Jeor) "
                f"\u00d7 {_factor()} for daily living, plus each session's energy (runs about 1 kcal per kg "
                "per km; other sessions METs \u00d7 kg \u00d7 hours).")
        return tip("Energy", body, f"{src.MIFFLIN_1990} {src.COMPENDIUM}")
    living = x.daily_living_kcal
    body = (f"About {x.kcal:,.0f} kcal spent: resting energy (Mifflin-St Jeor) {x.resting_kcal:,.0f} kcal "
            f"\u00d7 {_factor()} for daily living ({living.lo:,.0f}\u2013{living.hi:,.0f} kcal, an app "
            f"convention), plus {x.exercise_kcal:,.0f} kcal of training (runs about 1 kcal per kg per km, "
            f"other sessions METs \u00d7 kg \u00d7 hours, \u00b110 %). The target is that band: "
            f"{kcal(t.energy_kcal)}.")
    return tip("Energy", body, f"{src.MIFFLIN_1990} {src.COMPENDIUM}")


def expenditure_words(t: DayTargets) -> str:
    x = t.expenditure
    if x is None:
        return "Energy and fat need your height, age and sex: add them in File > Profile."
    return (f"Spent about {x.kcal:,.0f} kcal: resting {x.resting_kcal:,.0f} \u00d7 {_factor()} + "
            f"training {x.exercise_kcal:,.0f} (Mifflin 1990; Compendium 2024)")


def _factor() -> str:
    f = energy.NON_EXERCISE_FACTOR
    return f"{format_number(f.lo, 2)}\u2013{format_number(f.hi, 2)}"


def fluid_tip(t: DayTargets, units: Units) -> str:
    base = fluid_text(t.fluid_baseline_l, units)
    loss = fluid_text(t.sweat_loss_l, units)
    body = (f"An estimate, not an order to drink. Baseline {base} of total water, food included "
            "(EFSA: 2.0 L women, 2.5 L men; 2.25 L when sex is not given, an app convention), "
            f"plus about {loss} of sweat (your sweat rate \u00d7 training hours). The high end adds "
            "half of what is still lost after training (1.25\u20131.5 L per kg lost).")
    return tip("Fluid", body, f"{src.EFSA_2010} {src.SAWKA_2007}")
