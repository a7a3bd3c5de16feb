from __future__ import annotations

from planner.domain.field_words import field_words


class ValidationError(ValueError):
    """A value a user typed or a file held is out of range; `field` names it for the UI."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field_words(field)}: {message}")
        self.field = field
        self.message = message
