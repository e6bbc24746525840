"""totals_balance: 收入总计 and 支出总计 stated side by side are one amount (收入总计 X，支出总计 X).

A department's 收支总表 balances by construction: its 收入总计 (the year's income and what it carried in)
is its 支出总计 (the year's spending and what it carries on). Finds, in each sentence, an amount whose label
ends with an ``income`` total (收入总计) and, right after it with only a comma, 、 or ；between, one whose
label ends with the matching ``expense`` total (支出总计), the two named alike but for 收入 and 支出
(财政拨款收入总计 and 财政拨款支出总计; a bare 支出总计 after a named 收入总计 shares its name). Not judged
when the sentence, or the one after it, says what is left between them (``left``: 结余, 结转下年, 滚存,
收支相抵, 减): a government's 支出总计 leaves its balance out (收入总计 T，支出总计 S，年终结余 T − S).

Judged as intervals: the two rounding intervals must meet.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...figures import labels, precision
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge

KIND = "totals_balance"
FIELDS = JUDGED


@dataclass(frozen=True)
class Options:
    income: Words = Words(["收入总计"])
    expense: Words = Words(["支出总计"])
    left: Words = Words(["结余", "结转下年", "滚存", "相抵", "减", "赤字", "差额"])


_BETWEEN = lazy(r"[\s，,、；;]*")


def run(analysis, check: Check):
    o = check.options
    for block, paragraph in enumerate(analysis.doc.blocks):
        text = paragraph.text
        if paragraph.kind == "row" or not o.expense.within(text) or not o.income.within(text):
            continue
        sentences = analysis.sentences(block)
        for at, (start, end, figs) in enumerate(sentences):
            for income, expense in zip(figs, figs[1:]):
                pair = _pair(o, text, income, expense)
                if pair is None:
                    continue
                after = sentences[at + 1] if at + 1 < len(sentences) else (end, end, [])
                if o.left.within(text[start:end].replace("减少", "")) \
                        or o.left.within(text[after[0] : after[1]].replace("减少", "")):
                    continue  # 收入总计 T，支出总计 S。收支相抵，结余 R: the balance left out of S

                def compute(income=income, unit=expense.unit):
                    return precision.interval(income, "round", unit)

                verdict = judge(check, analysis, expense, (income,), compute, expression=income.text)
                if verdict:
                    yield verdict


def _pair(o: Options, text: str, income, expense) -> tuple[str, str] | None:
    """The two totals' names when ``income`` and ``expense`` are a 收入总计 and its 支出总计 side by side."""
    if not (income.is_point and expense.is_point) or precision.family(income.unit) != "money" \
            or precision.family(expense.unit) != "money":
        return None
    if not _BETWEEN.fullmatch(text, income.end, expense.start - len(expense.label)):
        return None
    own, other = labels.core(income.label).strip(" ，,"), labels.core(expense.label).strip(" ，,")
    word = o.income.first(own)
    spent = o.expense.first(other)
    if word is None or spent is None or not own.endswith(word) or not other.endswith(spent):
        return None
    name, named = own[: -len(word)], other[: -len(spent)]
    if named and named != name:
        return None  # 财政拨款收入总计 X，一般公共预算支出总计 Y: two funds' totals
    return own, other
