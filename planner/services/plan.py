"""Plan use cases: add, move, copy, paste, edit, delete, mark done/skipped, copy and clear a week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from planner.domain import plan_match
from planner.domain.enums import Status
from planner.domain.plan_edit import as_new_plan, end_of_day, insert_into_day, renumber
from planner.domain.plan_match import CopyMode
from planner.domain.session import Session
from planner.services.operations import SessionsOp
from planner.services.runner import Runner
from planner.words.labels import day_name


def _quote(sessions: Sequence[Session]) -> str:
    if len(sessions) == 1:
        return f"'{sessions[0].title}'"
    return f"{len(sessions)} sessions"


class PlanService:
    """The gestures on sessions, each one operation run through the runner (undoable in the
    window, applied at once on the command line). Methods return the sessions as stored."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.store = runner.store

    # -- plumbing ------------------------------------------------------------------------------
    def _replace(self, text: str, before: Iterable[Session], after: Iterable[Session]) -> list[Session]:
        op = SessionsOp(text, list(before), list(after))
        return op.after if self.runner.run(op) else []

    def _day(self, day: dt.date) -> list[Session]:
        return self.store.sessions.on_date(day)

    def _get(self, ids: Iterable[int]) -> list[Session]:
        got = [self.store.sessions.get(i) for i in dict.fromkeys(ids)]
        got.sort(key=lambda s: (s.date, s.position))
        return got

    def _days_of(self, sessions: Iterable[Session], *extra: dt.date) -> dict[dt.date, list[Session]]:
        days = {s.date for s in sessions} | set(extra)
        return {d: self._day(d) for d in sorted(days)}

    # -- gestures ------------------------------------------------------------------------------
    def add(self, sessions: Sequence[Session], date: dt.date, row: int = -1, text: str = "") -> list[Session]:
        """Put new sessions (no ids) on `date` at `row`; returns them as stored."""
        if not sessions:
            return []
        day = self._day(date)
        fresh = [as_new_plan(s, date) if s.id is not None else s.replace(date=date) for s in sessions]
        after = insert_into_day(day, fresh, date, row)
        text = text or f"Add {_quote(fresh)} to {day_name(date)}"
        old_ids = {s.id for s in day}
        return [s for s in self._replace(text, day, after) if s.id not in old_ids]

    def add_placed(self, sessions: Sequence[Session], text: str) -> list[Session]:
        """New sessions that already carry their dates and positions (an imported plan, the demo
        block), stored as one undoable change."""
        return self._replace(text, [], sessions) if sessions else []

    def add_from_template(self, template_id: str, date: dt.date, row: int = -1) -> Session | None:
        t = self.store.templates.get(template_id)
        out = self.add([t.to_session(date)], date, row)
        return out[0] if out else None

    def move(self, ids: Iterable[int], date: dt.date, row: int = -1) -> list[Session]:
        moving = self._get(ids)
        if not moving:
            return []
        days = self._days_of(moving, date)
        before = [s for day in days.values() for s in day]
        after_target = insert_into_day(days[date], moving, date, row)
        moving_ids = {s.id for s in moving}
        after = list(after_target)
        for d, day in days.items():
            if d != date:
                after.extend(renumber([s for s in day if s.id not in moving_ids]))
        same_day = all(s.date == date for s in moving)
        verb = "Reorder" if same_day else "Move"
        where = "" if same_day else f" to {day_name(date)}"
        stored = self._replace(f"{verb} {_quote(moving)}{where}", before, after)
        return [s for s in stored if s.id in moving_ids]

    def copy(self, ids: Iterable[int], date: dt.date, row: int = -1) -> list[Session]:
        sources = self._get(ids)
        return self.add(sources, date, row, text=f"Copy {_quote(sources)} to {day_name(date)}")

    def paste(self, sessions: Sequence[Session], date: dt.date, row: int = -1) -> list[Session]:
        return self.add(sessions, date, row, text=f"Paste {_quote(sessions)} on {day_name(date)}")

    def duplicate(self, ids: Iterable[int]) -> list[Session]:
        """Copies of the sessions right after the last of them, on its day."""
        sources = self._get(ids)
        if not sources:
            return []
        last = sources[-1]
        return self.add(sources, last.date, last.position + 1, text=f"Duplicate {_quote(sources)}")

    def shift(self, ids: Iterable[int], days: int) -> list[Session]:
        """Move each selected session `days` days later (earlier when negative), to the end of that day."""
        moving = self._get(ids)
        if not moving:
            return []
        targets = {s.id: s.date + dt.timedelta(days=days) for s in moving}
        all_days = self._days_of(moving, *targets.values())
        before = [s for day in all_days.values() for s in day]
        moving_ids = set(targets)
        new_days = {d: [s for s in day if s.id not in moving_ids] for d, day in all_days.items()}
        for s in moving:
            new_days[targets[s.id]].append(s.replace(date=targets[s.id]))
        after = [s for day in new_days.values() for s in renumber(day)]
        direction = "next" if days > 0 else "previous"
        stored = self._replace(f"Move {_quote(moving)} to the {direction} day", before, after)
        return [s for s in stored if s.id in moving_ids]

    def edit(self, session: Session, text: str = "") -> Session | None:
        old = self.store.sessions.get(session.id) if session.id is not None else None
        if old is None or old == session:
            return old
        if old.date != session.date:  # an edited date moves the card to the end of that day
            session = session.replace(position=end_of_day(self._day(session.date)))
        out = self._replace(text or f"Edit '{session.title}'", [old], [session])
        return out[0] if out else None

    def mark_done(self, session: Session) -> Session | None:
        return self.edit(session.replace(status=Status.DONE), f"Mark '{session.title}' done")

    def mark_status(self, ids: Iterable[int], status: Status) -> list[Session]:
        old = self._get(ids)
        new = [s.replace(status=status) for s in old]
        if old == new:
            return old
        word = {Status.DONE: "done", Status.SKIPPED: "skipped", Status.PLANNED: "planned"}[status]
        return self._replace(f"Mark {_quote(old)} {word}", old, new)

    def delete(self, ids: Iterable[int]) -> None:
        gone = self._get(ids)
        if not gone:
            return
        days = self._days_of(gone)
        before = [s for day in days.values() for s in day]
        gone_ids = {s.id for s in gone}
        after = [s for day in days.values() for s in renumber([x for x in day if x.id not in gone_ids])]
        self._replace(f"Delete {_quote(gone)}", before, after)

    def copy_week(self, first: dt.date, mode: CopyMode | str = CopyMode.ADD) -> list[Session]:
        """Copy the week starting `first` onto the following week: after what is there already
        (add), or instead of it (replace). Returns the copies as stored."""
        mode = CopyMode(mode)
        last = first + dt.timedelta(days=6)
        sources = self.store.sessions.between(first, last)
        if not sources:
            return []
        target = self.store.sessions.between(first + dt.timedelta(days=7), last + dt.timedelta(days=7))
        remove, after = plan_match.copy_week(sources, target, mode)  # `after` holds what is kept too
        verb = "Replace next week with" if mode is CopyMode.REPLACE and remove else "Copy"
        kept = {s.id for s in target}
        text = f"{verb} the week of {first:%d %b}" + (" to next week" if verb == "Copy" else "")
        stored = self._replace(text, target, after)
        return [s for s in stored if s.id not in kept]

    def clear_week(self, first: dt.date) -> None:
        sessions = self.store.sessions.between(first, first + dt.timedelta(days=6))
        if sessions:
            self._replace(f"Clear week of {first:%d %b}", sessions, [])
