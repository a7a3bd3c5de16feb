"""A writer for the SIGKILL test: rewrites every session's title to "round K" in one batch, over and
over, and prints K once that state is saved (at-once mode) or handed to the background saver.

Usage: python -m tests.store.kill_writer DATA_DIR MODE   (MODE: "now" or "background")
"""

from __future__ import annotations

import sys
from pathlib import Path

from planner.store.database import open_store


def main() -> None:
    data_dir, mode = Path(sys.argv[1]), sys.argv[2]
    store = open_store(data_dir, backups=0)
    if mode == "background":
        store.storage.start_background()
    sessions = store.sessions.all()
    k = int(sessions[0].title.split()[-1]) if sessions else 0
    print("ready", flush=True)
    while True:
        k += 1
        store.sessions.apply(put=[s.replace(title=f"round {k}") for s in sessions])
        print(k, flush=True)


if __name__ == "__main__":
    main()
