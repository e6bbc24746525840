"""target_met: a claim that a target was met (已完成年度目标, 达到预期目标) agrees with the target and the
actual figure stated just before it (年度目标不少于3000人次，实际完成2860人次，已完成年度目标).

Finds a claim (option ``claims``: 已完成年度目标, 达到预期目标, 完成目标 …) opening its clause, nothing before
it but 均, 已, 全部 and the like (not 基本完成, 部分完成, 未完成: those say it was not met; nor
完成年度目标的95.33%, a rate of it), and before it, in its sentence (from its start or the last ；), exactly
two figures of one unit family, the first a target bounded one way (≥, 不少于, 不低于, 以上: at least; ≤,
不超过, 以内: at most) whose label names a target (option ``targets``: 目标, 计划, 指标值 …), the second
stated as it is (no bound) with a label naming what was done (option ``actuals``: 实际, 完成, 达到 …), a
completion rate in percent after them aside (实际完成 A，完成率 P%，已完成年度目标; they in percent too). The
claim ends its clause (完成年度目标的95.33%, 完成目标仍有差距, 完成目标进度过半 claim nothing); nothing in the
sentence speaks of another time (上年目标, 三年规划, 截至6月底, 上半年, two years), nor is the actual in
brackets.

Judged as intervals, the target exactly as written (≥95% is 95%, as indicator tables are read): at least
holds unless the actual's whole interval lies below it, at most unless above it. The finding is on the actual
figure, the target as the related place: the claim contradicts them.
"""

from __future__ import annotations

from ...figures import labels, precision, units
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "target_met"
FIELDS = ("stated", "computed", "claim", "other")


@options
class Options:
    claims: Words = Words(["完成年度目标", "完成年度绩效目标", "完成绩效目标", "完成预期目标", "达到预期目标",
                           "达到年度目标", "达到目标", "完成目标", "实现年度目标", "实现预期目标", "实现目标",
                           "达成目标", "达到目标值", "完成目标值", "完成既定目标", "达到既定目标",
                           "完成了年度目标", "完成了目标", "达到了目标", "达到了预期目标", "达到了年度目标",
                           "实现了年度目标", "实现了预期目标", "实现了目标"])
    targets: Words = Words(["目标", "计划", "指标值", "任务"])
    actuals: Words = Words(["实际", "完成", "达到", "实现"])


# nothing before a claim in its clause but how it was met (已完成, 均已达到, 全部完成)
_OPENING = lazy(r"\s*(?:均|已|全部|全面|顺利|圆满|都|也)*\s*")
# the claim ends its clause: not 完成年度目标的95.33%, 完成目标仍有差距, 完成目标进度过半
_ENDS = lazy(r"\s*(?:任务|要求)?\s*(?:[，,。；;！!]|$)")
# a target or an actual of another time than the year's (上年目标, 三年规划, 上半年实际完成, in brackets)
_OTHER_TIME = lazy(rf"{labels.LAST_YEAR}|{labels.PART_OF_YEAR}|规划|中期|三年|五年|到20\d\d|截至|截止|季度"
                   r"|目前|预计")


def run(analysis, check: Check):
    o = check.options
    for b, block in enumerate(analysis.doc.blocks):
        text = block.text
        if block.kind == "row" or not o.claims.within(text):
            continue
        seen: set[int] = set()  # (达到目标值 and the 达到目标 inside it: one claim)
        for claim in sorted(o.claims, key=len, reverse=True):
            at = text.find(claim)
            while at >= 0:
                if at not in seen and at + len(claim) not in seen:
                    seen.update((at, at + len(claim)))
                    found = _judged(analysis, check, b, text, at, claim)
                    if found is not None:
                        yield found
                at = text.find(claim, at + len(claim))


_RATE_NAMED = lazy(r"\s*[，,]?\s*(?:完成率|完成进度|达成率)\s*(?:为|达到?)?\s*")


def _judged(analysis, check: Check, b: int, text: str, at: int, claim: str):
    o = check.options
    opened = max(text.rfind(c, 0, at) for c in "，,；;。：:") + 1
    if not _OPENING.fullmatch(text, opened, at) or not _ENDS.match(text, at + len(claim)):
        return None  # (基本完成年度目标, 未完成目标; 完成年度目标的95.33%, 完成目标仍有差距: no plain claim)
    start = max(text.rfind(c, 0, opened) for c in "；;。") + 1
    figs = [f for f in analysis.between(b, start, opened) if f.unit]
    if len(figs) == 3 and figs[2].unit == "%" and _RATE_NAMED.fullmatch(figs[2].label):
        figs = figs[:2]  # 目标 T，实际 A，完成率 P%，已完成年度目标: the rate beside them is no third figure
    if len(figs) != 2 or precision.family(figs[0].unit) != precision.family(figs[1].unit) \
            or precision.family(figs[0].unit) == "":
        return None
    target, actual = figs
    bound = target.qualifier if target.qualifier in ("ge", "le") else ""
    if not bound or actual.qualifier or not actual.is_point or not o.targets.within(target.label) \
            or not o.actuals.within(actual.label) or o.targets.within(actual.label):
        return None  # (a target named as such, bounded, then what was done, as it is)
    if _OTHER_TIME.search(text, start, opened) or len(set(labels.YEAR.findall(text, start, opened))) > 1 \
            or labels.open_paren(text, start, actual.start):
        return None  # (上年目标 … 今年实际; 2023年计划 … 2024年实际; 截至6月底实际完成; （上年实际完成 Y）)
    factor = units.factor(target.unit, actual.unit) if target.unit != actual.unit else 1
    if factor is None:
        return None
    ours, theirs = precision.interval(actual), precision.interval(target, "exact", actual.unit)
    met = ours.hi >= theirs.lo if bound == "ge" else ours.lo <= theirs.hi
    if met:
        return None
    return report(check, analysis, actual.span, actual.text, related=(target.span,), computed=target.text,
                  figures=(actual.text, target.text), claim=claim, other=target.text)
