"""difference: a stated change equals current minus prior (比上年增加 X, 比年初预算节约 Y, 结余 Z).

Finds, in each sentence, an amount whose label holds a change word (option ``up``: 增加, 增长, 超支, ...;
option ``down``: 减少, 下降, 节约, 结余, ...) with, before it in the same sentence, a comparison word
(option ``compare``: 比, 较, 与…相比) followed by the prior amount, or the prior labelled as last year's
(上年为), and before that the current amount, the nearest that is no other comparison's change or base (支出
X，比上年的 Y 减少 A，比预算数 Z 节约 B: X against Z), or, when the sentence opens with its base
(与2023年度得分 Y 相比提高 A), the one amount of its unit in the sentence before. ``up`` means current −
prior = change; ``down`` means prior − current = change. Amounts in different units convert (亿元 vs 万元).
A change in 个百分点 is the difference of the two percentages before it
(执行率98.50%，较上年的95.20%提高3.30个百分点); 比重 or 占比 between them compares nothing. A change against
a target (超过目标, 低于计划, 较目标值提高) is the actual less the target stated just before it, in either
order (目标值85%，实际92%，超过目标7个百分点); a move states its two amounts itself
(由92.5%提高到97.8%，提高5.3个百分点; 由6辆减少到4辆，减少2辆; 由479.00亿元调整为484.40亿元，增加5.40亿元,
its direction its change's; 由年初的 X 调整为 Y), and so does an adjustment after the amounts named unadjusted
and adjusted (年初预算 X，调整后预算 Y，调减 Z), or one way between them (年初预算 A，年中追加 X，调整后预算
B, no bracket after B saying more of it), or both ways between them (年初预算 A，年中调增 X，调减
Y，调整后预算为 B: X is B − A + Y), and a change naming no base after a budget's stages (年初预算数 X，调整数
Y，决算数 Z，增加 C: the outturn against the budget it holds over, else the 年初); a prior may be labelled
with the year compared (上年基本支出 Y，比上年减少 C; 2017年基本支出 Y，2018年比2017年减少 C); a prior may
follow its change in brackets (比上年提高3.35个百分点（上年为91.36%）). A rate's gap to another's rate stated
beside it (增长19.9%，高于全省平均增幅（11%）8.9个百分点; 比全市增幅（-5.2%）高9.3个百分点) is the one less
the other (not for a fall's size: 下降5.2%, 低于…).

An over- or under-collection after the budget stated with its rate (X，完成预算 B 的 P%，超收 C: X − B;
短收 C: B − X), unless a schedule gap stands between (超平均进度 g，超收 C: over the schedule's share).

What is left of a plan, stated with no comparison (option ``left``: 结余, 节约, 未支出, …; 全年预算 X，
全年支出 Y，结余 Z, or 实际支出 Y，预算 X，未支出 Z) is the plan (``plan`` words: 预算, 计划, 下达) less the
outturn (``spent`` words: 支出, 实际, 执行): the two amounts right before it, one of each (not 剩余资金中
Z 已结转, nor 剩余资金 a 已结转下年使用，b 收回财政: parts of what is left); a 当期结余
(当年结余) is the 收入 less the 支出 stated right before it (基金收入 X，基金支出 Y，当期结余 Z); what is left
said after its amount (计划投入 X，实际到位 Y，尚有 Z 未到位) is read as if before it. A balance carried over
years (年初结转和结余, 年末结余, 累计结余), or a sentence that also states a carry-over, is left alone, but
for the year's closing balance said after its two 合计 (收入合计 X，减去支出合计 Y，年终结转 下年 Z: X less Y;
or after 收入合计 X and a bare 支出 Y). An outturn against its plan by so much (决算数小于预算数 X,
支出数大于预算数 X; after the outturn, 低于年初预算 X, 超出预算 X, when the plan and the outturn, no part
nor change, come right before it in its sentence; not 超过预算 X 的部分), and
what is left said alone in a sentence of reasons (决算数小于预算数的主要原因是：…，节约 X; 比预算少支出 X;
not 公务接待费节约 X, an item's), are the plan and outturn of its sentence or the sentence before. A
change naming its base with no amount after it (较年初增加
Z, 比计划少 Z, 比原计划少开展 Z, 比目标减少 Z) is of the one of the two amounts before it that the name labels
(年初预算 X, 年初结转结余 X, 计划举办 X), the other the current. A gap (差值, 差额, 相差) is the larger of the
two amounts before it in its clause less the smaller (预算 X，支出 Y，差额 Z).

Judged as an interval: the change computed from the two stated amounts must meet the stated change.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cached_property

from ...figures import growth, labels, precision
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge, unit_slip
from ..options import options

# a move whose direction its change says (调整为, 调至)
_ADJUSTED_TO = lazy(r"^(?:拟|将|已)?(?:(?:调整|变更|调增|调减)(?:为|到|至)?|调(?:到|至))$")
KIND = "difference"
FIELDS = JUDGED


@options
class Options:
    up: Words = Words(["增加", "增长", "上升", "提高", "超支", "多支出", "增支", "增收", "增", "高出", "高",
                       "多"])
    down: Words = Words(["减少", "下降", "降低", "节约", "节省", "结余", "少支出", "减支", "减收", "减", "低",
                         "少"])
    compare: Words = Words(["比", "较", "相比"])
    left: Words = Words(["结余", "剩余", "节余", "节约", "节省", "未支出", "尚未支出", "未使用", "未拨付",
                         "还需拨付", "尚需拨付", "未支付", "待支付"])
    """What is left of a plan, stated with no comparison (预算 X，支出 Y，结余 Z): plan less outturn."""
    plan: Words = Words(["预算", "计划", "下达", "批复", "安排", "到位", "可用"])
    spent: Words = Words(["支出", "实际", "执行", "使用", "拨付", "决算", "完成", "发放", "支付", "已用"])


_LAST_YEAR_SPEC = growth.Spec()
# 单人资助金额最高0.50万元, 最多的一期为150人: a superlative, no change
_SUPERLATIVE = lazy(r"(?:最|较|偏|过)(?:高|低|多|少)\s*(?:的|为|达)?\s*$")


def _changes(analysis, o: Options, block: int):
    """``(current, prior, change, sign)`` for each stated change in a block."""
    if len(analysis.figures[block]) < 2:
        return  # a change needs an amount before it (and its prior, here or earlier in the report)
    text = analysis.doc.blocks[block].text
    earlier: list = []  # the figures of the sentence before
    for sentence in analysis.sentences(block):
        earlier, figures = sentence[2], earlier
        reach = _Reach(text, sentence)
        # X，比上年增加 C, last year's X stated earlier in the report (上年…X a)
        before = list(growth.against_earlier(analysis, _LAST_YEAR_SPEC, text, sentence, None))
        yield from before
        for change in sentence[2]:
            if any(change is found[2] for found in before) or len(analysis.figures[block]) < 3:
                continue
            points = change.unit == "个百分点"  # 执行率98.50%，较上年的95.20%提高3.30个百分点
            # 尚有361.50万元未到位: what is left of the plan, said after its amount
            unsaid = _LEFT_AFTER.match(text, change.end) if _STILL.search(change.label) else None
            still = unsaid.group(1)[1:] if unsaid else ""  # 到位 of 尚有 X 未到位: what did not happen
            fam = precision.family(change.unit)
            if still and any(f.start > change.end and precision.family(f.unit) == fam for f in sentence[2]):
                still = ""  # 尚有150万元未拨付，其余50万元收回: the rest of the plan split further
            if not change.is_point or precision.family(change.unit) in ("ratio", "") and not points:
                continue
            if o.left.within(change.label) and labels.OTHER_FOOTING.match(text, change.end):
                continue  # 当期结余 Z（不含利息收入）: what is left on another footing, said in brackets
            target = _TARGET_CHANGE.search(labels.core(change.label))
            sign = 0 if _SUPERLATIVE.search(change.label) else labels.direction(change.label, o.up, o.down)
            if not sign and _SIGNED.search(labels.core(change.label)) \
                    and not _WORDED.search(text, sentence[0], change.start):
                sign = 1  # 较上年的 Y 增减额为 -100: a signed change, its sign the figure's own (not 较上年
                # 减少，增减额为100: its direction said in words, the figure its size)
            based = _NAMED_BASE.search(labels.core(change.label))
            if not sign and based:  # 比计划少开展 C: the direction its base's words say, a verb after them
                sign = -1 if based.group(2) in ("减少", "下降", "调减", "压减", "少") else 1
            versus = _VERSUS_PLAN.search(labels.core(change.label))
            over = _OVER_PLAN.fullmatch(labels.core(change.label).strip(" ，,"))
            if over:  # X，完成预算 B 的 P%，超收 C: C is X − B (短收 C: B − X)
                pair = _outturn_of_plan(text, sentence[2], change, fam, over.group(1))
                if pair is not None:
                    yield pair[0], pair[1], change, 1 if over.group(2) == "超" else -1
                continue
            if versus and _LAST_YEARS.search(change.label):
                versus = None  # 比上年预算增加: last year's budget, not this year's plan against its outturn
            year_end = _YEAR_END.search(change.label.strip(" ，,")) is not None
            if _GAP.fullmatch(labels.core(change.label).strip(" ，,")):
                near = [f for f in labels.near(sentence, change.start)[2] if f.start < change.start
                        and f.is_point and precision.family(f.unit) == fam]
                aside = labels.inside(text, sentence[0], [f.start for f in near])
                # not a part (其中 A a) nor an aside (（其中结转 a）) of the two amounts
                pair = [f for f, h in zip(near, aside) if not h and analysis.parent(f) is None
                        and "其中" not in f.label][-2:]
                if len(pair) == 2 and not any(labels.direction(f.label, o.up, o.down) for f in pair) \
                        and reach.clause(pair[0].start) == reach.clause(change.start) \
                        and not any(_ASIDE_NEXT.match(text, f.end) for f in pair):
                    big, small = sorted(pair, key=lambda f: precision.interval(f, "round", change.unit).lo,
                                        reverse=True)  # (1.2万元 over 9000元: compared in one unit)
                    yield big, small, change, 1  # 支出 Y，预算 X，差值为 Z: the gap of the two, either way
                continue
            if points and (other := _other_rate(text, sentence[2], change)) is not None:
                yield other  # 增长19.9%，高于全省平均增幅（11%）8.9个百分点: the gap to another's rate
                continue
            if sign == 0 and not (still or o.left.within(change.label)) and target is None \
                    and versus is None and not year_end:
                continue
            same = [f for f in labels.near(sentence, change.start)[2] if f.start < change.start and f.is_point
                    and (f.unit == "%" if points else precision.family(f.unit) == fam)]
            if versus and versus.group(7) and (_THRESHOLD_NOUN.match(text, change.end)
                                               or not _right_after_pair(o, analysis, same, change)):
                continue  # 超过预算 20万元的部分: a threshold's noun, not the gap; 低于预算 X with no outturn
                # right before it, its plan right before that, in its sentence: whose, unsaid
            if year_end:  # 收入合计 X，减去支出合计 Y，年终结转下年 Z: what the year's totals leave
                opened = text[max(0, text.rfind("。", 0, sentence[0] - 1) + 1) : change.start]
                if any(w in opened for w in _OPENING_BALANCE):
                    continue  # 年初结转和结余 50，收入合计 500，支出合计 480，年终结转下年 70: carried in
                income = [f for f in same[-2:] if _TOTALLED.search(f.label) and "收入" in f.label]
                # (收入合计 X，支出 Y，年终结余 Z: the bare 支出 beside the income's total is all spent)
                spent = [f for f in same[-2:] if "支出" in f.label and (_TOTALLED.search(f.label) or income
                         and _BARE_SPENT.fullmatch(labels.core(f.label).strip(" ，,")))]
                if len(same) >= 2 and len(income) == 1 and len(spent) == 1 and income[0] is not spent[0] \
                        and income[0].value != spent[0].value:
                    yield spent[0], income[0], change, -1
                continue
            after = reach.after(change.end)
            said = _PRIOR_AFTER.match(text, change.end, after.start) if after is not None else None
            closed = "）)" if said and said.group(1) else "。；;，,"  # (…个百分点，上年为93.2%。: a clause's)
            if said and sign and same and after.is_point \
                    and (text[after.end : after.end + 1] in closed or after.end == len(text.rstrip())) \
                    and (after.unit == "%" if points else precision.family(after.unit) == fam):
                # 执行率94.98%，比上年提高3.35个百分点（上年为91.63%）: the prior after it, the current the
                # sentence's first amount, when nothing else of its unit stands between (a target, a part)
                if len(same) == 1 and analysis.parent(same[0]) is None:
                    yield same[0], after, change, sign
                continue
            beyond = _beyond_target(target, change, same[-2:]) if target else None
            if beyond is not None:
                yield beyond
                continue
            if sign == 0 and not (still or o.left.within(change.label)) and versus is None:
                continue
            side_by_side = len(same) >= 2 and not _MOVE_WORDS.search(same[-2].label) \
                and _ADJUSTED_TO.match(text[same[-2].end : same[-1].start].strip(" ，,")) is not None
            moved = side_by_side or len(same) >= 2 and growth.MOVED_FROM.search(same[-2].label) is not None
            # (由 X 调整为 Y，比上年决算增加 C: its own base; X 拟调整为 Y: 由 left out, side by side)
            moved = moved and not o.compare.within(change.label)
            if moved and _in_cause(_CLOSED_ASIDE.sub("", text[same[-1].end : change.start])) \
                    and not _SUMMED_CHANGE.fullmatch(change.label.strip(" ，,；;")):  # (…，共增加 C: C; not
                # 人员经费总体增加 a: a part's)
                # (a cause's clause before the change, 主要是A，调减 C: the cause's amount, maybe, as likely)
                continue  # 由 X 调整为 Y，主要由于：(1) A 调增 a；(2) …: a cause's share of the move (not
                # …调整为 Y（包括…），增加 C, nor …，主要用于A和B，增加 C: its own change after an aside)
            if moved and _ADJUSTED_TO.search(same[-1].label.strip()) and sign:
                yield same[-1], same[-2], change, sign  # 预算由479.00亿元调整为484.40亿元，增加5.40亿元
                continue
            if moved and (to := growth.MOVED_TO.match(same[-1].label.strip())):
                way = labels.direction(to.group(1), o.up, o.down) or growth.SHORT_MOVES.get(to.group(1), 0)
                if way == sign:
                    yield same[-1], same[-2], change, sign  # 由92.5%提高到97.8%，提高5.3个百分点
                continue
            clause = reach.clause(change.start)
            own = [f for f in same if f.start > clause]
            if clause > sentence[0] and len(own) == 1 and sign and _COMPARED_FIRST.match(text, clause + 1):
                # X，比2024年预算 Y 增加 A；比2023年决算数 Z 增加 B: the clause after the semicolon compares
                # the X of the clause before with a base of its own
                current = [f for f in same if f.start < clause and not o.compare.within(f.label)
                           and not labels.direction(f.label, o.up, o.down)]
                spent = [f for f in current if o.spent.within(f.label) and not o.plan.within(f.label)]
                current = spent[-1:] or (current if len(current) == 1 else [])  # 预算 X，支出 Y；比上年…: Y
                if current:
                    yield current[0], own[0], change, sign
                continue
            if len(same) == 2 and sign and _WITH.match(same[-1].label) \
                    and _COMPARED_THEN.fullmatch(text, same[-1].end, change.start) \
                    and not labels.direction(same[-2].label, o.up, o.down) \
                    and not o.compare.within(same[-2].label) and analysis.parent(same[-2]) is None:
                yield same[-2], same[-1], change, sign  # X，与2018年…Y 相比，减少 C: C is Y − X (not when
                continue  # other amounts stand before Y: A a，B b，与…Y 相比: of a, b or both, not said)
            opening = _OPENS_COMPARING.match(text, sentence[0])
            if len(same) == 1 and opening and same[0].end <= opening.end():
                # 综合得分90.52分。与2023年度评价得分87.35分相比提高3.17分: the amount compared is the
                # sentence before's, when it states one of the unit
                previous = [f for f in figures if f.is_point and f.unit == same[0].unit]
                subject = _SUBJECT.sub("", labels.core(change.label))  # 与 Y 相比，调整预算数减少 C: the
                # change names what moved; the sentence before's amount must be of it (not 某项目 150 调出)
                if len(previous) == 1 and sign and _of_subject(subject, previous[0].label):
                    yield previous[0], same[0], change, sign
                continue
            based = _BASE_OPENS.fullmatch(text, sentence[0], same[0].start) if len(same) == 1 and sign \
                else None
            if based:  # 实现财政总收入 X。比上年财政总收入 Y 减少 C: X, the sentence before's amount so
                # named, every other amount of it named for a thing of its own (not 预期完成…总收入 X，实际
                # 完成 Z: which is the year's is not said; nor a plan, a target or an earlier year's amount)
                mine = [f for f in figures if f.is_point and precision.family(f.unit) == fam]
                named = [f for f in mine if labels.core(f.label).strip(" ，,").endswith(based.group(1))]
                if len(named) == 1 and analysis.parent(named[0]) is None \
                        and all(f is named[0] or not _UNNAMED.fullmatch(labels.core(f.label).strip(" ，,；;"))
                                for f in mine) \
                        and not _PLANNED_NAME.search(labels.FUNDS.sub("", named[0].label)) \
                        and not labels.earlier(named[0].label, analysis.year()):
                    yield named[0], same[0], change, sign
                continue
            alone = not same and _ONLY_LEFT.fullmatch(labels.core(change.label)) and not any(
                f is not change and precision.family(f.unit) == fam
                for f in analysis.figures[block] if f.start > sentence[0])  # (nothing else left after it)
            if versus or alone and _REASONED.search(text, sentence[0], change.start):
                # 决算数小于预算数 X; …，主要原因是：…，节约 X (the plan and outturn in the sentence before)
                pair = same[-2:] if len(same) >= 2 else [f for f in figures if f.is_point
                                                          and precision.family(f.unit) == fam]
                named_plan = versus and not versus.group(7) \
                    and next((g for g in versus.group(2, 3, 5) if g), None)
                # (，低于年初预算 X: the pair right before it, checked so, whatever its plan is named)
                if named_plan:  # 决算数大于年初预算数: the plan so named
                    pool = [f for f in (same if len(same) >= 2 else figures) if f.is_point
                            and precision.family(f.unit) == fam]
                    plans = [f for f in pool if named_plan in f.label and o.plan.within(f.label)]
                    spent = [f for f in pool if o.spent.within(f.label) and not o.plan.within(f.label)]
                    pair = [plans[-1], spent[-1]] if plans and spent else []
                if len(pair) == 2 and not _names_pair(text, change, pair[0]):
                    # “三公”经费决算数比年初预算减少 C after 其中：…；公务接待费…预算 a，决算 b: the
                    # 三公 total's own pair, said before (its clause naming it), not the last item's
                    pair = _named_pair(text, change, [
                        f for f in analysis.figures[block]
                        if f.is_point and f.end <= change.start and precision.family(f.unit) == fam])
                found = _plan_and_outturn(o, pair) if len(pair) == 2 else None
                if found is not None:
                    way = versus and next((g for g in versus.group(1, 4, 6, 7) if g), None)
                    over = way in _OVER
                    sign = 1 if over else -1
                    plans = [f for f in same[:-2] if not named_plan and o.plan.within(f.label)
                             and not _ACTUAL.search(f.label)]
                    if plans and not _holds(found[1], found[0], change, sign):
                        # 年初预算 X，调整预算 Y，支出决算 Z，决算比预算减少 D: either budget, unnamed
                        found = next((p, found[1]) for p in (*plans, found[0])
                                     if _holds(found[1], p, change, sign) or p is found[0])
                    yield found[1], found[0], change, sign
                continue
            if len(same) < 2:
                continue
            staged = _staged(o, text, same, change, sign) if sign else None
            if staged is not None:
                yield staged[0], staged[1], change, sign  # 年初预算数 X，调整数 Y，决算数 Z，增加 C
                continue
            named = _NAMED_BASE.search(labels.core(change.label))
            bases = [f for f in same[-2:] if named and named.group(1) in f.label
                     and not labels.direction(f.label, o.up, o.down)]  # (比年初预算增加 c: a change)
            others = [f for f in same[-2:] if f not in bases]
            if sign and not named and _ADJUSTED_BY.fullmatch(labels.core(change.label).strip(" ，,")):
                # 年初预算 X，调整后预算 Y，调减 Z: the adjustment of the amount before it from the one so
                # named (年初, 原, 调整前), when the other is the one adjusted
                bases = [f for f in same[-2:] if _UNADJUSTED.search(f.label)]
                others = [f for f in same[-2:] if f not in bases]
                if len(bases) == 1 and bases[0] is same[-2] and _ADJUSTED.search(others[0].label) \
                        and not _compared(o, text, others[0]):
                    yield others[0], bases[0], change, sign
                    continue
            if named and len(bases) == 1 and sign and not any(
                    _compared(o, text, f) or labels.core(f.label).endswith(("追加", "调增", "调减", "压减"))
                    for f in others):  # 年初 X，年中追加 Y，较年初增加 Y: no current stated
                # 年初预算 X，调整后全年预算 Y，较年初增加 Z: the base the change names, the other the current
                yield next(f for f in same[-2:] if f is not bases[0]), bases[0], change, sign
                continue
            # 决算数X，比上年减少Y；比年初预算数减少Z: Z is against a budget not stated (…，比2023年决算
            # 1,935.42万元增加Z states its own)
            based = o.compare.within(same[-1].label) and not labels.direction(same[-1].label, o.up, o.down)
            if not based and any(labels.direction(f.label, o.up, o.down) and o.compare.within(f.label)
                                 for f in same[-2:]):
                continue
            bracketed = labels.inside(text, max(sentence[0], change.start - 400), [f.start for f in same])
            bracketed = [h and not (_BASE_BRACKETED.search(text, max(0, f.start - 16), f.start)
                                    and growth.BASE_ENDS.match(text, f.end))
                         for f, h in zip(same, bracketed)]  # 比上年（4,016.15万元）减少 C: the base itself
            # (not 比上年（12.50万元为一次性购置，已剔除）: an aside opening with an amount)
            if bracketed[-1] and not all(bracketed):
                # 比上年 X（不含 Y万元）增加 C: the prior is X (none when X has no unit), not Y in its aside
                same = [f for f, h in zip(same, bracketed) if not h]
                if len(same) < 2 or not o.compare.within(text[same[-2].end : same[-1].start]):
                    continue  # (the prior after the comparison word, before its aside)
            prior = same[-1]
            if prior.label.strip(" ，,").removesuffix("了").endswith((*o.up, *o.down)):
                continue  # X，比年初预算 Y 减少 A，比上年减少 B: A is the first change, no base of this one
            if sign and _OWN_BASE.search(text, prior.end, change.start) \
                    and not _LAST_YEAR.fullmatch(prior.label.strip(" ，,")) \
                    and not _years_compared(same[-2], prior, change):
                continue  # X，…，主要是 Y，比上年减少 C: Y's own change, its base unstated
            # the amount compared: not another comparison's change or base before it (X，比上年的Y减少A，
            # 比预算数Z节约B; X，为年度预算Y的P%，比上年Z减少B), nor a part in brackets closed before it
            # (X（A a，B b），比上年 P 减少 C): X
            inner = reach.parens.inside([f.start for f in same])
            aside = {f.start for f, h in zip(same, inner) if h and not inner[-1]}  # (not when all are inside)
            current = next((f for f in reversed(same[:-1])
                            if not _compared(o, text, f) and f.start not in aside), None)
            if current is None:
                continue
            # (an aside closed between them compares something else: A a（较2010年压缩2%），B b（减少 C）)
            between = _NOT_COMPARING.sub("", _CLOSED_ASIDE.sub("", text[current.end : prior.start]))
            if "；" in between or ";" in between:
                continue  # 15万元，较上年无增减；公务接待费3万元，比上年增加2万元: two clauses, no pair
            if (o.compare.within(between) or _LAST_YEAR.fullmatch(prior.label.strip(" ，,"))
                    or _years_compared(current, prior, change)) and sign:
                whole = analysis.parent(current)
                if whole is not None and any(f is whole for f in same) \
                        and _holds(whole, prior, change, sign) and not _holds(current, prior, change, sign):
                    current = whole  # X，其中 A a，B b，比上年 P 减少 C: the change of the whole X
                heading = next((f for f in same if _BREAKDOWN.search(text, f.end, current.start)), None)
                if heading is not None and heading is not current and not _compared(o, text, heading) \
                        and not o.plan.within(heading.label[-8:]) \
                        and _holds(heading, prior, change, sign) and not _holds(current, prior, change, sign):
                    current = heading  # 总支出 X，主要是 A a，B b，比去年 P 减少 C: the heading's change
                measure = _PRIOR_NAME.sub("", labels.core(prior.label))
                if len(measure) >= 2 and measure not in current.label:
                    named = [f for f in same[:-1] if measure in f.label and not _compared(o, text, f)]
                    if len(named) == 1:  # 自评得分 a，复核得分 b，较2023年自评得分 P 提高 C: a's, named as P
                        current = named[0]
                yield current, prior, change, sign  # 执行率98.15%，上年为96.42%，提高1.73个百分点
            elif not o.compare.within(text[current.start - len(current.label) : change.start]) \
                    and not reach.says(_CARRIED, change.start) and not _SPLIT_LEFT.match(text, change.end):
                left = _left(o, current, prior, change, reach.says(("其中",), change.start), still)
                if left is not None:
                    yield left[1], left[0], change, -1  # plan − spent = what is left


def _staged(o: Options, text: str, same: list, change, sign: int):
    """``(outturn, plan)`` for a change that names no base (增加 C, 减少 C) right after a budget's stages
    (年初预算数 X，调整数 Y，决算数 Z): the outturn (the last, a ``spent`` word) against the plan it
    holds over, else the first (the 年初 budget, the usual base), or None."""
    if not _BARE_MOVE.fullmatch(labels.core(change.label).strip(" ，,")):
        return None
    run = same[-3:] if len(same) >= 3 and _STAGED.search(same[-2].label) else same[-2:]
    *plans, outturn = run
    if not o.spent.within(outturn.label) or o.plan.within(labels.core(outturn.label)[-4:]) \
            or not all(o.plan.within(p.label) or _STAGED.search(p.label) for p in plans) \
            or any(not _ITEM_GAP.fullmatch(text, a.end, b.start) for a, b in zip(run, run[1:])) \
            or _COMPARED_BEFORE.search(text, outturn.end, change.start) \
            or any(_COMPARED_BEFORE.search(f.label) for f in run):
        return None  # (…决算数 Z，与上年相比，增加 C; 预算 X，比上年执行数 Y 增加 C: against last year)
    return outturn, next((p for p in plans if _holds(outturn, p, change, sign)), plans[0])


_COMPARED_BEFORE = lazy(r"与[^，,。；;]{0,12}相比|比|较|同比")
_BARE_MOVE = lazy(r"(?:增加|减少|节约|超支|增支|减支)了?")  # a change naming no base
_STAGED = lazy(r"调整(?:后|数)|调整后?预算|全年预算")  # the budget as adjusted
_ITEM_GAP = lazy(r"\s*[，,、；;]\s*[^，,、；;。\d]{0,24}")  # the next amount of a run, nothing between


def _years_compared(current, prior, change) -> bool:
    """Whether ``prior`` is ``current``'s quantity of the year the change compares with (基本支出 X，上年
    基本支出 Y，比上年减少 C; 2018年基本支出 X，2017年基本支出 Y，2018年比2017年减少 C; 2024年…X，2023年为 Y，
    比上年增加 C)."""
    said = _YEARS_SAID.search(change.label)
    if said is None:
        return False
    mine = _YEAR_OPENS.match(current.label.strip(" ，,"))
    theirs = _YEAR_OPENS.match(prior.label.strip(" ，,"))
    if theirs is None or not theirs.group(1) and not theirs.group(2):
        return False
    name = prior.label.strip(" ，,")[theirs.end():].removesuffix("为")
    own = current.label.strip(" ，,")[mine.end() if mine else 0:].removesuffix("为")
    if not name and not said.group(2) and theirs.group(2) and mine is not None and mine.group(2) \
            and int(mine.group(2)) - int(theirs.group(2)) == 1 \
            and not _MEASURE_AFTER.match(change.label, said.end()):
        return True  # 2024年机关运行经费 X，2023年为 Y，比上年增加 C: the year before's, named by its year
        # (not 比上年预算增加 C: against last year's budget, another measure)
    if len(name) < 2 or name != own:
        return False
    if said.group(2):  # 比2017年: that year, and the current the year before 比 (or none)
        return theirs.group(2) == said.group(2) and (not said.group(1) or mine is not None
                                                     and mine.group(2) == said.group(1))
    return theirs.group(1) is not None  # 比上年: the prior labelled 上年


_MEASURE_AFTER = lazy(r"\s*(?:的)?(?:年初|调整|全年)?(?:预算|决算|执行)")
_YEARS_SAID = lazy(r"(?:((?:19|20)\d\d)年度?)?\s*(?:比|较)\s*(?:上年度?|去年|((?:19|20)\d\d)年度?)")
_YEAR_OPENS = lazy(r"(?:(上年度?|去年)|((?:19|20)\d\d)年度?|本年度?|今年)?")


class _Reach:
    """What a sentence holds before or after a point, indexed once: a sentence of thousands of changes (a
    page flattened onto one line) costs time in proportion to its length, not to its length squared."""

    def __init__(self, text: str, sentence):
        self.text, (self.start, self.end, self.figures) = text, sentence
        self.starts = [f.start for f in self.figures]
        self._first: dict[str, int] = {}

    def after(self, at: int):
        """The first figure starting after ``at``, or None."""
        i = bisect.bisect_right(self.starts, at)
        return self.figures[i] if i < len(self.figures) else None

    @cached_property
    def _semicolons(self) -> list[int]:
        return [m.start() for m in _SEMICOLON.finditer(self.text, self.start, self.end)]

    def clause(self, at: int) -> int:
        """Where the last ； or ; before ``at`` stands in the sentence, or -1."""
        i = bisect.bisect_left(self._semicolons, at)
        return self._semicolons[i - 1] if i else -1

    @cached_property
    def parens(self) -> labels.Parens:
        return labels.Parens(self.text, self.start, self.end)

    def says(self, words, at: int) -> bool:
        """Whether one of ``words`` is written whole between the sentence's start and ``at``."""
        for word in words:
            first = self._first.get(word)
            if first is None:
                first = self._first[word] = self.text.find(word, self.start, self.end)
            if 0 <= first and first + len(word) <= at:
                return True
        return False


_SEMICOLON = lazy(r"[；;]")
# what the move went to (主要为, 用于): a change in its clause is a part's
_CAUSES_LISTED = lazy(r"主要为|用于")
def _in_cause(between: str) -> bool:
    """Whether the change after ``between`` follows a reason (主要由于：(1)A调增 a; 主要是…，调减 a) or stands
    in the clause a part opens (其中A增加 a; 主要用于A增加 a), not after it (主要为上级追加专项资金，增加 C:
    the move's own change)."""
    if _REASON.search(between):
        return True  # (主要是部分项目未能实施，调减 C: the reason's amount, maybe, as likely as the move's)
    found = [m for m in _CAUSES_LISTED.finditer(between)]
    return bool(found) and (between.startswith(("：", ":"), found[-1].end())
                            or not _CLAUSE_STOP.search(between, found[-1].end()))  # (主要为：A，增加 a；…)


_CLAUSE_STOP = lazy(r"[，,；;]")
_SUMMED_CHANGE = lazy(r"(?:共|合计|总计|累计|总共|总体|整体|净)计?(?:增加|减少|调增|调减|增长|下降)了?")
# the base's amount in brackets right after the comparison word (比上年（4,016.15万元）, 较上年（87.12%）)
_BASE_BRACKETED = lazy(r"(?:比|较)(?:上年|去年|上年度|上年同期)(?:决算数?|支出数?|同期)?的?\s*[（(]\s*$")
_MOVE_WORDS = lazy(r"调整|调增|调减|增加|减少")  # (X 调增 a 调整为 Y: no amount the move starts from)
_CLOSED_ASIDE = lazy(r"[（(][^（()）]*[）)]")
_BREAKDOWN = lazy(r"主要是|主要为|其中|包括|用于")
_OWN_BASE = lazy(r"[，,、\s](?:比|较|同比)")  # a comparison opened after the last amount, naming no amount

# 提高3.35个百分点（上年为91.36%）, 增加12.50万元（2024年为100.00万元）: the prior in brackets after; or in a
# clause of its own (提高2.1个百分点，上年为93.2%。), named by a year's number in brackets only (…增加 C，
# 2024年为 X may restate this year's)
_PRIOR_AFTER = lazy(r"\s*(?:([（(])\s*(?:上年|去年|上年度|上年同期|(?:19|20)\d\d年度?)"
                   r"|[，,]\s*(?:上年|去年|上年度|上年同期))(?:同期)?\s*(?:为|是)?\s*$")


def _other_rate(text: str, figs, change):
    """``(current, other, change, sign)`` for a rate's gap to another's rate named in brackets or right after
    the comparison (增长19.9%，高于全省平均增幅（11%）8.9个百分点; 增长4.1%，比全市增幅（-5.2%）高9.3个
    百分点), the rate itself a rise or level (not a fall's size: 下降5.2%, 低于全省 2.1 个百分点 says nothing
    plain)."""
    rates = [f for f in figs if f.end <= change.start and f.unit == "%" and f.is_point]
    if len(rates) < 2:
        return None
    current, other = rates[-2:]
    before = _VS_OTHER.fullmatch(text, current.end, other.start)
    after = _VS_OTHER_END.fullmatch(text, other.end, change.start)
    if before is None or after is None or bool(before.group("cmp")) == bool(after.group("dir")) \
            or _FALLING.search(current.label):
        return None
    named = _RATE_NAMED.search(text, before.start(), other.start)
    if named is None and len(rates) > 2 and rates[-3].end >= max(text.rfind(c, 0, current.start) for c in
                                                                 "。；;"):
        return None  # 占比78.5%，增长6.2%，比全省（75.0%）高3.5个百分点: which of the two, not said
    if named is not None and (named.group("share") is None) != (_SHARE_RATE.search(current.label) is None):
        return None  # 占比 P%，增长 Q%，比全省增幅（R%）: the growth's gap, not the share's (and conversely)
    word = before.group("cmp") or after.group("dir")
    return current, other, change, -1 if word[0] in "低慢少" else 1


# …，高于全省平均增幅（ | 11% | ）8.9个百分点; …，比全市增幅（ | -5.2% | ）高9.3个百分点
_VS_OTHER = lazy(r"\s*[，,]\s*(?:(?P<cmp>高于|低于|快于|慢于|超过|超出)|比)"
                 r"[^，,。；;%\d（()）]{1,20}?\s*[（(]?\s*")
_VS_OTHER_END = lazy(r"\s*[）)]?\s*(?P<dir>(?:高|低|快|慢|多|少)出?)?\s*")
_FALLING = lazy(r"下降|减少|降低|回落|负增长|降幅|减幅")
_RATE_NAMED = lazy(r"增幅|增速|增长率|(?P<share>占比|比重|比例)")  # what the other's rate is
_SHARE_RATE = lazy(r"占|比重|比例")


def _holds(current, prior, change, sign: int) -> bool:
    """Whether ``change`` is ``current`` − ``prior`` (``sign`` -1: the other way) within rounding."""
    unit = None if change.unit == "个百分点" else change.unit
    return _difference(current, prior, change, sign).meets(precision.interval(change, "round", unit))


def _difference(current, prior, change, sign: int):
    """The interval ``current`` − ``prior`` can take (``sign`` -1: the other way round), in the change's
    unit (points: the percentages' own)."""
    unit = None if change.unit == "个百分点" else change.unit
    diff = precision.interval(current, "round", unit) - precision.interval(prior, "round", unit)
    return diff if sign > 0 else diff.scale(-1)


_THRESHOLD_NOUN = lazy(r"的(?:部分|金额|资金|款项|项目|支出)")


def _right_after_pair(o: Options, analysis, same: list, change) -> bool:
    """Whether a gap said with its subject left out (，低于年初预算 X) comes right after its sentence's plan
    and outturn, in that order or the other, the outturn no part of another amount (其中基本支出决算 a) and
    neither a change itself (收入…高于年初预算 c；支出决算 b: c is no budget)."""
    if len(same) < 2 or any(_compared(o, analysis.text(f), f) or _VERSUS_PLAN.search(labels.core(f.label))
                            for f in same[-2:]):
        return False
    found = _plan_and_outturn(o, same[-2:])
    return found is not None and analysis.parent(found[1]) is None \
        and not labels.inside(analysis.text(change), same[-2].start, [same[-1].start])[0]


def _compared(o: Options, text: str, f) -> bool:
    """Whether ``f`` is a comparison's own change (减少2.53万元: its label ends with the change word) or
    base (比上年的17.80万元, 为年度预算37.00万元的85.89%), not an amount compared (年末结转和结余 is one)."""
    said = f.label.strip(" ，,：:").removesuffix("了")
    came = re.search(r"(?:为|到|至)\s*$", text[max(0, f.start - 3) : f.start]) is not None  # 减少为5辆: what
    changed = not came and any(said.endswith(w) for w in (*o.up, *o.down) if w not in o.left)  # it came to
    return changed or o.compare.within(_NOT_COMPARING.sub("", f.label)) or text.startswith("的", f.end)
    # (税收收入占比为 P%: a share named, not compared with anything)


_COMPARED_FIRST = lazy(r"\s*(?:比|较)")  # a clause that opens comparing (；比2023年决算数 Z 增加 B)
_OVER_PLAN = lazy(r"(?:较|比)?(年初|调整后?|全年)?(?:预算数?)?(超|短)收了?")
_PLAN_NAMED = lazy(r"(?:完成|为|占)(?:了)?(?:年初|调整后?|全年)?预算数?$")


def _named_pair(text: str, change, before: list) -> list:
    """The last two amounts before ``change`` in one clause naming the change's subject (its plan and its
    outturn: “三公”经费…年初预算为 a，支出决算为 b), or [] when no clause has exactly two."""
    named = _OUTTURN_SUBJECT.match(labels.unquote(labels.core(change.label)))
    clauses: dict = {}
    for f in before:
        clauses.setdefault(_clause_opening(text, f.start), []).append(f)
    for opened, amounts in sorted(clauses.items(), reverse=True):
        if named and named.group(1) in labels.unquote(text[opened : amounts[0].start]):
            return amounts[-2:] if len(amounts) >= 2 else []
    return []


def _names_pair(text: str, change, first) -> bool:
    """Whether the clause of a pair of amounts before an outturn's change names the change's subject, when
    the change names one (“三公”经费决算数比年初预算减少 C: a clause on 三公 经费, not on 公务接待费)."""
    named = _OUTTURN_SUBJECT.match(labels.unquote(labels.core(change.label)))
    if named is None:
        return True
    return named.group(1) in labels.unquote(text[_clause_opening(text, first.start) : first.start])


def _clause_opening(text: str, at: int) -> int:
    """Where the clause of an amount at ``at`` opens: after the last 。 or ； before it, or after a 其中 that
    opens a list of parts (…决算为 b，其中公务接待费…为 a: the part's clause)."""
    opened = max(text.rfind(c, 0, at) for c in "。；;") + 1
    parts = text.rfind("其中", opened, at)
    return parts + 2 if parts >= 0 else opened


# what an outturn's change names before its measure (“三公”经费决算数比…: 三公经费)
_OUTTURN_SUBJECT = lazy(r"\s*(?:其中[:：，,]?)?([\u4e00-\u9fff]{2,12}?)(?:财政拨款)?(?:支出)?"
                        r"(?:决算数?|实际支出|支出数)")


def _outturn_of_plan(text: str, figs, change, fam: str, named: str | None):
    """The outturn and the plan an over- or under-collection is of (X，完成预算 B 的 P%，超收 C): the two
    amounts before C in its sentence, B named a budget with its rate after it (B 的 P%) and, when C names
    its budget (较调整预算超收), named so too, X neither a change nor a rate's base; None when the sentence is
    not so, or a schedule gap stands between (超平均进度 g, 超时间过半 g, 高于序时 g: over the schedule's
    share of B)."""
    before = [f for f in figs if f.end <= change.start and f.is_point and precision.family(f.unit) == fam]
    if len(before) != 2:
        return None  # (税收 a，非税 b，合计完成预算 B 的 P%; X，其中 A a，完成预算 B 的 P%: whose, not said)
    done, plan = before
    if _SCHEDULED.search(text, plan.end, change.start) or named and named[:2] not in plan.label:
        return None
    if not labels.RATE_BASE.match(text, plan.end) or not _PLAN_NAMED.search(labels.core(plan.label)) \
            or labels.RATE_BASE.match(text, done.end) \
            or labels.CHANGED.search(done.label) or _CHANGED_LABEL.search(labels.core(done.label)):
        return None
    return done, plan


_SCHEDULED = lazy(r"进度|序时|时间过半|过半")


_CHANGED_LABEL = lazy(r"增|减|比|较|上年|同期")
_WITH = lazy(r"[\s，,]*(?:与|同|和)")  # 与2018年…总额 Y 相比: the amount compared with, named after 与
_COMPARED_THEN = lazy(r"\s*相比(?:较)?\s*[，,]?\s*(?:分别)?[\u4e00-\u9fff]{0,4}")
_PLANNED_NAME = lazy(r"预期|预计|计划|目标|预算")  # an amount planned, not the year's outturn
# an amount named by its doing alone (实际完成 Z, 全年支出 Z): maybe the year's of the quantity named
_UNNAMED = lazy(r"(?:全年|本年|当年|年度)?(?:实际)?(?:完成|实现|达到|支出|收入|执行|为)*")
# a sentence opening with its base, named as an amount of the sentence before (比上年财政总收入 Y)
_BASE_OPENS = lazy(r"\s*(?:比|较)(?:上年度?|去年|(?:19|20)\d\d年度?)(?:同期)?的?"
                   r"([\u4e00-\u9fff]{2,16}?)(?:为|的)?\s*")
def _of_subject(subject: str, label: str) -> bool:
    """Whether an amount's label names what a change says moved, its words in any order and total words
    aside (收入合计 for 总收入, “三公”经费支出 for 三公经费, 部门预算支出 for 部门支出预算); a change naming
    nothing (与 Y 相比提高 C) takes any."""
    said = {c for c in subject if "\u4e00" <= c <= "\u9fff"} - set("总合计共数额金的为")
    return len(said) < 2 or said <= set(label)


# what a change names as moving, its direction and opening words left out (相比，调整预算数减少: 调整预算数)
_SUBJECT = lazy(r"^(?:相比|相较)?[，,\s]*(?:共|合计|总体|本年度?|今年|全年|同比|均|各|分别)?"
                r"|(?:增加|增长|减少|下降|上升|降低|提高|节约|增|减|多|少)了?\s*$")
# a signed change, its sign the figure's own (增减额为 -100, 增减额为+100)
_SIGNED = lazy(r"(?:增减额|增减变动额?|增减变化|变动额|增减数)(?:为|是)?\s*[+＋]?\s*$")
_WORDED = lazy(r"(?:增加|增长|减少|下降|上升|降低|提高|节约)(?![减增])")
# what a prior's label names besides its comparison and year (较2023年自评得分: 自评得分)
_PRIOR_NAME = lazy(r"^(?:与|较|比|同)?(?:上年度?|去年|上一年度?|(?:19|20)\d\d\s*年度?)?(?:同期)?的?"
                   r"|(?:为|是)$")
_OPENS_COMPARING = lazy(r"\s*(?:与|同|和|较)[^，,。；;]{0,20}?\d[^，,。；;]*?相比")
_TARGET_CHANGE = lazy(r"(超过|超出|高于|低于|比|较)(?:年度|预定|既定)?"
                            r"(?:目标值?|预期值?|计划值?|指标值)(提高|增加|高出|高|降低|下降|低)?了?$")
_TARGET = lazy(r"目标|预期|计划|指标值")


def _beyond_target(m: re.Match, change, pair):
    """``(actual, target, change, sign)`` for a change against a target stated just before it with the
    actual (满意度目标值为85%，实际满意度为92%，超过目标7个百分点; 计划20场，实际完成25场，超出计划5场), in
    either order: the actual less the target (低于目标: the target less the actual); None for anything
    else. ``m``: the change's words matched (超过目标)."""
    if len(pair) != 2:
        return None
    word = m.group(2) or m.group(1)
    if word in ("比", "较"):
        return None
    targets = [f for f in pair if _TARGET.search(f.label)]
    if len(targets) != 1:
        return None
    target = targets[0]
    actual = pair[0] if pair[1] is target else pair[1]
    return actual, target, change, -1 if word in ("低于", "降低", "下降", "低") else 1


def _left(o: Options, one, two, change, listed: bool = False, still: str = ""):
    """``(plan, spent)`` when ``change`` states what is left (结余, 未支出) of a plan and its outturn stated
    just before it, in either order (预算 X，支出 Y，结余 Z); a balance carried over years (年初结转和结余,
    年末结余, 累计结余) is no such thing."""
    if _PERIOD_BALANCE.search(change.label):  # 基金收入 X，基金支出 Y，当期结余 Z: income less spending
        if listed:
            return None  # 收入 X，其中 A a、B b，支出 Y: which amount is the whole income is not sure
        whole = [f for f in (one, two) if "其中" not in f.label]  # 其中财政补贴收入: a part of the income
        income = [f for f in whole if "收入" in f.label and "支出" not in f.label]
        spent = [f for f in whole if "支出" in f.label and "收入" not in f.label]
        return (income[0], spent[0]) if len(income) == 1 and len(spent) == 1 else None
    if not (still or o.left.within(change.label)) or any(w in change.label for w in _BALANCES) \
            or _PART_OF_LEFT.search(change.label):
        return None  # (剩余资金中 Z 已结转: a part of what is left, not all of it)
    found = _plan_and_outturn(o, (one, two))
    if found is not None and still and still not in found[1].label:
        return None  # 实际支出 Y，尚有 Z 未到位: what arrived is not what was spent
    return found


def _plan_and_outturn(o: Options, pair):
    """``(plan, spent)`` of two amounts when one is labelled a plan (预算; or the first, a project's funds as
    a whole: 项目资金共 X) and the other an outturn (支出)."""
    planned = [f for f in pair if o.plan.within(f.label) and not _ACTUAL.search(f.label)] \
        or [f for f in pair[:1] if labels.FUNDS_NAMED_WHOLE.search(f.label)]  # 项目资金共 X，已拨付 Y
    spent = [f for f in pair if f not in planned and o.spent.within(f.label)]
    return (planned[0], spent[0]) if len(planned) == 1 and len(spent) == 1 else None


_LAST_YEAR = lazy(rf"{labels.LAST_YEAR}(?:同期)?(?:为|是)?")
_LEFT_AFTER = lazy(r"\s*(?:资金)?(未到位|未支出|未使用|未拨付)")
_STILL = lazy(r"(?:尚|还|仍)有$")
# a change naming its base with no amount after it (较年初增加, 比年初预算减少): a figure named so before it
_ASIDE_NEXT = lazy(r"\s*[（(]")  # 支出92万元（含上年结转支出5万元）: an amount qualified, its gap not plain
_GAP = lazy(r"(?:两者|二者)?(?:差值|差额|相差)(?:为|是)?")  # 差值为 Z: the gap of the two amounts before
_ADJUSTED_BY = lazy(r"(?:共|合计|净)?(?:调增|调减|调整增加|调整减少)了?")  # 调减 Z, naming no base
_UNADJUSTED = lazy(r"年初|原预算|原计划|调整前")
_ADJUSTED = lazy(r"调整后|调整为|调整预算|变动后")
# 较年初增加 C, 比计划少开展 C: the base the change names
_NAMED_BASE = lazy(r"(?:比|较)(?:原|年度|全年)?(年初|计划|目标)(?:预算|批复|安排|任务)?[数值]?"
                   r"(增加|减少|增长|下降|调增|调减|追加|压减|多|少)(?:开展|完成|举办|实施|支出|投入|培训|建设"
                   r"|发放|出栏|建成|新增|招录|培育)?$")
_PERIOD_BALANCE = lazy(r"(?:当期|当年|本期)结余$")
# what is left said in parts, each with where it went (剩余资金 a 已结转下年使用，b 收回财政): a is one
_SPLIT_LEFT = lazy(r"[^。；;]{0,30}?[，,、][^，,。；;\d]{0,8}\d[\d,.]*\s*万?元[^，,。；;]{0,6}"
                   r"(?:收回|上缴|缴回|退回|结转|统筹|调剂)")
_PART_OF_LEFT = lazy(r"(?:剩余|结余|节余|节约|未支出|未使用)(?:的)?(?:资金|经费|部分|款项)?(?:当)?中"
                     r"[，,：:]?\s*$")
# an outturn against its plan by so much (决算数小于预算数 X, 支出数大于预算数 X)
# or by so much said with 比 (决算比预算减少 X, 决算数较年初预算数节约 X)
# (预算 X，实际支出 Y，比年初预算节约 Z: the outturn unsaid before 比)
_VERSUS_PLAN = lazy(r"(?:(?:决算|支出|执行|实际)数?(小于|少于|低于|大于|多于|高于|超过)"
                    r"(年初|调整后|全年)?预算数?|(?:决算|支出|执行|实际)数?(?:比|较)"
                    r"(年初|调整后|全年)?预算数?(减少|增加|节约|节省|超支|少|多|低|高)了?"
                    r"|^[，,\s]*(?:比|较)(年初|调整后|全年)?预算数?(节约|节省|超支)了?"
                    r"|^[，,\s]*(低于|高于|超出|超过|少于|多于)(年初|调整后|全年)?预算数?)$")
# the year's closing balance (年终结转下年, 收支相抵，年终结余), said after its totals
_YEAR_END = lazy(r"(?:年终结转(?:下年)?|结转下年|年终结余|年终滚存结余)(?:资金)?(?:为|是)?$")
_OPENING_BALANCE = ("年初结", "上年结转", "期初", "年初滚存", "上年结余", "弥补")
_BARE_SPENT = lazy(r"(?:本年|当年|全年)?支出(?:为|是)?")
_TOTALLED = lazy(r"(?:收入|支出)合计|合计(?:收入|支出)")  # (not 总计: a 支出总计 may hold the carry-over)
_LAST_YEARS = lazy(r"(?:比|较)(?:上年|去年|上一年|同期|(?:19|20)\d\d年)")
_OVER = ("大于", "多于", "高于", "超过", "超出", "增加", "超支", "多", "高")
# what is left of the plan, said of nothing else (比预算少支出 X, 节约 X; not 公务接待费节约 X)
_ONLY_LEFT = lazy(r"(?:比(?:年初|调整后|全年)?预算数?)?(?:少支出|少支|节约|节省|结余)了?")
_REASONED = lazy(r"主要原因|原因是|主要是由于|主要由于")  # 决算数小于预算数的主要原因是：…，节约 X
_REASON = lazy(rf"{_REASONED.pattern}|主要是|其中|包括")  # a reason or a part of the move
_NOT_COMPARING = lazy(r"比重|比例|占比|比率")  # 占…的比重为67.8%: a share, no comparison
_BALANCES = ("年初", "年末", "累计", "上年", "结转", "收支")  # 收支结余: income less spending
_CARRIED = ("年初结", "年末结", "累计结", "上年结", "结转", "收支")  # carry-overs (not 年初预算)
_ACTUAL = lazy(r"实际|执行|决算|完成|已")


def run(analysis, check: Check):
    for block in range(len(analysis.doc.blocks)):
        yield from _both_ways(analysis, check, block)
        yield from _one_way(analysis, check, block)
        for current, prior, change, sign in _changes(analysis, check.options, block):

            def compute(c=current, p=prior, d=change, s=sign):
                return _difference(c, p, d, s)

            first, second = (current, prior) if sign > 0 else (prior, current)
            subtracted = f"({second.text})" if second.value < 0 else second.text  # 4.1% − (-5.2%)
            expression = f"{first.text} − {subtracted}"
            verdict = judge(check, analysis, change, (current, prior), compute, expression=expression)
            if verdict and verdict.finding is not None:
                slipped = _slipped(current, prior, change, sign)
                if slipped is not None:  # 由 X万元 调整为 Y元，新增 Z万元: Y's unit mistyped
                    verdict = verdict.with_finding(
                        unit_slip(verdict.finding, slipped, change.unit, check.lang))
            if verdict:
                yield verdict


def _both_ways(analysis, check: Check, block: int):
    """A budget adjusted both ways in one sentence (年初预算 A，年中调增 X，调减 Y，调整后预算为 B): the raise
    X is B − A + Y, judged on X (one way only is the change read by :func:`_changes`)."""
    figures = analysis.figures[block]
    if len(figures) < 4:
        return
    text = analysis.doc.blocks[block].text
    for _start, _end, figs in analysis.sentences(block):
        money = [f for f in figs if f.is_point and precision.family(f.unit) == "money"]
        for k in range(len(money) - 3):
            base, up, down, adjusted = money[k : k + 4]
            if _BASE_BUDGET.search(labels.core(base.label)) and _RAISED.fullmatch(labels.core(up.label))  \
                    and _LOWERED.fullmatch(labels.core(down.label)) \
                    and _ADJUSTED.search(labels.core(adjusted.label)) \
                    and not _BRACKET.search(text, base.end, adjusted.start):

                def compute(a=adjusted, b=base, d=down, u=up):
                    return (precision.interval(a, "round", u.unit) - precision.interval(b, "round", u.unit)
                            + precision.interval(d, "round", u.unit))

                verdict = judge(check, analysis, up, (adjusted, base, down), compute,
                                expression=f"{adjusted.text} − {base.text} + {down.text}")
                if verdict:
                    yield verdict


def _one_way(analysis, check: Check, block: int):
    """A budget adjusted one way between its two stages said in a row (年初预算数为 A，年中追加预算 X，调整后
    全年预算数为 B; …调减 X…): X is B − A (raised) or A − B (lowered), judged on X."""
    text = analysis.doc.blocks[block].text
    for _start, _end, figs in analysis.sentences(block):
        money = [f for f in figs if f.is_point and precision.family(f.unit) == "money"]
        for base, change, adjusted in zip(money, money[1:], money[2:]):
            said = labels.core(change.label)
            sign = 1 if _RAISED.fullmatch(said) else -1 if _LOWERED.fullmatch(said) else 0
            if not sign or not _BASE_BUDGET.search(labels.core(base.label)) \
                    or not _ADJUSTED.search(labels.core(adjusted.label)) \
                    or _BRACKET.search(text, base.end, adjusted.start) \
                    or _BRACKET_NEXT.match(text, adjusted.end):
                continue  # (调整后 B（含上年结转 c）: more than the raise made it)
            first, second = (adjusted, base) if sign > 0 else (base, adjusted)

            def compute(a=first, b=second, u=change.unit):
                return precision.interval(a, "round", u) - precision.interval(b, "round", u)

            verdict = judge(check, analysis, change, (adjusted, base), compute,
                            expression=f"{first.text} − {second.text}")
            if verdict:
                yield verdict


_BASE_BUDGET = lazy(r"年初(?:预算|批复|安排)")
_RAISED = lazy(r"(?:年中|年内|期间)?(?:调增|追加|增加)(?:预算)?(?:了)?")
_LOWERED = lazy(r"(?:年中|年内|期间)?(?:调减|压减|减少)(?:预算)?(?:了)?")
_BRACKET = lazy(r"[（(]")
_BRACKET_NEXT = lazy(r"\s*[（(]")  # (an amount in brackets between: not the four said in a row)


def _slipped(current, prior, change, sign: int):
    """The one amount of money whose unit differs from the other two's when the change holds with it read
    in theirs (由 277585万元 调整为 304992元，新增 27407万元), else None."""
    if any(precision.family(f.unit) != "money" for f in (current, prior, change)):
        return None
    odd = [f for f in (current, prior) if f.unit != change.unit]
    if len(odd) != 1:
        return None  # (both in another unit than the change: the change's may be the slip, not judged)
    fixed = [replace(f, unit=change.unit) if f is odd[0] else f for f in (current, prior)]
    held = _difference(fixed[0], fixed[1], change, sign)
    return odd[0] if held.meets(precision.interval(change)) else None
