"""What the calendar draws for findings: the worst severity per session card and per day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from planner.domain.rules.model import Finding, Severity


def _worse(a: Severity | None, b: Severity) -> Severity:
    return b if a is None or b.rank > a.rank else a


def findings_by_session(findings: Iterable[Finding]) -> dict[int, Severity]:
    out: dict[int, Severity] = {}
    for f in findings:
        for i in f.session_ids:
            out[i] = _worse(out.get(i), f.severity)
    return out


def findings_by_date(findings: Iterable[Finding]) -> dict[dt.date, Severity]:
    """Per day, the worst finding listed under it (its last date) or about a session on it."""
    out: dict[dt.date, Severity] = {}
    for f in findings:
        out[f.day] = _worse(out.get(f.day), f.severity)
    return out


def titles_by_session(findings: Iterable[Finding]) -> dict[int, list[str]]:
    """Per session, the titles of the findings that concern it (for a badge's tooltip)."""
    out: dict[int, list[str]] = {}
    for f in findings:
        for i in f.session_ids:
            out.setdefault(i, []).append(f.title)
    return out
