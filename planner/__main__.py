from __future__ import annotations

import multiprocessing
import sys

from planner.cli import main

if __name__ == "__main__":
    # In a frozen build a spawned reading process (activity import) starts this program again:
    # freeze_support() runs the child's work and exits instead of opening another app.
    multiprocessing.freeze_support()
    sys.exit(main())
