"""The Plan check dock: the findings of the week on screen and the next four, grouped by day.

Selecting a finding shows its reason and source; clicking one asks the window to select its
session (`sessionRequested`); "Apply fix" runs the chosen fix as one undoable command through the
runner; "Dismiss" hides a finding until the sessions it concerns change (dismissals.py).
Fixes are worked out only for the finding selected, so a refresh costs the rules alone.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.rules import Finding, Severity
from planner.domain.rules.badges import findings_by_date, findings_by_session
from planner.domain.weeks import week_start
from planner.services.changes import Changes
from planner.services.data_file import Store
from planner.services.fixes import apply_fix
from planner.services.load import LoadService
from planner.services.plancheck import PlanCheck
from planner.services.runner import Runner
from planner.ui.plancheck.dismissals import Dismissals, dismissal_key

WEEKS_SHOWN = 5
SEVERITY_COLOURS = {Severity.ALERT: "#d32f2f", Severity.WARNING: "#f59e0b", Severity.INFO: "#3b82f6"}
SEVERITY_WORDS = {Severity.ALERT: "Alert", Severity.WARNING: "Warning", Severity.INFO: "Note"}
ROLE = Qt.ItemDataRole.UserRole


def severity_icon(sev: Severity, size: int = 12) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(SEVERITY_COLOURS[sev]))
    p.drawEllipse(1, 1, size - 2, size - 2)
    p.end()
    return QIcon(pm)


class PlanCheckDock(QDockWidget):
    sessionRequested = Signal(int)
    badgesChanged = Signal()

    def __init__(self, store: Store, runner: Runner, parent: QWidget | None = None,
                 today: dt.date | None = None, dismissals: Dismissals | None = None,
                 load: LoadService | None = None) -> None:
        super().__init__("Plan check", parent)
        self.setObjectName("plancheck")
        self.store, self.runner = store, runner
        self.check = PlanCheck(store, today, load)
        self.dismissals = dismissals or Dismissals(str(store.path))
        self.first_day = week_start(self.check.today, store.profile.get().week_start)
        self._findings: list[Finding] = []
        self._shown: list[Finding] = []

        body = QWidget(self)
        self.summary = QLabel(body)
        self.summary.setObjectName("plancheck_summary")
        self.summary.setWordWrap(True)
        self.summary.setText("Checking the plan…")  # until the first refresh: never a count over no list
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("plancheck_findings")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(self._selected)
        self.tree.itemClicked.connect(self._clicked)
        self.details = QLabel(body)
        self.details.setObjectName("plancheck_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(120)
        self.details.setContentsMargins(4, 4, 4, 4)
        self.fix_box = QComboBox(body)
        self.fix_box.setObjectName("plancheck_fixes")
        self.fix_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.fix_box.setMinimumContentsLength(12)
        self.apply_button = QPushButton("&Apply fix", body)
        self.apply_button.clicked.connect(self.apply_selected_fix)
        self.dismiss_button = QPushButton("&Dismiss", body)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.dismiss_button)
        scroll = QScrollArea(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.details)
        split = QSplitter(Qt.Orientation.Vertical, body)
        split.addWidget(self.tree)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(body)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        fix_label = QLabel("&Fix:", body)
        fix_label.setBuddy(self.fix_box)
        fix_row = QHBoxLayout()
        fix_row.addWidget(fix_label)
        fix_row.addWidget(self.fix_box, 1)
        layout.addLayout(fix_row)
        layout.addLayout(buttons)
        body.setMinimumWidth(240)
        self.setWidget(body)
        self._selected(None, None)

    # -- pane contract ---------------------------------------------------------------------------
    def wants(self, changes: Changes) -> bool:
        return not changes.empty

    def refresh(self, changes: Changes | None = None) -> None:
        self.check.update(changes or Changes(everything=True))
        self._recompute()

    def set_week(self, first_day: dt.date) -> None:
        """Follow the calendar; a hidden dock only notes the week (the pane host refreshes it when
        it is shown)."""
        if first_day != self.first_day:
            self.first_day = first_day
            if self.isVisible():
                self._recompute()

    # -- reading ---------------------------------------------------------------------------------
    @property
    def last_day(self) -> dt.date:
        return self.first_day + dt.timedelta(days=7 * WEEKS_SHOWN - 1)

    def findings(self) -> list[Finding]:
        """The findings listed (dismissed ones left out)."""
        return list(self._shown)

    def badges_by_session(self) -> dict[int, Severity]:
        return findings_by_session(self._shown)

    def badges_by_date(self) -> dict[dt.date, Severity]:
        return findings_by_date(self._shown)

    def _recompute(self) -> None:
        self._findings = self.check.findings(self.first_day, self.last_day, with_fixes=False)
        between = self.store.sessions.between
        self._shown = [f for f in self._findings if dismissal_key(f, between) not in self.dismissals]
        self._fill()
        self.badgesChanged.emit()

    def _fill(self) -> None:
        current = self._current()
        keep = current.key() if current is not None else None
        self.tree.clear()
        hidden = len(self._findings) - len(self._shown)
        n = len(self._shown)
        span = f"{self.first_day:%a} {self.first_day.day} {self.first_day:%b} to " \
               f"{self.last_day:%a} {self.last_day.day} {self.last_day:%b}"
        words = f"{n} finding{'s' if n != 1 else ''}" if n else "No findings"
        self.summary.setText(f"{words}, {span}" + (f" ({hidden} dismissed)" if hidden else ""))
        by_day: dict[dt.date, list[Finding]] = {}
        for f in self._shown:
            by_day.setdefault(f.day, []).append(f)
        select = None
        for day, fs in by_day.items():
            head = QTreeWidgetItem([f"{day:%A} {day.day} {day:%B}"])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for f in fs:
                item = QTreeWidgetItem([f.title])
                item.setIcon(0, severity_icon(f.severity))
                item.setToolTip(0, f"{SEVERITY_WORDS[f.severity]}: {f.message}")
                item.setData(0, ROLE, f)
                head.addChild(item)
                if f.key() == keep:
                    select = item
            head.setExpanded(True)
        if select is not None:
            self.tree.setCurrentItem(select)
        else:
            self._selected(None, None)

    def _current(self) -> Finding | None:
        item = self.tree.currentItem()
        f = item.data(0, ROLE) if item is not None else None
        return f if isinstance(f, Finding) else None

    def _selected(self, item: QTreeWidgetItem | None, _prev: object) -> None:
        f = self._current()
        self.fix_box.clear()
        if f is None:
            self.details.setText("<i>Select a finding to read why, and how to fix it.</i>" if self._shown else
                                 "<i>Nothing to report: the weeks shown follow the rules of combining "
                                 "running and lifting.</i>")
            self.apply_button.setEnabled(False)
            self.dismiss_button.setEnabled(False)
            self.fix_box.setEnabled(False)
            return
        from planner.domain.rules.engine import fixes_for

        fixes = fixes_for(f, self.check.window(f.dates[0], f.dates[-1]))
        for fix in fixes:
            self.fix_box.addItem(fix.text, fix)
        if not fixes:
            self.fix_box.addItem("No one-click fix")
        self.fix_box.setEnabled(bool(fixes))
        self.apply_button.setEnabled(bool(fixes))
        self.dismiss_button.setEnabled(True)
        colour = SEVERITY_COLOURS[f.severity]
        self.details.setText(
            f"<p><b style='color:{colour}'>{SEVERITY_WORDS[f.severity]}</b> &middot; <b>{_html(f.title)}</b></p>"
            f"<p>{_html(f.message)}</p><p><small>Source: {_html(f.source)} &middot; rule "
            f"<code>{f.rule}</code></small></p>")

    def _clicked(self, item: QTreeWidgetItem, _col: int) -> None:
        f = item.data(0, ROLE)
        if isinstance(f, Finding) and f.session_ids:
            self.sessionRequested.emit(f.session_ids[-1])

    # -- actions ---------------------------------------------------------------------------------
    def apply_selected_fix(self) -> bool:
        fix = self.fix_box.currentData()
        if fix is None:
            return False
        return apply_fix(self.runner, fix, self.check.today)

    def dismiss_selected(self) -> None:
        f = self._current()
        if f is not None:
            self.dismissals.add(dismissal_key(f, self.store.sessions.between))
            self._recompute()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
