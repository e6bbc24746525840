"""bare_rate: a rate written without its unit (增长 13.95。 where 13.95% was meant).

A figure in prose qualifies when it has no unit, shows decimals, is written in digits (not a fraction such
as 六分之一 or 1/3), and its label (the words before it in its clause) ends with one of the ``words`` that
announce a rate (增长, 下降, 占, 完成率 …). A reader cannot tell 13.95 from 13.95%, and no rate check can
judge it, so it is reported on the figure. A figure followed by a sign of division or multiplication
(支出率为2368.45/2410.00×100%) is an operand of the rate written out, not the rate; one followed by a colon
and a number (比重为11.2:37.8:51.0) is a ratio's term.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...figures import labels
from ...vocabulary import Words
from ..base import Check, report

KIND = "bare_rate"
_OPERATORS = set("/÷×*＊／✕")
FIELDS = ("stated", "computed", "label")


@dataclass(frozen=True)
class Options:
    words: Words = Words(["增长", "下降", "增幅", "减幅", "降幅", "增长率", "占", "比重", "占比", "完成率",
                          "执行率", "到位率", "支出率", "完成预算的"])


def run(analysis, check: Check):
    words = check.options.words
    for block, fig in analysis.in_prose():
        if fig.unit or not fig.is_point or fig.decimals <= 0 or not fig.text.replace(".", "").isdigit():
            continue
        after = block.text[fig.end : fig.end + 8].lstrip()
        if after[:1] == "倍":
            continue  # 增长0.25倍: a multiple, not a rate missing its %
        if after[:1] in _OPERATORS or after.startswith(("\\times", "\\div")):
            continue  # 2368.45/2410.00×100%: an operand of the rate written out, not the rate
        if after[:1] in ":：" and after[1:2].isdigit():
            continue  # 三大产业的比重为11.2:37.8:51.0: shares written as a ratio, no % meant
        if words.ends(labels.core(fig.label)):
            yield report(check, analysis, fig.span, fig.text, label=labels.core(fig.label))
