"""Dialogs that edit one thing at a time: a session's details, and marking a session done."""

from __future__ import annotations

from planner.ui.dialogs.mark_done import MarkDoneDialog
from planner.ui.dialogs.session_editor import SessionEditor

__all__ = ["MarkDoneDialog", "SessionEditor"]
