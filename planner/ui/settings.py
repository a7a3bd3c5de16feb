"""Window state in QSettings behind one typed wrapper: geometry, dock layout, last week viewed, theme,
the charts' range and load constants, and the plan-check findings dismissed for each data file.

Training data never goes here; it lives in the store. HYBRID_PLANNER_SETTINGS_DIR points the
settings at a folder (tests use it so they never touch the user's own settings).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSettings

from planner.domain.weeks import parse_date

SETTINGS_VERSION = 2  # 2: the plan check, charts and nutrition docks arrived


class Settings:
    def __init__(self) -> None:
        folder = os.environ.get("HYBRID_PLANNER_SETTINGS_DIR")
        if folder:
            self._s = QSettings(os.path.join(folder, "hybrid-planner.ini"), QSettings.Format.IniFormat)
        else:
            self._s = QSettings("HybridPlanner", "Hybrid Planner")
        if self._s.value("version", 0, int) != SETTINGS_VERSION:
            self._s.clear()  # an older layout could restore docks that no longer exist
            self._s.setValue("version", SETTINGS_VERSION)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    @property
    def last_week(self) -> dt.date | None:
        text = self._s.value("calendar/last_week", "", str)
        try:
            return parse_date("last_week", text) if text else None
        except ValueError:
            return None

    @last_week.setter
    def last_week(self, value: dt.date) -> None:
        self._s.setValue("calendar/last_week", value.isoformat())

    @property
    def season_weeks(self) -> int:
        """Weeks the season view shows: 4, 8, 12 (default) or 16."""
        value = self._s.value("view/season_weeks", 12, int)
        return value if value in (4, 8, 12, 16) else 12

    @season_weeks.setter
    def season_weeks(self, value: int) -> None:
        self._s.setValue("view/season_weeks", int(value))

    @property
    def theme(self) -> str:
        value = self._s.value("view/theme", "system", str)
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("view/theme", value)

    @property
    def chart_constants(self) -> tuple[int, int] | None:
        """Days of the chronic and the acute load the user chose in the charts (None: the defaults)."""
        chronic, acute = self._s.value("charts/chronic_days", 0, int), self._s.value("charts/acute_days", 0, int)
        return (chronic, acute) if chronic > acute > 0 else None

    @chart_constants.setter
    def chart_constants(self, value: tuple[int, int]) -> None:
        self._s.setValue("charts/chronic_days", int(value[0]))
        self._s.setValue("charts/acute_days", int(value[1]))

    @property
    def chart_range(self) -> str | None:
        """The range the charts show, by its label ("12 weeks", ..., "All")."""
        return self._s.value("charts/range", "", str) or None

    @chart_range.setter
    def chart_range(self, label: str) -> None:
        self._s.setValue("charts/range", label)

    def dismissed(self, data_file: str) -> list[str]:
        """The plan-check findings dismissed for the data file at `data_file` (their keys)."""
        value = self._s.value(_dismissed_key(data_file), [])
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)] if value else []  # QSettings reads a one-item list back as its item

    def set_dismissed(self, data_file: str, keys: Sequence[str]) -> None:
        if keys:
            self._s.setValue(_dismissed_key(data_file), list(keys))
        else:
            self._s.remove(_dismissed_key(data_file))

    def sync(self) -> None:
        self._s.sync()


def _dismissed_key(data_file: str) -> str:
    return "plancheck/dismissed/" + hashlib.sha1(data_file.encode(), usedforsecurity=False).hexdigest()[:12]
