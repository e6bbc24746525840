"""score_deduction: a stated deduction (扣 X 分) is the item's 分值 − 得分.

Items are read from score tables and prose (该指标分值5分，自评得分1分，扣4分) as
:mod:`crossfoot.tables.scores` describes; an item that states a deduction is judged, and so is a deduction
the prose states for an indicator a score table scores (4.重点项目按期完成率扣1.6分 beside its row 7 | 5.60).
Points awarded are exact: the deduction must equal the difference, with no rounding.
"""

from __future__ import annotations

from dataclasses import replace

from ...figures import labels, precision
from ...regex import lazy
from ...tables import scores
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "score_deduction"
FIELDS = JUDGED


@options
class Options:
    max: Words = Words(["分值", "标准分"])
    score: Words = Words(["得分", "自评分"])


def run(analysis, check: Check):
    items = scores.items(analysis, check.options.max, check.options.score)
    for item in items:
        if item.maximum is None or item.cut is None:
            continue
        verdict = judge(check, analysis, item.cut, (item.maximum, item.score),
                        lambda i=item: precision.interval(i.maximum) - precision.interval(i.score),
                        expression=f"{item.maximum.text} − {item.score.text}")
        if verdict is not None:
            yield verdict
    yield from _named_cuts(analysis, check, [i for i in items if i.maximum is not None and i.cut is None])


def _named_cuts(analysis, check: Check, rows):
    """A deduction stated in prose for an indicator a score table scores (扣分情况说明：4.重点项目按期完成率扣
    1.6分; 重点项目绩效目标完成情况得14.5分，扣1分), the 分值 in the table only: the row's 分值 − 得分. The
    name is the words before 扣 (or before the 得 … 分 just before it), and must name one row."""
    named = [(_plain(item.own or item.name), item) for item in rows]  # (a row's own name, no group's)
    if not named:
        return
    for b, figures in enumerate(analysis.figures):
        if analysis.doc.blocks[b].kind == "row":
            continue
        for k, cut in enumerate(figures):
            label = labels.core(cut.label).strip(" ，,：:")
            if cut.unit != "分" or not cut.is_point or not _CUT.search(label) or _PER.search(label):
                continue
            name = _CUT.sub("", label)
            text = analysis.doc.blocks[b].text
            if not name and k and figures[k - 1].unit == "分" \
                    and _RIGHT_AFTER.fullmatch(text, figures[k - 1].end, cut.start):  # 得14.5分，扣1分
                name = _GOT.sub("", labels.core(figures[k - 1].label).strip(" ，,：:"))
            said, name = name, _plain(name)
            found = [i for n, i in named if len(name) >= 4 and n
                     and (n == name or name in n or len(n) >= 4 and name.endswith(n))]
            if len({(i.maximum.value, i.score.value) for i in found}) != 1:
                continue
            row = found[0]
            got = replace(row.score, exact=True)  # points awarded are exact
            exact = cut.decimals == 0 or cut.decimals >= got.decimals  # (扣1.6 of 5.60: to a tenth)
            verdict = judge(check, analysis, replace(cut, exact=exact, label=said), (row.maximum, row.score),
                            lambda m=row.maximum, g=got: precision.interval(m) - precision.interval(g),
                            expression=f"{row.maximum.text} − {row.score.text}")
            if verdict is not None:
                yield verdict


def _plain(name: str) -> str:
    """A name as compared: :func:`labels.core` (no list marker, no blanks) without quotes or brackets."""
    return _MARKS.sub("", labels.core(name))


_CUT = lazy(r"(?:扣除|扣减|扣)$")
_RIGHT_AFTER = lazy(r"\s*[，,]\s*(?:扣除|扣减|扣)\s*")  # the deduction straight after the score it took
_GOT = lazy(r"(?:自评得分|得分|得)(?:为)?$")
_PER = lazy(r"每|各|均")  # 每项扣1分: a rule, not an item's deduction
_MARKS = lazy(r"[“”\"'（）()]")
