"""Every text colour the calendar and library paint, against its background: WCAG AA (4.5:1), light
and dark. And a switch repaints every part at once, both ways."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from planner.ui import theme

AA = 4.5


def test_contrast_ratio_follows_wcag():
    assert theme.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert theme.contrast_ratio(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)
    # #767676 on white is the classic just-passing grey (4.54:1); #777777 just fails (4.48:1).
    assert theme.contrast_ratio(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert theme.contrast_ratio(QColor("#777777"), QColor("#ffffff")) < AA


@pytest.mark.parametrize("palette", [theme.light_palette, theme.dark_palette], ids=["light", "dark"])
def test_every_text_colour_passes_aa(qapp, palette):
    pairs = theme.text_pairs(palette())
    assert len(pairs) == 39  # 6 kinds x 3 card texts, 3 badges, 3 chips, 6 headings, 9 window parts
    low = [(what, fg.name(), bg.name(), round(theme.contrast_ratio(fg, bg), 2)) for what, fg, bg in pairs
           if theme.contrast_ratio(fg, bg) < AA]
    assert low == []


def test_the_old_colours_would_fail(qapp):
    # Guard: white on the old easy green (#43a047) is 3.0:1, the old orange heading 2.2:1.
    assert theme.contrast_ratio(QColor("#ffffff"), QColor("#43a047")) < AA
    assert theme.contrast_ratio(QColor("#fb8c00"), QColor("#ffffff")) < AA


@pytest.fixture
def restore_app_palette(qapp):
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _pixel(widget, x, y) -> str:
    img: QImage = widget.grab().toImage()
    return img.pixelColor(x, y).name()


def test_switch_to_dark_and_back_repaints_every_part(window, restore_app_palette):
    view = window.week_view.views[4]  # Friday: empty column
    today = window.week_view.views[2]  # Wednesday, today, tinted
    window.set_theme("dark")
    QApplication.processEvents()
    dark = theme.dark_palette()
    assert _pixel(view.viewport(), 5, view.viewport().height() - 5) == dark.color(QPalette.ColorRole.Base).name()
    assert _pixel(today.viewport(), 5, today.viewport().height() - 5) == theme.today_background(dark).name()
    header = window.week_view.headers[2]
    assert dark.color(QPalette.ColorRole.Highlight).name() in header.styleSheet()
    # card colours come from the new palette too
    delegate = view.itemDelegate()
    assert delegate.colors(view.palette()).text == dark.color(QPalette.ColorRole.Text)

    window.set_theme("light")
    QApplication.processEvents()
    light = theme.light_palette()
    assert _pixel(view.viewport(), 5, view.viewport().height() - 5) == light.color(QPalette.ColorRole.Base).name()
    assert _pixel(today.viewport(), 5, today.viewport().height() - 5) == theme.today_background(light).name()
    assert light.color(QPalette.ColorRole.Highlight).name() in header.styleSheet()
    assert window.library_dock.tree.palette().color(QPalette.ColorRole.Base) == light.color(QPalette.ColorRole.Base)


def test_system_theme_applies_at_once_and_gives_the_platform_back(window, restore_app_palette):
    start_style = QApplication.instance().style().name()
    platform_base = QApplication.instance().palette().color(QPalette.ColorRole.Base).name()
    window.set_theme("dark")
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base).name() == "#1e272c"
    window.set_theme("system")
    QApplication.processEvents()
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base).name() == platform_base
    assert QApplication.instance().style().name() == start_style
    assert window.settings.theme == "system"
