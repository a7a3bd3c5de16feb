"""The plan generator (issue 13): a periodized hybrid block that passes the plan check. No Qt.

The inputs are imported at once (the command line's parser needs their names); the generator and
its check only when first used, as they bring the load engine and numpy, which the window's start
does not need (about 0.1 s).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from planner.domain.generator.inputs import GeneratorError, GeneratorInput, parse_days, parse_lift

if TYPE_CHECKING:
    from planner.domain.generator.block import Block, Week, generate
    from planner.domain.generator.check import block_findings, generate_clean, serious

_LAZY = {"Block": "block", "Week": "block", "generate": "block",
         "block_findings": "check", "generate_clean": "check", "serious": "check"}

__all__ = ["Block", "GeneratorError", "GeneratorInput", "Week", "block_findings", "generate", "generate_clean",
           "parse_days", "parse_lift", "serious"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
