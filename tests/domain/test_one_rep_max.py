"""Known one-rep maxes (planner/domain/one_rep_max.py): the stated lifts of the last generated block, else
the best Epley estimate from done sets, by exercise; the generator and the plan check read the same."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from planner.domain.enums import Kind, Status
from planner.domain.generator.inputs import GeneratorInput, inputs_to_doc
from planner.domain.one_rep_max import estimates, known_maxes, stated_lifts
from planner.domain.session import Exercise, Session, WorkSet

DAY = dt.date(2027, 3, 1)


def squats(load: float, reps: int, status: Status = Status.DONE, name: str = "Back squat") -> Session:
    sets = (WorkSet(5, 40.0, warmup=True), *(WorkSet(reps, load) for _ in range(3)))
    return Session(kind=Kind.LIFT, title="Legs", duration_min=50, rpe=7.0, type="lower", date=DAY, status=status,
                   exercises=(Exercise(name, sets, ("quads",)),))


def test_the_best_done_set_by_epley_per_exercise():
    # 100 x 5: 100 x (1 + 5/30) = 116.7; 110 x 2: 117.3, the best; 140 x 15: too many reps to say; planned: not done;
    # the 40 kg warm-up set is not a working set
    found = estimates([squats(100, 5), squats(110, 2), squats(140, 15), squats(150, 1, Status.PLANNED)])
    assert {k: (e.kg, e.load_kg, e.reps) for k, e in found.items()} == {"back squat": (117.3, 110, 2)}


def test_stated_lifts_win_over_estimates_and_cover_each_lifts_names():
    stated = stated_lifts(json.dumps(inputs_to_doc(GeneratorInput("run", DAY, 8, 4, 2, one_rm={"squat": 120.0}))))
    assert stated == {"squat": 120.0}
    maxes = known_maxes([squats(100, 5), squats(80, 5, name="Front squat")], stated)
    assert maxes == {"back squat": 120.0, "squat": 120.0, "barbell squat": 120.0, "front squat": 93.3}


JSON = st.recursive(st.none() | st.booleans() | st.floats() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3))
LIFTS = st.sampled_from(["squat", "deadlift", "bench", "press", "curl"])


@given(st.text() | st.none() | JSON.map(json.dumps)
       | st.dictionaries(st.just("one_rm"), JSON | st.dictionaries(LIFTS, JSON)).map(json.dumps))
def test_a_damaged_generated_block_states_no_lift(text):
    """Whatever the profile's stored text holds, reading it never raises: at worst, no stated lift."""
    assert isinstance(stated_lifts(text), dict)
