"""The week: a header per day over seven day columns, one selection across them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from planner.domain.session import Session
from planner.domain.totals import week_totals
from planner.models.week_model import WeekModel
from planner.ui.calendar.card_delegate import CardDelegate
from planner.ui.calendar.day_selection import DaySelection
from planner.ui.calendar.day_view import DayListView
from planner.ui.icons import IconCache
from planner.words.quantities import duration_text


class DayHeader(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setMargin(4)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # As tall as a header with a finding's dot (its glyph can be taller than the text's): a
        # header that grew when a dot came would move, and repaint, every column.
        self.setText("<b>Mon</b> 1 Jan \u25cf<br><small>rest</small>")
        self.setMinimumHeight(self.sizeHint().height())
        self.setText("")
        self._today: bool | None = None

    def show_day(self, day: dt.date, sessions: list[Session], today: bool, *, restyle: bool = False,
                 badge: str = "", note: str = "") -> None:
        """`badge`: HTML after the day's name (the plan check's mark); `note`: a short line under the
        totals and in the tooltip (the readiness log)."""
        t = week_totals(sessions)
        sub = f"{t.total_min and duration_text(t.total_min) or 'rest'}" if sessions else "rest"
        if restyle or today != self._today:  # style sheets are costly: only when today moves
            self._today = today
            pal = self.palette()
            if today:
                hl = pal.color(QPalette.ColorRole.Highlight).name()
                fg = pal.color(QPalette.ColorRole.HighlightedText).name()
                self.setStyleSheet(f"QLabel {{ background: {hl}; color: {fg}; border-radius: 6px; }}")
            else:
                self.setStyleSheet("")
        text = f"<b>{day:%a}</b> {day.day} {day:%b}{badge}<br><small>{sub}</small>"
        if note:
            text += f"<br><small>{escape(note)}</small>"
        if text != self.text():
            self.setText(text)
        self.setToolTip(f"{day:%A %d %B %Y}" + (" (today)" if today else "") + (f"\n{note}" if note else ""))
        self.setAccessibleName(f"{day:%A %d %B}, {len(sessions)} sessions" + (", today" if today else ""))


class WeekView(QWidget, DaySelection):
    """Seven DayListViews side by side. Selection spans days; arrows move between them."""

    editRequested = Signal()
    contextMenuRequested = Signal(object)  # global QPoint
    #: The day the user works in and the selected session ids changed (panes such as nutrition
    #: follow the day); emitted once per change of either.
    currentChanged = Signal(object, object)  # dt.date, tuple[int, ...]

    def __init__(self, model: WeekModel, icons: IconCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._delegate = CardDelegate(icons, self)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        self._init_selection()
        self._shown: list[tuple[object, ...]] = [()] * 7
        self.headers: list[DayHeader] = []
        self.views: list[DayListView] = []
        for row in range(7):
            header = DayHeader(self)
            view = DayListView(model, row, self._delegate, self)
            view.neighbourRequested.connect(lambda d, r, src=row: self._to_neighbour(src, d, r))
            view.editRequested.connect(self.editRequested)
            view.pressedWithoutCtrl.connect(lambda src=row: self._clear_others(src))
            view.focused.connect(self._remember_day)
            view.selectionModel().selectionChanged.connect(self._announce_soon)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
            grid.addWidget(header, 0, row)
            grid.addWidget(view, 1, row)
            grid.setColumnStretch(row, 1)
            self.headers.append(header)
            self.views.append(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        self._badge: Callable[[dt.date], str] = lambda _day: ""
        self._note: Callable[[dt.date], str] = lambda _day: ""
        model.refreshed.connect(self.refresh_headers)
        model.refreshed.connect(self._announce_soon)
        model.sessionsLanded.connect(self.select_ids)
        self.refresh_headers()

    # -- looks ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """A theme switch: headers restyle and columns repaint from the new palette, at once."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and len(getattr(self, "views", ())) == 7:
            self.refresh_headers(restyle=True)
            for view in self.views:
                view.viewport().update()
        super().changeEvent(event)

    def set_day_marks(self, badge: Callable[[dt.date], str] | None = None,
                      note: Callable[[dt.date], str] | None = None) -> None:
        """What other panes add to a day's header: a badge after its name (HTML) and a short note."""
        if badge is not None:
            self._badge = badge
        if note is not None:
            self._note = note
        self.refresh_headers()

    def refresh_headers(self, restyle: bool = False) -> None:
        """Day headers and today's tint; `restyle` after a palette change."""
        for row, (header, view) in enumerate(zip(self.headers, self.views, strict=True)):
            day = self.model.days[row]
            today = day == self.model.today()
            sessions = self.model.day_sessions(row)
            badge, note = self._badge(day), self._note(day)
            shown = (day, today, badge, note, *map(id, sessions))  # sessions are immutable
            if restyle or shown != self._shown[row]:
                self._shown[row] = shown
                header.show_day(day, sessions, today, restyle=restyle, badge=badge, note=note)
            view.refresh_look(today, restyle)
            name = f"Sessions on {self.model.days[row]:%A %d %B}"
            if view.accessibleName() != name:
                view.setAccessibleName(name)

