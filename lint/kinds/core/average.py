"""average: an amount per head (人均, 户均, 平均, 生均) equals the total over the count stated with it.

Finds, in each sentence, a money figure whose label opens with a per-head word (option ``per``: 人均,
户均, 生均, 平均, 每人) and, before it in the same sentence, exactly one money amount (the total) and exactly
one count (人, 人次, 户, 名, …: a counted unit). What the average is of (培训经费 of 人均培训经费)
must be named by the total's label too, when it names anything: 全年培训教师1,280人次，支出培训经费186.40
万元，人均培训经费1,456.25元 reads; 人均住房面积 after a budget does not. Amounts convert (万元 → 元).

Judged as an interval: total / count, each from its stated precision, must meet the stated average.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...figures import labels, precision
from ...vocabulary import Words
from ..base import JUDGED, Check, judge

KIND = "average"
FIELDS = JUDGED


_NOT_HEADS = ("百分点", "％", "度")


@dataclass(frozen=True)
class Options:
    per: Words = Words(["人均", "户均", "生均", "平均", "每人"])


def run(analysis, check: Check):
    per = check.options.per
    for block, figures in enumerate(analysis.figures):
        if not figures or not per.within(analysis.doc.blocks[block].text):
            continue
        for _start, _end, figs in analysis.sentences(block):
            for i, mean in enumerate(figs):
                word = next((w for w in per if labels.core(mean.label).startswith(w)), None)
                if word is None or not mean.is_point or precision.family(mean.unit) != "money":
                    continue
                before = [f for f in figs[:i] if f.is_point]
                totals = [f for f in before if precision.family(f.unit) == "money"]
                counts = [f for f in before if f.unit in precision.COUNT_UNITS and f.unit not in _NOT_HEADS
                          and f.value > 0]
                if len(totals) != 1 or len(counts) != 1:
                    continue
                total, count = totals[0], counts[0]
                what = labels.core(mean.label)[len(word):].strip("为是：:")
                if what and what not in labels.core(total.label):
                    continue  # an average of something the total does not name
                verdict = judge(check, analysis, mean, (total, count),
                                lambda t=total, c=count, u=mean.unit: precision.interval(t, "round", u)
                                / precision.interval(c),
                                expression=f"{total.text} / {count.text}")
                if verdict:
                    yield verdict
