"""average: an amount per head (人均, 户均, 平均, 生均) equals the total over the count stated with it.

Finds, in each sentence, a figure whose label opens with a per-head word (option ``per``: 人均, 户均,
生均, 期均, 场均, 次均, 批均, 平均, 每人, 亩均, 车均: per 辆) and, before it in the same sentence:

* for an amount of money (人均培训经费1,456.25元): exactly one money amount (the total) and exactly one
  count (人, 人次, 户, 名, …: a counted unit), or none and the sentence before stating one count of the staff
  and nothing else (年末实有人员82人。人员经费906.45万元，人均人员经费11.05万元; for 生均, of the students),
  not per retiree nor on a base its sentence says and the report does not state (按全年平均在职人数计算);
  a base it names (按年末实有人数计算) is the one count of those staff the report states, the total then the
  sentence before's amount of what the average is of (人员经费 for 人均人员经费);
* for a count (期均培训50人, 平均每场观众120人次): exactly one count in the average's own unit (the total)
  and exactly one in the unit its word divides by (期 for 期均, 场 or 场次 for 场均 and 平均每场, 人 or 名 for
  人均 and 生均);
* per 亩 (亩均产量500公斤, 亩均收入1,200元): exactly one total in the average's unit (for money, one money
  amount) and exactly one area in 亩 (1.2万亩 is 12,000 亩).

What the average is of (培训经费 of 人均培训经费; for money, what it was spent on: 培训 of 人均培训成本 beside
培训经费支出) must be named by the total's label too, when it names anything: 全年培训教师1,280人次，
支出培训经费186.40万元，人均培训经费1,456.25元 reads; 人均住房面积 after a budget does not. Amounts
convert (万元 → 元).

Judged as an interval: total / count, each from its stated precision, must meet the stated average (a
whole-number average is rounded, ±0.5; an approximate one, 人均约226.5元, is held to a place before its last
digit: :func:`crossfoot.figures.precision.rough`).
"""

from __future__ import annotations

from ...figures import labels, precision
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "average"
FIELDS = JUDGED


_NOT_HEADS = ("百分点", "％", "度")
_MONEY_WORD = lazy(r"(?:成本|经费|费用|支出|资金|开支)$")  # money by any name: what it was spent on matters


@options
class Options:
    per: Words = Words(["人均", "户均", "生均", "期均", "场均", "次均", "批均", "平均", "每人", "亩均",
                        "车均"])


_AREA = ("亩均",)  # per 亩: a yield (公斤), an income (元) or a count (株) over the area


def run(analysis, check: Check):
    per = check.options.per
    for block, figures in enumerate(analysis.figures):
        if not figures or not per.within(analysis.doc.blocks[block].text):
            continue
        sentences = analysis.sentences(block)
        for k, (_start, _end, figs) in enumerate(sentences):
            for i, mean in enumerate(figs):
                core = labels.core(mean.label)
                word = next((w for w in per if core.startswith(w)), None)
                if word is None or not (mean.is_point or mean.qualifier == "about") or _PERIOD.search(core):
                    continue  # 人均每月100元 of a year's total: per head and per month
                before = [f for f in reversed(list(labels.back(figs, i, mean.start - labels.REACH)))
                          if f.is_point]  # within reach: a sentence of thousands of figures costs no more
                heads = _heads(core, word)
                if precision.family(mean.unit) == "money":  # (户均增收1820元 is no total of 人均增收)
                    totals = [f for f in before if precision.family(f.unit) == "money"
                              and not any(labels.core(f.label).startswith(w) for w in per)]
                    counts = [f for f in before if (f.unit in heads if word in _AREA else f.unit in
                              precision.COUNT_UNITS and f.unit not in _NOT_HEADS) and f.value > 0]
                elif mean.unit in precision.COUNT_UNITS and mean.unit not in _NOT_HEADS or word in _AREA:
                    totals = [f for f in before if f.unit == mean.unit]
                    counts = [f for f in before if f.unit in heads and f.unit != mean.unit and f.value > 0]
                else:
                    continue
                if len(counts) > 1 and heads:  # 接待9批次、64人次，人均: the heads its word divides by
                    counts = [f for f in counts if f.unit in heads]
                text = analysis.doc.blocks[block].text
                money = precision.family(mean.unit) == "money" and word not in _AREA \
                    and not _RETIRED.search(core)
                based = _BASE_SAID.search(text, _start, mean.start) if money else None
                if not counts and money and based and based.group(1):
                    counts = _named_headcount(analysis, based.group(1))  # 按年末实有人数计算，人均…: that
                    # count, stated once in the report
                elif not counts and k and money and not based:
                    counts = _headcount(sentences[k - 1][2], word)  # 年末实有人员82人。人员经费 X，人均…
                if not totals and k and based and counts:  # 人员经费 X；公用经费 Y。按年末实有人数计算，人均
                    named = _MONEY_WORD.sub("", core[len(word):].strip("为是：:约"))  # 人员经费 Z: X's
                    totals = [f for f in sentences[k - 1][2] if f.is_point and precision.family(f.unit) ==
                              "money" and len(named) >= 2 and named in labels.core(f.label)]
                if len(totals) != 1 or len(counts) != 1:
                    continue
                total, count = totals[0], counts[0]
                what = core[len(word):].strip("为是：:约")
                if what.startswith("每"):
                    what = what[2:]  # 平均每期培训: 培训
                if precision.family(mean.unit) == "money" and len(_MONEY_WORD.sub("", what)) >= 2:
                    what = _MONEY_WORD.sub("", what)  # 人均培训成本 of 培训经费支出: what it was spent on
                if what and what not in labels.core(total.label):
                    continue  # an average of something the total does not name
                if mean.qualifier == "about":  # 人均约226.5元: held to a place before its last digit
                    mean = precision.rough(mean)
                verdict = judge(check, analysis, mean, (total, count),
                                lambda t=total, c=count, u=mean.unit: precision.interval(t, "round", u)
                                / precision.interval(c),
                                expression=f"{total.text} / {count.text}")
                if verdict:
                    yield verdict


_PERIOD = lazy(r"每(?:月|年|日|天|周|季)|月均|日均|年均")


def _headcount(figures, word: str) -> list:
    """The one count of the staff a sentence states before an average's (年末实有人员82人。…人均…), when it
    states nothing else: no amount, no second count; the staff by name (实有, 在职, 职工), not a quota (编制),
    trainees (培训320人次), a group among them (专业技术人员) or people helped (帮扶困难职工)."""
    points = [f for f in figures if f.is_point]
    named = _STUDENTS if word == "生均" else _STAFF
    counts = [f for f in points if f.unit == "人" and f.value > 0 and named.search(labels.core(f.label))
              and not _QUOTA.search(f.label)]
    return counts if len(counts) == 1 and len(points) == 1 else []


_STAFF = lazy(r"(?:实有|在职|在编|在岗|现有|共有)+(?:人员|职工|人数|干部职工|干部)?(?:总数|共|为|有)?$"
              r"|(?:干部)?职工(?:总数|人数)?(?:共|为|有)?$|单位(?:人数|人员)(?:总数|共|为|有)?$"
              r"|人员总数(?:共|为|有)?$")  # (年末单位人数, 年末在编在岗人员, 现有干部, 共有人员)
_STUDENTS = lazy(r"(?:在校|在读)?(?:学生|学生人数|生)(?:总数|共|为|有)?$")  # (生均: per student)
_QUOTA = lazy(r"编制|核定|定员|离退休|退休|帮扶|困难|中[，,]")
_RETIRED = lazy(r"离退休|退休")  # 人均离退休经费: per retiree, not per the staff counted before
# (按全年平均在职人数计算: its own base said)
_BASE_SAID = lazy(r"按(?:(?:年末)?(实有|在职)|[^。；;]{0,20}?)(?:人数|人员)[^。；;]{0,6}?计算")
# (按全年平均在职人数计算: a base not stated; 按年末实有人数计算: the one 年末实有人员 N人 of the report)


def _named_headcount(analysis, kind: str) -> list:
    """The one count in 人 the report's prose states for the staff of ``kind`` (实有, 在职), all its
    statements agreeing; [] when none or several."""
    found = {f.value: f for _b, f in analysis.in_prose() if f.unit == "人" and f.is_point
             and kind in labels.core(f.label) and _STAFF.search(labels.core(f.label))
             and not _QUOTA.search(f.label)}
    return list(found.values()) if len(found) == 1 else []


def _heads(core: str, word: str) -> tuple[str, ...]:
    """The units a count average divides by: 期 for 期均 and 平均每期, 人 (人次, 名) for 人均 and 生均."""
    head = core[3] if word == "平均" and core[2:3] == "每" and len(core) > 3 else word[0]
    if head in "人生每":
        return precision.PEOPLE
    if head == "平":
        return ()
    if head == "亩":
        return ("亩",)
    if head == "车":
        return ("辆",)  # 车均: per vehicle, counted in 辆
    return (head, head + "次")
