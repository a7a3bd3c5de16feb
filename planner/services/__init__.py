"""Use cases: every change to the plan is an undoable command followed by one `Changes` broadcast."""
