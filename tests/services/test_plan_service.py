"""Every gesture through the service: the store holds the result, undo restores, redo repeats."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.enums import Status
from planner.services.changes import Origin
from planner.store.database import open_store
from tests.services.conftest import BUILTINS, MONDAY, run

TUE = MONDAY + dt.timedelta(days=1)
WED = MONDAY + dt.timedelta(days=2)


def titles(store, day):
    return [s.title for s in store.sessions.on_date(day)]


def snapshot(store):
    return [(s.id, s.date, s.position, s.title, s.status) for s in store.sessions.all()]


@pytest.fixture
def week(env):
    """Monday: A, B, C; Tuesday: D."""
    env.plan.add([run("A", MONDAY), run("B", MONDAY), run("C", MONDAY)], MONDAY)
    env.plan.add([run("D", TUE)], TUE)
    env.stack.clear()
    return env


def check_undo_redo(env, before, after):
    assert snapshot(env.store) == after
    env.stack.undo()
    assert snapshot(env.store) == before
    env.stack.redo()
    assert snapshot(env.store) == after


def ids(store, day):
    return [s.id for s in store.sessions.on_date(day)]


def test_add_from_template_at_row_and_undo(week):
    before = snapshot(week.store)
    s = week.plan.add_from_template("heavy-lower", MONDAY, 1)
    assert titles(week.store, MONDAY) == ["A", "Heavy lower body", "B", "C"]
    assert s.exercises == BUILTINS[1].exercises and s.status is Status.PLANNED
    assert week.stack.undoText() == "Add 'Heavy lower body' to Monday"
    check_undo_redo(week, before, snapshot(week.store))
    # redo brings it back under the same id, so later commands still find it
    assert week.store.sessions.get(s.id).title == "Heavy lower body"


@pytest.mark.parametrize(
    ("names", "target", "row", "expect_mon", "expect_target"),
    [
        (["A"], TUE, 0, ["B", "C"], ["A", "D"]),
        (["A"], TUE, -1, ["B", "C"], ["D", "A"]),
        (["B", "C"], WED, -1, ["A"], ["B", "C"]),
        (["A"], MONDAY, 3, ["B", "C", "A"], None),  # reorder: drop after the last card
        (["C"], MONDAY, 0, ["C", "A", "B"], None),
        (["A"], MONDAY, 2, ["B", "A", "C"], None),  # dropped between B and C
    ],
)
def test_move(week, names, target, row, expect_mon, expect_target):
    by_title = {s.title: s.id for s in week.store.sessions.all()}
    before = snapshot(week.store)
    moved = week.plan.move([by_title[n] for n in names], target, row)
    assert [s.title for s in moved] == names
    assert titles(week.store, MONDAY) == expect_mon
    if expect_target is not None:
        assert titles(week.store, target) == expect_target
    # positions stay 0..n-1 on every day
    for day in (MONDAY, TUE, WED):
        assert [s.position for s in week.store.sessions.on_date(day)] == list(range(len(titles(week.store, day))))
    check_undo_redo(week, before, snapshot(week.store))


def test_move_text_names_the_day(week):
    a = week.store.sessions.on_date(MONDAY)[0]
    week.plan.move([a.id], dt.date(2026, 11, 26))
    assert week.stack.undoText() == "Move 'A' to Thursday"


def test_copy_keeps_source_and_resets_status(week):
    a = week.store.sessions.on_date(MONDAY)[0]
    week.plan.edit(a.replace(status=Status.DONE, actual_duration_min=50))
    week.stack.clear()
    before = snapshot(week.store)
    copies = week.plan.copy([a.id], TUE, 0)
    assert titles(week.store, MONDAY) == ["A", "B", "C"]
    assert titles(week.store, TUE) == ["A", "D"]
    assert copies[0].id != a.id and copies[0].status is Status.PLANNED
    assert copies[0].actual_duration_min is None
    check_undo_redo(week, before, snapshot(week.store))


def test_edit_delete_mark(week):
    a, b, c = week.store.sessions.on_date(MONDAY)
    before = snapshot(week.store)
    week.plan.edit(a.replace(title="A2", duration_min=55))
    assert week.store.sessions.get(a.id).duration_min == 55
    check_undo_redo(week, before, snapshot(week.store))

    before = snapshot(week.store)
    week.plan.delete([b.id])
    assert titles(week.store, MONDAY) == ["A2", "C"]
    check_undo_redo(week, before, snapshot(week.store))

    before = snapshot(week.store)
    week.plan.mark_done(c.replace(actual_duration_min=42, actual_rpe=4.5, actual_distance_km=7.5))
    done = week.store.sessions.get(c.id)
    assert done.status is Status.DONE and done.actual_rpe == 4.5
    assert week.stack.undoText() == "Mark 'C' done"
    check_undo_redo(week, before, snapshot(week.store))

    before = snapshot(week.store)
    week.plan.mark_status([a.id], Status.SKIPPED)
    assert week.store.sessions.get(a.id).status is Status.SKIPPED
    check_undo_redo(week, before, snapshot(week.store))


def test_shift_a_day(week):
    a = week.store.sessions.on_date(MONDAY)[0]
    before = snapshot(week.store)
    week.plan.shift([a.id], +1)
    assert titles(week.store, TUE) == ["D", "A"]
    week.plan.shift([a.id], -1)
    assert titles(week.store, MONDAY) == ["B", "C", "A"]
    week.stack.undo()
    week.stack.undo()
    assert snapshot(week.store) == before


def test_paste_copies_of_deleted_sessions(week):
    a = week.store.sessions.on_date(MONDAY)[0]
    week.plan.delete([a.id])
    pasted = week.plan.paste([a], WED)
    assert titles(week.store, WED) == ["A"] and pasted[0].id != a.id


def test_copy_week_and_clear_week(week):
    before = snapshot(week.store)
    new = week.plan.copy_week(MONDAY)
    assert len(new) == 4
    assert titles(week.store, MONDAY + dt.timedelta(days=7)) == ["A", "B", "C"]
    assert titles(week.store, TUE + dt.timedelta(days=7)) == ["D"]
    check_undo_redo(week, before, snapshot(week.store))

    before = snapshot(week.store)
    week.plan.clear_week(MONDAY)
    assert week.store.sessions.between(MONDAY, MONDAY + dt.timedelta(days=6)) == []
    assert len(week.store.sessions.between(MONDAY + dt.timedelta(days=7), MONDAY + dt.timedelta(days=13))) == 4
    check_undo_redo(week, before, snapshot(week.store))


def test_changes_broadcast_once_per_step_with_dates(week):
    a = week.store.sessions.on_date(MONDAY)[0]
    week.rec.changes.clear()
    week.plan.move([a.id], WED)
    week.stack.undo()
    week.stack.redo()
    assert [c.dates for c in week.rec.changes] == [frozenset({MONDAY, WED})] * 3
    assert [(c.origin, c.text) for c in week.rec.changes] == [
        (Origin.DO, "Move 'A' to Wednesday"), (Origin.UNDO, "Move 'A' to Wednesday"),
        (Origin.REDO, "Move 'A' to Wednesday")]


def test_broadcast_comes_after_the_stack_has_moved(week):
    """A listener reading the stack sees the new state: push, undo and redo alike."""
    seen = []
    week.bus.changed.connect(lambda c: seen.append((c.origin.value, week.stack.index(), week.stack.undoText())))
    a = week.store.sessions.on_date(MONDAY)[0]
    week.plan.move([a.id], WED)
    week.stack.undo()
    week.stack.redo()
    assert seen == [("do", 1, "Move 'A' to Wednesday"), ("undo", 0, ""), ("redo", 1, "Move 'A' to Wednesday")]


def test_a_group_is_one_undo_step_and_one_broadcast(week):
    a, b, _ = week.store.sessions.on_date(MONDAY)
    before = snapshot(week.store)
    week.rec.changes.clear()
    with week.runner.group("Apply fix"):
        week.plan.move([a.id], WED)
        week.plan.mark_status([b.id], Status.SKIPPED)
    after = snapshot(week.store)
    assert week.stack.count() == 1 and week.stack.undoText() == "Apply fix"
    assert [(c.text, c.dates) for c in week.rec.changes] == [("Apply fix", frozenset({MONDAY, WED}))]
    check_undo_redo(week, before, after)
    assert [c.origin for c in week.rec.changes] == [Origin.DO, Origin.UNDO, Origin.REDO]


def test_a_group_that_fails_changes_nothing(week):
    a = week.store.sessions.on_date(MONDAY)[0]
    before = snapshot(week.store)
    week.rec.changes.clear()
    with pytest.raises(RuntimeError), week.runner.group("Apply fix"):
        week.plan.move([a.id], WED)
        raise RuntimeError("the fix's second step failed")
    assert snapshot(week.store) == before
    assert week.stack.count() == 0 and week.rec.changes == []


def test_duplicate_says_duplicate(week):
    a = week.store.sessions.on_date(MONDAY)[0]
    week.plan.duplicate([a.id])
    assert week.stack.undoText() == "Duplicate 'A'"
    assert titles(week.store, MONDAY) == ["A", "A", "B", "C"]


def test_changes_are_on_disk_at_once(week):
    a = week.store.sessions.on_date(MONDAY)[0]
    week.plan.move([a.id], WED)
    expected = snapshot(week.store)
    week.store.close()
    reopened = open_store(week.data_dir, BUILTINS)
    try:
        assert snapshot(reopened) == expected
    finally:
        reopened.close()
        week.store = open_store(week.data_dir, BUILTINS)  # let the fixture close something open


def test_failed_save_is_reported_and_not_pushed(week, monkeypatch):
    import planner.store.storage as storage

    def full_disk(*a, **k):
        raise OSError(28, "No space left on device")

    before = snapshot(week.store)
    monkeypatch.setattr(storage, "write_atomic", full_disk)
    a = week.store.sessions.on_date(MONDAY)[0]
    week.plan.move([a.id], WED)
    assert snapshot(week.store) == before
    assert week.stack.count() == 0
    assert "No space left" in week.rec.errors[-1]


def test_library_and_profile_undo(env):
    s = env.plan.add_from_template("easy-run", MONDAY)
    t = env.library.save_as_template(s, "My easy run")
    assert t is not None and any(u.title == "My easy run" for u in env.store.templates.visible())
    env.library.remove_template("rest")
    assert "rest" not in {x.id for x in env.store.templates.visible()}
    env.library.restore_defaults()
    assert "rest" in {x.id for x in env.store.templates.visible()}
    env.stack.undo()
    assert "rest" not in {x.id for x in env.store.templates.visible()}
    env.stack.undo()
    env.stack.undo()
    assert not env.store.templates.user_templates()

    p = env.profile.get()
    env.profile.set(p.replace(body_mass_kg=81.5))
    assert env.store.profile.get().body_mass_kg == 81.5
    env.stack.undo()
    assert env.store.profile.get() == p



def test_copy_week_adds_alongside_or_replaces(week):
    next_mon = MONDAY + dt.timedelta(days=7)
    week.plan.add([run("Long", next_mon)], next_mon)
    week.plan.copy_week(MONDAY, "add")
    assert titles(week.store, next_mon) == ["Long", "A", "B", "C"]
    assert week.stack.undoText() == "Copy the week of 23 Nov to next week"
    week.stack.undo()
    before = snapshot(week.store)
    week.plan.copy_week(MONDAY, "replace")
    assert titles(week.store, next_mon) == ["A", "B", "C"]
    assert week.stack.undoText() == "Replace next week with the week of 23 Nov"
    check_undo_redo(week, before, snapshot(week.store))
