"""Benchmarks over the generated ten-year reference history (not timed tests: machines are noisy).

    .venv/bin/python tests/benchmarks/bench.py [--rounds N]

Each number is reported with a baseline measured in the same run, and compared with the budget in
DESIGN.md. Qt runs offscreen, so painting is real but nothing is shown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn: Callable[[], object], rounds: int, between: Callable[[], object] | None = None) -> list[float]:
    out = []
    for _ in range(rounds):
        if between is not None:
            between()  # untimed: e.g. let the background save of the last gesture finish
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def stats(ms: list[float]) -> tuple[float, float]:
    ms = sorted(ms)
    return statistics.median(ms), ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]


def row(name: str, ms: list[float], base: list[float] | None, budget: str) -> None:
    med, p95 = stats(ms)
    ratio = f"{med / statistics.median(base):8.3g}x" if base else "       - "
    print(f"{name:<44} median {med:7.2f} ms  p95 {p95:7.2f} ms  vs baseline {ratio}  budget {budget}")


def store_benchmarks(folder: Path, rounds: int) -> None:
    from tinydb import Query, TinyDB

    from planner.resources import builtin_templates
    from planner.store.database import DATA_FILE, open_store

    path = folder / DATA_FILE
    size_mb = path.stat().st_size / 1e6
    builtins = builtin_templates()

    def open_ours():
        open_store(folder, builtins).close()

    def open_stock():
        db = TinyDB(stock, access_mode="r")
        db.table("sessions").all()
        db.close()

    stock = folder.parent / "stock.json"
    shutil.copy(path, stock)
    print(f"\nStore ({size_mb:.1f} MB file)")
    row("open (lock, schema check, decode every doc)", timed(open_ours, rounds), timed(open_stock, rounds),
        "(start-up)")

    store = open_store(folder, builtins)
    sessions = store.sessions.all()
    print(f"  {len(sessions)} sessions, {sum(1 for s in sessions if s.exercises)} lifts with set detail")
    victim = sessions[len(sessions) // 2]
    flip = [victim.replace(notes="a"), victim.replace(notes="b")]
    i = iter(range(10**9))
    stock_db = TinyDB(stock)
    stock_table = stock_db.table("sessions")

    def save_ours():
        store.sessions.apply(put=[flip[next(i) % 2]])

    def save_stock():
        stock_table.update({"notes": str(next(i))}, doc_ids=[victim.id])

    row("save one edit (atomic: temp + fsync + rename)", timed(save_ours, rounds * 4),
        timed(save_stock, rounds * 4), "<= 50 ms")
    first, last = sessions[0].date, sessions[-1].date
    weeks = [first + dt.timedelta(days=7 * k) for k in range(0, (last - first).days // 7, 3)]
    it = iter(weeks * 10)
    q = Query()

    def week_ours():
        d = next(it)
        store.sessions.between(d, d + dt.timedelta(days=6))

    it2 = iter(weeks * 10)

    def week_stock():
        d = next(it2)
        days = [(d + dt.timedelta(days=k)).isoformat() for k in range(7)]
        stock_table.search(q.date.one_of(days))

    row("query one week (date index, first read)", timed(week_ours, len(weeks)), timed(week_stock, 30), "-")
    stock_db.close()
    store.close()


def gui_benchmarks(folder: Path, rounds: int) -> None:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView

    from planner.app import build_window
    from planner.resources import builtin_templates, exercise_catalog
    from planner.store.database import open_store
    from planner.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    store = open_store(folder, builtin_templates())
    last = store.sessions.all()[-1].date
    window = build_window(store, Settings(), exercise_catalog(), today=lambda: last)
    window.resize(1400, 880)
    window.show()
    app.processEvents()
    gc.collect()
    gc.freeze()  # as planner.app.run_gui does after loading
    plan = window.plan
    week = window.week_model

    def settle():
        app.processEvents()  # layouts, then the repaint of every pane the change touched

    # baseline: one row changed in a bare list view, repainted
    base_model = QStringListModel([f"row {k}" for k in range(10)])
    base_view = QListView()
    base_view.setModel(base_model)
    base_view.resize(300, 400)
    base_view.show()
    app.processEvents()
    n = iter(range(10**9))

    def baseline():
        base_model.setData(base_model.index(3), f"row {next(n)}")
        app.processEvents()

    base = timed(baseline, rounds * 4)
    base_view.close()  # a second top-level window would take the focus from the main window
    window.activateWindow()
    app.processEvents()

    def gesture(fn):
        def run():
            fn()
            settle()
        return run

    def idle():
        """A person takes longer than the 150 ms save delay between two drops."""
        store.storage.flush()
        app.processEvents()

    days = week.days
    mover = week.day_sessions(next(r for r in range(7) if week.day_sessions(r)))[0]
    state = {"to": 0}

    def move():
        state["to"] = (state["to"] + 1) % 7
        plan.move([mover.id], days[state["to"]], 0)

    def edit():
        s = store.sessions.get(mover.id)
        plan.edit(s.replace(duration_min=40 + next(n) % 30))

    def drop_template():
        week.dropMimeData(_template_mime("easy-run"), _copy(), 0, 0, week.day_index(next(n) % 7))

    print("\nCalendar (offscreen, reference history loaded; each until every pane has repainted;")
    print("the background save of the previous gesture has finished, as between two human gestures)")
    row("move a card to another day", timed(gesture(move), rounds * 4, idle), base, "median <= 16, p95 <= 33 ms")
    row("edit a session", timed(gesture(edit), rounds * 4, idle), base, "median <= 16, p95 <= 33 ms")
    def undo_then_idle():  # keep the week as busy as a real one instead of piling cards up
        if window.undo_stack.undoText().startswith("Add"):
            window.undo_stack.undo()
        idle()

    row("drop a template from the library", timed(gesture(drop_template), rounds * 4, undo_then_idle), base,
        "median <= 16, p95 <= 33 ms")
    row("undo", timed(gesture(window.undo_stack.undo), rounds * 4, idle), base, "median <= 16, p95 <= 33 ms")
    k = iter(range(10**9))

    def switch():
        window.shift_week(-1 if next(k) % 2 else 1)

    row("switch week", timed(gesture(switch), rounds * 4, idle), base, "median <= 16 ms")
    window.close()
    store.close()


def _template_mime(tid):
    from planner.models import mime

    return mime.encode(mime.DragPayload(template_id=tid))


def _copy():
    from PySide6.QtCore import Qt

    return Qt.DropAction.CopyAction


_MEMORY_PROBE = """
import os, resource, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg
app = QApplication([])
if {app!r}:
    from planner.app import build_window
    from planner.resources import builtin_templates
    from planner.store.database import open_store
    from planner.ui.settings import Settings
    store = open_store(__import__("pathlib").Path({folder!r}), builtin_templates())
    store.sessions.all()
    w = build_window(store, Settings())
else:
    w = QMainWindow(); w.setCentralWidget(pg.PlotWidget())
w.resize(1400, 900); w.show(); app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory(folder: Path) -> None:
    def probe(is_app: bool) -> float:
        code = _MEMORY_PROBE.format(root=str(ROOT), app=is_app, folder=str(folder))
        env = dict(os.environ, HYBRID_PLANNER_SETTINGS_DIR=tempfile.mkdtemp())
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        return int(out.stdout.strip().splitlines()[-1]) / 1024

    bare = statistics.median(probe(False) for _ in range(3))
    ours = statistics.median(probe(True) for _ in range(3))
    print(f"\nMemory: app with reference history {ours:.0f} MB, bare PySide6 + pyqtgraph window {bare:.0f} MB "
          f"-> {ours / bare:.2f}x (budget <= 1.3x)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    from planner.dev.reference_file import write_reference_file
    from planner.dev.reference_history import generate_reference_history
    from planner.store.database import DATA_FILE

    tmp = Path(tempfile.mkdtemp(prefix="hp-bench-"))
    folder = tmp / "data"
    t0 = time.perf_counter()
    sessions = generate_reference_history()
    gen_ms = (time.perf_counter() - t0) * 1000
    write_reference_file(folder / DATA_FILE, sessions)
    os.environ["HYBRID_PLANNER_SETTINGS_DIR"] = str(tmp / "settings")
    print(f"Reference history: {len(sessions)} sessions generated in {gen_ms:.0f} ms")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; "
          f"max RSS so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    store_benchmarks(folder, args.rounds)
    gui_benchmarks(folder, args.rounds)
    memory(folder)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
