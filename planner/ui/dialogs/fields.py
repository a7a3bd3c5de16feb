"""Pieces shared by the session dialogs: unit-aware number fields and field-level error marks.

The dialogs validate by building the domain object (the single source of every range) and catching
`ValidationError`; these helpers turn the error's `field` into a mark on the right widget.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QWidget,
)

from planner.domain import units as u
from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.ui.theme import blend, is_dark
from planner.words.quantities import format_distance, format_load, format_mass

T = TypeVar("T")

_ERROR_RED = QColor("#e53935")


def error_text_color(palette: QPalette) -> QColor:
    """A red that keeps its contrast on the light and the dark palette."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b3261e")


def error_base_color(palette: QPalette) -> QColor:
    """The field's own background with a red tint, so its text stays readable in either theme."""
    return blend(palette.color(QPalette.ColorRole.Base), _ERROR_RED, 0.25 if is_dark(palette) else 0.10)


def error_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)


def sentence(label: str, message: str) -> str:
    """'Title' + 'must not be empty' -> 'Title must not be empty'."""
    return f"{label} {message}"


def collect_errors(
    build: Callable[[dict[str, Any]], T],
    raw: Mapping[str, Any],
    stand_ins: Mapping[str, tuple[str, Any]],
) -> tuple[T | None, dict[str, str]]:
    """Build a domain object from `raw`, collecting every wrong field rather than only the first.

    Domain constructors stop at the first bad value. To mark all wrong fields at once, the value an
    error names is swapped for a known-good stand-in (`stand_ins`: error field -> (raw key, value))
    and the object is built again. Returns (object or None, {error field: message}).
    """
    values = dict(raw)
    errors: dict[str, str] = {}
    for _ in range(len(stand_ins) + 1):
        try:
            built = build(values)
        except ValidationError as e:
            first_time = e.field not in errors
            errors.setdefault(e.field, e.message)
            if not first_time or e.field not in stand_ins:
                return None, errors
            key, good = stand_ins[e.field]
            values[key] = good
        else:
            return (None if errors else built), errors
    return None, errors


@dataclass
class ExactText:
    """The text shown for a stored metric value, remembering the value itself.

    A stored 10 km shows as "6.21" mi; reading "6.21" back would give 9.994 km and an untouched
    dialog would change the session. While the text is still the one we showed, the exact stored
    value is returned instead.
    """

    text: str = ""
    shown: str = ""
    value: float | None = None

    @classmethod
    def of(cls, value: float | None, fmt: Callable[[float | None], str]) -> ExactText:
        text = fmt(value)
        return cls(text, text, value)

    def read(self, parse: Callable[[str], float | None]) -> float | None:
        if self.text.strip() == self.shown.strip():
            return self.value
        return parse(self.text)


class QuantityEdit(QLineEdit):
    """A distance, load or body mass typed in the profile's units; `stored()` gives km or kg (None if
    empty). A load is shown as plates give it, a body mass as weighed.

    A line edit rather than a spin box: a spin box would clamp a typed 400 km to 300 without a word,
    while the user should see why the value is refused.
    """

    def __init__(
        self,
        quantity: str,
        units: Units,
        *,
        field: str,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if quantity not in ("distance", "load", "mass"):
            raise ValueError(f"unknown quantity {quantity!r}")
        self._quantity = quantity
        self._units = units
        self._field = field
        self._exact = ExactText()
        self.setPlaceholderText(placeholder)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFixedWidth(editor_width(self))

    def set_stored(self, value: float | None) -> None:
        self._exact = ExactText.of(value, self._format)
        self.setText(self._exact.text)

    def stored(self) -> float | None:
        """The value in km or kg; raises ValidationError (naming the field) if the text is wrong."""
        self._exact.text = self.text()
        return self._exact.read(self._parse)

    def _format(self, value: float | None) -> str:
        if self._quantity == "distance":
            return format_distance(value, self._units, with_unit=False)
        if self._quantity == "mass":
            return format_mass(value, self._units, with_unit=False)
        return format_load(value, self._units, with_unit=False)

    def _parse(self, text: str) -> float | None:
        if self._quantity == "distance":
            return u.parse_distance(text, self._units, self._field)
        return u.parse_load(text, self._units, self._field)


#: What a duration box accepts while typing: wider than the domain's 1-1440 min, so 1500 reaches the
#: domain and gets its message at the field ("Duration must be between 1 and 1440 min (got 1500)")
#: instead of silently becoming 150.
TYPED_DURATION_MAX = 9999
#: The same for a session RPE box (the scale is 0-10): 11 is explained, not turned into 1.
TYPED_RPE_MAX = 99.5


def editor_width(widget: QWidget) -> int:
    """One width for every number field, so the columns of a form line up at any font size."""
    return widget.fontMetrics().horizontalAdvance("0000.00 min") + 36


def anchor_width(widget: QWidget) -> int:
    """Room for the longest CR-10 anchor text, the widest thing beside a number field."""
    return widget.fontMetrics().horizontalAdvance("somewhat hard to hard on the CR-10 scale") + 8


def with_suffix(widget: QWidget, suffix: str, parent: QWidget | None = None) -> QWidget:
    """`widget` followed by a unit word, left-aligned, for a form row."""
    return aligned_row(widget, QLabel(suffix), None, parent)


def aligned_row(
    editor: QWidget,
    beside: QWidget | None,
    note: QWidget | None,
    parent: QWidget | None = None,
    *,
    pad: bool = True,
) -> QWidget:
    """[editor][beside][note] with `beside` at a fixed width, so notes line up between rows.

    `pad=False` for an editor that brings its own `beside` (the effort field and its anchor word).
    """
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(editor)
    if beside is not None:
        beside.setParent(row)
        if isinstance(beside, QLabel):
            beside.setBuddy(editor)
        layout.addWidget(beside)
    if note is not None:
        if beside is not None:
            beside.setFixedWidth(anchor_width(row))
        elif pad:
            layout.addSpacing(anchor_width(row) + layout.spacing())
        note.setParent(row)
        layout.addWidget(note)
    layout.addStretch(1)
    return row


def add_row(form: QFormLayout, text: str, field: QWidget, buddy: QWidget | None = None) -> None:
    """A form row whose label's shortcut (the & letter) focuses `buddy`, the editor inside `field`.

    A buddy rather than a focus proxy on the row: Qt follows focus proxies while tabbing, so a
    proxied row later in the chain would send Tab back to an earlier field.
    """
    form.addRow(text, field)
    label = form.labelForField(field)
    if buddy is not None and isinstance(label, QLabel):
        label.setBuddy(buddy)


def error_label(parent: QWidget | None = None, name: str = "") -> QLabel:
    """A word-wrapped label in the error colour, hidden until it has something to say."""
    label = QLabel(parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    # Expanding, so a form lets the message use the whole field column instead of wrapping early.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, error_text_color(palette))
    label.setPalette(palette)
    label.hide()
    return label


def header_font(widget: QWidget) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    return font


class Footer(QWidget):
    """The dialog's last line: the first problem (with how many more) beside OK and Cancel.

    Fields may sit on a tab the user is not looking at; this line says why OK is disabled.
    """

    def __init__(self, ok_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.icon.setPixmap(error_icon().pixmap(QSize(16, 16)))
        self.message = error_label(self, "summary")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        if ok_text:
            self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignBottom)
        self.show_messages([])

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def show_messages(self, messages: list[str]) -> None:
        """Show the first message; OK is enabled exactly when there is none."""
        self.icon.setVisible(bool(messages))
        self.message.setVisible(bool(messages))
        more = len(messages) - 1
        self.message.setText(
            messages[0] + (f"  (and {more} more)" if more > 0 else "") if messages else ""
        )
        self.ok_button.setEnabled(not messages)


def mark(widget: QWidget, message: str | None) -> None:
    """Tint a wrong field and put an error icon in it; clear both when `message` is None.

    A palette tint rather than a style-sheet border: a border rule on a spin box makes Qt draw
    its arrows with the style-sheet engine, which looks broken on every platform style.
    """
    before = widget.property("errorMessage")
    if before == message:
        return
    invalid = message is not None
    if before is None:
        widget.setProperty("plainToolTip", widget.toolTip())
    widget.setProperty("errorMessage", message)
    widget.setProperty("invalid", invalid)
    if invalid:
        palette = QPalette(widget.palette())
        palette.setColor(QPalette.ColorRole.Base, error_base_color(palette))
        widget.setPalette(palette)
        widget.setToolTip(message or "")
    else:
        widget.setPalette(QPalette())
        widget.setToolTip(str(widget.property("plainToolTip") or ""))
    target = widget
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        target = widget.findChild(QLineEdit) or widget
    if isinstance(target, QLineEdit):
        action = target.property("errorAction")
        if invalid and action is None:
            target.setProperty(
                "errorAction",
                target.addAction(error_icon(), QLineEdit.ActionPosition.TrailingPosition),
            )
        elif not invalid and action is not None:
            target.removeAction(action)
            target.setProperty("errorAction", None)


class FieldMarks:
    """Field name -> (widget, label, message line under it in the form); shows a set of errors.

    The message line is its own form row, hidden while the field is right, so the form does not
    reserve empty space for errors that are not there.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, str, QLabel, QFormLayout]] = {}

    def add(
        self,
        name: str,
        form: QFormLayout,
        widget: QWidget,
        label: str,
        mark_widget: QWidget | None = None,
    ) -> None:
        """Register `widget` (already in `form`) under the domain's field `name`."""
        message = error_label(form.parentWidget(), f"{name}_error")
        row, _role = cast(tuple[int, QFormLayout.ItemRole], form.getWidgetPosition(widget))
        form.insertRow(row + 1, "", message)
        form.setRowVisible(message, False)
        self._fields[name] = (mark_widget or widget, label, message, form)

    def sentences(self, errors: Mapping[str, str]) -> dict[str, str]:
        """{field: message} -> {field: "Label message"}, in the order the fields appear on screen
        (the domain reports parse errors before range errors; users read top to bottom)."""
        order = {name: i for i, name in enumerate(self._fields)}
        ranked = sorted(errors, key=lambda f: order.get(f, len(order)))
        return {f: sentence(self.label(f), errors[f]) for f in ranked}

    def label(self, name: str) -> str:
        return (
            self._fields[name][1] if name in self._fields else name.replace("_", " ").capitalize()
        )

    def __contains__(self, name: object) -> bool:
        return name in self._fields

    def show(self, errors: Mapping[str, str]) -> None:
        for name, (widget, label, message, form) in self._fields.items():
            text = errors.get(name)
            mark(widget, None if text is None else sentence(label, text))
            message.setText("" if text is None else sentence(label, text))
            form.setRowVisible(message, text is not None)
