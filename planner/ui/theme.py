"""Colours and the optional dark palette. Kind colours are chosen to stay apart on light and dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from planner.domain.enums import Intensity, Kind

KIND_COLORS = {
    Kind.RUN: "#1e88e5",
    Kind.LIFT: "#e53935",
    Kind.MOBILITY: "#8e24aa",
    Kind.RECOVERY: "#43a047",
    Kind.REST: "#78909c",
    Kind.OTHER: "#fb8c00",
}
INTENSITY_COLORS = {Intensity.EASY: "#43a047", Intensity.MODERATE: "#f9a825", Intensity.HARD: "#e53935"}
DONE_COLOR = "#2e7d32"


def kind_color(kind: Kind) -> QColor:
    return QColor(KIND_COLORS[kind])


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """`base` with `amount` (0-1) of `tint` mixed in: tinted backgrounds that keep text readable."""
    a = amount
    return QColor.fromRgbF(
        base.redF() * (1 - a) + tint.redF() * a,
        base.greenF() * (1 - a) + tint.greenF() * a,
        base.blueF() * (1 - a) + tint.blueF() * a,
    )


def card_background(kind: Kind, palette: QPalette) -> QColor:
    """A faint tint of the kind's colour over the base colour, so text keeps its contrast."""
    return blend(palette.color(QPalette.ColorRole.Base), kind_color(kind), 0.22 if is_dark(palette) else 0.10)


def dark_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, c in {
        role.Window: "#263238", role.WindowText: "#eceff1", role.Base: "#1e272c",
        role.AlternateBase: "#2b363c", role.ToolTipBase: "#37474f", role.ToolTipText: "#eceff1",
        role.Text: "#eceff1", role.Button: "#2f3b41", role.ButtonText: "#eceff1",
        role.BrightText: "#ff5252", role.Highlight: "#42a5f5", role.HighlightedText: "#0d1b24",
        role.Link: "#64b5f6", role.PlaceholderText: "#90a4ae", role.Mid: "#455a64",
        role.Dark: "#151c20", role.Light: "#455a64", role.Midlight: "#3b4a51",
    }.items():
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#78909c"))
    return p


def apply_theme(app: QApplication, theme: str) -> None:
    """'system' keeps the platform palette; 'light' and 'dark' use Fusion with our palette."""
    if theme == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setStyle("Fusion")
        app.setPalette(app.style().standardPalette())
