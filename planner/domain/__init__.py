"""Plain-Python domain: entities, validation and calculations. No Qt, no TinyDB."""
