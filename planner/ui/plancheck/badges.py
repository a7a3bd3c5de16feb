"""Badges for findings on the calendar: a dot on each affected card and on each affected day.

What the calendar draws (the lead wires it into the card delegate and the day header):
- a card: a 14 px dot in the card's bottom-right corner (the top-right holds the done mark), in
  the colour of the worst finding about the session (alert red, warning amber, info blue), with "!"
  (alert, warning) or "i" (info) in white;
  its tooltip lists the findings' titles (`titles_by_session`);
- a day: the same colour as a small dot after the day's name in its header.

`draw_card_badge` and `day_badge_html` are the two calls. `wire_badges(week_view, dock)` does the
wiring by wrapping each day's delegate (the dev preview uses it); the card delegate may instead call
`draw_card_badge` at the end of its own `paint`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from planner.domain.rules import Severity
from planner.models.week_model import SessionRole
from planner.ui.plancheck.dock import SEVERITY_COLOURS, PlanCheckDock

BADGE = 14
INSET = 3
GAP = 4  # the card delegate's space below each card


def draw_card_badge(painter: QPainter, card: QRectF, severity: Severity) -> None:
    """A dot in the card's bottom-right corner, coloured by severity."""
    r = badge_rect(card)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(SEVERITY_COLOURS[severity]))
    painter.drawEllipse(r)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(10)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(r, Qt.AlignmentFlag.AlignCenter, "i" if severity is Severity.INFO else "!")
    painter.restore()


def badge_rect(card: QRectF) -> QRectF:
    return QRectF(card.right() - BADGE - INSET, card.bottom() - BADGE - INSET, BADGE, BADGE)


def day_badge_html(severity: Severity | None) -> str:
    """What to append after the day's name in its header ("" when the day has no finding)."""
    if severity is None:
        return ""
    return f" <span class='finding'><span style='color:{SEVERITY_COLOURS[severity]}'>\u25cf</span></span>"


class BadgeDelegate(QStyledItemDelegate):
    """Paints `inner`'s card, then the badge of the session's worst finding."""

    def __init__(self, inner: QStyledItemDelegate, badges: Callable[[], dict[int, Severity]],
                 titles: Callable[[], dict[int, list[str]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inner, self._badges, self._titles = inner, badges, titles

    def __getattr__(self, name: str) -> object:
        # Everything else (layouts, caches, colours) is the card delegate's: behave as it does.
        return getattr(self.inner, name)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.inner.sizeHint(option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.inner.paint(painter, option, index)
        s = index.data(SessionRole)
        severity = self._badges().get(s.id) if s is not None and s.id is not None else None
        if severity is not None:
            card = QRectF(option.rect).adjusted(0, 0, 0, -GAP)
            draw_card_badge(painter, card, severity)

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        s = index.data(SessionRole)
        titles = self._titles().get(s.id, []) if s is not None and s.id is not None else []
        badge = badge_rect(QRectF(option.rect).adjusted(0, 0, 0, -GAP))
        if titles and event.type() == QEvent.Type.ToolTip and badge.contains(event.pos()):
            QToolTip.showText(event.globalPos(), "Plan check: " + "; ".join(titles), view)
            return True
        return self.inner.helpEvent(event, view, option, index)


def wire_badges(week_view: QWidget, dock: PlanCheckDock) -> None:
    """Badges on the cards and day headers of `week_view`, kept current with the dock's findings."""
    from planner.domain.rules.badges import titles_by_session

    titles: dict[int, list[str]] = {}

    def update_titles() -> None:
        titles.clear()
        titles.update(titles_by_session(dock.findings()))

    # The marks as of the dock's last refresh: worked out once per change of findings, read by
    # every card the columns paint.
    shown: dict[str, dict] = {"sessions": {}, "dates": {}}
    for view in week_view.views:  # type: ignore[attr-defined]
        view.setItemDelegate(BadgeDelegate(view.itemDelegate(), lambda: shown["sessions"], lambda: titles, view))

    def repaint() -> None:
        by_session, by_date = dock.badges_by_session(), dock.badges_by_date()
        changed = {i for i in by_session.keys() | shown["sessions"].keys()
                   if by_session.get(i) != shown["sessions"].get(i)}
        if not changed and by_date == shown["dates"]:
            return  # the same marks: nothing to repaint
        shown["sessions"], shown["dates"] = by_session, by_date
        update_titles()
        model = week_view.model  # type: ignore[attr-defined]
        for view in week_view.views:  # type: ignore[attr-defined]  # only the columns whose cards changed
            if any(s.id in changed for s in model.day_sessions(view.day_row)):
                view.viewport().update()
        week_view.set_day_marks(badge=lambda day: day_badge_html(by_date.get(day)))  # type: ignore[attr-defined]

    dock.badgesChanged.connect(repaint)
    repaint()
