"""totals_balance: 收入总计 and 支出总计 stated side by side are one amount (收入总计 X，支出总计 X).

A department's 收支总表 balances by construction: its 收入总计 (the year's income and what it carried in) is
its 支出总计 (the year's spending and what it carries on); so do its budget's (收入预算总计, 支出预算总计).
Finds, in each sentence, an amount whose label ends with an ``income`` total (收入总计) and, right after it
with only a comma, 、 or ；between (and the expense's own name; or the income's change against last year,
与2019年相比增加 X，增长 P%；), one whose label ends with the matching ``expense`` total (支出总计), the two
named alike but for 收入 and 支出 (财政拨款收入总计 and 财政拨款支出总计; a bare 支出总计 after a named
收入总计 shares its name). Not judged for a fund or a government (社会保险基金, 一般公共预算, 全县, 本级:
their 支出总计 may leave the balance out), for two years' totals (2023年度收入总计, 2022年度支出总计), nor
when the totals' sentence says what is left (``left``: 结余, 结转, 滚存, 剩余, 相抵, 减, …), nor when the
paragraph or the one after does and the amount it states is the gap (支出总计 leaving the 结转 out), or it
states none; an amount left that is not the gap (年初结转 29.69万元, 年末结转 83.12万元 after totals that
differ by a digit) excuses nothing.

Judged as intervals: the two rounding intervals must meet.
"""

from __future__ import annotations

from ...figures import labels, precision
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "totals_balance"
FIELDS = JUDGED


@options
class Options:
    income: Words = Words(["收入总计", "收入预算总计"])
    expense: Words = Words(["支出总计", "支出预算总计"])
    left: Words = Words(["结余", "结转", "滚存", "剩余", "相抵", "减", "赤字", "差额", "下一年度"])


def run(analysis, check: Check):
    o = check.options
    blocks = analysis.doc.blocks
    for block, paragraph in enumerate(blocks):
        text = paragraph.text
        if paragraph.kind == "row" or not o.expense.within(text) or not o.income.within(text):
            continue
        after = blocks[block + 1].text if block + 1 < len(blocks) else ""
        said = o.left.within(text.replace("减少", "")) or o.left.within(after.replace("减少", ""))
        for start, end, figs in analysis.sentences(block):
            within = o.left.within(text[start:end].replace("减少", ""))  # (…支出总计 S，结余 R: said here)
            for i, income in enumerate(figs):
                # the next amount, or the one after the income's change against last year (与上年相比增加 X，
                # 增长 P%)
                expense = next((f for f in figs[i + 1 : i + 4] if _paired(o, text, income, f)), None)
                if expense is None:
                    continue

                def compute(income=income, unit=expense.unit):
                    return precision.interval(income, "round", unit)

                verdict = judge(check, analysis, expense, (income,), compute, expression=income.text)
                if verdict and verdict.finding is not None and said \
                        and (within or _left_out(o, analysis, block, income, expense)):
                    continue  # 收入总计 T，支出总计 S。⏎收支相抵，结转下年 R (= T − S): the balance left out
                if verdict:
                    yield verdict


def _left_out(o: Options, analysis, block: int, income, expense) -> bool:
    """Whether an amount of what is left (结转, 结余 …) stated in the paragraph or the one after is the gap
    between the totals (S left R out of T), or a left word comes with no amount to tell (收支相抵)."""
    gap = precision.interval(income, "round", expense.unit) - precision.interval(expense)
    for b in range(block, min(block + 2, len(analysis.doc.blocks))):
        if not o.left.within(analysis.doc.blocks[b].text.replace("减少", "")):
            continue
        found = [f for f in analysis.figures[b]
                 if f.is_point and precision.family(f.unit) == "money" and o.left.within(f.label)]
        if not found or any(precision.interval(f, "round", expense.unit).meets(gap) for f in found):
            return True  # (a balance said in words only, 收支相抵，结转下年: what S leaves out, not told)
    return False


def _paired(o: Options, text: str, income, expense) -> bool:
    """Whether ``income`` and ``expense`` are a department's 收入总计 and its 支出总计 side by side."""
    if not (income.is_point and expense.is_point) or precision.family(income.unit) != "money" \
            or precision.family(expense.unit) != "money":
        return False
    own, other = labels.core(income.label).strip(" ，,"), labels.core(expense.label).strip(" ，,")
    word = next((w for w in o.income if own.endswith(w)), None)
    spent = next((w for w in o.expense if other.endswith(w)), None)
    named = text.rfind(spent, income.end, expense.start) if spent else -1
    if word is None or spent is None or named < 0 or not _BETWEEN.fullmatch(text, income.end, named - (
            len(other) - len(spent))) and not _CHANGE_BETWEEN.fullmatch(text, income.end, named - (
            len(other) - len(spent))):
        return False
    if "其中" in text[max(0, income.start - len(income.label) - 4) : income.start] \
            and not _BARE_TOTAL.fullmatch(income.label.strip(" ，,")):
        return False  # 收入总计 T，其中财政拨款收入总计 A，支出总计 T: a fund's, listed under the whole's
    if _PUBLIC.search(income.label + expense.label):
        return False  # 社会保险基金收入总计, 全县…收入总计: a fund's or a government's, its balance apart
    years = [labels.YEAR.findall(f.label) for f in (income, expense)]
    if all(years) and years[0][-1] != years[1][-1]:
        return False  # 2023年度收入总计 X，2022年度支出总计 Y: two years
    name, other_name = own[: -len(word)], other[: -len(spent)]
    return not other_name or other_name == name  # (财政拨款收入总计 X，一般公共预算支出总计 Y: two funds)


_BETWEEN = lazy(r"[\s，,、；;]*")
# after 其中, the whole's own total named bare (收支总预算 X，其中：收入总计 X，支出总计 Y), others a part's
_BARE_TOTAL = lazy(r"(?:其中)?[：:，,\s]*收入(?:预算)?总计")
# the income total's change against last year between the totals (，与2019年相比增加540.23万元，增长50.28%；)
_CHANGE_BETWEEN = lazy(r"[\s，,]*(?:与上年|与20\d\d年|比上年|比20\d\d年|较上年|较20\d\d年|同比)"
                       r"[^。；;收支结转余]{0,40}?[增减][^。；;收支结转余]{0,30}[；;，,]\s*")
# a fund's or a government's totals, whose 支出总计 may leave the year's balance out
_PUBLIC = lazy(r"基金|一般公共预算|国有资本|全[县市区省州旗镇乡]|本级|县级|市级|区级")
