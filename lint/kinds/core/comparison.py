"""comparison: a sentence that compares two measures in words (决算数同预算数持平, 决算数小于预算数的主要原因)
agrees with the two amounts stated for them just before it.

A claim is a measure (option ``measures``: 决算, 预算, 执行, …), a comparison word (同, 与, 比, 较), the other
measure, and a verdict (option ``verdicts``: 持平 or 相等 are *equal*, 小于 or 低于 *less*, 大于, 高于 or 超过
*greater*); ``loose`` words before the verdict (基本持平, 略低于) make it an estimate, which is not judged.
Each measure's amount is the nearest money figure before the claim, in its paragraph (or the one before when
the claim opens its paragraph), not last year's (比上年决算 Y), whose label ends with the measure (支出决算为
9746.50万元 for 决算; 年初预算为 10210.34万元 for 预算; for 年初预算数, one labelled 年初 too), stopping at
the previous claim so that numbered items do not borrow each other's amounts, and before a 其中 list that a
sentence ended before the claim (the claim is the whole's, its parts listed in between).

Judged on the figures as stated: *equal* holds when they are one amount (the same number when stated to
the same decimals in the same unit, else rounding intervals that meet); *less* and *greater* hold unless
the two stated amounts are the other way round, or, stated to other decimals, unless no values they round
from could be so (2.22 may be less than a 2.2). Two amounts stated the same (54.53 and 54.53) said 小于 are
an ``info``: the amounts they were rounded from may differ (a template's 原因：无 left in, as often).
The finding is on the first measure's amount, with the other as the related place.
"""

from __future__ import annotations

import re
from dataclasses import field, replace
from functools import cache

from ...figures import labels, precision, units
from ...model import Severity
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "comparison"
FIELDS = ("stated", "computed", "claim", "other", "verdict", "actual", "measure", "other_measure")
_VERDICT_WORDS = {"equal": "the same", "less": "less", "greater": "greater"}


@options
class Options:
    measures: Words = Words(["决算", "预算", "执行"])
    compare: Words = Words(["同", "与", "比", "较"])
    verdicts: dict[str, str] = field(default_factory=lambda: {
        "持平": "equal", "相等": "equal", "等于": "equal", "相同": "equal", "一致": "equal",
        "小于": "less", "低于": "less", "少于": "less",
        "大于": "greater", "高于": "greater", "超过": "greater", "多于": "greater"})
    loose: Words = Words(["基本", "大致", "大体", "略", "稍"])
    trim: Words = Words(["数", "为", "是", "的"])

    def validate(self) -> str | None:
        if any(v not in _VERDICT_WORDS for v in self.verdicts.values()):
            return "option verdicts maps words (持平, 小于, 大于) to equal, less or greater"
        return None


@cache
def _pattern(measures: Words, compare: Words, loose: Words, verdicts: tuple[str, ...]) -> re.Pattern:
    measures = "|".join(map(re.escape, measures))
    compare = "|".join(map(re.escape, compare))
    loose = "|".join(map(re.escape, loose))
    verdicts = "|".join(map(re.escape, sorted(verdicts, key=len, reverse=True)))

    def other(name: str) -> str:
        return rf"(?P<{name}q>全年|年初|调整后)?\s*(?P<{name}>{measures})"

    compared = rf"(?:{compare})\s*{other('b')}数?\s*(?P<loose>{loose})?\s*(?P<verdict>{verdicts})"
    direct = rf"(?P<loose2>{loose})?\s*(?P<verdict2>{verdicts})\s*{other('b2')}数?"
    return re.compile(rf"(?P<a>{measures})数?\s*(?:{compared}|{direct})")


def run(analysis, check: Check):
    o = check.options
    pattern = _pattern(o.measures, o.compare, o.loose, tuple(o.verdicts))
    blocks = analysis.doc.blocks
    for b, block in enumerate(blocks):
        if block.kind == "row":
            continue
        previous = 0
        for m in pattern.finditer(block.text):
            second, verdict = m.group("b") or m.group("b2"), m.group("verdict") or m.group("verdict2")
            if m.group("a") == second:
                continue
            figures = analysis.between(b, previous, m.start())
            if not block.text[:m.start()].strip(" ，,。") and b > 0 and blocks[b - 1].kind != "row":
                figures = analysis.figures[b - 1] + figures  # the claim opens its paragraph
            parts = block.text.rfind("其中", previous, m.start())
            stop = block.text.rfind("。", parts, m.start()) if parts >= 0 else -1
            if stop >= 0:
                # X 预算 a，决算 b。其中：A 决算 a1，…。X 决算数等于预算数的原因: the whole's, not a part's
                # (the claim's own sentence kept: Y 预算 c，决算 c，决算数与预算数持平)
                figures = [f for f in figures if f.block != b or f.start < parts or f.start > stop]
            previous = m.end()
            if m.group("loose") or m.group("loose2"):
                continue
            named = m.group("bq") or m.group("b2q") or ""  # 年初预算数: the 年初 one, not the 全年
            a = _nearest(o, figures, m.group("a"))
            b_fig = _nearest(o, figures, second, named) or _nearest(o, figures, second)
            if a is None or b_fig is None or a is b_fig:
                continue
            finding = _judge(check, analysis, a, b_fig, o.verdicts[verdict], m)
            if finding is not None:
                yield finding


def _nearest(o: Options, figures, measure: str, named: str = ""):
    for fig in reversed(figures):
        if fig.unit not in units.MONEY or not fig.is_point:
            continue
        if _EARLIER.search(fig.label):
            continue  # (比上年决算 Y: last year's outturn, not the one the claim compares)
        label = labels.core(fig.label)
        while label and label[-1] in "".join(o.trim):
            label = label[:-1]
        if label.endswith(measure) and (not named or named in label):
            return fig
    return None


# last year's outturn (比上年决算 Y, 较2023年决算 Y, 上年决算数): not 使用上年结转资金…的支出决算, this year's
_EARLIER = lazy(r"(?:比|较|与|对比)\s*(?:上年|去年|上一年|同期|(?:19|20)\d\d\s*年)"
                r"|(?:上年|去年|上一年)度?(?:决算|支出决算)")


def _judge(check: Check, analysis, a, b, verdict: str, m: re.Match):
    mine, theirs = a.value, _in(b, a.unit)
    if theirs is None:
        return None
    if a.unit == b.unit and a.decimals == b.decimals and analysis.rounding != "either":
        same = mine == theirs  # stated alike, one amount is one number
        less, greater = mine < theirs, mine > theirs
    else:  # stated to other decimals: what rounding allows (2.22 may be less than a 2.2 that was 2.23)
        ours, other = precision.interval(a), precision.interval(b, "round", a.unit)
        same = ours.meets(other)
        less, greater = ours.lo < other.hi, ours.hi > other.lo
    holds = {"equal": same, "less": less, "greater": greater}[verdict]
    if holds:
        return None
    said = m.group(0)
    actual = "equals" if mine == theirs else ("is less than" if mine < theirs else "is greater than")
    found = report(check, analysis, a.span, a.text, related=(b.span,), computed=b.text,
                  figures=(a.text, b.text), claim=said, other=b.text, verdict=_VERDICT_WORDS[verdict],
                  actual=actual, measure=m.group("a"), other_measure=m.group("b") or m.group("b2"))
    if verdict != "equal" and mine == theirs:  # 32.32 and 32.32 may be 32.3219 and 32.3220: 小于 may hold
        found = replace(found, severity=Severity.INFO)  # below the stated cents (a template's 原因：无 left)
    return found


def _in(figure, unit: str):
    factor = units.factor(figure.unit, unit)
    return None if factor is None else figure.value * factor
