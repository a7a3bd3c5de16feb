"""The sources behind every nutrition number, written once: tooltips and help text quote these."""

from __future__ import annotations

THOMAS_2016 = (
    "Thomas DT, Erdman KA, Burke LM. Nutrition and Athletic Performance (ACSM/AND/DC joint "
    "position). Med Sci Sports Exerc 2016;48(3):543-568."
)
JAGER_2017 = (
    "J\u00e4ger R et al. ISSN position stand: protein and exercise. J Int Soc Sports Nutr 2017;14:20."
)
SCHOENFELD_ARAGON_2018 = (
    "Schoenfeld BJ, Aragon AA. How much protein can the body use in a single meal for "
    "muscle-building? J Int Soc Sports Nutr 2018;15:10."
)
SAWKA_2007 = (
    "Sawka MN et al. ACSM position stand: exercise and fluid replacement. Med Sci Sports Exerc "
    "2007;39(2):377-390."
)
EFSA_2010 = (
    "EFSA Panel on Dietetic Products, Nutrition and Allergies. Scientific opinion on dietary "
    "reference values for water. EFSA Journal 2010;8(3):1459."
)
JEUKENDRUP_2014 = (
    "Jeukendrup A. A step towards personalized sports nutrition: carbohydrate intake during "
    "exercise. Sports Med 2014;44(Suppl 1):S25-S33."
)
MIFFLIN_1990 = (
    "Mifflin MD, St Jeor ST et al. A new predictive equation for resting energy expenditure in "
    "healthy individuals. Am J Clin Nutr 1990;51:241-247."
)
COMPENDIUM = (
    "Compendium of Physical Activities (Ainsworth BE et al. 2011; Herrmann SD et al. 2024): "
    "MET values per activity."
)
MOUNTJOY_2023 = (
    "Mountjoy M et al. 2023 IOC consensus statement on Relative Energy Deficiency in Sport "
    "(REDs). Br J Sports Med 2023;57:1073-1097."
)
SLATER_PHILLIPS_2011 = (
    "Slater G, Phillips SM. Nutrition guidelines for strength sports: sprinting, weightlifting, "
    "throwing events, and bodybuilding. J Sports Sci 2011;29(Suppl 1):S67-S77."
)
APP_CONVENTION = "App convention: a choice of Hybrid Planner's, not a number from a study."
