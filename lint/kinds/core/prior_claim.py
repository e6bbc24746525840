"""prior_claim: a verdict on this period against the last (高于上年, 低于上届, 少于去年同期) agrees with the
two figures stated for them just before it (本届参赛人数1,260人，上届1,180人，高于上届).

Finds a verdict (option ``verdicts``: 高于, 多于, 超过, 超出 say *greater*; 低于, 少于, 不及 *less*; not 优于,
whose direction the measure decides) right before a prior period (option ``priors``: 上年, 上届, 去年, 同期,
上年度, 上一年度, 上期, or a year before the current one), or 持平 after one (与上年持平, 和上年持平,
与2024年预算（Y）持平, the prior alone in its brackets, this year's the one amount before, or after it:
与上年持平（上年决算 Y）: *equal*; 基本持平,
接近持平, 持平略有增加 an estimate, not judged; 与2024年预算持平 over an amount of another measure, 执行数,
neither), not followed by a figure (低于上年2个百分点 states a gap: the difference check reads it), and
opening its clause, but for how much (略低于上年): a verdict after another measure's name (支出仍低于上年,
合格率高于上年, 增幅高于上年) or a negation (不低于上年) says nothing of the figures before it (同比, 总体,
依然 before it aside). Before it, in its clause run (from the sentence's start or the last ；), stand exactly
two figures of one unit family, adjacent: the prior (its label, or the words right before it, name the prior
period: 上届1,180人, 上年为 Y; or an earlier year than the other's, 2024年 X，2023年 Y; or a year beside this
period said in words, 本年度 X，2023年 Y) and the current one, in either order, neither a change
(比上年减少20万元: the change's, not the last period's) nor of spans unlike (累计 against 新增, 一季度 against
全年). A year must be the one before the other's, or before the report's (2024年 X，2020年为 Y，低于上年: 2020
is no 上年).

Judged on the figures as stated: *greater* holds unless the current figure is below the prior (or, at other
decimals, could not be above it), *less* the other way round, *equal* when their rounding intervals meet; two
figures stated alike are left alone (the values they were rounded from may differ). The finding is on the
current figure, the prior as the related place.
"""

from __future__ import annotations

import re
from dataclasses import field

from ...figures import labels, precision, units
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "prior_claim"
FIELDS = ("stated", "computed", "claim", "other", "verdict", "actual")
_VERDICT_WORDS = {"less": "less", "greater": "greater", "equal": "the same"}


@options
class Options:
    verdicts: dict[str, str] = field(default_factory=lambda: {
        "高于": "greater", "多于": "greater", "超过": "greater", "超出": "greater",
        "低于": "less", "少于": "less", "不及": "less"})
    priors: Words = Words(["上年度", "上一年度", "上一年", "上年", "上届", "去年", "同期", "上期", "前一年"])

    def validate(self) -> str | None:
        if any(v not in _VERDICT_WORDS for v in self.verdicts.values()):
            return "option verdicts maps words (高于, 低于) to greater or less"
        return None


_HEDGED_AFTER = lazy(r"\s*(?:或|并)?\s*(?:略|稍|微)")  # 持平略有增加, 持平或略有下降, 持平略减
_HEDGED = lazy(r"基本|大体|大致|接近|几乎|近乎|相当|略|总体")
_AMOUNT_ONLY = lazy(r"[（(]\s*[\d,.]+\s*(?:万元|亿元|元|%|人|个)?\s*[）)]\s*(?:保持)?\s*$")  # （4.20万元）
_MEASURE = lazy(r"预算|决算|执行")
_YEAR_BEFORE = lazy(r"((?:19|20)\d\d)\s*年(?:度)?")
_AFTER_CLAIM = lazy(r"\s*(?:同期)?(?:水平|的水平|数|值|平均水平)?\s*(?:[\d０-９]|[（(])")  # 低于上年2个百分点
_CLAUSE_RUN = "。；;！？"
_CHANGE = lazy(r"(?:增加|减少|增长|下降|提高|降低|上升|增收|减收|增支|减支|节约|超支|多|少)\s*(?:了|为)?\s*$")
_NOW = lazy(r"本年度?|今年|本届|当年|本期|本次")
# what may stand between the verdict and its clause's start: nothing but how much (低于上届; 略低于上年), not
# another measure (支出仍低于上年, 合格率高于上年) nor a negation (不低于上年)
_BARE = lazy(r"\s*(?:均|都|也|且|但|略|稍|明显|显著|大幅|远|仍然|仍|依然|依旧|同比|总体|整体|总体上)*\s*")
_SPAN = lazy(r"累计|截至|截止|季度|上半年|下半年|\d{1,2}\s*月|全年|月份")


def run(analysis, check: Check):
    o = check.options
    words = "|".join(map(re.escape, sorted(o.verdicts, key=len, reverse=True)))
    priors = "|".join(map(re.escape, sorted(o.priors, key=len, reverse=True)))
    pattern = re.compile(rf"(?P<verdict>{words})\s*(?P<prior>{priors}|(?:19|20)\d\d\s*年度?)"
                         rf"|(?:与|和|较)\s*(?P<prior2>{priors}|(?:19|20)\d\d\s*年度?)(?P<what>[^，,。；;：:\d]{{0,8}}?"
                         rf"(?:[（(][^（()）]{{1,20}}[）)])?)\s*(?P<loose>基本|大体|大致|总体)?(?:保持)?持平")
    for b, block in enumerate(analysis.doc.blocks):
        text = block.text
        if block.kind == "row" or not any(w in text for w in (*o.verdicts, "持平")):
            continue
        for m in pattern.finditer(text):
            if m.group("loose") or m.group("what") and _HEDGED.search(m.group("what")) \
                    or _HEDGED_AFTER.match(text, m.end()):
                continue  # 与上年基本持平, 与上年大体上持平, 接近持平, 持平略有增加: an estimate, not judged
            opened = max(text.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1
            if m.group("verdict") and _AFTER_CLAIM.match(text, m.end()) \
                    or not _BARE.fullmatch(text, opened, m.start()):
                continue  # (低于上年2个百分点: a gap; 支出仍低于上年, 合格率高于上年, 不低于上年: another
                # measure's verdict, or none)
            start = max(text.rfind(c, 0, m.start()) for c in _CLAUSE_RUN) + 1
            figs = [f for f in analysis.between(b, start, m.start()) if f.is_point and f.unit]
            inside = [f for f in analysis.between(b, m.start(), m.end()) if f.is_point and f.unit]
            verdict = o.verdicts[m.group("verdict")] if m.group("verdict") else "equal"
            if verdict == "equal" and len(inside) == 1 and len(figs) == 1 \
                    and _AMOUNT_ONLY.search(m.group("what") or ""):  # 与2024年预算（4.20万元）持平: the
                figs = [figs[0], inside[0]]  # bracket the amount alone, this year's the one before it
            elif inside:
                continue
            after = _bracketed_prior(analysis, b, m.end(), o) if len(figs) == 1 and not inside else None
            if after is not None:  # 与上年持平（上年决算12.06万元）: the prior in brackets after the verdict
                figs, inside = [figs[0], after], [after]
            if len(figs) != 2 or precision.family(figs[0].unit) != precision.family(figs[1].unit) \
                    or any(_CHANGE.search(f.label) for f in figs):
                continue  # (比上年减少20万元，低于上年: a change stated, not the last period's figure)
            if len({tuple(_SPAN.findall(_said(text, f))) for f in figs}) > 1:
                continue  # (截至2023年底累计 X，2024年新增 Y; 2024年一季度 X，2023年全年 Y: unlike periods)
            named = m.group("prior") or m.group("prior2")
            marked = [_prior(text, f, named, o) for f in figs] if not inside else [False, True]
            if not any(marked):
                marked = _earlier(text, figs, analysis.year(), named)  # 2024年 X，2023年 Y
            if marked.count(True) != 1:
                continue
            prior, current = (figs[0], figs[1]) if marked[0] else (figs[1], figs[0])
            measure, its = set(_MEASURE.findall(m.group("what") or "")), set(_MEASURE.findall(prior.label))
            if verdict == "equal" and measure and not inside and (not measure & its or its - measure):
                continue  # 2024年执行数 Y …，与2024年预算持平: the budget named, another measure stated
            found = _judge(check, analysis, current, prior, verdict, m.group(0))
            if found is not None:
                yield found


def _bracketed_prior(analysis, b: int, end: int, o: Options):
    """The one amount in brackets right after a verdict, named the prior period's (与上年持平（上年决算
    12.06万元）, 高于上年（上年1,180人）), or None."""
    text = analysis.doc.blocks[b].text
    m = labels.BRACKET_AFTER.match(text, end)
    if m is None or not any(w in m.group(1) for w in o.priors):
        return None
    held = [f for f in analysis.between(b, m.start(1), m.end(1)) if f.is_point and f.unit]
    return held[0] if len(held) == 1 and len(labels.NUMERALS.findall(m.group(1))) == 1 else None




def _prior(text: str, figure, named: str, o: Options) -> bool:
    """Whether a figure is the prior period's: its label, or the few words before it, name it (上届1,180人,
    2023年82%, 上年为 Y) as the claim does (a year: that year or an earlier one than any the text names for
    the other)."""
    said = _said(text, figure, 12)
    if any(w in said for w in o.priors):
        return True
    year = _YEAR_BEFORE.search(named)
    found = _YEAR_BEFORE.findall(said)
    return bool(year and found and found[-1] == year.group(1))


def _said(text: str, figure, reach: int = 20) -> str:
    """The words before a figure in its clause, at most ``reach`` characters."""
    said = text[max(0, figure.start - reach) : figure.start]
    return said[max(said.rfind(c) for c in "，,；;。：:") + 1 :]


def _earlier(text: str, figs, year: str | None, named: str) -> list[bool]:
    """Which of two figures each labelled with a year (2024年 X，2023年 Y) is of the year before the other's
    (or, beside this period said in words, 本年度 X，2023年 Y, of the year before the report's): the last
    period the claim names (上年), not any earlier one (2020年为 Y)."""
    years = []
    for f in figs:
        found = _YEAR_BEFORE.findall(_said(text, f))
        years.append(int(found[-1]) if found else None)
    claimed = _YEAR_BEFORE.search(named)
    if years.count(None) == 1:  # 本年度满意度86%，2023年82%: this period said in words, the other dated
        now = [bool(_NOW.search(_said(text, f))) for f in figs]
        dated = next(y for y in years if y is not None)
        last = int(claimed.group(1)) if claimed else int(year) - 1 if year else None
        return [y is not None and not n and now[1 - k] and dated == last
                for k, (y, n) in enumerate(zip(years, now))]
    if None in years or abs(years[0] - years[1]) != 1 and not claimed:
        return [False, False]  # (2024年 X，2020年为 Y，低于上年: 2020 is no 上年)
    return [y == min(years) for y in years]


def _judge(check: Check, analysis, current, prior, verdict: str, claim: str):
    factor = units.factor(prior.unit, current.unit) if prior.unit != current.unit else 1
    if factor is None:
        return None
    if current.value == prior.value * factor:
        return None  # stated alike: the values they were rounded from may differ
    ours, theirs = precision.interval(current), precision.interval(prior, "round", current.unit)
    holds = ours.hi > theirs.lo if verdict == "greater" else ours.lo < theirs.hi if verdict == "less" \
        else ours.lo <= theirs.hi and theirs.lo <= ours.hi
    if holds:
        return None
    actual = "is less than" if current.value < prior.value * factor else "is greater than"
    return report(check, analysis, current.span, current.text, related=(prior.span,), computed=prior.text,
                  figures=(current.text, prior.text), claim=claim, other=prior.text,
                  verdict=_VERDICT_WORDS[verdict], actual=actual)
