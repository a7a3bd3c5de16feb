from __future__ import annotations


class ValidationError(ValueError):
    """A value a user typed or a file held is out of range; `field` names it for the UI."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
