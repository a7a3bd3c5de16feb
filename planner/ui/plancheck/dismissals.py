"""Dismissed findings, kept in the window's settings (planner/ui/settings.py) per data file.

Why settings and not a table in the data file: a dismissal is a view choice, like a collapsed
dock, not training data; keeping it out of the store needs no schema step, and a stale key costs
nothing because it stops matching. A key is the rule, the session ids and a fingerprint of those
sessions (and of the days the finding spans), so a finding comes back as soon as any of the
sessions it concerns changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from planner.domain.rules import Finding
from planner.domain.session import Session
from planner.ui.settings import Settings

MAX_KEPT = 500


def dismissal_key(f: Finding, sessions_between: Callable[..., Sequence[Session]]) -> str:
    ids = sorted(f.session_ids)
    wanted = set(ids)  # a finding over a full day may name thousands of sessions
    days = sessions_between(f.dates[0], f.dates[-1])
    concerned = [s for s in days if not ids or s.id in wanted]
    text = repr(sorted(concerned, key=lambda s: s.id or 0))
    digest = hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:16]
    return f"{f.rule}|{','.join(map(str, ids))}|{f.dates[0]}|{digest}"


class Dismissals:
    def __init__(self, data_path: str, settings: Settings | None = None) -> None:
        self._settings = settings if settings is not None else Settings()
        self._path = data_path
        self._keys: list[str] = self._settings.dismissed(data_path)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def add(self, key: str) -> None:
        if key not in self._keys:
            self._keys = [*self._keys, key][-MAX_KEPT:]
            self._settings.set_dismissed(self._path, self._keys)

    def clear(self) -> None:
        self._keys = []
        self._settings.set_dismissed(self._path, [])
