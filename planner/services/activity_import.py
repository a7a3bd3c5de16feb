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
from planner.domain.effort import HeartRates, RecordedHeartRates, with_estimated_effort
from planner.domain.plan_edit import append_to_days
from planner.domain.session import Session
from planner.io.activities import Activity, ActivityFileError, Member, Role, Source, read_source, sources
from planner.io.activities.records import Skipped
from planner.io.activities.sessions import ExerciseNames, sessions_of, unknown_exercises
from planner.services.changes import Changes
from planner.services.heart_rates import athlete_heart_rates, recorded_heart_rates
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
    skipped: tuple[Skipped, ...] = ()  # activities the plan cannot hold, each with its reason
    details: tuple[tuple[str, Activity], ...] = ()  # files Strava's CSV names, by ZIP member label


@dataclass(frozen=True)
class Preview:
    """What applying would do, row by row; `rows` is in date order."""

    rows: tuple[Decision, ...]
    unknown_exercises: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    mapping: Mapping[str, str] = field(default_factory=dict)  # names the user maps in the preview
    effort_basis: str = ""  # the heart rates efforts were estimated with, in words

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


def read_one(src: Source, names: ExerciseNames, tz: dt.tzinfo | None = None,
             details: Mapping[str, Activity] | None = None) -> ReadResult:
    """One file's (or ZIP entry's) sessions; a plain function, so a reading process can run it."""
    if isinstance(src, Member) and src.role == Role.DETAIL:
        return _detail(src)
    parsed = read_source(src, details)
    found, skipped = sessions_of(parsed, names, tz)
    return ReadResult(tuple(found), tuple(unknown_exercises(parsed, names)),
                      tuple(f"{parsed.name}: {n}" for n in parsed.notes), tuple(skipped))


def _detail(src: Member) -> ReadResult:
    """A file Strava's CSV names: only what it adds to its row. Unreadable, the row imports without it."""
    try:
        parsed = read_source(src)
    except ActivityFileError as exc:
        return ReadResult((), notes=(f"{exc} (its row in activities.csv imports without its heart rate)",))
    return ReadResult((), details=((src.label, parsed.activities[0]),) if parsed.activities else ())


Reader = Callable[[Source, ExerciseNames, "dt.tzinfo | None", "Mapping[str, Activity] | None"], ReadResult]


def read_files(paths: Sequence[Path], names: ExerciseNames, tz: dt.tzinfo | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None, read: Reader = read_one) -> ReadResult:
    """Read every file and every activity file inside a ZIP, or raise the first broken file's (or
    refused ZIP's) ActivityFileError: nothing is half read. An activity the plan cannot hold is
    skipped with its reason and the rest are kept."""
    todo = sources(paths)
    found: list[Incoming] = []
    unknown: set[str] = set()
    notes: list[str] = []
    skipped: list[Skipped] = []
    details: dict[str, Activity] = {}
    for i, src in enumerate(todo):
        if cancelled is not None and cancelled():
            raise ImportCancelled
        if progress is not None:
            progress(i, len(todo), src.label if isinstance(src, Member) else src.name)
        csv = isinstance(src, Member) and src.role == Role.CSV
        one = read(src, names, tz, details if csv else None)
        found.extend(one.incoming)
        unknown.update(one.unknown_exercises)
        notes.extend(one.notes)
        skipped.extend(one.skipped)
        details.update(one.details)
    if progress is not None:
        progress(len(todo), len(todo), "")
    return ReadResult(tuple(found), tuple(sorted(unknown)), tuple(notes), tuple(skipped))


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
        items, basis = self._with_effort(read.incoming)
        items.sort(key=lambda i: (i.session.date, i.session.time or dt.time()))
        rows = decide(items, self.store.sessions.on_date, match)
        return Preview(tuple(rows), read.unknown_exercises, read.notes, read.skipped, effort_basis=basis)

    def _with_effort(self, incoming: Sequence[Incoming]) -> tuple[list[Incoming], str]:
        """Each activity's effort from its heart rate (or pace), with the reference heart rates
        estimated from this import too when the profile has none; and those rates in words."""
        profile = self.store.profile.get()
        sessions = [i.session for i in incoming]
        rates = athlete_heart_rates(self.store, sessions)
        basis = ""
        if any(s.avg_hr for s in sessions):
            basis = _basis_words(rates) if rates else _no_basis_words(recorded_heart_rates(self.store, sessions))
        return [Incoming(with_estimated_effort(i.session, rates, profile.sex, profile.easy_pace_s), i.source)
                for i in incoming], basis

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


#: Where the athlete sets their heart rates: the window's dialog, and the command line's options.
SET_HEART_RATES = "in File > Profile, or with profile --max-hr and --resting-hr"


def _basis_words(rates: HeartRates) -> str:
    estimated = f" (set them {SET_HEART_RATES})" if (
        rates.max_estimated or rates.resting_estimated) else ""
    return (f"Effort from heart rate: share of heart-rate reserve (Karvonen 1957) in the ACSM classes "
            f"(Garber 2011), with {rates.words()}{estimated}.")


def _no_basis_words(recorded: RecordedHeartRates) -> str:
    """Why no effort came from heart rate, and what to add so that it does."""
    return (f"Effort not estimated from heart rate: {recorded.shortfall()}. Add your age or your maximum "
            f"heart rate in File > Profile, or with profile --age or --max-hr; until then these activities "
            f"keep the default effort, or one from pace against your easy pace.")


def _remapped(s: Session, names: ExerciseNames) -> Session:
    if not s.exercises:
        return s
    return s.replace(exercises=tuple(names.exercise(e.name, e) for e in s.exercises))


__all__ += ["ImportNotApplied", "NoRoomError", "ReadResult", "read_one"]
