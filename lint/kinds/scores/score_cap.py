"""score_cap: a score item's 得分 does not exceed its 分值.

Items are read from score tables (a ``max`` column such as 分值, or 权重 when it holds points, not shares of
the whole such as 0.10 or 10%, and a ``score`` column such as 得分) and from
prose (该指标分值5分，自评得分1分，扣4分), as :mod:`crossfoot.tables.scores` describes. Rows whose name holds
a ``bonus`` word (加分, 加减分) may exceed their 分值, and so may the total (总分) of a sheet holding such a
row. A bound, not an equality: the score's interval must not
lie wholly above the maximum's; it is not recorded among the relations a digit typo must break.
"""

from __future__ import annotations

from ...figures import precision
from ...regex import lazy
from ...tables import last_line, scores
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "score_cap"
FIELDS = ("stated", "computed", "label", "maximum")


@options
class Options:
    max: Words = Words(["分值", "标准分", "权重"])
    score: Words = Words(["得分", "自评分"])
    bonus: Words = Words(["加分", "加减分", "附加"])


_TOTAL = lazy(r"总分|总得分|合计|总计|综合得分")


def _sheet(sheets, item):
    """The lines of the table an item's score stands in, or None (prose)."""
    if item.score.block != -1 or item.score.span is None:
        return None
    line = item.score.span.line
    return next((s for s in sheets if s[0] <= line <= s[1]), None)


def run(analysis, check: Check):
    o = check.options
    found = scores.items(analysis, o.max, o.score)
    sheets = [(t.span.line, last_line(t)) for t in analysis.tables]
    bonus = {_sheet(sheets, item) for item in found if o.bonus.within(item.name)} - {None}
    for item in found:
        if item.maximum is None or o.bonus.within(item.name):
            continue
        if _TOTAL.search(item.name) and _sheet(sheets, item) in bonus:
            continue  # 总分 100 | 100.50 under a 加分项 row of its sheet: the bonus is over the 100

        if precision.interval(item.score).lo > precision.interval(item.maximum).hi:
            yield report(check, analysis, item.score.span, item.score.text, related=(item.maximum.span,),
                         computed=f"<= {item.maximum.text}", figures=(item.score.text, item.maximum.text),
                         label=item.name or "a score item", maximum=item.maximum.text)
