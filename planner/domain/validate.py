"""Range and text checks shared by every entity; messages name the field and the allowed range."""

from __future__ import annotations

import math
import re
from enum import StrEnum
from typing import TypeVar

from planner.domain.errors import ValidationError

E = TypeVar("E", bound=StrEnum)

NAME_MAX = 120
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # tab, newline, CR allowed
_SURROGATE = re.compile("[\ud800-\udfff]")  # half a character: cannot be saved as UTF-8
NOTES_MAX = 4000


def number(field: str, value: object, lo: float, hi: float, unit: str = "") -> float:
    """Return `value` as a float inside [lo, hi], or raise a ValidationError naming the field."""
    if (type(value) is float or type(value) is int) and lo <= value <= hi:  # NaN fails the test
        return float(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, f"must be a number, not {value!r}")
    if math.isnan(value) or not lo <= value <= hi:
        suffix = f" {unit}" if unit else ""
        raise ValidationError(field, f"must be between {_fmt(lo)} and {_fmt(hi)}{suffix} (got {_fmt(value)})")
    return float(value)


def integer(field: str, value: object, lo: int, hi: int, unit: str = "") -> int:
    if type(value) is int and lo <= value <= hi:
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"must be a whole number, not {value!r}")
    number(field, value, lo, hi, unit)
    return value


def half_step(field: str, value: object, lo: float = 0, hi: float = 10) -> float:
    """RPE values: CR-10 (Foster 2001) and the RIR-based scale (Zourdos 2016) allow half points."""
    v = number(field, value, lo, hi)
    if not (v * 2).is_integer():
        raise ValidationError(field, f"must be in steps of 0.5 between {_fmt(lo)} and {_fmt(hi)} (got {_fmt(v)})")
    return v


def text(field: str, value: object, max_len: int = NAME_MAX, *, required: bool = False) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, f"must be text, not {value!r}")
    if required and not value.strip():
        raise ValidationError(field, "must not be empty")
    if len(value) > max_len:
        raise ValidationError(field, f"must be at most {max_len} characters (got {len(value)})")
    if _CONTROL.search(value):
        raise ValidationError(field, "must not contain control characters")
    if _SURROGATE.search(value):
        raise ValidationError(field, "contains a broken character (half of a surrogate pair)")
    return value


def choice(field: str, value: object, enum: type[E]) -> E:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ValidationError(field, f"must be one of {allowed} (got {value!r})") from None


def _fmt(x: float) -> str:
    return f"{x:g}"
