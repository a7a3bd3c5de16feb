"""What cards, tooltips, the strip and screen readers say, worked out by hand, metric and imperial."""

from __future__ import annotations

import datetime as dt

from planner.domain.compliance import Band, Basis, Compliance
from planner.domain.enums import Intensity, Kind, Status, Units
from planner.domain.session import Exercise, Session, Template, WorkSet
from planner.words.cards import (
    CardText,
    accessible_text,
    card_text,
    strip_text,
    template_summary,
    tooltip,
)

TUE = dt.date(2026, 11, 24)
TODAY = dt.date(2026, 11, 25)

INTERVALS = Session(
    kind=Kind.RUN, title="Intervals 6 x 800 m", duration_min=55, rpe=7, type="intervals", distance_km=9.5,
    target="5K pace, 4:15/km; 2 min jog", date=TUE, time=dt.time(7, 0), status=Status.DONE,
    actual_duration_min=53, actual_rpe=8, actual_distance_km=9.4, id=3)
SQUAT = Exercise("Back squat", (WorkSet(5, 60, warmup=True),) + (WorkSet(5, 100, rpe=8),) * 5)
LIFT = Session(kind=Kind.LIFT, title="Heavy lower body", duration_min=60, rpe=7, type="lower",
               exercises=(SQUAT,), date=TUE, time=dt.time(18, 0), id=4)


def test_done_run_card_in_imperial():
    # 9.4 km / 1.609344 = 5.8409 -> 5.84 mi; 9.5 km -> 5.9030 -> 5.9 mi;
    # 4:15/km = 255 s x 1.609344 = 410.4 s -> 6:50/mi; 9.4 / 9.5 = 98.9 % -> 99 %, green.
    assert card_text(INTERVALS, Units.IMPERIAL, TODAY) == CardText(
        title="Intervals 6 x 800 m",
        when="07:00 · 53/55 min",
        lines=("5.84/5.9 mi · 5K pace, 6:50/mi; 2 min jog",),
        badge=Intensity.HARD,
        status="Done · RPE 8 vs 7",
        compliance=Compliance(Band.GREEN, Basis.DISTANCE, 99),
    )


def test_done_run_card_in_metric():
    t = card_text(INTERVALS, Units.METRIC, TODAY)
    assert (t.when, t.lines) == ("07:00 · 53/55 min", ("9.4/9.5 km · 5K pace, 4:15/km; 2 min jog",))


def test_lift_card_in_imperial():
    # Working sets 5 x 5 x 100 kg = 2500 kg (the 60 kg warm-up counts zero) = 5511.6 lb -> 5,512 lb;
    # 100 kg = 220.462 lb -> 220 lb, the nearest 2.5 lb a bar loads in. Planned for tomorrow: no
    # compliance yet.
    t = card_text(LIFT.replace(date=TODAY + dt.timedelta(days=1)), Units.IMPERIAL, TODAY)
    assert (t.when, t.lines, t.badge, t.status, t.compliance) == (
        "18:00 · 1 h", ("Back squat 5 × 5 @ 220 lb", "5,512 lb tonnage"), Intensity.HARD, "Planned", None)


def test_missed_and_skipped_cards():
    assert card_text(LIFT, Units.METRIC, TODAY).compliance == Compliance(Band.RED, Basis.MISSED)
    skipped = card_text(LIFT.replace(status=Status.SKIPPED), Units.METRIC, TODAY)
    assert (skipped.status, skipped.compliance.text) == ("Skipped", "Skipped")


def test_accessible_name_reads_the_card():
    assert accessible_text(INTERVALS, Units.METRIC) == \
        "Tuesday, Intervals 6 x 800 m, 07:00, 53 minutes, 9.4 km, hard, done"
    assert accessible_text(INTERVALS, Units.IMPERIAL) == \
        "Tuesday, Intervals 6 x 800 m, 07:00, 53 minutes, 5.84 mi, hard, done"
    assert accessible_text(LIFT.replace(duration_min=105), Units.IMPERIAL) == \
        "Tuesday, Heavy lower body, 18:00, 1 hour 45 minutes, 5,512 lb tonnage, hard, planned"


def test_tooltip_speaks_imperial():
    html = tooltip(INTERVALS, Units.IMPERIAL, TODAY)
    assert "5.9 mi" in html and "5.84 mi" in html and "6:50/mi" in html
    assert "km" not in html
    assert "99 % of planned distance (green)" in html and "TrainingPeaks" in html
    lift = tooltip(LIFT, Units.IMPERIAL, TODAY)
    assert "Back squat 5 × 5 @ 220 lb RPE 8 (+1 warm-up)" in lift and "kg" not in lift


def test_strip_in_imperial():
    # Planned: 9.5 km = 5.9 mi in 55 min, lifting 5,512 lb in 1 h; done: 9.4 km = 5.84 mi in 53 min.
    assert strip_text([INTERVALS, LIFT], Units.IMPERIAL) == (
        "2 sessions · Running 5.84 of 5.9 mi done, 53 min of 55 min · "
        "Lifting 0 of 5,512 lb done, 0 min of 1 h")


def test_strip_counts_skipped_in_the_plan_not_in_done():
    skipped = LIFT.replace(status=Status.SKIPPED)
    assert strip_text([INTERVALS, skipped], Units.METRIC) == (
        "2 sessions · Running 9.4 of 9.5 km done, 53 min of 55 min · "
        "Lifting 0 of 2,500 kg done, 0 min of 1 h · 1 skipped")
    assert strip_text([], Units.METRIC) == "0 sessions · No running · No lifting"


def test_library_entry_in_imperial():
    t = Template(kind=Kind.RUN, title="Easy run", duration_min=45, rpe=3, type="easy", distance_km=8.0,
                 target="Z2, 5:35/km", id="easy-run", builtin=True)
    # 8 km = 4.97 mi; 5:35/km = 335 s x 1.609344 = 539.1 s -> 8:59/mi
    assert template_summary(t, Units.IMPERIAL) == "45 min · 4.97 mi · Easy · Z2, 8:59/mi · RPE 3, easy"
