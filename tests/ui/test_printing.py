"""The printed week as a PDF: every session's words and numbers are in it, nothing falls off the page."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from pypdf import PdfReader

from planner.domain.enums import Kind, Status, Units, WeekStart
from planner.domain.profile import Profile
from planner.domain.session import Exercise, Session, WorkSet
from planner.io.paper import Paper
from planner.io.printed_week import DayNutrition, Extras, Finding, build_printed_week, build_printed_weeks
from planner.ui.printing.render import write_pdf
from planner.ui.printing.week_page import SCALES, WeekPage

MONDAY = dt.date(2026, 11, 23)
A4_LANDSCAPE = (842, 595)  # points: 297 x 210 mm
LETTER_LANDSCAPE = (792, 612)  # 11 x 8.5 in


def between_of(sessions):
    return lambda first, last: [s for s in sessions if first <= s.date <= last]


def flat(text: str) -> str:
    """NFKC (ligatures, if any, back to letters) and every run of white space as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_pages(path) -> list[str]:
    return [flat(p.extract_text()) for p in PdfReader(path).pages]


def placed_text(page) -> list[tuple[str, float, float]]:
    """(text, x, y) of every piece of text drawn, in PDF points from the page's bottom-left."""
    found = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            # pypdf gives the text matrix and the current matrix; their product places the text
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text, x, y))

    page.extract_text(visitor_text=visit)
    return found


def sample_week() -> list[Session]:
    squat = Exercise("Back squat", (WorkSet(5, 60, warmup=True),) + (WorkSet(5, 102.5, rpe=8),) * 4)
    rdl = Exercise("Romanian deadlift", (WorkSet(8, 82.5, rir=2),) * 3)
    return [
        Session(kind=Kind.RUN, type="intervals", title="Intervals 6 x 800 m", duration_min=55, rpe=8,
                distance_km=9.5, target="4:15/km", date=MONDAY + dt.timedelta(1), id=1, time=dt.time(7, 0)),
        Session(kind=Kind.LIFT, type="lower", title="Heavy lower body", duration_min=70, rpe=8,
                exercises=(squat, rdl), date=MONDAY + dt.timedelta(2), id=2, time=dt.time(7, 0)),
        Session(kind=Kind.MOBILITY, type="yoga", title="Yoga flow", duration_min=30, rpe=2,
                date=MONDAY + dt.timedelta(4), id=3, status=Status.DONE, actual_duration_min=35),
        Session(kind=Kind.RUN, type="long", title="Long run", duration_min=105, rpe=5, distance_km=18.4,
                target="Z2", date=MONDAY + dt.timedelta(6), id=4),
    ]


def test_week_pdf_holds_every_title_and_key_number(qapp, tmp_path):
    week = build_printed_week(MONDAY, between_of(sample_week()), Profile(name="Alex Runner"))
    pages = write_pdf(tmp_path / "w.pdf", [week], Paper.A4)
    [text] = pdf_pages(tmp_path / "w.pdf")
    assert pages == 1
    for words in [
        "Week 2026-W48", "Mon 23 Nov 2026 – Sun 29 Nov 2026", "Alex Runner", "Goal: Balanced hybrid",
        "07:00 Intervals 6 x 800 m", "55 min · 9.5 km · RPE 8", "Target 4:15/km",
        "Heavy lower body", "Back squat 4 × 5 @ 102.5 kg RPE 8 (+1 warm-up)",
        "Romanian deadlift 3 × 8 @ 82.5 kg RIR 2",
        # 4 x 5 x 102.5 + 3 x 8 x 82.5 = 2,050 + 1,980 = 4,030 kg
        "Volume 4,030 kg",
        "Yoga flow", "Done: 35 min", "Long run", "1 h 45 · 18.4 km · RPE 5", "Target Z2",
        # totals: 9.5 + 18.4 = 27.9 km in 55 + 105 = 160 min; time 55 + 70 + 35 + 105 = 265 min
        "Running: 27.9 km in 2 h 40 (2 runs)", "Lifting: 4,030 kg volume load in 1 h 10 (1 session)",
        "Training time: 4 h 25", "Notes", "Tue 24 Nov", "Sun 29 Nov", "(McBride 2009)",
    ]:
        assert words in text, words
    assert "Plan check" not in text and "nutrition" not in text  # hooks not given: left off
    raw = PdfReader(tmp_path / "w.pdf").pages[0].extract_text()  # before NFKC would hide a ligature
    assert "Yoga flow" in " ".join(raw.split()) and "\ufb02" not in raw and "\ufb01" not in raw


def test_pdf_is_landscape_a4_or_letter(qapp, tmp_path):
    week = build_printed_week(MONDAY, between_of([]), Profile())
    for paper, size in ((Paper.A4, A4_LANDSCAPE), (Paper.LETTER, LETTER_LANDSCAPE)):
        write_pdf(tmp_path / f"{paper}.pdf", [week], paper)
        box = PdfReader(tmp_path / f"{paper}.pdf").pages[0].mediabox
        assert (round(box.width), round(box.height)) == size


def test_units_follow_the_profile(qapp, tmp_path):
    week = build_printed_week(MONDAY, between_of(sample_week()), Profile(units=Units.IMPERIAL))
    write_pdf(tmp_path / "i.pdf", [week], Paper.LETTER)
    [text] = pdf_pages(tmp_path / "i.pdf")
    # 9.5 km / 1.609344 = 5.90 mi; 102.5 kg / 0.45359237 = 225.97 lb -> 225 lb, the nearest 2.5 lb;
    # 82.5 kg = 181.88 lb -> 182.5 lb; the target 4:15/km x 1.609344 = 6:50/mi
    assert "55 min · 5.9 mi · RPE 8" in text and "Target 6:50/mi" in text and " km" not in text
    assert "4 × 5 @ 225 lb RPE 8" in text and "3 × 8 @ 182.5 lb RIR 2" in text and "225.97" not in text


def test_sunday_week_prints_dates_instead_of_an_iso_week(qapp, tmp_path):
    [week] = build_printed_weeks(MONDAY, 1, between_of([]), Profile(week_start=WeekStart.SUN))
    write_pdf(tmp_path / "s.pdf", [week], Paper.A4)
    [text] = pdf_pages(tmp_path / "s.pdf")
    assert "Week of Sun 22 Nov 2026" in text and "W48" not in text
    columns = text[text.index("Goal"):]  # the day headings, after the header's dates
    assert columns.index("Sun 22 Nov") < columns.index("Mon 23 Nov") < columns.index("Sat 28 Nov")


def test_hooks_print_nutrition_load_totals_and_findings(qapp, tmp_path):
    extras = Extras(
        nutrition=lambda days, between, p: {d: DayNutrition(carb_g=300 + i, protein_g=130, fluid_l=2.5)
                                            for i, d in enumerate(days)},
        load=lambda first, between, p: [("Acute:chronic", "1.12 (EWMA)")],
        findings=lambda first, between, p: [Finding("Warning", "Heavy lower body the day before intervals",
                                                    MONDAY + dt.timedelta(2))],
    )
    week = build_printed_week(MONDAY, between_of(sample_week()), Profile(), extras)
    write_pdf(tmp_path / "h.pdf", [week], Paper.A4)
    [text] = pdf_pages(tmp_path / "h.pdf")
    assert "Daily nutrition targets" in text
    assert all(f"Carbs {300 + i} g" in text for i in range(7))
    assert "Acute:chronic: 1.12 (EWMA)" in text
    assert "Plan check" in text and "Warning (Wed): Heavy lower body the day before intervals" in text


def crowded_week(per_day: int = 4, notes: str = "") -> list[Session]:
    sessions, n = [], 0
    for d in range(7):
        for p in range(per_day):
            n += 1
            exercises = tuple(Exercise(f"Exercise {n}-{k} with a long descriptive name", (WorkSet(8, 40 + k),) * 3)
                              for k in range(4)) if p % 2 else ()
            sessions.append(Session(
                kind=Kind.LIFT if p % 2 else Kind.RUN, type="full" if p % 2 else "tempo",
                title=f"Session {n:02d} with a rather long title that has to wrap over several lines",
                duration_min=40 + p, rpe=6, distance_km=None if p % 2 else 5 + d, target="" if p % 2 else "Z3",
                exercises=exercises, notes=notes, date=MONDAY + dt.timedelta(d), id=n, position=p,
                time=dt.time(6 + 3 * p, 30)))
    return sessions


def test_crowded_week_loses_nothing_and_stays_on_the_page(qapp, tmp_path):
    sessions = crowded_week()
    week = build_printed_week(MONDAY, between_of(sessions), Profile())
    pages = write_pdf(tmp_path / "c.pdf", [week], Paper.A4)
    text = " ".join(pdf_pages(tmp_path / "c.pdf"))
    for s in sessions:
        assert f"{s.time:%H:%M} {s.title}" in text
        assert f"{s.duration_min} min" in text
        for e in s.exercises:
            assert f"{e.name} 3 × 8 @ {e.sets[0].load_kg:g} kg" in text
    assert pages >= 1
    _assert_on_page(tmp_path / "c.pdf")


def test_a_week_too_long_for_one_sheet_goes_on_over_more(qapp, tmp_path):
    notes = "Keep the effort honest and the form clean. " * 12
    sessions = crowded_week(per_day=5, notes=notes)
    week = build_printed_week(MONDAY, between_of(sessions), Profile())
    pages = write_pdf(tmp_path / "l.pdf", [week], Paper.A4)
    texts = pdf_pages(tmp_path / "l.pdf")
    assert pages == len(texts) > 1
    assert "Week 2026-W48 (continued)" in texts[1] and f"Page 2 of {pages}" in texts[1]
    joined = " ".join(texts)
    for s in sessions:
        assert s.title in joined
    # a note may go on over the next sheet, but no line of it is lost: 12 sentences x 35 sessions
    assert joined.count("honest") == joined.count("clean.") == 12 * 35
    _assert_on_page(tmp_path / "l.pdf")


def _assert_on_page(path) -> None:
    for page in PdfReader(path).pages:
        box = page.mediabox
        margin = 10 / 25.4 * 72 - 1  # 10 mm margins, less a point for rounding
        for text, x, y in placed_text(page):
            assert margin <= x <= float(box.width) - margin, (text, x)
            assert margin <= y <= float(box.height) - margin, (text, y)


def test_text_shrinks_before_it_spills(qapp, tmp_path):
    from PySide6.QtGui import QPdfWriter

    from planner.ui.printing.render import page_layout

    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    writer.setResolution(600)
    writer.setPageLayout(page_layout(Paper.A4))
    light = WeekPage(build_printed_week(MONDAY, between_of(sample_week()), Profile()), writer)
    busy = WeekPage(build_printed_week(MONDAY, between_of(crowded_week(per_day=4)), Profile()), writer)
    assert (light.scale, light.page_count()) == (SCALES[0], 1)
    assert busy.scale < SCALES[0] and busy.page_count() == 1


def test_several_weeks_one_per_sheet(qapp, tmp_path):
    weeks = build_printed_weeks(MONDAY, 3, between_of(sample_week()), Profile())
    assert write_pdf(tmp_path / "3.pdf", weeks, Paper.A4) == 3
    texts = pdf_pages(tmp_path / "3.pdf")
    assert [re.search(r"Week 2026-W\d\d", t).group() for t in texts] == ["Week 2026-W48", "Week 2026-W49",
                                                                         "Week 2026-W50"]
    assert "Heavy lower body" in texts[0] and "Heavy lower body" not in texts[1]


@pytest.mark.parametrize("bad", [[]])
def test_nothing_to_print_is_refused(qapp, tmp_path, bad):
    with pytest.raises(ValueError):
        write_pdf(tmp_path / "none.pdf", bad, Paper.A4)


def test_many_findings_go_on_over_sheets_of_their_own(qapp, tmp_path):
    findings = [Finding("Note", f"Finding number {i:03d}: consider an easier day after this hard session", None)
                for i in range(120)]
    extras = Extras(findings=lambda first, between, p: findings)
    week = build_printed_week(MONDAY, between_of(sample_week()), Profile(), extras)
    pages = write_pdf(tmp_path / "f.pdf", [week], Paper.A4)
    texts = pdf_pages(tmp_path / "f.pdf")
    assert pages == len(texts) > 1 and "Plan check (continued)" in texts[-1]
    joined = " ".join(texts)
    assert [int(n) for n in re.findall(r"Finding number (\d{3})", joined)] == list(range(120))
    _assert_on_page(tmp_path / "f.pdf")


def test_text_prints_at_its_point_size(qapp, tmp_path):
    """Laid out with the PDF's own metrics: at the screen's 96 dpi, 10 pt would print at ~3 pt."""
    week = build_printed_week(MONDAY, between_of(sample_week()), Profile())
    write_pdf(tmp_path / "s.pdf", [week], Paper.A4)
    sizes = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.setdefault(" ".join(text.split()), round(font_size * abs(tm[3]) * abs(cm[3]), 1))

    PdfReader(tmp_path / "s.pdf").pages[0].extract_text(visitor_text=visit)
    assert SCALES[0] == 1.15  # a light week prints at the largest scale
    assert sizes["Week 2026-W48"] == pytest.approx(15 * 1.15, abs=0.2)  # 17.25 pt
    assert sizes["Long run"] == pytest.approx(8.5 * 1.15, abs=0.2)  # 9.8 pt session titles


@pytest.mark.parametrize(("units", "paces"), [
    (Units.METRIC, "Training paces from 10 km in 45:00 (VDOT 45.3, Daniels 2014): easy 5:18-5:53/km; marathon "
                   "4:55/km; threshold 4:37/km; interval 4:15/km; repetition 4:00/km (1:36 per 400 m)."),
    (Units.IMPERIAL, "Training paces from 6.21 mi in 45:00 (VDOT 45.3, Daniels 2014): easy 8:32-9:28/mi; marathon "
                     "7:54/mi; threshold 7:25/mi; interval 6:50/mi; repetition 6:26/mi (1:36 per 400 m)."),
])
def test_the_header_gives_the_training_paces_of_the_recent_race(qapp, tmp_path, units, paces):
    """A runner reads their paces where they read the week (Daniels 2014, from the profile's 45:00 10K), in
    their units, above the day columns and never over them."""
    profile = Profile(units=units, recent_race_km=10.0, recent_race_s=2700)
    week = build_printed_week(MONDAY, between_of(sample_week()), profile)
    assert week.paces == paces
    write_pdf(tmp_path / "p.pdf", [week], Paper.A4)
    [text] = pdf_pages(tmp_path / "p.pdf")
    assert paces in text
    placed = placed_text(PdfReader(tmp_path / "p.pdf").pages[0])
    rows = [y for t, _, y in placed if "per 400 m" in flat(t) or "Training paces" in flat(t)]
    write_pdf(tmp_path / "none.pdf", [build_printed_week(MONDAY, between_of(sample_week()), Profile(units=units))],
              Paper.A4)
    without = placed_text(PdfReader(tmp_path / "none.pdf").pages[0])
    heading, heading_before = (next(y for t, _, y in found if flat(t) == "Mon 23 Nov") for found in (placed, without))
    # PDF y grows upwards: the paces sit above the day headings, and the header grew by their rows
    assert len(rows) == 2 and min(rows) > heading
    assert heading_before - heading >= max(rows) - min(rows) > 0


def test_no_recent_race_no_paces_line(qapp, tmp_path):
    week = build_printed_week(MONDAY, between_of(sample_week()), Profile())
    assert week.paces == ""
    write_pdf(tmp_path / "n.pdf", [week], Paper.A4)
    assert "Training paces" not in pdf_pages(tmp_path / "n.pdf")[0]
