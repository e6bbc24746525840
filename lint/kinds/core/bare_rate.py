"""bare_rate: a rate written without its unit (增长 13.95。 where 13.95% was meant).

A figure in prose qualifies when it has no unit, shows decimals, is written in digits (not a fraction such
as 六分之一 or 1/3), and its label (the words before it in its clause) ends with one of the ``words`` that
announce a rate (增长, 下降, 占, 完成率 …). A reader cannot tell 13.95 from 13.95%, and no rate check can
judge it, so it is reported on the figure; so is a bare figure right after a rate's base, nothing between
and its clause closing after it (完成调整预算20000万元105.2，). A figure followed by a sign of division or
multiplication (支出率为2368.45/2410.00×100%) is an operand of the rate written out, not the rate; one
followed by a colon and a number (比重为11.2:37.8:51.0) is a ratio's term; one followed by another value
after a blank (执行率(B/A) 64.8 64.8 100%) is the first of a form's values set out under its header; one
that is the gap of two bare values before it in its sentence (拥堵指数为1.62，比2021年的1.85下降0.23) is the
change of an index, no rate.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ...figures import labels
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "bare_rate"
_OPERATORS = set("/÷×*＊／✕")
FIELDS = ("stated", "computed", "label")


@options
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
        if after[:1] in ":：∶" and after[1:2].isdigit():
            continue  # 三大产业的比重为11.2:37.8:51.0: shares written as a ratio, no % meant
        if _VALUES_GO_ON.match(block.text, fig.end):
            continue  # …全年执行数(B) 执行率(B/A) 64.8 64.8 64.8 100%: a form's header, then its values
            # apart by blanks: which one is the rate their places say, not the words before the first
        if _gap_of_two(analysis, fig):
            continue  # 拥堵指数为1.62，比2021年的1.85下降0.23: the gap of two bare values, no rate
        if words.ends(labels.core(fig.label)):
            yield report(check, analysis, fig.span, fig.text, label=labels.core(fig.label))
        elif not labels.core(fig.label) and (base := _base_before(analysis, block, fig)) is not None:
            # 完成调整预算20000万元105.2，: the rate right after its base, its % left out
            named = labels.core(base.label) + base.text + "的"
            yield report(check, analysis, fig.span, fig.text, label=named)


def _gap_of_two(analysis, fig) -> bool:
    """Whether two bare values before ``fig`` in its sentence differ by it (指数为1.62，比…的1.85下降0.23;
    系数由0.33降至0.31，下降0.02): the change of an index or a coefficient, not a rate missing its %."""
    text = analysis.text(fig)
    opened = labels.sentence_start(text, fig.start)
    k = analysis.index(fig)
    before = [f for f in analysis.figures[fig.block][max(0, k - 2) : k] if f.start >= opened]  # (linear)
    if len(before) < 2 or any(f.unit or not f.is_point or f.value is None for f in before):
        return False
    now, then = before[-2:]  # 指数为 a，比…的 b 下降 d: the two values right before, compared
    if not _COMPARED.search(text, max(opened, now.start - labels.REACH), then.start) \
            or not _MOVED.fullmatch(text, then.end, fig.start):  # (the words about the two: linear)
        return False
    step = Decimal(1).scaleb(-fig.decimals)
    return abs(now.value - then.value).quantize(step, ROUND_HALF_UP) == abs(fig.value)


_COMPARED = lazy(r"比|较|由|从|与|[降升增减高低](?:至|到)")  # (a，比…的 b; 由 a 降至 b)
_MOVED = lazy(r"\s*[，,]?\s*(?:下降|上升|提高|降低|增加|减少|增长|回落|改善)了?\s*")  # (nothing else between)


def _base_before(analysis, block, fig):
    """The amount right before ``fig`` (nothing between) when it is a rate's base (完成调整预算 X)."""
    k = analysis.index(fig)
    if k == 0:
        return None
    before = analysis.figures[fig.block][k - 1]
    if block.text[before.end : fig.start] or not before.unit or before.unit in ("%", "‰") \
            or block.text[fig.end : fig.end + 1] not in ("，", ",", "。", "；", ";"):
        return None  # (预算500.00万元 2.2 绩效目标…: a section's number after a blank, no rate)
    return before if _BASE.search(labels.core(before.label)) else None


# another value right after, a blank between, a value whole (not 2.绩效目标, a list's marker; nor 2024年)
_VALUES_GO_ON = lazy(r"[ \t\u3000]+[-+−]?\d[\d,]*(?:\.\d+)?(?:[%％]|分|万元|亿元|元)?"
                     r"(?=[ \t\u3000，,。；;]|$)")
_BASE = lazy(r"(?:完成|为|达到|相当于)[\u4e00-\u9fff]{0,10}(?:预算|计划|目标|任务)数?$")
