"""SVG icons from resources/, recoloured and cached as pixmaps per size and colour."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from planner.domain.enums import Kind
from planner.resources import resource_path

_SOURCE_GREY = "#37474f"


class IconCache:
    """Owned by the main window (no module-level state); the delegate asks it for kind icons."""

    def __init__(self) -> None:
        self._svg: dict[str, bytes] = {}
        self._pixmaps: dict[tuple[str, int, str, float], QPixmap] = {}

    def _source(self, name: str) -> bytes:
        if name not in self._svg:
            self._svg[name] = resource_path("icons", f"{name}.svg").read_bytes()
        return self._svg[name]

    def pixmap(self, name: str, size: int, color: QColor | None = None, dpr: float = 1.0) -> QPixmap:
        key = (name, size, color.name() if color else "", dpr)
        pm = self._pixmaps.get(key)
        if pm is None:
            svg = self._source(name)
            if color is not None:
                svg = svg.replace(_SOURCE_GREY.encode(), color.name().encode())
            renderer = QSvgRenderer(QByteArray(svg))
            px = max(1, round(size * dpr))
            img = QImage(px, px, QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(Qt.GlobalColor.transparent)
            painter = QPainter(img)
            renderer.render(painter, QRectF(0, 0, px, px))
            painter.end()
            pm = QPixmap.fromImage(img)
            pm.setDevicePixelRatio(dpr)
            self._pixmaps[key] = pm
        return pm

    def kind_pixmap(self, kind: Kind, size: int, color: QColor, dpr: float = 1.0) -> QPixmap:
        return self.pixmap(kind.value, size, color, dpr)

    def icon(self, name: str, color: QColor | None = None) -> QIcon:
        icon = QIcon()
        for size in (16, 24, 32, 48, 64, 128, 256):
            icon.addPixmap(self.pixmap(name, size, color))
        return icon
