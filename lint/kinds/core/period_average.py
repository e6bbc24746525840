"""period_average: an amount per year or per month (年均, 月均) equals the total over the periods its
sentence spans (2020年至2024年累计投入资金5,000.00万元，年均投入1,000.00万元).

Finds, in each sentence, a figure whose label opens with 年均 or 月均 (an amount or a count: never a rate,
年均增长8.5%) and, before it in the sentence, exactly one total in its unit family (a count in the same
unit) that is no average itself and is said summed (累计, 共, 合计, 总额: not a balance or a headcount, 年末
余额, 在职职工86人, nor money beside a count of people, 月均工资: per head too), and exactly one span the
periods are counted from (quarters more than one, 第一、二季度, not read):

* for 年均: the years from one year to another (2020年至2024年, 2020—2024年: five), or a number of years
  (近三年, 三年来, 连续5年, 五年间, 十四五期间: five);
* for 月均: a range of months (1—6月, 1月至10月), a number of months (8个月), 上半年 or 下半年 (six),
  前三季度 (nine), a quarter (三), or, with none of those, one whole year (全年, 本年度, 2024年: twelve).

A span the sentence leaves open (2019年以来, 截至目前) is no span: the average is left alone. What the
average is of (投入 of 年均投入) must be named by the total's label too, when it names anything. Amounts
convert (亿元 → 万元).

Judged as an interval: the total, from its stated precision, over the periods, must meet the stated average
(an approximate one, 年均约1,000万元, is held to a place before its last digit).
"""

from __future__ import annotations

from decimal import Decimal

from ...figures import labels, numbers, precision
from ...interval import Interval
from ...regex import lazy
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "period_average"
FIELDS = JUDGED


@options
class Options:
    """No options: the wordings are the relation's own."""


_WORDS = ("年均", "月均")
_NUMERAL = r"(?<![\d〇零一二两三四五六七八九十])(\d{1,2}|[一二两三四五六七八九十]{1,3})"
_YEARS = lazy(r"((?:19|20)\d{2})\s*年?\s*(?:至|到|—|–|-|－|~|～)\s*((?:19|20)\d{2})\s*年")
_YEAR_COUNT = lazy(rf"(?:近|连续|过去|最近){_NUMERAL}\s*年|{_NUMERAL}\s*年(?:来|间|以来|中|累计|共)"
                   r"|(十[一二三四五])五(?:期间|时期|以来|规划期)")
_MONTHS = lazy(r"(?<!\d)(\d{1,2})\s*月?\s*(?:至|到|—|–|-|－|~|～)\s*(\d{1,2})\s*月")
_MONTH_COUNT = lazy(rf"{_NUMERAL}\s*个月")
_HALF = lazy(r"[上下]半年|前三季度|第[一二三四1-4]季度|一季度|二季度|三季度|四季度")
_WHOLE_YEAR = lazy(r"全年|本年度|年度内|(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月)")
_OPEN = lazy(r"以来|截至|截止|至今|目前")
_SUMMED = lazy(r"累计|共|合计|总计|总额|总量|总数")  # the total summed over the span (累计投入, 全年共接待)
_QUARTERS = lazy(r"[一二三四1-4]\s*(?:、|至|到|-|—|和|及)\s*(?:第)?[一二三四1-4]\s*季度")  # (一、二季度)


def run(analysis, check: Check):
    for block in range(len(analysis.doc.blocks)):
        text = analysis.doc.blocks[block].text
        if "年均" not in text and "月均" not in text:
            continue
        for start, _end, figs in analysis.sentences(block):
            for i, mean in enumerate(figs):
                core = labels.core(mean.label)
                word = next((w for w in _WORDS if core.startswith(w) or mean.label.startswith(w)), None)
                if word is None or not (mean.is_point or mean.qualifier == "about") \
                        or precision.family(mean.unit) in ("ratio", ""):
                    continue
                before = [f for f in figs[:i] if f.is_point and _like(f, mean)
                          and not any(w in f.label for w in _WORDS)]
                if len(before) != 1:
                    continue
                total = before[0]
                if not _SUMMED.search(labels.core(total.label)):
                    continue  # 年末余额 X，月均余额 Y; 在职职工86人，月均84人: a stock, not a flow summed
                if precision.family(mean.unit) == "money" and any(
                        f.unit in precision.PEOPLE for f in figs[:i] if f.is_point):
                    continue  # 职工86人，工资总额 X，月均工资 Y: per head too, not per month alone
                periods = _periods(text[start : mean.start], word)
                if periods is None:
                    continue
                what = core[len(word):].strip("为是：:约") if core.startswith(word) else ""
                if what and what not in labels.core(total.label):
                    continue  # an average of something the total does not name
                if mean.qualifier == "about":
                    mean = precision.rough(mean)
                verdict = judge(check, analysis, mean, (total,),
                                lambda t=total, n=periods, u=mean.unit:
                                precision.interval(t, "round", u) / Interval.point(Decimal(n)),
                                expression=f"{total.text} / {periods}")
                if verdict:
                    yield verdict


def _like(figure, mean) -> bool:
    """Whether ``figure`` could be the total of ``mean``: money for money, a count in its own unit."""
    if precision.family(mean.unit) == "money":
        return precision.family(figure.unit) == "money"
    return figure.unit == mean.unit


def _periods(said: str, word: str) -> int | None:
    """The number of years (``word`` 年均) or months (月均) the words before an average span: one span
    said, or None (none, two, or one left open)."""
    if _OPEN.search(said):
        return None
    if word == "年均":
        spans = {int(b) - int(a) + 1 for a, b in _YEARS.findall(said)}
        for match in _YEAR_COUNT.finditer(said):
            spans.add(5 if match.group(3) else numbers.whole(match.group(1) or match.group(2)) or 0)
        return spans.pop() if len(spans) == 1 and min(spans) > 1 else None
    if _QUARTERS.search(said):
        return None  # 第一、二季度, 二至三季度: quarters more than one, not read
    spans = {int(b) - int(a) + 1 for a, b in _MONTHS.findall(said) if 1 <= int(a) <= int(b) <= 12}
    spans |= {numbers.whole(n) or 0 for n in _MONTH_COUNT.findall(said)}
    spans |= {6 if "半年" in m else 9 if "前三" in m else 3 for m in _HALF.findall(said)}
    if not spans and _WHOLE_YEAR.search(said) and not _YEARS.search(said):
        spans = {12}
    return spans.pop() if len(spans) == 1 and 1 < min(spans) <= 12 else None
