"""The sessions table, indexed by date so a week is found without scanning every document."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from tinydb import TinyDB

from planner.domain.day_order import day_order
from planner.domain.session import Session
from planner.store.codec import session_from_doc, session_to_doc
from planner.store.migrations import META_TABLE, NEXT_ID_KEY, meta_doc, read_meta
from planner.store.storage import AtomicJSONStorage


class SessionRepository:
    """Sessions by id and by date. Decoded sessions are cached; the TinyDB table is the truth."""

    def __init__(self, db: TinyDB, storage: AtomicJSONStorage) -> None:
        self._table = db.table("sessions")
        self._storage = storage
        self._by_date: dict[dt.date, list[int]] = defaultdict(list)
        self._cache: dict[int, Session] = {}
        self._generation = -1
        self._next_id = 1
        self._reindex()

    # -- reading -------------------------------------------------------------------------------
    def _raw(self) -> dict[str, Any]:
        # TinyDB's own read path, without building Document copies of every row.
        return self._table._read_table()  # noqa: SLF001

    def _reindex(self) -> None:
        self._by_date.clear()
        self._cache.clear()
        top = 0
        for key, doc in self._raw().items():
            self._by_date[dt.date.fromisoformat(doc["date"])].append(int(key))
            top = max(top, int(key))
        # Ids only grow, across restarts too (the counter is kept in meta): undo may bring a deleted
        # session back under its id, and calendar UIDs and dismissed findings are keyed by ids.
        self._next_id = max(self._next_id, top + 1, self._stored_next_id())
        self._generation = self._storage.generation

    def _stored_next_id(self) -> int:
        value = read_meta(self._storage.read() or {}).get(NEXT_ID_KEY, 1)
        return value if isinstance(value, int) and not isinstance(value, bool) else 1

    def prime(self, decoded: Mapping[int, Session]) -> None:
        """Seed the cache with sessions already decoded: open_store decodes every one to check the
        file, and the charts read the whole history soon after, so decoding twice would be waste."""
        self._fresh()
        self._cache.update(decoded)

    def _fresh(self) -> None:
        if self._generation != self._storage.generation:
            self._reindex()

    def __len__(self) -> int:
        return len(self._raw())

    def get(self, id: int) -> Session:
        self._fresh()
        s = self._cache.get(id)
        if s is None:
            doc = self._raw().get(str(id))
            if doc is None:
                raise KeyError(f"no session with id {id}")
            s = self._cache[id] = session_from_doc(doc, id)
        return s

    def exists(self, id: int) -> bool:
        return str(id) in self._raw()

    def on_date(self, day: dt.date) -> list[Session]:
        """The day's sessions in the calendar's order: timed ones by time, untimed ones where the
        user put them (`day_order`). Gestures count rows in this order, so a drop lands where seen."""
        self._fresh()
        return day_order(self.get(i) for i in self._by_date.get(day, ()))

    def between(self, first: dt.date, last: dt.date) -> list[Session]:
        """Sessions from `first` to `last`, both included, by date and in each day's calendar order."""
        out: list[Session] = []
        day = first
        while day <= last:
            out.extend(self.on_date(day))
            day += dt.timedelta(days=1)
        return out

    def all(self) -> list[Session]:
        self._fresh()
        out = [self.get(int(k)) for k in self._raw()]
        out.sort(key=lambda s: (s.date, s.position, s.id or 0))
        return out

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        self._fresh()
        days = [d for d, ids in self._by_date.items() if ids]
        return (min(days), max(days)) if days else None

    # -- writing -------------------------------------------------------------------------------
    def apply(self, remove: Collection[int] = (), put: Iterable[Session] = ()) -> list[Session]:
        """Remove sessions by id and insert or replace others, in one atomic save.

        Sessions with an id are stored under that id (so undo can bring a deleted one back);
        sessions without one get a new id. Returns the stored `put` sessions, ids filled in.

        The documents go straight into the storage's table: TinyDB's own update path copies the
        whole table twice per write (about 16 ms at ten years of sessions), which a drop cannot
        afford. Everything is encoded before the table is touched, so a change lands whole.
        """
        self._fresh()
        put = list(put)
        fresh = iter(range(self._next_id, self._next_id + sum(1 for s in put if s.id is None)))
        stored = [s if s.id is not None else s.replace(id=next(fresh)) for s in put]
        docs = {str(s.id): session_to_doc(s) for s in stored}
        try:
            with self._storage.batch():
                tables = self._storage.read()
                if tables is None:
                    tables = {}
                table = tables.setdefault(self._table.name, {})
                for i in remove:
                    table.pop(str(i), None)
                table.update(docs)
                next_id = max([self._next_id, *(s.id + 1 for s in stored if s.id is not None)])
                meta = meta_doc(tables)
                if meta.get(NEXT_ID_KEY) != next_id:  # a new document: a batch's checkpoint keeps the old
                    (key,) = tables[META_TABLE]
                    tables[META_TABLE] = {key: {**meta, NEXT_ID_KEY: next_id}}
                self._storage.write(tables)
        except Exception:
            self._reindex()
            raise
        finally:
            self._table.clear_cache()
            self._table._next_id = None  # noqa: SLF001 - TinyDB recounts its ids from the data
        self._next_id = max([self._next_id, *(s.id + 1 for s in stored if s.id is not None)])
        self._reindex_changed(remove, stored)
        return stored

    def _reindex_changed(self, remove: Collection[int], stored: list[Session]) -> None:
        touched = set(remove) | {s.id for s in stored if s.id is not None}
        for i in touched:
            old = self._cache.pop(i, None)
            if old is not None:
                self._drop_from_index(old.date, i)
            else:  # not decoded yet: find it the slow way
                for ids in self._by_date.values():
                    if i in ids:
                        ids.remove(i)
                        break
        last = {s.id: s for s in stored if s.id is not None}  # an id put twice: the last wins
        for sid, s in last.items():
            self._by_date[s.date].append(sid)
            self._cache[sid] = s
        self._generation = self._storage.generation

    def _drop_from_index(self, day: dt.date, id: int) -> None:
        ids = self._by_date.get(day)
        if ids and id in ids:
            ids.remove(id)
