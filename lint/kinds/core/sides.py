"""sides: each side of a department's account adds up over its section (收入总计 = 收入合计 + 年初结转和结余;
支出总计 = 支出合计 + 结余分配 + 年末结转和结余).

A 部门决算 says its totals in one paragraph and their terms in the paragraphs after it, one a paragraph
(1.总体情况。收入总计 T，支出总计 U。 ⏎ 2.收入情况。收入合计 I，…。此外，年初结转和结余 O。 ⏎
3.支出情况。支出合计 E，…。此外，结余分配 D。 ⏎ 4.结转结余情况。年末结转和结余 C，…). Finds each paragraph
stating a side's total (``income_total``: 收入总计; ``expense_total``: 支出总计; 收、支总计均为 T states
both) and reads the roles of that side's terms, each named by its whole label but for the year, the body
(本部门, 本单位) and a link word (此外, 另外): the year's own amount (``income``: 收入合计, 本年收入合计;
``expense``: 支出合计, …), what the year began with (``opening``: 年初结转和结余; ``added``:
使用非财政拨款结余, which may be unsaid) and what it ends with (``closing``: 年末结转和结余; ``taken``:
结余分配, which may be unsaid), in that paragraph and the few after it, up to the next total of that side.
Each role named once, the total is the sum of its side's terms; a role named twice or with two amounts, a
term missing, a year's own amount equal to the total (a report naming 收入总计 收入合计), or terms already
listed under the total (its 其中: the sum kind's) give no relation: nothing is guessed; nor do terms
falling short of their total when the term that may be unsaid is (使用非财政拨款结余 may be the gap). A
total named for a fund (财政拨款收入总计, 一般公共预算…) is not the department's and is left alone; the
terms are looked for up to it (its own 年初结转和结余 and 年末结转和结余 are the fund's).

Judged as an interval; a warning, the terms being read across paragraphs.
"""

from __future__ import annotations

from ...figures import precision
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "sides"
FIELDS = JUDGED
_REACH = 6  # paragraphs after the total's own that its terms may stand in


@options
class Options:
    income_total: Words = Words(["收入总计"])
    expense_total: Words = Words(["支出总计"])
    income: Words = Words(["收入合计", "本年收入合计", "本年收入"])
    expense: Words = Words(["支出合计", "本年支出合计", "本年支出"])
    opening: Words = Words(["年初结转和结余", "年初结转结余"])
    closing: Words = Words(["年末结转和结余", "年末结转结余"])
    added: Words = Words(["使用非财政拨款结余", "使用非财政拨款结余（含专用结余）",
                          "使用非财政拨款结余(含专用结余)", "使用非财政拨款结余和专用结余"])
    taken: Words = Words(["结余分配"])


# what a term's label may hold beside its name: the year, the body, a link word, a verb
_AROUND = lazy(r"^(?:[，,；;。：:\s]|(?:19|20)\d\d\s*年度?|本年度(?=收|支)|本部门|本单位|本院|本局|本校"
               r"|此外|另外|同时|其中|以及|和)+|(?:为|是|均为|达)$")
_FUND = lazy(r"财政拨款|一般公共预算|政府性基金|国有资本经营")
_FUND_TOTAL = lazy(rf"(?:{_FUND.pattern})[^，,。；;]{{0,8}}(?:收入|支出)总计")
_BOTH = lazy(r"收\s*[、，,]?\s*支(?:决算)?总计(?:均|各)?为?$")  # 收、支总计均为 T: both sides' total


def _name(figure) -> str:
    return _AROUND.sub("", _AROUND.sub("", figure.label.strip()))


def _both(analysis, figure) -> bool:
    """Whether the words right before a figure name both sides' total (收、支总计均为 T)."""
    return bool(_BOTH.search(analysis.text(figure), max(0, figure.start - 12), figure.start))


def run(analysis, check: Check):
    o = check.options
    blocks = analysis.doc.blocks
    sides = ((o.income_total, o.income, o.opening, o.added), (o.expense_total, o.expense, o.closing, o.taken))
    for block in range(len(blocks)):
        money = [f for f in analysis.figures[block] if f.is_point and precision.family(f.unit) == "money"]
        for total_words, own_words, needed_words, maybe_words in sides:
            totals = [f for f in money if _name(f) in total_words or _both(analysis, f)]
            if len(totals) != 1:
                continue
            total = totals[0]
            roles = _roles(analysis, block, total, total_words, (own_words, needed_words, maybe_words))
            if roles is None:
                continue
            own, needed, maybe = roles
            if own.value == total.value or analysis.parent(own) is total or analysis.parent(needed) is total:
                continue  # (收入总计 X，其中：收入合计 I，年初结转和结余 O: a listing, the sum kind's)
            terms = [own, needed, *maybe]
            unit = total.unit
            verdict = judge(check, analysis, total, tuple(terms),
                            lambda terms=terms, unit=unit: precision.total(terms, unit),
                            expression=" + ".join(f.text for f in terms))
            if verdict and not verdict.holds and not maybe \
                    and precision.total(terms, unit).hi < precision.interval(total).lo:
                continue  # (short by what 使用非财政拨款结余, unsaid, may be)
            if verdict:
                yield verdict


def _roles(analysis, block: int, total, total_words, words):
    """The side's terms after its total, in its paragraph and the few after it, up to the next total of the
    side: (own, needed, optional ones), each role named once; None when a role is named twice or a needed
    one is missing."""
    found: list[list] = [[], [], []]
    blocks = analysis.doc.blocks
    for b in range(block, min(len(blocks), block + _REACH + 1)):
        figures = [f for f in analysis.figures[b] if b > block or f.start > total.start]
        if b > block and any(_name(f) in total_words or _both(analysis, f) or _FUND_TOTAL.search(f.label)
                             for f in figures):
            break  # (another 收入总计, or a fund's: 财政拨款收入总计 X，其中：…，年初结转和结余 a: its own)
        for f in figures:
            if _FUND_TOTAL.search(f.label) or (p := analysis.parent(f)) is not None and _FUND.search(p.label):
                break  # (a fund's total and its terms after it in the paragraph)
            name = _name(f)
            for role, names in enumerate(words):
                if name in names:
                    found[role].append(f)
    own, needed, maybe = found
    if len(own) != 1 or len(needed) != 1 or len(maybe) > 1:
        return None
    if not all(f.is_point and precision.family(f.unit) == "money" for f in (*own, *needed, *maybe)):
        return None
    return own[0], needed[0], maybe
