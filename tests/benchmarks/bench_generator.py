"""Benchmark of the plan generator (issue 13): a 16-week block generated and checked (not a timed test).

    .venv/bin/python tests/benchmarks/bench_generator.py [--rounds N]

Budget: a 16-week block generated and read by the plan check in under 1 s (median). Baseline in the
same run: the plan check alone on the same block (its load history built too), so the generator's
own share is the difference. Three inputs: every day free (the widest pattern search), few days
with double sessions, and a race block with its taper.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench import row, timed  # noqa: E402

BUDGET_MS = 1000.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    from planner.domain.enums import Experience, Goal
    from planner.domain.generator import GeneratorInput, block_findings, generate_clean

    one_rm = {"squat": 120.0, "deadlift": 150.0, "bench": 85.0, "press": 55.0}
    start = dt.date(2027, 1, 4)
    cases = {
        "balanced, every day, 6 runs + 4 lifts": GeneratorInput(
            Goal.BALANCED, start, 16, 6, 4, tuple(range(7)), 6, Experience.EXPERIENCED, 45.0, 16.0, one_rm),
        "lift, 5 days, 3 runs + 4 lifts": GeneratorInput(
            Goal.LIFT, start, 16, 3, 4, (0, 1, 3, 5, 6), 6, Experience.SOME, 25.0, 10.0, one_rm),
        "run, every day, 5 runs + 2 lifts, 21.1 km race": GeneratorInput(
            Goal.RUN, start, 16, 5, 2, tuple(range(7)), 6, Experience.SOME, 40.0, 16.0, one_rm, race_km=21.1),
    }
    for name, x in cases.items():
        block = generate_clean(x)
        base = timed(lambda b=block: block_findings(b), args.rounds)
        full = timed(lambda x=x: block_findings(generate_clean(x)), args.rounds)
        med = statistics.median(full)
        verdict = "OK" if med < BUDGET_MS else "OVER BUDGET"
        print(f"{name}: {len(block.sessions)} sessions, {len(block.weeks)} weeks")
        row("  plan check alone (baseline)", base, None, "-")
        row("  generate + check (generate_clean) + check again", full, base, "< 1000 ms", verdict)


if __name__ == "__main__":
    main()
