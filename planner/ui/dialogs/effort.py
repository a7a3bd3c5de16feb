"""Session RPE on Foster's modified CR-10 scale: the anchor words and the spin box that shows them.

Athletes rate a whole session by the words, not the numbers, so the word is shown beside the number
as it changes. The scale and the advice to rate about 30 min after the session are from
Foster C et al., J Strength Cond Res 2001;15(1):109-115.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from planner.domain.enums import Intensity
from planner.domain.intensity import CR10_ANCHORS, cr10_anchor, rpe_class
from planner.resources import references
from planner.ui.dialogs.fields import TYPED_RPE_MAX, anchor_width, editor_width

__all__ = ["CR10_ANCHORS", "EffortField", "cr10_anchor", "effort_words"]

FOSTER_2001 = references().citation("Foster 2001")  # the full citation, from the app's list of sources

RPE_TOOLTIP = (
    "<p>Session RPE: how hard was the <i>whole</i> session, on the CR-10 scale "
    "(0 rest, 1 very, very easy, 2 easy, 3 moderate, 4 somewhat hard, 5 hard, 7 very hard, "
    "10 maximal). Half points are allowed.</p>"
    "<p>Session load = RPE \u00d7 minutes. Rate the session about 30 minutes after it ends.</p>"
    f"<p><small>{FOSTER_2001}</small></p>"
)


def effort_words(value: float, session_class: Intensity | None) -> str:
    """"hard on the CR-10 scale" and, on a second line, "a moderate session": the scale's word and
    the class the session gets."""
    word = cr10_anchor(value)
    scale = f"{word} on the CR-10 scale" if word else "outside the CR-10 scale"
    article = "an" if session_class is Intensity.EASY else "a"
    return f"{scale}\n{article} {session_class.value} session" if session_class is not None and word else scale


class EffortField(QWidget):
    """A CR-10 spin box (0-10, half steps) with the scale's word and the session's class beside it.

    The scale word ("5, hard on the CR-10 scale") and the class the cards show ("a moderate
    session") differ on purpose: both come from planner.domain.intensity. `classify` turns an RPE
    into the class for the session being edited (a tempo run is hard whatever its RPE); without
    a session, the RPE alone decides. None hides the class (an actual RPE).

    The spin box takes one decimal so a typed 7.3 reaches the domain, which explains the half-step
    rule, instead of being silently rounded. With `optional`, the lowest position shows a dash and
    means "not rated" (None).
    """

    def __init__(self, *, optional: bool = False, parent: QWidget | None = None,
                 classify: Callable[[float], Intensity] | None = rpe_class) -> None:
        super().__init__(parent)
        self._optional = optional
        self.classify = classify
        self.spin = QDoubleSpinBox(self)
        self.spin.setDecimals(1)
        self.spin.setSingleStep(0.5)
        self.spin.setRange(-0.5 if optional else 0.0, TYPED_RPE_MAX)  # 11 is explained, not clamped
        if optional:
            self.spin.setSpecialValueText("\u2014")
        self.spin.setToolTip(RPE_TOOLTIP)
        self.spin.setAccelerated(False)
        self.spin.setFixedWidth(editor_width(self.spin))
        self.anchor = QLabel(self)
        self.anchor.setToolTip(RPE_TOOLTIP)
        self.anchor.setMinimumWidth(anchor_width(self.anchor))
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

    def refresh(self) -> None:
        """Show the words again (the session's kind or type changed its class)."""
        self._show_anchor()

    def _show_anchor(self) -> None:
        value = self.value()
        if value is None:
            text = "not rated"
        else:
            text = effort_words(value, self.classify(value) if self.classify is not None else None)
        self.anchor.setText(text)
        self.anchor.setAccessibleName(text)
        self.anchor.setEnabled(value is not None)
