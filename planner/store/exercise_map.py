"""The names a lifting log uses, mapped once by the user to exercises of the catalogue.

One small table, `exercise_map`: {"name": "Hack Squat (Machine)", "to": "Back squat"} per entry.
Written whole (an import or a mapping is one change), so undo is a plain before/after swap.
"""

from __future__ import annotations

from collections.abc import Mapping

from tinydb import TinyDB

from planner.store.records import _Table
from planner.store.storage import AtomicJSONStorage


class ExerciseMapRepository(_Table):
    def __init__(self, db: TinyDB, storage: AtomicJSONStorage) -> None:
        super().__init__(db, storage, "exercise_map")

    def get(self) -> dict[str, str]:
        """Logged name -> catalogue name."""
        return {d["name"]: d["to"] for d in self._docs() if isinstance(d.get("name"), str)
                and isinstance(d.get("to"), str)}

    def put(self, mapping: Mapping[str, str]) -> None:
        self._rewrite([{"name": k, "to": v} for k, v in sorted(mapping.items())])
