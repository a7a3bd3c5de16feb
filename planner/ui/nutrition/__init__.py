"""The nutrition pane: a dock with the day's fuel and fluid targets (issue 11)."""
