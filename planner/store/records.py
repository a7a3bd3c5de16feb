"""Small tables: the profile, the user's templates, and the per-day logs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from tinydb import TinyDB

from planner.domain.profile import NutritionLog, Profile, ReadinessEntry
from planner.domain.session import Template
from planner.store import codec
from planner.store.storage import AtomicJSONStorage

T = TypeVar("T")


class _Table:
    """Rewrites a whole small table in one atomic save."""

    def __init__(self, db: TinyDB, storage: AtomicJSONStorage, name: str) -> None:
        self._table = db.table(name)
        self._storage = storage

    def _docs(self) -> list[dict[str, Any]]:
        return [dict(d) for d in self._table._read_table().values()]  # noqa: SLF001

    def _rewrite(self, docs: Sequence[dict[str, Any]]) -> None:
        with self._storage.batch():
            self._table.truncate()
            if docs:
                self._table.insert_multiple(docs)


class ProfileRepository(_Table):
    def __init__(self, db: TinyDB, storage: AtomicJSONStorage) -> None:
        super().__init__(db, storage, "profile")

    def get(self) -> Profile:
        docs = self._docs()
        return codec.profile_from_doc(docs[0]) if docs else Profile()

    def exists(self) -> bool:
        return bool(self._docs())

    def put(self, profile: Profile) -> None:
        self._rewrite([codec.profile_to_doc(profile)])


class TemplateRepository(_Table):
    """The built-in library (read-only, from resources/) plus the user's own templates.

    Built-ins can be hidden, and come back with `restore_defaults`; user templates are stored.
    """

    def __init__(self, db: TinyDB, storage: AtomicJSONStorage,
                 builtins: Sequence[Template]) -> None:
        super().__init__(db, storage, "templates")
        self._builtins = {t.id: dataclasses.replace(t, builtin=True) for t in builtins}

    def _user_docs(self) -> list[dict[str, Any]]:
        return [d for d in self._docs() if "hidden_builtin" not in d]

    def hidden(self) -> set[str]:
        for d in self._docs():
            if "hidden_builtin" in d:
                return set(d["hidden_builtin"])
        return set()

    def user_templates(self) -> list[Template]:
        return [codec.template_from_doc(d) for d in self._user_docs()]

    def visible(self) -> list[Template]:
        hidden = self.hidden()
        return [t for t in self._builtins.values() if t.id not in hidden] + self.user_templates()

    def builtins(self) -> list[Template]:
        return list(self._builtins.values())

    def get(self, id: str) -> Template:
        if id in self._builtins:
            return self._builtins[id]
        for t in self.user_templates():
            if t.id == id:
                return t
        raise KeyError(f"no template {id!r}")

    def set_state(self, user: Sequence[Template], hidden: set[str]) -> None:
        """Replace the user's templates and hidden built-ins in one save (undo uses this too)."""
        docs = [codec.template_to_doc(t) for t in user]
        if hidden:
            docs.append({"hidden_builtin": sorted(hidden)})
        self._rewrite(docs)


class DayLogRepository(_Table, Generic[T]):
    """One record per date (readiness entries, nutrition logs)."""

    def __init__(self, db: TinyDB, storage: AtomicJSONStorage, name: str,
                 encode: Callable[[T], dict[str, Any]],
                 decode: Callable[[dict[str, Any]], T]) -> None:
        super().__init__(db, storage, name)
        self._encode, self._decode = encode, decode

    def get(self, day: dt.date) -> T | None:
        key = day.isoformat()
        for d in self._docs():
            if d.get("date") == key:
                return self._decode(d)
        return None

    def all(self) -> list[T]:
        return [self._decode(d) for d in sorted(self._docs(), key=lambda d: d["date"])]

    def between(self, first: dt.date, last: dt.date) -> list[T]:
        """The records from `first` to `last` (both included), by date; only those are decoded,
        so a week of a ten-year log costs a scan of the date strings, not a decode of every day."""
        lo, hi = first.isoformat(), last.isoformat()
        raw = self._table._read_table().values()  # noqa: SLF001
        return [self._decode(dict(d)) for d in sorted((d for d in raw if lo <= d.get("date", "") <= hi),
                                                       key=lambda d: d["date"])]

    def put(self, day: dt.date, record: T | None) -> None:
        """Store the day's record, or remove it with None."""
        key = day.isoformat()
        docs = [d for d in self._docs() if d.get("date") != key]
        if record is not None:
            docs.append(self._encode(record))
        self._rewrite(docs)


def readiness_repository(db: TinyDB,
                         storage: AtomicJSONStorage) -> DayLogRepository[ReadinessEntry]:
    return DayLogRepository(db, storage, "readiness",
                            codec.readiness_to_doc, codec.readiness_from_doc)


def nutrition_repository(db: TinyDB,
                         storage: AtomicJSONStorage) -> DayLogRepository[NutritionLog]:
    return DayLogRepository(db, storage, "nutrition",
                            codec.nutrition_to_doc, codec.nutrition_from_doc)
