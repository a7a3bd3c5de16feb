"""One set of words on every surface a person reads: the card, its tooltip, the printed page (read
back from the PDF), the calendar file and `report`. A timed set once read "Plank 3 × 0" on paper
and in calendar files while the tooltip said "3 × 60 s"."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from planner.domain.enums import Kind, Units
from planner.domain.profile import Profile
from planner.domain.session import Exercise, Session, WorkSet
from planner.io.ics_export import ics_bytes
from planner.io.paper import Paper
from planner.io.printed_week import build_printed_week
from planner.io.report import build_report, context_for_week, to_text
from planner.ui.printing.render import write_pdf
from planner.words.cards import card_text, tooltip

MONDAY = dt.date(2026, 11, 23)
CORE = Session(kind=Kind.LIFT, type="core", title="Core circuit", duration_min=20, rpe=5, id=5,
               date=MONDAY + dt.timedelta(days=1),
               exercises=(Exercise("Plank", (WorkSet(0, seconds=60),) * 3),
                          Exercise("Dead bug", (WorkSet(10),) * 2)))


def between(first: dt.date, last: dt.date) -> list[Session]:
    return [s for s in (CORE,) if first <= s.date <= last]


def card_words(units: Units) -> str:
    return "\n".join(card_text(CORE, units, MONDAY).lines) + "\n" + tooltip(CORE, units, MONDAY)


def page_words(units: Units, tmp_path) -> str:
    week = build_printed_week(MONDAY, between, Profile(name="Sam", units=units))
    write_pdf(tmp_path / "week.pdf", [week], Paper.A4)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "week.pdf").pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def calendar_words(units: Units) -> str:
    event = next(iter(Calendar.from_ical(ics_bytes([CORE], units, dt.datetime(2026, 11, 20, tzinfo=dt.UTC)))
                      .walk("VEVENT")))
    return str(event["DESCRIPTION"])


def report_words(units: Units) -> str:
    return to_text(build_report(context_for_week(MONDAY, between, Profile(units=units))), units)


@pytest.mark.parametrize("units", list(Units))
def test_a_timed_set_reads_in_seconds_on_every_surface(qapp, tmp_path, units):
    surfaces = {"card": card_words(units), "page": page_words(units, tmp_path),
                "calendar file": calendar_words(units), "report": report_words(units)}
    for name, text in surfaces.items():
        assert "Plank 3 × 60 s" in text, name
        assert "3 × 0" not in text, name
        assert "Dead bug 2 × 10" in text, name
    assert "Plank: 3 × 60 s" in surfaces["card"]  # the tooltip's list of lifts
    assert calendar_words(units).splitlines()[2:] == ["Plank 3 × 60 s", "Dead bug 2 × 10"]
    assert "    Plank 3 × 60 s\n    Dead bug 2 × 10\n" in surfaces["report"]
