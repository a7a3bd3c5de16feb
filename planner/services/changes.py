"""What an operation changed: a plain value handed to every pane once the change has happened.

The shape of Anki's OpChanges: panes check the parts they show and refresh only those. It carries no
UI state (which card to select is the week model's business, worked out from the rows it moves).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum


class Origin(Enum):
    """Who started the change: a new action, or the undo stack stepping back or forward."""

    DO = "do"
    UNDO = "undo"
    REDO = "redo"


@dataclass(frozen=True)
class Changes:
    dates: frozenset[dt.date] = frozenset()  # days whose sessions changed
    profile: bool = False
    templates: bool = False
    logs: bool = False  # readiness or nutrition entries
    everything: bool = False  # a whole new file (restore) or a change too wide to list
    origin: Origin = Origin.DO
    text: str = ""  # the operation's words, e.g. "Move 'Tempo run' to Thursday"

    @property
    def empty(self) -> bool:
        return not (self.dates or self.profile or self.templates or self.logs or self.everything)

    def merge(self, other: Changes) -> Changes:
        """Both changes as one (a grouped action, or what a hidden pane missed); the later words win,
        and a whole new plan (everything, no words: a reload or a restore) leaves none of the old
        ones, which could no longer be undone."""
        return Changes(
            dates=self.dates | other.dates,
            profile=self.profile or other.profile,
            templates=self.templates or other.templates,
            logs=self.logs or other.logs,
            everything=self.everything or other.everything,
            origin=other.origin,
            text=other.text if other.everything else other.text or self.text,
        )

    def said(self, origin: Origin, text: str) -> Changes:
        return replace(self, origin=origin, text=text)
