"""Look at the activity import: the window with the demo plan, and the import dialog over it with
this week's watch files and a lifting log (one run already imported, one run on a rest day).

    python -m planner.dev.activity_import_preview --data-dir /tmp/DIR [--theme light|dark] [--apply]

--apply presses Import and leaves the window showing the week, planned next to done.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner.domain.enums import Kind
from planner.domain.weeks import week_start
from planner.services.activity_import import ActivityImport
from planner.services.runner import DirectRunner

GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="dev" xmlns="http://www.topografix.com/GPX/1/1"
 xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk><name>{name}</name>
<type>{sport}</type><trkseg>
{points}
</trkseg></trk></gpx>
"""
HEVY_HEAD = ("title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
             "weight_kg,reps,distance_km,duration_seconds,rpe\n")


def _gpx(name: str, sport: str, start: dt.datetime, minutes: int, km: float) -> str:
    pts = []
    n = minutes * 6  # a point every 10 s
    for i in range(n + 1):
        t = start + dt.timedelta(seconds=10 * i)
        lon = 8.0 + km / (111.32 * 0.682) * i / n  # cos 47 degrees
        pts.append(f'<trkpt lat="47.0" lon="{lon:.6f}"><ele>{400 + (i % 60) / 3:.1f}</ele>'
                   f'<time>{t:%Y-%m-%dT%H:%M:%SZ}</time><extensions><gpxtpx:TrackPointExtension>'
                   f'<gpxtpx:hr>{135 + (i * 7) % 25}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>')
    return GPX.format(name=name, sport=sport, points="\n".join(pts))


def write_files(folder: Path, store) -> list[Path]:  # noqa: ANN001
    """Files for this week's planned runs and lift (Monday to today), a ride and a run on a rest day."""
    folder.mkdir(parents=True, exist_ok=True)
    monday = week_start(dt.date.today(), store.profile.get().week_start)
    days = [monday + dt.timedelta(days=i) for i in range(7)]
    paths: list[Path] = []
    lifts = []
    for day in days:
        for s in store.sessions.on_date(day):
            hour = s.time.hour if s.time else 7
            start = dt.datetime.combine(day, dt.time(hour, 4), tzinfo=dt.UTC)
            if s.kind is Kind.RUN:
                km = (s.distance_km or 8) * 1.04
                p = folder / f"{day:%Y-%m-%d}-run.gpx"
                p.write_text(_gpx("Morning Run", "running", start, s.duration_min + 3, km), encoding="utf-8")
                paths.append(p)
            elif s.kind is Kind.LIFT and not lifts:
                lifts.append((day, hour, s))
    if lifts:
        day, hour, s = lifts[0]
        rows = []
        begin, end = f"{day:%d %b %Y}, {hour:02d}:30", f"{day:%d %b %Y}, {hour + 1:02d}:25"
        for name, sets in (("Squat (Barbell)", [(60, 5, "warmup", ""), (100, 5, "normal", 8), (100, 5, "normal", 8.5)]),
                           ("Romanian Deadlift (Barbell)", [(80, 8, "normal", 7.5), (80, 8, "normal", 8)]),
                           ("Standing Calf Raise (Machine)", [(60, 12, "normal", 8), (60, 12, "failure", 10)])):
            for i, (kg, reps, kind, rpe) in enumerate(sets):
                rows.append(f'"{s.title}","{begin}","{end}","","{name}",,"",{i},"{kind}",{kg},{reps},,,{rpe}\n')
        p = folder / "hevy_workouts.csv"
        p.write_text(HEVY_HEAD + "".join(rows), encoding="utf-8")
        paths.append(p)
    sunday = days[-1]
    p = folder / f"{sunday:%Y-%m-%d}-ride.gpx"
    p.write_text(_gpx("Sunday ride", "cycling", dt.datetime.combine(sunday, dt.time(9, 0), tzinfo=dt.UTC), 95, 38),
                 encoding="utf-8")
    paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--theme", default="light")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--names", action="store_true", help="show the exercise names tab")
    args = ap.parse_args(argv)

    from planner.app import build_window
    from planner.resources import builtin_templates, import_catalog
    from planner.services.library import ProfileService
    from planner.services.plan import PlanService
    from planner.services.plan_files import load_demo
    from planner.store.database import open_store
    from planner.ui.dialogs.activity_import_dialog import ActivityImportDialog
    from planner.ui.settings import Settings
    from planner.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme(app, args.theme)  # type: ignore[arg-type]
    data = Path(args.data_dir)
    store = open_store(data, builtin_templates())
    if len(store.sessions) == 0:
        runner = DirectRunner(store)
        load_demo(PlanService(runner), ProfileService(runner), dt.date.today())
    paths = write_files(data / "files", store)
    # one run imported before: the dialog lists it as already in the plan
    first = ActivityImport(DirectRunner(store), import_catalog())
    first.apply(first.preview(first.read(paths[:1])))
    window = build_window(store, Settings())
    window.show()
    holder = {}

    def open_dialog() -> None:
        dialog = ActivityImportDialog(window.plan, paths, import_catalog(), window)
        holder["d"] = dialog
        dialog.show()
        if args.names:
            QTimer.singleShot(2500, lambda: dialog.tabs.setCurrentIndex(1))
        if args.apply:
            QTimer.singleShot(1500, dialog.import_button.click)

    QTimer.singleShot(300, open_dialog)
    try:
        return app.exec()
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
