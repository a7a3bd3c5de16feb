"""A reader that dies the way a C-stack overflow kills a process (SIGSEGV), for the window's test
that a dying reader is reported as an unreadable file and never retried in the window's process."""

from __future__ import annotations

import os
import signal


def die(*_args: object) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)
