"""Editable drafts of a lift's exercises and sets, and the two table models over them.

The drafts hold what the user typed (text), not domain objects: a half-typed or wrong value must
stay on screen, marked, until it is fixed. `ExercisesEditor` turns drafts into `Exercise` objects
(the domain checks every range) and hands the errors back to the models to mark the cells.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from planner.domain import units as u
from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.domain.session import Exercise, WorkSet
from planner.ui.dialogs.fields import ExactText, collect_errors, error_base_color, error_icon
from planner.words.numbers import format_number
from planner.words.quantities import format_load

Index = QModelIndex | QPersistentModelIndex
Catalog = Mapping[str, Sequence[str]]

DEFAULT_REPS = "8"
DEFAULT_SETS = 3


def _parse_int(text: str, field: str, *, required: bool) -> int | None:
    text = text.strip()
    if not text:
        if required:
            raise ValidationError(field, "must not be empty")
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError(field, f"must be a whole number (got {text!r})") from None


def _parse_float(text: str, field: str) -> float | None:
    return u.parse_decimal(field, text) if text.strip() else None


@dataclass
class SetDraft:
    """One set as typed: reps, load (in the profile's unit), RPE, RIR, warm-up."""

    reps: str = DEFAULT_REPS
    load: ExactText = field(default_factory=ExactText)
    rpe: str = ""
    rir: str = ""
    warmup: bool = False
    #: The last build and what it was built from: the dialog re-checks on every keystroke, and a
    #: lift of 30 exercises x 20 sets should not rebuild 600 unchanged sets each time.
    _built: tuple[tuple[Any, ...], tuple[WorkSet | None, dict[str, str]]] | None = field(
        default=None, compare=False, repr=False
    )

    @classmethod
    def of(cls, ws: WorkSet, units: Units) -> SetDraft:
        return cls(
            reps=str(ws.reps),
            load=ExactText.of(ws.load_kg, lambda kg: format_load(kg, units, with_unit=False)),
            rpe="" if ws.rpe is None else format_number(ws.rpe, 1),
            rir="" if ws.rir is None else str(ws.rir),
            warmup=ws.warmup,
        )

    def copy(self) -> SetDraft:
        return replace(self, load=replace(self.load))

    def build(self, units: Units) -> tuple[WorkSet | None, dict[str, str]]:
        """The WorkSet, or None and every wrong field (WorkSet's field names) with its message."""
        load = self.load
        key = (self.reps, load.text, load.shown, load.value, self.rpe, self.rir, self.warmup, units)
        if self._built is not None and self._built[0] == key:
            return self._built[1]

        def make(v: dict[str, Any]) -> WorkSet:
            return WorkSet(
                reps=_parse_int(v["reps"], "reps", required=True),  # type: ignore[arg-type]
                load_kg=v["load"].read(lambda t: u.parse_load(t, units)),
                rpe=_parse_float(v["rpe"], "set rpe"),
                rir=_parse_int(v["rir"], "rir", required=False),
                warmup=v["warmup"],
            )

        raw = {
            "reps": self.reps,
            "load": replace(self.load),
            "rpe": self.rpe,
            "rir": self.rir,
            "warmup": self.warmup,
        }
        result = collect_errors(
            make,
            raw,
            {
                "reps": ("reps", "1"),
                "load_kg": ("load", ExactText()),
                "set rpe": ("rpe", ""),
                "rir": ("rir", ""),
            },
        )
        self._built = (key, result)
        return result


@dataclass
class ExerciseDraft:
    name: str = ""
    muscles: tuple[str, ...] = ()
    sets: list[SetDraft] = field(default_factory=list)

    @classmethod
    def of(cls, ex: Exercise, units: Units) -> ExerciseDraft:
        return cls(ex.name, tuple(ex.muscles), [SetDraft.of(s, units) for s in ex.sets])

    @classmethod
    def new(cls) -> ExerciseDraft:
        return cls(sets=[SetDraft() for _ in range(DEFAULT_SETS)])


class ExercisesModel(QAbstractTableModel):
    """The exercises of one lift: name (picked from the catalog), muscle groups, a sets summary."""

    NAME, MUSCLES, SETS = range(3)
    HEADERS = ("Exercise", "Muscle groups", "Sets")
    #: Emitted after every change made through the model, so the dialog can re-validate.
    edited = Signal()

    def __init__(
        self,
        drafts: list[ExerciseDraft],
        units: Units,
        catalog: Catalog,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._drafts = drafts
        self._units = units
        self._catalog = catalog
        self._by_lower = {name.lower(): name for name in catalog}
        self._errors: dict[int, dict[int, str]] = {}

    # --- reading
    def drafts(self) -> list[ExerciseDraft]:
        return self._drafts

    def draft(self, row: int) -> ExerciseDraft:
        return self._drafts[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drafts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.NAME, self.MUSCLES):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._drafts[index.row()]
        col = index.column()
        error = self._errors.get(index.row(), {}).get(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return d.name or "Pick an exercise\u2026"
            if col == self.MUSCLES:
                return ", ".join(d.muscles)
            return self.summary(d)
        if role == Qt.ItemDataRole.EditRole:
            if col == self.NAME:
                return d.name
            if col == self.MUSCLES:
                return ", ".join(d.muscles)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error
            if col == self.MUSCLES and d.muscles:
                return "Muscle groups, primary first: " + ", ".join(d.muscles)
            return None
        if role == Qt.ItemDataRole.DecorationRole and error:
            return error_icon()
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(error_base_color(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.ForegroundRole and col == self.NAME and not d.name:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def summary(self, d: ExerciseDraft) -> str:
        """'3 \u00d7 5 @ 100 kg' when working sets agree, else the count; warm-ups apart."""
        warm = sum(s.warmup for s in d.sets)
        work = [s for s in d.sets if not s.warmup]
        if not d.sets:
            return "no sets"
        parts = []
        if work:
            same = len({(s.reps.strip(), s.load.text.strip()) for s in work}) == 1
            if same:
                load = work[0].load.text.strip()
                text = f"{len(work)} \u00d7 {work[0].reps.strip()}"
                text += f" @ {load} {u.load_unit(self._units)}" if load else " (bodyweight)"
            else:
                text = f"{len(work)} sets"
            parts.append(text)
        if warm:
            parts.append(f"{warm} warm-up")
        return " + ".join(parts)

    # --- editing
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        d = self._drafts[index.row()]
        text = str(value).strip()
        if index.column() == self.NAME:
            name = self._by_lower.get(text.lower(), text)
            if name == d.name:
                return False
            d.name = name
            if name in self._catalog:
                d.muscles = tuple(self._catalog[name])
            left, right = self.index(index.row(), self.NAME), self.index(index.row(), self.MUSCLES)
        elif index.column() == self.MUSCLES:
            muscles = tuple(m.strip() for m in text.split(",") if m.strip())
            if muscles == d.muscles:
                return False
            d.muscles = muscles
            left = right = self.index(index.row(), index.column())
        else:
            return False
        self.dataChanged.emit(left, right)
        self.edited.emit()
        return True

    def insert(self, row: int, draft: ExerciseDraft) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._drafts.insert(row, draft)
        self._errors = {}
        self.endInsertRows()
        self.edited.emit()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._drafts[row]
        self._errors = {}
        self.endRemoveRows()
        self.edited.emit()

    def move(self, row: int, to: int) -> bool:
        """Move one exercise from `row` to position `to` (0-based, in the list before the move)."""
        if row == to or not (0 <= row < len(self._drafts) and 0 <= to < len(self._drafts)):
            return False
        # Qt's destination is "insert before this row" in the list before the move.
        if not self.beginMoveRows(
            QModelIndex(), row, row, QModelIndex(), to + 1 if to > row else to
        ):
            return False
        self._drafts.insert(to, self._drafts.pop(row))
        self._errors = {}
        self.endMoveRows()
        self.edited.emit()
        return True

    def refresh_sets(self, row: int) -> None:
        """The sets of `row` changed in the sets table: redraw its summary."""
        if 0 <= row < len(self._drafts):
            i = self.index(row, self.SETS)
            self.dataChanged.emit(i, i)

    def set_errors(self, errors: dict[int, dict[int, str]]) -> None:
        if errors == self._errors:
            return
        self._errors = errors
        if self._drafts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._drafts) - 1, 2))


class SetsModel(QAbstractTableModel):
    """The sets of the exercise selected in the exercises table."""

    REPS, LOAD, RPE, RIR, WARMUP = range(5)
    edited = Signal()

    def __init__(self, units: Units, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._units = units
        self._draft: ExerciseDraft | None = None
        self._errors: dict[int, dict[int, str]] = {}

    @property
    def headers(self) -> tuple[str, ...]:
        return ("Reps", f"Load ({u.load_unit(self._units)})", "RPE", "RIR", "Warm-up")

    def exercise(self) -> ExerciseDraft | None:
        return self._draft

    def set_exercise(self, draft: ExerciseDraft | None) -> None:
        self.beginResetModel()
        self._draft = draft
        self._errors = {}
        self.endResetModel()

    def _sets(self) -> list[SetDraft]:
        return [] if self._draft is None else self._draft.sets

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sets())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self._sets()):
                sets = self._sets()
                if sets[section].warmup:
                    return "W"
                return str(sum(not s.warmup for s in sets[: section + 1]))
            if role == Qt.ItemDataRole.ToolTipRole:
                return "W = warm-up set (not counted in volume)"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                "Repetitions, 1-100",
                "Empty = bodyweight",
                "Rating of perceived exertion for the set, 1-10 in half points "
                "(10 = no rep left; Zourdos et al., J Strength Cond Res 2016)",
                "Reps in reserve: 0 = failure, 2 = two more reps were possible",
                "Warm-up sets do not count towards volume or hard sets",
            )[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.WARMUP:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._sets()[index.row()]
        col = index.column()
        error = self._errors.get(index.row(), {}).get(col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.WARMUP:
                return None
            text = (s.reps, s.load.text, s.rpe, s.rir)[col]
            if role == Qt.ItemDataRole.DisplayRole and col == self.LOAD and not text.strip():
                return "bodyweight"
            return text
        if role == Qt.ItemDataRole.CheckStateRole and col == self.WARMUP:
            return Qt.CheckState.Checked if s.warmup else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.WARMUP:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and col == self.LOAD and not s.load.text.strip():
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole and error:
            return error
        if role == Qt.ItemDataRole.DecorationRole and error:
            return error_icon()
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(error_base_color(QGuiApplication.palette()))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        s = self._sets()[index.row()]
        col = index.column()
        if col == self.WARMUP and role == Qt.ItemDataRole.CheckStateRole:
            checked = _as_check_state(value) == Qt.CheckState.Checked
            if checked == s.warmup:
                return False
            s.warmup = checked
            self.dataChanged.emit(index, index)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._sets()) - 1)
            self.edited.emit()
            return True
        if role != Qt.ItemDataRole.EditRole or col == self.WARMUP:
            return False
        text = "" if value is None else str(value).strip()
        if col == self.LOAD:
            if text == s.load.text.strip():
                return False
            s.load = self._load_text(s.load, text)
        else:
            name = ("reps", "load", "rpe", "rir")[col]
            if text == getattr(s, name):
                return False
            setattr(s, name, text)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def _load_text(self, old: ExactText, text: str) -> ExactText:
        """A load the user typed; shown back normalised ("225.0" -> "225") once it parses."""

        def fmt(kg: float | None) -> str:
            return format_load(kg, self._units, with_unit=False)

        try:
            kg = u.parse_load(text, self._units)
        except ValidationError:
            return ExactText(text, old.shown, old.value)
        return ExactText.of(kg, fmt)

    def insert(self, row: int, draft: SetDraft) -> None:
        if self._draft is None:
            return
        self.beginInsertRows(QModelIndex(), row, row)
        self._draft.sets.insert(row, draft)
        self._errors = {}
        self.endInsertRows()
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(len(self._sets()) - 1, 0))
        self.edited.emit()

    def remove(self, row: int) -> None:
        if self._draft is None or not 0 <= row < len(self._draft.sets):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._draft.sets[row]
        self._errors = {}
        self.endRemoveRows()
        if self._draft.sets:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._draft.sets) - 1)
        self.edited.emit()

    def move(self, row: int, to: int) -> bool:
        """Move one set from `row` to position `to` (0-based, in the list before the move)."""
        sets = self._sets()
        if row == to or not (0 <= row < len(sets) and 0 <= to < len(sets)):
            return False
        # Qt's destination is "insert before this row" in the list before the move.
        if not self.beginMoveRows(
            QModelIndex(), row, row, QModelIndex(), to + 1 if to > row else to
        ):
            return False
        sets.insert(to, sets.pop(row))
        self._errors = {}
        self.endMoveRows()
        # The row labels count working sets ("W", 1, 2, ...): every row between may change.
        self.headerDataChanged.emit(Qt.Orientation.Vertical, min(row, to), max(row, to))
        self.edited.emit()
        return True

    def set_errors(self, errors: dict[int, dict[int, str]]) -> None:
        if errors == self._errors:
            return
        self._errors = errors
        if self._sets():
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._sets()) - 1, 4))


def _as_check_state(value: Any) -> Qt.CheckState:
    if isinstance(value, Qt.CheckState):
        return value
    try:
        return Qt.CheckState(int(value))
    except (TypeError, ValueError):
        return Qt.CheckState.Unchecked
