"""The date index agrees with a naive model (a dict by id) under any sequence of apply() calls,
failed saves and reopenings."""

from __future__ import annotations

import datetime as dt
import errno
import shutil
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from planner.domain.enums import Kind
from planner.domain.session import Session
from planner.store.database import open_store
from planner.store.storage import StoreWriteError

DAYS = [dt.date(2026, 3, 2) + dt.timedelta(days=i) for i in range(6)]
TITLES = ["Easy run", "Intervals", "Heavy lower", "Yoga"]


def new_sessions() -> st.SearchStrategy[Session]:
    return st.builds(
        Session, kind=st.just(Kind.RUN), title=st.sampled_from(TITLES),
        duration_min=st.integers(20, 90), rpe=st.just(4.0),
        date=st.sampled_from(DAYS), position=st.integers(0, 3),
    )


def order(sessions):
    return sorted(sessions, key=lambda s: (s.position, s.id))


class SessionIndexMachine(RuleBasedStateMachine):
    @initialize()
    def open(self) -> None:
        self.dir = Path(tempfile.mkdtemp())
        self.store = open_store(self.dir)
        self.model: dict[int, Session] = {}
        self.gone: dict[int, Session] = {}  # deleted, for "undo" to put back

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _draw_change(self, data: st.DataObject) -> tuple[list[int], list[Session]]:
        known = sorted(self.model)
        remove = data.draw(st.lists(st.sampled_from(known), max_size=3)) if known else []
        remove += data.draw(st.lists(st.integers(10_000, 10_010), max_size=1))  # unknown ids
        put: list[Session] = []
        if known:  # edits and moves of live sessions (possibly also removed: a remove+put)
            for i in data.draw(st.lists(st.sampled_from(known), max_size=3)):
                put.append(self.model[i].replace(
                    date=data.draw(st.sampled_from(DAYS)), position=data.draw(st.integers(0, 3)),
                    title=data.draw(st.sampled_from(TITLES))))
        if self.gone:  # undo of a delete
            put += data.draw(st.lists(st.sampled_from(list(self.gone.values())), max_size=2))
        put += data.draw(st.lists(new_sessions(), max_size=3))
        return remove, data.draw(st.permutations(put))

    def _expect(self, remove: list[int], stored: list[Session]) -> None:
        for i in remove:
            if i in self.model:
                self.gone[i] = self.model.pop(i)
        for s in stored:
            self.model[s.id] = s
            self.gone.pop(s.id, None)

    @rule(data=st.data())
    def apply(self, data: st.DataObject) -> None:
        remove, put = self._draw_change(data)
        stored = self.store.sessions.apply(remove=remove, put=put)
        assert [s.replace(id=None) for s in stored] == [s.replace(id=None) for s in put]
        assert all(s.id is not None for s in stored)
        self._expect(remove, stored)

    @rule(data=st.data())
    def apply_fails_on_a_full_disk(self, data: st.DataObject) -> None:
        remove, put = self._draw_change(data)
        put.append(data.draw(new_sessions()))  # an empty change saves nothing, so cannot fail
        full = OSError(errno.ENOSPC, "No space left on device")
        with mock.patch("planner.store.storage.write_atomic", side_effect=full), \
                pytest.raises(StoreWriteError):
            self.store.sessions.apply(remove=remove, put=put)
        # nothing changes: the invariants below compare with the untouched model

    @rule(data=st.data())
    def several_changes_in_one_batch(self, data: st.DataObject) -> None:
        with self.store.batch():
            for _ in range(2):
                remove, put = self._draw_change(data)
                self._expect(remove, self.store.sessions.apply(remove=remove, put=put))

    @rule(day=st.sampled_from(DAYS))
    def a_new_id_is_never_a_deleted_one(self, day: dt.date) -> None:
        probe = Session(kind=Kind.RUN, title="Probe", duration_min=30, rpe=3.0, date=day)
        [stored] = self.store.sessions.apply(put=[probe])
        assert stored.id not in self.model and stored.id not in self.gone
        self._expect([], [stored])

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = open_store(self.dir)
        # The undo history ends with the app, so a deleted session is never put back after a
        # restart; ids only have to stay unique while the app runs.
        self.gone.clear()

    @invariant()
    def index_matches_model(self) -> None:
        repo = self.store.sessions
        for day in DAYS:
            assert repo.on_date(day) == order(s for s in self.model.values() if s.date == day)
        expected_all = sorted(self.model.values(), key=lambda s: (s.date, s.position, s.id))
        assert repo.all() == expected_all
        assert repo.between(DAYS[1], DAYS[3]) == [s for s in expected_all
                                                  if DAYS[1] <= s.date <= DAYS[3]]
        assert len(repo) == len(self.model)
        days = {s.date for s in self.model.values()}
        assert repo.date_range() == ((min(days), max(days)) if days else None)
        for i, s in self.model.items():
            assert repo.exists(i) and repo.get(i) == s
        for i in self.gone:
            assert not repo.exists(i)


SessionIndexMachine.TestCase.settings = settings(
    max_examples=40, stateful_step_count=15, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_session_index_matches_a_naive_model = SessionIndexMachine.TestCase
