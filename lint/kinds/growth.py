"""growth: a stated growth rate (增幅 15.2%, 同比增长 8%, 减幅 1.84%) agrees with the amounts.

Finds, in each sentence, a percentage whose label holds a rate word (option ``rates``: 增幅, 减幅, 降幅,
增长率, 增长, 下降, ...) after a stated change amount (比上年增加 X万元). The prior value is the amount after
the comparison word when it is stated (比上年同口径的 65,197.13 万元), else it is derived: prior = current −
change for an increase, current + change for a decrease, the current being the amount stated before the
comparison in the same sentence, or, when the sentence states only the change (与上年相比，收入支出总计减少
56.95万元，下降1.87%), the latest amount before it, in its paragraph or the few before, whose label names
the same quantity (收入支出总计; the quoted term in “公务接待费”比上年度增加).

A rate stated straight after the comparison, with no change amount (执行数为3269.3万元，2026年预算安排
3845.49万元，比2025年预算执行数增加17.62%), is judged from the two amounts before it in its sentence:
the prior is the one whose label names what follows the comparison word (预算执行数), the current the
other; with any other number of amounts, or no amount so named, it is not checked.

Judged as an interval: change / prior must meet the stated rate. A rate on a zero or negative prior cannot
be checked and is skipped, except by a check with option ``zero``, which reports exactly those rates stated
on a prior of zero (there is no rate: 新增 says it).
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import _prose
from ._base import Check, judge, report

KIND = "growth"
OPTIONS = {
    "rates": ["增幅", "减幅", "降幅", "增长率", "增速", "增长", "下降", "减少", "提高"],
    "up": ["增加", "增长", "上升", "提高", "超支", "增"],
    "down": ["减少", "下降", "降低", "节约", "减"],
    "compare": ["比", "较", "相比"],
    "zero": False,
}


def run(prose: _prose.Prose, check: Check):
    for block in prose.stating("%"):  # every rate judged here is a percentage
        text = prose.doc.blocks[block].text
        for _start, _end, figs in prose.sentences(block):
            for i, change in enumerate(figs):
                sign = _prose.direction(check, change.label)
                if sign == 0 or not change.is_point or _prose.family(change.unit) in ("ratio", ""):
                    continue
                rate = figs[i + 1] if i + 1 < len(figs) else None
                if rate is None or rate.unit != "%" or not rate.is_point:
                    continue
                if not (rate.label == "" or any(w in rate.label for w in check.words("rates"))):
                    continue
                fam = _prose.family(change.unit)
                same = [f for f in figs[:i] if f.is_point and _prose.family(f.unit) == fam
                        and _prose.direction(check, f.label) == 0]
                compare_at = max(text.rfind(w, 0, change.start) for w in check.words("compare"))
                if not same:
                    current = _named_current(prose, check, change, fam)
                    if current is not None:
                        yield from _judge(prose, check, rate, change, sign, None, current)
                    continue
                if compare_at < 0:
                    continue
                stated_prior = [f for f in same if f.start > compare_at]
                current = [f for f in same if f.end <= compare_at]
                yield from _judge(prose, check, rate, change, sign,
                                  stated_prior[-1] if stated_prior else None,
                                  current[-1] if current else None)
            yield from _direct(prose, check, figs)


def _direct(prose: _prose.Prose, check: Check, figs):
    """A rate stated straight after the comparison, with both amounts before it in the sentence and no
    change amount: 执行数为3269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%. The prior is
    the amount whose label names what follows the comparison word (预算执行数), the current the other."""
    for i, rate in enumerate(figs):
        if rate.unit != "%" or not rate.is_point or i == 0:
            continue
        at = max(rate.label.rfind(w) for w in check.words("compare"))
        sign = _prose.direction(check, rate.label)
        if at < 0 or sign == 0 or _prose.direction(check, figs[i - 1].label) != 0:
            continue  # no comparison in the rate's own words, or a change amount states it (handled above)
        named = rate.label[at + 1:]
        for word in check.words("up") + check.words("down"):
            if named.endswith(word):
                named = named[: -len(word)]
                break
        named = _prose.core(named)
        amounts = [f for f in figs[:i] if f.is_point and _prose.family(f.unit) == "money"
                   and _prose.direction(check, f.label) == 0]
        prior = [f for f in amounts if len(named) >= 2 and _prose.core(f.label).endswith(named)]
        if len(amounts) != 2 or len(prior) != 1:
            continue  # exactly a prior and a current, told apart by the prior's name
        current = next(f for f in amounts if f is not prior[0])
        yield from _rate(prose, check, rate, prior[0], current, sign)


def _rate(prose, check, rate, prior, current, sign):
    handled, found = _zero_base(prose, check, rate, prior.text, (prior, current), prior.value == 0)
    if handled:
        yield from found
        return
    unit = prior.unit

    def compute():
        base, now = _prose.interval(prior, "round", unit), _prose.interval(current, "round", unit)
        if base.lo <= 0:
            return None
        return (now - base if sign > 0 else base - now) / base

    expression = (f"({current.text} − {prior.text}) / {prior.text}" if sign > 0
                  else f"({prior.text} − {current.text}) / {prior.text}")
    finding = judge(check, prose, rate, (prior, current), compute, scale=Decimal(100), expression=expression)
    if finding:
        yield finding


_QUOTED = re.compile(r"[“\"]([^”\"]{2,20})[”\"]")
_PRIOR_WORDS = ("上年", "上一年", "去年", "同期")


def _named_current(prose: _prose.Prose, check: Check, change, fam: str):
    """The current amount a change-only sentence speaks of, named by the words before the change."""
    text = prose.text(change)
    clause = _prose.clause(text, change.start).strip()
    for word in check.words("compare"):
        at = clause.find(word)
        if at >= 0:
            clause = clause[:at]
    for word in check.words("up") + check.words("down"):
        if clause.endswith(word):
            clause = clause[: -len(word)].rstrip()
            break
    quoted = _QUOTED.findall(clause)
    subject = _prose.core(quoted[-1] if quoted else clause).strip("“”\"'")
    if len(subject) < 2:
        return None
    current = _prose.resolve(prose, change, subject, subject, fam, blocks=3)
    if current is None or any(w in current.label for w in _PRIOR_WORDS):
        return None
    return current


def _zero_base(prose, check, rate, prior_text: str, related, zero: bool):
    """``(handled, findings)``: with option ``zero`` every relation is handled here (a finding when its
    prior is zero); without it only a zero prior is (skipped)."""
    if not check.options["zero"]:
        return zero, []
    if not zero or rate.value == 0:
        return True, []
    found = report(check, prose, rate.span, rate.text, related=tuple(f.span for f in related),
                   computed="no rate", figures=(rate.text, *(f.text for f in related)), prior=prior_text)
    prose.checked.append(_prose.Relation(check.code, rate, tuple(related), False))  # judged: it cannot hold
    return True, [found]


def _judge(prose, check, rate, change, sign, prior, current):
    if prior is not None:
        zero = prior.value == 0
    else:  # prior = current − change for an increase: zero when the change is the whole current amount
        zero = (current is not None and sign > 0 and current.unit == change.unit
                and current.value == change.value)
    shown = prior.text if prior is not None else f"0 ({current.text} − {change.text})" if zero else ""
    handled, found = _zero_base(prose, check, rate, shown, (change, prior or current), zero)
    if handled:
        yield from found
        return
    unit = change.unit
    if prior is not None:
        def prior_iv(p=prior):
            return _prose.interval(p, "round", unit)
        related = (change, prior)
        shown = prior.text
    elif current is not None:
        def prior_iv(c=current):
            cur = _prose.interval(c, "round", unit)
            ch = _prose.interval(change)
            return cur - ch if sign > 0 else cur + ch
        related = (change, current)
        shown = f"({current.text} {'−' if sign > 0 else '+'} {change.text})"
    else:
        return

    def compute():
        base = prior_iv()
        if base.lo <= 0:
            return None
        return _prose.interval(change) / base

    finding = judge(check, prose, rate, related, compute, scale=Decimal(100),
                    expression=f"{change.text} / {shown}")
    if finding:
        yield finding
