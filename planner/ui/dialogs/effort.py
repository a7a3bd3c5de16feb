"""Session RPE on Foster's modified CR-10 scale: the anchor words and the spin box that shows them.

Athletes rate a whole session by the words, not the numbers, so the word is shown beside the number
as it changes. The scale and the advice to rate about 30 min after the session are from
Foster C et al., J Strength Cond Res 2001;15(1):109-115 (SCIENCE.md section 1).
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from planner.ui.dialogs.fields import anchor_width, editor_width

#: Foster 2001 modified CR-10 anchors; 6, 8 and 9 carry no word on the published scale.
CR10_ANCHORS: dict[int, str] = {
    0: "rest",
    1: "very, very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    7: "very hard",
    10: "maximal",
}

FOSTER_2001 = (
    "Foster C et al. A new approach to monitoring exercise training. "
    "J Strength Cond Res 2001;15(1):109-115."
)

RPE_TOOLTIP = (
    "<p>Session RPE: how hard was the <i>whole</i> session, on the CR-10 scale "
    "(0 rest, 1 very, very easy, 2 easy, 3 moderate, 4 somewhat hard, 5 hard, 7 very hard, "
    "10 maximal). Half points are allowed.</p>"
    "<p>Session load = RPE \u00d7 minutes. Rate the session about 30 minutes after it ends.</p>"
    f"<p><small>{FOSTER_2001}</small></p>"
)


def cr10_anchor(value: float) -> str:
    """The anchor word for `value`, or "A to B" for the points the scale leaves unnamed."""
    value = float(value)
    if math.isnan(value) or not 0 <= value <= 10:
        return ""
    if value.is_integer() and int(value) in CR10_ANCHORS:
        return CR10_ANCHORS[int(value)]
    below = max(k for k in CR10_ANCHORS if k <= value)
    above = min(k for k in CR10_ANCHORS if k > value)
    return f"{CR10_ANCHORS[below]} to {CR10_ANCHORS[above]}"


class EffortField(QWidget):
    """A CR-10 spin box (0-10, half steps) with its anchor word beside it.

    The spin box takes one decimal so a typed 7.3 reaches the domain, which explains the half-step
    rule, instead of being silently rounded. With `optional`, the lowest position shows a dash and
    means "not rated" (None).
    """

    def __init__(self, *, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self.spin = QDoubleSpinBox(self)
        self.spin.setDecimals(1)
        self.spin.setSingleStep(0.5)
        self.spin.setRange(-0.5 if optional else 0.0, 10.0)
        if optional:
            self.spin.setSpecialValueText("\u2014")
        self.spin.setToolTip(RPE_TOOLTIP)
        self.spin.setAccelerated(False)
        self.spin.setFixedWidth(editor_width(self.spin))
        self.anchor = QLabel(self)
        self.anchor.setToolTip(RPE_TOOLTIP)
        self.anchor.setFixedWidth(anchor_width(self.anchor))
        self.anchor.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.anchor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.spin.valueChanged.connect(self._show_anchor)
        self._show_anchor()

    def value(self) -> float | None:
        v = self.spin.value()
        if self._optional and v < 0:
            return None
        return v

    def set_value(self, value: float | None) -> None:
        self.spin.setValue(self.spin.minimum() if value is None else value)
        self._show_anchor()

    def _show_anchor(self) -> None:
        value = self.value()
        self.anchor.setText("not rated" if value is None else cr10_anchor(value))
        self.anchor.setEnabled(value is not None)
