"""The plan generator (issue 13): a periodized hybrid block that passes the plan check. No Qt."""

from planner.domain.generator.block import Block, Week, generate
from planner.domain.generator.check import block_findings, generate_clean, serious
from planner.domain.generator.inputs import GeneratorError, GeneratorInput, parse_days, parse_lift

__all__ = ["Block", "GeneratorError", "GeneratorInput", "Week", "block_findings", "generate", "generate_clean",
           "parse_days", "parse_lift", "serious"]
