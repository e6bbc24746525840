"""score_item: a score item's 得分 is within its 分值, and a stated deduction is 分值 − 得分.

Items are read from score tables (a ``max`` column such as 分值 and a ``score`` column such as 得分) and from
prose (该指标分值5分，自评得分1分，扣4分). Option ``relation`` picks what a check judges: ``cap`` (the score
may not exceed the maximum; rows whose label holds a ``bonus`` word such as 加分 or 加减分 may) or
``deduction`` (扣 X 分 equals 分值 − 得分). Judged as intervals, like every other relation.
"""

from __future__ import annotations

from . import _prose, _scores
from ._base import Check, judge, report

KIND = "score_item"
OPTIONS = {"relation": "cap", "max": ["分值", "标准分"], "score": ["得分", "自评分"],
           "bonus": ["加分", "加减分", "附加"]}


def validate(options: dict) -> str | None:
    return None if options.get("relation") in ("cap", "deduction") else "option relation is cap or deduction"


def run(prose: _prose.Prose, check: Check):
    for item in _scores.items(prose, check.words("max"), check.words("score")):
        if item.maximum is None:
            continue
        if check.options["relation"] == "cap":
            if any(w in item.name for w in check.words("bonus")):
                continue
            # a bound, not an equality: not recorded among the relations a digit typo must break
            if _prose.interval(item.score).lo > _prose.interval(item.maximum).hi:
                yield report(check, prose, item.score.span, item.score.text, related=(item.maximum.span,),
                             computed=f"<= {item.maximum.text}", figures=(item.score.text, item.maximum.text),
                             label=item.name or "a score item", maximum=item.maximum.text)
        elif item.cut is not None:
            found = judge(check, prose, item.cut, (item.maximum, item.score),
                          lambda i=item: _prose.interval(i.maximum) - _prose.interval(i.score),
                          expression=f"{item.maximum.text} − {item.score.text}")
            if found is not None:
                yield found
