"""Use cases: every change to the plan is a plain-Python operation, run by the window (undoable) or
the command line (at once) through the same services."""
