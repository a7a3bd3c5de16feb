"""The open data file and its repositories, as one object handed to the services."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import orjson
from tinydb import TinyDB

from planner.domain.session import Session, Template
from planner.store.codec import session_to_doc
from planner.store.exercise_map import ExerciseMapRepository
from planner.store.records import (
    ProfileRepository,
    TemplateRepository,
    nutrition_repository,
    readiness_repository,
)
from planner.store.sessions import SessionRepository
from planner.store.storage import AtomicJSONStorage


class Store:
    def __init__(self, db: TinyDB, builtins: Sequence[Template], path: Path) -> None:
        self.db = db
        self.storage: AtomicJSONStorage = db.storage  # type: ignore[assignment]
        self.path = path
        self.sessions = SessionRepository(db, self.storage)
        self.profile = ProfileRepository(db, self.storage)
        self.templates = TemplateRepository(db, self.storage, builtins)
        self.readiness = readiness_repository(db, self.storage)
        self.nutrition = nutrition_repository(db, self.storage)
        self.exercise_map = ExerciseMapRepository(db, self.storage)
        self._on_close: list[Callable[[], None]] = []
        self._closed = False

    def check_room(self, sessions: Iterable[Session]) -> None:
        """NoRoomError (nothing changed) when adding `sessions` would make the data file larger
        than any open accepts; imports call it before they change anything."""
        extra = sum(len(orjson.dumps(session_to_doc(s))) + 24 for s in sessions)  # + the "id": key
        self.storage.check_room(extra)

    def batch(self):  # noqa: ANN201 - a context manager
        """Several repository writes saved together, or not at all."""
        return self.storage.batch()

    def on_close(self, callback: Callable[[], None]) -> None:
        """Run `callback` when the store closes (open_store releases the folder lock this way)."""
        self._on_close.append(callback)

    def close(self) -> None:
        """Save what is pending, then run the close callbacks even if that save fails."""
        if self._closed:
            return
        self._closed = True
        try:
            self.db.close()
        finally:
            for callback in reversed(self._on_close):
                callback()
