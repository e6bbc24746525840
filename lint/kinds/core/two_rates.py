"""two_rates: a figure's ratio to last year and its growth rate, both stated, say one thing
(为上年决算数的101.5%，增长1.5%; 为上年的96.2%，下降3.8%).

Finds, in each sentence, a percentage whose label ends with a ratio to last year (为上年的, 为上年决算数的,
为上年同期的, 相当于上年的) and, right after it in the next clause, a growth rate (``up``: 增长, 增加, 提高,
上升; ``down``: 下降, 减少, 降低), with no other figure between: the growth is the ratio less 100 (or 100
less the ratio for a fall).

Judged as intervals: both percentages stand for their rounding intervals.
"""

from __future__ import annotations

from decimal import Decimal

from ...figures import precision
from ...interval import Interval
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "two_rates"
FIELDS = JUDGED


@options
class Options:
    up: Words = Words(["增长", "增加", "提高", "上升"])
    down: Words = Words(["下降", "减少", "降低"])


_RATIO = lazy(r"(?:为|是|相当于)(?:上年|去年|上年同期|去年同期|上年度)"
              r"(?:决算数?|执行数?|实际数?|同期)?的?\s*$")
_HUNDRED = Interval.point(Decimal(100))


def run(analysis, check: Check):
    o = check.options
    for block in range(len(analysis.doc.blocks)):
        text = analysis.doc.blocks[block].text
        if "上年" not in text and "去年" not in text:
            continue
        for _start, _end, figs in analysis.sentences(block):
            for ratio, rate in zip(figs, figs[1:]):
                if ratio.unit != "%" or rate.unit != "%" or not ratio.is_point or not rate.is_point \
                        or not _RATIO.search(ratio.label):
                    continue
                between = text[ratio.end : rate.start]
                word = between.strip(" ，,").removeprefix("同比").removeprefix("比上年").strip()
                sign = 1 if word in o.up else -1 if word in o.down else 0
                if not sign or "。" in between or "；" in between:
                    continue  # (the next clause's own rate, 增长 right after the ratio: the same figure's)
                expression = f"{ratio.text} − 100%" if sign > 0 else f"100% − {ratio.text}"

                def compute(ratio=ratio, sign=sign):
                    moved = precision.interval(ratio) - _HUNDRED
                    return moved if sign > 0 else _HUNDRED - precision.interval(ratio)

                verdict = judge(check, analysis, rate, (ratio,), compute, expression=expression)
                if verdict:
                    yield verdict
