"""Which weeks to print or export: this week, or N weeks from it (and, for PDF, the paper)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.io.paper import Paper
from planner.words.dates import long_date

MAX_WEEKS = 52


@dataclass(frozen=True)
class PrintRange:
    weeks: int = 1
    paper: Paper | None = None
    whole_plan: bool = False


class RangeDialog(QDialog):
    def __init__(self, first_day: dt.date, title: str, parent: QWidget | None = None, *,
                 paper: Paper | None = None, whole_plan: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.first_day = first_day
        self.this_week = QRadioButton(f"&This week (from {long_date(first_day)})")
        self.several = QRadioButton("&Several weeks from this one:")
        self.count = QSpinBox()
        self.count.setRange(2, MAX_WEEKS)
        self.count.setValue(4)
        self.count.setSuffix(" weeks")
        self.count.setAccessibleName("Number of weeks")
        self.everything = QRadioButton("The &whole plan") if whole_plan else None
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for b in (self.this_week, self.several, self.everything):
            if b is not None:
                self.group.addButton(b)
        layout.addWidget(self.this_week)
        row = QHBoxLayout()
        row.addWidget(self.several)
        row.addWidget(self.count)
        row.addStretch(1)
        layout.addLayout(row)
        if self.everything is not None:
            layout.addWidget(self.everything)
        self.this_week.setChecked(True)
        self.count.setEnabled(False)
        self.several.toggled.connect(self.count.setEnabled)
        self.count.valueChanged.connect(lambda _: self.several.setChecked(True))
        self.paper: QComboBox | None = None
        if paper is not None:
            form = QFormLayout()
            self.paper = QComboBox()
            for p in Paper:
                self.paper.addItem(f"{p.value} landscape", p)
            self.paper.setCurrentIndex(list(Paper).index(paper))
            form.addRow("&Paper:", self.paper)
            layout.addLayout(form)
        if not whole_plan:
            layout.addWidget(QLabel("One week per sheet."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def result_range(self) -> PrintRange:
        weeks = self.count.value() if self.several.isChecked() else 1
        paper = Paper(self.paper.currentData()) if self.paper is not None else None  # Qt hands back a str
        whole = self.everything is not None and self.everything.isChecked()
        return PrintRange(weeks=weeks, paper=paper, whole_plan=whole)
