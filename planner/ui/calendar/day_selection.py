"""Selection, focus and keyboard across day columns: shared by the week and the season views.

A view using it has `model` (a WeekModel), `views` (its DayListViews, one per day, in date order),
`_nav_row`, `_last_day_row`, `_announce_timer`, and the signals `currentChanged` and
`contextMenuRequested`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer

from planner.domain.session import Session
from planner.models.week_model import WeekModel
from planner.ui.calendar.day_view import DayListView


class DaySelection:
    """One selection over many day columns; arrows cross from day to day."""

    model: WeekModel
    views: list[DayListView]
    _nav_row: int
    _last_day_row: int | None

    def _init_selection(self) -> None:
        """The state every day-column view starts with (call in its __init__)."""
        self._nav_row = 0
        self._last_day_row = None  # the day column used last, for the library's Add
        self._announced: tuple[dt.date, tuple[int, ...]] | None = None
        # A gesture changes the selection of several columns in a row: tell the panes once, after.
        self._announce_timer = QTimer(self)  # type: ignore[arg-type]
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(0)
        self._announce_timer.timeout.connect(self._announce_current)

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

    def current_week_first(self) -> dt.date:
        """The first day of the week holding the current day (in the season: one of many)."""
        days = self.model.days
        i = days.index(self.current_day())
        return days[i - i % 7]

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
        self.views[max(0, min(len(self.views) - 1, row))].setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_others(self, keep: int) -> None:
        for view in self.views:
            if view.day_row != keep and view.selectionModel().hasSelection():
                view.selectionModel().clearSelection()

    def _to_neighbour(self, src: int, direction: int, row: int) -> None:
        target = src + direction
        if not 0 <= target < len(self.views):
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


