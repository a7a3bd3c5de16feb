"""Importing completed training: read the files, preview what they do to the plan, apply it as
one action (one undo step in the window, one save on the command line), whole or not at all.

Reading touches no store, so the window runs it on a worker thread; the preview and the apply
run where the store lives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.activity_match import Decision, Incoming, Outcome, decide, filled_in, rematch
from planner.domain.plan_edit import append_to_days
from planner.domain.session import Session
from planner.io.activities import ActivityFileError, read_file
from planner.io.activities.sessions import ExerciseNames, incoming, unknown_exercises
from planner.services.changes import Changes
from planner.services.operations import SessionsOp, StateOp
from planner.services.runner import Runner
from planner.store.storage import NoRoomError
from planner.store.store import Store

__all__ = ["ActivityFileError", "ImportCancelled", "ImportCounts", "Preview", "ActivityImport", "read_files"]


class ImportCancelled(Exception):
    """The user stopped the reading; nothing was changed."""


class ImportNotApplied(Exception):
    """The runner could not apply the import (the reason went to the user); nothing was changed."""


@dataclass(frozen=True)
class ImportCounts:
    matched: int = 0
    added: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"matched": self.matched, "added": self.added, "skipped": self.skipped}


@dataclass(frozen=True)
class ReadResult:
    incoming: tuple[Incoming, ...]
    unknown_exercises: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Preview:
    """What applying would do, row by row; `rows` is in date order."""

    rows: tuple[Decision, ...]
    unknown_exercises: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    mapping: Mapping[str, str] = field(default_factory=dict)  # names the user maps in the preview

    @property
    def counts(self) -> ImportCounts:
        n = {o: sum(1 for d in self.rows if d.outcome is o) for o in Outcome}
        return ImportCounts(n[Outcome.MATCHED], n[Outcome.ADDED], n[Outcome.ALREADY])

    def with_match(self, index: int, target: Session | None) -> Preview:
        """Change one row's match (a planned session among its candidates, or None: add it)."""
        return dataclasses.replace(self, rows=tuple(rematch(self.rows, index, target)))

    def with_mapping(self, name: str, to: str | None) -> Preview:
        mapping = dict(self.mapping)
        if to:
            mapping[name] = to
        else:
            mapping.pop(name, None)
        return dataclasses.replace(self, mapping=mapping)


def read_one(path: Path, names: ExerciseNames, tz: dt.tzinfo | None = None) -> ReadResult:
    """One file's sessions (a plain function, so a reading process can run it)."""
    parsed = read_file(path)
    return ReadResult(tuple(incoming(parsed, names, tz)), tuple(unknown_exercises(parsed, names)),
                      tuple(f"{parsed.name}: {n}" for n in parsed.notes))


Reader = Callable[[Path, ExerciseNames, "dt.tzinfo | None"], ReadResult]


def read_files(paths: Sequence[Path], names: ExerciseNames, tz: dt.tzinfo | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None, read: Reader = read_one) -> ReadResult:
    """Read every file, or raise the first file's ActivityFileError (nothing is half read)."""
    found: list[Incoming] = []
    unknown: set[str] = set()
    notes: list[str] = []
    for i, path in enumerate(paths):
        if cancelled is not None and cancelled():
            raise ImportCancelled
        if progress is not None:
            progress(i, len(paths), path.name)
        one = read(path, names, tz)
        found.extend(one.incoming)
        unknown.update(one.unknown_exercises)
        notes.extend(one.notes)
    if progress is not None:
        progress(len(paths), len(paths), "")
    return ReadResult(tuple(found), tuple(sorted(unknown)), tuple(notes))


def _write_map(store: Store, mapping: dict[str, str]) -> None:
    store.exercise_map.put(mapping)


class ActivityImport:
    """The import as the window and the command line both run it."""

    def __init__(self, runner: Runner, catalog: Mapping[str, tuple[str, ...]]) -> None:
        self.runner = runner
        self.store = runner.store
        self.catalog = dict(catalog)

    def names(self, extra: Mapping[str, str] | None = None) -> ExerciseNames:
        return ExerciseNames(self.catalog, {**self.store.exercise_map.get(), **(extra or {})})

    def read(self, paths: Sequence[Path], tz: dt.tzinfo | None = None, **hooks: object) -> ReadResult:
        return read_files(paths, self.names(), tz, **hooks)  # type: ignore[arg-type]

    def preview(self, read: ReadResult, match: bool = True) -> Preview:
        items = sorted(read.incoming, key=lambda i: (i.session.date, i.session.time or dt.time()))
        rows = decide(items, self.store.sessions.on_date, match)
        return Preview(tuple(rows), read.unknown_exercises, read.notes)

    def apply(self, preview: Preview) -> ImportCounts:
        """Apply the preview as one action; raises ImportNotApplied if the runner refused it, and
        NoRoomError (nothing changed) if the data file would pass its size limit."""
        counts = preview.counts
        todo = [d for d in preview.rows if d.outcome is not Outcome.ALREADY]
        old_map = self.store.exercise_map.get()
        new_map = {**old_map, **preview.mapping}
        if not todo and new_map == old_map:
            return counts
        names = self.names(preview.mapping)
        n = len(todo)
        text = f"Import {n} activit{'ies' if n != 1 else 'y'}"
        before: list[Session] = []
        after: list[Session] = []
        added: list[Session] = []
        for d in todo:
            done = _remapped(d.incoming.session, names)
            if d.outcome is Outcome.MATCHED and d.target is not None:
                before.append(d.target)
                after.append(filled_in(d.target, done))
            else:
                added.append(done)
        after.extend(append_to_days(added, self.store.sessions.on_date))
        self.store.check_room(after)  # NoRoomError before anything changes
        with self.runner.group(text):
            if new_map != old_map and not self.runner.run(
                    StateOp("Remember exercise names", _write_map, old_map, new_map, Changes())):
                raise ImportNotApplied(text)
            if after and not self.runner.run(SessionsOp(text, before, after)):
                raise ImportNotApplied(text)
        return counts


def _remapped(s: Session, names: ExerciseNames) -> Session:
    if not s.exercises:
        return s
    return s.replace(exercises=tuple(names.exercise(e.name, e) for e in s.exercises))


__all__ += ["ImportNotApplied", "NoRoomError", "ReadResult", "read_one"]
