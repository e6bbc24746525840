"""score_deduction: a stated deduction (扣 X 分) is the item's 分值 − 得分.

Items are read from score tables and prose (该指标分值5分，自评得分1分，扣4分) as
:mod:`crossfoot.tables.scores` describes; an item that states a deduction is judged. Points awarded are
exact: the deduction must equal the difference, with no rounding.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...figures import precision
from ...tables import scores
from ...vocabulary import Words
from ..base import JUDGED, Check, judge

KIND = "score_deduction"
FIELDS = JUDGED


@dataclass(frozen=True)
class Options:
    max: Words = Words(["分值", "标准分"])
    score: Words = Words(["得分", "自评分"])


def run(analysis, check: Check):
    for item in scores.items(analysis, check.options.max, check.options.score):
        if item.maximum is None or item.cut is None:
            continue
        verdict = judge(check, analysis, item.cut, (item.maximum, item.score),
                        lambda i=item: precision.interval(i.maximum) - precision.interval(i.score),
                        expression=f"{item.maximum.text} − {item.score.text}")
        if verdict is not None:
            yield verdict
