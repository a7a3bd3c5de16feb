"""Colours and the light and dark palettes. Every colour that carries text is chosen for WCAG AA
contrast (at least 4.5:1, WCAG 2.1 success criterion 1.4.3) against what it is painted on, in
both themes; `text_pairs` lists them so a test can measure each one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from planner.domain.compliance import Band
from planner.domain.enums import Intensity, Kind

#: Strip and icon colours (no text is painted in them on a card).
KIND_COLORS = {
    Kind.RUN: "#1e88e5",
    Kind.LIFT: "#e53935",
    Kind.MOBILITY: "#8e24aa",
    Kind.RECOVERY: "#43a047",
    Kind.REST: "#78909c",
    Kind.OTHER: "#fb8c00",
}
#: Kind colours for text (the library's group headings): darker on light, lighter on dark.
KIND_TEXT = {
    False: {Kind.RUN: "#1565c0", Kind.LIFT: "#c62828", Kind.MOBILITY: "#6a1b9a", Kind.RECOVERY: "#2e7d32",
            Kind.REST: "#546e7a", Kind.OTHER: "#bf360c"},
    True: {Kind.RUN: "#64b5f6", Kind.LIFT: "#ef9a9a", Kind.MOBILITY: "#ce93d8", Kind.RECOVERY: "#81c784",
           Kind.REST: "#b0bec5", Kind.OTHER: "#ffb74d"},
}
#: Badges carry their own background, so one set serves both themes: (background, text).
INTENSITY_COLORS = {Intensity.EASY: ("#2e7d32", "#ffffff"), Intensity.MODERATE: ("#f9a825", "#212121"),
                    Intensity.HARD: ("#c62828", "#ffffff")}
BAND_COLORS = {Band.GREEN: ("#2e7d32", "#ffffff"), Band.YELLOW: ("#f9a825", "#212121"),
               Band.RED: ("#c62828", "#ffffff")}
DONE_COLOR = {False: "#1b5e20", True: "#81c784"}  # the tick and the done border


def kind_color(kind: Kind) -> QColor:
    return QColor(KIND_COLORS[kind])


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def kind_text_color(kind: Kind, palette: QPalette) -> QColor:
    return QColor(KIND_TEXT[is_dark(palette)][kind])


def done_color(palette: QPalette) -> QColor:
    return QColor(DONE_COLOR[is_dark(palette)])


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
    return blend(palette.color(QPalette.ColorRole.Base), kind_color(kind), 0.18 if is_dark(palette) else 0.10)


def today_background(palette: QPalette) -> QColor:
    return blend(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.1)


def muted_text(palette: QPalette) -> QColor:
    """Secondary text (a card's lines, "Rest day"): a third of the way from text to base."""
    return blend(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.3)


@dataclass(frozen=True)
class CardColors:
    """Every colour a card is painted with, for one palette."""

    text: QColor
    muted: QColor
    done: QColor
    backgrounds: dict[Kind, QColor]


def card_colors(palette: QPalette) -> CardColors:
    return CardColors(
        text=palette.color(QPalette.ColorRole.Text),
        muted=muted_text(palette),
        done=done_color(palette),
        backgrounds={k: card_background(k, palette) for k in Kind},
    )


# -- contrast ------------------------------------------------------------------------------------
def _channel(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    """WCAG 2.1 relative luminance of an opaque colour."""
    return 0.2126 * _channel(color.redF()) + 0.7152 * _channel(color.greenF()) + 0.0722 * _channel(color.blueF())


def contrast_ratio(fg: QColor, bg: QColor) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter over the darker (WCAG 2.1 definition)."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_pairs(palette: QPalette) -> list[tuple[str, QColor, QColor]]:
    """(what, text colour, background) for every text the calendar and library paint themselves."""
    role = QPalette.ColorRole
    c = card_colors(palette)
    today = today_background(palette)
    pairs: list[tuple[str, QColor, QColor]] = []
    for kind, bg in c.backgrounds.items():
        pairs += [(f"{kind} card title", c.text, bg), (f"{kind} card line", c.muted, bg),
                  (f"{kind} card tick", c.done, bg)]
    for level, (bg, fg) in INTENSITY_COLORS.items():
        pairs.append((f"{level} badge", QColor(fg), QColor(bg)))
    for band, (bg, fg) in BAND_COLORS.items():
        pairs.append((f"{band} compliance", QColor(fg), QColor(bg)))
    for kind in Kind:
        pairs.append((f"{kind} library heading", kind_text_color(kind, palette), palette.color(role.Base)))
    pairs += [
        ("rest day", muted_text(palette), palette.color(role.Base)),
        ("rest day, today", muted_text(palette), today),
        ("today's header", palette.color(role.HighlightedText), palette.color(role.Highlight)),
        ("day header", palette.color(role.WindowText), palette.color(role.Window)),
        ("week strip", palette.color(role.WindowText), palette.color(role.Window)),
        ("list text", palette.color(role.Text), palette.color(role.Base)),
        ("placeholder", palette.color(role.PlaceholderText), palette.color(role.Base)),
        ("button", palette.color(role.ButtonText), palette.color(role.Button)),
        ("tooltip", palette.color(role.ToolTipText), palette.color(role.ToolTipBase)),
    ]
    return pairs


# -- palettes ------------------------------------------------------------------------------------
def _palette(colors: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    p = QPalette()
    for r, c in colors.items():
        p.setColor(r, QColor(c))
    role = QPalette.ColorRole
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor(disabled))
    return p


def light_palette() -> QPalette:
    role = QPalette.ColorRole
    return _palette({
        role.Window: "#efefef", role.WindowText: "#000000", role.Base: "#ffffff",
        role.AlternateBase: "#f5f5f5", role.ToolTipBase: "#ffffdc", role.ToolTipText: "#000000",
        role.Text: "#000000", role.Button: "#efefef", role.ButtonText: "#000000",
        role.BrightText: "#ffffff", role.Highlight: "#1565c0", role.HighlightedText: "#ffffff",
        role.Link: "#0d47a1", role.LinkVisited: "#6a1b9a", role.PlaceholderText: "#616161",
        role.Mid: "#b8b8b8", role.Dark: "#9f9f9f", role.Light: "#ffffff", role.Midlight: "#cacaca",
        role.Shadow: "#767676",
    }, "#767676")


def dark_palette() -> QPalette:
    role = QPalette.ColorRole
    return _palette({
        role.Window: "#263238", role.WindowText: "#eceff1", role.Base: "#1e272c",
        role.AlternateBase: "#2b363c", role.ToolTipBase: "#37474f", role.ToolTipText: "#eceff1",
        role.Text: "#eceff1", role.Button: "#2f3b41", role.ButtonText: "#eceff1",
        role.BrightText: "#ff5252", role.Highlight: "#42a5f5", role.HighlightedText: "#0d1b24",
        role.Link: "#64b5f6", role.LinkVisited: "#ce93d8", role.PlaceholderText: "#90a4ae",
        role.Mid: "#546e7a", role.Dark: "#151c20", role.Light: "#455a64", role.Midlight: "#3b4a51",
        role.Shadow: "#000000",
    }, "#78909c")


_SYSTEM_STYLE = "hybridPlannerSystemStyle"  # the style the platform chose, kept on the app object


def apply_theme(app: QApplication, theme: str) -> None:
    """'system' is the platform's style and palette; 'light' and 'dark' use Fusion with our palette.
    Each applies at once and can be left again: the platform's style is remembered on the
    application the first time, and a default palette hands colours back to the platform. Every
    widget that paints its own colours reads them from the palette on `PaletteChange`."""
    if app.property(_SYSTEM_STYLE) is None:
        app.setProperty(_SYSTEM_STYLE, app.style().name())
    if theme == "system":
        if app.style().name() != app.property(_SYSTEM_STYLE):
            app.setStyle(str(app.property(_SYSTEM_STYLE)))
        app.setPalette(QPalette())
    elif theme == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setStyle("Fusion")
        app.setPalette(light_palette())
