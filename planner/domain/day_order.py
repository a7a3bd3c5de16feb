"""The order of one day's sessions as the calendar shows it and every gesture counts it.

Timed sessions read in time order; untimed ones keep the place the user gave them. So the untimed
sessions stay in their slots of the user's order (by position), and the timed sessions fill the
other slots sorted by time (ties keep the user's order). "Yoga (untimed), Run 18:00, Lift 07:00"
becomes "Yoga, Lift 07:00, Run 18:00".
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.domain.session import Session


def day_order(sessions: Iterable[Session]) -> list[Session]:
    by_position = sorted(sessions, key=lambda s: (s.position, s.id or 0))
    timed = iter(sorted((s for s in by_position if s.time is not None), key=lambda s: s.time))  # type: ignore[arg-type, return-value]
    return [next(timed) if s.time is not None else s for s in by_position]
