"""What the plan check finds and what it suggests: plain values, shared by the window and the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from planner.domain.enums import Status
from planner.domain.intensity import heavy_legs, is_hard_day
from planner.domain.one_rep_max import known_maxes, stated_lifts
from planner.domain.profile import Profile, ReadinessEntry
from planner.domain.session import Session, Template

if TYPE_CHECKING:  # numpy comes with it: loaded when a check runs, not at start-up
    from planner.domain.load_history import LoadHistory


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ALERT = "alert"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "alert": 2}[self.value]


class FixKind(StrEnum):
    MOVE = "move"  # move the sessions to `date` (end of that day, times kept)
    MAKE_EASY = "make_easy"  # runs become easy runs at RPE 4 (easy is RPE <= 4, Seiler 2010)
    SHORTEN = "shorten"  # a run cut to `distance_km`, its minutes in proportion
    SWAP_UPPER = "swap_upper"  # a lower-body lift replaced by an upper-body or core lift
    ADD_MOBILITY = "add_mobility"  # a mobility session added on `date`
    ADD_LIFT = "add_lift"  # a lift (`focus`) added on `date`
    ADD_RUN = "add_run"  # an easy run added on `date`
    DELOAD = "deload"  # the planned sessions of the week starting `date` at ~60 % of their volume
    REORDER = "reorder"  # two sessions of one day trade places (and start times)


@dataclass(frozen=True, slots=True)
class Fix:
    """A concrete change, in words and as data (planner/services/fixes.py applies it)."""

    kind: FixKind
    text: str
    session_ids: tuple[int, ...] = ()
    date: dt.date | None = None
    distance_km: float | None = None
    template_id: str = ""  # for SWAP_UPPER and the ADD kinds: the library entry to use
    share: float = 0.6  # for DELOAD: the share of each planned session's volume that is kept

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "text": self.text, "session_ids": list(self.session_ids)}
        if self.date is not None:
            out["date"] = self.date.isoformat()
        if self.distance_km is not None:
            out["distance_km"] = self.distance_km
        if self.template_id:
            out["template_id"] = self.template_id
        if self.kind is FixKind.DELOAD:
            out["share"] = self.share
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the plan check reads in the plan. `message` is the reason in plain words and
    ends with its source; `source` repeats the citation for lists that show it apart."""

    rule: str
    severity: Severity
    title: str
    message: str
    source: str
    dates: tuple[dt.date, ...]
    session_ids: tuple[int, ...] = ()
    fixes: tuple[Fix, ...] = ()
    #: Which of a rule's kinds of finding this is, when the rule has several (goal-mismatch: what
    #: the week lacks); fixes read it, never the title.
    variant: StrEnum | None = None

    @property
    def day(self) -> dt.date:
        """The day the finding is listed under: its last date."""
        return self.dates[-1]

    def key(self) -> tuple[str, tuple[int, ...], tuple[dt.date, ...]]:
        return self.rule, tuple(sorted(self.session_ids)), self.dates

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "dates": [d.isoformat() for d in self.dates],
            "session_ids": list(self.session_ids),
            "message": self.message,
            "fixes": [f.to_json() for f in self.fixes],
        }


@dataclass(frozen=True)
class PlanWindow:
    """What the rules read: sessions by day (from `first - LOOKBACK_DAYS` to `last + 7`), the
    profile, readiness entries by day, and the load history (None: the load rules stay silent).

    Findings are reported when their last date falls in `first..last`.
    """

    first: dt.date
    last: dt.date
    sessions: Mapping[dt.date, Sequence[Session]]
    profile: Profile = field(default_factory=Profile)
    readiness: Mapping[dt.date, ReadinessEntry] = field(default_factory=dict)
    history: LoadHistory | None = None
    today: dt.date | None = None
    templates: Sequence[Template] = ()  # the library, for fixes that add or swap a session
    #: Known 1RMs in kg by casefolded exercise name; None: the profile's stated lifts, else the best
    #: Epley estimates from the done sets in the window (planner/domain/one_rep_max.py).
    one_rep_max: Mapping[str, float] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "_counted", {
            d: [s for s in ss if s.status is not Status.SKIPPED] for d, ss in self.sessions.items()})
        if self.one_rep_max is None:
            done = (s for d, ss in self.sessions.items() if d <= self.last for s in ss)
            object.__setattr__(self, "one_rep_max", known_maxes(done, stated_lifts(self.profile.generated_block)))

    def heavy_legs(self, s: Session) -> bool:
        """Heavy lower body, a set's load judged against the known 1RMs when it carries no RPE or RIR."""
        return heavy_legs(s, self.one_rep_max)

    def hard_day(self, day: Sequence[Session]) -> bool:
        return is_hard_day(day, self.one_rep_max)

    def on(self, day: dt.date) -> list[Session]:
        """The day's sessions that count (skipped ones are left out), in the day's order."""
        return self._counted.get(day, [])  # type: ignore[attr-defined, no-any-return]

    def days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]

    def in_range(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def editable(self, s: Session) -> bool:
        """A fix may change a session only while it is planned and not in the past."""
        return s.id is not None and is_open(s, self.today)

    def with_sessions(self, sessions: Mapping[dt.date, Sequence[Session]]) -> PlanWindow:
        return PlanWindow(self.first, self.last, sessions, self.profile, self.readiness, None, self.today,
                          self.templates, self.one_rep_max)


def is_open(s: Session, today: dt.date | None) -> bool:
    """Planned and not in the past: what a fix may change."""
    return s.status is Status.PLANNED and (today is None or s.date >= today)


#: Days before `first` the rules look back: a 30-day break and the 30 days before it for a
#: comeback run, 30 for the single-run spike (Frandsen 2025), 3 weeks before the first week for the
#: weekly change, 21 for the readiness trend, 14 for the easy:hard split, 6 for a rest-day streak.
LOOKBACK_DAYS = 70
LOOKAHEAD_DAYS = 7

Rule = Callable[[PlanWindow], list[Finding]]


def week_finding(rule: str, severity: Severity, title: str, text: str, source: str, monday: dt.date) -> Finding:
    """A finding about the ISO week starting `monday`, its message ending with its source."""
    return Finding(rule, severity, title, f"{text} ({source})", source, (monday, monday + dt.timedelta(days=6)))


def ids(sessions: Sequence[Session]) -> tuple[int, ...]:
    return tuple(s.id for s in sessions if s.id is not None)


class Scope(StrEnum):
    """What a rule reads: the sessions around a day (re-read on a copy of the plan when a fix is
    tried), or the load history (read as it is: a fix is not tried against it)."""

    SESSIONS = "sessions"
    LOAD = "load"


FindFixes = Callable[[Finding, list[Session], "PlanWindow"], list[Fix]]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One plan-check rule, registered once (planner/domain/rules/registry.py).

    `find` reads a window and the findings of the rules registered before it (a rule can leave out
    what an earlier one already said); `fixes` makes the candidate fixes for one of its findings;
    `about_days`: its findings are about a stretch of days, not a set of sessions (a fix that moves
    the sessions does not make them a different finding)."""

    id: str
    scope: Scope
    find: Callable[[PlanWindow, Sequence[Finding]], list[Finding]]
    fixes: FindFixes | None = None
    about_days: bool = False
