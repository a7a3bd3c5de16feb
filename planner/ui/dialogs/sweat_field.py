"""The profile's sweat rate, typed in L/h or, under imperial units, in fl oz/h (Sawka 2007).

The stored value stays in L/h. Like the body mass, the shown number follows the dialog's own units
choice as it changes, and an untouched value gives back the stored one exactly.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QWidget

from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.nutrition_sources import SAWKA_2007
from planner.domain.profile import SWEAT_RATE_RANGE
from planner.domain.units import fluid_from_display, fluid_to_display
from planner.ui.dialogs.fields import editor_width
from planner.words.fluid import sweat_rate_range_text, sweat_rate_unit
from planner.words.numbers import format_number

FIELD = "sweat_rate_l_per_h"
#: Sawka 2007: typical sweat rates.
TYPICAL_L_PER_H = (0.5, 2.0)
#: Decimals, step and top of the box per unit; wider than the domain's range, so a wrong value is
#: explained rather than clamped.
_BOX = {Units.METRIC: (2, 0.1, 9.99), Units.IMPERIAL: (0, 4.0, 340.0)}


def help_text(units: Units) -> str:
    """Two short lines broken by hand: a word-wrapped label in a form is sized for its narrowest width."""
    return ("Estimate: (mass before \u2212 mass after + fluid drunk) \u00f7 hours of training.\n"
            f"Typically {sweat_rate_range_text(*TYPICAL_L_PER_H, units)}, more in heat.")


def tooltip(units: Units) -> str:
    return ("<p>Sweat rate = (body mass before \u2212 body mass after + fluid drunk) \u00f7 hours "
            "(1 kg lost \u2248 1 L of sweat). Weigh without clothes, towelled dry, and leave out any "
            "toilet stop.</p>"
            f"<p>Typical values are {sweat_rate_range_text(*TYPICAL_L_PER_H, units)}; they rise with heat, "
            "humidity and pace, so measure again in a different season.</p>"
            f"<p><small>{SAWKA_2007}</small></p>")


class SweatRateSpin(QDoubleSpinBox):
    """The number box; `unit_label` and `help_label` beside and below it follow its units."""

    def __init__(self, units: Units, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sweat_rate")
        self.setAccelerated(False)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.unit_label = QLabel(parent)
        self.unit_label.setObjectName("sweat_rate_unit")
        self.help_label = QLabel(parent)
        self.help_label.setObjectName("sweat_rate_help")
        self.help_label.setEnabled(False)
        self._units = units
        self._stored: float | None = None
        self._shape(units)
        self.setFixedWidth(editor_width(self))

    def _shape(self, units: Units) -> None:
        decimals, step, top = _BOX[units]
        self.setDecimals(decimals)
        self.setSingleStep(step)
        self.setRange(0.0, top)
        self.unit_label.setText(sweat_rate_unit(units))
        self.help_label.setText(help_text(units))
        for widget in (self, self.help_label):
            widget.setToolTip(tooltip(units))

    def _shown(self, l_per_h: float) -> float:
        return round(fluid_to_display(l_per_h, self._units), self.decimals())

    def set_stored(self, l_per_h: float) -> None:
        self._stored = l_per_h
        self.setValue(self._shown(l_per_h))

    def set_units(self, units: Units) -> None:
        """Show the same rate in `units`; the exact stored rate survives any number of switches."""
        try:
            rate = self.stored()
        except ValidationError:
            rate = fluid_from_display(self.value(), self._units)
        self._units = units
        self.blockSignals(True)
        self._shape(units)
        self.blockSignals(False)
        self.set_stored(rate)

    def stored(self) -> float:
        """The rate in L/h; raises ValidationError (sweat_rate_l_per_h) outside the profile's
        range, told in the unit the user sees."""
        if self._stored is not None and math.isclose(self.value(), self._shown(self._stored)):
            return self._stored
        rate = fluid_from_display(self.value(), self._units)
        lo, hi = SWEAT_RATE_RANGE
        if not lo <= rate <= hi:
            scale = 10 ** self.decimals()  # inwards, so every number offered is really allowed
            shown_lo = math.ceil(fluid_to_display(lo, self._units) * scale) / scale
            shown_hi = math.floor(fluid_to_display(hi, self._units) * scale) / scale
            raise ValidationError(FIELD, f"must be between {format_number(shown_lo)} and "
                                         f"{format_number(shown_hi)} {sweat_rate_unit(self._units)} "
                                         f"(got {format_number(self.value())})")
        return rate
