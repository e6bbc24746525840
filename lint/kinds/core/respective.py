"""respective: lists stated 分别 side by side, item by item (A、B、C的预算分别为 a1、a2、a3，实际支出分别为
b1、b2、b3，执行率分别为 r1、r2、r3; 其中 A a、B b、C c，占比分别为 s1、s2、s3; A、B分别为 a、b，分别比上年
增加 c、d，分别增长 p、q).

Finds, in each sentence, the runs of figures a ``分别`` word opens (分别为, 分别是, 分别占, 分别达到), their
figures joined by 、 or 和 only. A run of percentages whose word names a rate (``rates``: 执行率, 完成率,
到位率) stands beside two runs of amounts of as many figures before it in the sentence, the first named by a
``planned`` word (预算, 计划, 目标, 下达), the second by a ``done`` word (支出, 执行, 完成, 实际, 到位):
each rate is its item's done over its planned. A run of percentages whose word names a share (``shares``:
占比, 比重) stands after as many parts of one total listed before it (the sentence's first amount, then its
parts, 其中 A a、B b, each its own; or the parts alone, their total the one amount of the sentence before
that they add up to, or the one named after 分别占 (分别占一般公共预算支出的; 占全市政府采购规模比例为 after
the parts' 分别为) in the sentence or the one before, else in the paragraph or the three before when it is
stated once there): each share is its part over that total. A run of growth rates (分别增长, 同比分别下降,
增幅分别为: its clause nothing else) stands beside the one run of as many amounts listed 分别为 before it (of
no earlier year than the sentence's latest) and one run of their changes (分别比上年增加) or priors
(上年分别为, not 上年结转) in the sentence: each rate is its item's change over its prior (the current less
an increase, plus a decrease). A rate between two years (2025年比2024年增长 p), said right after the
amounts listed 分别为 after those years (2024年、2025年…分别为 a、b), is the later year's over the earlier's.
Any other shape is left alone (two runs the rates could be of, changes of two directions, a base other than
last year's, a clause or a figure between the amounts and the rate).

Judged as intervals, as the rate and share kinds judge one figure.
"""

from __future__ import annotations

from decimal import Decimal

from ...figures import labels, precision
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "respective"
FIELDS = JUDGED


@options
class Options:
    rates: Words = Words(["执行率", "完成率", "到位率", "支出率"])
    shares: Words = Words(["占比", "比重", "所占比例"])
    planned: Words = Words(["预算", "计划", "目标", "下达", "批复"])
    done: Words = Words(["支出", "执行", "完成", "实际", "到位"])


_OTHER_WHOLE = lazy(r"占(?!比)[\u4e00-\u9fff]{2,}")  # 占全市比重, 占全市同类支出的比重: a whole named
# 分别占一般公共预算支出的: the whole by name
_OF_WHOLE = lazy(r"(?:分别占|占(?!比)(?=[\u4e00-\u9fff]*(?:(?:比重|比例)(?:分别)?(?:为|是)?|的)?$))"
                 r"(?:全[年部])?([\u4e00-\u9fff]{2,20}?)(?:总额|总量)?的?(?:比重|比例)?(?:分别)?(?:为|是)?$")
# (…分别为 a、b和c，占全市政府采购规模比例为 p、q和r, 占…的 p、q和r: the same, 分别 said once)
_PLAN_WHOLE = lazy(r"预算|计划")
_RESPECTIVE = lazy(r"分别(?:为|是|占|达到|达)?$")
# 分别比上年增加, 比上年分别下降, 同比分别增长, 增幅分别为: a run of changes or growth rates, its direction
_CHANGED = lazy(r"(?:分别(?:比|较|与)?(?:上年度?|上一年度?|去年|上年同期)?(?:相比)?[，,]?|同比分别"
                r"|(?:比|较)(?:上年度?|上一年度?|去年)(?:同期)?分别)(增加|增长|减少|下降|降低|上升|提高)了?$"
                r"|(增幅|增速|增长率|降幅|下降率)分别(?:为|是|达)?$")
_PRIOR = lazy(r"(?:上年|上一年|上年度|去年|上年同期)(?:(?!结转|结余|预算|计划|目标)[\u4e00-\u9fff]){0,6}"
              r"分别(?:为|是)?")  # 上年分别为, 上年支出分别为 (not 上年结转分别为: this year's money)
_OTHER_LIST = lazy(r"[、和及与]")
_LAST = lazy(r"上年|上一年|去年|结转|结余")
# 2025年比2024年增长13.51%， before 2024年比2023年增长 p: another pair's rate between the run and this one
_OTHER_YEARS = lazy(r"[，,]\s*20\d\d\s*年度?(?:比|较)20\d\d\s*年度?[^，,。；;%]{0,8}?\d+(?:\.\d+)?%")
# 2025年比2024年增长 p (its years listed before the amounts: 2024年、2025年…分别为 a、b)
_YEARS_COMPARED = lazy(r"(20\d\d)\s*年度?(?:比|较)(20\d\d)\s*年度?(?:相比)?[，,]?"
                       r"(增加|增长|减少|下降|降低|上升|提高)了?(?:幅度)?(?:为|达)?$")
_YEARS_LISTED = lazy(r"20\d\d\s*年度?(?:\s*(?:、|和|及|与)\s*20\d\d\s*年度?)+")
_UP = ("增加", "增长", "上升", "提高", "增幅", "增速", "增长率")
_JOINED = lazy(r"^\s*(?:、|和|及)\s*$")


def _runs(text: str, figs) -> list[list]:
    """The runs of figures a 分别 word opens, each its figures in order."""
    runs, k = [], 0
    while k < len(figs):
        label = figs[k].label.strip()
        if _RESPECTIVE.search(label) or _OF_WHOLE.search(label) or _CHANGED.search(label):
            run = [figs[k]]
            while k + 1 < len(figs) and _JOINED.match(text[figs[k].end : figs[k + 1].start]):
                k += 1
                run.append(figs[k])
            if len(run) >= 2:
                runs.append(run)
        k += 1
    return runs


def run(analysis, check: Check):
    o = check.options
    for block in range(len(analysis.doc.blocks)):
        text = analysis.doc.blocks[block].text
        if "分别" not in text:
            continue
        earlier: list = []  # the figures of the sentence before
        for _start, _end, figs in analysis.sentences(block):
            earlier, before = figs, earlier
            runs = _runs(text, figs)
            for k, rates in enumerate(runs):
                if any(f.unit != "%" or not f.is_point for f in rates):
                    continue
                word = rates[0].label
                if changed := _CHANGED.fullmatch(word.strip()):  # (分别增长, nothing else: not 占比分别提高)
                    yield from _growths(analysis, check, text, rates, changed, runs[:k], runs[k + 1 :])
                elif o.rates.within(word):
                    yield from _rates(analysis, check, rates,
                                      [r for r in runs[:k] if not _CHANGED.search(r[0].label.strip())])
                elif o.shares.within(word) or _OF_WHOLE.search(word):
                    yield from _shares(analysis, check, rates, figs, before)
            yield from _years(analysis, check, text, figs, runs)


def _rates(analysis, check: Check, rates: list, before: list[list]):
    o = check.options
    amounts = [r for r in before if len(r) == len(rates)
               and all(f.is_point and precision.family(f.unit) == "money" for f in r)]
    planned = [r for r in amounts if o.planned.within(r[0].label)]
    done = [r for r in amounts if o.done.within(r[0].label) and not o.planned.within(r[0].label)]
    if len(planned) != 1 or len(done) != 1:
        return
    for rate, plan, outturn in zip(rates, planned[0], done[0]):
        verdict = judge(check, analysis, rate, (outturn, plan),
                        lambda p=plan, d=outturn: precision.interval(d, unit=p.unit) / precision.interval(p),
                        scale=Decimal(100), expression=f"{outturn.text} / {plan.text}")
        if verdict:
            yield verdict


def _money(run: list) -> bool:
    return all(f.is_point and precision.family(f.unit) == "money" for f in run)


def _sign(said) -> int:
    return 1 if (said.group(1) or said.group(2)) in _UP else -1


def _growths(analysis, check: Check, text: str, rates: list, said, before: list[list], after: list[list]):
    """Growth rates stated 分别 (分别增长 p、q, their clause nothing else): each over its item's
    amount, listed 分别为 before them (of no year before another the sentence names: 2024年…分别为 a、b，
    2025年分别增加 is last year's), and its change (分别比上年增加 c、d, nothing else) or its prior
    (上年分别为 y、z, not 上年结转) listed in the sentence; one of each, as many as the rates, else nothing
    is read."""
    n, sign = len(rates), _sign(said)
    opened = labels.sentence_start(text, rates[0].start)
    newest = max(map(int, labels.YEAR.findall(text, opened, rates[0].start)), default=0)
    listed = [r for r in before if len(r) == n and _money(r)]
    current = [r for r in listed if _RESPECTIVE.search(r[0].label.strip()) and not _PRIOR.search(r[0].label)
               and not _LAST.search(r[0].label)
               and max(map(int, labels.YEAR.findall(r[0].label)), default=newest) >= newest]
    around = [r for r in (*before, *after) if len(r) == n and _money(r)]
    changes = [r for r in around if (c := _CHANGED.fullmatch(r[0].label.strip())) and c.group(1)]
    priors = [r for r in around if _PRIOR.fullmatch(r[0].label.strip()) and r not in changes]
    if len(current) != 1 or len(changes) + len(priors) != 1 \
            or changes and _sign(_CHANGED.fullmatch(changes[0][0].label.strip())) != sign:
        return
    for k, rate in enumerate(rates):
        now = current[0][k]
        if changes:
            change = changes[0][k]
            yield from _growth(analysis, check, rate, now, sign, change=change)
        else:
            yield from _growth(analysis, check, rate, now, sign, prior=priors[0][k])


def _years(analysis, check: Check, text: str, figs: list, runs: list[list]):
    """A growth rate between two of the years a list names before its amounts (2024年、2025年…分别为 a、b，
    2025年比2024年增长 p): the later year's amount over the earlier's."""
    for rate in figs:
        if rate.unit != "%" or not rate.is_point \
                or not (said := _YEARS_COMPARED.fullmatch(labels.clause(text, rate.start).strip())):
            continue  # (其中人员经费2025年比2024年增长: a part's rate, its amounts unsaid)
        found, each = [], []
        for run in runs:
            if run[-1].end > rate.start or not _money(run) or not _RESPECTIVE.search(run[0].label.strip()):
                continue
            each.append(run)
            lead = text[labels.sentence_start(text, run[0].start) : run[0].start]
            listed = list(_YEARS_LISTED.finditer(lead))
            years = labels.YEAR.findall(listed[-1].group()) if listed else []
            if len(years) != len(run) or len(set(years)) != len(years) \
                    or said.group(1) not in years or said.group(2) not in years \
                    or _OTHER_LIST.search(lead, listed[-1].end()) \
                    or not _YEARS_COMPARED.fullmatch(_OTHER_YEARS.sub("", text[run[-1].end : rate.start])
                                                     .strip(" ，,")):
                continue  # (2024年、2025年省级和市级资金分别为: the run's items are the sources listed; the
                # rate not right after the run, 其中公务接待费 a，…, 保障人数分别为 m、n，…, 按可比口径，…:
                # another's)
            found.append((run, years))
        if len(found) != 1 or len([r for r in each if len(r) == len(found[0][0])]) != 1:
            continue  # (2024年、2025年预算分别为…，实际支出分别为…: which the rate is of, not said)
        run, years = found[0]
        now, prior = run[years.index(said.group(1))], run[years.index(said.group(2))]
        sign = 1 if said.group(3) in _UP else -1
        yield from _growth(analysis, check, rate, now, sign, prior=prior)


def _growth(analysis, check: Check, rate, now, sign: int, *, change=None, prior=None):
    unit = now.unit

    def compute():
        current = precision.interval(now, unit=unit)
        if change is not None:
            moved = precision.interval(change, unit=unit)
            base = current - moved if sign > 0 else current + moved
            grown = moved
        else:
            base = precision.interval(prior, unit=unit)
            grown = current - base if sign > 0 else base - current
        return grown / base if base.lo > 0 else None

    if change is not None:
        base = f"{now.text} − {change.text}" if sign > 0 else f"{now.text} + {change.text}"
        expression = f"{change.text} / ({base})"
    else:
        expression = (f"({now.text} − {prior.text}) / {prior.text}" if sign > 0
                      else f"({prior.text} − {now.text}) / {prior.text}")
    verdict = judge(check, analysis, rate, (change or prior, now), compute, scale=Decimal(100),
                    expression=expression)
    if verdict:
        yield verdict


def _named_before(analysis, first, name: str) -> list:
    """The amount named ``name`` nearest before ``first`` in its paragraph or the three before, when
    every amount so named there is the same (a whole stated once, or restated alike); else none."""
    found = [f for b in range(max(0, first.block - 3), first.block + 1) for f in analysis.figures[b]
             if (b < first.block or f.end <= first.start) and f.is_point
             and precision.family(f.unit) == "money"
             and labels.core(f.label).rstrip("为是达共计").endswith(name)]
    return found[-1:] if found and len({f.value for f in found}) == 1 else []


def _shares(analysis, check: Check, shares: list, figs: list, before: list):
    first = next((i for i, f in enumerate(figs) if f is shares[0]), None)
    money = [f for f in figs[:first] if f.is_point and precision.family(f.unit) == "money"]
    named = _OF_WHOLE.search(shares[0].label)
    if len(money) == len(shares) and len(money) >= 2 and named:  # 分别占一般公共预算支出的 p、q: the one
        # amount so named, in its sentence or the one before
        whole = [f for f in (*before, *figs[:first]) if f.is_point and precision.family(f.unit) == "money"
                 and f not in money and labels.core(f.label).rstrip("为是达共计").endswith(named.group(1))]
        if not whole:  # (全国政府采购规模为 T。 ⏎ …分别为 a、b和c，占全国政府采购规模比例为: said before)
            whole = _named_before(analysis, money[0], named.group(1))
        money = whole[-1:] + money if len(whole) == 1 else []
    elif len(money) == len(shares) and len(money) >= 2 and not _OTHER_WHOLE.search(shares[0].label):
        # 实际支出 T。…A、B和C分别为 a、b和c，占比分别为 (not 占全市比重分别为: another whole's):
        # the parts' total stated the sentence before, the one amount there they add up to
        whole = [f for f in before if f.is_point and precision.family(f.unit) == "money"
                 and precision.total(money, f.unit).meets(precision.interval(f))]
        money = whole[-1:] + money if len(whole) == 1 else []
    if len(money) != len(shares) + 1:
        return  # the total, then one part a share: nothing else of money before them
    if named and labels.core(named.group(1)) not in labels.core(money[0].label):
        return  # 教育支出 T；普通教育（款）中，A、B分别为 a、b，分别占普通教育的 p、q: of a whole not stated
    if named and _PLAN_WHOLE.search(labels.FUNDS.sub("", named.group(1))) \
            and (labels.OUTTURN.search(money[1].label)
                 or not precision.total(money[1:], money[0].unit).meets(precision.interval(money[0]))):
        return  # 决算分别为 a和b，占年初预算的 p和q: each over a budget of its own (an outturn's, or parts
        # that do not make the budget named), not one whole's shares
    total, parts = money[0], money[1:]
    if precision.total(parts, total.unit).lo > precision.interval(total).hi:
        return  # (the parts are no parts of it)
    for share, part in zip(shares, parts):
        verdict = judge(check, analysis, share, (part, total),
                        lambda p=part, t=total: precision.interval(p, unit=t.unit) / precision.interval(t),
                        scale=Decimal(100), expression=f"{part.text} / {total.text}")
        if verdict:
            yield verdict
