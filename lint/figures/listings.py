"""Listings: a total and the parts stated after it (合计 X，其中：A a，B b; 包括…).

Finds, in each sentence of a block, a parts word (``parts``: 其中, 包括, 主要用于, ...). The total is the
nearest point figure before it in the same sentence whose label holds a total word (``totals``: 合计, 共,
总额, ...), else the first figure of that sentence, or the one right before a parenthesis the list opens (合计
X（其中：…）); when the parts word opens its sentence (or, a 如下 word, has no figure before it there: 支出
主要构成如下：), the previous sentence (of the paragraph before, when it opens the paragraph) is searched the
same way (there, the one figure whose label names the measure every part
names, 决算 or 预算, or else the one the parts add up to, or else of a plan and an outturn the outturn: none,
no listing). Figures in parentheses and figures that state a change (增加/减少/为…的, ``not_parts``) are
neither total nor parts, nor is an exception (除一个指标外). The parts are the point figures of the total's
unit family after the parts word, up to the end of the sentence or a nested parts word (``stops``), or up to a
semicolon when two parts or more come before it (其中：A 1，B 2；C 3 lists A and B) or a list of names does
(人员经费 X，主要包括：基本工资、津贴补贴；公用经费 Y lists no amounts). Two totals before a list (预算
X，支出 Y，其中 A 预算 a1 支出 a2 …) split it by label. A parts word ending its paragraph (主要包括：; or
naming what follows, 主要用于以下方面：) lists the numbered items that follow (1.人员经费 a；2.公用经费 b; an
item's change after its amount, 比上年减少 c, is no second amount), of the sentence before's amount when its
own sentence states none and names only a view (X，比上年增加 c。按支出功能分类，主要用于以下方面：; not
2025年预算安排主要包括以下几个方面：, another subject's items), or the clauses apart by ； of the one
paragraph that follows, each opened by its part (人员经费 a，主要包括…；公用经费 b，…: as many as make the
total), and 合计 X，分别为
A a、B b every part. Among scores (得分), a group's maximum (分值, 满分, 权重; or a figure followed by its
得分: 履职效能50分，得分46.5分) is no part.

Also read: parts in parentheses right after their total when a breakdown by definition (:func:`_bracketed`),
and one part an amount holds (X（含 A a）: a no more than X); items each stating a part of two totals
across semicolons; a part's own nested list closed by a semicolon, its siblings after it
(:func:`_after_nested`); a budget adjusted up (年初预算 a，追加 b，全年预算 c, :func:`_added`); a total
reached by 加上 (:func:`_plus`) and 收支相抵 carried over (:func:`_balanced`); 收入合计 and 支出合计 stated
after the sentences listing their parts (:func:`_totals_after`); kinds counted, then the count of what was
done with them all (获一等奖 a、二等奖 b，共获奖 t), and a total after its parts holding more in brackets
(合计 t（含C c）: the parts no more than it); a heading's amount in brackets over its items one level down
(:func:`_headed_items`); a sentence opening with 含 after the sentence stating its amount (:func:`_held`); a
sentence opening with what it breaks down (基本支出中，人员经费 a，公用经费 b), of the figure of the
sentence before whose label ends with that name.
A comparison's base (比2024年预算 Y, 上年为 Y) is no total nor part; parts naming a plan and an outturn each
give the total of its measure only; a listing of 收入 stops at 支出 or 结余.

The words come as an object with the attributes of :class:`Spec` (each a
:class:`crossfoot.vocabulary.Words`): the sum kind's options, or the packs' ``listing-*`` vocabularies,
with which the document's analysis reads which total each figure is listed under.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from decimal import Decimal

from ..model import Figure
from ..regex import lazy
from ..vocabulary import Words
from . import labels, numbers, precision
from .precision import family


@dataclass(frozen=True)
class Spec:
    """The words listings are read with."""

    parts: Words
    complete: Words
    totals: Words
    stops: Words
    not_parts: Words


def spec(vocabularies: dict) -> Spec | None:
    """The listing words the packs name (``listing-parts``, ``listing-complete``, ``listing-totals``,
    ``listing-stops``, ``listing-not-parts``), or None when they do not name them all."""
    names = {f.name: "listing-" + f.name.replace("_", "-") for f in fields(Spec)}
    if not all(n in vocabularies for n in names.values()):
        return None
    return Spec(**{field: vocabularies[name] for field, name in names.items()})


@dataclass(frozen=True)
class Listing:
    total: Figure
    parts: tuple[Figure, ...]
    complete: bool
    """Declared complete by its word (``complete``, none in the core pack: 分别为 lists parallel values
    as often as parts): parts that fall short are an error then."""
    owns: bool = True
    """Whether the parts are items under the total (scoped by it), not quantities of their own that add up
    to it (一般公共预算收入 X，加上 …，收入总计 T: X is the report's 一般公共预算收入 still)."""
    unsaid: bool = False
    """A part is named without its figure (产出类指标得满分): parts beyond the total are wrong, parts
    short of it say nothing."""
    main: bool = False
    """The main parts only (主要包括：…, 主要支出项目包括：…): parts short of the total are a typo only when
    one digit of the total explains the gap, never one of a part's."""


_MAIN = ("主要是", "主要为")  # parts words naming the main parts, maybe not all

# after 1. : no digit, or a classification code run on before the item's name (1.2013201行政运行)
_CODE_NEXT = r"(?:(?!\d)|(?=(?:\d{3}|\d{5}|\d{7})[\u4e00-\u9fff]))"


def find(analysis, block: int, words) -> list[Listing]:
    """The listings of a block, in the order their parts words occur (read once per block and words: the
    sum check and the analysis's parents ask for the same)."""
    spec = Spec(*(getattr(words, f.name) for f in fields(Spec)))
    return list(analysis.memo(_find, block, spec))


def _find(analysis, block: int, words: Spec) -> list[Listing]:
    text = analysis.doc.blocks[block].text
    out: list[Listing] = []
    if (words.totals.within(text) or "决算结果" in text or "得分" in text) \
            and any(w in text for w in _TRAILING_SIGNS):
        out += _trailing(text, analysis.sentences(block))
    sentences = analysis.sentences(block)
    if "分别" in text:
        out += _respective(words, text, sentences)
    if "（" in text or "(" in text:
        out += _bracketed(words, text, sentences)
    if "，" in text or "," in text:
        out += _kinds_after(text, sentences)
    if "年初" in text and ("追加" in text or "调增" in text):
        out += _added(text, sentences)
    if "中，" in text or "中," in text:
        out += _among(words, text, sentences)
        out += _named_among(text, sentences)
    if "”" in text or '"' in text or "的" in text:
        out += _graded(text, sentences)
    if "加" in text:
        out += _plus(text, sentences)
    if "收支相抵" in text:
        out += _balanced(text, sentences, *_paragraphs_before(analysis, block))
    elif "结转下年" in text or "年终结余" in text:
        out += _left_after(sentences)
    if "收支" in text and "结余" in text:
        out += _year_balance(text, sentences)
    if "合计" in text or "总计" in text or "总量" in text:
        out += _totals_after(text, sentences)
    if "负债" in text and ("净资产" in text or "所有者权益" in text):
        out += _net_assets(sentences)
    if "主要" in text:
        out += _main_after(words, text, sentences)
    if "减" in text:
        out += _chain(text, sentences)
    if _ANY_FIRST.search(text):
        out += _numbered_items(text, sentences)
    blocks = analysis.doc.blocks
    prev = None  # 支出合计300万元。⏎其中：…: the paragraph before states the total
    if block and blocks[block].kind == blocks[block - 1].kind == "paragraph":
        above = analysis.sentences(block - 1)
        prev = (blocks[block - 1].text, above[-1], above) if above else None
    if "中" in text:
        for index, (start, _end, _figs) in enumerate(sentences):
            m = _OWN_PARTS.match(text, start)
            if m and (index > 0 or prev):  # 基本支出中，人员经费 a，公用经费 b: of the 基本支出 before
                out += [found for found in _listing(words, text, sentences, index, m.start(1),
                                                    m.group(1) + "中", prev)
                        if precision.total(found.parts).hi >= precision.interval(found.total).lo]
                # (parts short of it are its main items only: 项目支出中，较大的项目有 …)
        for index, (start, _end, figs) in enumerate(sentences):
            for f in figs:  # 在支出合计 X 中，A a，B b: X's parts
                amid = _AMID.match(text, f.end)
                if amid and f.is_point and family(f.unit) == "money" \
                        and _AMID_OPENS.fullmatch(text, start, f.start):
                    listed = _listing(words, text, sentences, index, amid.start(1), "中", prev)
                    out += [found for found in listed if _shared(text, figs, found.parts)]
    if sentences and (opener := _DETAILS_END.search(text, sentences[-1][0])) is not None:
        # X，具体情况如下：⏎（一）A a；⏎（二）B b: the items as the paragraphs after
        out += _items(analysis, block, words, text, sentences, len(sentences) - 1, opener.start(), "")
    if "由" in text and ("构成" in text or "组成" in text):
        out += _made_of(text, sentences)
    if block and _ABOVE_SUMMED.match(text):
        out += _above(analysis, block)
    if "含" in text:
        out += _held(text, sentences)
    if (headed := _HEADED_AMOUNT.fullmatch(text)) is not None:
        out += _headed_items(analysis, block, headed.start("amount"), headed.group("title"))
    if not words.parts.within(text):
        return _amounts(out)
    for index, (start, end, _figs) in enumerate(sentences):
        for word in words.parts:
            pos = text.find(word, start, end)
            while pos != -1 and _ITEM_OPENS.search(text, max(start, pos - 5), pos):
                pos = text.find(word, pos + len(word), end)  # 四是主要用于…的…支出 X: a name, no list
            while pos != -1:
                found = [_unrepeated(f) for f in _listing(words, text, sentences, index, pos, word, prev)]
                found = [replace(f, parts=_adding_prefix(text, f.total, f.parts)) if len(f.parts) >= 3
                         and _A_PART.match(f.total.label) else f for f in found]
                # (其中 A a，其中 A1 a1、A2 a2，B b: a part's own parts, then its sibling)
                if _SINGLED.match(text, pos + len(word)):  # 其中分配最多的是平江县 a(，其次是 B b): the parts
                    found = [replace(f, parts=tuple(p for p in f.parts if not re.search(  # singled out up
                        "[；;]", text[pos : p.start])), complete=False) for f in found]  # to its ；, no more
                if not found and index == len(sentences) - 1 and _ENDS.match(text, pos + len(word)):
                    found = _items(analysis, block, words, text, sentences, index, pos, word)
                out += found
                pos = text.find(word, pos + len(word), end)
    return _amounts(out)


def _amounts(listings: list[Listing]) -> list[Listing]:
    """The listings whose total is an amount, not a bound (34个县区财政收入超过了10亿元，其中…都超过了
    20亿元: how many exceed each, not what they add up to), each part of the total's period (累计完成 X，
    其中，A 当月完成 a，…；累计完成 b: b only, a is the month's)."""
    out = []
    for found in listings:
        if _BOUND.search(found.total.label):
            continue
        period = _period(found.total.label)
        if period and any(_period(p.label) not in ("", period) for p in found.parts):
            parts = tuple(p for p in found.parts if _period(p.label) in ("", period))
            if not parts:
                continue
            found = replace(found, parts=parts)
        outturn = next((k for k, p in enumerate(found.parts) if k and _OUTTURN_ONLY.fullmatch(
            labels.core(p.label).strip(" ，,；;"))), None)
        if outturn is not None and _PLANNED_TOTAL.search(found.total.label):
            found = replace(found, parts=found.parts[:outturn])  # 全年预算数 A，其中项目支出 B，全年执行数 C:
            # the outturn of A, said beside it after its part, no part
        if not period and not _RUNNING.search(found.total.label) and len(found.parts) > 1 \
                and not _RUNNING.search(found.parts[0].label):
            measures = {_measure(p.label) for p in found.parts if not _RUNNING.search(p.label)} - {""}
            cut = next((k for k, p in enumerate(found.parts) if _RUNNING.search(labels.core(p.label))
                        and (_measure(p.label) in measures or _AS_OF.match(labels.core(p.label)))), None)
            if cut is not None:  # 总投资 X，其中2024年完成投资 a，累计完成投资 b (一季度 a，1-6月累计 b; 截至
                # 目前累计完成投资 b): the running totals of a part's measure, or as of a date, are no parts
                found = replace(found, parts=found.parts[:cut])  # (累计盈余, 以来结转资金 are)
        out.append(found)
    return out


def _period(label: str) -> str:
    """累计 or 当月 when a label names the year to date or the month alone, else ''."""
    m = _PERIOD.search(label)
    return "" if m is None else "当月" if m.group() in ("当月", "本月") else "累计"


_PERIOD = lazy(r"累计|当月|本月")


_BOUND = lazy(r"(?:超过|超出|高于|低于|不足|不到|少于|多于|大于|小于)了?\s*$")


def _main_after(words, text: str, sentences) -> list[Listing]:
    """A sentence opening with 主要是 (主要为, 主要包括) that lists amounts joined by 、 after a sentence
    stating one amount (行政运行4404.93万元。主要是在职人员工资及福利2770.63万元、…、其它5.41万元等支出):
    the main parts of that amount, a partial list (parts beyond it are wrong). Not when the sentence before
    states a change or more than one amount, nor when the parts carry a change or stand in brackets."""
    out = []
    for index in range(1, len(sentences)):
        start, end, figs = sentences[index]
        opened = _MAIN_OPENS.match(text, start)
        prev = [f for f in sentences[index - 1][2] if family(f.unit) not in ("ratio", "")]
        if opened is None or len(prev) != 1 or not prev[0].is_point or _CHANGED.search(prev[0].label):
            continue
        total = prev[0]
        parts = [f for f in figs if family(f.unit) == family(total.unit)]
        if len(parts) < 2 or len(parts) != len([f for f in figs if family(f.unit) not in ("ratio", "")]) \
                or any(not f.is_point or _changes(words, f) for f in parts) \
                or any(labels.parenthesised(text, start, f.start) for f in parts) \
                or not all(_JOINED.match(text, a.end, b.start) for a, b in zip(parts, parts[1:])):
            continue
        out.append(Listing(total, tuple(parts), False))
    return out


_MAIN_OPENS = lazy(r"\s*主要(?:是|为|包括)(?![：:]?\s*[一二三四五六七八九十\d（(])")
_JOINED = lazy(r"\s*、")  # parts joined by 、 right after each amount (…2770.63万元、离退休人员经费32.12万元)


def _numbered_items(text: str, sentences) -> list[Listing]:
    """A total whose parts are numbered items, each its own sentence with what it holds: 基本支出 X，其中：
    （一）人员经费 a，主要包括：基本工资、…。（二）公用经费 b，主要包括：…。 The total is the last amount
    before 其中 in its sentence (before 具体情况如下, with none there, the sentence before's first amount that
    states no change: “三公”经费 X，比上年减少 c。具体情况如下：（一）…); each item's part the first amount
    after its marker (its name only between), （一） in the total's sentence, （二）, （三）… opening
    sentences after it (an item may run on over a few sentences), up to a heading or another marker. The
    items are marked alike, as the first is: （一）（二）, 1. 2., 1、2、, （1）（2） or ①②; an item opens a
    sentence or follows a ；. Opened also by 包括, 具体(支出)情况如下 and …的项目是：; the total may be
    the last amount of the sentence before (X。其中：1.…; X。主要支出项目包括：（一）…). Also read: a
    numbered heading's one amount over the items a level below it (:func:`_headed`); the list under a
    sub-heading with no amount (具体情况如下：（一）按照功能支出类列支： 1、…); 一、二、 items after a colon,
    each naming its classification code."""
    out = []
    for index, (start, end, figs) in enumerate(sentences):
        opened = _ITEMS_OPEN.search(text, start, end)
        if opened is None:
            headed = _headed(text, sentences, index)
            if headed is not None:  # （九）组织事务支出 X。 1.2013201行政运行支出 a…。 2.… b…。 （十）…
                listing = _listed(text, sentences, index + 1, *headed)
                if listing is not None and all(_spending_item(p) for p in listing.parts):
                    out.append(listing)
            continue
        style = next(k for k, g in enumerate(opened.groups()) if g is not None)
        ahead = [f for f in figs if f.end <= opened.start()]
        aside = labels.inside(text, start, [f.start for f in ahead])  # X（其中含 a）…: X, not its aside
        total = next((f for f, h in zip(reversed(ahead), reversed(aside)) if not h and f.is_point
                      and family(f.unit) not in ("ratio", "") and not _CHANGED.search(f.label)), None)
        if total is None and opened.group().startswith(("具体", "如下")) and index:
            # “三公”经费决算数为 X，比上年减少 c。具体情况如下：（一）…: the sentence before's subject, when
            # it states one amount (not 预算为 X，决算为 Y; not 2021年度为 X, a year and no name); past a
            # sentence of words only (…增长 P%。主要原因是…。支出具体情况如下：)
            back = index - 1
            if back and not sentences[back][2] and _REASON.match(text, sentences[back][0]):
                back -= 1
            said = [f for f in sentences[back][2] if f.is_point and family(f.unit) not in ("ratio", "")
                    and not _CHANGED.search(f.label)]
            total = said[0] if len(said) == 1 and len(_YEARLESS.sub("", labels.core(said[0].label))) >= 2 \
                else None
        elif total is None and opened.group().startswith(("其中", "包括")) and index \
                and _LEAD.fullmatch(text, start, opened.start()) is not None:
            # 共 X，支出 Y，支出率100%。其中：1.…a…2.…b: the last amount before, as within a sentence, unless
            # the sentence before lists parts of its own (whose these are is not said then)
            p_start, p_end, p_figs = sentences[index - 1]
            aside = labels.inside(text, p_start, [f.start for f in p_figs])  # (X（其中 A 为 a），…: not a)
            said = [f for f, h in zip(p_figs, aside) if f.is_point and family(f.unit) not in ("ratio", "")
                    and not h and not _CHANGED.search(f.label) and not _BALANCE.search(f.label)]  # (not 结余)
            total = said[-1] if said and not _OWN_LIST.search(text, p_start, p_end) else None
        if total is None or family(total.unit) in ("ratio", ""):
            continue
        at = opened.end()
        head = _SUBHEAD.match(text, at) if style == 0 else None
        below = _FIRST_BELOW.match(text, head.end()) if head else None
        if below is not None:  # 具体情况如下：（一）按照功能支出类列支： 1、A a；2、B b…: the list under it
            at, style = below.end(), next(k for k, g in enumerate(below.groups()) if g is not None) + 1
        listing = _listed(text, sentences, index, at, style, total)
        if listing is not None and "主要" in text[max(start, opened.start() - 12) : opened.end()]:
            listing = replace(listing, main=True)  # 主要支出项目包括：（一）…: the main items, maybe not all
        out += [listing] if listing is not None else []
    return out


def _headed(text: str, sentences, index: int) -> tuple[int, int, Figure] | None:
    """``(at, style, total)`` when a sentence is a numbered heading stating one amount, a class of spending
    (（九）组织事务支出 X。), and the next opens its first item numbered a level below (1. 1、 （1） ①, a
    code run on after 1.: 1.2013201行政运行支出 a): where the first item's name begins, its marks' style and
    the heading's amount; None otherwise. (The caller reads the items only when each is a class of
    spending itself: :func:`_spending_item`.)"""
    start, end, figs = sentences[index]
    if index + 1 >= len(sentences) or not _HEAD_MARK.match(text, start) or text[end : end + 1] != "。" \
            and text[end - 1 : end] != "。":
        return None
    amounts = [f for f in figs if family(f.unit) not in ("ratio", "")]
    if len(amounts) != 1 or not amounts[0].is_point or family(amounts[0].unit) != "money" \
            or _CHANGED.search(amounts[0].label) or not _CLASS_NAME.search(labels.core(amounts[0].label)) \
            or text[amounts[0].end : end].strip(" 。") != "":
        return None
    first = _FIRST_BELOW.match(text, sentences[index + 1][0])
    if first is None:
        return None
    style = next(k for k, g in enumerate(first.groups()) if g is not None) + 1
    return first.end(), style, amounts[0]


_SUBHEAD = lazy(r"[^，,。；;：:\d]{2,20}[：:]")  # （一）按照功能支出类列支：, a heading with no amount
def _spending_item(part: Figure) -> bool:
    """Whether an item under a class of spending is a class of spending itself (行政运行支出, 提租补贴, 公用
    经费), not a stage of the money (已支出), a change (较上年增加), a balance (结转) or a note (总投资)."""
    name = labels.core(part.label).lstrip("0123456789.．、 ")
    return bool(_SPENDING.search(name)) and not _NOT_SPENDING.search(name)


_SPENDING = lazy(r"(?:支出|经费|费|补助|补贴|运行|事务|服务|保障|缴费|公积金)$")
_NOT_SPENDING = lazy(r"^(?:已|较|比|上年|本年|年末|年初|累计)|结转|结余|总额|总投资|合计|共计")
_HEAD_MARK = lazy(r"\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")
_CLASS_NAME = lazy(r"支出$")  # a class of spending, not 收入 or 资金 (their items may be stages or sources)
_FIRST_BELOW = lazy(r"\s*(?:(1[.．]" + _CODE_NEXT + r")|(1、)|([（(]1[）)])|(①))")


def _listed(text: str, sentences, index: int, at: int, style: int, total: Figure) -> Listing | None:
    """The items numbered in ``style`` from ``at`` in sentence ``index`` on, as parts of ``total``; None
    when they are not read (see :func:`_numbered_items`)."""
    clauses = _clauses(text, sentences[index:], at)
    _at, first_end, first_figs, _opens = next(clauses)
    if _restarts(text, style, at, first_end):
        return None  # 包括：1、A a，其中：1、…2、…: the next 2、 may be A's item or the list's, not said
    parts = [_item_amount(text, first_figs, at, total)]
    held = list(first_figs)  # every amount the items' clauses hold
    between = 0  # sentences of an item after its first (与上年相比，…)
    number = 1  # the last item's (a number said twice, （四）…（四）, is a slip of the marker: DOC002's)
    for s_start, s_end, s_figs, whole in clauses:
        marker = _ITEM_MARKS[style].match(text, s_start)
        if marker is None and between < 4 and not _HEADING_RUN.match(text, s_start) \
                and not (style and _ITEM_MARKS[0].match(text, s_start)):
            again = _ITEMS_OPEN.search(text, s_start, s_end)
            if _SECTION_IN.search(text, s_start, s_end) or again is not None and any(
                    f.end <= again.start() and family(f.unit) == family(total.unit) for f in s_figs):
                break  # …主要原因是项目规划费用不一样七、“三公”经费…: the next section, run in; or
                # 支出合计 Y，其中：1.…: a list of its own (not an item's: 支出具体情况如下：1、…)
            # (in 1. 2. items, a sentence opening （三） is the next section's; an item's own numbered
            # sub-items, 1、… under （一）, each open a run of sentences of their own)
            sub = any(k != style and mark.match(text, s_start) for k, mark in enumerate(_ITEM_MARKS))
            between = 0 if sub else between + whole
            held += s_figs
            continue
        # the next number, or this one again past the first (（四）…（四）: a slip of the marker)
        seen = _marker_number(style, marker.group(1)) if marker else None
        if seen not in (number + 1, number) or seen == 1:
            break
        number = seen
        named_to = next((f.start for f in s_figs if f.unit), s_end)  # (its name, past a bare code)
        if style == 5 and (_SECTION_NAME.search(text, marker.end(), named_to)
                           or not _CODED_NAME.search(text, marker.end(), named_to)):
            break  # 六、政府性基金预算拨款支出情况: the report's next section, numbered alike; 一、 items are
            # read only as long as each names its classification code (行政运行（项级科目2010301）)
        if _restarts(text, style, marker.end(), s_end):
            parts.append(None)  # (an item with a list of its own numbered alike: not read)
            break
        parts.append(_item_amount(text, s_figs, marker.end(), total))
        held += s_figs
        between = 0
    if None in parts or any(_measure_only(p.label) for p in parts):
        return None  # an item whose amount is not one figure (3.…50万元，另安排…20万元), or one named by
        # a measure only (（1）年初预算 a；（2）支出决算 X: one thing's measures, no parts): not read
    if len(parts) >= 2 and not _beside(total, parts, held):
        return Listing(total, tuple(parts), False)
    return None


def _beside(total: Figure, parts: list[Figure], said) -> bool:
    """Whether the items fall short of the total by another amount their clauses hold: an item's 其中 that
    names a sibling (1. 财政拨款收入 a，其中政府性基金 b。2. … with the total a + b), or an item left
    unnumbered between two (（四）A a，其中…；[2100402]B b (五)…): the list is not what its numbers say."""
    within = precision.interval(total)
    if precision.total(parts, total.unit).meets(within):
        return False
    mine = {id(p) for p in parts}
    written = {precision.number_text(p) for p in parts}  # (a part restated, maybe in another unit, is no
    return any(precision.total([*parts, f], total.unit).meets(within) for f in said  # other amount)
               if id(f) not in mine and f.is_point and family(f.unit) == family(total.unit)
               and not _CHANGED.search(f.label) and precision.number_text(f) not in written)


def _restarts(text: str, style: int, lo: int, hi: int) -> bool:
    """Whether an item's clause opens a list of its own numbered in the same style (其中：1、…)."""
    again = _ITEMS_OPEN.search(text, lo, hi)
    return again is not None and next(k for k, g in enumerate(again.groups()) if g is not None) == style


def _clauses(text: str, sentences, at: int) -> Iterator[tuple[int, int, list, bool]]:
    """The clauses items may open, from ``at`` in the first of ``sentences`` on: each sentence, cut after
    each ；(1、人员经费 a；2、公用经费 b；) and before a marker after a blank: its start and end, its
    figures, and whether it opens a sentence. Lazily: the items stop a few sentences on."""
    for k, (start, end, figs) in enumerate(sentences):
        first = at if k == 0 else start
        lead = end - len(text[first:end].lstrip())  # (a cut within the blanks it opens with is none)
        cuts = [first] + [m.end() for m in _CUT.finditer(text, first, end) if m.end() > lead]
        starts = [f.start for f in figs]
        for c, cut in enumerate(cuts):
            stop = cuts[c + 1] if c + 1 < len(cuts) else end
            yield (cut, stop, figs[bisect.bisect_left(starts, cut) : bisect.bisect_left(starts, stop)],
                   c == 0 and k > 0)


_SECTION_IN = lazy(r"(?<![\d一二三四五六七八九十])[一二三四五六七八九十]{1,3}、(?=\S)")  # a run-in heading
# where an item may open inside a sentence: after a ；, or after a blank before a marker (a page's lines
# run together: …经费支出 （四）专项业务经费 50万元)
_CUT = lazy(r"[；;]|(?<!\s)\s++(?=[（(][一二三四五六七八九十\d]{1,3}[）)])")


def _item_amount(text: str, figs, at: int, total: Figure) -> Figure | None:
    """The amount an item names right after its marker (人员经费 a; 行政运行（项级科目2010301）a: past its
    code; 提租补贴 59.21 with its unit left out, a decimal amount, read in the total's), or None."""
    code = _CODE_AT.match(text, at)  # (五）2012104宗教工作专项支出 a: 2012104宗 is a code, not 宗 counted
    first = next((f for f in figs if f.start >= (code.end() if code else at) and not _code(f)), None)
    if first is not None and not first.unit and first.decimals > 0 and family(total.unit) == "money":
        first = replace(first, unit=total.unit)
    if first is None or not first.is_point or family(first.unit) != family(total.unit) \
            or _ITEM_NAME.fullmatch(text, at, first.start) is None or text.startswith("、", first.end):
        return None  # (公务用车购置为0万元、运行费116.02万元: the item's amount is not one figure)
    broken = _BROKEN.search(text, first.end, figs[-1].end) if figs else None  # its own parts after it
    stop = broken.start() if broken else -1
    others = [f for f in figs if f.start > first.end and (stop < 0 or f.start < stop) and f.is_point
              and family(f.unit) == family(first.unit) and not _CHANGED.search(f.label)]
    inner = labels.inside(text, first.end, [f.start for f in others])
    others = [f for f, h in zip(others, inner) if not h]  # (人员经费 a（含 b）: an aside)
    return None if others else first  # (人员经费年初预算为 a，决算为 b: which is the part is not said)


def _code(figure: Figure) -> bool:
    """Whether a bare whole number is a classification code (2010301), not an amount."""
    return not figure.unit and figure.decimals == 0 and len(figure.text) >= 3 and figure.text.isdigit()


_BROKEN = lazy(r"其中|主要是|主要为|主要包括|包括|具体为|如下")  # an item's breakdown after its amount
_OWN_LIST = lazy(r"其中|包括|分别")
# what may lead 包括 in its sentence: 主要支出项目(按项级科目分类统计)
_LEAD = lazy(r"\s*(?:主要)?(?:支出)?(?:项目)?(?:[（(][^（()）\d]{1,20}[）)])?\s*")
_DETAILS_END = lazy(r"(?:(?:具体(?:[收支出入项目]{1,4})?|主要[^，,。；;：:\d]{0,10})情况"
                   r"|按[\u4e00-\u9fff]{2,8}分类)如下[ ：:，,]*$")
# (X，具体情况如下：; X，主要预算项目执行情况如下：, the main items; X，按支出功能分类如下：, its classes)
_MEASURE_ONLY = lazy(r"[\s\d.．、：:（）()一二三四五六七八九十]*(?:20\d\d年度?)?(?:当年|本年度)?(?:比|较)?"
                     r"(?:年初|全年|调整后|本年|上年)?"
                     r"(?:预算|决算|支出决算|实际支出|支出|执行|执行数|实际完成|完成|节约|结余)数?(?:为|是)?\s*")


def _measure_only(label: str) -> bool:
    """Whether an item is named by a measure only (年初预算, 2.实际支出, 3.比预算节约): one thing's figures,
    no part of anything."""
    return _MEASURE_ONLY.fullmatch(label) is not None


_REASON = lazy(r"\s*(?:主要原因|原因|主要是|这主要)")
_ANY_FIRST = lazy(r"[（(][一1][）)]|(?<![\d.．])1(?:[.．]" + _CODE_NEXT + r"|、)|①|[：:]\s*一、")


def _marker_number(style: int, text: str) -> int | None:
    """The number an item's marker of ``style`` writes (十一 → 11, ⑪ → 11, 11)."""
    return numbers.chinese(text) if style in (0, 5) else ord(text) - 0x245F if style == 4 else int(text)


_HEADING_RUN = lazy(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、](?!\d)|附件)")
_ITEMS_OPEN = lazy(r"(?:其中|包括|具体(?:[收支出入项目]{1,4})?情况如下|具体如下"
                   r"|(?:项目|构成|内容)(?:是|为)(?=[：:]))"
                   r"\s*+(?:[（(][^（()）]{1,20}[）)])?"  # (按项级科目统计); possessive: linear in blanks
                   r"\s*+[：:，,]?\s*+(?:([（(]一[）)])|(1[.．]" + _CODE_NEXT + r")|(1、)|([（(]1[）)])|(①)"
                   r"|(?<=[：:])\s*(一、))")  # (一、 items after a colon only: 一、 opens sections too)
# the items' markers, a style each as the first item's opened them: （一）, 1., 1、, （1）, ①
_ITEM_MARKS = (lazy(r"\s*[（(]\s?([一二三四五六七八九十]{1,3})\s?[）)]"),  # (（三 ）: a blank typed in)
               lazy(r"\s*(\d{1,2})[.．]" + _CODE_NEXT),
               lazy(r"\s*(\d{1,2})、"), lazy(r"\s*[（(](\d{1,2})[）)]"), lazy(r"\s*([①-⑳])"),
               lazy(r"\s*([一二三四五六七八九十]{1,3})、"))
_SECTION_NAME = lazy(r"情况|说明|名词解释")
_CODED_NAME = lazy(r"(?<!\d)(?:\d{7}|\d{5}|\d{3})(?!\d)")
_CHANGED = lazy(r"增加|减少|增长|下降|增支|减支|节约|比|较")  # an amount that states a change, no total
_YEARLESS = lazy(r"(?:19|20)\d\d\s*年度?|为|是|[，,：:]")
# an item's name, after its classification code if it gives one ([2011501]行政运行, 2010350事业运行)
# a classification code opening an item's name (2012104宗教…, 〔2070408〕文化…), not an amount or a count
_CODE_AT = lazy(r"\s*[\[【(（〔]?(?:\d{7}|\d{5}|\d{3})(?=[\]】)）〕]|[\u4e00-\u9fff])"
                r"(?![万亿千百元个人家项台辆次件户名所条份套天年月日号])")
_ITEM_NAME = lazy(r"\s*(?:[\[【(（〔]?\d{3,9}[\]】)）〕]?\s*)?"
                  r"(?:[\u4e00-\u9fff“”（）()\-－—]|[（(][^（()）\d]{0,8}\d{3,9}[）)]|(?<=\S)\s(?=\S)"
                  r"|(?<=[\u4e00-\u9fff])、(?=[\u4e00-\u9fff])"  # 住房公积金、提租补贴 a: one item
                  r"|(?<=[-－—])\d{3,9}(?=[\u4e00-\u9fff])(?![万亿千百元个人家项])"  # …事务-2120303其他
                  r"|20\d\d(?=年)){2,60}?"
                  r"(?:为|共|计|[：:])?\s*")


def _other_family_said(figs, pos: int, fam: str) -> bool:
    """Whether the last amount before ``pos`` is of another unit family than ``fam`` (a purpose, 主要用于,
    speaks of the amount just before it)."""
    nearest = next((f for f in reversed(figs) if f.end <= pos and f.is_point
                    and family(f.unit) not in ("ratio", "")), None)
    return nearest is not None and family(nearest.unit) != fam


def _unrepeated(listing: Listing) -> Listing:
    """A listing without a part that names the largest (or smallest) of the parts before it again
    (…，C c，最多的是A a): a repeat, not one more part."""
    parts = [p for k, p in enumerate(listing.parts)
             if not (_SUPERLATIVE.search(p.label) and any(q.value == p.value for q in listing.parts[:k]))]
    return listing if len(parts) == len(listing.parts) else replace(listing, parts=tuple(parts))


_MOST = r"最多|最大|最高|最少|最小|最低"
_SUPERLATIVE = lazy(_MOST)
_SINGLED = lazy(rf"[\s：:，,]*[\u4e00-\u9fff]{{0,8}}?(?:{_MOST})的?(?:是|为|有)")
"""A parts word that singles one part out (其中分配最多的是平江县 a): no breakdown of the total."""
# nothing after a parts word but punctuation, or what the items are (主要用于以下方面：, 包括以下几项：)
_ENDS = lazy(r"[ ：:，,。]*(?:以下(?:[几\d一二三四五六七八九十]{1,2}[个项类])?[\u4e00-\u9fff]{0,4}"
             r"[ ：:，,。]*)?$")
# a sentence opening with what it breaks down (基本支出中，): a total of the sentence before
# a view the items are taken in, naming no subject of their own (按支出功能分类，; 从支出结构看，)
_VIEW_ONLY = lazy(r"(?:按(?:支出|收入)?(?:功能|经济|来源|用途)?分类|从[\u4e00-\u9fff]{2,8}(?:看|来看)"
                  r"|具体(?:来看|而言)?|分项目看|其中)[，,]?")
_NAME_ONLY = lazy(r"\s*[\u4e00-\u9fff“”]{2,16}\s*")  # 省补助收入 of 省补助收入包括：: what the list is of
_OWN_PARTS = lazy(r"\s*(?:在)?((?<!其)[\u4e00-\u9fff“”]{0,8}(?:支出|经费|收入|资金|拨款))中[，,：:]")
_ITEM = lazy(r"^\s*(?:——|[•●▪]|\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[①-⑳]|[（(][一二三四五六七八九十]{1,3}[)）])")


def _items(analysis, block, words, text, sentences, index, pos, word) -> list[Listing]:
    """A parts word ending its paragraph (基本支出300万元，主要包括：; 按支出功能分类如下：) and the parts as
    the numbered or bulleted items that follow it, one paragraph each (1.人员经费200万元；2.公用经费100万元。;
    ——A a；), or one line of its own listing named amounts (其中： ⏎ A a，B b，C c。), or
    unmarked paragraphs each opened by its part (人员经费 a，占…。 ⏎ 公用经费 b，…: as many as make the
    total, up to a marked one), or one paragraph whose clauses apart by ； each open on a part (人员经费 a，
    主要包括…；公用经费 b，…。: as many as make the total): each marked item's one
    amount of
    the total's unit family; an item stating several (年初预算 X，支出决算 Y) leaves it unsaid which is the
    part: no listing."""
    blocks, parts = analysis.doc.blocks, []
    marked = block + 1 < len(blocks) and _ITEM.match(blocks[block + 1].text) is not None
    style = _style(blocks[block + 1].text) if marked else ""
    run_on = [] if marked or block + 1 >= len(blocks) else _listing_paragraph(analysis, block + 1, words)
    if run_on:  # 其中： ⏎ A a，B b，C c。: the parts in one paragraph of their own, a sentence listing them
        parts, marked = run_on, True
    elif not marked and block + 1 < len(blocks):  # 其中： ⏎ A a，主要包括…；B b，主要包括…。: one paragraph,
        parts = _clause_parts(analysis, block + 1, words)  # each clause opened by its part (as many as
        # make the total, as unmarked paragraphs: more may follow in the paragraphs after)
    first = block + 1 + bool(parts)  # (past the paragraph of clauses: more parts may open the next ones)
    following = range(0) if run_on else range(first, min(len(blocks), block + (30 if marked else 7)))
    for b in following:
        if blocks[b].kind != "paragraph" or _style(blocks[b].text) != style:
            break  # (1、A a；2、B b。⏎（二）支出 Y, or A a ⏎（二）项目支出 Y: the next heading, no item)
        figs = [f for k, f in enumerate(analysis.figures[b]) if f.is_point
                and family(f.unit) not in ("ratio", "") and not (k and _changes(words, f))]
        # (（一）A（类）a，占 p%，比上年减少 c: c is its change, no second amount)
        if not marked:  # 其中： ⏎ 人员经费 a，占…。主要包括：… ⏎ 公用经费 b，…: each paragraph opened by
            # its part
            figs = figs[:1] if figs and _NAMED_FIRST.fullmatch(blocks[b].text, 0, figs[0].start) else []
        if len(figs) > 1:
            return []
        if not figs:
            break
        parts.append(figs[0])
    if len(parts) < 2 or len({family(p.unit) for p in parts}) != 1:
        return []
    start, _end, figs = sentences[index]
    lead = text[start:pos].strip(" ：:，,")
    shifted = marked and index > 0 and (not lead or _VIEW_ONLY.fullmatch(lead) is not None and not any(
        f.end <= pos and f.is_point and family(f.unit) == family(parts[0].unit) for f in figs))
    # (X，比上年增加 c。按支出功能分类，主要用于以下方面：⏎（一）…: X of the sentence before too; not
    # 2025年预算安排主要包括以下几个方面：, 重点工作…, 采取的措施…: another subject's items)
    if shifted:  # X，比上年减少 c。其中：⏎1、A a …: X of the sentence before (numbered items only)
        start, pos, figs = sentences[index - 1]
    before = [f for f in figs if f.end <= pos and f.is_point and family(f.unit) == family(parts[0].unit)
              and not _changes(words, f)]
    if not before or any(labels.inside(text, start, [before[-1].start])) \
            or shifted and len(before) != 1:
        return []  # (X。其中：A a，B b。具体如下：⏎1、…: the items of X or of B, not said)
    if not marked:  # unmarked paragraphs may go on past the list: as many as make the total (or would,
        # but for one digit), the fewest of two or more
        whole = precision.interval(before[-1])
        fits = [k for k in range(2, len(parts) + 1)
                if precision.total(parts[:k], before[-1].unit).meets(whole)] \
            or [k for k in range(2, len(parts) + 1) if _within_a_digit(before[-1], parts[:k])]
        if not fits:
            return []
        parts = parts[: fits[0]]
    return [Listing(before[-1], tuple(parts), word in words.complete)]


def _above(analysis, block: int) -> list[Listing]:
    """A paragraph opening with the sum of the items above it (以上资金合计 T; 上述各项共计 T) and those
    items, the paragraphs right before it numbered alike (1.中央…资金 a ⏎ 2.省级…资金 b ⏎ 以上资金合计 T) or
    each a name and its amount alone (中央资金 a ⏎ 省级资金 b), each stating one amount of T's family:
    complete, as 以上 says."""
    blocks = analysis.doc.blocks
    figs = analysis.figures[block]
    total = figs[0] if figs else None
    if total is None or not total.is_point or analysis.doc.blocks[block].kind != "paragraph":
        return []
    parts: list[Figure] = []
    style = ""
    for b in range(block - 1, max(-1, block - _ABOVE_REACH), -1):
        mine = [f for f in analysis.figures[b] if f.is_point and family(f.unit) == family(total.unit)]
        text = blocks[b].text
        own = _style(text) or ("-" if len(mine) == 1 and _NAMED_ALONE.fullmatch(text, mine[0].end)
                               and _NAMED_FIRST.fullmatch(text, 0, mine[0].start) else "")
        if blocks[b].kind != "paragraph" or not own or style and own != style or len(mine) != 1:
            break  # (numbered items, or lines each a name and its amount alone: 中央资金125.5万元)
        style = own
        parts.insert(0, mine[0])
    return [Listing(total, tuple(parts), True)] if len(parts) >= 2 else []


_ABOVE_SUMMED = lazy(r"\s*(?:以上|上述)[\u4e00-\u9fff]{0,8}?(?:合计|共计|总计)(?:为|是)?\s*[\d０-９]")
_ABOVE_REACH = 30  # numbered paragraphs looked back over for the items 以上 sums
_NAMED_ALONE = lazy(r"\s*[；;。，,]?\s*")  # nothing after an item's amount but its stop


def _made_of(text: str, sentences) -> list[Listing]:
    """A total, then what it is made of (收入总计 T，由一般公共预算收入 a、上级补助收入 b 构成; 支出总计
    T，由 A a，加 B b 组成): the amounts of its unit family between 由 and 构成/组成, the total the amount
    right before ，由; complete, unless 等 closes the list (…等构成: the parts named, maybe not all)."""
    out = []
    for _start, end, figs in sentences:
        for m in _MADE_OF.finditer(text, 0, end):
            before = [f for f in figs if f.end <= m.start()]
            if not before or not before[-1].is_point or text[before[-1].end : m.start()].strip(" ，,"):
                continue
            total = before[-1]
            close = m.end()
            parts = [f for f in figs if m.start() < f.start < close and f.is_point
                     and family(f.unit) == family(total.unit)]
            if len(parts) < 2 or any(labels.open_paren(text, m.start(), f.start) is not None for f in parts):
                continue
            rest = _MADE_OF_WORDS.sub("", text[parts[-1].end : close])
            closed = not rest and not _OPEN_LIST.search(text, parts[-1].end, close)
            out.append(Listing(total, tuple(parts), closed, unsaid=bool(rest)))
            # (…和县级自筹资金组成: a part named without its amount, short of the total saying nothing)
    return out


# the words after a made-of list's last amount that name no part (…共同组成, …两部分构成)
_MADE_OF_WORDS = lazy(r"等|共同|构成|组成|[一二两三四五六七八九十\d]+个?(?:部分|方面|项)|[\s，,。]")
# ，由 A a、B b 构成 (up to 构成/组成 in the same sentence, no stop between)
_MADE_OF = lazy(r"[，,]\s*由(?![于此])[^。；;]{2,200}?(?:构成|组成)")


def _held(text: str, sentences) -> list[Listing]:
    """A sentence opening with 含 that lists amounts joined by 、 right after a sentence stating one amount
    (…救灾资金9.9162亿元。含生活救助资金2.7609亿元、恢复重建资金4.4645亿元、…): that amount's parts, some
    of them maybe (as after 其中). Not when an amount is in brackets or states a change."""
    out = []
    for index in range(1, len(sentences)):
        start, end, figs = sentences[index]
        opened = _HOLDS.match(text, start)
        before = [f for f in sentences[index - 1][2] if family(f.unit) not in ("ratio", "")]
        if opened is None or len(before) != 1 or not before[0].is_point:
            continue
        parts = [f for f in figs if family(f.unit) not in ("ratio", "")]
        fam = family(before[0].unit)
        plain = all(f.is_point and family(f.unit) == fam and not _CHANGE_WORD.search(f.label) for f in parts)
        if len(parts) < 2 or not plain or any(labels.inside(text, start, [f.start for f in parts])) \
                or not all(_joined(text[a.end : b.start]) for a, b in zip(parts, parts[1:])):
            continue
        out.append(Listing(before[0], tuple(parts), False))
    return out


_HOLDS = lazy(r"\s*(?:其中)?(?:含|包含)(?![量有义税])[：:]?")  # (not 含税价 a: a price with its tax)


def _headed_items(analysis, block: int, at: int, title: str) -> list[Listing]:
    """A heading stating its amount in brackets (一、中央财政衔接资金（5273万元）) over items one level down,
    a paragraph each in one style ((一)支持产业发展2993.7万元； …(七)…46.3万元。), up to the next heading
    of its level or above: each item's one amount, in its first clause, is a part (some parts only may be
    listed: not complete)."""
    blocks = analysis.doc.blocks
    total = next((f for f in analysis.figures[block] if f.start == at), None)
    if total is None or not total.is_point or family(total.unit) != "money" or block + 1 >= len(blocks):
        return []
    style = _style(blocks[block + 1].text)
    if not style or style == _style(blocks[block].text):
        return []
    parts = []
    for b in range(block + 1, min(len(blocks), block + 40)):
        if blocks[b].kind != "paragraph" or _style(blocks[b].text) != style:
            if _style(blocks[b].text) or _HEADED_AMOUNT.fullmatch(blocks[b].text):
                break  # the next heading (二、省级…资金（5509万元）)
            return []  # an unmarked paragraph among the items: what they list is not plain
        figs = [f for f in analysis.figures[b] if f.is_point and family(f.unit) not in ("ratio", "")]
        first = _CLAUSE_END.search(blocks[b].text)
        if len(figs) != 1 or first is not None and figs[0].start > first.start():
            return []  # an item stating no amount in its first clause, or several (总投资 a，使用…资金 b):
            # which is the heading's part is not said
        parts.append(figs[0])
    if len(parts) < 2 or any(family(p.unit) != "money" for p in parts):
        return []
    return [Listing(replace(total, label=title.strip()), tuple(parts), False)]


# a heading and its amount in brackets, nothing else (一、中央财政衔接资金（5273万元）)
_HEADED_AMOUNT = lazy(r"\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
                      r"(?P<title>[^，,。；;：:\d（()）]{2,30})[（(]\s*(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)\s*[)）]"
                      r"\s*[。；;]?\s*")
_CLAUSE_END = lazy(r"[，,。；;：:]")


def _listing_paragraph(analysis, b: int, words) -> list[Figure]:
    """The amounts of paragraph ``b`` when it is one sentence listing named amounts and nothing else
    (困难救助款收入1.41万元，助学款项收入3.68万元，…。): two or more, one family, apart by ， or 、, none a
    change, a share or in brackets; else []."""
    block = analysis.doc.blocks[b]
    text = block.text
    if block.kind != "paragraph" or words.parts.within(text) or _SENTENCE_STOPS.search(text.rstrip("。. ")) \
            or len({origin[1] for origin in block.origins}) != 1:
        return []  # (a line of its own, not paragraphs a reader joined: 商品和服务支出 a， ⏎ ⏎ 工资… b。)
    figs = [f for f in analysis.figures[b] if f.unit]  # (not the 99 of “99公益日”: a name's)
    if len(figs) < 2 or any(not f.is_point or family(f.unit) != family(figs[0].unit) or _CHANGE_WORD.search(
            f.label) for f in figs) or family(figs[0].unit) == "ratio" or any(
            labels.inside(text, 0, [f.start for f in figs])):
        return []
    if not all(_LISTED_APART.match(text, a.end, b.start) for a, b in zip(figs, figs[1:])):
        return []
    return figs


_SENTENCE_STOPS = lazy(r"[。；;！？!?]")


def _clause_parts(analysis, b: int, words) -> list[Figure]:
    """The amounts opening the clauses of paragraph ``b`` split by ；(人员经费 a，主要包括…；公用经费 b，主要
    包括…。), each clause opened by a name and its amount, none a change: two or more, one family; else []."""
    block = analysis.doc.blocks[b]
    if block.kind != "paragraph" or "；" not in block.text and ";" not in block.text:
        return []
    text, figs, parts, start = block.text, analysis.figures[b], [], 0
    for stop in [*(m.end() for m in _CLAUSE_STOP.finditer(text)), len(text)]:
        first = next((f for f in figs if start <= f.start < stop), None)
        if first is not None and first.is_point and family(first.unit) not in ("ratio", "") \
                and _NAMED_FIRST.fullmatch(text, start, first.start) and not _changes(words, first):
            parts.append(first)
        elif text[start:stop].strip(" 。.；;"):
            return []  # a clause opened otherwise: not a list of parts
        start = stop
    return parts if len(parts) >= 2 and len({family(p.unit) for p in parts}) == 1 else []


_CLAUSE_STOP = lazy(r"[；;]")
_LISTED_APART = lazy(r"\s*[，,、]")


def _style(text: str) -> str:
    """A paragraph's item marker with its number written #: 1、 and 2、 alike, not （二） (none: '')."""
    m = _ITEM.match(text)
    return re.sub(r"[\d一二三四五六七八九十①-⑳]+", "#", m.group().strip()) if m else ""


_OWN_SUM = lazy(r"(?:合计|小计)\s*$")  # a part's label ending in its own total word (财政资金合计 a)
# …合计 a，分别为…: a's own parts after it (分别支持 A a1、B a2: its uses, each its amount)
_ITS_PARTS = lazy(r"[\s，,]*(?:分别[\u4e00-\u9fff]{0,3}?(?:为|是|用于|支持|安排|下达|拨付)|即|包括|其中)")
_OWN_TOTAL = lazy(r"[\s，,：:]*[^\s，,：:。；;\d和、及与]{2,30}")  # 其中中央资金合计: a part named, its 合计
_AMID = lazy(r"\s*(中)[，,：:]")  # (在支出合计 X)中，
_AMID_OPENS = lazy(r"\s*在[^，,。；;：:\d]{1,16}")  # 在 opening the amount's clause: it holds the parts after
# (从收入结构看，)全盟一般公共预算收入中，; 全年预算中：
_AMONG_NAMED = lazy(r"[，,：:\s]*([^，,：:。；;\d]{2,20})中[，,：:]")


def _same_measure(name: str, figure: Figure) -> bool:
    """Whether a whole named before 中 and ``figure``'s label share a measure (收入预算 and 部门预算总额:
    预算; 本年支出 and 2024年度支出决算: 支出), a synonym's whole."""
    own = labels.core(figure.label)
    subject = _GENERIC_WHOLE.sub("", name)
    for w in _WHOLES_MEASURED:
        subject = subject.replace(w, "")
    return any(w in name and w in own for w in _WHOLES_MEASURED) and (not subject or subject in own)
    # (项目预算中 after 部门预算 X: 项目 names another whole)


_WHOLES_MEASURED = ("预算", "支出", "收入", "决算", "执行")
_GENERIC_WHOLE = lazy(r"其|本年度?|全年|当年|年度|总额?|合计|数")  # words naming no whole of their own


def _names_whole(name: str, figure: Figure) -> bool:
    """Whether a whole named before 中 (全年预算中：) names ``figure`` (全年预算 X; 支出中 of 支出合计
    X; 全县一般公共预算收入中 of 全县实现一般公共预算收入 X): one's words within the other's, totals' words
    aside, or four characters alike."""
    said = re.sub(r"^(?:其|在)|合计|总计|总额|数$", "", labels.unquote(name).strip())
    own = re.sub(r"合计|总计|总额|数$|[为是达]$", "", labels.unquote(labels.core(figure.label)).strip(" ，,"))
    return bool(said) and bool(own) and (said in own or own in said
                                         or any(said[k : k + 4] in own for k in range(len(said) - 3)))
_MAIN_NEXT = lazy(r"\s*[，,：:]?\s*主要(?:是|为|有|包括)")
_NAMED_FIRST = lazy(r"\s*[\u4e00-\u9fff“”]{2,20}?\s*")  # 人员经费 of 人员经费 1030180.29 元: a name
_NOT_BRACKETED = lazy(r"\d{4}|上年|去年|同期|预算|计划|目标|决算|执行|实际|调整|年初|年末|原|比|较"
                            r"|约|即|折合|人均|平均")


_INITIAL = lazy(r"年初[^，,。；;\d]{0,10}?(?:预算|批复|安排)(?:数|资金)?$")  # 年初区财政核定我街道预算
_ADDED = lazy(r"^[，,\s]*(?:年中|年内|当年)?(?:调整)?(?:追加|调增)(?:预算|安排)?(?:资金)?$")
# what was added or taken off in the year, maybe said when and why (6月根据工作需要申请追加, 年中调减预算;
# not 其中上级追加, 实际获批追加, 已支出追加资金: a part or a state of the addition)
_WHEN_WHY = (r"^[，,\s]*(?:\d{1,2}月份?|年中|年内|当年|其后|下半年|上半年)?"
             r"(?:(?:根据|因|按照|经)[^，,。；;：:其含已实获核]{0,20}?)?(?:申请|报批)?")
_ADDED_WHY = lazy(_WHEN_WHY + r"(?:追加|调增)(?:了)?(?:预算|安排)?(?:资金|经费)?$")
_TAKEN_OFF = lazy(_WHEN_WHY + r"(?:调减|核减)(?:了)?(?:预算|安排)?(?:资金|经费)?$")
_ADJUSTED = lazy(r"^[，,\s]*(?:全年|调整后)(?:预算|安排)?(?:数|资金)?(?:调整)?(?:为)?$")


def _added(text: str, sentences) -> list[Listing]:
    """A budget adjusted in one sentence (年初预算 a，年中追加 b，全年预算 c; 年初预算 a，追加 b，调减 d，
    全年预算 c): the 全年 (调整后) 预算 is the 年初 one and what was added, less what was taken off (调减,
    核减, 收回), each said in turn, maybe with when and why (6月根据工作需要申请追加 b); nothing else taken
    off in the sentence (减少, 调出: what became of it)."""
    out = []
    for start, end, figs in sentences:
        if any(w in text[start:end] for w in ("减少", "调出", "其中", "含", "获批")):
            continue  # (其中上级追加 a…, （含…追加 b）, 实际获批追加 c: the addition's parts or its fate)
        for i, a in enumerate(figs):
            if not _INITIAL.search(a.label):
                continue
            steps, k = [], i + 1
            while k < len(figs) and (_ADDED_WHY.match(figs[k].label) or _TAKEN_OFF.match(figs[k].label)):
                steps.append(figs[k] if not _TAKEN_OFF.match(figs[k].label)
                             else replace(figs[k], value=-figs[k].value))
                k += 1
            if not steps or k >= len(figs) or not _ADJUSTED.match(figs[k].label):
                continue
            c, taken = figs[k], sum(f.value < 0 for f in steps)
            if taken and (taken == len(steps) or "调整" in c.label) or not all(
                    f.is_point and family(f.unit) == "money" for f in (a, *steps, c)):
                continue  # (only taken off, 年初 a，调减 d，全年 c, or both ways to a 调整后预算: the
                # moves the difference kind reads)
            out.append(Listing(c, (a, *steps), True))
    return out


_BRACKET_REACH = 300  # parentheses holding a breakdown close within it: a long line costs linear time


# 含税价 X, 含上年结转后可用资金 X, 含追加后全年 X: the amount another way, no part of it
_NOT_HELD = lazy(r"税|后|可用|全年|总|合计|累计|在内")


def _held_once(words, text: str, total: Figure, part: Figure, close: int) -> bool:
    """Whether ``X（含 A a）`` holds one part of X, no more than it: a of X's unit (a count of the same
    word), named, the bracket saying nothing after it, no change, plan or year's (含上年结转 a is a part)."""
    same = part.unit == total.unit if total.unit in precision.COUNT_UNITS \
        else family(part.unit) == family(total.unit) == "money"
    named = part.label.replace("上年结转", "")
    return same and part.is_point and bool(labels.core(part.label)) and not _NOT_HELD.search(part.label) \
        and not text[part.end : close].strip(" 等") and not _changes(words, part) \
        and not _NOT_BRACKETED.search(named) and not re.search(r"\d", text[total.end + 1 : part.start])


def _bracketed(words, text: str, sentences) -> list[Listing]:
    """A total and its parts in the parentheses right after it: ``基本支出 850.00万元（人员经费 690.00万元、
    公用经费 160.00万元）``. Every figure in them a point of the total's unit family, two or more, each named
    and joined to the next as items are (、 ， ； 和 及); none a change, a plan or outturn beside the total's
    measure, a year's or an average (上年, 预算, 2023年, 人均: a comparison, not a breakdown), nor nested in
    parentheses of its own. Parentheses that hold a parts or total word (（其中：…）) are read as
    :func:`_listing` reads them. Such a listing names parts, not all of them unless their names make the
    whole (the sum check's rule). Only breakdowns by definition are read so (:func:`_known`), or a total
    so named (总投资, 共计): a bracket also holds averages, maxima, overlapping groups and two measures of one
    amount; or three items or more of one kind after 含 (X（含 A收入 a、B收入 b、C收入 c）), joined alike."""
    out = []
    for _start, end, figs in sentences:
        for k, total in enumerate(figs):
            if (not total.is_point or family(total.unit) in ("ratio", "")
                    or text[total.end : total.end + 1] not in ("（", "(")):
                continue
            reach = min(end, total.end + 1 + _BRACKET_REACH)
            close = _closing(text, total.end + 1, reach)
            inner = _EACH_SHARE.sub("", text[total.end + 1 : close])  # (A a、占总支出 p: a part's share)
            holds = inner.lstrip().startswith(("含", "包含", "内含"))  # （含 A a、B b、C c）: some of it
            if close >= reach or words.parts.within(inner) or words.totals.within(inner):
                continue
            listed = list(itertools.takewhile(lambda f, close=close: f.end <= close, figs[k + 1 : k + 40]))
            shares = {m.end() for m in _EACH_SHARE.finditer(text, total.end + 1, close)}
            listed = [f for f in listed if f.end not in shares]  # (A a、占总支出 p，B b，占总支出 q)
            if holds and len(listed) == 1 and _held_once(words, text, total, listed[0], close):
                out.append(Listing(total, (listed[0],), False, unsaid=True))  # X（含 A a）: a within X
                continue
            if (len(listed) < 2 or "（" in inner or "(" in inner
                    or not all(f.is_point and family(f.unit) == family(total.unit) for f in listed)
                    or re.search(r"\d", text[total.end + 1 : listed[0].start])
                    or _EACH_SHARE.sub("", text[listed[-1].end : close]).strip(" 等")):
                continue
            if holds:  # （含 A a、B b、C c，D d）: the items joined alike, D another level's
                joins = [text[a.end : b.start].strip()[:1] for a, b in zip(listed, listed[1:])]
                listed = listed[: 1 + next((i for i, j in enumerate(joins) if j != joins[0]), len(joins))]
            names = [labels.core(f.label) for f in listed]
            if (not all(names) or any(_changes(words, f) or _NOT_BRACKETED.search(f.label) for f in listed)
                    or not all(_separated(_EACH_SHARE.sub("", text[a.end : b.start]))
                               for a, b in zip(listed, listed[1:]))
                    or not (_known(names) or _SO_NAMED.search(labels.core(total.label)[-6:])
                            and not any(_STAGE.search(n) for n in names)) and not holds
                    or holds and not _known(names) and (len(listed) < 3 or len({n[-2:] for n in names}) != 1
                                  or any(_STAGE.search(n) for n in names)
                                  or precision.total(listed, total.unit).lo > precision.interval(total).hi
                                  and not _within_a_digit(total, listed))
                    or "；" in inner or ";" in inner):
                continue  # (总共投资 X（A a，B b，C c）: a total so named, its items in the brackets;
                # （含设备购置 a、信息化 b）: what it holds may overlap, unless three items or more of one
                # kind: （含均衡性转移支付收入 a、结算补助收入 b、其他…收入 c）, none a stage (已拨付), not
                # beyond the total but by one digit (基本支出、项目支出、政府采购支出 overlap)
            out.append(Listing(total, tuple(listed), False))
    return out


def _kinds_after(text: str, sentences) -> list[Listing]:
    """A total followed in its sentence by the parts that make it by definition, a clause each and nothing
    else between (政府债务余额 X，一般债务余额 a，专项债务余额 b; 一般公共预算收入 X，税收收入 a，非税收入
    b): each part's name one of the kinds (:func:`_of_kinds`; not levels, 中央 a，省级 b: a 其中 list's
    items) ending as the total's name ends, and no more amounts of that ending after them in the sentence."""
    out = []
    for _start, _end, figs in sentences:
        for k, total in enumerate(figs):
            if not total.is_point or family(total.unit) != "money":
                continue
            end = labels.core(total.label)[-2:]
            run = []
            for f in figs[k + 1 : k + 1 + _REACH_PARTS]:
                gap = text[(run[-1] if run else total).end : f.start]
                if f.unit != total.unit or not f.is_point or not _CLAUSE_NAME.fullmatch(gap) \
                        or not labels.core(f.label).endswith(end):
                    break
                run.append(f)
            names = [labels.core(f.label) for f in run]
            if len(end) == 2 and 2 <= len(run) <= 3 and _of_kinds(names) \
                    and not any(_CHANGED.search(n) for n in names):
                out.append(Listing(total, tuple(run), False))
    return out


_LEFT_PART = lazy(r"剩余|结余|尚余|节余|结转|余额")
_MOVED_BY = lazy(r"调增|调减|调增了|调减了")  # A 调整为 a，调增 c: the part's own move, no part
_MOVED_TO = lazy(r"调整(?:为|到|至)?|变更为")  # A 由年初的 a 调整为 a′: the part's new value
_CLAUSE_NAME = lazy(r"\s*[，,]\s*[\u4e00-\u9fff“”]{2,16}?\s*(?:为|是|达)?\s*")  # ，一般债务余额
_EACH_SHARE = lazy(r"[、，,]\s*占[\u4e00-\u9fff]{0,10}?\d+(?:\.\d+)?%")  # a part's share after it
_SO_NAMED = lazy(r"合计|总计|共计|总共|总投资|共投资")  # 总共投资 X（A a，B b）: brackets breaking X down
_STAGE = lazy(r"^已|到位|支出|拨付|执行|完成|结余|剩余")  # (总预算 X（已到位 a、已支出 b）: stages, no parts)
_KINDS = (("人员", "公用"), ("基本支出", "项目支出"), ("货物", "工程", "服务"), ("税收收入", "非税收入"),
          ("购置", "运行"), ("一般债务", "专项债务"), ("一般债券", "专项债券"),
          ("行政", "事业"), ("行政", "事业", "工勤"), ("在职", "退休"), ("男", "女"))  # (people by kind)
_LEVELS = lazy(r"^(?:中央|省级?|市级?|县级?|区级?|乡镇?级?|本级|自筹|社会)[^，,、]{0,6}"
                     r"(?:资金|补助|配套|投入|拨款)")


def _known(names: list[str]) -> bool:
    """Whether the names in parentheses make a breakdown by definition: 人员经费 and 公用经费 (or 支出),
    基本支出 and 项目支出, 货物, 工程 and 服务, 税收收入 and 非税收入, a car's 购置 and 运行, people by
    kind (行政 and 事业 with or without 工勤, 在职 and 退休, 男 and 女), 地上 and 地下, each once; a
    department's 本级 first and its units after it; taxes, each named once (增值税, 企业所得税, …); or the
    levels a fund comes from (中央资金, 省级补助, 县级配套)."""
    if _of_kinds(names):
        return True
    if len(names) == 2 and names[0].startswith("地上") and names[1].startswith("地下") \
            and names[0][2:] == names[1][2:]:
        return True  # 地上 a、地下 b; 地上建筑面积 a、地下建筑面积 b: one thing above and below ground
    if names[0].endswith("本级") and not any("本级" in n for n in names[1:]):
        return True  # 指挥部本级 a，服务中心 b: a department's own level and its units
    if len(set(names)) == len(names) and all(_TAX.search(n) for n in names):
        return True  # 税收收入 X（增值税 a、企业所得税 b、…）: taxes, each a part of the revenue once
    return all(_LEVELS.match(n) for n in names)


_TAX = lazy(r"(?<![退减免缓抵])税$")  # a tax (增值税, 城镇土地使用税), not a refund or relief (留抵退税)


def _of_kinds(names: list[str]) -> bool:
    """Whether the names are the kinds of one of :data:`_KINDS`, each name one kind and each kind named
    once (not 购置及运行费 alone, holding two)."""
    return any(len(names) == len(kinds) and all(sum(k in n for n in names) == 1 for k in kinds)
               and all(sum(k in n for k in kinds) == 1 for n in names) for kinds in _KINDS)


def _separated(between: str) -> bool:
    """Whether two amounts in parentheses are separated as items are (、 ， ； 和 及, then a name)."""
    joined = any(w in between for w in ("、", "，", ",", "；", ";", "和", "及"))
    return joined and not re.search(r"\d", between)


def _respective(words, text: str, sentences) -> list[Listing]:
    """``收入合计500.00万元，分别为：财政拨款收入400.00万元、其他收入100.00万元``: a total by its words (合计,
    共 …) then, opening the next clause, 分别为 and the amounts it is made of — every part, so the listing
    is complete (when 等 follows the last part, it names some: no listing); after an amount named by no
    total word (项目预算资金 X，分别为：中央…), parts as a 其中 lists them, maybe some. 分别为 after anything
    else lists parallel values (预算数和执行数分别为 …), read as no listing."""
    out = []
    for index, (start, end, figs) in enumerate(sentences):
        for word in ("分别为", "分别是"):
            pos = text.find(word, start, end)
            while pos != -1:
                k = bisect.bisect_right(figs, pos, key=_end) - 1  # the last figure ending before it
                last = figs[k] if k >= 0 else None
                if (last is not None and last.is_point and family(last.unit) not in ("ratio", "")
                        and pos - last.end <= 3 and text[last.end : pos].strip() in ("，", ",")):
                    whole = words.totals.within(last.label.replace("公共", ""))
                    for listing in _listing(words, text, sentences, index, pos, word):
                        if listing.total is last and len(listing.parts) >= 2:
                            parts = _adding_prefix(text, last, listing.parts)  # (…a，分别为 A a1、B a2，
                            if "等" not in text[parts[-1].end : parts[-1].end + 2]:  # C c: C, a's sibling)
                                if whole or not any(_MEASURED.search(p.label) for p in parts):
                                    out.append(Listing(last, parts, whole))
                pos = text.find(word, pos + len(word), end)
    return out


def _shared(text: str, figs, parts) -> bool:
    """Whether two parts or more read as one whole's (在 X 中，A a，占 p；B b): none named by what was done
    with money (已拨付 a, 到位 a, 结转资金支出 a: another measure of X, or another whole's), no rate but a
    share between them, and their shares, where stated, adding up to 100% at most (not 130%: two
    breakdowns)."""
    if len(parts) < 2 or any(_DONE_WITH.search(p.label) for p in parts):
        return False
    rates = [f for f in figs if f.unit == "%" and parts[0].start < f.start < parts[-1].end + 40]
    shares = []
    for rate in rates:
        if _SHARE_WORD.match(rate.label):
            shares.append(rate)
        elif not _MOVED_RATE.search(rate.label):
            return False  # (已拨付 a，拨付率 r；…: a rate of its own, a status, no share nor growth)
    return sum(f.value for f in shares) <= _OVERLAPPING


_MOVED_RATE = lazy(r"增长|下降|增加|减少|比上年|较上年|同比")  # a part's growth, said beside it
_OVERLAPPING = 110  # shares adding up beyond it: two breakdowns of one whole (60% + 40% + 30%), not one
_DONE_WITH = lazy(r"已|拨付|到位|支付|结转|结余|执行|完成")
_A_PART = lazy(r"\s*[，,]?\s*其中")  # a total that is itself a part (其中财政资金 a，…)
_SHARE_WORD = lazy(r"[\s，,（(]*(?:占|比重|占比)")  # a share's label


def _adding_prefix(text: str, total: Figure, parts) -> tuple:
    """``parts`` cut to the first two or more, joined by 、 or 和, that make ``total`` exactly when all of
    them do not and a comma stands before the rest (the parts of a part, then its siblings: 财政资金 a，
    分别为 A a1、B a2，自筹资金 b)."""
    whole = precision.interval(total)
    if precision.total(parts, total.unit).meets(whole):
        return tuple(parts)
    apart = [bool(re.search("[，,；;]", text[a.end : b.start])) for a, b in zip(parts, parts[1:])]
    k = next((k for k in range(2, len(parts)) if precision.total(parts[:k], total.unit).meets(whole)
              and apart[k - 1] and not any(apart[: k - 1])), None)
    return tuple(parts[:k]) if k else tuple(parts)


_REACH_PARTS = 40  # the figures before a total looked at for its parts (linear in a long paragraph)
# what a block needs to hold one
_TRAILING_SIGNS = ("分别", "由", "、", "和", "及", "合计", "共计", "总计", "累计", "决算结果", "总得分",
                   "总分", "综合得分", "共扣")
# a whole score after its groups' (履职效能得分 a，管理效率得分 b，自评总得分 t): its parts, maybe not all
_SCORE_TOTALS = ("总得分", "自评总得分", "综合得分", "总分", "自评总分", "综合评分")
_SUMMED_NAME = lazy(r"[\u4e00-\u9fff]{2,8}(?:合计|总计)为?")
_TRAILING = ("合计", "共计", "累计", "总计", "共", "合计为", "共计为", "累计为", "总计为", "总额为", "总额")
_SUMMED = ("合计", "共计", "总计", "收入总计", "支出总计", "收入合计", "支出合计",  # after named amounts
           "收入决算结果", "支出决算结果")  # (a government's: A a，B b，收入决算结果 T)


def _end(figure: Figure) -> int:
    return figure.end


# 加上 a, ；加 a, ，加：a, 加 then funds: an amount added on (not 加班费, 加强, 加装, 加固: verbs)
_FUNDS_ADDED = (r"上级|上年|调入|动用|债务|转贷|返还|转移|补助|一般性|专项|中央|省|市|地方政府"
                r"|预算稳定|结转|结余|税收|非税|政府性|国有|[区县镇乡]对")
_ADDED_ON_WORD = r"加(?:上|[：:]|(?=" + _FUNDS_ADDED + r"))"
_ADDED_ON = lazy(_ADDED_ON_WORD)

_OPEN_LIST = lazy(r"\s*等")
# …，收入总计 T; …后，一般公共预算总收入 T; …，2023年一般公共预算总收入预计为 T (not 减全年财政总支出 d);
# …，合计收入 T
_CLOSES_CHAIN = lazy(r"(?:总计|合计|共计|总量)为?$|(?:^(?:(?:19|20)\d\d年度?)?|后[，,]?)(?!加|减)"
                     r"[\u4e00-\u9fff]{0,14}(?:总收入|总支出|财力)(?:预计|预期)?为?$"
                     r"|^(?:合计|共计|总计)(?:收入|支出|财力)(?:总量)?为?$")
_ADDED_AFTER = lazy(r"[；;]\s*" + _ADDED_ON_WORD)


def _plus(text: str, sentences) -> list[Listing]:
    """A total reached by adding to an amount (一般公共预算收入 X。加上上级补助收入 a，债务转贷收入 b，
    上年结转 c，收入总计 T; 加 a, 加：a): T is X and what 加 lists, each amount of the unit up to the total
    but asides in brackets (X the last amount before 加 in its sentence, or the sentence before in the
    paragraph); complete. When a part of X (其中 A a) stands between, added to X or to A is not said: T is
    judged over X only when it holds over no part. What is taken away on the way (；减去调出资金 d) counts
    against T up to the next 加; T may be named 总收入 after 后 or a year (…后，一般公共预算总收入 T); X
    may be stated before a sentence of its 其中 parts (X。其中：A a；B b。加上…). A
    sentence holding two such chains apart by a semicolon (…后，总收入 T；…支出 Y，加上…后，总支出 U) is read
    a clause at a time."""
    out = []
    sentences = [clause for sentence in sentences for clause in _chains(text, sentence)]
    for index, (start, end, figs) in enumerate(sentences):
        at = next((m.start() for m in _ADDED_ON.finditer(text, start, end)
                   if _opens_clause(text, start, m.start())), -1)
        if at < 0:
            continue
        after = [f for f in figs if f.start > at]
        total = next((f for f in after if _closes_chain(text, f)), None)
        if total is None and index + 1 < len(sentences) and _SUMS_UP.match(text, sentences[index + 1][0]):
            # 加上…，调入资金 d。合计一般公共预算收入总量为 T: the total opening the sentence after
            nxt = sentences[index + 1][2]
            total = nxt[0] if nxt and _closes_chain(text, nxt[0]) else None
            after = [*after, *nxt[:1]]
        if total is None or not total.is_point:
            continue
        fam = family(total.unit)
        adds = [f for f in after if f.start < total.start and family(f.unit) != "ratio"]  # (增长 p%: no sum)
        if any(family(f.unit) != fam for f in adds):
            continue  # (加上级补助收入3/4亿元: an amount read without its unit, the chain not read whole)
        adds = [f for f, h in zip(adds, labels.inside(text, at, [f.start for f in adds])) if not h]
        # (安排预算稳定调节基金 a（累计稳定调节基金 b），支出合计 T: b is an aside, no amount added)
        back = index - 1  # X，增长 p。其中：A a；B b。加上…后，收入总计 T: added to X, past its 其中 sentence
        if back >= 1 and _OPENS_PARTS.match(text, sentences[back][0]) and not any(f.start < at for f in figs):
            back -= 1
        elif back >= 2 and not any(f.start < at for f in figs):
            parted = _parts_going_on(text, sentences, back, fam)
            if parted is False:
                continue  # (X。其中 A a。B b。加上…: the parts do not make X, so what is added to is unsaid)
            back = parted if parted is not None else back
        opened = start if any(f.start < at for f in figs) else sentences[back][0] if index else start
        before = [f for f in figs if f.start < at] or (sentences[back][2] if index else [])
        before = [f for f in before if not _CHANGE_WORD.search(f.label) and family(f.unit) == fam
                  and not labels.RATE_BASE.match(text, f.end)]  # (比上年增加 X, 为 P%, 预算 Y 的: none)
        if before:  # (财力 X（含市拨专款 a），加…: X, not the aside)
            hidden = labels.inside(text, before[0].start, [f.start for f in before])
            before = [f for f, h in zip(before, hidden) if not h]
        split = text.find("其中", opened, at)
        if split >= 0:  # X，其中 A a，B b；加 c，…，合计 T: added to X or to a part of it, not said; T is
            # judged over X only when it holds over none of them
            whole = [f for f in before if f.start < split]
            closed = max(text.rfind("；", split, at), text.rfind(";", split, at))
            if not whole or any(precision.total([f, *adds], total.unit).meets(precision.interval(total))
                                for f in before if f.start > split) \
                    or closed >= 0 and any(f.start > closed for f in before):
                continue  # (X，其中 A a，B b；C c，加 d，合计 T: C beside X after the list, added too)
            before = whole
        before = [f for f in before if not _ADJUSTED_AMOUNT.search(text, max(0, f.start - 40), f.start)]
        # (X，剔除…一次性因素后，为 X′，增长 P%；加…: X′ restates X on another footing, X is added to)
        mine = [f for f in figs if f.start < at]
        named = _NAMED_CUT.match(labels.core(mine[0].label)) if mine \
            else _NAMED_BASE.fullmatch(text, start, at)
        if named:  # 一般公共财政预算收入，加上…; 一般公共预算收入扣减上缴 d，加上…: the amount of
            name = _PLAIN_FUND.sub("公共预算", named.group(1))  # that name said before is the base, or none
            said = [f for _s, _e, earlier in sentences[max(0, index - 3) : index] for f in earlier
                    if family(f.unit) == fam and not _CHANGE_WORD.search(f.label)]
            cores = [(f, _PLAIN_FUND.sub("公共预算", labels.core(f.label))) for f in said]
            named = [(f, core[core.find(name) + len(name) :]) for f, core in cores if name in core]
            planned = any(_PLANNED_AFTER.search(tail) for _f, tail in named)
            before = [] if planned else [f for f, _t in named][-1:]
            # (…收入年初预算为 B，实际完成 X: which of the two the chain adds to is not said)
            if mine:
                adds = [replace(mine[0], value=-mine[0].value), *adds] if len(mine) == 1 and before else []
        if len(before) >= 2 and ((share := _SHARE_NAMED.match(text, before[-1].end)) and any(
                share.group(1) in labels.core(f.label) for f in before[:-1])
                and not _PLANNED.search(share.group(1)) or _BARE_SHARE.match(text, before[-1].end)):
            before = before[:-1]  # X，…，税收收入 a，占一般公共预算收入比重 p (占比 p)。加…: a is X's part
            # (not 预算 X，完成 Y，占预算的 p：Y is X's outturn, what is added to)
        base = before[-1] if before else None
        if base is None or len(adds) < 1 or not all(f.is_point and family(f.unit) == fam
                                                    for f in (base, *adds)):
            continue
        added_before = _added_before(text, before, opened)
        if added_before and all(f.is_point for f in added_before) \
                and not precision.total([base, *adds], total.unit).meets(precision.interval(total)):
            base, adds = added_before[0], [*added_before[1:], *adds]  # X，动用…基金 d，加上级补助 a，合计 T
        # (；加 c, ；减去 d: the chain going on; 年终结余 a（其中：本级 b）: a's own breakdown)
        between = _ASIDES.sub("", _TAKEN_AWAY.sub("", _ADDED_AFTER.sub("加", text[at:total.start])))
        if any(w in between for w in ("其中", "减去", "扣除", "；", ";")):
            continue
        if _OPEN_LIST.match(text, adds[-1].end):
            continue  # …，动用预算稳定调节基金 d 等，收入总量为 T: more added than listed
        # …；减去调出资金 d，…，收入总计 T: what is taken away counts against the total, up to the next 加
        taken = [m.start() for m in _TAKEN_AWAY.finditer(text, at, total.start)]
        taken = [k for k, h in zip(taken, labels.inside(text, at, taken)) if not h]  # (not （已扣除…）)
        added = [m.start() for m in _ADDED_ON.finditer(text, at, total.start)]
        adds = [replace(f, value=-f.value) if max((k for k in taken if k < f.start), default=-1)
                > max((k for k in added if k < f.start), default=-1) else f for f in adds]
        if labels.core(total.label).endswith("财力") and any(f.value > 0 and _PAID_OUT.search(f.label)
                                                              for f in adds):
            continue  # …，上解上级支出 d，可用财力 T: what a 财力 pays out, said with no 减 (which way?)
        out.append(Listing(total, (base, *adds), True, owns=False))
        out += _chain_goes_on(text, figs, total, end, fam)
    return out


def _parts_going_on(text: str, sentences, back: int, fam: str):
    """Where the amount a chain adds to stands when the sentence before the chain goes on with the 其中 parts
    of an amount said before them (X，增长 p。其中，A a，增长 q。B b，增长 r。加上…: X, the sentence before
    the 其中 one): that sentence's index when the parts make X, False when they do not (added to X or to
    B is not said), None when no 其中 sentence opens one or two sentences before (the chain's own base)."""
    opened = next((k for k in (back - 1, back - 2) if k >= 1 and _OPENS_PARTS.match(text, sentences[k][0])),
                  None)
    if opened is None:
        return None

    def amounts(k: int) -> list:
        return [f for f in sentences[k][2] if family(f.unit) == fam and not _CHANGE_WORD.search(f.label)
                and not labels.RATE_BASE.match(text, f.end)]

    head = amounts(opened - 1)
    parts = [f for k in range(opened, back + 1) for f in amounts(k)]
    if len(head) != 1 or len(parts) < 2 or any(not f.is_point for f in (*head, *parts)):
        return False
    return opened - 1 if precision.total(parts, head[0].unit).meets(precision.interval(head[0])) else False


def _chain_goes_on(text: str, figs, total: Figure, end: int, fam: str) -> list[Listing]:
    """A chain going on from its total to a second one (…，一般预算总收入 T，加上年结余 c，加调入资金 d，再加…
    e，收入总计 U): U is T and what the second run adds, every step opening with 加 (none taken away)."""
    at = _ADDED_ON.match(text, total.end + 1) if text[total.end : total.end + 1] in "，," else None
    if at is None:
        return []
    after = [f for f in figs if f.start > at.start() and f.start < end]
    last = next((f for f in after if _closes_chain(text, f)), None)
    if last is None or not last.is_point or family(last.unit) != fam or any(
            a in labels.core(total.label) and b in labels.core(last.label) for a, b in labels.OPPOSITES):
        return []  # (…总收入 T，加…，支出总计 U，收支相抵…: the other side's total, no step of the chain)
    adds = [f for f in after if f.start < last.start]
    steps = _ADDED_ON.findall(text, at.start(), last.start)
    if not adds or len(steps) != len(adds) or _TAKEN_AWAY.search(text, at.start(), last.start) \
            or not all(f.is_point and family(f.unit) == fam for f in adds) \
            or any(labels.inside(text, at.start(), [f.start for f in adds])):
        return []  # (one 加 a step: 加上年结余 c，加调入资金 d，再加… e; nothing bracketed, nothing less)
    return [Listing(last, (total, *adds), True, owns=False)]


_PAID_OUT = lazy(r"上解|支出|调出|还本")


_OPENS_PARTS = lazy(r"\s*其中\s*[：:，,]?")


_SUMS_UP = lazy(r"\s*(?:合计|共计|总计)(?![为是：:，,\d])")  # 合计一般公共预算收入总量为 T (not 合计为 T)


def _opens_clause(text: str, start: int, at: int) -> bool:
    """Whether 加 at ``at`` opens its clause (，加上 a; ，再加上 a; or the sentence; 加上 right after a rate,
    the comma a converter lost: 完成调整预算的96.71%加上…)."""
    if at - 1 >= start and text[at - 1] == "再":
        at -= 1
    glued = text[at - 1] in "%％" and text.startswith("加上", at)
    return at == start or text[at - 1] in "，,；;。 \t" or glued


def _closes_chain(text: str, figure: Figure) -> bool:
    """Whether a figure is what a chain adds up to: named a total (收入总计, …后，总收入, 年度可用财力), or a
    side named with 共计 between the name and its amount (支出共计 T)."""
    core = labels.core(figure.label)
    said = _CHAIN_SUMMED.search(text, max(0, figure.start - 4), figure.start)
    return bool(_CLOSES_CHAIN.search(core)) or core.strip(" ，,").removesuffix("为") in ("总收入", "总支出") \
        or bool(_CHAIN_SIDE.search(core) and said)


_CHAIN_SIDE = lazy(r"(?:收入|支出|财力)$")
_CHAIN_SUMMED = lazy(r"(?:共计|总计|合计)为?\s*$")
_NAMED_BASE = lazy(r"\s*([\u4e00-\u9fff]{4,16})\s*[，,]\s*")  # a sentence opening with a name alone
_PLANNED = lazy(r"(?:预算|预算数|计划|任务|目标)$")  # 占预算的 p: an outturn's rate of its plan, no part
# 一般公共预算收入扣减上缴 d: a name, less d (not 扣除…后为 X: what is left, X)
_NAMED_CUT = lazy(r"([\u4e00-\u9fff]{4,16}?)(?:扣减|扣除|减去)(?![^，,。；;]*后)")
_PLANNED_AFTER = lazy(r"预算|计划|目标")
_PLAIN_FUND = lazy(r"公共财政预算|公共财政")
_ADDED_FIRST = lazy(r"[，,]?\s*(?:" + _FUNDS_ADDED + r")")


def _added_before(text: str, before: list[Figure], opened: int) -> list[Figure]:
    """The amounts a chain adds up before its 加, when the last before it is itself added on, named by a
    fund's word as 加's are (收入 X，动用预算稳定调节基金 d，加上级补助收入 a，收入合计 T: X, d), or taken
    away (X，扣减体制结算上缴 d，加上…: X, −d), from the sentence's first amount; [] when not so."""
    k = len(before) - 1
    while k > 0 and (_ADDED_FIRST.match(labels.core(before[k].label)) or _TAKEN_AWAY.match(before[k].label)):
        k -= 1
    if k == len(before) - 1 or before[k].start < opened:
        return []
    return [before[k], *(replace(f, value=-f.value) if _TAKEN_AWAY.match(f.label) else f
                         for f in before[k + 1 :])]  # (X，扣减上缴 d，加上…: d taken away)


def _chains(text: str, sentence) -> list:
    """A sentence, or its clauses apart by semicolons when two of them or more are whole chains (加上…后，
    总收入 T；…加上…后，总支出 U)."""
    start, end, figs = sentence
    cuts = [start, *(m.end() for m in _SEMI.finditer(text, start, end)), end]
    clauses = list(zip(cuts, cuts[1:]))
    if len(clauses) < 2:
        return [sentence]
    starts = [f.start for f in figs]
    mine = [figs[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)] for a, b in clauses]
    whole = [a for (a, b), own in zip(clauses, mine) if _ADDED_ON.search(text, a, b)
             and any(_CLOSES_CHAIN.search(labels.core(f.label)) for f in own)]
    if len(whole) < 2:  # (加 a；减去 b；加 c，总收入 T: one chain over its clauses)
        return [sentence]
    return [(a, b, own) for (a, b), own in zip(clauses, mine)]


_TAKEN_AWAY = lazy(r"[；;，,]?\s*(?:减去|扣除|扣减|减[：:]"
                   r"|(?<=[，,；;])减(?=上解|支出|调出|安排|补充|债务|专项))")  # (，减上解支出 d)
_ADJUSTED_AMOUNT = lazy(r"(?:剔除|扣除)[^。；;]{0,30}?后[，,]?\s*(?:为|是|达)?\s*$")
_ASIDES = lazy(r"[（(][^（()）]*[）)]")
_BARE_SHARE = lazy(r"\s*[，,]\s*(?:占比|比重)(?:为|达)?\s*\d")
_SHARE_NAMED = lazy(r"\s*[，,]\s*占(?:全年|当年|本年)?([\u4e00-\u9fff]{2,16}?)(?:的)?(?:比重|比例|%|\d)")


def _chain(text: str, sentences) -> list[Listing]:
    """A balance written out as a chain (完成财政收入 a、上级补助收入 b、上年结余结转 c，减：支出 d、上解支出
    e，年末财政滚存结余 R; 收入 a，减：支出 d，加：上年结余 c，结余 R; 收入 a，减支出 d，减上解 e，结转下年
    支出 R): R is what the amounts before it give, each added or taken away as the last 加/减 before it
    says (减 in its own clause, or 减： over its list until 加). R is the chain's last amount, named a
    balance (结余, 结转下年), with no operator of its own; the amounts are all money, none in brackets nor
    approximate; a chain runs to a ；(…结余 X；年初基金结余 a，加…) or to its result's own 其中."""
    out = []
    for start, end, figs in sentences:
        if "减" not in text[start:end]:
            continue
        cuts = [start, *(m.end() for m in _SEMI.finditer(text, start, end)), end]
        starts = [f.start for f in figs]
        for lo, hi in zip(cuts, cuts[1:]):
            mine = figs[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
            found = _chained(text, lo, hi, mine)
            if found is not None:
                out.append(found)
    return out


def _chained(text: str, lo: int, hi: int, figs) -> Listing | None:
    ops = list(_OPERATOR.finditer(text, lo, hi))
    if not ops or "其中" in text[lo : ops[0].start()]:
        return None  # (X，其中 A a，…: a breakdown before any 减, no chain)
    stop = text.find("其中", ops[-1].end(), hi)
    stop = hi if stop < 0 else stop  # (R，其中：a，b: R's own parts after it)
    money = [f for f in figs if f.start < stop and family(f.unit) == "money"]
    inner = labels.inside(text, lo, [f.start for f in money])
    money = [f for f, h in zip(money, inner) if not h]
    if len(money) < 3 or not all(f.is_point for f in money):
        return None  # (约1670万元 among them: no sum to hold it to)
    if _OPERATOR.search(text, money[-1].end, stop) or not _BALANCE.search(labels.core(money[-1].label)) \
            or _OPERATOR.search(text, money[-2].end, money[-1].start):
        # 收入总计 T，减支出总计 S，财政滚存结余 R，减结转下年支出 d，净结余为零: the first balance is the
        # result of the amounts before it, what follows a chain of its own
        first = next((k for k, f in enumerate(money) if k >= 2 and _BALANCE.search(labels.core(f.label))
                      and not _OPERATOR.search(text, money[k - 1].end, f.start)), None)
        if first is None:
            return None
        money = money[: first + 1]
    result, parts, sign, last = money[-1], [], 1, lo
    for f in money[:-1]:
        taken = list(_OPERATOR.finditer(text, last, f.start))
        if taken:
            sign = -1 if taken[-1].group().startswith(("减", "扣")) else 1
        parts.append(replace(f, value=-f.value) if sign < 0 else f)
        last = f.end
    if _OPERATOR.search(text, last, result.start) or not any(p.value < 0 for p in parts) \
            or not any(p.value > 0 for p in parts):
        return None  # (…，减结余 R: the last is taken away, not what is left)
    return Listing(result, tuple(parts), True, owns=False)


# 减 bare only opening its clause (，减全年支出 d, ，减支出总计 S), never inside a word (节能减排, 防灾减灾,
# 压减) nor as one (减支 c, 减收 c)
_OPERATOR = lazy(r"减[：:]|减去|扣除|(?<=[，,；;：:\s])减(?=[\u4e00-\u9fff])"
                 r"(?!少|收|支(?!出)|免|税|半|轻|缓|员)|加[：:]|加上")
_BALANCE = lazy(r"结余|结转下年|滚存")


def _balanced(text: str, sentences, earlier: list[Figure], texts: dict[int, str]) -> list[Listing]:
    """收入总计 T。…支出总计 S。收支相抵，结转下年 X: T is S and X (the nearest 收入总计 and 支出总计
    before it in the paragraph, among the 40 amounts before it; or 收入合计, a government's 收入决算结果, a
    bare 总收入 …); when its sentence opens with it (上述收支相抵，年终结余 X), in the ``earlier`` paragraphs'
    amounts too."""
    out = []
    figs = [f for _s, _e, fs in sentences for f in fs]
    starts = [f.start for f in figs]
    for m in re.finditer("收支相抵", text):
        k = bisect.bisect_left(starts, m.end())
        left = figs[k] if k < len(figs) else None
        if left is None or left.start - m.start() > 12 or not _CARRIED_ON.search(labels.core(left.label)):
            continue
        before = figs[max(0, k - 40):k]
        opened = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
        if _OPENS_BALANCE.fullmatch(text, opened, m.start()) \
                and not all(any(_whole(f.label, side) for f in before) for side in (_SPENT_ALL, _INCOME_ALL)):
            # 收入合计 T。⏎支出合计 S。⏎上述收支相抵，年终结余 X: the year's balance (not a stock,
            # 年末结转结余, 滚存结余), of one account (not 上述 over two funds' totals)
            sides = [[f for f in earlier if _whole(f.label, side)] for side in (_SPENT_ALL, _INCOME_ALL)]
            if not _YEARS_BALANCE.search(labels.core(left.label)) or any(len(side) > 1 for side in sides):
                continue
            before = (earlier + before)[-40:]
        spent = next((f for f in reversed(before) if _whole(f.label, _SPENT_ALL)), None)
        income = next((f for f in reversed(before) if _whole(f.label, _INCOME_ALL)), None)
        if (spent is None or income is None) and _YEARS_BALANCE.search(labels.core(left.label)):
            income, spent = _fund_pair(text, sentences, m.start()) or (income, spent)
        if spent is None or income is None or (income.block, income.start) > (spent.block, spent.start) \
                or not all(f.is_point and f.unit == left.unit for f in (spent, income, left)):
            continue
        if any(f.block != left.block and _HOLDS_BALANCE.match(texts[f.block], f.end)
               for f in (spent, income)):
            continue  # 支出总计 S（含年末结转结余 b）: the balance already inside the totals
        between = text[left.end:figs[k + 1].start] if k + 1 < len(figs) else "。"
        if family(figs[k + 1].unit if k + 1 < len(figs) else "") == family(left.unit) \
                and not any(c in between for c in "。；;") and "其中" not in between:
            continue  # 收支相抵，结转下年 X，补充预算稳定调节基金 Y: more than one use (其中 a, b: its parts)
        out.append(Listing(income, (spent, left), True, owns=False))
    return out


def _left_after(sentences) -> list[Listing]:
    """A sentence opening with what the year leaves (结转下年 X, 年终结余 X) right after the sentence that
    closes both sides of the account (…收入合计 T；…支出合计 S。结转下年 X): T is S and X, when T exceeds S
    (equal sides carry nothing over: a 支出合计 that holds the carry-over already); so is one closing the
    sentence of the two totals, right after them (总收入 T，总支出 S，结转下年支出 X)."""
    out = []
    for (_s, _e, prior), (_start, _end, figs) in zip(sentences, sentences[1:]):
        if not figs or not _YEARS_BALANCE.search(labels.core(figs[0].label)) \
                or labels.core(figs[0].label) != figs[0].label.strip("，,：: 。"):
            continue  # (the sentence opens with the amount left, nothing before its name)
        left = figs[0]
        if any(family(f.unit) == family(left.unit) for f in figs[1:]):
            continue  # 结转下年支出 a，净结余 b: what is left is more than the one amount
        income = [f for f in prior if _whole(f.label, _INCOME_ALL)]
        spent = [f for f in prior if _whole(f.label, _SPENT_ALL)]
        if len(income) != 1 or len(spent) != 1 or income[0].start > spent[0].start \
                or not all(f.is_point and f.unit == left.unit for f in (income[0], spent[0], left)) \
                or income[0].value <= spent[0].value:
            continue
        out.append(Listing(income[0], (spent[0], left), True, owns=False))
    for _start, _end, figs in sentences:  # 收入总计 T，支出总计 S，结转下年 X: in one sentence
        income = [k for k, f in enumerate(figs) if _whole(f.label, _INCOME_ALL)]
        spent = [k for k, f in enumerate(figs) if _whole(f.label, _SPENT_ALL)]
        if len(income) != 1 or len(spent) != 1 or spent[0] != income[0] + 1 or spent[0] + 2 != len(figs):
            continue  # (the two totals side by side, then the one amount left, ending the sentence)
        total, other, left = figs[income[0]], figs[spent[0]], figs[-1]
        if _YEARS_BALANCE.search(labels.core(left.label)) and labels.core(left.label) == left.label.strip(
                "，,：: 。") and all(f.is_point and f.unit == left.unit for f in (total, other)) \
                and left.is_point and total.value > other.value:
            out.append(Listing(total, (other, left), True, owns=False))
    return out


def _net_assets(sentences) -> list[Listing]:
    """资产总额 a，负债总额 b，净资产 c in one sentence (in that order, one unit; again for each group it
    goes on to: 其中，中央…资产总额 a1、负债总额 b1、净资产 c1；地方…): a is b and c, the accounts' own
    identity. Not 国有资本权益 (an owner's part of the equity), nor a 净资产 of anything but the assets
    before it."""
    out = []
    for _start, _end, figs in sentences:
        for k, a in enumerate(figs):
            if not labels.ASSETS.search(labels.core(a.label)) or not a.is_point:
                continue
            rest = [f for f in figs[k + 1 :] if f.unit == a.unit and not _CHANGE_WORD.search(f.label)][:2]
            # (资产总额 a，较上年增加 c，增长 p；负债总额 b，…: its changes between)
            if len(rest) == 2 and labels.LIABILITIES.search(labels.core(rest[0].label)) \
                    and _NET_ASSETS.search(labels.core(rest[1].label)) \
                    and not _PART_OF_EQUITY.search(rest[1].label) \
                    and all(f.is_point and f.unit == a.unit for f in rest):
                out.append(Listing(a, tuple(rest), True, owns=False))
    return out


_NET_ASSETS = lazy(r"(?:净资产(?:总额|合计)?|所有者权益(?:总额|合计)?)(?:为|达)?$")
# an owner's part of the equity (归属于母公司的, 国有, 少数股东), or another date's (年初, 上年末): not the
# whole now
_PART_OF_EQUITY = lazy(r"归属|归母|母公司|国有|少数|年初|期初|上年|上一年|去年")


def _totals_after(text: str, sentences) -> list[Listing]:
    """Totals stated after the sentences listing their parts (一般公共预算收入 a，上级补助收入 b，上年结余 c。
    一般公共预算支出 d，上解上级支出 e。收入合计 T，支出合计 U，年终结余 R): T is the amounts of the nearest
    sentence before it whose first amount is named a 收入 (U: a 支出) and that names no total of its own,
    opens no 其中 nor 分别 and states no change (增长, 比上年); complete. The totals' sentence opens with
    them: no amount but another such total before each. So is a total closing the sentence of its parts
    (市本级一般预算收入 a，税收返还 b，…，市本级收入总计 T), read the same way."""
    out = []
    for index, (start, _end, figs) in enumerate(sentences):
        money = [f for f in figs if family(f.unit) == "money"]
        first = next((k for k, f in enumerate(money) if _closing_side(f)), None)
        if first is None or not money[first].is_point:
            continue
        if first:  # a, b, …, 收入总计 T: the parts before it in its own sentence
            side = _closing_side(money[first])
            if first <= _MOST_PARTS and (not index or _side_of(sentences[index - 1]) not in (side, "?")):
                out += _closed(text, start, money[:first], money[first], side)
            continue
        for total in itertools.takewhile(_closing_side, money[:3]):  # 收入合计 T，支出合计 U，…
            side = _closing_side(total)
            if not total.is_point:
                break
            for back in range(index - 1, max(-1, index - 4), -1):
                said = _side_of(sentences[back])
                if said == "":
                    continue  # (no amount: a sentence of words only)
                if said != side:
                    if said == "?":
                        break  # (债务还本 a，…: a sentence of neither side between, the parts unclear)
                    continue  # the other side's parts, between
                lo, hi, listed = sentences[back]
                amounts = [f for f in listed if family(f.unit) == "money"]
                begun = back and _side_of(sentences[back - 1]) in (side, "?")  # (parts begun before it)
                if len(amounts) <= _MOST_PARTS and not begun:
                    out += _closed(text, lo, amounts, total, side, hi)
                break
    return out


def _side_of(sentence) -> str:
    """收入 or 支出 for a sentence whose first amount of money is named one, '?' for one naming neither,
    '' for a sentence stating no money."""
    first = next((f for f in sentence[2] if family(f.unit) == "money"), None)
    if first is None:
        return ""
    core = labels.core(first.label)
    return "收入" if "收入" in core else "支出" if "支出" in core else "?"


_MOST_PARTS = 30  # more amounts than a statement of an account's sides lists: no such statement


def _closing_side(figure: Figure) -> str:
    """收入 or 支出, for an amount named a side's total (收入合计, 市本级支出总计), else ''."""
    m = _CLOSING_TOTAL.fullmatch(labels.core(figure.label).strip(" ，,"))
    return m.group(1) if m else ""


def _closed(text: str, lo: int, amounts: list[Figure], total: Figure, side: str, hi: int | None = None):
    """The listing of ``total`` over ``amounts`` said from ``lo`` (to ``hi``, else to the total), when they
    are its parts plainly: the first named a ``side`` (收入, 支出), none a change, and no total, 其中, 分别 or
    change word said among them; amounts in brackets (asides) are left out."""
    said = text[lo : hi if hi is not None else amounts[-1].end]
    if _CONTINUED.match(said) or _ADDED_KIND.search(labels.core(amounts[0].label)):
        return []  # 还有省级补助收入 a，…，收入合计 T; 省级补助收入 a，调入资金 b，…: the parts go on from
        # the sentences before (the fund's own revenue, stated there), the first one here added to it
    asides = labels.inside(text, lo, [f.start for f in amounts])
    parts = [f for f, aside in zip(amounts, asides) if not aside]
    if len(parts) >= 2 and side in labels.core(amounts[0].label) and all(f.is_point for f in parts) \
            and not _CLOSING_NOT.search(_ASIDES.sub("", said)) \
            and not any(_CHANGE_WORD.search(labels.core(f.label)) for f in parts):
        return [Listing(total, tuple(parts), True, owns=False)]
    return []


_CLOSING_TOTAL = lazy(r"(?:全市|全县|全区|全镇|[市县区镇]?本级)?(?:本年|全年|当年)?(收入|支出)"
                      r"(?:合计|总计|总量)(?:为|是|达)?")
_ADDED_KIND = lazy(r"补助|调入|调出|结转|结余|转贷|债券|还本|上解|动用|稳定调节")
_GOES_ON_WORDS = "还有|另有|以及|加上|再加"  # a sentence going on with parts said before it
_CONTINUED = lazy(rf"\s*(?:{_GOES_ON_WORDS}|此外|另外|同时|加)")  # (as _GOES_ON, before a total's side)
_SIDE_TOTAL = lazy(r"(?:收入|支出)(?:合计|总计)$")
_SIDE = lazy(r"收入|支出")
_SIDES = {"收入": "支出", "支出": "收入"}  # a side, and the other
_CLOSING_NOT = lazy(r"合计|总计|小计|共计|其中|分别|包括|增长|下降|增加|减少|比上年|同比|占|等|加上|加[：:]"
                    r"|减")


def _year_balance(text: str, sentences) -> list[Listing]:
    """A sentence opening with the year's 收支结余 Z after a sentence stating a fund's income and spending
    alone (社会保险基金收入 X，比上年增长 p；社会保险基金支出 Y，…。2023年收支结余 Z): X is Y and Z."""
    out = []
    for start, _end, figs in sentences[1:]:
        left = next((f for f in figs if family(f.unit) == "money"), None)
        if left is None or not left.is_point or not _BALANCE_OPENS.fullmatch(text, start, left.start):
            continue
        pair = _fund_pair(text, sentences, start)
        if pair is not None and pair[0].unit == left.unit:
            out.append(Listing(pair[0], (pair[1], left), True, owns=False))
    return out


# 2023年收支结余 Z (收支相抵，结余 Z: read by :func:`_balanced`)
_BALANCE_OPENS = lazy(r"\s*(?:(?:19|20)\d\d年度?)?\s*(?:本年|当年|全年)?收支\s*(?:本年|当年)?"
                      r"结余(?:为|是)?\s*")


_PART_OPENS = lazy(r"\s*(?:分[\u4e00-\u9fff]{1,4}看|从[\u4e00-\u9fff]{1,6}看|按[\u4e00-\u9fff]{1,4}分)")


def _fund_pair(text: str, sentences, at: int) -> tuple[Figure, Figure] | None:
    """The fund's income and spending the sentence before ``at`` states and nothing else (社会保险基金预算收入
    X，社会保险基金预算支出 Y。收支相抵，本年收支结余 Z): named alike but for 收入 and 支出."""
    before = [s for s in sentences if s[1] <= at]
    if not before:
        return None
    start, end, figs = before[-1]
    figs = [f for f in figs if family(f.unit) == "money"]  # (…收入 a，比上年增长 p；…支出 b，增长 q)
    if text[end:at].strip(" 。；;，,") or len(figs) != 2 or not all(f.is_point for f in figs) \
            or "其中" in text[start:end] or _PART_OPENS.match(text, start):
        return None  # (…。其中，A基金收入 a，支出 b。本年收支结余 Z: a part's, the balance the whole's; so
        # after 分险种看，)
    income, spent = figs
    own, other = labels.core(income.label).strip(" ，,"), labels.core(spent.label).strip(" ，,")
    if not (own.endswith("收入") and other.endswith("支出")) or income.unit != spent.unit:
        return None
    name, named = own[:-2], other[:-2]
    return (income, spent) if len(name) >= 2 and named in ("", name) else None


_CARRIED_ON = lazy(r"结转|结余|滚存")
# (3.上述: numbered as the paragraphs of its sides)
_OPENS_BALANCE = lazy(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*)?(?:上述|以上|总|全年)?\s*")
_INCOME_ALL = ("收入总计", "收入合计", "收入决算结果", "收入总量", "收入决算合计", "收入决算总计")
_SPENT_ALL = ("支出总计", "支出合计", "支出决算结果", "支出总量", "支出决算合计", "支出决算总计")
# (a government's 收入决算结果 X；…; 收入决算合计 X)


def _whole(label: str, names: tuple[str, ...]) -> bool:
    """Whether ``label`` names all of an account's side (收入总计, 收入决算结果, or 总收入 alone: 总收入为
    T), not its year's part only (本年收入合计 leaves out the carry-over, so 收支相抵 after it is no balance
    of the two) nor a fund's gross (一般公共预算总收入 X)."""
    core = _WHOLE_OF.sub("", labels.core(label).strip(" ，,"))
    if core.removesuffix("为") == "总" + names[0][:2]:
        return True  # (全镇总收入, 本单位总收入: the place or unit whose whole it is, before it)
    return core.endswith(names) and not (core.endswith(names[1]) and "本年" in label)


_WHOLE_OF = lazy(r"^(?:全[省市县区镇乡]|[省市县区镇乡]本级|本(?:单位|部门))")


def _paragraphs_before(analysis, block: int) -> tuple[list[Figure], dict[int, str]]:
    """The figures of the paragraphs among the two blocks before ``block`` (a balance's totals, stated
    before it), and their texts by block."""
    blocks = [b for b in range(max(0, block - 2), block) if analysis.doc.blocks[b].kind == "paragraph"]
    return [f for b in blocks for f in analysis.figures[b]], {b: analysis.doc.blocks[b].text for b in blocks}


# the year's balance (not 年末结转结余, 滚存结余: stocks)
_YEARS_BALANCE = lazy(r"^(?:年终|当年|本年)?(?:收支)?(?:结转)?结余为?$|结转下年|年终结转")
_HOLDS_BALANCE = lazy(r"\s*[（(][^（()）]{0,20}(?:结转|结余)")
# a change (比上年增加 X) or the gap to a budget (超收983万元; not 超收收入 X, an amount): nothing added to
_CHANGE_WORD = lazy(r"比|较|增加|减少|增长|下降|提高|降低|(?:超收|短收|增收|减收|超支|节约)\s*$")


def _among(words, text: str, sentences) -> list[Listing]:
    """A count and what it breaks into by grade, each a count of its unit after it in its sentence: ``8个
    项目中，评价为“优”的6个，“良”的2个`` (of things counted, not amounts; two parts or more, each after 的
    or a quoted grade, none in brackets nor a change). Such a listing names parts, not all of them."""
    out = []
    for _start, _end, figs in sentences:
        for k, total in enumerate(figs):
            if not total.is_point or total.unit not in precision.COUNT_UNITS or total.decimals:
                continue
            m = _AMONG.match(text, total.end)
            if m is None:
                continue
            parts = [f for f in figs[k + 1 : k + 1 + _REACH_PARTS] if f.start >= m.end()]
            if not all(_RATED.search(f.label) for f in parts):
                continue  # (20个指标中，数量指标8个、…，已完成19个: two breakdowns, not one)
            hidden = labels.inside(text, m.end(), [f.start for f in parts])
            if any(f.unit != total.unit or not f.is_point or h or _changes(words, f)
                   for f, h in zip(parts, hidden)) or len(parts) < 2 \
                    or any(w in text[m.end() : parts[-1].start] for w in _NESTED):
                continue  # (12个指标中，10个完成，其中3个超额: a part's own parts)
            out.append(Listing(total, tuple(parts), False))
    return out


def _named_among(text: str, sentences) -> list[Listing]:
    """Parts of an amount stated in an earlier sentence of the paragraph, their sentence opening with its
    name and 中 (基本支出 X，占比 p。基本支出中，人员经费 a，公用经费 b): the amounts of that sentence when it
    is nothing but named amounts, a clause each, making the amount by definition (a 基本支出's 人员经费 and
    公用经费: complete); the amount the first so named, not a comparison's base, last year's or a budget."""
    out = []
    for index, (start, end, figs) in enumerate(sentences):
        m = _NAMED_AMONG.match(text, start)
        if m is None or not index or len(figs) < 2:
            continue
        name = m.group(1)
        earlier = [f for _s, _e, before in sentences[:index] for f in before
                   if f.is_point and labels.core(f.label).strip(" ，,：:为是").endswith(name)
                   and not _NOT_THE_WHOLE.search(f.label)
                   and not _COMPARED_IN.search(labels.clause(text, f.start))]
        if not earlier:
            continue
        total = earlier[0]  # (the amount named first, not a comparison's base or a budget after it)
        stop = end - 1 if text[end - 1 : end] in "。；;" else end
        parts = _named_clauses(text, m.end(), stop, list(figs))
        if parts and _SOME_OF.search(text, m.end(), parts[0].start):
            continue  # 项目支出中，较大的项目有：A a，B b: some named, the rest left out
        if len(parts) >= 2 and all(family(p.unit) == family(total.unit) for p in parts):
            named = {w for p in parts for w in ("人员", "公用") if w in labels.core(p.label)}
            if name.endswith("基本支出") and len(parts) == 2 and named == {"人员", "公用"}:
                out.append(Listing(total, tuple(parts), True))  # (others may name some parts: left alone)
    return out


_NOT_THE_WHOLE = lazy(r"上年|去年|年初|预算")  # (the year's outturn, named first)
_COMPARED_IN = lazy(r"比|较|相比")
_SOME_OF = lazy(r"[：:]|主要|较大|重点|包括|其中|有")
_NAMED_AMONG = lazy(r"\s*([\u4e00-\u9fff“”]{2,12})中[，,：:]")


def _graded(text: str, sentences) -> list[Listing]:
    """Counts by grade, each after its grade (自评结果“优秀”1812个、“良好”171个、“中”536个、“差”111个; 评价
    结论为“良”的8个，“中”的1个; 自评等级为优的26个，良的3个; 为“优”的项目有1项，涉及金额…；为“良”的项目有6项;
    two grades or more, each a different one, nothing but 、 or ， between, or a clause of no count ending
    in ；), of the count of their unit (个 and 项 alike) stated before them, in their sentence or the one
    before (上报…自评2630个). The grades may leave one out: parts, not all."""
    out = []
    for index, (_start, _end, figs) in enumerate(sentences):
        grades = {id(f): m for f in figs if f.is_point and f.unit in precision.COUNT_UNITS and not f.decimals
                  and (m := _GRADE.search(text, max(0, f.start - 12), f.start))}
        graded = [f for f in figs if id(f) in grades]
        named = [grade_before(text, f) for f in graded]
        if len(graded) < 2 or len(set(named)) != len(named) or len({item_unit(f.unit) for f in graded}) != 1 \
                or any(not _graded_next(text, a, grades[id(b)].start(), figs)
                       for a, b in zip(graded, graded[1:])):
            continue
        first = graded[0]
        unit = item_unit(first.unit)
        earlier = [f for f in figs if f.end <= first.start] or (
            list(sentences[index - 1][2]) if index else [])
        before = [f for f in earlier if f.is_point and item_unit(f.unit) == unit and not f.decimals
                  and not _GRADE.search(text, max(0, f.start - 12), f.start)]
        # of several counts before (共45个，其中40个完成目标，“优秀”28个…), the one the grades make, or would
        # but for one digit; else none
        graded = [replace(f, unit=first.unit) for f in graded]  # (1项, 6项 beside 4个: one unit)
        before = [replace(f, unit=first.unit) if f.unit != first.unit else f for f in before]
        whole = [f for f in before if precision.total(graded, f.unit).meets(precision.interval(f))]
        near = [f for f in before if _within_a_digit(f, graded)]
        whole = whole or (near if len(near) == 1 else [])
        if len(before) == 1 or whole:
            total = (whole or before)[-1]
            out.append(Listing(total, tuple(graded), False))
    return out


def grade_before(text: str, count: Figure) -> str | None:
    """The grade said right before a count (“优”的项目有1项, 为良的3个), or None."""
    m = _GRADE.search(text, max(0, count.start - 12), count.start)
    return _GRADE_WORD.search(m.group()).group() if m else None


def _graded_next(text: str, count: Figure, grade: int, figs) -> bool:
    """Whether the next grade's count follows ``count`` as its fellow: nothing but 、 or ， between, or the
    rest of ``count``'s clause (…，涉及金额为460万元；) holding no other count."""
    if _GRADES_JOINED.fullmatch(text, count.end, grade) \
            or _GRADE_SAID_AGAIN.fullmatch(text, count.end, grade):
        return True  # (…有38个、评价等级为“中”有5个: the grading said again before the next)
    return grade - count.end <= 40 and _CLAUSE_THEN.fullmatch(text, count.end, grade) is not None \
        and not any(f.unit in precision.COUNT_UNITS and count.end <= f.start < grade for f in figs)


_GRADE_NAMES = r"(?:优秀|良好|中等?|合格|不合格|较好|一般|较差|差|优|良|及格|不及格|好)"
# a grade in quotes (“优”的, “良好”为), or bare after 为 or a separator with its 的 (为优的, ，良的), maybe
# naming the thing graded (的项目有): the count follows
_GRADE = lazy(rf"(?:[“\"]{_GRADE_NAMES}[”\"]\s*(?:的\s*(?:项目|单位|部门|政策)?)?|(?<=[为是，,、；;])"
              rf"{_GRADE_NAMES}的\s*(?:项目|单位|部门|政策)?)\s*(?:有|为|共)?\s*$")
_GRADE_WORD = lazy(_GRADE_NAMES)
_GRADES_JOINED = lazy(r"\s*[、，,]\s*")
_GRADE_SAID_AGAIN = lazy(r"\s*[、，,]\s*[^\d。；;，,、“”\"]{1,12}")
_CLAUSE_THEN = lazy(r"[^。；;]*[；;][^。；;，,]*")  # …，涉及金额为460万元；绩效评价结果为
def item_unit(unit: str) -> str:
    """A count's measure word, items counted either way made one (项 as 个: 共计12个 … “优”的项目有1项)."""
    return "个" if unit == "项" else unit


_AMONG = lazy(r"[\u4e00-\u9fff“”]{1,8}中[，,]")  # 8个项目中，: what comes after is of the 8
_NESTED = ("其中", "中，", "中,", "以上", "超过")
_RATED = lazy(r"的\s*$|[”\"]\s*$")  # “优”的6个, 评为良好的2个: each part a grade of the whole


_SCORED_EACH = lazy(r"得分?\s*分别|分别\s*得")  # 得分分别为, 分别得: scores listed (not 分值分别为)
_THESE = lazy(r"^(?:[一二三四五六七八九十两\d]{1,2}项|以上(?:各项)?|上述(?:各项)?|各项)(?=合计|共计|总计)")
_WORD_REACH = 60  # how far before a figure its total word, or a list's 分别, is looked for


def _trailing(text: str, sentences) -> list[Listing]:
    """Parts stated first and their total after them: ``A、B分别为 a、b，合计 t``, ``由 A a、B b 和 C c
    组成，共计 t`` or ``A a、B b，合计 t``. The total opens its clause with a total word (合计, 共计, 累计 …);
    the parts are the figures of its unit family after the last 分别 (or 由, with 组成/构成 after them)
    before it in its sentence, or else the clause before it when that is a list (its amounts joined by 、
    和 及), or, before 合计/共计/总计, a sentence of named amounts, a clause each (教育支出 a，社保支出 b，
    合计 t): two or more, each its own, so the listing is complete; deductions named a clause each, then
    共扣 t (决策指标扣0.5分，…，共扣3.7分), maybe not all of them. A total word may say what was done
    with it all (共计下达资金 t), and such a total may open the sentence after its parts when each part's
    name ends with what it names (中央补助资金 a，省级补助资金 b。共计下达资金 t)."""
    out = []
    for index, (start, _end, figs) in enumerate(sentences):
        for k, total in enumerate(figs):
            if not total.is_point or family(total.unit) in ("ratio", ""):
                continue
            near = max(start, total.start - _WORD_REACH)  # (the word is short: linear in a long line)
            comma = max(text.rfind(c, near, total.start) for c in "，,；;")  # (…；D d；共计 t: clauses too)
            word = _THESE.sub("", text[comma + 1 : total.start].strip())  # 四项合计, 以上合计: 合计
            span = _SPAN_TOTAL.fullmatch(word)  # 三年累计, 全年累计支出: the years or quarters listed, summed
            word = "合计" if span else word
            if comma < 0 and k == 0 and index:  # A资金 a，B资金 b。共计下达资金 t: the sentence before's
                opening = _VERBED.fullmatch(_THESE.sub("", text[start : total.start].strip()))
                parts = _parallel(text, sentences[index - 1], total, opening.group(3), opening.group(2)) \
                    if opening else []
                if parts:
                    out.append(Listing(total, tuple(parts), True))
                continue
            verbed = _VERBED.fullmatch(word)  # 共计下达资金 t: 共计, what was done with it said
            word = verbed.group(1) if verbed else word
            counted = _COUNT_VERBED.fullmatch(word) if total.unit in precision.COUNT_UNITS else None
            if counted and counted.group(1):
                word = "共"  # 获一等奖 a、二等奖 b，共获奖 t: the count of the awards listed before it, each
                # named an award (beyond it they are wrong, short of it maybe some only)
            run = _RUN_VERBED.fullmatch(word) if not span else None  # 分别投入 a、b、c，累计投入 t: since
            running = run is not None  # the project began, maybe more than the years listed; the same verb
            if running and run.group(1) not in text[max(start, comma - _WORD_REACH) : comma]:
                continue  # (分别下达 a、b，累计拨付 t: issued, then paid: another measure)
            word = "累计" if running else word
            named_sum = _SUMMED_NAME.fullmatch(word) is not None  # 可用财力安排合计 after three named amounts
            scored = word.removesuffix("为") in _SCORE_TOTALS and total.unit == "分"
            if _TAKEN_IN_ALL.fullmatch(word) and total.unit == "分" and comma >= 0:
                before = [f for f in figs[max(0, k - _REACH_PARTS):k] if f.end <= comma]
                parts = _named_clauses(text, start, comma, before)
                if len(parts) >= 2 and all(f.unit == "分" and _TAKEN.search(labels.core(f.label))
                                           for f in parts):
                    out.append(Listing(total, tuple(parts), False))  # 决策指标扣0.5分，…，共扣3.7分: the
                continue  # deductions named, maybe not every one (beyond it they are wrong)
            if comma < 0 or word not in _TRAILING and word not in _SUMMED and not named_sum and not scored:
                continue  # the total word opens its clause, and is all of it before the total
            if scored:
                before = [f for f in figs[max(0, k - _REACH_PARTS):k] if f.end <= comma]
                parts = _named_clauses(text, start, comma, before)
                if len(parts) >= 2 and all(f.unit == "分" and labels.core(f.label).endswith("得分")
                                           for f in parts):
                    out.append(Listing(total, tuple(parts), False))  # (the groups named may be some only)
                    continue
                each = text.rfind("分别", max(start, comma - _WORD_REACH), comma)
                if each >= 0 and _SCORED_EACH.search(text, max(start, each - 12), each + 4):
                    parts = _trailing_parts(text, start, comma, before, total, word)
                    if len(parts) >= 2 and all(f.unit == "分" for f in parts):
                        out.append(Listing(total, tuple(parts), False))  # 四类指标得分分别为 a、b、c、d，
                        # 总得分 t: the scores listed, some maybe only
                continue
            before = [f for f in figs[max(0, k - _REACH_PARTS):k] if f.end <= comma]  # (not 四项 of 四项合计)
            if word not in _TRAILING:  # 支出总计: after named amounts only
                parts = _named_clauses(text, start, comma, before)
                if word not in _SUMMED and len(parts) < 3:
                    continue
            else:
                parts = _trailing_parts(text, start, comma, before, total, word)
            if span and not _spanned(span, parts, text):
                continue  # 三年累计 after two years' amounts: since earlier years, more than these
            if counted and counted.group(1) and not all(
                    labels.core(p.label).endswith(counted.group(1)[-1]) for p in parts):
                continue  # (获评先进集体 a、优秀个人 b，共获奖 t: not each named an award)
            if _GOES_ON.match(text, start, parts[0].start if parts else start):
                continue  # 还有 A a，B b，支出合计 t: more parts stated in the sentences before
            side = _SIDE.search(word)
            if side and parts and labels.core(parts[0].label).endswith(_SIDES[side.group()]):
                continue  # 收入 a，上年结余 b，支出合计 t: the other side's total, not theirs (not 使用
                # 事业收入 a，支出合计 t, nor 政府性基金收入安排 b: a same side's part naming its source)
            if parts and parts[0] is figs[0] and index and _SIDE_TOTAL.search(word) \
                    and _ADDED_KIND.search(labels.core(parts[0].label)):
                continue  # 基金收入 X，…。省级补助收入 a，调入资金 b，…，收入合计 t: added to X, said before
            if parts and parts[0] is figs[0] and index and "其中" in text[sentences[index - 1][0] : start] \
                    and not _COLON.search(text, start, parts[0].start):
                continue  # X。其中：…。A a，B b，支出合计 t: the list began before the 其中 aside
            if len(parts) >= 2 and not any(labels.inside(text, parts[0].start, [f.start for f in parts])):
                # (A a，B b，C c，公用经费合计 T: a named total may hold more than the clauses before it:
                # beyond it they are wrong, short of it they are the main ones)
                known = (word in _TRAILING or word in _SUMMED) and not running \
                    and not (counted and counted.group(1))  # (共获奖 t: maybe more kinds than named)
                if _HOLDS_MORE.match(text, total.end) and _made_up(text, total, parts, figs):
                    continue  # 合计 t（含C c）: the parts before it and c make t, more than the parts

                out.append(Listing(total, tuple(parts), known, main=not known))
    return out


# 已分配下达, 已拨付, 未拨付: a state of what was named before
# how far an amount has got (已分配下达; 目前项目资金已拨付; 截至6月底已支付), not a part beside the others
_STATUS = lazy(r"^[，,]?\s*(?:其中)?\s*[：:，,]?\s*(?:(?:目前|现|当前|截至|截止)[^，,。；;]{0,12}?)?"
               r"(?:[\u4e00-\u9fff]{0,6}?(?:已|尚未)(?:拨付|支付|下达|完成|使用|到位|分配|兑付|支出|拨)|已|尚未|未)")
_LEFT_OUT = lazy(r"\s*[（(]\s*(?:已)?(?:不含|未含|扣除)([^（()）]{1,60})[）)]")
_ADDED_IN_YEAR = lazy(r"(?:年中|年内|当年|其后)(?:追加|调增|增拨)|追加")
_NET_OF = lazy(r"\s*[（(][^（()）]{0,60}?剔除")
_GROSS = lazy(r"\s*[（(][^（()）]{0,60}?(?:转列|扣减后|扣除后|实为|调出|划转|计提|退库|退付)")
_NET_FUNDS = lazy(r"基金(?:预算)?收入")
_NOUN_GAP = lazy(r"[\u4e00-\u9fff]{2,6}")  # a count's noun between it and its bracketed parts
_SET_ASIDE = lazy(r"计提|退库|转入一般公共预算|调入一般公共预算|调出")
_CLASS_END = lazy(r"(?:支出|经费|收入|资金|费)$")
_SCOPE = lazy(r"[；;，,\s]*(?:全区|全县|全市|全省|全镇|全乡|全区（县）)")
_PURPOSE = lazy(r"\s*(?:主要)?用于")
_PHASE = lazy(r"\s*[（(]([一二三四五12345]期)[）)]")
_GOES_ON = lazy(rf"\s*(?:{_GOES_ON_WORDS})(?![^，,。；;]*[：:])")  # (还有…：opens a list of its own)
_COLON = lazy(r"[：:]")


# a total word and what was done with all of it (共计下达资金, 合计安排, 总计投入资金)
_HOLDS_MORE = lazy(r"\s*[（(]\s*(?:含|包括|包含)")


def _made_up(text: str, total: Figure, parts, figs) -> bool:
    """Whether the amounts in the brackets right after ``total`` make up what ``parts`` leave of it
    (合计72万元（含C支出36万元） after 16 and 20: a part more, not a breakdown of the same total by
    source)."""
    close = _closing(text, total.end + 1, min(len(text), total.end + 1 + _BRACKET_REACH))
    inner = [f for f in figs
             if total.end < f.start and f.end <= close and family(f.unit) == family(total.unit)]
    return bool(inner) and precision.total([*parts, *inner], total.unit).meets(precision.interval(total))
# 共获奖, 共获得奖项: a count of awards, after its kinds counted (a list joined by 、)
_COUNT_VERBED = lazy(r"(?:共|共计|合计|总计)获得?(?:各类|各级)?(奖项|奖)(?:为|达)?")  # (awards of ranks or
# levels are each counted once; activities or posts of two kinds may be the same ones: 共开展活动 t)
# 共扣 t after what each group lost
_TAKEN_IN_ALL = lazy(r"(?:共|共计|合计|总计|累计)(?:扣|扣除|扣减)(?:分)?(?:为)?")
_TAKEN = lazy(r"(?:扣|扣除|扣减)(?:分)?$")
_VERBED = lazy(r"(合计|共计|总计)(下达|拨付|安排|投入|到位|筹集|落实|发放|使用)(资金|经费|金额)?"
               r"(?:为|达)?")  # (not 累计: since a project began, more than the parts a year lists)


def _parallel(text: str, sentence, total: Figure, kind: str | None, verb: str) -> list[Figure]:
    """The amounts of ``sentence`` when it is nothing but named amounts, one a clause, each name ending
    alike with the ``kind`` the total names, done as the total says (下达中央补助资金 a，省级补助资金 b，县级
    配套资金 c。共计下达资金 t; not 安排…。共计下达…: what was planned, not issued), or []: parts of the
    total that opens the sentence after."""
    start, end, figs = sentence
    if not kind or not figs or verb not in text[start : figs[0].start]:
        return []
    parts = _named_clauses(text, start, end - 1 if text[end - 1 : end] in "。；;" else end, list(figs))
    if len(parts) < 2 or any(not labels.core(f.label).strip(" ，,").endswith(kind) for f in parts) \
            or any(f.unit != total.unit for f in parts):
        return []
    return parts


# a running total and what was done (累计投入资金, 累计完成投资, 累计培训): beyond its parts' sum, or short
_RUN_VERBED = lazy(r"累计(投入|支出|完成|下达|拨付|安排|培训|发放|使用|实施|开展)"
                   r"(?:投资|资金|金额)?(?:为|达)?")
# a total over the periods listed before it: 三年累计, 全年累计支出, 四个季度合计 (what was spent said after)
_SPAN_TOTAL = lazy(r"(?:(?P<years>[一二三两四五六七八九十\d]{1,2})年|全年)(?:合计|共计|累计|总计)"
                   r"(?:支出|投入|完成|下达|安排|拨付)?(?:资金|金额)?(?:为|达)?")


def _spanned(span, parts: list[Figure], text: str) -> bool:
    """Whether the parts are the periods a span total names: as many years as 三年 says (each part dated),
    or for 全年 the quarters or months of the year."""
    if len(parts) < 2:
        return False
    years = span.group("years")
    if years:
        return len(parts) == numbers.whole(years)
    return all(_QUARTER.search(text, max(0, p.start - 12), p.start) for p in parts)


_QUARTER = lazy(r"(?:第?[一二三四1-4]季度|[一二三四五六七八九十\d]{1,2}月(?:份)?)[^，,。；;]{0,8}$")


def _trailing_parts(text: str, start: int, comma: int, before: list[Figure], total: Figure,
                    word: str) -> list[Figure]:
    near = max(start, (before[0].start if before else comma) - _WORD_REACH)  # (a long line: linear)
    opened = max(text.rfind("分别", near, comma), text.rfind("由", near, comma))
    if opened < 0:  # 人员经费398.50万元、公用经费67.70万元，合计…: a list of the clause before
        opened = max(text.rfind("，", near, comma), text.rfind("：", near, comma), start - 1) + 1
        listed = [f for f in before if f.start >= opened]
        if len(listed) < 2 or any(not _joined(text[a.end : b.start]) for a, b in zip(listed, listed[1:])):
            parted = _after_parts_word(text, start, comma, before, total)
            if parted:
                return parted  # X，其中 A a，B b，合计 T: the 其中 list closed by its total restated
            named = _named_clauses(text, start, comma, before)
            if not named or word not in _SUMMED:
                return []
            opened, listed = named[0].start - 1, named
    listed = [f for f in before if f.start > opened]
    parts = [f for f in listed if f.is_point and family(f.unit) == family(total.unit)]
    if not parts or not all(f.is_point for f in listed):
        return []
    if _ADDED_ON.match(text, opened + (text[opened : opened + 1] in "，,；;：:")):
        return []  # X，加上级补助收入 a、债务转贷收入 b，合计 T: a chain added to X (:func:`_plus`)
    if text.startswith("由", opened) and not any(w in text[parts[-1].end : comma] for w in ("组成", "构成")):
        return []
    return parts


def _after_parts_word(text: str, start: int, comma: int, before: list[Figure], total: Figure) -> list[Figure]:
    """The amounts after a 其中 of the sentence, up to ``comma``, when a 合计 after them restates the amount
    before the 其中 (项目总预算 X，其中 A a，B b，合计 X): two or more named amounts, a clause each, nothing
    but them after the 其中; [] otherwise."""
    k = text.rfind("其中", start, comma)
    head = [f for f in before if f.end <= k]
    listed = [f for f in before if f.start > k]
    if k < 0 or len(listed) < 2 or not head or head[-1].value != total.value or head[-1].unit != total.unit \
            or not all(f.is_point and f.unit == total.unit and labels.core(f.label).strip(" ，,：:")
                       and not _NOT_A_PART.search(_PARTS_WORD.sub("", f.label)) for f in listed):
        return []  # (其中 A a，比上年增加 c，B b; A 预算 a，实际到位 a′; 项目支出中 X: not parts alone)
    if labels.inside(text, k, [f.start for f in listed]) != [False] * len(listed):
        return []  # (an amount in brackets: an aside, not a clause of its own)
    if any(text[a.end : b.start].count("，") + text[a.end : b.start].count("、") != 1
           for a, b in zip(listed, listed[1:])) or text[listed[-1].end : comma].strip():
        return []
    return listed


_PARTS_WORD = lazy(r"^[，,\s]*其中[：:]?")
_NOT_A_PART = lazy(r"增加|减少|增长|下降|比|较|同比|上年|去年|同期|节约|结余|实际|已|到位|支出中|其中|含"
                  r"|拨付|支付|完成|执行|预计")


def _aside_of_total(words, text: str, sentence) -> bool:
    """Whether a sentence only says how the amount before it changed (与上年相比，增加 c，增长 p%: every
    figure a change or a rate, opening with the comparison) or why (增减变化的主要原因是：…, no figure)."""
    start, end, figs = sentence
    if not figs:
        return _WHY.match(text, start) is not None
    return _COMPARED_OPENS.match(text, start) is not None \
        and all(_changes(words, f) or family(f.unit) == "ratio" for f in figs)


_WHY = lazy(r"\s*(?:增减变化的|变化的|变动的)?(?:主要)?原因(?:是|为|：|:)")
_COMPARED_OPENS = lazy(r"\s*(?:与(?:上年|去年|(?:19|20)\d\d年度?)[^，,。]{0,8}相比|比上年|较上年|同比)")


_BY_DIMENSION = lazy(r"按[\u4e00-\u9fff]{1,6}分|分[\u4e00-\u9fff]{1,4}看")  # 按支出功能分类, 分项目看


def _alike_after(text: str, at: int, first: Figure, f: Figure) -> bool:
    """Whether the clause at ``at`` opens with an amount named like the list's first part (基本支出预算 a …；
    项目支出预算 b: both …支出预算), the first of ``f`` and those after it that stand at or after ``at``."""
    if f.start < at:
        return True  # (decided when the figure opening the clause comes)
    a, b = (labels.core(g.label).removeprefix("其中").strip("：:，, ") for g in (first, f))
    opened = text[at : f.start].strip(" ，,").startswith(("其中", "主要"))  # (a nested list: no sibling)
    # (基本支出预算 and 项目支出预算: a word each before one name; not 人员经费支出预算, a part's own)
    return not opened and len(a) == len(b) >= 4 and a[-3:] == b[-3:] and a != b


_RIGHT_AFTER = lazy(r"\s*[，,]\s*")  # (an amount, then ，用于: its uses listed)
# (结果为“优”的项目: a grade naming the projects of it)
_ATTRIBUTE = lazy(r"\s*[“\"「]?[^，,；;。：:\d“”\"「」]{1,4}[”\"」]?的")


def _named_before(text: str, prior, start: int, pos: int, figs, fam: str) -> list[Figure]:
    """The total of parts listed after a sentence's subject and a count of another kind (市级留用新增债券
    共安排20个项目，其中，A a亿元，B b亿元): the one amount of the sentence before, of the parts' kind, named
    by that subject (市级留用新增债券27.38亿元); [] when not so."""
    lead = _SUBJECT_LEAD.match(text, start)
    between = [f for f in figs if start <= f.start < pos]
    if lead is None or not between or any(family(f.unit) == fam for f in between):
        return []
    named = [f for f in prior[2] if f.is_point and family(f.unit) == fam
             and labels.core(f.label).endswith(lead.group(1))]
    return named if len(named) == 1 else []


# a sentence's subject, then what it did (市级留用新增债券共安排20个项目: 市级留用新增债券)
_SUBJECT_LEAD = lazy(r"\s*([\u4e00-\u9fff“”]{4,16}?)(?:共|合计|累计|全年)?(?:安排|支持|实施|涉及|投入|用于)")


_UNDER_NAMED = lazy(r"[，,：:\s]*([\u4e00-\u9fff]{2,12}?)(?:下的|之下的|项下的)")  # 其中，产出指标下的…


def _listing(words, text, sentences, index, pos, word, prev=None) -> list[Listing]:
    start, end, figs = labels.near(sentences[index], pos)
    # a longer parts word already covers this occurrence (主要包括 holds 包括)
    for longer in words.parts:
        if len(longer) > len(word) and word in longer:
            at = longer.index(word)
            if text[pos - at : pos - at + len(longer)] == longer:
                return []
    if word.endswith("为") and _ATTRIBUTE.match(text, pos + len(word)) \
            and sum(1 for m in re.finditer(re.escape(word), text[start:end])
                    if _ATTRIBUTE.match(text, start + m.end())) >= 2:
        return []  # 结果为“优”的项目有1项；结果为“良”的项目有6项: each clause one grade's, no list of grades
    if word == "用于" and not _RIGHT_AFTER.fullmatch(text, max((f.end for f in figs if f.end <= pos),
                                                                 default=0), pos):
        return []  # 新增债券1.4亿元，用于A a，B b: the amount's uses (not 限额 a 分配用于…, 安排 a 用于…)
    after = [f for f in figs if f.start > pos and f.is_point and family(f.unit) not in ("ratio", "")]
    if any(_scored(f) for f in after):  # 履职效能分值50分，得分48.08分: the scores are the parts
        after = [f for f in after if not any(w in f.label for w in _MAXIMA)]
        scores = [f for f in after if _scored(f)]
        unscored = [i for i, f in enumerate(after) if not _scored(f)]
        if all(i + 1 < len(after) and _scored(after[i + 1]) for i in unscored):
            after = scores  # 履职效能50分，得分46.5分: each item's maximum, then its score
    if not after or word in _MAIN and not text[start:pos].strip(" ：:，,"):
        return []  # (X，比上年增加 c。主要是 A a、B b: the change's, maybe; read by _main_after)
    fam = family(after[0].unit)
    # the parts: same-family figures after the word, up to another family, a total word or a nested list
    stop, nested_at = end, -1
    for other in (*words.parts, *words.stops):
        if other in _MAIN or other == "用于":
            continue  # A a，主要是 A1 a1，A2 a2；B b: a part's own breakdown, read with the parts below (A a
            # 分配用于…: a part's use)
        at = text.find(other, pos + len(word), end)
        # a list inside parentheses is a part's own; 占…合计 names the whole of a part's share, ending nothing
        # and a part's purpose (主要用于保障机构运转；) lists nothing up to its semicolon
        while at != -1 and (labels.open_paren(text, pos, at) is not None
                            or _SHARE_OF.search(text, max(0, at - 13), at)
                            or _purpose(text, at, end, after, fam)
                            or not text[pos + len(word) : at].strip(" ，,主要")  # 其中包括：, one word
                            or _OWN_TOTAL.fullmatch(text, pos + len(word), at) and other in ("合计", "小计")
                            and not any(f.start < at for f in after)):
            at = text.find(other, at + len(other), end)  # (其中中央资金合计 a，省级 b: the first part's own)
        if at != -1 and not text.startswith("其中", at - 3) and at < stop:
            stop, nested_at = at, (at if other in words.parts else -1)
    if labels.open_paren(text, start, pos) is not None:
        stop = min(stop, _closing(text, pos, stop))  # a list inside parentheses ends with them
    semicolon = min((k for k in (text.find(c, pos, stop) for c in "；;") if k != -1), default=-1)
    wide = None  # A 预算 a1，支出 a2；B 预算 b1，支出 b2: each item's clause states one part of each total
    cuts: list[int] = []
    if semicolon != -1:
        ahead = [f for f in after if f.start < semicolon and family(f.unit) == fam
                 and not _changes(words, f) and not labels.RATE_BASE.match(text, f.end)]  # (A a，增收 c；B b)
        before = sum(1 for h in labels.inside(text, pos, [f.start for f in ahead]) if not h)  # not（其中…）
        if before != 1 or _sibling_next(text, start, pos, semicolon, figs, fam) \
                or _parallel_next(pos, semicolon, figs, fam):
            cuts = [pos, *(k for k in range(semicolon, stop) if text[k] in "；;"), stop]
            counts = [sum(1 for f in after if a <= f.start < b and family(f.unit) == fam)
                      for a, b in zip(cuts, cuts[1:])]
            wide = stop if before >= 2 and set(counts) <= {before, 0} and counts.count(before) >= 2 else None
            if before >= 2 and wide is None and _clause_heads(text, after, cuts, fam):
                return []  # 其中：一类债务余额 a，本年新增债券 n；二类债务余额 b；三类…c: one part a clause,
                # the first's own detail beside it; which amounts are the parts is not said plainly
            stop = semicolon  # a list split by commas, of names, or a purpose (用于运转；) ends there

    def collect(stop: int) -> list[Figure]:
        for f in [f for f in after if f.start < stop]:  # 公用经费 b，公用经费中办公费 c: a part's own parts
            tail = labels.core(f.label)[-4:]
            nested = text.find(tail + "中", f.end, stop) if len(tail) >= 2 else -1
            if nested != -1 and not text.startswith("其中", nested + len(tail) - 1):
                stop = nested
        parts: list[Figure] = []
        listed = [f for f in after if f.start < stop]
        glued = -1  # where an amount glued beside the last part ends (项目79个财政资金 a)
        skip = -1  # a part's purpose runs to its semicolon (主要用于11辆执法车辆的燃料…；)
        crossed = -1  # where a part's reason was crossed to the next part (…，主要原因是…；B b)
        changed = False  # a change said among the parts (较上年增加 c)
        for f, hidden in zip(listed, labels.inside(text, pos, [f.start for f in listed])):
            if f.start < skip:
                continue
            if parts and family(f.unit) == fam and not _ended(text, pos, parts, f) \
                    and (because := _BECAUSE.search(text, parts[-1].end, f.start)) is not None:
                semi = _SEMI.search(text, because.end(), stop)  # 基本支出预算 a，比上年增加 c，主要原因是…；
                if semi is not None and crossed < 0 and _alike_after(text, semi.end(), parts[0], f):
                    skip = semi.end()  # 项目支出预算 b: the reason runs to its semicolon, the next part
                    if f.start < skip:  # after it named alike; the list then ends at its semicolon
                        continue
                    crossed = f.start
                else:
                    break  # (…a，比上年增加 c，主要原因是…资金 d: a reason's amount, no part)
            if parts and family(f.unit) == fam and (_ended(text, pos, parts, f)
                                                    or 0 <= crossed < f.start
                                                    and _SEMI.search(text, parts[-1].end, f.start)):
                break  # (…；项目支出预算 b，…；政府采购支出预算 c: past the part a reason was crossed to)
            sub = _SUB_ITEMS.search(text, parts[-1].end, f.start) if parts and family(f.unit) == fam else None
            if sub is not None and not _SEMI.search(text, sub.end(), f.start) \
                    and not _COMMA.search(text, sub.end(), f.start):
                # A a，主要是 A1 a1，A2 a2；B b: the part's own breakdown, up to its semicolon
                skip = min((k for k in (text.find(c, f.end, stop) for c in "；;") if k != -1), default=-1)
                if skip == -1:
                    break
                continue
            if parts and (child := _item_code(text, f)) and (mine := _item_code(text, parts[-1])) \
                    and len(child) > len(mine) and child.startswith(mine):
                continue  # [21004]公共卫生 a，[2100402]卫生监督机构 a: the part's own item, no part
            if "用于" in word and _item_code(text, f):
                break  # 主要用于办公经费…等支出 [2100402]卫生监督机构业务费 b: a budget line, not a purpose
            if "每" in f.label or text[max(0, f.start - 1) : f.start] in ("=", "＝"):
                continue  # 其中每人每年4万元，4*35=140万元: a rate per head and a product, no parts
            if family(f.unit) != fam and labels.open_paren(text, start, pos) is not None \
                    and _named(text, f, listed, fam):
                continue  # 下拨公安两所综治维稳工作经费18万元: a count in the next part's name
            if family(f.unit) != fam and parts and _GLUED_NAME.fullmatch(text, parts[-1].end, f.start):
                glued = f.end
                continue  # 项目79个财政资金 a，…的项目11个…: the amount glued beside its part, the list on
            if glued >= 0 and family(f.unit) == fam and parts and (
                    not _CLAUSE_MARK.search(text, glued, f.start)
                    or not _SEMI.search(text, glued, f.start)
                    and labels.core(parts[0].label)[-2:] not in f.label):
                continue  # (…15个完成投资 a(，)惠及8个行政村；: a count of the amount's clause, no part; not
                # …201.9万元，“中”的项目3个: the next group, named as the first)
            glued = -1
            if family(f.unit) != fam and (_USE.search(f.label) or parts and _in_clause(text, parts[-1], f)):
                skip = min((k for k in (text.find(c, f.end, stop) for c in "；;") if k != -1), default=-1)
                if skip == -1:
                    break  # 用于购置设备15台，单价8万元: what follows the purpose is no part
                continue  # 运行维护费6.12万元，主要用于2辆校车的…；: a part's purpose, not a new list (nor
                # a part's reason: 公务用车运行费6.00万元，车辆由3辆减至2辆；公务接待费2.00万元)
            if family(f.unit) != fam:
                break
            if "用于" in word and _LEFT_PART.match(labels.core(f.label)):
                break  # 实际支出 X，主要用于…，剩余 Y: what is left of the budget, no use of X
            if parts and _ADDED_IN_YEAR.match(f.label.strip(" ，,；;")):
                break  # 年初预算 X，其中：A a，B b，年中追加 c: added to X in the year, no part of it
            if parts and _STATUS.match(labels.core(f.label)) \
                    and not _STATUS.match(labels.core(parts[-1].label)):
                break  # 其中：A a，已分配下达 b，分配进度 p%: how far A has got, not a part beside it
            if parts and _GRADE.search(text, max(0, f.start - 8), f.start) \
                    and not _GRADE.search(text, max(0, parts[-1].start - 8), parts[-1].start):
                break  # 其中40个完成目标，自评结果“优秀”28个…: a breakdown by grade of its own
            if changed and _ADDED_ITEM.fullmatch(labels.core(f.label)):
                break  # …，较上年增加 c，增加人员工资支出 d: the change's own breakdown, no part
            changed = changed or _changes(words, f)
            if parts and "由" in parts[-1].label and _MOVED_TO.fullmatch(f.label.strip(" ，,；;")):
                moved.append(f)  # A 由年初的 a 调整为 a′: which of the two is the part is the total's to say
                continue
            if _changes(words, f) or hidden or text[max(0, f.start - 2) : f.start].rstrip().endswith("除") \
                    or parts and _MOVED_BY.fullmatch(f.label.strip(" ，,；;")) \
                    or _quoted(text, f) or labels.RATE_BASE.match(text, f.end):
                continue  # 除一个指标外: the exception, not a part; “五个严防”: a name; 完成年初预算 Y 的
                # 76.7%: the base of a part's rate
            if parts and _closed_colon(text, parts, f):
                resumed.append(f)
            parts.append(f)
        return parts

    resumed: list[Figure] = []
    moved: list[Figure] = []
    parts = collect(stop)
    if moved:
        return []  # X 调整为 Y，其中：A 由年初的 a 调整为 a′，B b: the old or the new parts, not said
    own_sum = len(parts) >= 3 and bool(_OWN_SUM.search(parts[0].label))
    its_parts = len(parts) >= 3 and bool(_ITS_PARTS.match(text, parts[0].end))
    if own_sum or its_parts:  # 其中财政资金（合计）a，分别为 A a1、B a2，自筹资金 b (a1 + a2 = a): the first
        # part's own parts after it, then its siblings
        own = next((k for k in range(2, len(parts) + 1) if precision.total(parts[1:k], parts[0].unit).meets(
            precision.interval(parts[0]))), None)
        if own is None and own_sum and its_parts:
            return []  # (its own parts not adding up to it: which are its and which its siblings, unsaid)
        if own is not None:
            parts = [parts[0], *parts[own:]]
    marks = [m.group(1) for p in parts if (m := _PHASE.match(text, p.end))]
    if any(mark not in text[max(0, start - 200) : pos] for mark in marks):
        return []  # 4#楼 b（二期）: a part of another phase than the total's (not the total's own 一期)
    if not parts or any(_GROSS.match(text, p.end) for p in parts):
        return []  # (土地出让收入 a（含提取转列…，扣减后实为 b; “两金”计提 c）: a part counted gross)
    # 产出类指标得满分: a part in words; 主要是 A a、B b: the main parts, maybe not all
    unsaid = fam == "分" and bool(_FULL_MARKS.search(text, pos, stop)) or word in _MAIN \
        or word.startswith("按") and word.endswith("分")  # (按支出性质分，A a，B b。另有 C c: maybe not all)
    main = "主要" in text[max(start, pos - 12) : pos + len(word)] or word == "用于" \
        or _MAIN_NEXT.match(text, pos + len(word)) is not None  # 主要包括：A a; 按来源分，主要是 A a; ，用于…
    rest = []  # the parts after a part's own nested list: taken when with them the total holds
    if stop == nested_at and labels.open_paren(text, start, pos) is None:
        rest = _after_nested(words, text, after, fam, stop, end)

    def candidates(s_start, s_figs, upto, s_text=text):
        near = [f for f in s_figs if s_start <= f.start and f.end <= upto and f.is_point
                and family(f.unit) == fam and not _changes(words, f)]
        hidden = labels.inside(s_text, s_start, [f.start for f in near])
        return [f for f, h in zip(near, hidden) if not h]

    inside = labels.open_paren(text, start, pos)
    outer = start
    if inside is not None:
        start = inside  # a list inside parentheses belongs to a total inside them
    before = candidates(start, figs, pos)
    semi = max(text.rfind("；", start, pos), text.rfind(";", start, pos))
    if before and semi != -1 and word.endswith("包括") and _NAME_ONLY.fullmatch(text, semi + 1, pos):
        # X。收入包括：a、b；支出包括：c、d: the second side's total is the one it names, never b
        side = _SUBJECT.sub("", labels.unquote(text[semi + 1 : pos]))
        earlier = candidates(start, figs, semi)
        if index > 0:
            p_start, p_end, p_figs = sentences[index - 1]
            earlier = candidates(p_start, p_figs, p_end) + earlier
        before = [f for f in earlier if _subject_of(side, f)][-1:]
        if not before:
            return []
    if inside is not None and not before and text[inside + 1 : pos].strip(" ：:，,") == "":
        # 支出合计1,250.00万元（其中：基本支出…）: the list opens the parentheses right after its total
        last = next((f for f in reversed(figs) if f.end <= inside), None)
        gap = text[last.end : inside].strip(" ，,") if last is not None else ""
        # (下设7个单位（其中行政单位3个、事业单位5个）: the count's noun between, each part naming it)
        named_noun = _NOUN_GAP.fullmatch(gap) is not None and all(gap[-2:] in p.label for p in parts)
        if last is not None and last.start >= outer and (gap == "" or named_noun):
            before = candidates(last.start, [last], inside)
            start = last.start if before else start
            if not before and family(last.unit) != fam:
                # 项目58个，…，平均得分94.62分（其中，评级为“优”的项目42个，…）: the count of what each part
                # names, before the score the brackets follow
                named = [f for f in candidates(outer, figs, inside) if len(labels.core(f.label)) >= 2
                         and all(labels.core(f.label)[-2:] in p.label for p in parts)]
                before = named[-1:]
    names_whole = word.endswith("如下") or word.startswith("主要内容") or (  # X的主要内容是：… names its X
        word.endswith("包括") and _NAME_ONLY.fullmatch(text, start, pos) is not None)  # X。X包括：A a，B b
    opens = text[start:pos].strip(" ：:，,①②③④⑤在") == "" or (  # 支出主要构成如下：opens its sentence too
        names_whole and not any(f.start < pos for f in figs if f.start >= start)) or (
        # X。主要用于部门运行支出，其中：…: X's purpose first, then its parts
        word == "其中" and _PURPOSE_FIRST.fullmatch(text, start, pos) is not None) or (
        # X。（其中：A a，B b）: the brackets open the sentence after their total
        inside is not None and text[outer:inside].strip() == ""
        and text[inside + 1 : pos].strip(" ：:，,") == "")
    subject = _SUBJECT.sub("", labels.unquote(text[start:pos])) if names_whole else ""
    own = word[:-1] if word.endswith("中") and word != "其中" else ""  # 基本支出中，: its parts
    if not before and opens and (index > 0 or prev):
        back = index - 1  # X。主要用于…。其中：…: past a sentence of the purpose, with no amount, to X's
        if back >= 1 and not sentences[back][2] and _PURPOSE.match(text, sentences[back][0]) \
                and len([f for f in sentences[back - 1][2] if family(f.unit) not in ("ratio", "")]) == 1:
            back -= 1  # (sentence stating X alone: not X，比上年增加 c, whose parts may be c's)
        while back >= max(1, index - 2) and _aside_of_total(words, text, sentences[back]):
            back -= 1  # X。与上年相比，增加 c，增长 p%。增减变化的主要原因是：…。其中：…: X's parts
        p_text, p_sentence = (text, sentences[back]) if index > 0 else prev[:2]
        if index == 0 and words.parts.within(p_text[p_sentence[0] : p_sentence[1]]):
            return []  # 支出总计 X，其中基本支出 Y，项目支出 Z。⏎其中：…: whose parts these are is not said
        p_start, p_end, p_figs = labels.near(p_sentence, p_sentence[1])
        opened = min((k for w in words.parts if (k := p_text.find(w, p_start, p_end)) != -1), default=p_end)
        if _BY_DIMENSION.match(word) and not p_text[p_start:opened].strip(" ：:，,"):
            return []  # X。其中：基本支出 a，项目支出 b。按…分类：…: a second breakdown of X, or of a
            # (人员经费 and 公用经费 make 基本支出): whose, not said
        before = candidates(p_start, p_figs, p_end, p_text)
        if any(f.start < opened for f in before) and not own:
            before = [f for f in before if f.start < opened]  # the sentence's own parts are no total here
        colon = max(p_text.rfind("：", p_start, p_end), p_text.rfind(":", p_start, p_end))
        if colon >= 0 and any(f.start > colon for f in before):  # …如下：1. 基本支出 X。其中，…: the item's X
            before = [f for f in before if f.start > colon]
        named = {(labels.core(p.label), p.value) for p in parts}  # 项目支出 X。…如下：…项目支出 X: a part
        before = [f for f in before if (labels.core(f.label), f.value) not in named]
        series = _series(before[-2:], parts) if len(before) >= 2 else None
        totals = [f for f in before if words.totals.within(f.label.replace("公共", ""))]  # 共 of 公共: none
        if own:
            series, before = None, [f for f in before if labels.core(f.label).endswith(own)][-1:]
        else:
            adding = _adding(before, parts)
            if totals and adding and len(before) >= 2 and adding[0] is not totals[-1]:
                totals = adding  # 共发放问卷1,300份，回收有效问卷1,240份。其中…: the one the parts add up to
            if opened < p_end and any(f.start > opened for f in p_figs) \
                    and not any(_within_a_digit(f, parts) for f in before):
                return []  # X，其中 A a，B b。其中：…: whose breakdown (X's, a's, b's) is not said (when the
                # parts miss each by more than one digit of one figure)
            before = totals[-1:] or _measured(before, parts) or adding or _outturn(before, parts) \
                or _off_by_a_digit(before, parts)
            if before and not precision.total(parts, before[-1].unit).meets(precision.interval(before[-1])) \
                    and any(
                    f is not before[-1] and f.is_point and family(f.unit) == fam
                    and precision.total(parts, f.unit).meets(precision.interval(f)) for f in p_figs):
                return []  # X，其中已拨付 Y。按来源分，A a，B b (a + b = Y): a breakdown of Y, maybe
        if subject and not any(_subject_of(subject, f) for f in before):
            return []  # “三公”经费支出具体如下：…: a breakdown of what it names, not of the total before
        under = _UNDER_NAMED.match(text, pos + len(word))
        if under and before and under.group(1) not in labels.core(before[-1].label):
            return []  # A 得分 a，…，产出指标得分 c。其中，产出指标下的数量指标得分 d: c's, not the first's
        among = _AMONG_NAMED.match(text, pos + len(word))
        if among and before and {m.group() for m in labels.SUB_LEVEL.finditer(before[-1].label)} \
                != {m.group() for m in labels.SUB_LEVEL.finditer(among.group(1))}:
            return []  # 从收入结构看，全盟一般公共预算收入中，A a；B b: of the 全盟's whole, not of the
            # 旗级 amount before it; 市本级收入中: of 市本级's, not of 全市's
        if among and before and not _names_whole(among.group(1), before[-1]):
            # 全年预算 X。全年支出 Y。按资金来源分，全年预算中：A a，…: X's parts, not Y's (the two sentences
            # before, of its paragraph or the one before); none so named: the amount before, as ever
            around = [(text, sentences[k]) for k in range(max(0, back - 1), back + 1)] if index > 0 \
                else [(prev[0], s) for s in prev[2][-2:]]
            earlier = [f for t, (a, b, figs) in around for f in candidates(a, figs, b, t)]
            before = [f for f in earlier if _names_whole(among.group(1), f)][-1:] \
                or [f for f in earlier if _same_measure(among.group(1), f)][-1:]
            if not before:
                return []  # (项目预算中 after 项目实际支出 X: none of its measure)
        if subject and word.endswith("包括") and sum(
                _subject_of(subject, f) for f in candidates(p_start, p_figs, p_end, p_text)) > 1:
            return []  # 收入总计 X，其中本年收入合计 Y。收入包括：…: which of the two is not said
    else:
        series = _series(before[-2:], parts) if len(before) >= 2 else None
    if not before and word == "其中" and index > 0:
        before = _named_before(text, sentences[index - 1], start, pos, figs, fam)
    if not before or word.endswith("用于") and fam != "money" and _other_family_said(figs, pos, fam):
        return []  # 运行维护费16.42万元，主要用于…，保有量6辆: the uses of the amount, not a count's parts
    if word == "主要为：" and (len(before) > 1 or any(before[-1].end <= f.start < pos and _changes(words, f)
                                                    for f in figs)):
        return []  # 共 X，其中中央资金 Y，主要为：…: whose main parts these are is not said; X，比上年增加
        # c，主要为：…: the change's, maybe
    if word.startswith("主要内容"):
        said = text[start:pos]
        years = labels.YEAR.findall(said)
        if not _CLASS_END.search(_SUBJECT.sub("", said)) or years and years[-1] not in before[-1].label:
            return []  # 乡村振兴项目的主要内容是: a project's works, not its spending; 2015年…: another year
    complete = word in words.complete
    if series and wide is not None:
        totals_ = [total for total, _ in series]
        series = _series(totals_, collect(wide)) or series
        if "其中" in text[start:pos] and _adding_up(series) < len(series):
            # …，其中：A 预算 a1，决算 a2；B 预算 b1，决算 b2；公务接待费 预算 c1…: a list inside another's
            # part, the outer list going on after it: its clauses up to where more of them add up
            for end in reversed([c for c in cuts[2:-1] if c < wide]):
                shorter = _series(totals_, collect(end))
                if shorter and _adding_up(shorter) > _adding_up(series):
                    series = shorter
                    break
    # two items or more stating each measure (not 上解支出 X，滚存结余 Y，其中：结转下年支出 a，净结余 b: Y's)
    if series and all(len(group) >= 2 for _, group in series):
        return [Listing(total, tuple(group), complete) for total, group in series]
    if rest:  # what follows a nested list may be anything (…；公务接待费 5万元；年初预算 20万元) or the
        # nested list's own last part (A a；B b，其中，B1 b1；B2 b2): as much of it as makes the whole, or
        # would but for one digit
        # (or all of it but the first, the nested list's own last part: B1 b1；B2 b2；C c)
        whole = before[-1]
        options = [rest[i:k] for i in (0, 1) for k in range(len(rest), i - 1, -1)]
        fits = [o for o in options
                if precision.total([*parts, *o], whole.unit).meets(precision.interval(whole))] \
            or [o for o in options if _within_a_digit(whole, [*parts, *o])]
        if len({tuple(map(id, o)) for o in fits}) != 1:
            return []  # (none, or several: which is not said)
        parts = [*parts, *fits[0]]
    parts = _own_fund(before[-1], _one_side(before[-1], _one_measure(before[-1], _subset(text, before[-1],
                                                                                         parts))))
    parts = _same_year(before[-1], parts)
    code = _code_before(text, before[-1])
    if code:  # A（科目编码：21205）a，其中 A1（2120501）a1，B（科目编码21208）b: B is no part of A
        parts = list(itertools.takewhile(lambda p: not _sibling_code(_code_before(text, p), code), parts))
    own = labels.core(before[-1].label).strip("，,：: ")
    if len(own) >= 4 and len(parts) >= 2:  # 偿还政府债务 X，其中：…，偿还政府债务利息 y: a sibling, no part
        parts = parts[:1] + list(itertools.takewhile(lambda p: not _extends(labels.core(p.label), own),
                                                     parts[1:]))
    if len(parts) >= 2:  # …；全区政府性基金收入 b: another whole of the same scope, no part
        parts = parts[:1] + list(itertools.takewhile(lambda p: not _SCOPE.match(labels.core(p.label)),
                                                     parts[1:]))
    if word == "其中" and "其中" in text[start:max(start, pos - len(labels.core(before[-1].label)) - 12)]:
        # A a；B b，其中，B1 b1；B2 b2；C c: a nested list may run on into the outer one's next part; the
        # parts up to where they make B exactly, when all of them go beyond it
        whole = precision.interval(before[-1])
        if precision.total(parts, before[-1].unit).lo > whole.hi:
            k = next((k for k in range(len(parts) - 1, 1, -1)
                      if precision.total(parts[:k], before[-1].unit).meets(whole)), None)
            parts = parts[:k] if k else parts
    for first in resumed:  # A a，主要包括：…；B b: B on the list only when A alone does not make the total
        k = next((i for i, p in enumerate(parts) if p is first), None)
        if k and precision.total(parts[:k], before[-1].unit).meets(precision.interval(before[-1])) \
                and not precision.total(parts, before[-1].unit).meets(precision.interval(before[-1])):
            parts = parts[:k]
            break
    if (left_out := _LEFT_OUT.match(text, before[-1].end)) is not None:
        # 收入合计 X（不含上年结转 a），其中：…，上年结转 a: the item left out of X is no part of it
        names = [m.group() for item in re.split(r"[、和及，,]", left_out.group(1))
                 if (m := re.match(r"[\u4e00-\u9fff]{2,16}", item.strip()))]
        parts = [p for p in parts if not any(labels.core(p.label).endswith(labels.core(n)) for n in names)]
        if not parts:
            return []
    if _GROSS.match(text, before[-1].end) or _NET_OF.match(text, before[-1].end):
        return []  # 政府性基金收入 X（不含转列…）, 综合预算收入 X（已剔除…调入 a）: a total net of what moved
        # out or in, its parts gross
    if sum(p.value for p in parts) > before[-1].value and _NET_FUNDS.search(before[-1].label) \
            and all(p.unit == before[-1].unit for p in parts) \
            and (_SCOPE.match(labels.core(before[-1].label)) or _SET_ASIDE.search(text, start, end)):
        return []  # 政府性基金收入 X，其中，国有土地出让收入 Y (Y > X): a fund's income is counted net of
        # what it sets aside (计提…转入一般公共预算) and refunds, its land sales gross
    one = word == "其中" and len(parts) == 1
    if parts and all(_measure_only(p.label) for p in parts):
        return []  # 支出 X，具体如下：年初预算 a；实际支出 X: one thing's measures, no parts of it
    second = _run_on(text, sentences, index, before[-1], parts[0]) if one else []
    if second:
        return [Listing(before[-1], (parts[0], *second), True)]  # both things the total is named for
    return [Listing(before[-1], tuple(parts), complete and not unsaid, unsaid=unsaid, main=main)] if parts \
        else []


def _run_on(text: str, sentences, index: int, total: Figure, first: Figure) -> list[Figure]:
    """The second part of a total named for two things (公务用车购置及运行费 X。其中：公务用车购置费 a，
    2017年公务用车购置0辆。公务用车运行费 b，…), opening a sentence after the list's: its name is the first
    part's with the other of the total's two things in it (运行 for 购置), or the total's name after 及 when
    the first part's is its name before (会议费及培训费 X。其中：会议费 a，…。培训费 b); [] when none follows
    within two sentences."""
    own, whole = labels.core(first.label).strip("：:，, "), labels.core(total.label)
    head = 0
    for later in sentences[index + 1 : index + 3]:
        figs = [f for f in later[2] if f.is_point and family(f.unit) == family(first.unit)]
        if not figs:
            continue
        name = text[later[0] : figs[0].start].strip()
        if not _PART_NAME.fullmatch(name):
            return []
        while head < min(len(own), len(name)) and own[head] == name[head]:
            head += 1
        tail = 1 if own[-1:] == name[-1:] else 0
        mine, theirs = own[head : len(own) - tail], name[head : len(name) - tail]
        if head >= 2 and mine and theirs and mine != theirs and mine in whole and theirs in whole \
                and not labels.YEAR.search(name):
            return [figs[0]]
        halves = _BOTH.split(whole, maxsplit=1)  # 会议费及培训费支出: 会议费 a。…培训费 b
        if len(halves) == 2 and not labels.YEAR.search(name):
            left, right = halves[0], _TOTAL_WORD.sub("", halves[1])
            if own.endswith(left) and len(left) >= 2 and len(right) >= 2 \
                    and _HALF_NAMED.fullmatch(name.removeprefix(right)) is not None:
                return [figs[0]]  # (not 培训费预算 b: a measure of it, no part)
        return []
    return []


_BOTH = lazy(r"及|和")
_HALF_NAMED = lazy(r"(?:支出|经费)?(?:为|共|计)?")  # what may follow the half's name: nothing of a measure
_TOTAL_WORD = lazy(r"(?:支出|合计|共计|总计|总额)$")


_PART_NAME = lazy(r"[\u4e00-\u9fff“”（）()]{3,20}")


def _named(text: str, figure: Figure, listed: list[Figure], fam: str) -> bool:
    """Whether a figure of another family is part of the next part's name: that part follows in the same
    clause (no comma or stop between), as in 下拨公安两所综治维稳工作经费18万元."""
    after = next((f for f in listed if f.start > figure.start and family(f.unit) == fam), None)
    return after is not None and _CLAUSE_BREAK.search(text, figure.end, after.start) is None


_CLAUSE_BREAK = lazy(r"[，,；;。：:、]")


def _ended(text: str, pos: int, parts: list[Figure], figure: Figure) -> bool:
    """Whether a listing ends before ``figure``: a colon opening a list of its own (较大的项目有：), its parts
    joined by 、 and a clause of its own now (其中：A a、B b，调减 C c), or a numbered item now that its parts
    were not numbered (其中：行政运行 a； 对村委会补助 b； 7.林业支出 c)."""
    between = text[parts[-1].end : figure.start]
    opened = labels.open_paren(text, parts[-1].end, figure.start) is not None
    if _colon_closed(between) is False and not opened:
        return True  # …，B b，较大的项目有：C c、D d: examples of its own, opened by their colon (not A a，
        # 主要包括：工资、津贴；B b: a part's purpose, closed by its semicolon)
    joined = [text[a.end : b.start] for a, b in zip(parts, parts[1:])]
    clause = between.split("，")[-1].split(",")[-1]
    act = _ACTS.match(clause)
    if joined and all("、" in j and not _COMMA.search(j) for j in joined) and _COMMA.search(between) \
            and act and not any(labels.core(p.label).startswith(act.group().strip()) for p in parts):
        return True  # (…、B b，调减 C c: a clause of its own; not …、B b，C c, a list written loosely, nor
        # 拨付各村… a、…，拨付… d: one more part named as the first was)
    if _APART_FROM.search(between):
        return True  # 其中：财政拨款收入 a，占100%；此外，年初结转和结余 b: besides the total, no part
    if figure.unit in precision.COUNT_UNITS and _INVOLVED.match(re.split(r"[，,；;]", between)[-1]) \
            and not any(_INVOLVED.match(labels.core(p.label)) for p in parts):
        return True  # 其中项目支出评价4个，政策评价3个，涉及部门单位7个: what the whole involves, no part (a
        # count; an amount may be a part so named: 场地改造 a，涉及人员培训 b)
    own = labels.core(figure.label)
    if figure.unit in precision.COUNT_UNITS and all(labels.core(p.label) for p in parts) \
            and not any(_OUTCOME.search(p.label) or _OUTCOME_AFTER.match(text, p.end) for p in parts) \
            and (_OUTCOME_LABEL.fullmatch(own)
                 or _BARE_COUNT.fullmatch(own) and _OUTCOME_AFTER.match(text, figure.end)):
        return True  # 其中产出指标6个、效益指标3个，8个指标得满分 (，完成8个; 得满分的指标8个): the parts
        # named by kind, then what became of some (得满分, 已完成): a count of its own, no part
    if _ADDED_AFTER.search(between):
        return True  # X，其中 A a；加上级补助收入 b，…，收入合计 T: what is added to X, no part of it (not
        # 其中 A a，B b，加 C c: the list's last part, said as what the first two take)
    return _MARKED.search(between) is not None and _MARKED.search(text, pos, parts[0].start) is None


def _closed_colon(text: str, parts: list[Figure], figure: Figure) -> bool:
    """Whether a part's description opened by a colon closes before ``figure`` (A a，主要包括：…；B b)."""
    return _colon_closed(text[parts[-1].end : figure.start]) is True


def _colon_closed(between: str) -> bool | None:
    """Of the text between two amounts, its asides in brackets apart (（其中：A a；B b）): None when no colon
    opens a list in it, True when a semicolon closes the last one, False when it runs on to the amount."""
    plain = labels.ASIDE.sub("", between)
    colon = max(plain.rfind("："), plain.rfind(":"))
    return None if colon == -1 else _SEMI.search(plain, colon) is not None


_COMMA = lazy(r"[，,]")
_ITEM_OPENS = lazy(r"(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.．、])\s*$")
_LEAD_CODE = lazy(r"[【\[［]\s*(\d{3,7})\s*[】\]］][^【\[［，,；;。\d]*$")  # [21004]公共卫生 a: its code


def _item_code(text: str, figure: Figure) -> str:
    """The classification code in square brackets opening an item's name ([21004]公共卫生 a), or ''."""
    m = _LEAD_CODE.search(text, max(0, figure.start - 40), figure.start)
    return m.group(1) if m else ""
_SEMI = lazy(r"[；;]")
_BECAUSE = lazy(r"原因是|原因为|主要由于|是由于|系因")
_SUB_ITEMS = lazy(r"[，,]\s*主要(?:是|为|包括|有)")
_APART_FROM = lazy(r"[，,；;。]\s*(?:此外|除此之外|除此以外)")  # (not 另外: 另外，其他收入 b is a part)
# a label naming only the outturn (全年执行数, 实际支出)
_OUTTURN_ONLY = lazy(r"(?:全年|本年度?|年度|实际)?(?:执行数|决算数|支出数|执行|支出|决算|实际支出|完成)"
                     r"(?:金额|资金)?(?:为|是)?")
_PLANNED_TOTAL = lazy(r"预算|计划")
_RUNNING = lazy(r"累计|截至|截止|至今|以来")  # a running total (累计完成投资, 截至年底)
# what a label measures, its period and running words left out (2024年完成投资, 累计完成投资: 完成投资)
_PERIOD_WORDS = lazy(r"(?:19|20)\d\d\s*年度?|\d{1,2}\s*[-—–至~]\s*\d{1,2}\s*月份?|\d{1,2}\s*月份?"
                     r"|第?[一二三四1-4]\s*季度|[上下]半年|全年|本年度?|当年|累计|截[至止][^，,；;]*?(?:底|末|目前|今)"
                     r"|截[至止]|至今|以来|其中|已|[\s，,：:；;、]")


_AS_OF = lazy(r"\s*(?:其中)?\s*截[至止]")  # a clause opening at a date (截至目前累计完成投资 b)


def _measure(label: str) -> str:
    return _PERIOD_WORDS.sub("", labels.core(label))
# what became of the things counted (8个指标得满分, 8个已完成, 2个未达到目标值; 完成8个, 得满分的指标8个)
_OUTCOMES = r"(?:满分|(?:已|未|均已|尚未)?(?:完成|达到|达标|实现)|扣分|失分)"
_OUTCOME = lazy(_OUTCOMES)
_OUTCOME_AFTER = lazy(rf"[^，,。；;、（()）\d]{{0,8}}?{_OUTCOMES}")
# a label naming only what became of some (完成, 得满分的指标, 已完成的项目; not 完成时限指标, 达标改造)
_OUTCOME_LABEL = lazy(r"(?:其中|共有|共|有|另有)?\s*(?:均已|已经|已|尚未|未)?"
                      r"(?:完成|达标|达到目标值?|实现目标|得满分|获满分|满分|扣分|失分)"
                      r"的?(?:指标|项目|任务)?(?:数|数量)?(?:为|有|共)?")
_BARE_COUNT = lazy(r"(?:共有|共|有|另有|其中)?")
_INVOLVED = lazy(r"\s*(?:共|合计)?(?:涉及|覆盖)")
_ACTS = lazy(r"\s*(?:调增|调减|追加|核减|压减|增加|减少|另|安排|下达|拨付|(?:全年)?实际|差额|差值)")
_MARKED = lazy(r"(?:^|[；;。：:\s])\s*(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]"
               r"|[（(][一二三四五六七八九十]{1,3}[)）]|[①-⑳])")


def _sibling_code(own: str, code: str) -> bool:
    """Whether a part's code is the total's sibling: as long, of the same 类, another (21208 beside 21205);
    not a child (2120501), nor a code of another classification (301 under a 201)."""
    return len(own) == len(code) > 3 and own[:3] == code[:3] and own != code


def _code_before(text: str, figure: Figure) -> str:
    """The classification code in brackets right before an amount (…（科目编码：21205）32万元), or ''."""
    m = _CODED.search(text, max(0, figure.start - 24), figure.start)
    return m.group(1) if m else ""


_CODED = lazy(r"[（(](?:[^（()）]{0,8}(?:编码|编号))?\s*[:：]?\s*(\d{7}|\d{5}|\d{3})\s*[)）]"
              r"\s*(?:为|是)?\s*$")


def _extends(label: str, own: str) -> bool:
    """Whether a part's label is the total's own name with more words after it (偿还政府债务利息 after
    偿还政府债务), not with a qualifier in brackets (项目支出（政府性基金）)."""
    label = label.strip("，,：: ")
    return label.startswith(own) and len(label) > len(own) and label[len(own)] not in "（("


def _quoted(text: str, figure: Figure) -> bool:
    """Whether a figure stands inside a short quotation (“一岛二窗三个区”, “五个严防”): a name, not a part."""
    left = text.rfind("“", max(0, figure.start - 12), figure.start)
    if left == -1 or "”" in text[left : figure.start]:
        return False
    return text.find("”", figure.end, figure.end + 12) != -1


def _adding_up(series) -> int:
    """How many of the ``(total, parts)`` of a series add up."""
    return sum(1 for total, group in series
               if precision.total(list(group), total.unit).meets(precision.interval(total)))


def _same_year(total: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts up to one dated another year than its total (2025年“三公”经费预算数 X，其中：A a；2024年
    “三公”经费预算数为 Y: last year's total, no part)."""
    year = labels.YEAR.findall(total.label)
    measure = labels.YEAR.sub("", labels.core(total.label)).strip()
    for k, part in enumerate(parts):
        said = labels.YEAR.findall(part.label)
        if len(year) == 1 and said and said[-1] != year[0] \
                and labels.YEAR.sub("", labels.core(part.label)).strip().removesuffix("为") == measure:
            return parts[:k]  # (2021-2024年 X，其中2021年为 a: a breakdown by year, each a part)
    return parts



def _subset(text: str, total: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts up to one said to be a share of a part before it (其中专任教师152人，“双师型”教师97人，
    占专任教师的63.82%: the 双师型 are among the 专任, no part of their own), not of what the total names
    too when the parts' shares so far add up to 100% at most (收入 X。其中：税收收入 a，占收入的 p；
    非税收入 b，占收入的 q: each a share of X; not 民生支出 a，占支出的80%；教育支出 b，占支出的25%)."""
    whole = labels.unquote(labels.core(total.label))
    shares = [_STATED_SHARE.match(text, p.end) for p in parts]
    for k, part in enumerate(parts[1:], 1):
        m = _SHARE_OF_PART.match(text, part.end)
        of_total = m is not None and m.group(1) in whole and all(shares[: k + 1]) \
            and sum(Decimal(s.group(1)) for s in shares[: k + 1]) <= 101  # (80% and 25% of it: nested)
        if m and not of_total and any(m.group(1) in labels.unquote(labels.core(p.label)) for p in parts[:k]):
            return parts[:k]
    return parts


_STATED_SHARE = lazy(r"\s*[，,]?\s*占[^，,。；;\d]{0,16}?(\d+(?:\.\d+)?)\s*[%％]")  # a part's share after it
_SHARE_OF_PART = lazy(r"\s*[，,]?\s*(?:占|为)([^，,。；;的\d]{2,12})(?:总数|人数|数)?的")


def _own_fund(total: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts up to the first that names another fund than the total's (一般公共预算财政拨款支出 X，其中：
    …；政府性基金预算财政拨款支出 Y: a sibling, not a part), but as the other end of a transfer (从国有资本
    经营预算调入资金 a: the total's own receipt)."""
    own = labels.BUDGETS.search(total.label)
    if own is None:
        return parts
    cut = next((k for k, p in enumerate(parts)
                if (m := labels.BUDGETS.search(p.label)) and m.group() != own.group()
                and not _TRANSFER.match(p.label, m.end())), len(parts))
    return parts[:cut]


_TRANSFER = lazy(r"[^，,；;。]{0,4}(?:调入|调出|转入|转出)")


def _one_side(total: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts up to the first that names the other side of the account (收入 X，其中 A a，支出 Y，当期结余
    Z: the 支出 and the 结余 are no parts of the 收入; 上年结转结余 is, what last year left for this one)."""
    core = labels.core(total.label)
    sides = [side for side in ("收入", "支出") if side in core]
    if len(sides) != 1:
        return parts
    other = "支出" if sides[0] == "收入" else "收入"
    # 支出总计 (总支出) = 本年支出 + 年末结转和结余: the 结余 carried is a part of a 总计
    carried = "总计" in core or core.endswith(("总支出", "总收入"))
    own_year = "本年" in total.label or any(_BESIDES.search(p.label) for p in parts)  # 本年收入: not carried
    # in; 另有上年结转结余: beside the total
    cut = next((k for k, p in enumerate(parts)
                if other in p.label
                or p.label.endswith("结余") and (not _CARRIED_IN.search(p.label) or own_year)
                and not (carried and re.search(r"结转|年末", p.label))), len(parts))
    return parts[:cut]


_CARRIED_IN = lazy(r"上年结转|年初结转|上年结余")  # what last year left: a source of this year's 收入
_BESIDES = lazy(r"另有|另外|此外")


_PURPOSE_FIRST = lazy(r"\s*主要用于[^，,。；;\d]{1,30}[，,]\s*")
def _subject_of(subject: str, total: Figure) -> bool:
    """Whether a list's subject (收入 of 收入包括：) names ``total``: its label holds it, or, for 收入 and
    支出, 收支 (收支总预算 X。收入包括：…；支出包括：…: the one amount both sides make)."""
    name = labels.unquote(labels.core(total.label))
    return subject in name or subject in ("收入", "支出") and "收支" in name


_SUBJECT = lazy(r"[\s，,：:。]|主要|具体|明细|构成|情况|如下|的|年度|\d{4}年")


def _sibling_next(text: str, start: int, pos: int, semicolon: int, figs, fam: str) -> bool:
    """Whether a list nested after 其中 ends at its first semicolon because what follows is its total's
    sibling (其中：基本支出 a，其中人员经费 b；项目支出 c: 项目支出 and 基本支出 end alike), not its next
    part."""
    if "其中" not in labels.ASIDE.sub("", text[start:pos]):
        return False  # (an earlier list closed in its brackets: X(其中…)，Y(其中 a；b；c) is not nested)
    own = next((f for f in reversed(figs) if f.end <= pos and family(f.unit) == fam), None)
    first = next((f for f in figs if pos < f.start < semicolon and family(f.unit) == fam), None)
    after = next((f for f in figs if f.start > semicolon and family(f.unit) == fam), None)
    if own is None or after is None or first is None:
        return False
    a, b, c = (labels.core(f.label) for f in (own, after, first))
    # 公务用车购置费 0；公务用车运行费 6.50 under 公务用车购置及运行费: the next part, named like the first
    return len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:] and b[:2] != c[:2]


def _clause_heads(text: str, after, cuts: list[int], fam: str) -> bool:
    """Whether each clause of a list split by semicolons opens with an amount named like the others (一类债务
    …余额 a，…；二类债务…余额 b；三类…余额 c), two clauses or more after the first, whose other amounts are
    named otherwise (本年新增债券 n: the first part's detail, not a sibling part)."""
    mine = [f for f in after if cuts[0] <= f.start < cuts[-1] and family(f.unit) == fam]
    starts = [f.start for f in mine]
    heads, first = [], []
    for k, (a, b) in enumerate(zip(cuts, cuts[1:])):
        inside = mine[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
        if not inside:
            return False
        heads.append(inside[0])
        if k == 0:
            first = inside[1:]
    if len(heads) < 3:
        return False
    tail = {labels.core(h.label).rstrip("为是")[-2:] for h in heads}
    if len(tail) != 1 or len(next(iter(tail))) != 2:
        return False
    return bool(first) and all(labels.core(f.label).rstrip("为是")[-2:] not in tail for f in first)


def _parallel_next(pos: int, semicolon: int, figs, fam: str) -> bool:
    """Whether what follows the first semicolon of a list of one part opens with the verb of the total
    before the list, which its part does not (发行新增债券 X，其中新增专项债券 a；发行再融资债券 b): a clause
    beside the total's, not the list's next part."""
    own = next((f for f in reversed(figs) if f.end <= pos and family(f.unit) == fam), None)
    first = next((f for f in figs if pos < f.start < semicolon and family(f.unit) == fam), None)
    after = next((f for f in figs if f.start > semicolon and family(f.unit) == fam), None)
    if own is None or after is None or first is None:
        return False
    a, b, c = (labels.core(f.label) for f in (own, after, first))
    return len(a) >= 4 and b.startswith(_VERBS) and b[:2] in a[:-2] and b[:2] not in c


# a clause's own verb (发行再融资债券, 实际支出), not a noun's first characters (公共安全支出 of 一般公共预算)
_VERBS = ("发行", "实际", "完成", "实现", "安排", "下达", "拨付", "争取", "收到", "支付", "使用", "兑付",
          "偿还")


_USE = lazy(r"用于[^，,；;。]{0,8}$")  # 主要用于全局11辆…: a purpose
_FULL_MARKS = lazy(r"得满分|均?(?:为|获)满分")


def _in_clause(text: str, part: Figure, figure: Figure) -> bool:
    """Whether ``figure`` stands in the clause a part opens, after a comma (公务用车运行费6.00万元，车辆由3辆
    减至2辆；), before the semicolon that ends it."""
    between = text[part.end : figure.start]
    return bool(re.search(r"[，,]", between)) and not re.search(r"[；;。]", between)


_CLAUSE_MARK = lazy(r"[，,；;。]")
_GLUED_NAME = lazy(r"[\u4e00-\u9fff]{2,8}")  # a name alone between a part and the amount beside it
_MEASURED = lazy(r"下达|到位|拨付|支出|执行|预算|决算|结余|\d{4}")  # 分别为下达 X、到位 Y: two measures
# looked for with the funds' names taken out (a project's 总投资 is its plan too)
_PLANS = lazy(r"预算(?!内)|计划(?!生育)|批复|总投资|投资总额|总概算")


def _one_measure(total: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts of the total's measure, when the parts state a plan and an outturn each (项目支出 X。其中：A
    项目预算 a1，支出 a2；B 项目预算 b1，支出 b2): the outturns of a 支出, the plans of a 预算; none when the
    total names neither. Parts of one measure are all the total's."""
    plans = [p for p in parts if _planned(p.label) and not labels.OUTTURN.search(p.label)]
    done = [p for p in parts if not _planned(p.label) and labels.OUTTURN.search(p.label)]
    if not plans or not done or len(plans) + len(done) < len(parts):
        return parts  # 部门预算安排支出 names both: the parts are of one measure after all
    if _planned(total.label):
        return plans
    return done if labels.OUTTURN.search(total.label) else []


def _planned(label: str) -> bool:
    return _PLANS.search(labels.FUNDS.sub("", label)) is not None


def _after_nested(words, text: str, after: list[Figure], fam: str, at: int, end: int) -> list[Figure]:
    """The parts that go on after a part's own nested list closed by a semicolon (其中：因公出国（境）费
    0万元；公务用车购置及运行费6.40万元，其中：购置费0万元，运行费6.40万元；公务接待费1.20万元): those after
    the semicolon up to the next parts or total word, when the nested list holds amounts of the family; the
    caller keeps them only when with them the total holds (what follows may be a budget, another list)."""
    close = min((k for k in (text.find(c, at, end) for c in "；;") if k != -1), default=-1)
    if close == -1 or not any(at < f.start < close and family(f.unit) == fam for f in after):
        return []
    upto = min((k for w in (*words.parts, *words.stops) if (k := text.find(w, close, end)) != -1),
               default=end)
    rest = [f for f in after if close < f.start < upto]
    hidden = labels.inside(text, close, [f.start for f in rest])
    out = [f for f, h in zip(rest, hidden) if not h and family(f.unit) == fam and not _changes(words, f)]
    if any(family(f.unit) != fam for f in rest) or any(_clause_count(text, f, out) != 1 for f in out):
        return []  # 项目支出400万元，主要是信息化项目300万元: not one part a clause
    return out


def _clause_count(text: str, figure: Figure, figures: list[Figure]) -> int:
    """How many of ``figures`` stand in the semicolon clause of ``figure``."""
    first, last = min(f.start for f in figures), max(f.start for f in figures)  # (where it can matter)
    lo = max(text.rfind(c, first, figure.start) for c in "；;")
    his = [k for k in (text.find(c, figure.end, last + 1) for c in "；;。") if k != -1]
    hi = min(his, default=len(text))
    return sum(1 for f in figures if lo < f.start < hi)


_MEASURES = ("决算", "执行", "实际", "预算")
_SHARE_OF = lazy(r"占[^，,。；;：:]{0,12}$")
_MAXIMA = ("分值", "满分", "权重", "标准分")


def _scored(figure: Figure) -> bool:
    """Whether a figure is a score (得分48.08分, 满分20分，得19.20分)."""
    return "得分" in figure.label or figure.label.endswith("得")


def _measured(candidates: list[Figure], parts: list[Figure]) -> list[Figure]:
    """The one figure of the sentence before whose label names the measure every part names (预算为16.00，
    支出决算为14.15。其中：…支出决算为0，…决算为11.80: the 决算, not the first figure)."""
    for word in _MEASURES:
        if all(word in p.label for p in parts):
            hits = [f for f in candidates if word in f.label]
            return hits if len(hits) == 1 else []
    return []


def _within_a_digit(total: Figure, parts: list[Figure]) -> bool:
    """Whether the parts add up to ``total``, or would with one digit of one figure changed."""
    summed = precision.total(parts, total.unit)
    return summed.meets(precision.interval(total)) or precision.one_digit_fix(total, summed) is not None \
        or bool(precision.digit_fixes(total, parts))


def _adding(candidates: list[Figure], parts: list[Figure]) -> list[Figure]:
    """Of several figures in the sentence before, none a total by its words (年初预算84,440万元，全年完成
    86,425万元。其中：税收收入58,630万元，非税收入27,795万元), the one the parts add up to, when only one
    does; otherwise nothing: which of them the parts break down is not said. A single figure is the total."""
    if len(candidates) < 2:
        return candidates
    hits = [f for f in candidates
            if f.is_point and precision.total(parts, f.unit).meets(precision.interval(f))]
    return hits if len(hits) == 1 else []


def _off_by_a_digit(candidates: list[Figure], parts: list[Figure]) -> list[Figure]:
    """Of several figures in the sentence before, none of which the parts add up to, the one they would
    with one digit of one figure changed, when only one would (a typo in the total or a part)."""
    hits = [f for f in candidates if f.is_point and _within_a_digit(f, parts)]
    return hits if len(hits) == 1 else []


def _outturn(candidates: list[Figure], parts: list[Figure]) -> list[Figure]:
    """Of a plan and an outturn in the sentence before (预算数为12.60万元，实际支出10.84万元。其中：…) that
    the parts do not add up to, the outturn: what a 其中 breaks down when its parts name no measure (parts
    that do, 购置费预算数为 a，决算数为 b, pair with the plan and the outturn each)."""
    if len(candidates) < 2 or any(w in p.label for p in parts for w in _MEASURES):
        return []
    said = [labels.FUNDS.sub("", f.label) for f in candidates]  # (一般公共预算收入完成: no plan)
    done = [f for f, label in zip(candidates, said)
            if any(w in label for w in _DONE) and not any(w in label for w in _PLAN)]
    plans = [f for f, label in zip(candidates, said) if any(w in label for w in _PLAN) and f not in done]
    return done if len(done) == 1 and len(plans) == len(candidates) - 1 else []


_DONE = ("实际", "决算", "执行数", "完成")
_PLAN = ("预算", "计划", "下达", "批复")


def _purpose(text: str, at: int, end: int, figures, fam: str) -> bool:
    """Whether the parts word at ``at`` lists no amount of family ``fam`` up to the semicolon ending its
    clause (基本支出 a，主要用于保障机构正常运转；项目支出 b): a part's purpose, not a nested list."""
    semicolon = min((k for k in (text.find(c, at, end) for c in "；;") if k != -1), default=-1)
    return semicolon != -1 and not any(at < f.start < semicolon and family(f.unit) == fam for f in figures)


def _closing(text: str, pos: int, end: int) -> int:
    """Where the parenthesis open at ``pos`` closes (``end`` if not before it)."""
    depth = 1
    for k in range(pos, end):
        if text[k] in "（(":
            depth += 1
        elif text[k] in "）)":
            depth -= 1
            if depth == 0:
                return k
    return end


_NAME = lazy(r"[\u4e00-\u9fff“”（）()](?:[\u4e00-\u9fff“”（）()、]{0,14}[\u4e00-\u9fff“”（）()])?")
_NOT_NAME = lazy(r"比|较|增(?!设|建|配|添|购)|减|降|为|占|的|其中|包括|分别|预算|决算|执行|实际|计划|完成|"
                       r"上年|本年|年初|年末|加上|扣除")  # (加上 A a，B b，总计 T: a chain, not a list)


_INTRO = lazy(r"^(?:[^，,。；;：:]{0,30}(?:看|来看|而言|来说|分季度|分年度|按季度|按年度)"
              r"|(?:经|通过)?(?:综合)?(?:自评|评价|评定|打分|测算|核算|统计)|综上(?:所述)?|总体(?:来看|而言)?)[，,：:]")


def _named_clauses(text: str, start: int, comma: int, before: list[Figure]) -> list[Figure]:
    """The amounts of a sentence that is nothing but named amounts, one a clause, up to ``comma`` (教育支出
    8.40亿元，社会保障和就业支出7.58亿元，合计…): each clause a name and its amount, the name no measure,
    comparison or share (预算 X，决算 Y is two measures, not two parts); [] when the sentence is otherwise."""
    since = max(start, comma - 300)  # (a listing's reach: linear in a long paragraph)
    # an aside in brackets is a part's own (各项转移性收入 a（其中：…b）): blanked, its colon and amounts too
    seg = labels.ASIDE.sub(lambda m: " " * len(m.group()), text[since:comma])
    semi = text[comma : comma + 1] in "；;"  # A a；B b；C c；共计 t: the clauses split by semicolons
    head = since + max(seg.rfind(c) for c in ("：:" if semi else "：:；;")) + 1
    listed = [f for f in before[-20:] if f.start >= head and seg[f.start - since] != " "]
    if len(listed) < 2 or seg[listed[-1].end - since :].strip(" ；;" if semi else " ") != "":
        return []
    fam = family(listed[-1].unit)  # 购买变压器一套 a: a count in an item's name, the amount its part
    listed = [f for f in listed if family(f.unit) == fam or f.text[:1].isdigit() and f.unit != ""]
    names: set[str] = set()
    cut = "，, ；;" if semi else "，, "
    for k in range(len(listed) - 1, -1, -1):  # from the last: a long run of one name stops at its second
        f = listed[k]
        if semi and k and not any(c in text[listed[k - 1].end : f.start] for c in "；;"):
            return []  # (收入总计 T，其中：A a，B b；支出总计 S: the semicolon ends a list of commas)
        name = seg[(listed[k - 1].end if k else head) - since : f.start - since].strip(cut)
        name = _THIS_YEAR.sub("", _DATED.sub("", name)) if not k else name  # 2018年全区…收入 a, 本年人员经费
        # a: what it is, not when
        intro = _INTRO.search(name) if not k else None
        name = name[intro.end() :] if intro else name  # X项目分季度看，第一季度支出 a: the clause after
        if not f.is_point or f.unit != listed[0].unit or name in names:
            return []  # (支出合计 a，支出合计 b: one name twice is no list of parts)
        if not _NAME.fullmatch(name) or _NOT_NAME.search(_CARRIED_IN.sub("结转", labels.FUNDS.sub("", name))):
            return []  # (上年结转 a: this year's money carried in, an item; 上年 X: a comparison's base)
        if _ADDED_ON.match(name):
            return []  # 加返还性收入 a，…，收入合计 T: a chain added to the amount before (:func:`_plus`)
        names.add(name)
    return listed


_DATED = lazy(r"^.*(?:19|20)\d\d\s*年度?")
_THIS_YEAR = lazy(r"^\s*(?:本年度?|全年|当年)")  # opening the sentence of parts: all of them this year's


def _joined(between: str) -> bool:
    """Whether two amounts of a list are joined as items are (、, 和, 及 and their labels only)."""
    return any(w in between for w in ("、", "和", "及")) and not any(c in between for c in "，,；;。")


def _series(totals: list[Figure], parts: list[Figure]):
    """Two totals before the list (预算 X，支出 Y，其中 A 预算 a1 支出 a2 …) split the parts by label."""
    tails = [labels.core(t.label)[-2:] for t in totals]
    if len(set(tails)) != len(tails) or not all(tails):
        return None
    groups: list[list[Figure]] = [[] for _ in totals]
    for part in parts:
        hits = [i for i, tail in enumerate(tails) if tail in part.label]
        if len(hits) != 1:
            return None
        groups[hits[0]].append(part)
    if not all(groups):
        return None
    return list(zip(totals, groups))


_BASE = lazy(r"^[，,\s]*(?:(?:比|较|与)\s*(?:20\d\d\s*年?|上年|去年|上一年|上年度|同期)"
                   rf"|{labels.LAST_YEAR}(?:同期)?(?:为|是)?[，,\s]*$"
                   rf"|{labels.LAST_YEAR}(?!结转|结余)(?:预算|决算|执行|实际|支出|收入))")


def _changes(words, figure: Figure) -> bool:
    """Whether a figure states a change (增加 X, 占 P%) or the base of a comparison (比2024年预算 Y,
    上年为 Y, 上年预算 Y; not 上年结转, a part of this year's)."""
    if _ADDED_ITEM.fullmatch(labels.core(figure.label)):
        return False  # 其中…，增加2017年村干部报酬补贴 a: an item added, named, no change
    if _AIMED_AT.search(figure.label) and not _COMPARISON_SAID.search(figure.label):
        return False  # 其中…，支持商销稳增长 a: a programme named by the growth it aims at, no change
    # (占 of a share, never of 占用 nor 占地: 耕地占用税 a is a part, 总占地面积 X a total)
    return words.not_parts.within(figure.label.replace("占用", "").replace("占地", "")) \
        or _BASE.match(figure.label) is not None


# a programme named by the growth it aims at (支持商销稳增长, 稳外贸增长): no change stated (助力村集体增收 a
# is a gain it brought, no part)
_AIMED_AT = lazy(r"稳[\u4e00-\u9fff]{0,2}增长$")
_COMPARISON_SAID = lazy(r"比|较|同比|环比|上年|去年|同期")
# an item added to a list, named after its verb (增加2017年村干部报酬补贴), no comparison in it
_ADDED_ITEM = lazy(r"(?:增加|新增)(?!.*(?:比|较|同比|上年|去年|增长|下降))(?:(?:19|20)\d\d年度?)?"
                   r"[\u4e00-\u9fff“”]{4,}")
