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
    assert "<li>Plank 3 × 60 s</li>" in surfaces["card"]  # the tooltip's list of lifts
    assert calendar_words(units).splitlines()[2:] == ["Plank 3 × 60 s", "Dead bug 2 × 10"]
    assert "    Plank 3 × 60 s\n    Dead bug 2 × 10\n" in surfaces["report"]


EASY = Session(kind=Kind.RUN, type="easy", title="Easy run", duration_min=50, rpe=3, id=6, distance_km=9.0,
               target="Z2, 5:40/km", date=MONDAY + dt.timedelta(days=2))
LEGS = Session(kind=Kind.LIFT, type="lower", title="Legs", duration_min=60, rpe=8, id=7,
               date=MONDAY + dt.timedelta(days=3),
               exercises=(Exercise("Back squat", (WorkSet(5, 90, rpe=8),) * 3),
                          Exercise("Romanian deadlift", (WorkSet(8, 65, rir=2),) * 3)))


def week_between(first: dt.date, last: dt.date) -> list[Session]:
    return [s for s in (CORE, EASY, LEGS) if first <= s.date <= last]


def every_surface(units: Units, tmp_path) -> dict[str, str]:
    from planner.io.printed_extras import available_extras

    profile = Profile(name="Sam", units=units)
    week = build_printed_week(MONDAY, week_between, profile, available_extras())
    write_pdf(tmp_path / "week.pdf", [week], Paper.LETTER)
    page = " ".join(unicodedata.normalize("NFKC", "".join(
        p.extract_text() for p in PdfReader(tmp_path / "week.pdf").pages)).split())
    ics = ics_bytes([EASY, LEGS], units, dt.datetime(2026, 11, 20, tzinfo=dt.UTC)).decode()
    calendar = "\n".join(str(e["DESCRIPTION"]) for e in Calendar.from_ical(ics).walk("VEVENT"))
    report = to_text(build_report(context_for_week(MONDAY, week_between, profile)), units)
    cards = "\n".join("\n".join(card_text(s, units, MONDAY).lines) + tooltip(s, units, MONDAY) for s in (EASY, LEGS))
    return {"page": page, "calendar file": calendar, "report": report, "card": cards}


def test_imperial_speaks_miles_pounds_minutes_per_mile_and_fluid_ounces(qapp, tmp_path):
    """5:40/km x 1.609344 = 9:07/mi; 9 km = 5.59 mi; 90 kg = 198.42 lb -> 197.5 lb and 65 kg =
    143.30 lb -> 142.5 lb (2.5 lb steps)."""
    surfaces = every_surface(Units.IMPERIAL, tmp_path)
    for name, text in surfaces.items():
        assert "5.59 mi" in text, name
        assert "9:07/mi" in text or name == "report", name  # the report's table has no targets
        assert "Back squat 3 × 5 @ 197.5 lb RPE 8" in text, name
        assert "Romanian deadlift 3 × 8 @ 142.5 lb RIR 2" in text, name
        for metric in ("/km", " km", " kg", "198.42", "143.3"):
            assert metric not in text, (name, metric)
    assert "Target Z2, 9:07/mi" in surfaces["page"] and "Target Z2, 9:07/mi" in surfaces["calendar file"]
    # a rest day: the EFSA midpoint 2.25 L / 0.0295735 L = 76.08 -> 76 fl oz
    assert "Fluid 76 fl oz" in surfaces["page"] and ", fluid 76 fl oz, " in surfaces["report"]
    for name in ("page", "report"):
        assert " L " not in surfaces[name] and " L," not in surfaces[name], name


def test_metric_stays_metric(qapp, tmp_path):
    surfaces = every_surface(Units.METRIC, tmp_path)
    for name, text in surfaces.items():
        assert "9 km" in text and ("5:40/km" in text or name == "report"), name
        assert "Back squat 3 × 5 @ 90 kg RPE 8" in text and "Romanian deadlift 3 × 8 @ 65 kg RIR 2" in text, name
        assert " lb" not in text and "/mi" not in text and "fl oz" not in text, name
    assert "Fluid 2.25 L" in surfaces["page"] and ", fluid 2.25 L, " in surfaces["report"]
