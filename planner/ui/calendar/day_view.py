"""One day column: a QListView rooted at the day's row of the week model."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QWidget

from planner.models.week_model import WeekModel
from planner.ui import theme
from planner.ui.calendar.card_delegate import CardDelegate


class DayListView(QListView):
    """Cards of one day. Drag and drop, selection and keyboard are Qt's; the model does the rest."""

    neighbourRequested = Signal(int, int)  # (direction -1/+1, current row)
    editRequested = Signal()
    pressedWithoutCtrl = Signal()
    focused = Signal(int)  # day row

    def __init__(self, model: WeekModel, day_row: int, delegate: CardDelegate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day_row = day_row
        self.setModel(model)
        self.setRootIndex(model.day_index(day_row))
        self.setItemDelegate(delegate)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # titles re-wrap when the column resizes
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSpacing(0)
        self.setMinimumWidth(100)  # seven of them, two docks and the library fit a 1280 px screen
        self.doubleClicked.connect(lambda _index: self.editRequested.emit())
        self._today: bool | None = None

    @property
    def week_model(self) -> WeekModel:
        return self.model()  # type: ignore[return-value]

    def refresh_look(self, today: bool, force: bool = False) -> None:
        """Today's column gets a tinted background, painted from the current palette each time so
        a theme switch needs nothing but a repaint."""
        if today == self._today and not force:
            return
        self._today = today
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = self.palette()
        if self._today:
            painter = QPainter(self.viewport())
            painter.fillRect(self.viewport().rect(), theme.today_background(pal))
            painter.end()
        super().paintEvent(event)
        if self.week_model.rowCount(self.rootIndex()) == 0:
            painter = QPainter(self.viewport())
            painter.setPen(theme.muted_text(pal))
            r = self.viewport().rect()
            painter.drawText(QRect(r.left(), r.top() + 18, r.width(), 24),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, "Rest day")
            f = painter.font()
            f.setPointSizeF(max(6.0, f.pointSizeF() * 0.88))
            painter.setFont(f)
            painter.drawText(QRect(r.left() + 4, r.top() + 42, r.width() - 8, 40),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             "Drop a session here")
            painter.end()

    # Qt's list view lays every item out again on any insert or removal in the model, whichever
    # parent it is under: with seven columns on one model, a drop would relayout and repaint all
    # seven. Another day's rows change nothing here.
    def rowsInserted(self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int) -> None:
        if parent == self.rootIndex():
            super().rowsInserted(parent, start, end)

    def rowsAboutToBeRemoved(self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int) -> None:
        if parent == self.rootIndex():
            super().rowsAboutToBeRemoved(parent, start, end)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Cards wrap, so their heights depend on the width; a top-to-bottom list does not lay its
        # items out again when only the width changes (stale heights leave gaps or overlaps).
        if event.oldSize().width() != event.size().width():
            self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.neighbourRequested.emit(-1 if key == Qt.Key.Key_Left else 1, self.currentIndex().row())
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.editRequested.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focused.emit(self.day_row)
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            self.pressedWithoutCtrl.emit()
        super().mousePressEvent(event)
