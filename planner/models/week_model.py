"""The week on screen as a two-level model: seven day rows, each holding its sessions in order.

Only the week shown is materialised. Each day column is a QListView whose root is a day row, so
drag and drop, selection, keyboard and accessibility come from Qt's item views. Day rows are never
removed (switching weeks replaces their children), so the views' root indexes stay valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal

from planner.domain.enums import Units
from planner.domain.session import Session
from planner.domain.weeks import week_days
from planner.models import mime
from planner.models.two_level import GROUP, ROOT, Index, TwoLevelModel
from planner.models.undo import ChangeBus
from planner.services.changes import Changes
from planner.services.plan import PlanService
from planner.store.sessions import SessionRepository
from planner.words import cards

SessionRole = Qt.ItemDataRole.UserRole + 1
DateRole = Qt.ItemDataRole.UserRole + 2
IsTodayRole = Qt.ItemDataRole.UserRole + 3
UnitsRole = Qt.ItemDataRole.UserRole + 4

_ROOT = ROOT
_DAY = GROUP  # a day row; a session row stores its day's row + 1


class WeekModel(TwoLevelModel):
    """Days -> sessions for one week; every change goes to the PlanService, never to rows here."""

    refreshed = Signal()  # after any day was reloaded (totals strip, headers)
    weekChanged = Signal(object)  # the first day of the week now shown
    sessionsLanded = Signal(list)  # ids added, moved or reordered by a change (the view selects them)

    def __init__(self, sessions: SessionRepository, plan: PlanService, bus: ChangeBus,
                 first_day: dt.date, *, units: Units = Units.METRIC,
                 today: Callable[[], dt.date] = dt.date.today, weeks: int = 1) -> None:
        super().__init__()
        self._repo = sessions
        self._plan = plan
        self._today = today
        self._units = units
        self._weeks = weeks
        self._days = self._span(first_day)
        self._rows: list[list[Session]] = [self._repo.on_date(d) for d in self._days]
        bus.changed.connect(self._on_changes)

    # -- the week ------------------------------------------------------------------------------
    def today(self) -> dt.date:
        return self._today()

    @property
    def first_day(self) -> dt.date:
        return self._days[0]

    @property
    def days(self) -> list[dt.date]:
        return list(self._days)

    @property
    def weeks(self) -> int:
        """How many weeks are shown: 1 in the week view, 4 to 16 in the season view."""
        return self._weeks

    def _span(self, first_day: dt.date) -> list[dt.date]:
        return [d + dt.timedelta(weeks=w) for w in range(self._weeks) for d in week_days(first_day)]

    def set_weeks(self, weeks: int) -> None:
        """Show `weeks` weeks from the same first day. The day rows change, so views are reset
        (their root indexes must be set again)."""
        if weeks == self._weeks:
            return
        self.beginResetModel()
        self._weeks = weeks
        self._days = self._span(self._days[0])
        self._rows = [self._repo.on_date(d) for d in self._days]
        self.endResetModel()
        self.refreshed.emit()

    def set_week(self, first_day: dt.date) -> None:
        if first_day == self._days[0]:
            return
        self._days = self._span(first_day)
        self._reload_all()
        self.refreshed.emit()
        self.weekChanged.emit(first_day)

    def set_units(self, units: Units) -> None:
        self._units = units
        for row in range(len(self._days)):
            if self._rows[row]:
                self.dataChanged.emit(self.index(0, 0, self.day_index(row)),
                                      self.index(len(self._rows[row]) - 1, 0, self.day_index(row)))

    def sessions(self) -> list[Session]:
        return [s for day in self._rows for s in day]

    def day_sessions(self, row: int) -> list[Session]:
        return list(self._rows[row])

    def day_index(self, row: int) -> QModelIndex:
        return self.createIndex(row, 0, _DAY)

    def row_of_date(self, day: dt.date) -> int | None:
        delta = (day - self._days[0]).days
        return delta if 0 <= delta < len(self._days) else None

    def session_index(self, session_id: int) -> QModelIndex:
        for day, sessions in enumerate(self._rows):
            for row, s in enumerate(sessions):
                if s.id == session_id:
                    return self.createIndex(row, 0, day + 1)
        return QModelIndex()

    def session_at(self, index: Index) -> Session | None:
        if not index.isValid() or index.internalId() == _DAY:
            return None
        return self._rows[index.internalId() - 1][index.row()]

    # -- refresh -------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        n = len(self._days)
        rows = set(range(n)) if changes.everything else {
            r for r in (self.row_of_date(d) for d in changes.dates) if r is not None}
        if not rows:
            return
        target = [self._repo.on_date(self._days[r]) if r in rows else self._rows[r] for r in range(n)]
        landed = self._sync(target)
        self.refreshed.emit()
        if landed and not changes.everything:
            self.sessionsLanded.emit(landed)

    def _reload_all(self) -> None:
        self._sync([self._repo.on_date(d) for d in self._days])

    def _sync(self, target: list[list[Session]]) -> list[int]:
        """Turn the rows into `target` with removes and inserts by session id, so that persistent
        indexes (selection, current card) of the sessions that stay where they are follow them.
        Returns the ids that landed somewhere new: added, moved to another day, or reordered within
        theirs (the view selects them)."""
        landed = _landed(self._rows, target)
        wanted = {s.id for day in target for s in day}
        for row in range(len(self._days)):  # sessions gone from the week
            parent = self.day_index(row)
            for r in reversed(range(len(self._rows[row]))):
                if self._rows[row][r].id not in wanted:
                    self.beginRemoveRows(parent, r, r)
                    del self._rows[row][r]
                    self.endRemoveRows()
        for row in range(len(self._days)):  # day by day, row by row: what is before `r` is already in place
            parent = self.day_index(row)
            for r, s in enumerate(target[row]):
                current = self._rows[row]
                if r < len(current) and current[r].id == s.id:
                    if current[r] != s:
                        current[r] = s
                        self.dataChanged.emit(self.index(r, 0, parent), self.index(r, 0, parent))
                    continue
                found = self._find(s.id)
                if found is None:
                    self.beginInsertRows(parent, r, r)
                    current.insert(r, s)
                    self.endInsertRows()
                    continue
                # Later in this day, or in another day: taken out there and put in here. Not
                # beginMoveRows: Qt's item views answer a move with a full layout of every view on
                # the model (all seven columns repainted); the moved card's selection is restored
                # from `landed` instead.
                src_row, src_r = found
                self.beginRemoveRows(self.day_index(src_row), src_r, src_r)
                del self._rows[src_row][src_r]
                self.endRemoveRows()
                self.beginInsertRows(parent, r, r)
                current.insert(r, s)
                self.endInsertRows()
        return landed

    def _find(self, session_id: int | None) -> tuple[int, int] | None:
        for row, day in enumerate(self._rows):
            for r, s in enumerate(day):
                if s.id == session_id:
                    return row, r
        return None

    # -- QAbstractItemModel (index bookkeeping in TwoLevelModel) --------------------------------
    def group_count(self) -> int:
        return len(self._days)

    def leaf_count(self, group: int) -> int:
        return len(self._rows[group])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _DAY:
            day = self._days[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{day:%a} {day.day}"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{day:%A %d %B %Y}"
            if role == DateRole:
                return day
            if role == IsTodayRole:
                return day == self._today()
            return None
        s = self.session_at(index)
        if s is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return s.title
        if role == SessionRole:
            return s
        if role == DateRole:
            return s.date
        if role == UnitsRole:
            return self._units
        if role == Qt.ItemDataRole.ToolTipRole:
            return cards.tooltip(s, self._units, self._today())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cards.accessible_text(s, self._units)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return cards.accessible_description(s, self._units, self._today())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _DAY:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemNeverHasChildren)

    # -- drag and drop -------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [mime.MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
        ids = [s.id for s in (self.session_at(i) for i in indexes) if s is not None and s.id is not None]
        return mime.encode(mime.DragPayload(session_ids=tuple(dict.fromkeys(ids)))) if ids else None

    def _drop_target(self, row: int, parent: Index) -> tuple[dt.date, int] | None:
        if not parent.isValid():
            return None
        if parent.internalId() != _DAY:  # dropped onto a card: land where that card is
            row, parent = parent.row(), self.parent(parent)
        return self._days[parent.row()], row

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return (mime.decode(data) is not None and self._drop_target(row, parent) is not None
                and action in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        payload = mime.decode(data)
        target = self._drop_target(row, parent)
        if payload is None or target is None or action == Qt.DropAction.IgnoreAction:
            return False
        day, row = target
        if payload.template_id is not None:
            return self._plan.add_from_template(payload.template_id, day, row) is not None
        ids = [i for i in payload.session_ids if self._repo.exists(i)]
        if not ids:
            return False
        if action == Qt.DropAction.CopyAction:
            return bool(self._plan.copy(ids, day, row))
        return bool(self._plan.move(ids, day, row))

    def removeRows(self, row: int, count: int, parent: Index = _ROOT) -> bool:
        """Never remove rows here: a move is done by the service during the drop, and Qt's view
        would otherwise delete the dragged rows again after a successful MoveAction."""
        return False


def _landed(old: list[list[Session]], new: list[list[Session]]) -> list[int]:
    """Ids a person would say the change was about: new to the week, moved to another day, or
    out of order within their day (the neighbours a drop shifts keep their relative order)."""
    where = {s.id: (row, r) for row, day in enumerate(old) for r, s in enumerate(day)}
    out: list[int] = []
    for row, day in enumerate(new):
        stayed = [s for s in day if s.id in where and where[s.id][0] == row]
        keep = _longest_in_order([where[s.id][1] for s in stayed])
        kept = {stayed[i].id for i in keep}
        out.extend(s.id for s in day if s.id is not None and s.id not in kept)
    return out


#: Up to this many sessions a day, the quadratic search (which keeps the earliest sessions when two
#: orders are as long); past it, patience sorting, so a day of 10,001 sessions costs milliseconds.
_QUADRATIC_UP_TO = 64


def _longest_in_order(values: list[int]) -> list[int]:
    """Indexes of a longest increasing subsequence."""
    if len(values) > _QUADRATIC_UP_TO:
        return _longest_in_order_fast(values)
    best: list[list[int]] = []
    for i, v in enumerate(values):
        prev = max((best[j] for j in range(i) if values[j] < v), key=len, default=[])
        best.append([*prev, i])
    return max(best, key=len, default=[])


def _longest_in_order_fast(values: list[int]) -> list[int]:
    """The same in O(n log n): the smallest tail of each length, with a link back from each index."""
    tails: list[int] = []  # index of the smallest last value of an increasing run of each length
    back: list[int] = []
    for i, v in enumerate(values):
        k = _first_tail_not_below(values, tails, v)
        back.append(tails[k - 1] if k else -1)
        if k == len(tails):
            tails.append(i)
        else:
            tails[k] = i
    out: list[int] = []
    i = tails[-1] if tails else -1
    while i >= 0:
        out.append(i)
        i = back[i]
    return out[::-1]


def _first_tail_not_below(values: list[int], tails: list[int], v: int) -> int:
    """Binary search: the first length whose smallest tail is >= v."""
    lo, hi = 0, len(tails)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[tails[mid]] < v:
            lo = mid + 1
        else:
            hi = mid
    return lo
