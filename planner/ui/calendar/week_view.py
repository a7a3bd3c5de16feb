"""The week: a header per day over seven day columns, one selection across them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from planner.domain.session import Session
from planner.domain.totals import week_totals
from planner.models.week_model import WeekModel
from planner.ui.calendar.card_delegate import CardDelegate
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


class WeekView(QWidget):
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
        self._nav_row = 0
        self._last_day_row: int | None = None  # the day column used last, for the library's Add
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
        self._announced: tuple[dt.date, tuple[int, ...]] | None = None
        # A gesture changes the selection of several columns in a row: tell the panes once, after.
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(0)
        self._announce_timer.timeout.connect(self._announce_current)
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

    # -- selection -----------------------------------------------------------------------------
    def selected_sessions(self) -> list[Session]:
        out: list[Session] = []
        for view in self.views:
            root = view.rootIndex()  # a moved card's index may have gone to another day's parent
            rows = sorted(i.row() for i in view.selectionModel().selectedIndexes() if i.parent() == root)
            day = self.model.day_sessions(view.day_row)
            out.extend(day[r] for r in rows if r < len(day))
        return out

    def _remember_day(self, row: int) -> None:
        self._last_day_row = row
        self._announce_soon()

    def _announce_soon(self) -> None:
        self._announce_timer.start()

    def _announce_current(self) -> None:
        now = (self.current_day(), tuple(s.id for s in self.selected_sessions() if s.id is not None))
        if now != self._announced:
            self._announced = now
            self.currentChanged.emit(*now)

    def current_day(self) -> dt.date:
        """The day the user is working in: the column with focus or used last, else the selection's
        day, else today if shown, else the first day."""
        for view in self.views:
            if view.hasFocus():
                return self.model.days[view.day_row]
        if self._last_day_row is not None:
            return self.model.days[self._last_day_row]
        sel = self.selected_sessions()
        if sel:
            return sel[0].date
        today = self.model.today()
        return today if today in self.model.days else self.model.days[0]

    def current_row_in_day(self) -> int:
        """Where a paste lands: after the current card of the focused day, else at the end."""
        for view in self.views:
            if view.hasFocus() and view.currentIndex().isValid():
                return view.currentIndex().row() + 1
        return -1

    def select_ids(self, ids: tuple[int, ...] | list[int]) -> None:
        if not ids:
            return
        self._clear_others(-1)
        first = None
        for i in ids:
            index = self.model.session_index(i)
            if not index.isValid():
                continue
            view = self.views[index.parent().row()]
            view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)
            if first is None:
                first = (view, index)
        if first is not None:
            view, index = first
            view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            view.scrollTo(index)
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_day(self, row: int) -> None:
        self.views[max(0, min(6, row))].setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_others(self, keep: int) -> None:
        for view in self.views:
            if view.day_row != keep and view.selectionModel().hasSelection():
                view.selectionModel().clearSelection()

    def _to_neighbour(self, src: int, direction: int, row: int) -> None:
        target = src + direction
        if not 0 <= target < 7:
            return
        # Like a text editor's column: passing through shorter or empty days keeps the row the
        # user chose; only a row chosen with up/down (or a click) becomes the new one.
        src_count = self.model.rowCount(self.views[src].rootIndex())
        if row < 0 or row == min(self._nav_row, src_count - 1):
            row = self._nav_row
        self._nav_row = row
        view = self.views[target]
        count = self.model.rowCount(view.rootIndex())
        self._clear_others(target)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if count:
            index = self.model.index(min(max(row, 0), count - 1), 0, view.rootIndex())
            view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _context_menu(self, view: DayListView, pos) -> None:  # noqa: ANN001
        index = view.indexAt(pos)
        if index.isValid() and not view.selectionModel().isSelected(index):
            self._clear_others(view.day_row)
            view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.setFocus(Qt.FocusReason.PopupFocusReason)
        self.contextMenuRequested.emit(view.viewport().mapToGlobal(pos))


