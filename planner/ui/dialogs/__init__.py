"""Dialogs that edit one thing at a time: a session's details, and marking a session done.

Imported when first used, not with the package: the window imports a few small dialog modules
(the store's problems, its fields) at start, and these two bring the exercise tables.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.ui.dialogs.mark_done import MarkDoneDialog
    from planner.ui.dialogs.session_editor import SessionEditor

_LAZY = {"MarkDoneDialog": "mark_done", "SessionEditor": "session_editor"}

__all__ = ["MarkDoneDialog", "SessionEditor"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
