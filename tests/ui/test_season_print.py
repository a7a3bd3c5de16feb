"""A season on paper: the weeks as a block, a line per day, portrait A4 or Letter, black on white."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from planner.domain.compliance import Band
from planner.domain.enums import Kind, Status, Units
from planner.domain.profile import Profile
from planner.domain.season import Phase, WeekSummary
from planner.domain.session import Session
from planner.io.paper import Paper
from planner.io.printed_season import build_printed_season, session_words
from planner.ui.printing.render import write_season_pdf
from tests.ui.test_printing import _assert_on_page, between_of, pdf_pages, sample_week

MONDAY = dt.date(2026, 11, 23)


def summaries(weeks: int) -> list[WeekSummary]:
    return [WeekSummary(MONDAY + dt.timedelta(weeks=k), 8.5, 28.5, 5000.0, 12.0, 2310.0, 8, 96, Band.GREEN,
                        Phase.BUILD) for k in range(weeks)]


def season_sessions(weeks: int) -> list[Session]:
    return [s.replace(date=s.date + dt.timedelta(weeks=k), id=(s.id or 0) + 10 * k)
            for k in range(weeks) for s in sample_week()]


def test_a_session_in_a_days_line():
    done, skipped = sample_week()[2], sample_week()[0].replace(status=Status.SKIPPED)
    assert session_words(done, Units.METRIC) == "\u2713 Yoga flow (35 min)"
    assert session_words(skipped, Units.METRIC) == "Intervals 6 x 800 m (55 min · 9.5 km) (skipped)"
    assert session_words(sample_week()[3], Units.IMPERIAL) == "Long run (1 h 45 · 11.43 mi)"
    rest = Session(kind=Kind.REST, title="Rest day", duration_min=0, rpe=0, date=MONDAY)
    assert session_words(rest, Units.METRIC) == "Rest day"


@pytest.mark.parametrize(("paper", "size"), [(Paper.A4, (595, 842)), (Paper.LETTER, (612, 792))])
def test_a_season_prints_portrait_with_every_day_on_the_page(qapp, tmp_path, paper, size):
    sessions = season_sessions(12)
    season = build_printed_season(MONDAY, between_of(sessions), Profile(name="Sam"), summaries(12))
    pages = write_season_pdf(tmp_path / "s.pdf", season, paper)
    reader = PdfReader(tmp_path / "s.pdf")
    assert pages == len(reader.pages) >= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    text = " ".join(pdf_pages(tmp_path / "s.pdf"))
    assert "Season · 12 weeks from Mon 23 Nov 2026" in text
    assert "Build · Run 8.5/28.5 km · Lift 5,000 kg · 12 hard sets · Load 2,310 AU +8 % · Done 96 %" in text
    for k in range(12):
        first = MONDAY + dt.timedelta(weeks=k)
        assert f"{first:%G-W%V}" in text
    assert text.count("Intervals 6 x 800 m (55 min · 9.5 km)") == 12
    assert text.count("Long run (1 h 45 · 18.4 km)") == 12
    assert text.count("rest") == 12 * 3  # Monday, Thursday and Saturday of each week
    _assert_on_page(tmp_path / "s.pdf")


def test_a_week_is_not_cut_between_sheets(qapp, tmp_path):
    sessions = season_sessions(16)
    season = build_printed_season(MONDAY, between_of(sessions), Profile(), summaries(16))
    write_season_pdf(tmp_path / "s.pdf", season, Paper.A4)
    for page in pdf_pages(tmp_path / "s.pdf"):
        # every sheet holds whole weeks: each heading's Monday and Sunday, and both days' lines
        weeks = page.count(" · Mon ")
        assert weeks >= 1
        assert page.count("Mon ") - page.count("weeks from Mon") == page.count("Sun ") == 2 * weeks


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_a_season_is_black_and_white(qapp, tmp_path):
    from PySide6.QtGui import QImage

    season = build_printed_season(MONDAY, between_of(season_sessions(4)), Profile(), summaries(4))
    write_season_pdf(tmp_path / "s.pdf", season, Paper.A4)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(tmp_path / "s.pdf"),
                    str(tmp_path / "p")], check=True)
    image = QImage(str(next(tmp_path.glob("p*.png"))))
    colours = {image.pixelColor(x, y).getRgb()[:3] for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2)}
    assert all(r == g == b for r, g, b in colours)  # greys only: nothing a grey printer would lose
    assert (255, 255, 255) in colours and min(r for r, _g, _b in colours) < 60  # white paper, dark ink
