"""ratio: a stated rate (为年初预算的 342.35%, 执行率 99.89%, 完成率, 到位率) agrees with its amounts.

Two shapes are found in each sentence:

* ``A，为<base>的 P%`` (or 完成, 达到, 相当于<base>的): A is the nearest amount before the rate; the base is
  looked up by its words (年初预算) among the figures before, preferring the one whose label shares the most
  with A's label (财政拨款收入 … 为年初预算的 → the 年初预算 figure listed as 财政拨款收入), the one of its
  own sentence first; after 完成, 达到 or 相当于 only that one (支出决算为2.35万元，完成预算的78.33% names a
  budget not stated), or, for the department's whole outturn opening its sentence (2024年度部门支出决算为 X，
  完成全年预算的 P%), the one budget of that name a paragraph before states plainly, of no item and no other
  year (本部门调整后全年预算为 Y); or the base is stated right there (A，为年初预算 B 的 P%).
* ``<plan> X，<actual> Y，<rate word> P%`` (option ``rates``: 执行率, 完成率, ...): the two amounts
  (or counts of one measure word) before the rate in its clause (from the last ；or rate before it),
  the planned one being the only one whose label holds a plan word (option ``plan``: 预算, 计划, 目标,
  指标, ...; of two, 年初预算 X，全年预算 Y，实际支出 Z, the rate holding over either, failing over the
  later) and no actual word (option ``actual``: 实际, 已实现, 决算, ...; 计划完成 is a plan, the plan
  word coming first); with no plan word in the clause, the funds received (option ``received``: 收到…
  资金共 X，支出 Y，支出率 P%), or a project's funds as a whole before what was paid or spent of them
  (项目资金共 X，已拨付 Y，执行率 P%; not a 到位率, nor a rate of what is left).
* ``<whole> X，<stem> Y，<stem>率 P%``: a rate named by what its part did (推荐4,266家，通过3,636家，通过率
  85.23%; 共调查145家，其中108家达标，达标率74.48%; 送审金额…，审减金额…，审减率): the part is the one
  amount of its clause whose label holds the rate's stem (通过), or whose stem follows it (108家达标),
  and no plan word when two do (应结算…，已结算…，结算率); when its clause (after the rate before it) holds
  only the part, the counts before it in its sentence are the wholes (发放300份，回收292份，回收率97.33%，其中
  有效285份，有效率97.60%);
  the whole is another amount no smaller than it. With several such, the rate holds when one of them
  gives it, and fails (over the largest) when none does.
* a rate whose one amount before it, an actual, has its plan in the sentence before (调整后预算为
  3,618.45万元。全年实际支出3,502.17万元，预算执行率为97.79%): over each plan amount stated there, holding
  over one of them; so is 完成调整预算数的 P% after a sentence adjusting that side's budget (收入预算调整为
  Y), and 完成年初预算的 P% after the year's budget stated for every fund at once (预算为：一般公共预算收入
  a，支出 b；政府性基金预算收入 c，…), over its fund's side there. An 执行率 whose sentence (or the one
  before) states the funds received (到位资金) as well as the budget holds over either: templates define it
  both ways. An actual naming no subject of its own after the plan's clause and another rate (下达…资金共计
  X，分配进度100%，已完成支出 Y，支出进度 P%) is of the sentence's plan. Each rate of a sentence is so read
  over its own clause (实际到位 Y，到位率 p%；实际支出 Z，执行率 q%: the 到位率 over the plan of the
  paragraph before, 项目预算资金 X, the funds received being of what was planned; the 执行率 over X or Y, when
  it is the whole's and that paragraph adds no carry-over, 上年结转, to the plan).
* a rate named bare opening a sentence of its own (预算执行率为 P%; 从预算执行看，… aside; not 项目预算执行率,
  调整后预算执行率, 到位率) over the one plan and the one outturn spent of the sentence, or paragraph, before
  (全年预算数为 X，全年实际支出 Y。), when that sentence states no rate of them and no part of the year;
  last year's outturn (上年实际支出) is none.
* ``A 比 B 为 P%`` (实际在用固定资产总额 10,232.75 万元比上所有固定资产总额 12,139.05 万元为 84.29%):
  A over B, the rate straight after B with only 为 between, and no change word (增, 减, 降) on the way.
* a survey's 满意度 (满意率) over its counts: the satisfied (满意451人; 非常满意 a、满意 b … added in order)
  over those asked (回收482份, 有效问卷480份, in its sentence, or in the one before when the satisfied are
  said of the questionnaires, 有效问卷中, or in a sentence opening with 其中 on the levels alone, not a
  subgroup's: 其中农村受访群众满意 a); a 综合满意度 only over one
  count that sums the levels (评价满意和基本满意的825份: no weighting of levels then), no weighting said;
  several levels' counts are summed when the rate says so (含基本满意; 满意度（满意与基本满意之和占有效
  问卷比例）).
* a 预算调整率 over the 年初预算 and the 全年 (调整后) 预算 before it in its sentence: (全年 − 年初) / 年初
  (a cut stated without its sign, 10%, is its size).
* a 预决算差异率 (差异率, 偏差率) over the one budget and the one outturn (决算, 实际) before it in its
  sentence, nothing else of money but the gap itself (差异 Z): (决算 − 预算) / 预算, judged by its size,
  since templates define it either way round (a sign stated is kept).
* ``X 中 Y，占 P%`` (145家中108家，占74.48%; 15个乡镇中已有14个建成，覆盖率93.33%): a share of the count
  before 中 (not 其中, and not of money: the share check reads those), named by 占 or a rate word; when
  the part is said not to have done it (46个小区中有9个延期完工，按期完工率80.43%), the rate is of the rest.

A completion rate (完成率) over a target set as a floor (年度目标≥26万人次; in percent too, 目标值不少于65%，
实际完成67.4%: the two rates right before it, the target its exact threshold) takes the floor as its plan; a
rate of those due (覆盖率, 参训率, 参保率, 参与率, 出勤率, 到课率) is read only over an amount of those due
(应参加 X), never over a plan; a rate named by a deed done on time (按期完成率) by its part (3个项目按期完成)
when no plan is stated; a saving rate (节约率) over the saving stated against the budget (比预算节约 X).

Not read: a rate with a plan/actual pair in a measure word not read standing nearer it (计划1,200幅，实际
1,020幅); a plan that is one member of a 分别 list (预算分别为 a、b、c万元，合计 t). A target or plan set in
round 万 (年度目标为3万卷) is that many, unless its exact number follows in brackets.

Judged as an interval: actual/base must meet the stated rate's interval; a rate failing over the actual
holds over it net of an amount the sentence sets aside right after the rate (执行率为100%，其中，77万元为社会
募集款: the budget's money only). A completion rate of exactly 100% for a count above its plan (计划12,000件，
实际12,860件，完成率100%) is the capped convention, as in indicator tables, and holds (money spent beyond its
budget is not capped; money set as a target, 追回基金年度目标不少于 X, is). A rate per mille (6‰, 千分之六) is
judged over its pair as a percentage is, but for a demographic rate (出生率, 死亡率, 自然增长率: of the
year's average population).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...figures import labels, precision, units
from ...interval import Interval
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "ratio"
FIELDS = JUDGED


@options
class Options:
    rates: Words = Words(["预算执行率", "执行率", "完成率", "支出率", "到位率", "支付率", "使用率", "兑现率",
                          "控制率", "支出进度", "执行进度", "分配进度", "支付进度", "结转结余率", "结余率",
                          "覆盖率", "参训率", "参保率", "参与率", "出勤率", "到课率"])
    plan: Words = Words(["预算", "计划", "目标", "指标", "下达", "批复", "安排", "申报", "应"])
    received: Words = Words(["收到", "投入"])
    """Funds received (收到…资金共 X，支出 Y，支出率 P%): the base when no amount of the clause names a plan
    (计划下达 X，收到 Y，到位率: Y is the actual)."""
    actual: Words = Words(["实际", "已实现", "已完成", "实现", "完成", "决算", "执行数", "执行", "已用",
                           "已使用"])
    weak: Words = Words(["完成", "实现"])
    """Actual words that follow a plan word in a plan's label (计划完成, 目标实现)."""
    left: Words = Words(["结余", "结转", "剩余", "节余", "节约", "未支出", "未使用", "尚未", "差额", "超支",
                         "未完成", "未实现", "未达", "未到位", "未执行", "未开展", "未拨付"])
    """What is left of a plan (预算 X，支出 Y，结余 Z，执行率 P%; 已完成14个，未完成1个): never the actual
    of a rate, whether said before the figure or right after it (1个未完成)."""
    unpaid: Words = Words(["未支", "未付", "未用", "未下达", "未分配", "未兑现", "未兑付", "未结算",
                           "待支付"])
    """What is still unpaid (未支 X，未支付的资金 X，待支付质保金 X), read as what is left unless a payment
    names it (支付上年未付工程款 X, 已拨付以前年度未兑现的资金 X: a payment of it)."""


def run(analysis, check: Check):
    o = check.options
    for block in analysis.stating("%", "‰"):
        text = analysis.doc.blocks[block].text
        earlier = _paragraph_before(analysis, block)  # the sentence before, where a rate's plan may be
        for sentence in analysis.sentences(block):
            yield from _after_plan(analysis, check, text, sentence, earlier)
            yield from _debt_ratio(analysis, check, sentence)
            before, earlier = earlier, sentence[2]
            for i, rate in enumerate(sentence[2]):
                pair = _pair_after(o, text, sentence[2], i) if rate.unit == "%" and rate.is_point else None
                if pair is not None:  # 合格率为96.5%（抽检200批次，合格191批次）: its pair bracketed after it
                    verdict = _ratio(analysis, check, rate, *pair)
                    if verdict:
                        yield verdict
                    continue
                if rate.unit not in units.PERCENT_LIKE or not rate.is_point or i == 0:
                    continue
                if rate.unit == "‰" and _OVER_AVERAGE.search(rate.label):
                    continue  # 出生率8.81‰: of the year's average population, which the text rarely states
                if _DEFINED.search(text, max(0, rate.start - 8), rate.start):
                    rate = _undefined(text, rate)  # 执行率（实际支出与预算的比率，下同）为 P%: its name
                if labels.respective(text, sentence[2], rate):
                    continue  # A、B …，分别占 P%、Q%: each rate pairs with its own amount, not read here
                if _TIMES.search(text, max(0, rate.start - 3), rate.start):
                    continue  # 完成率=完成数/计划数×100%=91.67%: the formula's ×100%, not a rate stated
                raw = text[max(0, rate.start - len(rate.label) - 3) : rate.start]
                lead = next((w for w in _OF_BASE if rate.label.startswith(w)), "")
                of_base = bool(lead) and "的" in raw
                said, subject = rate.label[len(lead):], ""
                m = None if of_base else _OF_NAMED.search(rate.label)
                if m is not None and (m.group(3) or "的" in raw):
                    lead, said, of_base = m.group(1) or m.group(3), m.group(2) or m.group(4), True
                    # 支出决算数 of 支出决算数为年初预算数的, without its 数
                    subject = labels.core(rate.label[: m.start()]).removesuffix("数")
                previous = sentence[2][i - 1]
                # 为年初预算600.00万元的108.50%
                stated_base = previous.is_point and _base_of_rate(text, previous, rate)
                stem = _stem(rate.label)
                share = (rate.label.strip() in ("占", "占比") or _STEM.search(rate.label.strip())) \
                    and "中" in text[sentence[0]:rate.start]
                versus = _VERSUS.match(text, sentence[2][i - 1].end, rate.start) is not None
                if stated_base:
                    fam = precision.family(previous.unit)
                    ahead = sentence[2][: i - 1]
                    # not an amount in brackets closed before the base (X（…退库 Y），完成年初预算 Z 的 P%: X)
                    lo = max(sentence[0], rate.start - _BRACKET_REACH)
                    inner = labels.inside(text, lo, [max(f.start, lo) for f in ahead])
                    shut = {id(f) for f, h in zip(ahead, inner) if h}
                    actual = next((f for k, f in reversed(list(enumerate(ahead)))
                                   if f.is_point and precision.family(f.unit) == fam and id(f) not in shut
                                   and not _base_of_rate(text, f, sentence[2][k + 1])
                                   and not labels.CHANGED.search(f.label)  # (not 增支 c: a change,
                                   and not _COMPARED_WITH.search(f.label)), None)  # nor 比上年同期 Y)
                    verdict = _ratio(analysis, check, rate, actual, previous) if actual else None
                    if verdict:
                        yield verdict
                    continue
                if _ADJUSTMENT.search(rate.label):
                    yield from _adjustment(analysis, check, sentence[2][:i], rate)
                    continue
                if _DISCREPANCY.search(rate.label):
                    yield from _discrepancy(analysis, check, sentence[2][:i], rate)
                    continue
                defined = _DEFINED_RATE.search(text, max(0, rate.start - 60), rate.start) \
                    if not rate.label.strip() else None  # 满意度（满意与基本满意之和占…比例）为 P
                if _SATISFIED.search(_BRACKETS.sub("", labels.core(rate.label))) or defined:
                    yield from _survey(analysis, check, text, sentence[2], rate, before,
                                       defined.group(1) if defined else "")
                    continue
                if _NET_OF.search(rate.label):
                    continue  # 剔除取消目标后完成率 P%: over a base less what was set aside, not stated
                if not of_base and not o.rates.within(rate.label) and not stem and not share and not versus:
                    continue  # no shape: a rate of nothing stated here
                figs = labels.near(sentence, rate.start)[2]
                clause = _clause(text, figs, rate)
                figs = [f for f in figs if f.start >= clause]
                # 年度目标≥26万人次，实际27.3万人次，完成率: the floor (not an 执行率, 覆盖率, 按期完成率)
                floors = _COMPLETED.search(labels.core(rate.label).strip()) is not None
                pair = _percent_target(o, text, sentence[2], rate) if floors else None
                if pair is not None:  # 目标值不少于65%，实际完成67.4%，完成率103.69%: of the two rates
                    yield from _of_target(analysis, check, rate, *pair)
                    continue
                amounts = [f for f in figs if f.start < rate.start and (f.is_point or floors and _floor(o, f))
                           and precision.family(f.unit) not in ("ratio", "")]
                hidden = labels.inside(text, figs[0].start, [f.start for f in amounts])
                amounts = [f for f, h in zip(amounts, hidden)
                           if not h or _ADJUSTED_ASIDE.search(text, max(0, f.start - 12), f.start)]
                # (目标不少于3000人次（调整后2800人次）: the plan as adjusted, in its brackets, kept)
                unread = [f for f in figs if f.unit == "" and f.is_point and amounts
                          and amounts[-1].end <= f.start < rate.start]
                if not amounts or any(_planned(o, f.label) for f in unread) \
                        and any(o.actual.within(f.label) for f in unread):
                    continue  # 计划1,200幅，实际1,020幅，完成率85%: a pair in a measure not read, nearer
                fam = precision.family(amounts[-1].unit)
                amounts = [f for f in amounts if precision.family(f.unit) == fam]
                if not of_base:  # (较年度目标少124人次, 较目标1万亩超出0.2万亩: how far off, no operand)
                    amounts = [f for f in amounts if not _DIFFERENCE.search(f.label)
                               and not _CHANGE_ONLY.fullmatch(f.label.strip(" ，,"))
                               or stem in _CUTS and not _LAST_YEARS.search(f.label)
                               and (stem in f.label or stem in _SAID_OF_MONEY and _SAVED.fullmatch(f.label))]
                    # (比预算节约 X，节约率 P%: the part; not 比上年节约 X, a change from last year)
                    if not amounts:
                        continue
                left_over = None  # 支出 X，结余 Y，为预算的 P%: P may be X's or Y's share
                if of_base:
                    left_over = amounts[-1] if amounts and _LEFT_OVER.search(amounts[-1].label) else None
                    amounts = [f for f in amounts if not _DIFFERENCE.search(f.label)
                               and not _CHANGE_ONLY.fullmatch(f.label.strip(" ，,"))
                               and not _LEFT_OVER.search(f.label)]  # (节约 40, 超支 183.72: no actual)
                    if not amounts:
                        continue
                    actual = amounts[-1]
                    named = labels.core(said.rstrip("的")).removesuffix("数")  # 预算数: the 预算 stated
                    named = named.replace("调整后", "调整")  # 为调整预算的 of 调整后预算 X
                    here = [f for f in amounts[:-1] if named and named in _adjusted(f.label, text, f.start)]
                    last = [f for f in amounts if named and named in _adjusted(f.label, text, f.start)]
                    if not here and last == amounts[-1:] and len(amounts) >= 2 \
                            and "其中" not in amounts[-2].label and analysis.parent(amounts[-2]) is None \
                            and labels.OUTTURN.search(amounts[-2].label):
                        actual, here = amounts[-2], last  # 支出X，全年预算数Y，完成预算的P%
                    doers = [f for f in amounts if _names(f, subject)]
                    bases = [f for f in amounts if _names(f, named)]
                    if len(doers) == 1 and len(bases) == 1 and doers[0] is not bases[0]:
                        actual, base = doers[0], bases[0]  # 支出决算X，年初预算Y，支出决算数为年初预算数的
                    elif len(here) == 1:
                        base = here[0]  # 年初预算为54.53万元，支出决算为54.53万元，完成年初预算的100.00%
                    elif len(full := [f for f in here if _whole_name(said) in f.label]) == 1:
                        base = full[0]  # 年初预算 X，全年预算 Y，支出决算 Z，完成全年预算的 P%: Y
                    elif len(later := _stated_after(o, text, sentence[2], rate, fam, named)) == 1:
                        base = later[0]  # 支出12.36万元，为预算的82.40%，预算数为15.00万元: its own budget
                    elif later:
                        continue
                    elif _PLAIN_BUDGET.fullmatch(named) and labels.OUTTURN.search(actual.label) \
                            and len(plans := [f for f in amounts[:-1]
                                              if _planned(o, labels.FUNDS.sub("", f.label))]) == 1 \
                            and plans[0] is amounts[-2] and _one_subject(plans[0], actual) \
                            and analysis.parent(actual) is None:  # (一般公共预算总支出 X，其中: a fund)
                        base = plans[0]  # 支出预算为 X，支出决算为 Y，完成年初预算的 P%: its one budget,
                        # right before the outturn (another amount before them, 总支出 Z, no budget)
                    elif lead == "为":
                        base = analysis.resolve(actual, said, actual.label, fam)
                        own = "其中" not in text[sentence[0] : actual.start]  # (not a part's: 其中 A a)
                        if base is None and "调整" in named and own and _adjustments(analysis, before) == 1:
                            base = _adjusted_before(analysis, before, actual)  # …预算调整为 Y。…完成 X，
                            # 为调整预算的 P% (one adjustment said: not 调整为 Y；再次调整为 Y′)
                        if base is None or named and named not in _unfunded(base.label) \
                                and not _planned(o, _unfunded(base.label)):
                            continue  # 一般公共预算收入 names a fund, not the 预算 of 为预算的 (年初安排 is)
                        if _of_another(analysis, base):
                            continue  # X，为年计划 Y 的 P%；Z，为年计划的 Q%: Y is X's plan, Z's unstated
                        if _LAST_YEARS.search(said) and not _earlier(analysis, base, actual):
                            continue  # 2025年决算数 X，为上年决算的 P%: last year's, not this year's Y
                    elif "调整" in named and (moved := _adjusted_before(analysis, before, actual)):
                        base = moved  # …收入预算调整为 Y。…完成 X，完成调整预算数的 P%: the budget adjusted
                    elif "调整" not in named and (planned := _budget_statement(analysis, actual)):
                        base = planned  # 预算为：…政府性基金预算收入 Y，… ⏎ …政府性基金预算收入 X，完成年初
                        # 预算的 P%: the year's budget, stated once for every fund before their outturns
                    elif (stated := _whole_budget_before(analysis, actual, named, fam, text, sentence[0])):
                        base = stated  # 本部门调整后全年预算为 Y。⏎ …部门支出决算为 X，完成全年预算的 P%
                    else:
                        continue  # 支出决算为2.35万元，完成预算的78.33%: its budget is not stated here
                elif o.rates.within(rate.label) and len(amounts) >= 2 \
                        and not (stem and not any(_planned(o, f.label) for f in amounts)):
                    # (共实施项目4个，其中3个按期完成，按期完成率: no plan, a rate named by its part's deed)
                    if fam == "分":
                        continue  # 总分…，其中预算执行得分9.54分（执行率95.36%）: no rate of 分 over 分
                    # (预算分别为 a、b、c万元，合计 t: a list's member is no plan of the whole's rate)
                    amounts = [f for f in amounts if not _MEMBER.search(text, max(0, f.start - 40), f.start)]
                    if _DUE_RATES.search(rate.label) and not any("应" in f.label for f in amounts):
                        continue  # 覆盖率, 参训率: of those due (应参加 X), not of a plan (计划培训 X)
                    plan = [f for f in amounts if _planned(o, f.label)] or _received(o, text, amounts) \
                        or _year_start(amounts)
                    plan += [f for f in amounts if plan and f.start > plan[0].start and f not in plan
                             and (_ADJUSTED_TO.search(text, max(0, f.start - 12), f.start)
                                  or _ADJUSTED_ASIDE.search(text, max(0, f.start - 12), f.start))]
                    plan.sort(key=lambda f: f.start)  # 年初预算 X，调整为 Y: the plan as adjusted, too
                    left = not o.left.within(rate.label)  # a 结余率 is of what is left, an 执行率 never
                    others = [f for f in amounts if f not in plan and not (left and _left(o, text, f))
                              and not _PARTIAL.search(f.label)]  # 部分完成1个: not of the 完成率
                    put_in = [f for f in amounts if f not in plan and o.received.within(f.label)
                              and _planned(o, plan[0].label)] if plan else []
                    if len(plan) == 1 and put_in and put_in[0] in others[:-1]:
                        # 计划投入 X，实际投入 Y，已下达 Z，分配进度 P%: over the plan or what was put in
                        yield from _over_any(analysis, check, rate, others[-1], [plan[0], put_in[0]])
                        continue
                    if len(plan) == 1 and "其中" in text[plan[0].end : others[-1].start if others else 0]:
                        others = [f for f in others if f.start < plan[0].end or _STEMMED.search(f.label)
                                  or o.actual.within(f.label) or "支出" in f.label]
                        done = _done_of_part(o, text, amounts, plan[0])
                        if done is not None:  # 指标 X，其中：A a，已分配下达 b，分配进度 P%: b of a
                            yield from _over_any(analysis, check, rate, done[1], [plan[0], done[0]])
                            continue
                        if not others:  # 下达 X，其中2023年 a，2024年 b，到位率100%: parts of the plan, no
                            continue  # amount received stated
                    received = [f for f in others[:-1] if _ARRIVED.search(f.label)]
                    if not plan and len(received) == 1 and not _ARRIVED.search(rate.label):
                        budgets = [f for f in before if _planned(o, f.label) and _money(f)][:1]
                        if budgets:  # 年初预算 X。…到位资金 Y，已支出 Z，执行率 P%: over X or the funds
                            yield from _over_any(analysis, check, rate, others[-1], [*budgets, *received])
                            continue
                        plan = received  # 到位资金 X，支出 Y，执行率 P%: over the funds received
                        others = [f for f in others if f not in plan]
                    if not plan and len(others) == 2 and all(_money(f) for f in others) \
                            and labels.FUNDS_WHOLE.search(others[0].label) \
                            and _SPENT.search(others[1].label) \
                            and _FUNDS_RATE.search(rate.label) and not o.left.within(rate.label) \
                            and not _others_rate(rate.label, others[0].label):  # (上年执行率, 全省平均…)
                        plan, others = others[:1], others[1:]  # 项目资金共 X，已拨付 Y，执行率 P%: the funds
                    if not plan or not others or len(plan) > 2 \
                            or len(plan) == 2 and others[-1].start < plan[-1].start \
                            or len(plan) == 1 and _OPENING.search(plan[0].label) \
                            and any(_ADDED.search(f.label) for f in amounts):
                        continue  # 年初预算 X，年中追加 Y，执行数 Z: the whole year's budget is not stated
                    arrived = [f for f in others[:-1] if _ARRIVED.search(f.label)] \
                        if not _ARRIVED.search(rate.label) else []
                    if len(plan) == 2 or arrived:
                        # 年初预算 X，全年预算 Y，实际支出 Z，执行率 P%: over either budget; 预算 X，到位 Y，
                        # 支出 Z，执行率 P%: over the budget or the funds received (templates say either)
                        yield from _over_any(analysis, check, rate, others[-1], [*plan, *arrived[-1:]])
                        continue
                    base, actual = plan[0], others[-1]
                    if _NAMED_EACH.fullmatch(text, min(base.end, actual.end), max(base.start, actual.start)):
                        continue  # 5000吨稻谷、500吨成品粮储备到位率100%: two things each named, no pair
                elif share and len(amounts) == 2 and _AMONG.match(text, amounts[0].end):
                    base, actual = amounts  # 中 right after the whole (145家中), not 其中 or a grade 中
                    if base.value < actual.value or _money(base):
                        continue
                    undone = _NOT_DONE.search(text, actual.end, rate.start)
                    if undone and undone.group(1) in rate.label and not _NOT_DONE.search(rate.label):
                        # 46个小区中有9个延期完工，按期完工率80.43%: the rate is of the others
                        yield from _complement(analysis, check, rate, actual, base)
                        continue
                elif versus and len(amounts) >= 2 and amounts[-1] is sentence[2][i - 1]:
                    actual, base = amounts[-2], amounts[-1]
                    if not base.label.startswith("比") or _CHANGE.search(text, actual.start, rate.start):
                        continue  # 比上年增长 is a growth rate, not this shape
                elif stem and len(amounts) >= 2:
                    yield from _by_stem(analysis, check, text, rate, stem, amounts)
                    continue
                elif stem in ("有效", "回收") and len(amounts) == 1 \
                        and (wider := _before_rates(text, sentence, amounts[0])):
                    # 发放问卷300份，回收292份，回收率97.33%，其中有效问卷285份，有效率97.60%
                    yield from _by_stem(analysis, check, text, rate, stem, [*wider, amounts[0]])
                    continue
                else:
                    continue
                if base is None or base is actual:
                    continue
                verdict = _ratio(analysis, check, rate, actual, base)
                if verdict and not verdict.holds and left_over is not None and left_over is not base:
                    verdict = next(v for v in (_ratio(analysis, check, rate, left_over, base), verdict)
                                   if v is verdict or v is not None and v.holds)
                if verdict:
                    yield verdict


def _others_rate(rate: str, funds: str) -> bool:
    """Whether a rate names another year's or another whole's (上年执行率, 全省平均执行率, 全县支出进度
    beside a project's funds), not the funds' own (全县衔接资金 X … 全县资金支出进度)."""
    return any(m.group() in _ALWAYS_OTHERS or m.group() not in funds for m in _OTHERS_RATE.finditer(rate))


_ALWAYS_OTHERS = ("上年", "去年", "平均")  # another year's, or many wholes' mean, whatever the funds name
_OTHERS_RATE = lazy(r"上年|去年|平均|全省|全国|全市|全县|全区|部门整体")  # another year's, the area's
# a rate of the funds paid or spent (not 到位率, the funds received; nor 工程完成率, the work done)
_FUNDS_RATE = lazy(r"(?<!到位)(?:执行|支出|使用|拨付|支付)(?:率|进度)")
# what was paid or spent of a project's funds (已拨付, 已拨付财政补助资金, 实际支出, 执行数为)
_SPENT = lazy(r"(?:拨付|支出|支付|使用|执行)(?:数|额|[\u4e00-\u9fff]{0,8}?(?:资金|经费|金额))?(?:共|合计)?"
              r"(?:为|了)?\s*$")
_PLAIN_BUDGET = lazy(r"(?:年初)?预算")  # 完成(年初)预算的: the one budget the sentence states, however named
_NAMED_EACH = lazy(r"\s*[\u4e00-\u9fff]{1,8}\s*、\s*")  # 5000吨稻谷、500吨: a noun after each amount
_OF_BASE = ("为", "完成", "达到", "相当于")
# what the part did not do, named as the rate names what the others did (9个延期完工, 按期完工率; 不合格,
# 合格率), not a good outcome said with 未 (108家未发生事故, 达标率)
_NOT_DONE = lazy(r"(?:未|不|延期|逾期|没有|尚未)([\u4e00-\u9fff]{2})")


def _undefined(text: str, rate):
    """A rate whose name a bracketed definition follows (支出预算执行率（实际支出与年度预算安排的比率，下同）
    为 P%), labelled by its name, the definition taken out."""
    raw = labels.ASIDE.sub("", text[max(0, rate.start - _NAME_REACH) : rate.start])
    clause = re.split(r"[，,；;。：:]", raw)[-1]
    return replace(rate, label=clause) if clause.strip() else rate


_NAME_REACH = 80  # characters before a rate its name and its bracketed definition may take
_DEFINED = lazy(r"(?:下同|以下简称[^）)]*)[）)]\s*(?:为|是|达到?)?\s*$")  # (…，下同）为 P%


def _complement(analysis, check, rate, failed, base):
    """The rate of the share that did not do what ``failed`` says it did not: (base − failed) / base."""
    verdict = judge(check, analysis, rate, (failed, base),
                    lambda: (precision.interval(base) - precision.interval(failed, "round", base.unit))
                    / precision.interval(base),
                    scale=_per(rate), expression=f"({base.text} − {failed.text}) / {base.text}")
    if verdict:
        yield verdict


def _adjustments(analysis, before) -> int:
    """How many amounts of the sentence before are said as adjusted to (调整为 Y；再次调整为 Y′: two)."""
    return sum(1 for f in before or () if f.is_point and _adjusted_to(analysis, f))


def _adjusted_to(analysis, figure) -> bool:
    """Whether a figure is said as what something was adjusted to (…调整为 Y)."""
    return bool(_ADJUSTED_TO.search(analysis.text(figure), max(0, figure.start - 12), figure.start))


def _adjusted_before(analysis, before, actual):
    """The one amount of the sentence before that the whole budget of ``actual``'s side was adjusted to
    (经批准收入预算调整为 Y; 一般公共预算收入预算调整为 Y before 一般公共预算收入完成 X), or None: not another
    fund's (政府性基金收入预算调整为), another level's (市本级支出预算) nor an item's (专项收入调整为,
    债务转贷收入预算调整为)."""
    fam = precision.family(actual.unit)
    funds = set(labels.FUND_NAMES.findall(actual.label))
    moved = []
    for f in before or ():
        if not f.is_point or precision.family(f.unit) != fam \
                or not _adjusted_to(analysis, f):
            continue
        core = labels.core(f.label)
        named = set(labels.FUND_NAMES.findall(core))
        whole = _WHOLE_ADJUSTED.search(labels.FUNDS.sub("", core))
        if whole is None or named and named != funds or whole.group(1) not in actual.label \
                or any(w not in actual.label for w in _LEVEL_WORDS.findall(core)):
            continue
        moved.append(f)
    return moved[0] if len(moved) == 1 else None


def _whole_budget_before(analysis, actual, named: str, fam: str, text: str, start: int):
    """The department's one budget of the name a rate gives (全年预算, 年初预算, 调整预算) stated in a
    paragraph before, when ``actual`` is the department's whole outturn (2024年度部门支出决算为 X,
    全年实际支出 X; not an item's, nor a part listed under a total) opening its sentence: the budget named so,
    said plainly (本部门调整后全年预算为 Y: no item's, no fund's), the only amount of that name before; None
    otherwise."""
    if named not in _WHOLE_BUDGETS or analysis.parent(actual) is not None \
            or not _WHOLE_OUTTURN.fullmatch(labels.core(text[start : actual.start])):
        return None
    found = [f for f in analysis.before(actual, 40) if f.block != actual.block and f.is_point
             and precision.family(f.unit) == fam and named in _adjusted(f.label, analysis.text(f), f.start)]
    if len(found) != 1 or analysis.parent(found[0]) is not None:
        return None
    base, own = found[0], analysis.text(found[0])
    lead = own[labels.sentence_start(own, base.start) : base.start]  # (its sentence's words: （一）A项目，…)
    years = [set(labels.YEAR.findall(t)) for t in (lead, text[start : actual.start])]
    if years[0] and years[1] and years[0] != years[1] or labels.LAST_YEARS.search(lead):
        return None  # 2023年全年预算 Y, 本部门上年调整后全年预算 Y … 2024年度部门支出决算 X: another year's
    said = labels.core(lead).replace("调整后", "调整")
    said = said.replace(named, "", 1) if named in said else said.replace("预算", "", 1)
    return base if _WHOLE_SCOPE.fullmatch(said) else None


_WHOLE_BUDGETS = ("预算", "年初预算", "调整预算")  # (全年预算 is 预算 once its 全年 is dropped)
_SCOPE = r"(?:(?:19|20)\d\d\s*年度?)?(?:本部门|部门|本单位|单位|本局|全局)?(?:(?:19|20)\d\d\s*年度?)?"
# the department's whole outturn opening its sentence (2024年度部门支出决算为, 全年实际支出)
_DEPARTMENT = r"(?:(?:19|20)\d\d\s*年度?)?(?:本部门|部门|本单位|单位|本局|全局)(?:(?:19|20)\d\d\s*年度?)?"
_WHOLE_OUTTURN = lazy(rf"{_DEPARTMENT}(?:全年|年度)?(?:实际)?(?:支出决算数?|实际支出数?|支出合计|支出)"
                      r"(?:为|是|达)?")  # (the department named: not 全年实际支出 of a project's section)
_WHOLE_SCOPE = lazy(rf"{_SCOPE}(?:数|为|是|调整|安排|批复)*")  # what else names the budget: no item's name


def _budget_statement(analysis, actual):
    """The amount for ``actual``'s fund and side in the year's budget statement before it, in its paragraph
    or the twelve before (我县2023年度预算为：一般公共预算收入 a，支出 b；政府性基金预算收入 c，支出 d), or
    None: the statement opens with 预算为 (or 预算安排为, 年初预算; not an adjusted budget's 调整后预算为)
    before its first amount, names each fund once (支出 after a fund's 收入 is that fund's) and no other
    year (上年); ``actual`` names a fund and a side and nothing else but the whole's scope (地方政府性基金
    预算收入 X; not 经济开发区一般公共预算收入, another level's or unit's)."""
    own = _side(actual.label)
    rest = _SCOPED.sub("", labels.FUND_NAMES.sub("", labels.core(actual.label)))
    if own is None or _OTHER_THAN_WHOLE.search(rest):
        return None
    found = [f for b, f, side in analysis.memo(_statements) if side == own
             and actual.block - 12 <= b <= actual.block and (b < actual.block or f.end <= actual.start)]
    return found[0] if len(found) == 1 else None


def _statements(analysis) -> list:
    """``(block, amount, (fund, side))`` of every amount a budget statement gives (see
    :func:`_budget_statement`), found once per document."""
    out = []
    for block, paragraph in enumerate(analysis.doc.blocks):
        text = paragraph.text
        if "预算" not in text or paragraph.kind == "row":
            continue
        for start, end, figs in analysis.sentences(block):
            opened = _STATEMENT.search(text, start, figs[0].start) if figs else None
            if opened is None or "调整" in text[start : opened.end()] \
                    or labels.LAST_YEARS.search(text, start, end):
                continue
            fund, clause = "", start
            for f in figs:
                if not f.is_point or precision.family(f.unit) != "money":
                    continue
                semi = max(text.rfind("；", clause, f.start), text.rfind(";", clause, f.start))
                if semi >= 0:
                    clause, fund = semi + 1, ""  # (a fund's clause ends)
                side = _side(f.label)
                bare = labels.core(f.label).strip("，, ")
                if side is None and bare in ("收入", "支出") and fund:
                    side = (fund, bare)  # 政府性基金预算收入 c，支出 d: d is that fund's
                if side is not None:
                    fund = side[0]
                    out.append((block, f, side))
    return out


# what a label holds besides its fund and side that names the whole: nothing else may remain
_SCOPED = lazy(r"(?:19|20)\d\d年度?|地方|全[县市区州旗省]|[我本][县市区州旗]|预算|收入$|支出$")
_OTHER_THAN_WHOLE = lazy(r"[\u4e00-\u9fff]")


def _side(label: str) -> tuple[str, str] | None:
    """``(fund, 收入|支出)`` a label names (地方政府性基金预算收入 → ('政府性基金', '收入')), or None."""
    core = labels.core(label).strip("，, ")
    fund = labels.FUND_NAMES.findall(core)
    side = "收入" if core.endswith("收入") else "支出" if core.endswith("支出") else ""
    return (fund[0], side) if len(fund) == 1 and side else None


_STATEMENT = lazy(r"预算(?:安排)?(?:为|是)|年初预算")  # 我县2023年度预算为：…
# the side's whole budget adjusted: nothing before 收入/支出 but a verb, a scope or the start
_WHOLE_ADJUSTED = lazy(r"(?:^|批准|将|把|[年，,的]|全[县市区省镇乡旗]|本级|地方)(收入|支出)"
                       r"(?:预算)?数?调整后?$")
_LEVEL_WORDS = lazy(r"本级|区县|县区|乡镇|市级|县级|区级")


def _adjusted(label: str, text: str = "", at: int = 0) -> str:
    """A label without its funds, 调整后 said 调整 (调整后预算 is the 调整预算 of 为调整预算的), and an amount
    the budget was adjusted to (…支出调整为 X, the text before ``at``) named the 调整预算 it is."""
    core = _unfunded(label).replace("调整后", "调整")
    return core + "调整预算" if text and _ADJUSTED_TO_AT.search(text, max(0, at - 4), at) else core


_ADJUSTED_TO_AT = lazy(r"调整(?:为|到|至)\s*$")


def _of_another(analysis, base) -> bool:
    """Whether ``base`` is stated as the base of a rate of its own (为年计划 Y 的 P%)."""
    figs = analysis.figures[base.block]
    k = analysis.index(base)
    return k + 1 < len(figs) and _base_of_rate(analysis.doc.blocks[base.block].text, base, figs[k + 1])


def _base_of_rate(text: str, figure, after) -> bool:
    """Whether ``figure`` is the stated base of the rate ``after`` it (完成年初预算1,000.00万元的120.00%):
    never the subject of a later rate of the sentence (…，为调整预算1,250.00万元的96.00%)."""
    between = text[figure.end : after.start].strip()
    if after.unit == "%" and between in ("）的", ")的") \
            and _BRACKETED_BASE.search(text, max(0, figure.start - 16), figure.start):
        return True  # 完成预算（587.9亿元）的107.1%: the base in brackets after its name
    return after.unit == "%" and between in ("的", "") \
        and labels.core(figure.label).startswith(_OF_BASE)  # (为市下目标33.23亿元101.78%: 的 left out)


_BRACKETED_BASE = lazy(r"(?:为|完成|达到|相当于)[^，,。；;（(]{0,12}[（(]\s*$")


# the base named at the label's end: 决算数为预算数的, 支出决算数为年初预算数的, or 完成预算 without 的
_OF_NAMED = lazy(r"(?<=[\u4e00-\u9fff])(为|达到|相当于)([^，,。；;为]{2,12})$"
                       r"|^(完成)((?:年初|调整后|全年)?预算数?)$")
_VERSUS = lazy(r"\s*(?:之比)?为\s*$")  # A 比 B 为 P%: only 为 between B and the rate
_CAPPED = lazy(r"(?:完成|达成|实现)率?\s*(?:为|达)?\s*$")
# money set as a target, not a budget to spend (追回基金年度目标不少于 X): capped as a count is
_TARGETED = lazy(r"^(?!.*(?:预算|支出|拨付|执行)).*(?:目标|任务)")
_AMONG = lazy(r"[\u4e00-\u9fff]{0,8}?(?<!其)中")
_PARTIAL = lazy(r"部分|基本完成|基本实现|基本达到")
_TIMES = lazy(r"[×xX＊*·]\s*$|\\times\s*$")
_STEMMED = lazy(r"到位|拨付|支付|使用|完成|实现|发放|兑现")  # what a rate's actual did
_CHANGE = lazy(r"增|减|降|升|提高|超|节约")
_CHANGE_ONLY = lazy(r"(?:减少|增加|下降|增长|多|少|超出|超|节约|节省)了?")  # 比预算 X 减少 D: D a change
_LEFT_OVER = lazy(r"(?:节约|节省|结余|超支|超出)了?\s*$")  # what was saved or overrun, not the outturn
# a change against the base (比预算数减少8.57万元), not the base itself
_DIFFERENCE = lazy(r"(?:比|较)[^，,。；;]{0,12}?(?:减少|增加|节约|节省|超支|超出|下降|增长|少|多)了?$")


def _after_plan(analysis, check: Check, text: str, sentence, earlier: list):
    """A rate whose plan the sentence before states (调整后预算为3,618.45万元。全年实际支出3,502.17万元，预算
    执行率为97.79%), or the clauses before its own (预算 X，到位 Y，到位率100%；全年实际支出 Z，执行率 P%):
    the one actual amount of its clause before the rate, and no plan of its own, over each plan amount
    stated there; holding over one of them it holds, failing over all it fails over
    the nearest."""
    o = check.options
    figs = sentence[2]
    rates = [f for f in figs if f.unit == "%" and f.is_point and o.rates.within(f.label)
             and not labels.respective(text, figs, f)]
    for k in range(len(rates)):  # (实际到位 X，到位率 P%；实际支出 Y，执行率 Q%: each over its plan)
        yield from _one_after_plan(analysis, check, text, sentence, earlier, rates[: k + 1])


def _one_after_plan(analysis, check: Check, text: str, sentence, earlier: list, rates: list):
    """:func:`_after_plan` for the last of ``rates``, the rates of its sentence up to it."""
    o = check.options
    figs = sentence[2]
    rate = rates[-1]
    outer = earlier
    amounts = [f for f in figs if f.start < rate.start and f.is_point
               and precision.family(f.unit) not in ("ratio", "", "分")]
    # 预算 X，到位 Y，到位率 100%；支出 Z，执行率 P%: the rate's clause states the actual alone, the clauses
    # before it the plan
    if not amounts and len(rates) == 1 and figs[0] is rate:
        # 全年预算数为 X，全年实际支出 Y。预算执行率为 P%: a rate opening a sentence of its own, over the one
        # plan and the one outturn of the sentence before (not when that sentence states their rate already:
        # 支出执行率99.8%。…整体预算完成率 99.84%, another measure's); 从预算执行看，…: a view, no subject
        opening = _VIEWED.sub("", text[sentence[0] : rate.start].strip())
        if not _BARE_RATE.fullmatch(opening) or any(f.unit == "%" for f in earlier) \
                or earlier and _PART_OF_YEAR.search(analysis.text(earlier[0]), 0, earlier[-1].end):
            return  # (农村饮水项目预算执行率, 调整后预算执行率, 到位率, 各项目平均执行率: a subject or
            # measure the sentence before may not be of; 一季度 X…: a part of the year)
        money = [f for f in earlier if f.is_point and precision.family(f.unit) == "money"
                 and not _LAST_YEARS.search(f.label)]  # (上年实际支出 Y: last year's, no outturn of the plan)
        plans = [f for f in money if _planned(o, f.label) and not o.left.within(f.label)]
        done = [f for f in money if not _planned(o, f.label) and not o.left.within(f.label)
                and _SPENT_WORD.search(f.label) and not _CHANGE.search(f.label)]  # (not 完成投资)
        if len(plans) == 1 and len(done) == 1 and len(money) == 2 and plans[0].start < done[0].start:
            yield from _over_any(analysis, check, rate, done[0], plans)
        return
    cut = max(max(text.rfind(c, sentence[0], rate.start) for c in "；;"),
              max((f.end for f in rates[:-1]), default=-1))
    same = False  # the plan said in the clauses before, in its own sentence
    if len(rates) > 1 or len(amounts) > 1:
        own = [f for f in amounts if f.start > cut]
        if cut < sentence[0] or len(own) != 1:
            return
        earlier, amounts, same = [f for f in figs if f.end <= cut], own, True
    if len(amounts) != 1 or _planned(o, amounts[0].label) or not o.actual.within(amounts[0].label) \
            and "支出" not in amounts[0].label or o.left.within(amounts[0].label):
        return
    actual = amounts[0]
    fam = precision.family(actual.unit)
    plans = [f for f in earlier if f.is_point and precision.family(f.unit) == fam and _planned(o, f.label)
             and not o.left.within(f.label) and _same_year(analysis, f, actual)
             and (_same_subject(f, actual) or (
                 not _MEASURE_WORDS.sub("", labels.core(f.label))  # 项目年初预算 X，全年预算 Y: its subject
                 and any(g.start < f.start and _same_subject(g, actual) for g in earlier))  # goes on
                  or same and _SUBJECTLESS.fullmatch(_MEASURE_WORDS.sub("", labels.core(actual.label))))]
    # (上级下达直达资金共计 X，分配进度100%，已完成支出 Y，支出进度 P%: Y names no subject of its own, the
    # sentence's going on)
    if not plans and same and len(rates) > 1 and not _ARRIVED.search(rate.label):
        # 预算 X。⏎ 实际到位 Y，到位率 p%；实际支出 Z，执行率 q%: the plan a sentence or paragraph before, or
        # the funds received the clauses before
        received = [f for f in earlier if f.is_point and precision.family(f.unit) == fam
                    and _ARRIVED.search(f.label)][-1:]
        plans = [f for f in outer if f.is_point and precision.family(f.unit) == fam and _planned(o, f.label)
                 and not o.left.within(f.label) and _same_year(analysis, f, actual)]
        whole = not _MEASURE_WORDS.sub("", labels.core(actual.label)).removeprefix("项目")  # (实际支出 Z; not
        # 其中人员经费支出 Z, a part's, over the whole's funds)
        added = any(_CARRIED_OR_ADDED.search(f.label) for f in outer)  # (预算 X，上年结转 Y: over X + Y?)
        if len(plans) == 1 and received and whole and not added \
                and "其中" not in labels.clause(text, actual.start):
            yield from _over_any(analysis, check, rate, actual, [*plans, *received])
            return
        plans = []
    if not plans:  # 指标 X，其中：A（不含 B）a。…A（不含 B）形成实际支出 Z，支出进度 P%: a, the same words
        said = _SPENT_AS.sub("", labels.clause(text, actual.start)).strip()
        if _DEEDS.fullmatch(said):
            return  # (实际完成 X，完成率 P% after 实际完成 Y a paragraph before: a deed, no subject named)
        last_year = bool(earlier) and labels.LAST_YEARS.search(_opening(analysis, earlier[0])) is not None
        named = [f for f in earlier if f.is_point and precision.family(f.unit) == fam and len(said) >= 4
                 and _PARTS_WORD.sub("", labels.clause(analysis.text(f), f.start)).strip() == said
                 and _same_year(analysis, f, actual) and not last_year][-1:]
        if named:  # over it, or over the whole plan, or what of it was issued (已分配下达): either holds
            wider = [f for f in earlier if f.is_point and precision.family(f.unit) == fam
                     and f is not named[0] and (_planned(o, f.label) or _ARRIVED.search(f.label)
                                                or labels.core(f.label).startswith("已"))]
            yield from _over_any(analysis, check, rate, actual, [*wider, *named])
        return
    if plans and not _ARRIVED.search(rate.label):  # 预算 X，到位 Y。支出 Z，执行率 P%: over either
        plans += [f for f in earlier if f.is_point and precision.family(f.unit) == fam
                  and _ARRIVED.search(f.label) and f.start > plans[0].start][:1]
    yield from _over_any(analysis, check, rate, actual, plans)


def _opening(analysis, first) -> str:
    """The words a sentence opens with, up to its first figure (上年我区收到…: last year's)."""
    text = analysis.text(first)
    start = max(text.rfind(c, 0, first.start) for c in "。；;") + 1
    return text[start : first.start]




_SPENT_AS = lazy(r"(?:形成|累计|已)?(?:实际)?(?:支出|拨付|使用)(?:资金)?\s*$")  # the verb after a subject
_PARTS_WORD = lazy(r"^\s*其中\s*[：:，,]?")
_ARRIVED = lazy(r"(?:到位|下达|拨付)(?!率)|(?:实际|已|累计)下\s*$")  # funds received (实际下达 X: its 达
# reads as 达到), not their rate
# a plan changed to a new amount (调整为, 调增至, 核减为, 追加后为), not by one (调减 X)
_ADJUSTED_TO = lazy(r"(?:调整|调增|调减|核减|核增|追加|追减|压减|变更)后?(?:为|至|到)\s*$")
_ADJUSTED_ASIDE = lazy(r"[（(]\s*(?:调整|调增|调减|核减|核增|变更)(?:后|为|至|到)为?\s*$")  # （调整后 Y
_ADDED = lazy(r"追加|调增|追减|调减")
_OPENING = lazy(r"年初|初始")  # a budget before what was added in the year


_SUBJECTLESS = lazy(r"(?:已|累计|实际)?")
_MEASURE_WORDS = lazy(r"本部门|本单位|部门|单位|年初|年中|最终|调整后|调整|变动后|变动|追加后|追加|经|全年|"
                            r"本年|年度|预算|实际|支出|执行|决算|完成|下达|安排|资金|数|为|至|共|计|总额|合计|"
                            r"累计|的|[，,：:]")  # (年中调整后全年预算, 预算调整至, 最终预算: measures only)


def _paragraph_before(analysis, block: int) -> list:
    """The figures of the last sentence of the paragraph before ``block`` (全年预算数 X。⏎ 全年支出 Y，
    执行进度 P%: the plan stated a paragraph before), or none when that is no paragraph."""
    blocks = analysis.doc.blocks
    if block == 0 or blocks[block - 1].kind != "paragraph" or blocks[block].kind != "paragraph":
        return []
    sentences = analysis.sentences(block - 1)
    return list(sentences[-1][2]) if sentences else []


# an amount that is the gap to a plan, named by the plan (超出预算 40, 低于预算 40, 比计划少 5)
_GAP_TO_PLAN = lazy(r"(?:超出|超过|超支|低于|高于|少于|多于|节约|节余|结余|差)(?:年初|全年|调整后?)?"
                    r"(?:预算|计划|目标)数?(?:资金|金额)?(?:为|了)?\s*$"
                    r"|比(?:年初|全年|调整后?)?(?:预算|计划|目标)数?(?:多|少|增加|减少)了?\s*$")


def _label_year(analysis, figure) -> str | None:
    """The year a figure's own label names (2025年支出预算; not a date, 经2023年12月批准，…, nor a year of
    another clause), else the report's (本年支出, 全年支出)."""
    said = labels.OWN_YEAR.findall(labels.clause(analysis.text(figure), figure.start))
    return said[-1] if said else analysis.year()



def _same_year(analysis, plan, actual) -> bool:
    """Whether a plan's sentence names no year, or the actual's names none (it goes on in that year) or
    the same one last."""
    mine = labels.dated(analysis.text(plan), plan.start)[1]
    theirs = labels.dated(analysis.text(actual), actual.start)[1]
    return not mine or not theirs or mine[-1:] == theirs[-1:]


def _one_subject(plan, actual) -> bool:
    """Whether a plan and an outturn side by side are of one thing: :func:`_same_subject`, or the outturn
    naming measures only, its subject said once before (“三公”经费支出预算为 X，支出决算为 Y)."""
    return _same_subject(plan, actual) or not _MEASURE_WORDS.sub("", labels.core(actual.label))


_RECEIVED = lazy(r"到位|到账|拨付")
_CARRIED_OR_ADDED = lazy(r"结转|结余|追加|调增")


def _same_subject(plan, actual) -> bool:
    """Whether a plan in the sentence before is of what the actual is: both labels name nothing but
    measures (年初预算 and 实际支出), or the same thing (项目预算 and 项目支出; not 设备购置预算 for 实际支出,
    nor 全年预算数 for 项目支出 or “三公”经费支出: a part's rate is of the part's own budget; a 项目全年预算数
    is a project report's whole budget)."""
    mine = _MEASURE_WORDS.sub("", labels.core(plan.label)).removeprefix("该")  # (该项目预算: 项目's)
    theirs = _MEASURE_WORDS.sub("", labels.core(actual.label)).removeprefix("该")
    if not theirs.endswith("支出"):  # 项目实际到位资金 of 项目预算资金: what of the plan arrived
        theirs = _RECEIVED.sub("", theirs)
    return theirs in (mine, mine.removeprefix("项目"))  # 项目全年预算数: the whole's, or its 项目支出's


def _left(o: Options, text: str, figure) -> bool:
    """Whether a figure is what is left of a plan (结余 X; 未完成 1个; 1个未完成; 未支 X)."""
    if o.left.within(figure.label) or o.left.within(_after(text, figure.end)):
        return True
    word = o.unpaid.first(figure.label)
    return word is not None and not _PAYING.search(figure.label[: figure.label.index(word)])


_PAYING = lazy(r"支付|拨付|付|兑付|兑现|结算|偿还|支出|使用|下达|分配")  # a payment naming what was unpaid


def _stated_after(o: Options, text: str, figures, rate, fam: str, named: str) -> list:
    """The amounts after ``rate`` in its sentence that name its base (…，预算数为15.00万元), never what is
    left of it (剩余预算2.64万元) nor a change against it (比预算减少4.29万元, 比预算短收6380万元)."""
    return [f for f in figures if f.start > rate.end and f.is_point and precision.family(f.unit) == fam
            and _names(f, named) and not _left(o, text, f) and not _CHANGE.search(f.label)
            and not _OVER_OR_SHORT.search(f.label)
            and "；" not in text[rate.end : f.start] and ";" not in text[rate.end : f.start]]
    # (…完成预算的114.8%，…；调入预算稳定调节基金 X: another item of the list, past its clause)


def _names(figure, words: str) -> bool:
    """Whether a figure's label and ``words`` name one quantity (支出决算 and 支出决算数), a fund's name
    aside (the 预算 of 一般公共预算收入 is no budget)."""
    own, words = labels.core(_unfunded(figure.label)), _unfunded(words)
    return bool(words) and bool(own) and (own in words or words in own)


def _money(figure) -> bool:
    return precision.family(figure.unit) == "money"


_ADJUSTMENT = lazy(r"调整率\s*(?:为|是|达)?\s*$")
_INITIAL = lazy(r"年初")
_ADJUSTED = lazy(r"(?:全年|调整后)预算")  # (not 调整预算 200: the adjustment's size as often as the budget)


def _adjustment(analysis, check, before, rate):
    """预算调整率: (全年预算 − 年初预算) / 年初预算, the two budgets stated before it in its sentence."""
    money = [f for f in before if f.is_point and precision.family(f.unit) == "money"]
    initial = [f for f in money if _INITIAL.search(f.label) and "预算" in f.label or f.label.endswith("年初")]
    adjusted = [f for f in money if _ADJUSTED.search(f.label) and not _INITIAL.search(f.label)
                and not _ADDED.search(f.label)]
    if len(initial) != 1 or len(adjusted) != 1 or adjusted[0].start < initial[0].start \
            or any(f.start > initial[0].start and f not in adjusted for f in money):
        return  # 年初 X，全年 Y，年中结构调整 Z，调整率 P%: the adjustment may be Z's, not Y − X
    a, b = adjusted[0], initial[0]

    def change():  # a cut stated without its sign (调减 10%) is its size
        found = (precision.interval(a, "round", b.unit) - precision.interval(b)) / precision.interval(b)
        return found.scale(Decimal(-1)) if found is not None and found.hi < 0 <= rate.value else found

    size = a.value < b.value and rate.value >= 0
    expression = f"({a.text} − {b.text}) / {b.text}"
    verdict = judge(check, analysis, rate, (a, b), change, scale=_per(rate),
                    expression=f"|{expression}|" if size else expression)
    if verdict is not None:
        yield verdict


_DISCREPANCY = lazy(r"(?:差异|偏差|偏离)率\s*(?:为|是|达)?\s*$")
_OUTTURN = lazy(r"决算|实际|执行数|完成数")
_GAP_SAID = lazy(r"^(?:差异|差额|相差|节约|结余|节余|超支)(?:额|数|资金)?(?:为|是)?$")


def _discrepancy(analysis, check, before, rate):
    """预决算差异率 (偏差率): the outturn's gap from the budget over the budget, the one budget and the one
    outturn stated before it in its sentence, nothing else of money but the gap itself (差异 Z); judged by
    its size (templates define it either way round: 决算 − 预算, or 预算 − 决算)."""
    money = [f for f in before if f.is_point and precision.family(f.unit) == "money"
             and not _GAP_SAID.search(labels.core(f.label))]  # (差异 Z: the gap itself, beside its rate)
    plans = [f for f in money if "预算" in f.label and not _OUTTURN.search(f.label)]
    outturns = [f for f in money if _OUTTURN.search(f.label)
                and not _GAP_TO_PLAN.search(labels.core(f.label))]
    if len(plans) != 1 or len(outturns) != 1 or len(money) != 2:
        return  # 预算 X，决算 Y，差异 Z，差异率 P%: which two it is of is not said
    a, b = outturns[0], plans[0]

    def gap():
        found = (precision.interval(a, "round", b.unit) - precision.interval(b)) / precision.interval(b)
        if found is None:
            return None
        size = found if found.lo >= 0 else found.scale(Decimal(-1)) if found.hi <= 0 \
            else Interval(Decimal(0), max(-found.lo, found.hi))
        return size.scale(Decimal(-1)) if rate.value < 0 else size

    verdict = judge(check, analysis, rate, (a, b), gap, scale=_per(rate),
                    expression=f"({a.text} − {b.text}) / {b.text}")
    if verdict is not None:
        yield verdict


def _debt_ratio(analysis, check, sentence):
    """资产总额 a，负债总额 b，…，资产负债率 P% in one sentence: P is b / a (the last of each before it)."""
    for i, rate in enumerate(sentence[2]):
        if rate.unit != "%" or not rate.is_point or not labels.core(rate.label).endswith("资产负债率"):
            continue
        before = sentence[2][:i]
        assets = [f for f in before if labels.ASSETS.search(labels.core(f.label))]
        debts = [f for f in before if labels.LIABILITIES.search(labels.core(f.label))]
        if assets and debts and assets[-1].is_point and debts[-1].is_point \
                and assets[-1].unit == debts[-1].unit and assets[-1].start < debts[-1].start:
            verdict = _ratio(analysis, check, rate, debts[-1], assets[-1])
            if verdict:
                yield verdict


_OVER_AVERAGE = lazy(r"出生|死亡|自然增长|生育|人口")  # (a demographic rate, per mille of the average)


def _per(rate) -> Decimal:
    """What a stated rate's number is per: 100 for a percentage, 1000 for a per mille (千分之六, 6‰)."""
    return Decimal(1000) if rate.unit == "‰" else Decimal(100)


def _ratio(analysis, check, rate, actual, base):
    if _GAP_TO_PLAN.search(labels.core(base.label)):
        return None  # 支出决算 240，超出预算 40，为预算的 120%: the gap, not the plan (unsaid here)
    apart = base.block != actual.block or "。" in analysis.text(base)[min(base.end, actual.end) :
                                                                       max(base.start, actual.start)]
    years = _label_year(analysis, base), _label_year(analysis, actual)
    if apart and None not in years and years[0] != years[1]:
        return None  # 2025年支出预算 X。⏎ 2024年全年支出 Y，为当年预算的 P%: another year's budget
    capped = not _money(base) or _TARGETED.search(base.label)
    if rate.value == 100 and _CAPPED.search(rate.label) and capped \
            and precision.interval(actual, "round", base.unit).lo > precision.interval(base).hi:
        return None  # 计划12,000件，实际12,860件，完成率100%: a target exceeded, its rate capped at 100%
    # a target or plan set in round 万 (年度目标为3万卷) is that many, not a rounded 3万
    mode = "exact" if base.decimals < 0 and _SET.search(base.label) \
        and not _BRACKETED_AFTER.match(analysis.text(base), base.end) else "round"  # (3万人（下达29,800人）)
    verdict = judge(check, analysis, rate, (actual, base),
                    lambda: precision.interval(actual, "round", base.unit) / precision.interval(base, mode),
                    scale=_per(rate), expression=f"{actual.text} / {base.text}")
    aside = _aside_after(analysis, rate, actual)
    if verdict is not None and not verdict.holds and aside is not None:
        # 执行 977万元，执行率为100%，其中，77万元为社会募集款: the rate of the budget's money, net of it
        net = judge(check, analysis, rate, (actual, aside, base),
                    lambda: (precision.interval(actual, "round", base.unit) - precision.interval(
                        aside, "round", base.unit)) / precision.interval(base, mode),
                    scale=_per(rate), expression=f"({actual.text} − {aside.text}) / {base.text}")
        if net is not None and net.holds:
            return net
    return verdict


def _pair_after(o: Options, text: str, figs, i: int):
    """``(done, of)`` for a rate followed by a bracket holding two counts alone, the rate's own pair
    (合格率为96.5%（抽检200批次，合格191批次）: 191 of 200; 完成率90%（计划20场，实际18场）: 18 of
    20): the one named by the rate's word (合格 of 合格率) over the other, else the actual over the plan;
    None otherwise."""
    rate = figs[i]
    m = labels.BRACKET_AFTER.match(text, rate.end)
    word = _RATE_WORD.search(rate.label)
    if m is None or word is None:
        return None
    inside = [f for f in figs[i + 1 : i + 4] if m.start(1) <= f.start < m.end(1)]
    if len(inside) != 2 or not all(f.is_point and f.unit in precision.COUNT_UNITS for f in inside) \
            or inside[0].unit != inside[1].unit or len(labels.NUMERALS.findall(m.group(1))) != 2:
        return None
    named = [f for f in inside if labels.core(f.label).strip(" ，,：:").endswith(word.group(1)[-2:])]
    if len(named) == 1:
        return named[0], next(f for f in inside if f is not named[0])
    plans = [f for f in inside if _planned(o, f.label)]
    done = [f for f in inside if f not in plans and o.actual.within(f.label)]
    return (done[0], plans[0]) if len(plans) == 1 and len(done) == 1 else None


_RATE_WORD = lazy(r"([\u4e00-\u9fff]{2,6})率\s*(?:为|是|达|达到)?\s*$")


def _aside_after(analysis, rate, actual):
    """An amount the sentence sets aside right after the rate (…，执行率为100%，其中，77万元为社会募集款):
    a part of ``actual`` from outside the budget, or None."""
    text = analysis.text(rate)
    m = _SET_ASIDE.match(text, rate.end)
    if m is None:
        return None
    aside = next((f for f in analysis.figures[rate.block] if f.start == m.start(1)), None)
    return aside if aside is not None and precision.family(aside.unit) == precision.family(actual.unit) \
        and aside.is_point else None


_SET_ASIDE = lazy(r"\s*[，,]\s*其中\s*[，,：:]?\s*(\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)\s*"
                  r"(?:为|是|系|属于?)[^，,。；;]{0,12}?(?:社会|募集|捐赠|捐款|自筹|上年结转|其他资金|非财政)")


_SET = lazy(r"目标|计划|任务")
_BRACKETED_AFTER = lazy(r"\s*[（(][^（()）]*\d")
_MEMBER = lazy(r"分别(?:为|是)?[^，,。；;：:]*$")  # a member of a 分别 list: 分别为3260.00、2845.50


def _by_stem(analysis, check, text: str, rate, stem: str, amounts):
    """The rate against its part (the amount its stem names) over each whole it may be of (the other
    amounts no smaller): holding over one of them, it holds; failing over all, it fails over the largest.
    A rate qualified 有效 (有效回收率) is of the amount so qualified (有效问卷 556份), when one
    is, rather than of the stem's (回收 572份)."""
    qualifier = labels.core(rate.label).strip()[-len(stem) - 3 : -len(stem) - 1]
    if "有效" in rate.label and any("有效" in f.label for f in amounts):
        qualifier = "有效"  # 有效问卷回收率 over 有效问卷 190份, not 收回 195份
    if qualifier in _QUALIFIERS:
        own = [f for f in amounts if qualifier in f.label]
        if len(own) == 1:
            yield from _over_any(analysis, check, rate, own[0],
                                 sorted((f for f in amounts if f.value >= own[0].value and f is not own[0]
                                         and qualifier not in f.label), key=lambda f: f.value))
            return
    said = (stem, *_SAID_OF_MONEY.get(stem, ()),
            *(_SAID_AS.get(stem, ()) if not any(_money(f) for f in amounts) else ()))
    # 回收率 over 收回625份 (a survey's; a loan's 回收率 is over what fell due, not what was lent)
    parts = [f for f in amounts if any(w in f.label or _done_after(text, f.end, w) for w in said)]
    if len(parts) > 1:  # 应结算1,936笔，已结算1,872笔: the one that did it, not the one planned
        parts = [f for f in parts if not _planned(check.options, f.label)]
    if len(parts) != 1:
        return
    actual = parts[0]
    named = labels.core(re.split(r"[\s，,、；;：:]", rate.label.strip())[-1])  # (the rate's own words)
    subject = _RATE_FILLER.sub("", named[: named.rfind(stem)]) if stem in named else ""
    if len(subject) >= 2 and not any(subject in f.label or subject in labels.noun_after(text, f.end)
                                     for f in amounts):
        return  # 老年人健康管理 a，家庭医生签约 b，高血压患者规范管理率 p: another group's rate, no pair (not
        # 62个问题，已整改54个，问题整改率 p: the count's noun names it)
    bases = sorted((f for f in amounts if f is not actual and f.value >= actual.value), key=lambda f: f.value)
    noun = labels.noun_after(text, actual.end) if actual.unit in precision.COUNT_UNITS else ""
    if 2 <= len(noun) <= 4 and stem not in noun:  # 覆盖全县13个乡镇 over 建成服务站26个: places over
        # stations, no whole of it (not 108家达标: the deed the rate is named by)
        bases = [f for f in bases if noun in f.label + labels.noun_after(text, f.end)]
    if stem in _CHANGE_STEMS:  # (a change over last year's amount, or over the budget it departs from)
        bases = [f for f in bases if _LAST_YEARS.search(f.label) or _planned(check.options, f.label)
                 or any(_earlier(analysis, f, g) for g in amounts if g is not f and g is not actual)]
    if re.search(rf"(?:未|尚未|没有){re.escape(stem)}", actual.label + _after(text, actual.end)) \
            and not re.search(rf"未{re.escape(stem)}", rate.label):
        if bases:  # 直达资金 X，(已支出 Z，)未分配 Y，分配率 P%: (X − Y) / X, X the largest
            yield from _complement(analysis, check, rate, actual, bases[-1])
        return
    if stem in _CUTS and bases and not any(_SUBMITTED.search(f.label) for f in bases):
        # 评审项目163.22亿元，共核减22.98亿元，核减率12.34%: the amount may be what was approved, the rate
        # over what was submitted (the two together); holding either way, it holds
        verdicts = [v for base in bases for v in (_ratio(analysis, check, rate, actual, base),
                                                  _cut_ratio(analysis, check, rate, actual, base)) if v]
        if verdicts:
            yield next((v for v in verdicts if v.holds), verdicts[-1])
        return
    yield from _over_any(analysis, check, rate, actual, bases)


_RATE_FILLER = lazy(r"^[，,、；;\s]*(?:其中|全年|本年度?|年度|综合|总体|平均|整体)?"
                    r"|(?:规范|及时|有效|按时)$")
_CUTS = {"核减", "审减", "压减", "削减", "调减", "节约", "节支"}
_SUBMITTED = lazy(r"送审|报审|申报|原|预算|计划")


def _cut_ratio(analysis, check, rate, cut, approved):
    """A cut's rate over what was submitted: the amount approved and the cut together."""
    return judge(check, analysis, rate, (cut, approved),
                 lambda: precision.interval(cut, "round", approved.unit)
                 / (precision.interval(approved) + precision.interval(cut, "round", approved.unit)),
                 scale=_per(rate), expression=f"{cut.text} / ({approved.text} + {cut.text})")


_SAID_AS = {"回收": ("收回",)}  # a rate's stem written otherwise
_SAID_OF_MONEY = {"节支": ("节约", "节省")}  # …of amounts too (节支率 of 节约资金 X)
# the whole's saving against its budget (比预算节约 X, 较年初预算 Y 节约 X; not 其中会议费比预算节约 x)
_SAVED = lazy(r"[，,\s]*(?:(?:比|较)(?:年初|全年|调整后)?预算数?)?(?:节约|节省)了?\s*")
# levels weighted, as the paragraph says (按满意计1分、基本满意计0.8分加权; 非常满意按100%…计)
_WEIGHTED = lazy(r"加权|权重|计\s*[\d.]+\s*分|按\s*[\d.]+\s*[%分]|折算|×\s*0?\.\d")
_SATISFIED = lazy(r"(?<!不)满意(?:度|率)\s*(?:为|达到?|是)?\s*$")
_LEVEL = lazy(r"(?:非常|比较|基本|较为|很)满意")  # 其中非常满意150份: one level, the rest unsaid
# “非常满意”和“满意”合计238户, 满意及基本满意1,091人, 表示“满意”或“非常满意”的: the levels named, summed
_SUMMED = lazy(r"合计|共计|总计|满意[”\"]?\s*(?:及|和|与|、|以及|或)\s*[“\"]?(?:非常|比较|较为|基本)?满意")
_CONTENT = lazy(r"满意(?!度|率|情况|测评|调查|评价)")  # 满意451人, not 满意度调查
_TIED = lazy(r"问卷|有效")
_UNANSWERED = lazy(r"未作答|未回答|未填|弃权|无效|不清楚|说不清")
# a rate of the satisfied defined in brackets after its name, no other label (满意度（…）为 P%)
_DEFINED_RATE = lazy(r"(?<!不)满意(?:度|率)\s*[（(]([^（）()。；]{2,40})[）)]\s*(?:为|达到?|是)?\s*$")
_LEVEL_ONLY = lazy(r"(?:其中)?[\s：:，,、“”\"]*(?:非常|比较|较为|基本)?满意[”\"]?\s*(?:的|为|有)?")
_VALUED = lazy(r"赋值|赋分|平均|系数")  # (满意、基本满意分别赋值1和0.6; 加权平均: levels weighted)
_SUMMED_LEVELS = lazy(r"满意[”\"]?\s*(?:及|和|与|、|加|以及)\s*[“\"]?(?:非常|比较|较为|基本)?满意")
_BRACKETS = labels.ASIDE
_ASKED = lazy(r"回收|有效|调查|受访|发放|样本|问卷|参与|访问|走访|回访|随访|访谈|抽查|抽样|入户")
_SURVEY_UNITS = ("份", "人", "人次", "户", "名", "位")


def _content(words: str) -> bool:
    """Whether words say some were satisfied (满意451人; not 不满意, 不太满意, nor 满意度调查)."""
    return any(not re.search(r"不.?$|是否$", words[: m.start()]) and not words.startswith("与否", m.end())
               for m in _CONTENT.finditer(words))  # (就群众是否满意进行测评: a question, not an answer)


def _survey(analysis, check, text: str, figs, rate, before=(), defined: str = ""):
    """A survey's 满意度 against its counts in the sentence: the satisfied (满意 451人; 非常满意 a、满意 b,
    the levels added in order: 非常满意 alone, or with 满意, …) over those asked (回收 482份, 有效问卷 480份).
    Holding over one reading it holds; failing over all, it fails over all the satisfied and the last asked,
    when one count of the satisfied is given (not one level of several: 其中非常满意150份) or the rate says
    what it holds (含基本满意; or its brackets say which levels it sums: 满意度（满意与基本满意之和占有效问卷
    比例）为 P): levels may be weighted instead. No reading without both."""
    counts = [f for f in figs if f.start < rate.start and f.is_point and f.unit in _SURVEY_UNITS]
    satisfied = [f for f in counts if _content(f.label + _after(text, f.end, 16))  # (…开展满意度调查)
                 or not f.label and _content(text[max(0, f.start - 8) : f.start])]  # “基本满意”20户
    if "综合" in rate.label and "含" not in rate.label \
            and not (len(satisfied) == 1 and _SUMMED.search(satisfied[0].label)
                     and not _WEIGHTED.search(text)):
        return  # 综合满意度: levels weighted, not counted (unless one count sums them: 满意和基本满意的 a,
        # and no weighting is said: 按满意计1分、基本满意计0.8分加权)
    tied = all(_TIED.search(f.label) for f in satisfied) \
        or text[labels.sentence_start(text, rate.start):].lstrip().startswith("其中") and bool(satisfied) \
        and all(_LEVEL_ONLY.fullmatch(f.label or "满意") for f in satisfied)  # (not 其中农村受访群众满意 a:
    # a subgroup's count, of a base unsaid)
    # 有效问卷中表示满意的; …回收有效问卷 N份。其中满意 a: of the questionnaires the sentence before counted
    asked = [f for f in (*(before if tied else ()), *counts) if f.is_point and f.unit in _SURVEY_UNITS
             and f not in satisfied and _ASKED.search(f.label) and not _CONTENT.search(f.label)]
    if not satisfied or not asked or any(a.start > satisfied[0].start for a in asked if a in counts):
        return
    sums = [satisfied[: k + 1] for k in range(len(satisfied))]
    verdicts = []
    for parts in sums:
        if any(p.unit != parts[0].unit for p in parts):
            continue  # (满意…565份，…满意-3户: counts of two things, not levels of one answer)
        for whole in asked:
            if whole.value < sum(p.value for p in parts):
                continue
            verdicts.append(judge(
                check, analysis, rate, (*parts, whole),
                lambda parts=parts, whole=whole: precision.total(parts, parts[0].unit)
                / precision.interval(whole),
                scale=_per(rate), expression=f"({' + '.join(p.text for p in parts)}) / {whole.text}"
                if len(parts) > 1 else f"{parts[0].text} / {whole.text}"))
    verdicts = [v for v in verdicts if v is not None]
    held = next((v for v in verdicts if v.holds), None)
    label = satisfied[0].label
    one = len(satisfied) == 1 and (not _LEVEL.search(label) or _SUMMED.search(label))  # one count, no level
    if held is not None:
        yield held
    elif verdicts and (one or "含" in rate.label or _SUMMED_LEVELS.search(defined)
                       and not _WEIGHTED.search(defined) and not _VALUED.search(defined)) \
            and not any(_UNANSWERED.search(f.label + _after(text, f.end)) for f in counts):
        yield verdicts[-1]  # levels weighted (非常满意 ×1, 满意 ×0.8 …) fit no sum: unless the rate says;
        # 其余20份未作答: of those who answered, perhaps


def _done_of_part(o: Options, text: str, amounts, plan):
    """``(part, done)`` when a plan's 其中 part is followed by what was done of it (预算指标 X，其中：中央直达
    资金 a，已分配下达 b): the last two amounts, the first named by neither a plan nor a deed, the second
    by 已 and a verb; None otherwise."""
    after = [f for f in amounts if f.start > plan.end]
    if len(after) != 2:
        return None
    part, done = after
    if done.value > part.value:
        return None  # 其中：A 600，已分配下达 700: more than A, of the whole (or of another figure)
    if _planned(o, part.label) or o.actual.within(part.label) or "已" in part.label \
            or not _DONE_OF.match(labels.core(done.label)) or text.find("；", part.end, done.start) >= 0:
        return None
    return part, done


_DONE_OF = lazy(r"已[一-鿿]{1,4}$")


def _over_any(analysis, check, rate, actual, bases):
    """The rate of ``actual`` over each of ``bases``: the verdict of one it holds over, else of the last."""
    verdicts = [v for v in (_ratio(analysis, check, rate, actual, base) for base in bases) if v is not None]
    if verdicts:
        yield next((v for v in verdicts if v.holds), verdicts[-1])


_STEM = lazy(r"([\u4e00-\u9fff]{2})率$")
_NOT_STEMS = {"执行", "完成", "支出", "到位", "支付", "使用", "兑现", "控制", "增长", "下降", "利用", "周转",
              "收益", "回报", "负债", "资产", "调整", "偏差", "差异", "变动", "结余", "结转", "减幅", "增幅"}
_CHANGE_STEMS = {"增减", "增加", "减少", "降低", "变化"}  # 增减额 X，增减率 P%: over the prior named so (上年
# 支出 Y), never over the current amount


def _earlier(analysis, base, actual) -> bool:
    """Whether ``base`` is said of an earlier year than ``actual`` (上年, 2024年 before 2025年 or the report's
    year: the last year its sentence names before it)."""
    if _LAST_YEARS.search(base.label):
        return True
    then, now = _year_of(analysis, base), _year_of(analysis, actual) or analysis.year()
    return then is not None and now is not None and int(then) < int(now)


def _year_of(analysis, figure) -> str | None:
    years = labels.dated(analysis.text(figure), figure.start)[1]
    return years[-1] if years else None


def _stem(label: str) -> str | None:
    """The verb a rate is named by (通过 of 通过率, 达标 of 达标率; 按期完成 of 按期完成率, a verb read
    otherwise qualified by when it was done), or None for rates read otherwise."""
    m = _STEM.search(label.strip())
    if m and m.group(1) in _NOT_STEMS and (timely := _TIMELY.search(label.strip(), 0, m.start())):
        return timely.group() + m.group(1)  # 3个项目按期完成，按期完成率75%
    return m.group(1) if m and m.group(1) not in _NOT_STEMS else None


_VIEWED = lazy(r"^(?:从|就)[^，,。；;]{1,12}?(?:看|来看|而言|方面)[，,]")
# a rate named bare, of the whole the sentence before states: 预算执行率为, 全年预算执行率达到
_BARE_RATE = lazy(r"(?:全年|本年度?|年度)?(?:预算|资金)?(?:执行率|支出率|执行进度|支出进度)"
                  r"(?:为|是|达到|达)?")
_SPENT_WORD = lazy(r"支出|执行|决算")
_PART_OF_YEAR = lazy(rf"{labels.PART_OF_YEAR}|截至|截止")
_LAST_YEARS = lazy(rf"{labels.LAST_YEAR}|同期")
_OVER_OR_SHORT = lazy(r"(?:超收|短收|增收|减收|超支)\s*$")  # a gap to the budget, not the budget
_TIMELY = lazy(r"(?:按期|按时|如期|及时)$")
_NET_OF = lazy(r"(?:剔除|扣除|除去|排除)[^，,。；;]{0,20}后")  # (not 排除率, a rate of what was removed)
_COMPLETED = lazy(r"(?<!按期)(?<!按时)(?<!如期)(?<!及时)完成率$")  # a completion rate, of a target
_DUE_RATES = lazy(r"覆盖率|参训率|参保率|参与率|出勤率|到课率")  # rates of those due: over 应…, never a plan
_DEEDS = lazy(r"(?:实际|已|累计)?(?:完成|执行|实现|支出|开展|举办)+")  # what was done, naming nothing


def _done_after(text: str, end: int, stem: str) -> bool:
    """Whether the words right after a count say it did the rate's stem (190批次合格，…; 108家达标), not the
    rate's own name running on from it (月报表次数 12 次测报准确率 85%: 准确 of 准确率) nor the next count's
    label (200批次 合格190批次)."""
    after = _after(text, end)
    at = after.find(stem)
    rest = text[end + at + len(stem) : end + at + len(stem) + 3]
    return at >= 0 and not rest.startswith("率") and not re.match(r"\s*\d", rest)
    # (抽检200批次 合格190批次: 合格 names the next count, not this one)


def _after(text: str, end: int, reach: int = 6) -> str:
    """The words right after a figure, to the next punctuation (108家达标，… → 达标)."""
    return _PUNCT.split(text[end:end + reach], 1)[0]


_QUALIFIERS = ("有效",)  # 有效回收率: of the valid ones among those returned (not 体质测试达标率's 测试)
_PUNCT = lazy(r"[，,。；;、：:（(）)]")


def _whole_name(said: str) -> str:
    """The base a rate names as written (全年预算 of 完成全年预算的; :func:`labels.core` cuts it to 预算)."""
    return said.strip().removesuffix("的").removesuffix("数") or "\0"


def _unfunded(label: str) -> str:
    """A label's core without the funds it names (一般公共预算 names a fund, not a 预算)."""
    return labels.core(labels.FUNDS.sub("", label))


def _before_rates(text: str, sentence, part) -> list:
    """The counts of ``part``'s unit before the rates that close its clause's start, in its sentence, none
    smaller than it: the wholes of a chain (发放300份，回收292份，回收率…，其中有效285份，有效率…)."""
    since = part.start - labels.REACH
    return [f for f in sentence[2] if since <= f.start < part.start and f.is_point and f.unit == part.unit
            and f.value >= part.value and not labels.parenthesised(text, since, f.start)]


def _clause(text: str, figs, rate) -> int:
    """Where the rate's clause starts: after the last ；or the last other rate before it (unless that rate
    is of a base too, and this one follows it with only its own base: 完成年初预算的107.71%，为调整预算的
    96.56%, both of the amounts before the first)."""
    start = text.rfind("；", 0, rate.start) + 1
    before = [f for f in figs if f.unit == "%" and f.end <= rate.start and f is not rate]
    while before and _CHAINED.fullmatch(text, before[-1].end, text.rfind(rate.label.strip(), 0, rate.start)) \
            and _OF_NAMED_CHAIN.search(text, max(0, before[-1].start - 12), before[-1].start):
        rate = before.pop()  # (the rate before is read the same way, from its own clause)
    return max([start, *(f.end for f in before)])


_CHAINED = lazy(r"\s*[，,]\s*")
_BRACKET_REACH = 400  # characters looked back for a bracket still open (bounded work on a line without stops)
# 比上年同期 Y: what an amount is compared with (not 比较大的, 比例)
_COMPARED_WITH = lazy(r"(?:比|较)(?:上年|去年|上一年|同期|(?:19|20)\d\d\s*年|年初|预算)[^，,。；;\d]{0,10}$")
_OF_NAMED_CHAIN = lazy(r"(?:为|完成|达到|相当于)[^，,。；]{0,10}的\s*$")


def _received(o: Options, text: str, amounts: list) -> list:
    """The funds received (收到…资金共 X) as a rate's base, or what they add up to after (收到 X，加上年结转
    Y，共计 Z: Z); [] when none is said."""
    got = next((k for k, f in enumerate(amounts[:-1]) if o.received.within(f.label)), None)
    if got is None:
        return []
    summed = [f for k, f in enumerate(amounts[got + 1 : -1], got + 1)
              if _SUMMED_TO.search(text, amounts[k - 1].end, f.start)]
    return summed[-1:] or [amounts[got]]


_SUMMED_TO = lazy(r"共计|合计|总计")


def _year_start(amounts: list) -> list:
    """The one amount named 年初 right before it (公用经费年初 X，执行 Y，完成率 P%): the year's plan, when
    no amount beside it names the plan as adjusted (调整后 Y, 全年 Y: that one the base, maybe)."""
    starts = [f for f in amounts if _YEAR_START.search(f.label)]
    if len(starts) != 1 or any(_ADJUSTED_PLAN.search(f.label) for f in amounts):
        return []
    return starts


_YEAR_START = lazy(r"年初\s*(?:数|为|是)?\s*$")  # …经费年初 X (not 年初至10月底累计支出 X, 年初结转)
_ADJUSTED_PLAN = lazy(r"调整|追加|全年(?:预算|计划|安排|数)?\s*$")  # (not 全年执行: the outturn)


_SHORT_OF = lazy(r"(?:较|比|与)[^，,。；;]{0,12}(?:少|多|超出|超过|超|低|高|差|相差|短缺)\s*$")


def _percent_target(o: Options, text: str, figs, rate):
    """``(actual, target)`` when a completion rate follows a target set in percent as a floor and the
    actual in percent, the two right before it in its clause (目标值不少于65%，实际完成67.4%，完成率 P%),
    nothing else between; else None."""
    before = [f for f in figs if f.end <= rate.start]
    if len(before) < 2:
        return None
    target, actual = before[-2:]
    if target.unit != "%" or actual.unit != "%" or not _floor(o, target) or not actual.is_point \
            or not o.actual.within(actual.label) or _planned(o, actual.label):
        return None
    return actual, target


def _of_target(analysis, check, rate, actual, target):
    """A completion rate of a rate over its target, the target as the exact threshold it sets (≥65% is
    65%, as the indicator tables read it); 100% for a target exceeded is the capped convention."""
    if rate.value == 100 and precision.interval(actual).lo > target.value:
        return
    verdict = judge(check, analysis, rate, (actual, target),
                    lambda: precision.interval(actual) / precision.interval(target, "exact"),
                    scale=_per(rate), expression=f"{actual.text} / {target.text}")
    if verdict:
        yield verdict


def _floor(o: Options, figure) -> bool:
    """A target set as a floor (年度目标≥26万人次, 计划不少于20场): the plan a completion rate is of."""
    return figure.qualifier == "ge" and _planned(o, figure.label)


def _planned(o: Options, label: str) -> bool:
    """A plan's label: a plan word, and no actual word but one that follows it (计划完成), nor what is left
    of a plan (预算结余)."""
    if o.left.within(label) or _SHORT_OF.search(label):
        return False  # (较年度目标少 124人次, 较目标1万亩超出 0.2万亩: how far from the plan, not the plan)
    at = min((label.find(w) for w in o.plan if w in label), default=-1)
    if at < 0 or "已" in label[max(0, at - 3) : at]:
        return False  # (已分配下达 X: what was done, not planned)
    strong = [w for w in o.actual if w in label and w not in o.weak]
    weak_first = any(0 <= label.find(w) < at for w in o.weak)
    return not strong and not weak_first
