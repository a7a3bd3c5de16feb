"""How long open_store takes on the reference history (a benchmark, not a test).

Run: .venv/bin/python -m tests.store.bench_open [--runs N]

Prints medians (ms) of: the whole open, the same open with the decode check stubbed out (the part
the budget "well under 100 ms apart from the decode check" is about), the decode check alone, and
its parts; also the first open of a day (which writes the daily backup) and a v1 -> v2 upgrade.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planner.store import database  # noqa: E402
from planner.store.database import DATA_FILE, open_store  # noqa: E402
from planner.store.storage import parse_tables  # noqa: E402
from tests.store.synthetic_history import reference_history  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    runs = args.runs

    tmp = Path(tempfile.mkdtemp(prefix="hp-bench-"))
    data_dir = tmp / "data"
    history = list(reference_history())
    store = open_store(data_dir)
    store.sessions.apply(put=history)
    store.close()
    path = data_dir / DATA_FILE
    raw = path.read_bytes()
    n_sets = sum(len(e.sets) for s in history for e in s.exercises)
    print(f"reference history: {len(history)} sessions, {n_sets} sets, "
          f"file {len(raw) / 1e6:.2f} MB")
    open_store(data_dir).close()  # today's backup now exists, so the runs below write nothing

    def open_close() -> None:
        open_store(data_dir).close()

    def timed_open(runs: int) -> tuple[float, float]:
        """Median ms of open_store (until the next allocation has paid the collector's deferred
        sweep of the new objects) and of close()."""
        opens, closes = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            store = open_store(data_dir)
            _ = [[] for _ in range(1000)]  # young-generation collections happen here
            t1 = time.perf_counter()
            store.close()
            del store
            t2 = time.perf_counter()
            opens.append((t1 - t0) * 1000)
            closes.append((t2 - t1) * 1000)
        return statistics.median(opens), statistics.median(closes)

    results: dict[str, float] = {}
    results["open_store, whole"], results["close"] = timed_open(runs)
    with mock.patch.object(database, "_decode_all", lambda tables, path: {}):
        results["open_store without the decode check"], _ = timed_open(runs)
    tables = parse_tables(raw, path)
    results["  read file"] = median_ms(path.read_bytes, runs)
    results["  parse (orjson), collector on"] = median_ms(lambda: parse_tables(raw, path), runs)
    gc.disable()
    results["  parse (orjson), collector paused"] = median_ms(lambda: parse_tables(raw, path), runs)
    results["decode check alone (every document), collector paused"] = median_ms(
        lambda: database._decode_all(tables, path), runs)
    gc.enable()

    def first_open_of_a_day() -> None:
        for backup in (data_dir / "backups").glob("*.json"):
            backup.unlink()
        open_close()
    results["first open of a day (writes + fsyncs the backup)"] = median_ms(
        first_open_of_a_day, runs)

    v1 = orjson.loads(raw)
    del v1["meta"]
    for doc in v1["sessions"].values():
        doc["duration"] = doc.pop("duration_min")
        doc["session_rpe"] = doc.pop("rpe")
        doc.pop("position", None)
    v1_raw = orjson.dumps(v1)

    def upgrade() -> None:
        path.write_bytes(v1_raw)
        shutil.rmtree(data_dir / "backups", ignore_errors=True)
        open_close()
    results["open of a v1 file (backup, upgrade, check, save)"] = median_ms(
        upgrade, max(3, runs // 3))

    width = max(map(len, results))
    for name, ms in results.items():
        print(f"{name:<{width}}  {ms:7.1f} ms")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
