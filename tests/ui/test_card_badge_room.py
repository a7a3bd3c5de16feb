"""The plan check's dot sits in a card's bottom-right corner: no word of the card goes under it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QFont

from planner.domain.enums import Units
from planner.domain.session import Session
from planner.ui.calendar import card_delegate
from planner.ui.calendar.card_delegate import GAP, PAD, STRIP, CardDelegate
from planner.ui.icons import IconCache
from planner.ui.plancheck.badges import badge_rect

MONDAY = dt.date(2026, 11, 23)
TODAY = MONDAY - dt.timedelta(days=1)


def under_the_dot(width: int) -> list[str]:
    """Words of the last rows of a planned easy run's card that the dot would cover, at `width`."""
    delegate = CardDelegate(IconCache())
    font = QFont()
    s = Session(kind="run", type="easy", title="Easy run", duration_min=45, rpe=3, distance_km=8.0, date=MONDAY)
    lay = delegate.layout(s, Units.METRIC, font, width, TODAY)
    height = lay.height + 2 * PAD + GAP + 1
    card = QRectF(QRect(0, 0, width, height).adjusted(1, 1, -1, -GAP))
    inner = card.toRect().adjusted(STRIP + PAD, PAD - 1, -PAD, -PAD + 1)
    dot = badge_rect(card)
    fonts = delegate.fonts(font)
    covered = []
    for op in lay.ops:
        fm = fonts.badge_fm if op.what in ("badge", "chip") else fonts.sfm if op.what == "status" else fonts.fm
        r = op.rect.translated(inner.left(), inner.top())
        used = QRectF(r.left(), r.top(), fm.horizontalAdvance(op.text), r.height())
        if op.what in ("badge", "chip"):
            used = QRectF(r)
        if used.intersects(dot):
            covered.append(op.text)
    return covered


@pytest.mark.parametrize("width", range(110, 260, 3))
def test_no_word_under_the_dot(qapp, width):
    assert under_the_dot(width) == []


def test_without_the_room_kept_the_dot_covers_planned(qapp, monkeypatch):
    monkeypatch.setattr(card_delegate, "BADGE_ROOM", 0)
    assert any("Planned" in under_the_dot(w) for w in range(110, 260, 3))
