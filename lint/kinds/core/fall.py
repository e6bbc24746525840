"""fall: a fall of more than 100% (车辆运行费43.8万元，比上年下降122%; 增长-135%): an amount that falls loses
at most all of it, so the rate is wrong whatever the amounts it came from (often the change taken over this
year's amount instead of last year's).

Finds, in each sentence, a percentage above 100 whose label ends with a ``down`` word (下降, 减少, 降低,
减幅为 …), or below −100 after an ``up`` word (增长-135%). Quantities that may turn negative (a balance, a
surplus, a profit, named in the sentence before the rate: option ``signed``), and any whose sentence states
a negative amount before the rate (收入-9,145万元, after refunds), can fall further and are left alone, and
so are rates of rates (百分点). A rate whose amounts are read is left to the growth check, which
says what it should be (GRW001).
"""

from __future__ import annotations

from decimal import Decimal

from ...figures import growth, labels
from ...vocabulary import Words
from ..base import Check, Verdict, report
from ..options import options

KIND = "fall"
FIELDS = ("stated", "computed")


@options
class Options:
    down: Words = Words([*growth.Spec().down, "降幅", "减幅"])
    up: Words = growth.Spec().up
    signed: Words = Words(list(labels.SIGNED))


_WHOLE = Decimal(100)


def run(analysis, check: Check):
    o = check.options
    falls = []
    for block in analysis.stating("%"):
        text = analysis.doc.blocks[block].text
        for start, _end, figs in analysis.sentences(block):
            for rate in figs:
                if rate.unit != "%" or not rate.is_point or abs(rate.value) <= _WHOLE:
                    continue
                said = _said(rate.label)
                if said.endswith("增减"):
                    continue  # 增减幅度为150%: a change either way, said as one word
                fall = rate.value > 0 and any(said.endswith(w) for w in o.down) \
                    or rate.value < 0 and any(said.endswith(w) for w in o.up)
                if fall and "百分点" not in text[rate.end : rate.end + 4] \
                        and not o.signed.within(text[max(start, rate.start - 60) : rate.start]) \
                        and not any(f.value < 0 and f.end <= rate.start for f in figs):
                    # (收入-9,145万元（…退库…），减收 c、下降123.6%: an amount gone below zero falls more)
                    falls.append(rate)
    if not falls:
        return
    # a rate whose amounts are read is the growth check's (GRW001 says what it should be)
    read = {id(g.rate) for g in growth.find(analysis, growth.Spec()) if not g.zero}
    for rate in falls:
        if id(rate) not in read:
            finding = report(check, analysis, rate.span, rate.text, computed="at most 100%")
            yield Verdict(check, rate, (), False, finding, rate.span)


def _said(label: str) -> str:
    """A rate's label without what may stand between its word and the figure (下降了, 降幅为, 减少达)."""
    core = label.strip(" ，,：:")
    for tail in ("为", "达到", "达", "了", "约", "近", "幅度为", "幅度"):
        core = core.removesuffix(tail)
    return core
