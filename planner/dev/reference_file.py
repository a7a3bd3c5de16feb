"""Write the reference history as a data file the app opens like any other.

`python -m planner.dev.reference_file --out FILE.json [--end 2026-11-22] [--years 10] [--seed 1]`

The file is a complete, current-schema TinyDB file: a meta table with the schema version, the
reference athlete's profile, and the sessions numbered 1..n in date order. Copy it into a data
folder as the data file (or point `--data-dir` at its folder) to load the benchmarks' history.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from planner.atomic_file import write_atomic
from planner.dev.reference_history import END, generate_reference_history, reference_profile
from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.store.codec import profile_to_doc, session_to_doc
from planner.store.migrations import SCHEMA_VERSION, Tables, set_version


def reference_tables(sessions: Sequence[Session], profile: Profile | None = None) -> Tables:
    """The tables of a data file holding `sessions` (ids 1..n in the order given)."""
    tables: dict[str, dict[str, Any]] = {}
    set_version(tables, SCHEMA_VERSION)
    tables["profile"] = {"1": profile_to_doc(profile or reference_profile())}
    tables["sessions"] = {str(i): session_to_doc(s) for i, s in enumerate(sessions, 1)}
    return tables


def write_reference_file(path: Path, sessions: Sequence[Session],
                         profile: Profile | None = None) -> int:
    """Write the data file atomically; returns how many sessions it holds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, orjson.dumps(reference_tables(sessions, profile)))
    return len(sessions)


def reference_folder(prefix: str) -> tuple[Path, list[Session]]:
    """A new temporary data folder holding the reference history, for a benchmark; the window's
    settings go beside it (HYBRID_PLANNER_SETTINGS_DIR), never into the user's."""
    import os
    import tempfile

    from planner.dev.reference_history import generate_reference_history
    from planner.store.database import DATA_FILE

    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    sessions = generate_reference_history()
    write_reference_file(tmp / "data" / DATA_FILE, sessions)
    os.environ["HYBRID_PLANNER_SETTINGS_DIR"] = str(tmp / "settings")
    return tmp / "data", sessions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m planner.dev.reference_file",
        description="Write the deterministic ten-year reference history as a data file.")
    parser.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    parser.add_argument("--end", type=dt.date.fromisoformat, default=END,
                        help=f"last day (its week is the last week), default {END.isoformat()}")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sessions = generate_reference_history(args.end, args.years, args.seed)
    count = write_reference_file(args.out, sessions)
    print(f"{count} sessions written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
