"""restatement: the same quantity stated twice, with values that cannot both be true.

A quantity is keyed by what it measures, read narrowly so that different things are never compared
(:mod:`crossfoot.figures.quantities`):

* its label without years and list markers: at least ``shortest`` characters, and more than a ``bare``
  column word such as 预算数 or 支出决算 that names no subject;
* its scope: the label of the total it is listed under, or else of its paragraph's first figure, or the
  words its paragraph opens with when that figure has no label (公用经费 under 部门总支出 is not 公用经费
  under 财政拨款支出; 预算执行数 under 1、行政运行（01项）is not 预算执行数 under 2、基层司法业务（04项）),
  and the numbered title its paragraph opens with (（一）财政管理方面。审计指出问题18个), unless the label
  names the report's own whole (本部门, 全县); and for a list's numbered item whose label names no measure
  ((1)全区普通小学为 X), the paragraph the list follows (…生均公用经费支出情况是：); and the government's own
  level its paragraph opens with (2022年，市本级…: not the whole city's amounts of the same names), and
  the part of the whole named by the last paragraph at or before it that opens with one (在41个县收支完成
  情况上，… ⏎ 在59个区…上，…: each part's amounts of the same names), and the level of government the
  top heading above it names as the money's source (一、中央财政衔接资金 ⏎ … 二、省级财政衔接资金 ⏎ …); an
  allocation named by its verb (安排直达资金) is its section's, under the heading nearest above it;
* its unit family, and its period: the last year named before it in its sentence (in a sentence opening
  with 当年 or 该年, the year the sentence before opens with: 2023年度，…。当年本年收入合计 X; 在2023年度，
  本部门2023年度…), 上年 for the
  prior year, else the report's year (or the one year its text names: 今年1-6月 restates 2021年1-6月); and
  its stage, in a report whose headings each name one budget stage (1.…年初预算草案。 2.…预算调整方案。
  3.决算情况。).

Two statements in different items of one numbered list, each paragraph opening with its item's title
(3、能繁母猪：全县计划和实际投保 a ⏎ 4、育肥猪保险：全县计划和实际投保 b), are of different things;
so are two of different fields, each said before it in its paragraph (在A方面，发行专项债券 a ⏎ 在B方面，
发行专项债券 b), or one of a field and one of none (the whole's X, then 在A方面，… a: its part) unless the
label names the whole (全县…) or the field itself (收入完成 X ⏎ 在收入方面，收入完成 X;
:func:`crossfoot.figures.quantities.field`).

Labels that state a change (增加, 比上年, 下降) or a list (其中, 分别; 收入、支出总计均为) are not
quantities of their own (``changes``). Two statements in different paragraphs with the same key must agree:
their rounding intervals, widened by their qualifiers (超 2.3 万亿 is at least 2.3 万亿; 约 is within
``about`` percent), must meet, unless one's amount is stated again in the other's paragraph under another
name (a headline's 下拨资金1.82亿元 beside 下拨资金3693.79万元，…全年累计下达…共1.82亿元: the label is
loose); but for the parts of two wholes, each listed in the paragraphs after its whole's (基本支出
X。其中：⏎商品和服务支出 a … 项目支出 Y。其中：⏎商品和服务支出 b). Prose only; table cells are the table
checks' business.
"""

from __future__ import annotations

import bisect
from decimal import Decimal

from ...figures import labels, precision, quantities, units
from ...model import Figure
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "restatement"
FIELDS = ("stated", "computed", "label", "other", "where")


@options
class Options:
    shortest: int = quantities.SHORTEST
    about: Decimal = Decimal("10")
    changes: Words = quantities.CHANGES
    bare: Words = quantities.BARE


def run(analysis, check: Check):
    yield from _keyed(analysis, check)
    yield from _summed_up(analysis, check)


def _summed_up(analysis, check: Check):
    """A sentence summing the report up (综上，全年实际支出 X，预算执行率 P) restates the report's own
    figures: each against the one earlier statement of its exact label (全年实际支出, 预算执行率), when the
    report states that label with one value only before it, for the report's year (a rate or an amount each
    project states again is left alone), of money or a percentage, and the key of
    :func:`crossfoot.figures.quantities.key` does not already compare them."""
    o = check.options
    said: dict[tuple, list[Figure]] = {}
    year = analysis.year()
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row":
            continue
        text = block.text
        for start, _end, figures in analysis.sentences(b):
            summing = labels.SUMMING_UP.match(text, start) is not None
            for fig in figures:
                label = labels.core(fig.label)
                if not fig.is_point or len(label) < 4 or o.changes.within(label) \
                        or label.startswith(_POINTING) \
                        or fig.unit != "%" and precision.family(fig.unit) != "money":
                    continue  # (该指标得 X分: each item's; scores are the score kinds' business)
                if labels.earlier(text[max(start, fig.start - _REACH) : fig.start], year):
                    continue  # (2023年实际支出 X in a 2024 report: last year's)
                earlier = said.setdefault((label, precision.family(fig.unit)), [])
                if not summing:
                    earlier.append(fig)
                elif len({(f.value, f.unit) for f in earlier}) == 1 and earlier[0].block != b \
                        and not _a_project_s(analysis, earlier[0].block, b) \
                        and quantities.key(analysis, fig, o.shortest, o.changes, o.bare) is None:
                    first = earlier[0]
                    unit = first.unit if precision.family(fig.unit) == "money" else None
                    if not quantities.span(fig, o.about, unit).meets(quantities.span(first, o.about, unit)):
                        yield report(check, analysis, fig.span, fig.text, related=(first.span,),
                                     computed=first.text, figures=(fig.text, first.text), label=label,
                                     other=first.text, where=analysis.doc.cite(first.span))


_REACH = 120  # characters before a figure in its sentence that may date it


def _a_project_s(analysis, block: int, summing: int) -> bool:
    """Whether ``block`` stands in a project's section (:meth:`crossfoot.analysis.Analysis.project`) that
    the summing-up sentence at ``summing`` is not in: that project's figure, not the report's own."""
    return summing not in analysis.section(block) and bool(analysis.project(block))


_POINTING = ("该", "此", "其", "本项", "上述")


def _keyed(analysis, check: Check):
    o = check.options
    seen: dict[tuple, Figure] = {}
    dated: dict[tuple, set] = {}  # the days a quantity's statements open with, by its name
    for _block, fig in analysis.in_prose():
        named = quantities.key(analysis, fig, o.shortest, o.changes, o.bare)
        if named is None:
            continue
        key = quantities.same(named)  # (全省研发人员 a ⏎ 研发人员总数 b: one quantity)
        day = quantities.event_date(analysis, fig)
        if day:  # (by name, unit and period: a paragraph's later statements are scoped by its first)
            dated.setdefault(key[1:], set()).add(day)
        first = seen.setdefault(key, fig)
        if first is fig or first.block == fig.block or quantities.apart(analysis, first, fig, named[1]):
            continue  # (each project's own; two wholes, two fields, two totals' items)
        days = [quantities.event_date(analysis, first), day]
        if all(days) and days[0] != days[1] or len(dated.get(key[1:], ())) > 1:
            continue  # 2022年12月23日，…下达 a。2023年8月1日，…下达 b: two batches, each of its day (and an
            # undated one after them their whole, maybe: 全年下达 a + b)
        unit = first.unit if precision.family(fig.unit) == "money" else None
        if quantities.span(fig, o.about, unit).meets(quantities.span(first, o.about, unit)):
            continue
        if not (_said_beside(analysis, first, fig, unit) or _said_beside(analysis, fig, first, unit)):
            # (下拨资金1.82亿元, a title … 下拨资金3693.79万元，…，全年累计下达…共1.82亿元: its amount is
            # stated beside the other, under a name much like it: the label is loose, not the figure)
            yield report(check, analysis, fig.span, fig.text, related=(first.span,),
                         computed=first.text, figures=(fig.text, first.text),
                         label=named[1], other=first.text, where=analysis.doc.cite(first.span))


def _said_beside(analysis, one: Figure, other: Figure, unit) -> bool:
    """Whether ``one``'s amount is stated again in ``other``'s paragraph under a name much like theirs
    (全年累计下达…补助资金共 beside 下拨…补助资金: four characters or more in common, not 财政拨款收入 beside
    部门预算总收入). The paragraph's amounts are looked up by value (an index built once per paragraph)."""
    base = "元" if precision.family(one.unit) == "money" else one.unit
    scale = units.factor(one.unit, base)
    if scale is None:
        return False
    span = precision.interval(one).scale(scale)
    starts, spans = analysis.memo(_amounts_by_value, other.block, base)
    name = labels.core(other.label)
    k = bisect.bisect_left(starts, span.lo - (spans[-1][2] if spans else 0))
    while k < len(spans) and spans[k][0] <= span.hi:
        lo, hi, _width, f = spans[k]
        if f is not other and hi >= span.lo and labels.overlap(labels.core(f.label), name) >= 4:
            return True
        k += 1
    return False


def _amounts_by_value(analysis, block: int, base: str):
    """The block's point figures convertible to ``base``, as ``(lo, hi, widest so far, figure)`` sorted by
    ``lo``, and their ``lo``s (for bisection): the lookup of an amount by value."""
    spans = []
    for f in analysis.figures[block]:
        scale = units.factor(f.unit, base) if f.is_point and f.unit else None
        if scale is not None and precision.family(f.unit) == precision.family(base):
            iv = precision.interval(f).scale(scale)
            spans.append((iv.lo, iv.hi, f))
    spans.sort(key=lambda t: t[0])
    widest, out = Decimal(0), []
    for lo, hi, f in spans:
        widest = max(widest, hi - lo)
        out.append((lo, hi, widest, f))
    return [t[0] for t in out], out
