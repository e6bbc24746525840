"""Number spellings: Chinese numerals, full-width digits, thousands grouping. Pure functions."""

from __future__ import annotations

import re
from decimal import Decimal

from ..regex import lazy

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}

#: full-width digits and marks that map one character to one character, so offsets are kept
WIDTH = str.maketrans("０１２３４５６７８９．％－", "0123456789.%-")
_WIDE = lazy("[０-９．％－]")


# a full-width comma grouping thousands, as a Chinese input method types it (1，489.36万元): groups of three
# after one to three digits, and a decimal part, so a clause break between two numbers is never taken for one
_WIDE_GROUPS = lazy(r"(?<![0-9０-９.．，,])[0-9０-９]{1,3}(?:，[0-9０-９]{3})+(?=[.．][0-9０-９])")


# thousands grouped by a no-break or thin space (2 781.74, as Word and typesetters print them): a decimal
# part after, as above (a plain space is left alone: a row's number before an amount, 3 781.74)
_SPACE_GROUPS = lazy(r"(?<![0-9.,])[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+(?=\.[0-9])")


def narrow(text: str) -> str:
    """``text`` with full-width digits, point, percent and minus made ASCII, a dot alike (U+2024, U+FE52)
    between digits the point, and full-width commas or no-break and thin spaces that group thousands made
    commas (same length, same offsets)."""
    if "，" in text:
        text = _WIDE_GROUPS.sub(lambda m: m.group().replace("，", ","), text)
    if "\u2024" in text or "\ufe52" in text:  # ONE DOT LEADER, SMALL FULL STOP between digits: the point
        text = _POINT_ALIKE.sub(".", text)
    if "\u00a0" in text or "\u202f" in text or "\u2009" in text:
        text = _SPACE_GROUPS.sub(lambda m: re.sub("[\u00a0\u202f\u2009]", ",", m.group()), text)
    return text.translate(WIDTH) if _WIDE.search(text) else text

_GROUPED = lazy(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_POINT_ALIKE = lazy(r"(?<=[0-9０-９])[\u2024\ufe52](?=[0-9０-９])")


def chinese(text: str) -> int | None:
    """The integer a Chinese numeral spells (十七 → 17, 一百零五 → 105, 两万 → 20000), or None."""
    if not text:
        return None
    total = section = digit = 0
    seen_digit = False
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
            seen_digit = True
        elif ch in _CN_UNITS:
            section += (digit if seen_digit else 1) * _CN_UNITS[ch]
            digit, seen_digit = 0, False
        elif ch in _CN_BIG:
            total += (section + digit) * _CN_BIG[ch]
            section = digit = 0
            seen_digit = False
        else:
            return None
    return total + section + digit


def whole(text: str) -> int | None:
    """A whole number written in ASCII digits or as a Chinese numeral (12, 十二), or None."""
    if text.isascii() and text.isdigit():
        return int(text)
    return chinese(text)


def arabic(text: str) -> tuple[Decimal, int, bool]:
    """``(value, decimals, well_formed)`` of a written Arabic number such as ``435,814.25``.

    Grouping commas are dropped; ``well_formed`` is False when commas are present but do not group by
    three (``14,8134.51``), which is worth a finding of its own.
    """
    plain = text.replace(",", "")
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    well_formed = "," not in text or _GROUPED.fullmatch(text) is not None
    return Decimal(plain), decimals, well_formed


COUNTERS = "年月日号时万亿千百元个人次项名家座户辆套间"
COUNT = r"\d{1,3}|[一二两三四五六七八九十]{1,3}"
"""A small count as prose writes it (7, 七, 两): a pattern to build others with, read by :func:`whole`."""
"""What a number directly before it counts or dates (3月, 5万元, 3名): a figure, not a list marker."""
