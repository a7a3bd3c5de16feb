"""A closed range of numbers (lo <= hi): every nutrition target is one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Range:
    lo: float
    hi: float

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"range {self.lo}-{self.hi} runs backwards")

    def times(self, k: float) -> Range:
        return Range(self.lo * k, self.hi * k)

    def plus(self, k: float) -> Range:
        return Range(self.lo + k, self.hi + k)

    def contains(self, x: float) -> bool:
        return self.lo <= x <= self.hi

    def rounded(self, digits: int = 0) -> list[float]:
        """[lo, hi] for JSON: whole numbers as ints, so 210.0 prints as 210."""
        out: list[float] = []
        for x in (self.lo, self.hi):
            r = round(x, digits)
            out.append(int(r) if digits == 0 or float(r).is_integer() else r)
        return out
