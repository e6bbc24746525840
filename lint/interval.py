"""Interval arithmetic for stated figures (the XBRL Calculation 1.1 model).

A figure written with ``d`` decimals stands for every number that rounds to it: ``12.35`` is
``[12.345, 12.355]``. Arithmetic on intervals gives every value the exact computation could have had, and a
relation is consistent when the interval computed from its inputs meets the interval of the stated result.
Bounds are ``Decimal``; nothing here uses floats. The boundaries are taken as closed: a value exactly half
a unit away rounds either way depending on the convention, so it is never called an error.

Modes: ``round`` (the default: half a unit either side) and ``truncate`` (the digits were cut: the true
value lies within one unit *away from zero*). Checks judge in ``round`` mode and, when that fails, ask
whether ``truncate`` explains the gap, which is reported as information, not as an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

_HALF = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        products = (self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi)
        return Interval(min(products), max(products))

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def __truediv__(self, other: Interval) -> Interval | None:
        """The quotient, or None when the divisor's interval holds zero (anything is possible)."""
        if other.lo <= 0 <= other.hi:
            return None
        quotients = (self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi)
        return Interval(min(quotients), max(quotients))

    def meets(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def __contains__(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    def distance(self, other: Interval) -> Decimal:
        """How far apart two intervals are (0 when they meet)."""
        if self.meets(other):
            return Decimal(0)
        return other.lo - self.hi if other.lo > self.hi else self.lo - other.hi

    def show(self, decimals: int) -> str:
        """``[12.345, 12.355]`` shown with ``decimals`` places (at least the bounds' own places)."""
        return f"[{fmt(self.lo, decimals)}, {fmt(self.hi, decimals)}]"


def total(intervals) -> Interval:
    """The interval the sum of ``intervals`` can take."""
    acc = Interval.point(Decimal(0))
    for iv in intervals:
        acc = acc + iv
    return acc


def stated(value: Decimal, decimals: int, mode: str = "round") -> Interval:
    """The interval a figure written with ``decimals`` decimals stands for (negative: 10s, 100s...)."""
    unit = Decimal(1).scaleb(-decimals)
    if mode == "truncate":  # cut digits: [v, v + unit), the open end a billionth of a unit short of it
        reach = unit - unit.scaleb(-9)
        return Interval(value, value + reach) if value >= 0 else Interval(value - reach, value)
    if mode == "exact":
        return Interval.point(value)
    half = unit * _HALF
    return Interval(value - half, value + half)


def fmt(value: Decimal, decimals: int) -> str:
    """A Decimal shown with at least ``decimals`` places, without float noise."""
    if decimals <= 0:
        return f"{value.quantize(Decimal(1)):f}" if value == value.to_integral_value() else _trim(value)
    shown = value.quantize(Decimal(1).scaleb(-decimals))
    return f"{shown:f}" if shown == value else _trim(value)


def _trim(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    if "." in text and len(text.split(".")[1]) > 6:
        whole, frac = text.split(".")
        return f"{whole}.{frac[:6]}…"
    return text
