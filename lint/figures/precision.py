"""What a stated figure stands for: its rounding interval, whether it is exact, its unit family, and the
one-digit change that would make it agree with a computed value.

A figure written with ``d`` decimals stands for every number that rounds to it (:mod:`crossfoot.interval`);
counts of things (3 个, 12 家) and numerals written in words are exact. Units compare within a family: all
money is one family, %/‰/bare numbers another, each count its own.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..interval import Interval, stated
from ..interval import total as sum_intervals
from ..model import Figure
from ..regex import lazy
from . import labels, numbers, units

#: units whose integer figures are exact counts, not rounded amounts
_MEASURES = frozenset({"个百分点", "分", "", "平方米", "吨", "公斤", "千克", "斤", "公里", "千米", "米", "亩",
                       "公顷", "平方公里", "立方米", "小时"})
PEOPLE = ("人", "人次", "名", "位")
"""The units people are counted in."""
COUNT_UNITS = frozenset(s for s in units.symbols() if s not in units.MONEY | units.PERCENT_LIKE | _MEASURES)


def members(fam: str) -> frozenset[str]:
    """The units of the family ``fam`` (see :func:`family`)."""
    return units.MONEY if fam == "money" else units.PERCENT_LIKE if fam == "ratio" else frozenset((fam,))


def family(unit: str) -> str:
    """Units that compare: all money is one family, %/‰/bare numbers another, people (人, 名) one, sessions
    (场, 场次) one, batches (批, 批次) one, each other count its own."""
    if unit in units.MONEY:
        return "money"
    if unit in units.PERCENT_LIKE:
        return "ratio"
    return _SAME_COUNT.get(unit, unit)


_SAME_COUNT = {"名": "人", "场次": "场", "批次": "批"}  # counts written either way (20场 … 18场次)


def exact(figure: Figure) -> bool:
    """Whether a figure is exactly its value: counts (12个; not an average, 期均50人), and whole points
    allotted or awarded to an item (分值20分, 得分17分, 产出指标39分, 决策指标共20分), not a total score
    (总分96分 may be its decimal parts rounded)."""
    if figure.exact:
        return True
    if figure.unit in COUNT_UNITS and figure.decimals == 0:
        return not PER_HEAD.match(labels.core(figure.label).strip(" ，,：:"))  # 期均50人 is 600 / 12 rounded
    label = figure.label.strip(" ，,：:为是")
    return figure.unit == "分" and figure.decimals == 0 and not _TOTAL_POINTS.search(label) \
        and (_ALLOTTED.search(label) is not None or label in _AWARDED
             or label.removesuffix("共").endswith("指标"))  # (决策指标共20分: its 分值)


PER_HEAD = lazy(r"人均|户均|生均|期均|场均|次均|批均|平均|年均|月均|日均")
"""An amount or count per head or per period (人均, 期均): a mean, no total's."""
_ALLOTTED = lazy(r"分值|满分|权重|标准分|扣")
_AWARDED = ("得分", "实际得分", "得", "评分")  # an item's score after its 分值 (分值20分，得分17分)
_TOTAL_POINTS = lazy(r"总|综合|整体|合计|自评|评价|小计|平均|累计|部门|项目|绩效|最终")


def rough(figure: Figure) -> Figure:
    """An approximation (约226.5元, 约3.13亿元, 约1,500万元) as the figure it can be held to: rounded to one
    place before its last digit (its last non-zero digit when it is whole: 约1,500 to the thousand), so
    only a gross miss (约226.5元 for 262.5) shows."""
    if figure.decimals > 0:
        return replace(figure, decimals=figure.decimals - 1, qualifier="")
    whole = str(abs(int(figure.value)))
    zeros = len(whole) - len(whole.rstrip("0")) if whole != "0" else 0
    return replace(figure, decimals=min(figure.decimals, -zeros) - 1, qualifier="")


def interval(figure: Figure, mode: str = "round", unit: str | None = None) -> Interval:
    """The interval a figure stands for, in ``unit`` (default its own). An amount of money written 0 is
    nothing or a little, never less (因公出国（境）费0万元 is [0, 0.5], not [−0.5, 0.5])."""
    iv = stated(figure.value, figure.decimals, "exact" if exact(figure) else mode)
    if figure.value == 0 and iv.lo < 0 and family(figure.unit) == "money":
        iv = Interval(Decimal(0), iv.hi)
    if unit is not None and unit != figure.unit:
        factor = units.factor(figure.unit, unit)
        if factor is None:
            raise ValueError(f"{figure.unit} does not convert to {unit}")
        iv = iv.scale(factor)
    return iv


def total(figures, unit: str | None = None, mode: str = "round") -> Interval:
    """The interval the sum of ``figures`` can take (in ``unit``, default each figure's own)."""
    return sum_intervals(interval(f, mode, unit) for f in figures)


def number_text(figure: Figure) -> str:
    """The digits of a figure as written, with its grouping commas and decimal point (no unit), full-width
    ones made ASCII (５００．００ reads 500.00)."""
    digits = numbers.narrow(figure.text)
    return "".join(c for c in digits if c in "0123456789,.").strip(",.")  # (not the ³ of m³)


def one_digit_fix(figure: Figure, target: Interval) -> str | None:
    """The figure's digits as written (:func:`number_text`) with one digit changed so that they could stand
    for a value in ``target`` (in the figure's unit), else None; of several, the nearest the middle of
    ``target``. A leading digit is never made 0 (05 is not how a number is written)."""
    read = _written(figure)
    if read is None:
        return None
    written, half = read
    best: tuple[Decimal, str] | None = None
    for at, old in enumerate(written):
        if not old.isdigit():
            continue
        leading = at == 0 and written[1:2] not in ("", ".")
        for new in "0123456789":
            if new == old or new == "0" and leading:
                continue
            spelled = written[:at] + new + written[at + 1:]
            value = Decimal(spelled.replace(",", ""))
            if value - half <= target.hi and target.lo <= value + half:
                gap = abs(value - target.mid)
                if best is None or gap < best[0]:
                    best = (gap, spelled)
    return best[1] if best else None


def swap_fix(figure: Figure, target: Interval) -> str | None:
    """The figure's digits as written with two neighbouring digits swapped (710.76 for 701.76) so that they
    could stand for a value in ``target`` (in the figure's unit), else None. A leading digit is never made
    0."""
    read = _written(figure)
    if read is None:
        return None
    written, half = read
    for at in range(len(written) - 1):
        a, b = written[at], written[at + 1]
        if not (a.isdigit() and b.isdigit()) or a == b or at == 0 and b == "0":
            continue
        spelled = written[:at] + b + a + written[at + 2:]
        value = Decimal(spelled.replace(",", ""))
        if value - half <= target.hi and target.lo <= value + half:
            return spelled
    return None


def _written(figure: Figure) -> tuple[str, Decimal] | None:
    """The figure's digits as written and the half-unit of its last place (0 when exact), or None when it
    is written to tens or more (1.2万) and no digit of it can be retyped."""
    written = number_text(figure)
    if figure.decimals < 0 or not written:
        return None
    return written, Decimal(0) if exact(figure) else Decimal(1).scaleb(-figure.decimals) / 2


def typo_fix(figure: Figure, target: Interval) -> tuple[str, str] | None:
    """``("one digit", digits)`` or ``("swapped", digits)``: the figure as written with one digit changed,
    or else two neighbouring digits swapped, that could stand for a value in ``target``; None if neither."""
    one = one_digit_fix(figure, target)
    if one:
        return "one digit", one
    swapped = swap_fix(figure, target)
    return ("swapped", swapped) if swapped else None


def significant(figure: Figure) -> bool:
    """Enough digits (three or more) that one changed digit is telling, not a coincidence."""
    return len(number_text(figure).replace(",", "").replace(".", "").lstrip("0")) >= 3


def nothing_for_zero(figures) -> list[Figure]:
    """``figures`` with a whole 0 read as nothing at all, not up to half a unit: a template's line left at
    0万元 beside amounts to the cent (因公出国（境）费0万元 beside 3.26万元)."""
    return [replace(f, exact=True) if f.value == 0 and f.decimals == 0 else f for f in figures]


def digit_fixes(whole: Figure, parts) -> list[tuple[Figure, Interval]]:
    """The parts one changed digit of which would make ``parts`` add up to ``whole``, each with the interval
    it would have to be in (in its own unit). A part counted against the whole (a 减少 among 增加s, a
    deduction) is negative here: its digits are the ones written, so what it would need is read unsigned."""
    out = []
    for part in parts:
        others = total((p for p in parts if p is not part), whole.unit)
        factor = units.factor(part.unit, whole.unit) or Decimal(1)
        need = (interval(whole) - others).scale(Decimal(1) / factor)
        written, wanted = (replace(part, value=-part.value), need.scale(Decimal(-1))) if part.value < 0 \
            else (part, need)
        if significant(written) and one_digit_fix(written, wanted):
            out.append((part, need))
    return out
