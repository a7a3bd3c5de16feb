"""The week report: JSON shape, seven days, effective values, and how later parts plug in."""

from __future__ import annotations

import datetime as dt
import json

from planner.domain.enums import Kind, Status
from planner.domain.session import Exercise, Session, WorkSet
from planner.io import report
from planner.io.report import ReportContext, build_report, context_for_week, to_json, to_text

MONDAY = dt.date(2026, 11, 23)
SESSION_KEYS = {"id", "title", "kind", "type", "duration_min", "rpe", "distance_km", "status"}


def sample() -> list[Session]:
    squat = Exercise("Back squat", (WorkSet(5, 60, warmup=True),) + (WorkSet(5, 100),) * 5)
    return [
        Session(kind=Kind.RUN, type="easy", title="Easy run", duration_min=45, rpe=3,
                distance_km=8, date=MONDAY, id=1, status=Status.DONE,
                actual_duration_min=50, actual_distance_km=9.2, actual_rpe=4),
        Session(kind=Kind.LIFT, type="lower", title="Legs", duration_min=60, rpe=8,
                exercises=(squat,), date=MONDAY + dt.timedelta(2), id=3, position=1),
        Session(kind=Kind.RUN, type="tempo", title="Tempo", duration_min=50, rpe=7,
                distance_km=10, date=MONDAY + dt.timedelta(2), id=2, position=0),
        Session(kind=Kind.RUN, type="long", title="Long", duration_min=100, rpe=5,
                distance_km=18, date=MONDAY + dt.timedelta(6), id=4, status=Status.SKIPPED),
    ]


def week_of(sessions: list[Session]) -> dict:
    def between(first: dt.date, last: dt.date) -> list[Session]:
        return [s for s in sessions if first <= s.date <= last]

    return build_report(context_for_week(MONDAY, between))


def test_shape_and_seven_days():
    r = week_of(sample())
    assert list(r) == ["week", "start", "end", "days", "totals", "load"]
    assert (r["week"], r["start"], r["end"]) == ("2026-W48", "2026-11-23", "2026-11-29")
    assert [d["date"] for d in r["days"]] == [
        (MONDAY + dt.timedelta(i)).isoformat() for i in range(7)]
    assert all(set(d) == {"date", "sessions", "nutrition"} for d in r["days"])
    assert all(set(s) == SESSION_KEYS | ({"exercises"} if s["kind"] == "lift" else set())
               for d in r["days"] for s in d["sessions"])
    assert set(r["totals"]) == {"sessions", "run_km", "run_min", "lift_tonnage_kg",
                                "load_au", "hard_sets", "run_easy_min", "run_hard_min"}
    assert set(r["load"]) == {"date", "building_up", "acwr", "monotony", "strain", "fitness", "fatigue",
                              "form", "hard_sets_by_muscle", "long_run_spike",
                              "unmarked_past_sessions"}
    assert json.loads(to_json(r)) == r


def test_sessions_in_day_order_with_effective_values():
    r = week_of(sample())
    assert [s["title"] for s in r["days"][2]["sessions"]] == ["Tempo", "Legs"]
    assert r["days"][1]["sessions"] == []
    assert r["days"][0]["sessions"] == [{
        "id": 1, "title": "Easy run", "kind": "run", "type": "easy", "duration_min": 50,
        "rpe": 4.0, "distance_km": 9.2, "status": "done"}]


def test_totals_count_every_session_and_skip_skipped_volume():
    # Load: easy run done 4 x 50 = 200, tempo 7 x 50 = 350, legs 8 x 60 = 480 -> 1030 AU; the
    # skipped long run adds nothing. The squat sets carry no set RPE: no hard sets.
    # Running: 50 min easy (actual RPE 4), 50 min tempo above easy.
    assert week_of(sample())["totals"] == {
        "sessions": 4, "run_km": 19.2, "run_min": 100, "lift_tonnage_kg": 2500,
        "load_au": 200 + 350 + 480, "hard_sets": 0, "run_easy_min": 50, "run_hard_min": 50}


def test_an_empty_week_still_has_seven_days():
    r = week_of([])
    assert len(r["days"]) == 7
    assert r["totals"] == {"sessions": 0, "run_km": 0, "run_min": 0, "lift_tonnage_kg": 0,
                           "load_au": 0, "hard_sets": 0, "run_easy_min": 0, "run_hard_min": 0}
    assert r["load"]["building_up"] is True and r["load"]["long_run_spike"] is None


def test_sessions_outside_the_week_are_left_out():
    outside = Session(kind=Kind.RUN, title="Next week", duration_min=30, rpe=3,
                      date=MONDAY + dt.timedelta(7), id=9)
    assert week_of([outside])["totals"]["sessions"] == 0


def test_text_names_every_day_and_the_totals():
    text = to_text(week_of(sample()))
    assert text.startswith("Week 2026-W48: Mon 23 Nov 2026 - Sun 29 Nov 2026\n")
    for day in ("Mon 23 Nov", "Tue 24 Nov", "Wed 25 Nov", "Sun 29 Nov"):
        assert day in text
    assert "Easy run" in text and "9.2 km" in text and "skipped" in text
    assert ("Totals: 4 sessions; running 19.2 km in 100 min; lifting 2,500 kg tonnage\n"
            "Load: 1,030 AU (session RPE x minutes); 0 hard sets; running 50 min easy, 50 min above easy\n") in text


def test_a_later_part_plugs_in_and_is_shown_in_text():
    def extra_part(ctx: ReportContext) -> dict:
        assert ctx.history is not None
        return {"extra": {"week_srpe": sum(s.rpe * s.duration_min for s in ctx.sessions)}}

    def between(first: dt.date, last: dt.date) -> list[Session]:
        return [s for s in sample() if first <= s.date <= last]

    ctx = context_for_week(MONDAY, between)
    r = build_report(ctx, [*report.PARTS, extra_part])
    assert r["extra"] == {"week_srpe": 45 * 3 + 60 * 8 + 50 * 7 + 100 * 5}
    assert 'extra: {"week_srpe": 1465.0}' in to_text(r)
    assert "extra" not in build_report(ctx)


def test_text_in_imperial_json_stays_metric():
    from planner.domain.enums import Units

    report = week_of(sample())
    text = to_text(report, Units.IMPERIAL)
    # 9.2 km / 1.609344 = 5.7166 -> 5.72 mi; 10 km -> 6.21 mi; totals 19.2 km -> 11.93 mi;
    # 2500 kg / 0.45359237 = 5511.56 -> 5,512 lb.
    assert "5.72 mi" in text and "6.21 mi" in text and " km" not in text
    assert "\nTotals: 4 sessions; running 11.93 mi in 100 min; lifting 5,512 lb tonnage\n" in text
    assert report["totals"]["run_km"] == 19.2 and report["totals"]["lift_tonnage_kg"] == 2500
    assert '"run_km": 19.2' in to_json(report)


def test_a_lifts_sets_in_json_stay_metric_and_read_in_the_users_units():
    """JSON: the plan file's grammar in kg; text: the page's words in the profile's units.
    90 kg = 198.42 lb."""
    squat = Exercise("Back squat", (WorkSet(5, 60, warmup=True),) + (WorkSet(5, 90, rpe=8),) * 3)
    plank = Exercise("Plank", (WorkSet(0, seconds=60),) * 3)
    legs = Session(kind=Kind.LIFT, title="Legs", duration_min=60, rpe=8, date=MONDAY, id=4,
                   exercises=(squat, plank))
    r = week_of([legs])
    assert r["days"][0]["sessions"][0]["exercises"] == [
        "Back squat 1x5@60 warmup", "Back squat 3x5@90 RPE 8", "Plank 3x60s"]
    assert "\n    Back squat 3 × 5 @ 90 kg RPE 8 (+1 warm-up)\n    Plank 3 × 60 s\n" in to_text(r)
