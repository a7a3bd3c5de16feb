"""A store batch that raises leaves every table as it was when the batch began, whether the store
saves at once (the command line) or in the background (the window, where the file may be behind
memory and a rollback to it would lose earlier changes)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.profile import Profile
from planner.store.database import open_store
from tests.store.store_strategies import sessions


class Boom(Exception):
    pass


def _tables(store) -> bytes:
    return orjson.dumps(store.storage.read(), option=orjson.OPT_SORT_KEYS)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.lists(sessions(), max_size=4), put=st.lists(sessions(), min_size=1, max_size=4),
       remove=st.integers(0, 4), fail_after=st.integers(0, 2), background=st.booleans(),
       unsaved=st.booleans())
def test_a_failed_batch_leaves_every_table_as_it_began(before, put, remove, fail_after, background, unsaved):
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp))
        try:
            stored = store.sessions.apply(put=before)
            if background:
                store.storage.start_background()
                if unsaved:  # a change the file does not hold yet
                    store.profile.put(Profile(name="Not yet on disk"))
            start, titles = _tables(store), sorted(s.title for s in store.sessions.all())
            try:
                with store.batch():
                    writes = [lambda: store.sessions.apply(put=put),
                              lambda: store.sessions.apply(remove=[s.id for s in stored[:remove]]),
                              lambda: store.profile.put(Profile(name="Inside the batch"))]
                    for write in writes[:fail_after + 1]:
                        write()
                    raise Boom
            except Boom:
                pass
            assert _tables(store) == start
            assert sorted(s.title for s in store.sessions.all()) == titles  # caches rebuilt too
            store.storage.flush()
            assert orjson.loads(store.path.read_bytes()) == orjson.loads(start)
        finally:
            store.close()
