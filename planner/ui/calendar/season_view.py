"""The season: 4 to 16 weeks as rows of seven days, compact cards, and a summary beside each week.

One WeekModel over every day shown (model/view: one list view per day, painting compact cards),
so drag and drop, selection, the keyboard and undo are the week view's. The summary column is a
pane: it is refreshed after the calendar has painted a change (planner/ui/panes.py), from the one
load service, so a drop repaints its two days first and the numbers follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import Units
from planner.domain.season import WeekSummary
from planner.domain.weeks import iso_week_name
from planner.models.week_model import WeekModel
from planner.services.changes import Changes
from planner.ui import theme
from planner.ui.calendar.compact_delegate import CompactCardDelegate, day_number_text
from planner.ui.calendar.day_selection import DaySelection
from planner.ui.calendar.day_view import DayListView
from planner.ui.icons import IconCache
from planner.words.labels import WEEKDAYS
from planner.words.season import summary_lines, summary_tooltip

WEEK_CHOICES = (4, 8, 12, 16)
SUMMARY_WIDTH = 150
MIN_DAY_HEIGHT = 34  # an empty day still takes a drop

Summaries = Callable[[Sequence[dt.date]], list[WeekSummary]]


class SeasonDayView(DayListView):
    """A day of the season: compact cards, no scroll bar (the week's row grows to fit its days),
    Up and Down go on to the same weekday of the week before or after."""

    dayOpenRequested = Signal(int)  # day row: a double-click on the day, not on a card

    def __init__(self, model: WeekModel, day_row: int, delegate: QStyledItemDelegate,
                 parent: QWidget | None = None) -> None:
        super().__init__(model, day_row, delegate, parent)  # type: ignore[arg-type]
        self.setMinimumWidth(40)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(MIN_DAY_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._today:
            painter = QPainter(self.viewport())
            painter.fillRect(self.viewport().rect(), theme.today_background(self.palette()))
            painter.end()
        QListView.paintEvent(self, event)  # no "Rest day" words: a season's empty day is just empty

    def sizeHint(self) -> QSize:  # noqa: N802 - as tall as its week needs, not Qt's 192 px default
        return QSize(60, self.minimumHeight())

    def content_height(self) -> int:
        return sum(self.sizeHintForRow(r) for r in range(self.model().rowCount(self.rootIndex())))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        count = self.model().rowCount(self.rootIndex())
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        if plain and key == Qt.Key.Key_Up and row <= 0:
            self.neighbourRequested.emit(-7, row)
            return
        if plain and key == Qt.Key.Key_Down and (row < 0 or row >= count - 1):
            self.neighbourRequested.emit(7, row)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self.indexAt(event.position().toPoint()).isValid():
            self.dayOpenRequested.emit(self.day_row)
            return
        super().mouseDoubleClickEvent(event)


class SeasonView(QWidget, DaySelection):
    editRequested = Signal()
    contextMenuRequested = Signal(object)  # global QPoint
    currentChanged = Signal(object, object)  # dt.date, tuple[int, ...]
    weekRequested = Signal(object)  # dt.date: open this day's week in the week view
    weeksChanged = Signal(int)  # the user chose how many weeks to show

    def __init__(self, model: WeekModel, icons: IconCache, summaries: Summaries,
                 units: Callable[[], Units], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SeasonView")
        self.model = model
        self._summaries = summaries
        self._units = units
        self._delegate = CompactCardDelegate(icons, self)
        self._init_selection()
        self._badge: Callable[[dt.date], str] = lambda _day: ""
        self._dirty_weeks: set[int] = set()
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(lambda: self._fit_weeks())
        self.views: list[SeasonDayView] = []  # type: ignore[assignment]
        self.day_labels: list[QLabel] = []
        self.summary_labels: list[QLabel] = []
        self.summaries: list[WeekSummary] = []

        self.weeks_box = QComboBox()
        self.weeks_box.addItems([f"{n} weeks" for n in WEEK_CHOICES])
        self.weeks_box.setAccessibleName("Weeks shown")
        self.weeks_box.setCurrentIndex(WEEK_CHOICES.index(model.weeks) if model.weeks in WEEK_CHOICES else 2)
        self.weeks_box.currentIndexChanged.connect(lambda i: self.weeksChanged.emit(WEEK_CHOICES[i]))
        shown = QLabel("&Show")
        shown.setBuddy(self.weeks_box)
        self.range_label = QLabel()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(shown)
        bar.addWidget(self.weeks_box)
        bar.addSpacing(12)
        bar.addWidget(self.range_label, 1)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        model.modelReset.connect(self._build)
        model.refreshed.connect(self._after_refresh)
        model.rowsInserted.connect(self._mark_dirty)
        model.rowsRemoved.connect(self._mark_dirty)
        model.dataChanged.connect(lambda a, _b, _r=(): self._mark_dirty(a.parent(), 0, 0))
        model.sessionsLanded.connect(self.select_ids)
        self._build()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        """The grid for the model's weeks: a header row of weekdays, then one row per week."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(3)
        grid.setVerticalSpacing(3)
        self.grid = grid
        # The plan check wraps the cards' delegate to add its dots: new days keep the wrapped one.
        delegate = self.views[0].itemDelegate() if self.views else self._delegate
        delegate.setParent(self)
        self.views, self.day_labels, self.summary_labels = [], [], []
        days = self.model.days
        self.weekday_labels = []
        for col in range(7):
            name = QLabel()
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(name, 0, col)
            grid.setColumnStretch(col, 1)
            self.weekday_labels.append(name)
        week_head = QLabel("<b>Week</b>")
        grid.addWidget(week_head, 0, 7)
        grid.setColumnMinimumWidth(7, SUMMARY_WIDTH)
        for row in range(len(days)):
            week, col = divmod(row, 7)
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(0)
            label = QLabel()
            label.setContentsMargins(3, 0, 0, 0)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            view = SeasonDayView(self.model, row, delegate, cell)
            view.neighbourRequested.connect(lambda d, r, src=row: self._to_neighbour(src, d, r))
            view.editRequested.connect(self.editRequested)
            view.dayOpenRequested.connect(lambda r: self.weekRequested.emit(self.model.days[r]))
            view.pressedWithoutCtrl.connect(lambda src=row: self._clear_others(src))
            view.focused.connect(self._remember_day)
            view.selectionModel().selectionChanged.connect(self._announce_soon)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
            cell_layout.addWidget(label)
            cell_layout.addWidget(view, 1)
            grid.addWidget(cell, week + 1, col)
            self.views.append(view)
            self.day_labels.append(label)
            if col == 6:
                summary = QLabel()
                summary.setWordWrap(True)
                summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                summary.setTextFormat(Qt.TextFormat.RichText)
                summary.setFixedWidth(SUMMARY_WIDTH)
                summary.setContentsMargins(4, 2, 2, 2)
                summary.linkActivated.connect(lambda href: self.weekRequested.emit(dt.date.fromisoformat(href)))
                grid.addWidget(summary, week + 1, 7)
                self.summary_labels.append(summary)
        old = self.scroll.takeWidget()
        self.scroll.setWidget(box)
        if old is not None:
            old.deleteLater()
        self._dirty_weeks = set(range(self.model.weeks))
        self._first_shown = self.model.days[0]
        self.summaries = []
        self.refresh_headers(restyle=True)
        self._fit_weeks()
        self._show_summaries()

    # -- the pane contract: the summaries follow every change, after the calendar has painted ------
    def refresh(self, changes: Changes) -> None:
        self._show_summaries()

    def _show_summaries(self) -> None:
        if not self.isVisible():
            return  # shown later: showEvent catches up
        firsts = self.model.days[::7]
        self.summaries = self._summaries(firsts)
        units = self._units()
        for label, first, summary in zip(self.summary_labels, firsts, self.summaries, strict=False):
            lines = summary_lines(summary, units)
            head = f"<a href='{first.isoformat()}'>{iso_week_name(first)}</a>"
            text = f"{head} · <b>{lines[0]}</b><br>" + "<br>".join(lines[1:])
            if text != label.text():
                label.setText(text)
                label.setToolTip(summary_tooltip(summary, units))

    # -- looks ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self.views:
            self.refresh_headers(restyle=True)
        super().changeEvent(event)

    def set_day_marks(self, badge: Callable[[dt.date], str] | None = None,
                      note: Callable[[dt.date], str] | None = None) -> None:
        """The plan check's dot after a day's number (the readiness note stays in the week view)."""
        if badge is not None:
            self._badge = badge
            self.refresh_headers()  # only the labels whose dot changed are set again

    def refresh_headers(self, restyle: bool = False) -> None:
        days = self.model.days
        for label, day in zip(self.weekday_labels, days, strict=False):  # weeks from Sunday too
            label.setText(f"<b>{WEEKDAYS[day.weekday()][:3]}</b>")
        today = self.model.today()
        muted = theme.muted_text(self.palette()).name()
        for row, (label, view) in enumerate(zip(self.day_labels, self.views, strict=True)):
            day = days[row]
            number = day_number_text(day, row == 0)
            style = "font-weight:bold" if day == today else f"color:{muted}" if day.month != days[0].month else ""
            text = f"<small><span style='{style}'>{number}</span>{self._badge(day)}</small>"
            if restyle or label.text() != text:
                label.setText(text)
                label.setToolTip(f"{day:%A %d %B %Y}" + (" (today)" if day == today else "")
                                 + "\nDouble-click to open the week")
            view.refresh_look(day == today, restyle)
            name = f"Sessions on {day:%A %d %B}"
            if view.accessibleName() != name:
                view.setAccessibleName(name)
        if days:
            last = days[-1]
            self.range_label.setText(f"{days[0]:%d %b %Y} – {last:%d %b %Y}")

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double-click on a day's number opens its week."""
        for row, label in enumerate(self.day_labels):
            if label.underMouse():
                self.weekRequested.emit(self.model.days[row])
                return
        super().mouseDoubleClickEvent(event)

    # -- heights -------------------------------------------------------------------------------
    def _mark_dirty(self, parent: QModelIndex | QPersistentModelIndex, _first: int, _last: int) -> None:
        if parent.isValid() and self.model.is_group(parent):
            self._dirty_weeks.add(parent.row() // 7)

    def _after_refresh(self) -> None:
        if len(self.views) != len(self.model.days):
            return  # a reset is rebuilding the grid
        if self.model.days[0] != self._first_shown:
            self._first_shown = self.model.days[0]
            self._dirty_weeks = set(range(self.model.weeks))
            self.refresh_headers()
            self._show_summaries()
            self._fit_weeks()
            return
        self._fit_weeks(grow_only=True)

    def _fit_weeks(self, grow_only: bool = False) -> None:
        """Each week's row as tall as its fullest day, so no day needs a scroll bar. After a drop
        (`grow_only`) a row only grows: the weeks below do not jump while a block is being moved
        around (and are not all repainted); a new week, width or layout fits them tight again."""
        for week in sorted(self._dirty_weeks):
            views = self.views[week * 7:week * 7 + 7]
            if not views:
                continue
            need = max(MIN_DAY_HEIGHT, max(v.content_height() for v in views) + 4)
            if grow_only:
                need = max(need, views[0].minimumHeight())
            for v in views:
                v.setMinimumHeight(need)
        self._dirty_weeks.clear()

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        self._show_summaries()

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():  # cards re-wrap: rows change height
            self._dirty_weeks = set(range(self.model.weeks))
            self._refit.start()
