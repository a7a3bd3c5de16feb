"""Every entity survives encode -> JSON -> decode, and a close + reopen of the store, unchanged."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.profile import Profile
from planner.domain.session import Session, Template
from planner.store import codec
from planner.store.database import open_store
from tests.store.store_strategies import (
    nutrition_logs,
    profiles,
    readiness_entries,
    sessions,
    templates,
)

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def through_json(doc: dict) -> dict:
    """The document as the file holds it: orjson out and back in, like the storage does."""
    return orjson.loads(orjson.dumps(doc))


@SETTINGS
@given(sessions(with_id=True))
def test_session_codec_round_trip(s: Session) -> None:
    assert codec.session_from_doc(through_json(codec.session_to_doc(s)), s.id) == s


@SETTINGS
@given(templates())
def test_template_codec_round_trip(t: Template) -> None:
    assert codec.template_from_doc(through_json(codec.template_to_doc(t))) == t


@SETTINGS
@given(profiles)
def test_profile_codec_round_trip(p) -> None:
    assert codec.profile_from_doc(through_json(codec.profile_to_doc(p))) == p


@SETTINGS
@given(readiness_entries, nutrition_logs)
def test_day_log_codec_round_trip(r, n) -> None:
    assert codec.readiness_from_doc(through_json(codec.readiness_to_doc(r))) == r
    assert codec.nutrition_from_doc(through_json(codec.nutrition_to_doc(n))) == n


def test_time_of_day_keeps_seconds_but_minutes_stay_short() -> None:
    s = Session(kind="run", title="Run", duration_min=30, rpe=3, date=dt.date(2026, 1, 5))
    assert codec.session_to_doc(s.replace(time=dt.time(6, 30)))["time"] == "06:30"
    exact = s.replace(time=dt.time(6, 30, 15, 250))
    assert codec.session_from_doc(codec.session_to_doc(exact)).time == dt.time(6, 30, 15, 250)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    put=st.lists(sessions(), max_size=8),
    profile=st.none() | profiles,
    user_templates=st.lists(templates(), max_size=3, unique_by=lambda t: t.id),
    hidden=st.sets(st.sampled_from(["easy-run", "long-run", "yoga"])),
    readiness=st.lists(readiness_entries, max_size=3, unique_by=lambda r: r.date),
    nutrition=st.lists(nutrition_logs, max_size=3, unique_by=lambda n: n.date),
)
def test_store_close_and_reopen_returns_equal_objects(
    put, profile, user_templates, hidden, readiness, nutrition
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        store = open_store(data_dir)
        try:
            stored = store.sessions.apply(put=put)
            if profile is not None:
                store.profile.put(profile)
            store.templates.set_state(user_templates, hidden)
            for r in readiness:
                store.readiness.put(r.date, r)
            for n in nutrition:
                store.nutrition.put(n.date, n)
        finally:
            store.close()

        assert [s.replace(id=None) for s in stored] == put
        reopened = open_store(data_dir)
        try:
            assert sorted(reopened.sessions.all(), key=lambda s: s.id) == sorted(
                stored, key=lambda s: s.id)
            for s in stored:
                assert reopened.sessions.get(s.id) == s
                assert s in reopened.sessions.on_date(s.date)
            assert reopened.profile.get() == (profile or Profile())
            assert reopened.templates.user_templates() == user_templates
            assert reopened.templates.hidden() == hidden
            assert reopened.readiness.all() == sorted(readiness, key=lambda r: r.date)
            assert reopened.nutrition.all() == sorted(nutrition, key=lambda n: n.date)
        finally:
            reopened.close()
