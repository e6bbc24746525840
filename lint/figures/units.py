"""Units: the symbols reports write, and conversions between them through pint.

The symbols come from ``units.txt`` beside this module (read as plain text, so extracting figures never
imports pint). Conversions go through a pint registry built from that same file and nothing else, with
``Decimal`` as its number type, and only when a check compares figures written in different units.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

DEFINITIONS = Path(__file__).with_name("units.txt")

#: unit spellings that stand for the same symbol
# (萬元 in a simplified report, or in a traditional line too short to be converted whole)
_SPELLINGS = {"％": "%", "百分点": "个百分点", "萬元": "万元", "億元": "亿元", "萬億元": "万亿元"}

MONEY = frozenset({"元", "千元", "万元", "亿元", "万亿元"})
PERCENT_LIKE = frozenset({"%", "‰"})


@functools.cache
def symbols() -> tuple[str, ...]:
    """Every unit symbol of the definitions file, longest first (for greedy matching)."""
    found = []
    for raw in DEFINITIONS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if "=" in line:
            parts = [p.strip() for p in line.split("=")]
            found.extend(p for p in parts[2:] if p)
    found.extend(_SPELLINGS)
    return tuple(sorted(set(found), key=lambda u: (-len(u), u)))  # (the same order in every run)


def canonical(spelling: str) -> str:
    return _SPELLINGS.get(spelling, spelling)


@functools.cache
def _names() -> dict[str, str]:
    """Every symbol of the definitions file → the name of its definition (㎡ → square_metre)."""
    found = {}
    for raw in DEFINITIONS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if "=" in line:
            parts = [p.strip() for p in line.split("=")]
            found.update({p: parts[0] for p in parts[2:] if p})
    return found


@functools.cache
def _registry():
    import pint  # deferred: ~0.2 s, paid only by runs that convert units

    return pint.UnitRegistry(str(DEFINITIONS), non_int_type=Decimal, cache_folder=None)


@functools.cache
def factor(source: str, target: str) -> Decimal | None:
    """How many ``target`` one ``source`` is (1 亿元 = 10000 万元), or None if they do not convert.

    The bare number '' and '%'/'‰' are all dimensionless and convert to each other.
    """
    if source == target:
        return Decimal(1)
    import pint

    registry = _registry()
    names = _names()  # (pint's parser is given a definition's name, never a symbol it may misparse: ㎡)
    try:
        quantity = registry.Quantity(Decimal(1), names.get(source, source) or "dimensionless")
        value = quantity.to(names.get(target, target) or "dimensionless").magnitude
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
        return None
    return Decimal(value).normalize()


def dropped(short: str, full: str) -> bool:
    """Whether unit ``short`` is ``full`` with a character lost before it (元 of 万元): how a unit is
    mistyped."""
    return len(short) < len(full) and full.endswith(short)
