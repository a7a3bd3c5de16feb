"""Hybrid Planner: plan running and lifting together."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Hybrid Planner"
