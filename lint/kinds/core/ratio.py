"""ratio: a stated rate (为年初预算的 342.35%, 执行率 99.89%, 完成率, 到位率) agrees with its amounts.

Two shapes are found in each sentence:

* ``A，为<base>的 P%``: A is the nearest amount before the rate; the base is looked up by its words
  (年初预算) among the figures before, preferring the one whose label shares the most with A's label
  (财政拨款收入 … 为年初预算的 → the 年初预算 figure listed as 财政拨款收入).
* ``<plan> X，<actual> Y，<rate word> P%`` (option ``rates``: 执行率, 完成率, ...): the two amounts
  (or counts of one measure word) before the rate in its sentence, the planned one being the only one
  whose label holds a plan word (option ``plan``: 预算, 计划, 目标, 指标, ...) and no actual word
  (option ``actual``: 实际, 已实现, 决算, ...).

Judged as an interval: actual/base must meet the stated rate's interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ...figures import labels, precision
from ...vocabulary import Words
from ..base import JUDGED, Check, judge

KIND = "ratio"
FIELDS = JUDGED


@dataclass(frozen=True)
class Options:
    rates: Words = Words(["预算执行率", "执行率", "完成率", "支出率", "到位率", "支付率", "使用率", "兑现率",
                          "控制率", "支出进度", "执行进度"])
    plan: Words = Words(["预算", "计划", "目标", "指标", "下达", "批复", "安排", "申报", "应"])
    actual: Words = Words(["实际", "已实现", "已完成", "实现", "完成", "决算", "执行数"])


def run(analysis, check: Check):
    o = check.options
    for block in analysis.stating("%"):
        text = analysis.doc.blocks[block].text
        for sentence in analysis.sentences(block):
            for i, rate in enumerate(sentence[2]):
                if rate.unit != "%" or not rate.is_point or i == 0:
                    continue
                raw = text[max(0, rate.start - len(rate.label) - 3) : rate.start]
                of_base = rate.label.startswith("为") and "的" in raw
                if not of_base and not o.rates.within(rate.label):
                    continue  # neither shape: a rate of nothing stated here
                figs = labels.near(sentence, rate.start)[2]
                amounts = [f for f in figs if f.start < rate.start and f.is_point
                           and precision.family(f.unit) not in ("ratio", "")]
                hidden = labels.inside(text, figs[0].start, [f.start for f in amounts])
                amounts = [f for f, h in zip(amounts, hidden) if not h]
                if not amounts:
                    continue
                fam = precision.family(amounts[-1].unit)
                amounts = [f for f in amounts if precision.family(f.unit) == fam]
                if of_base:
                    actual = amounts[-1]
                    base = analysis.resolve(actual, rate.label[1:], actual.label, fam)
                elif len(amounts) >= 2:
                    plan = [f for f in amounts if o.plan.within(f.label) and not o.actual.within(f.label)]
                    others = [f for f in amounts if f not in plan]
                    if len(plan) != 1 or not others:
                        continue
                    base, actual = plan[0], others[-1]
                else:
                    continue
                if base is None or base is actual:
                    continue
                verdict = judge(
                    check, analysis, rate, (actual, base),
                    lambda a=actual, b=base: precision.interval(a, "round", b.unit) / precision.interval(b),
                    scale=Decimal(100), expression=f"{actual.text} / {base.text}",
                )
                if verdict:
                    yield verdict
