"""The nutrition dock shows the engine's exact numbers, follows changes, logs intake, and costs
nothing while hidden."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow

from planner.domain.enums import Sex, Units
from planner.domain.nutrition import day_targets
from planner.domain.profile import NutritionLog, Profile
from planner.domain.session import Session
from planner.store.database import open_store
from planner.ui.nutrition import text
from planner.ui.nutrition.dock import NutritionDock

MONDAY = dt.date(2026, 11, 23)
TUESDAY = MONDAY + dt.timedelta(1)
ATHLETE = Profile(name="Test", body_mass_kg=70, sweat_rate_l_per_h=1.0)
D = "\u2013"


@dataclass(frozen=True)
class Changes:
    """The part of the change broadcast the pane reads (DESIGN.md)."""

    dates: frozenset[dt.date] = frozenset()
    profile: bool = False
    templates: bool = False
    logs: bool = False
    everything: bool = False


def long_run(day: dt.date = TUESDAY, minutes: int = 120) -> Session:
    return Session(kind="run", type="long", title="Long run", duration_min=minutes, rpe=5, date=day)


def upper(day: dt.date = TUESDAY) -> Session:
    return Session(kind="lift", type="upper", title="Upper body", duration_min=45, rpe=6, date=day, position=1)


@pytest.fixture
def store(data_dir):
    s = open_store(data_dir, ())
    s.profile.put(ATHLETE)
    yield s
    s.close()


@pytest.fixture
def make_dock(qtbot, store):
    made = []

    def make(day: dt.date = TUESDAY, *, show: bool = True, **kw) -> NutritionDock:
        host = QMainWindow()
        dock = NutritionDock(store, host, today=day, **kw)
        host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        host.resize(900, 900)
        qtbot.addWidget(host)
        made.append(host)
        if show:
            host.show()
            qtbot.waitExposed(host)
        return dock

    yield make
    for host in made:
        host.close()


def shown(dock: NutritionDock) -> dict[str, str]:
    return {k: label.text() for k, label in dock.value_labels.items()}


def test_shows_the_engines_exact_numbers_for_the_day(make_dock, store):
    store.sessions.apply(put=[long_run(), upper()])
    dock = make_dock()
    engine = day_targets(ATHLETE, TUESDAY, store.sessions.on_date(TUESDAY))
    # 120 min moderate x 1.25 + 45 min lifting x 0.5 = 172.5 weighted min: 6-10 g/kg x 70 = 420-700 g;
    # protein 98-140 g; fluid 5.0-6.075 L. No height, age and sex: energy and fat say what to add.
    assert shown(dock) == {
        "carbohydrate": f"420{D}700 g", "protein": f"98{D}140 g", "fat": "\u2014",
        "energy": "\u2014", "fluid": f"5{D}6.08 L"}
    assert dock.expenditure.text() == "Energy and fat need your height, age and sex: add them in File > Profile."
    assert shown(dock)["carbohydrate"] == text.grams(engine.carbohydrate_g)
    assert dock.note_labels["carbohydrate"].text() == f"6{D}10 g/kg"
    assert dock.note_labels["protein"].text() == f"1.4{D}2.0 g/kg"
    assert dock.day_title.text() == "Tuesday 24 November"
    assert dock.meals.text() == f"Protein over the day: 4{D}5 meals of about 28 g (0.4 g/kg)"
    assert dock.timeline.headers()[0].endswith("Long run</b> \u00b7 120 min \u00b7 moderate")
    steps = [label.text() for label in dock.timeline.step_labels()]
    assert steps[0] == f"1{D}4 g/kg of carbohydrate (70{D}280 g), 1{D}4 h before"
    assert steps[1] == "Up to 60 g/h of carbohydrate"
    assert f"0.3{D}0.4 g/kg of protein (21{D}28 g) after lifting" in steps


def test_every_number_names_its_source(make_dock, store):
    store.sessions.apply(put=[long_run()])
    dock = make_dock()
    sources = {"carbohydrate": "Slater G", "protein": "J\u00e4ger R", "fat": "Thomas DT",
               "energy": "Mifflin MD", "fluid": "EFSA"}
    for key, author in sources.items():
        assert author in dock.value_labels[key].toolTip(), key
        assert dock.note_labels[key].toolTip() == dock.value_labels[key].toolTip()
    assert "Schoenfeld BJ" in dock.meals.toolTip()
    assert "Mifflin MD" in dock.expenditure.toolTip()
    tips = [label.toolTip() for label in dock.timeline.step_labels()]
    assert all("Source: " in t for t in tips) and "Jeukendrup A" in tips[1] and "Sawka MN" in tips[2]
    assert all(bar.tooltip.count("Thomas DT") == 1 for bar in dock.week_strip.bars())


def test_refresh_after_a_session_change_updates_the_numbers(make_dock, store):
    dock = make_dock()
    assert shown(dock)["carbohydrate"] == f"210{D}350 g"  # rest day: 3-5 g/kg
    store.sessions.apply(put=[long_run(minutes=60)])
    dock.refresh(Changes(dates=frozenset({TUESDAY})))
    assert shown(dock)["carbohydrate"] == f"350{D}490 g"  # about an hour: 5-7 g/kg
    dock.refresh(Changes(dates=frozenset({MONDAY + dt.timedelta(30)})))  # another week: no work
    assert dock.refresh_count == 2


def test_changing_the_body_mass_updates_every_target(make_dock, store):
    dock = make_dock()
    store.profile.put(ATHLETE.replace(body_mass_kg=80))
    dock.refresh(Changes(profile=True))
    # 3-5 g/kg x 80 = 240-400 g; 1.4-2.0 x 80 = 112-160 g
    assert shown(dock)["carbohydrate"] == f"240{D}400 g"
    assert shown(dock)["protein"] == f"112{D}160 g"
    store.profile.put(ATHLETE.replace(body_mass_kg=80, height_cm=175, age=30, sex=Sex.MALE))
    dock.refresh(Changes(profile=True))
    # Mifflin-St Jeor 800 + 1093.75 - 150 + 5 = 1748.75 kcal; x 1.4 = 2448.25
    assert shown(dock)["energy"].startswith("2,448")


def test_hidden_it_only_marks_itself_stale(make_dock, store):
    dock = make_dock()
    before = dock.refresh_count
    dock.hide()
    store.sessions.apply(put=[long_run(minutes=60)])
    for _ in range(5):
        dock.refresh(Changes(dates=frozenset({TUESDAY})))
    assert dock.refresh_count == before
    dock.show()
    assert dock.refresh_count == before + 1
    assert shown(dock)["carbohydrate"] == f"350{D}490 g"


def test_set_day_and_set_week_follow_the_calendar(make_dock, store):
    store.sessions.apply(put=[long_run()])
    dock = make_dock(MONDAY)
    assert dock.day_title.text() == "Monday 23 November"
    dock.set_day(TUESDAY)
    assert (dock.day_title.text(), shown(dock)["carbohydrate"]) == ("Tuesday 24 November", f"420{D}700 g")
    dock.set_week(MONDAY + dt.timedelta(7))
    assert dock.current_day() == MONDAY + dt.timedelta(7)
    assert [b.date for b in dock.week_strip.bars()][0] == MONDAY + dt.timedelta(7)


def test_week_strip_marks_high_and_low_days_and_a_click_selects_one(make_dock, store, qtbot):
    store.sessions.apply(put=[long_run(), upper()])
    dock = make_dock(MONDAY)
    bars = dock.week_strip.bars()
    assert [(b.lo, b.hi) for b in bars] == [(3, 5), (6, 10)] + [(3, 5)] * 5
    strip = dock.week_strip
    column = strip._columns()[1]  # noqa: SLF001 - where Tuesday is drawn
    with qtbot.waitSignal(dock.daySelected) as signal:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(int(column.center().x()), 60))
    assert signal.args == [TUESDAY]
    assert dock.current_day() == TUESDAY


def test_logging_shows_target_versus_actual(make_dock, store, qtbot):
    dock = make_dock()
    dock.log_toggle.click()
    form = dock.log_form
    for name, value in (("carb_g", "300"), ("protein_g", "120"), ("fat_g", "70"), ("fluid_l", "2,5")):
        form.edits[name].setText(value)
    form.save_button.click()
    assert store.nutrition.get(TUESDAY) == NutritionLog(TUESDAY, 300, 120, 70, 2.5)
    # rest day 210-350 g carbohydrate, 98-140 g protein, fat 34-117 g, fluid 2.25 L
    assert dock.actual_labels["carbohydrate"].text() == "300 g \u2713"
    assert dock.actual_labels["fluid"].text() == "2.5 L \u25b2"
    assert dock.actual_labels["energy"].text() == "2,310 kcal"  # 4 x 300 + 4 x 120 + 9 x 70
    assert dock.week_strip.bars()[1].actual == pytest.approx(300 / 70)


def test_a_wrong_logged_value_is_refused_with_a_message(make_dock, store):
    dock = make_dock()
    dock.log_toggle.click()
    dock.log_form.edits["carb_g"].setText("-5")
    dock.log_form.save_button.click()
    assert dock.log_form.message.text() == "Carbohydrate must be between 0 and 2000 g (got -5)"
    assert dock.log_form.message.isVisible()
    assert store.nutrition.all() == []


def test_the_window_can_route_writes_through_its_undo_path(make_dock, store):
    calls = []
    dock = make_dock(write_intake=lambda day, log: calls.append((day, log)))
    dock.log_form.edits["fluid_l"].setText("3")
    dock.log_form.save()
    assert calls == [(TUESDAY, NutritionLog(TUESDAY, fluid_l=3.0))]
    assert store.nutrition.all() == []  # written by the window's operation, not the dock


def test_fluid_in_fluid_ounces_for_imperial_units(make_dock, store):
    store.profile.put(ATHLETE.replace(units=Units.IMPERIAL))
    dock = make_dock()
    assert shown(dock)["fluid"] == "76 fl oz"  # 2.25 L / 0.0295735 L = 76.1
    assert dock.log_form.unit_labels["fluid_l"].text() == "fl oz"


def test_a_drop_in_the_calendar_updates_the_panel(make_window, qtbot):
    """The window's own nutrition pane: a drop reaches it through the change broadcast, and it
    follows the day the drop landed on."""
    from planner.models import mime
    from tests.ui.test_calendar_view import send_drop

    window = make_window()
    window.profiles.set(ATHLETE)
    dock = window.nutrition_dock
    dock.show()
    qtbot.waitUntil(lambda: dock.isVisible() and not window.panes.is_stale(dock))
    target = window.week_view.views[1]  # Tuesday, a rest day so far
    window.show_day(window.week_model.days[1])
    qtbot.waitUntil(lambda: shown(dock)["carbohydrate"] == f"210{D}350 g", timeout=2000)
    send_drop(target, target.viewport().rect().center(), mime.encode(mime.DragPayload(template_id="easy-run")),
              Qt.DropAction.CopyAction)
    # an easy run of 45 min: 45 weighted minutes -> a moderate day, 5-7 g/kg x 70 = 350-490 g
    qtbot.waitUntil(lambda: shown(dock)["carbohydrate"] == f"350{D}490 g", timeout=2000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: shown(dock)["carbohydrate"] == f"210{D}350 g", timeout=2000)


def test_the_window_logs_intake_as_one_undo_step(make_window, qtbot):
    window = make_window()
    window.profiles.set(ATHLETE)
    dock = window.nutrition_dock
    dock.show()
    tuesday = window.week_model.days[1]
    window.show_day(tuesday)
    qtbot.waitUntil(lambda: dock.isVisible() and not window.panes.is_stale(dock))
    qtbot.wait(20)  # the current day is announced once the gesture's selection settled
    window.panes.flush()
    dock.log_form.edits["fluid_l"].setText("3")
    dock.log_form.save()
    assert window.store.nutrition.get(tuesday) == NutritionLog(tuesday, fluid_l=3.0)
    assert window.undo_stack.undoText() == f"Log food and drink for {tuesday:%a %d %b}"
    window.undo_stack.undo()
    assert window.store.nutrition.get(tuesday) is None


def test_energy_appears_with_height_age_and_sex(make_dock, store):
    dock = make_dock()
    assert shown(dock)["energy"] == "\u2014"
    assert dock.expenditure.text() == "Energy and fat need your height, age and sex: add them in File > Profile."
    store.profile.put(ATHLETE.replace(height_cm=175, age=30, sex=Sex.MALE))
    dock.refresh(Changes(profile=True))
    # rest day: REE 10 x 70 + 6.25 x 175 - 5 x 30 + 5 = 1648.75; x 1.4 = 2308.25, x 1.5 = 2473.1;
    # spent 1648.75 x 1.45 = 2390.7; fat 20-35 % of it: 53-93 g
    assert shown(dock)["energy"] == f"2,308{D}2,473 kcal"
    assert shown(dock)["fat"] == f"53{D}93 g"
    assert dock.expenditure.text() == ("Spent about 2,391 kcal: resting 1,649 \u00d7 1.4\u20131.5 + training 0 "
                                       "(Mifflin 1990; Compendium 2024)")
    assert shown(dock)["fluid"] == "2.5 L"  # EFSA, men


def test_a_week_logged_far_below_expenditure_suggests_a_check(make_dock, store):
    store.profile.put(ATHLETE.replace(height_cm=175, age=30, sex=Sex.MALE))
    dock = make_dock()
    assert dock.low_energy.isHidden()
    for i in range(5):  # Monday to Friday: 4 x 100 + 4 x 60 + 9 x 30 = 910 kcal < 0.7 x 2390.7 = 1673.5
        day = MONDAY + dt.timedelta(i)
        store.nutrition.put(day, NutritionLog(day, carb_g=100, protein_g=60, fat_g=30))
    dock.refresh(Changes(logs=True))
    assert not dock.low_energy.isHidden()
    assert "not a diagnosis" in dock.low_energy.text()
    assert "Mountjoy M" in dock.low_energy.toolTip()
