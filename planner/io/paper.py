"""Which paper a country uses. No Qt: the printing front end turns the answer into a QPageSize.

US Letter is the standard in the United States, Canada, Mexico and a few countries of the Americas
and the Philippines; everywhere else uses ISO 216 A4 (CLDR's paperSize data lists the same set).
"""

from __future__ import annotations

from enum import StrEnum

#: ISO 3166 territory codes whose default paper is US Letter (CLDR supplementalData, paperSize).
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "BZ", "CL", "CO", "CR", "GT", "NI", "PA", "PH", "PR", "SV", "VE"})


class Paper(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


def paper_for_country(code: str) -> Paper:
    """"US" -> Letter, "DE" -> A4; an unknown or empty code -> A4."""
    return Paper.LETTER if code.strip().upper() in LETTER_COUNTRIES else Paper.A4


def country_of_locale(name: str) -> str:
    """The territory of a locale name: "en_US" -> "US", "de-DE.UTF-8" -> "DE", "C" -> ""."""
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    return parts[-1].upper() if len(parts) > 1 and len(parts[-1]) == 2 else ""
