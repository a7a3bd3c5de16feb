"""Numbers as people read them. A leaf module: the domain's own messages use it too."""

from __future__ import annotations

from decimal import Decimal

#: Decimals shown for a distance; enough for 0.01 km or mi.
SHOWN_DECIMALS = 2


def format_number(value: float, decimals: int = SHOWN_DECIMALS) -> str:
    """At most `decimals` decimals, no trailing zeros: 10.0 -> "10", 6.2137 -> "6.21"."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_exact(x: float) -> str:
    """Shortest text that reads back as the same number: no trailing `.0`, no exponent.
    An RPE reads "8" or "7.5"."""
    x = float(x)
    if x.is_integer():
        return str(int(x))
    return format(Decimal(repr(x)), "f")


def grouped(x: float) -> str:
    """A whole number with thousands separators: 12450.4 -> "12,450"."""
    return f"{round(x):,}"

