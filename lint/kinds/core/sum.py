"""sum: parts stated after 其中/包括/主要用于 add up to the total stated before them.

The listings are read as :mod:`crossfoot.figures.listings` describes, with this check's words: a parts word
(``parts``: 其中, 包括, 主要用于, ...) after a total (the nearest figure before it whose label holds a
``totals`` word: 合计, 共, 总额, ...; else the first of its sentence, or of the sentence before when the parts
word opens its own), the parts being the figures of the total's unit family up to the end of the sentence, a
nested list or a ``stops`` word; figures in parentheses and figures that state a change (``not_parts``: 增加,
减少, 为…的) are neither. A total stated after its parts is read too, when its clause opens with a total word:
``A、B分别为 a、b，合计 t``, ``由 A a、B b 和 C c 组成，共计 t``, ``A a、B b，合计 t`` (such a listing is
complete); a whole score after its groups' (决策指标得分 a，…，总得分 t), whose groups named may be some only.
Parts after 主要是 or 主要为 in the total's sentence (or after 按支出性质分 and kin) are its main parts, maybe
not all (调增 X，主要是 A a 和 B b): beyond the total they are wrong, short of it they say nothing. So is a
count split by what became of each, its sentence's first count then two counts or more each said done or not
(12个指标中11个已完成，1个未完成; 9项绩效指标中，已完成7项，基本完成1项，未完成1项; 已整改到位39个，正在整改
9个; 16个指标得满分，3个指标扣分), after 其中 too (共设置指标24个，其中完成22个，未完成1个: the whole list).
Parts that add up to their total, each with its change stated after it as the total's is (限额 X，较2022年
增加 C，其中：A a，增加 c1；B b，减少 c2), have changes that add up, with their directions, to the total's:
reported at ``warning`` when one digit or one unit mistyped explains the gap. So do the parts' changes a
change is broken down into (较上年增加 C，主要是 A 增加 a，B 增加 b; 减少 C。其中：A 增加 a；B 减少 b；…;
增加 C（A 增加 a、B 增加 b））:
a 其中 list is reported at ``warning`` when one digit or one unit explains the gap, the main ones (主要是)
only when they go beyond a total with three telling digits that one digit of it explains (others may have
moved either way).

Among scores, a part taken off (扣分项扣0.5分, 扣减1分) counts against the total, unless every part and the
total are deductions.

Judged with interval arithmetic: four parts to 0.01 may miss their total by 0.02 (a part written 0 beside
parts to the cent, 因公出国（境）费0万元, is none, not up to 0.5万元). Parts that exceed the total are an
error whatever the wording. A listing after 其中 may name only some parts, so parts that fall short are
reported only when the listing is complete (declared so by a ``complete`` word, none in the core pack: 分别为
lists parallel values as often as parts; or naming three parts or more, one of them 0, as a template's list of
every part does, unless each states its share and the shares add up well under 100%; or parts that make the
whole by definition: a budget's 支出预算 its 基本支出 and 项目支出, a 基本支出 its 人员经费 and 公用经费, a
政府采购 its 货物, 工程 and 服务, a 财政拨款 its three funds, a 一般公共预算收入 its 税收收入 and 非税收入, a
公务用车购置及运行费 its 购置 and 运行, a count of units its 行政单位 and 事业单位 (named after their counts
too: 包括2个行政单位和3个事业单位), a 自评表's indicators its 产出, 成本, 效益 and 满意度指标 (these two when
listed plainly after the total: no subset, 其中纳入编报的; no 主要 or 等; nothing counted after them), a score
(or a total deduction, 共扣 X) its 决策, 过程, 产出 and 效益, unless its paragraph also states a bonus
(加分; one named after the groups, in their paragraph or the next, is one more part when said added,
另加减分加2分, and leaves the score unjudged when its amount is unsaid or taken off), a 产出 score its 数量,
质量, 时效 and 成本 (all four named);
or a count's parts closed by 其他: …特种专业技术用车18辆、其他用车14辆) or when one digit of one figure
explains the whole gap (a typo, reported at ``warning``; among four parts or more, a gap of 2% of the total or
more that digits of several parts could explain is a partial list as likely, not judged; two swapped digits
are too common a gap to tell a typo, and are only suggested). People counted past their total after the first
parts have added up to it are a second breakdown of the same whole (男性46人，女性36人，35岁以下24人), and
people counted by attributes of two kinds (女教师、35岁以下、中高级职称) overlap: neither is judged. Parts
that fail as written but add up once the one part written in another unit of money is read in the total's
(因公出国（境）费2.28元 among parts in 万元) are the unit's slip: a warning on that part, its fix suggested
(``2.28元 → 2.28万元``). Groups listed with a second measure beside each and its own total
(企业34561户，注册资本合计 X。其中公有制5846户，注册资本 a；…) partition the whole when the counts add up: the
amounts beside them must add up too (not the other way: a household in two programmes is counted in both).
Parts over their total are not judged when a later part is by definition within an earlier one
(地方一般公共预算收入 a；地方税收收入 b), when one names a group the others fit inside (民生支出 beside
教育支出, 卫生健康支出), or when the listing names the total's quantity and a part after a semicolon names
another (存款余额 X，其中住户存款余额 a；贷款余额 Y: a new total).

A paragraph ending on 其中： over numbered paragraphs (1、 2、 …, each closed by 。 or ；) lists its parts a
paragraph each: each amount of the total named by its measure (年初预算 a，支出决算 b) against the items'
amounts of that measure, one each, or its one amount of no measure against each item's first when they
name none either; the items may be the main ones only, so only parts exceeding the total are reported.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from decimal import Decimal

from ...figures import labels, listings, numbers, precision, units
from ...interval import Interval
from ...model import Figure, Severity
from ...regex import lazy
from ...vocabulary import Words, named
from ..base import JUDGED, Check, judge, unit_slip
from ..options import options

KIND = "sum"
FIELDS = JUDGED


@options
class Options:
    parts: Words = named("listing-parts")
    complete: Words = named("listing-complete")
    totals: Words = named("listing-totals")
    stops: Words = named("listing-stops")
    not_parts: Words = named("listing-not-parts")


def run(analysis, check: Check):
    for block in range(len(analysis.doc.blocks)):
        found = listings.find(analysis, block, check.options)
        text = analysis.doc.blocks[block].text
        split = []
        for whole, parts in _by_status(analysis, block):
            mine = [f for f in found if f.total is whole]
            if not mine:  # 12个指标中11个已完成，2个未完成: every one counted once
                yield from _judge(analysis, check, whole, parts, True)
            elif all(tuple(map(id, f.parts)) == tuple(map(id, parts))[: len(f.parts)] for f in mine):
                split.append(id(whole))  # 共设置指标24个，其中完成22个，未完成1个: the 其中 list (stopped at
                yield from _judge(analysis, check, whole, parts, True)  # 未完成, maybe) is the split, every
                # one counted
        found = _one_total_each(f for f in found if id(f.total) not in split)
        closed = {tuple(map(id, f.parts)) for f in found if f.parts and f.total.start > f.parts[-1].end
                  and _ADJUSTED.search(text, f.total.end, _sentence_end(text, f.total.end))}
        outer = {id(p): f for f in found for p in f.parts}
        for listing in found:
            if listing.total.start < listing.parts[0].start and tuple(map(id, listing.parts)) in closed:
                continue  # 得分89.16分。其中：A a，B b，四项合计91.16分；扣2分: the parts' own total,
                # then what takes the whole from it
            if _second_breakdown(outer.get(id(listing.total)), listing):
                continue  # 采购100万元，其中：货物30万元、服务70万元；其中：授予中小企业90万元: of the 100
            pair = _companions(analysis, listing.total, listing.parts)
            if pair is None:
                yield from _judge(analysis, check, listing.total, list(listing.parts), listing.complete,
                                  listing.unsaid, listing.main)
            else:
                yield from _judge_pair(analysis, check, listing, *pair)
            yield from _changes_of_parts(analysis, check, text, listing)
        yield from _change_breakdowns(analysis, check, block)
        yield from _items_below(analysis, check, block)


def _one_total_each(found) -> list:
    """The listings, one total for each run of parts two totals before them were both read as holding
    (收到资金共 X，支出 Y。其中：1.A a；2.B b: X by its total word, Y as the last amount said): the one
    the parts add up to, else the last said, the nearer (a slip in one of them reported once)."""
    found = list(found)
    by_parts: dict[tuple, list] = {}
    for f in found:
        if f.parts and f.total.end <= f.parts[0].start:
            by_parts.setdefault(tuple(map(id, f.parts)), []).append(f)
    dropped = set()
    for same in by_parts.values():
        if len({id(f.total) for f in same}) < 2:
            continue
        held = [f for f in same
                if precision.total(list(f.parts), f.total.unit).meets(precision.interval(f.total))]
        kept = held[-1] if held else max(same, key=lambda f: f.total.start)
        dropped |= {id(f) for f in same if f.total is not kept.total}
    return [f for f in found if id(f) not in dropped]


def _items_below(analysis, check: Check, block: int):
    """A paragraph ending on 其中： over numbered paragraphs, one part each (…年初预算为 a，支出决算为 b。
    其中： ⏎ 1、…（项）。年初预算为 a1，支出决算为 b1。 ⏎ 2、…): each amount of the total's, named by its
    measure (年初预算, 支出决算, 预算数 …), against the same measure's amounts of the items, one each; or the
    paragraph's one amount, of no measure said, against each item's one amount when the items name no
    measure either (a total of none over items that name theirs, or items of two amounts naming none, are
    left alone; 支出决算 is the 决算); an item's amount of a year before the report's (or, no report year
    known, before the latest its item names) is none of its parts. The items may be the main ones only
    (1.…（项）… 3.…（项）。 六、…: three of many): judged when they exceed the total, a shortfall saying
    nothing."""
    blocks = analysis.doc.blocks
    text = blocks[block].text
    if blocks[block].kind == "row" or not _BELOW_OPENS.search(text):
        return
    items: list[int] = []
    for b in range(block + 1, min(len(blocks), block + 1 + _ITEMS_MAX * 4)):
        m = _BELOW_ITEM.match(blocks[b].text)
        if blocks[b].kind == "row" or m is None or _item_number(m) != len(items) + 1:
            break
        items.append(b)
    if len(items) < 2 or not all(blocks[b].text.rstrip().endswith(("。", "；", ";")) for b in items):
        return  # (an item running on over the next line: where the list ends is not known)
    totals = [f for f in _money(analysis, block) if not _CHANGE_SAID.search(f.label)]
    keyed = [(_measure(f), f) for f in totals]
    if len(totals) > 1 and (not all(k for k, _ in keyed) or len({k for k, _ in keyed}) != len(keyed)):
        return  # amounts of no measure said, or one measure twice: which the items' are, not said
    owns = [_latest([f for f in _money(analysis, b) if not _CHANGE_SAID.search(f.label)], analysis.year())
            for b in items]  # (2023年为 a，2024年为 b: last year's a, no part)
    measured = any(_measure(f) for own in owns for f in own)
    if len(keyed) == 1 and not measured:
        if any(len(own) > 1 for own in owns):
            return  # 1、…安排资金 a，实际支出 b: which of an item's amounts is its part, unsaid
        keyed = [(None, keyed[0][1])]  # 三公 X。其中： ⏎ （一）因公出国（境）费 a；: the items' own amounts
    elif any(key is None for key, _ in keyed):
        return  # 支出 X。其中： ⏎ 1、…年初预算 a，支出决算 b: which of the items' measures is the total's
    for key, total in keyed:
        parts = []
        for own in owns:
            mine = own[:1] if key is None else [f for f in own if _measure(f) == key]
            if len(mine) != 1:
                return
            parts.append(mine[0])
        yield from _judge(analysis, check, total, parts, False, unsaid=True)  # (its main 项 only, as often
        # as all: a shortfall says nothing, whatever digit would explain it)


_BELOW_OPENS = lazy(r"(?:其中|具体(?:情况)?如下|具体包括)\s*[：:]\s*$")
_BELOW_ITEM = lazy(r"\s*(?:(\d{1,2})\s*[、.．](?!\d)|[（(]([一二三四五六七八九十]{1,3}|\d{1,2})[）)])")
_CHANGE_SAID = lazy(r"增加|减少|增长|下降|节约|上年|去年|(?:比|较)\S{0,8}$")  # a change, last year's: no part
_MEASURE = lazy(r"(年初预算|调整预算|全年预算|预算|支出决算|决算|执行)数?\s*(?:为|是|[：:])?\s*$")


def _latest(figures: list[Figure], year: str | None) -> list[Figure]:
    """An item's amounts but those of a year before the report's, or, no report year known, before the
    latest its labels name (2024年决算数 a，2025年决算数 b: b)."""
    said = [int(y) for f in figures for y in labels.YEAR.findall(f.label)]
    latest = str(max(said)) if said and not year else year
    return [f for f in figures if not labels.earlier(f.label, latest)]


def _item_number(m) -> int:
    return int(m.group(1)) if m.group(1) else numbers.whole(m.group(2)) or 0


def _money(analysis, block: int) -> list[Figure]:
    return [f for f in analysis.figures[block] if f.is_point and precision.family(f.unit) == "money"]


def _measure(figure: Figure) -> str | None:
    m = _MEASURE.search(re.sub(r"\s+", "", figure.label))
    return ("决算" if m.group(1) == "支出决算" else m.group(1)) if m else None  # (支出决算 is the 决算)


def _second_breakdown(outer, listing) -> bool:
    """Whether a list read as the breakdown of the last part of an ``outer`` list is a second breakdown of
    the outer total: the outer parts make their total exactly, these go beyond the part they were pinned
    to but not beyond the outer total, and they make that total too (培训班30期，其中 A 8期、B 22期，其中
    线上12期、线下18期), or are one (…服务70万元；其中：授予中小企业90万元; 共有车辆11辆，其中：…，一般公务
    用车2辆，其中新能源汽车4辆). Two parts or more beyond their part that do not make the total stay its
    breakdown (公用经费40万元，其中办公费30万元、差旅费20万元: wrong)."""
    if outer is None or listing.total is not outer.parts[-1]:
        return False
    unit = outer.total.unit
    whole = precision.interval(outer.total)
    parts = precision.total(list(listing.parts), unit)
    if not precision.total(list(outer.parts), unit).meets(whole) \
            or not parts.lo > precision.interval(listing.total).hi or parts.lo > whole.hi:
        return False
    return parts.meets(whole) or len(listing.parts) == 1


def _companions(analysis, total: Figure, parts) -> tuple[Figure, list[Figure]] | None:
    """The second measure a listing states beside each part, and its own total, when there is one (各类企业
    34561户，注册资本合计16101.59亿元。其中公有制5846户，注册资本9351.54亿元；私营企业21807户，注册资本…):
    one amount of another family in each part's clause (up to the next part, or the last part's ；/。), all
    named alike, and one amount of that family between the total and the first part, whose name holds theirs.
    None when any of that is missing."""
    if len(parts) < 2 or total.block != parts[0].block or any(p.block != total.block for p in parts):
        return None
    text = analysis.text(total)
    fam = precision.family(total.unit)
    ends = [p.start for p in parts[1:]] + [labels.stop_after(text, parts[-1].end)]
    found = []
    for part, end in zip(parts, ends):
        beside = [f for f in analysis.between(total.block, part.end, end)
                  if precision.family(f.unit) not in (fam, "ratio", "")]
        if not beside or not beside[0].is_point:
            return None
        found.append(beside[0])
    if any(_PER_ITEM.search(f.label) or precision.PER_HEAD.search(f.label) for f in found):
        return None  # 补贴标准为每人每月 100元: a rate per head, summed by nothing
    names = {labels.core(f.label).strip(" ，,；;") for f in found}
    other = [f for f in analysis.between(total.block, total.end, parts[0].start)
             if precision.family(f.unit) not in (fam, "ratio", "")]
    if len(names) != 1 or len(other) != 1 or not other[0].is_point \
            or len({precision.family(f.unit) for f in (*found, other[0])}) != 1:
        return None
    name = names.pop()
    return (other[0], found) if len(name) >= 2 and name in labels.core(other[0].label) else None


_PER_ITEM = lazy(r"每|标准|单价")  # (with precision.PER_HEAD: 人均, 户均, 平均)


def _judge_pair(analysis, check: Check, listing, other: Figure, beside: list[Figure]):
    """Two breakdowns of one set of groups side by side (N户, 注册资本 X for each): groups whose counts add
    up partition the whole, so the amounts beside them must add up too. Not the other way: amounts that add
    up say nothing of the counts (a household in two programmes, 危房改造 and 产业扶持, is counted in both,
    its money once in each); the count's listing is then judged on its own, as ever."""
    total, parts = listing.total, list(listing.parts)
    holds = precision.total(parts, total.unit).meets(precision.interval(total))
    holds_beside = precision.total(beside, other.unit).meets(precision.interval(other))
    if holds and not holds_beside and total.unit in precision.COUNT_UNITS:
        yield from _judge(analysis, check, other, beside, True)
    else:
        yield from _judge(analysis, check, total, parts, listing.complete, listing.unsaid, listing.main)


def _judge(analysis, check: Check, total: Figure, parts: list[Figure], complete: bool, unsaid: bool = False,
           main: bool = False):
    unit = total.unit
    if unit == "分" and _MAXIMUM.search(total.label):
        # 分值15分，其中A 5分…，得13分，扣2分: the points each is out of, then the score, no part
        parts = list(itertools.takewhile(lambda p: not _SCORED.search(p.label), parts))
        if not parts:
            return
    if unit == "分" and _BONUS_BESIDE.match(analysis.text(total), total.end):
        return  # 得分98.35分（含…加分1.00分），其中：A a；B b: the bonus beside the total is no part
    bonus = _bonus_after(analysis, parts[-1]) if unit == "分" else None
    if bonus == ():
        return  # 综合得分 T。其中，决策 a…效益 d。⏎ 另有加分项: the groups and a bonus after them, unsaid
    if bonus:  # …效益 d。⏎ 另工作表现加减分加2分: the bonus one more part
        parts = [*parts, *bonus]
    if unit == "分" and all(p.unit == "分" for p in parts):
        total, *parts = _points(total, *parts)
        taken = [p for p in parts if _DEDUCTED.search(p.label)]
        if taken and len(taken) < len(parts) and not re.search("扣|失", total.label):  # no sum of deductions
            parts = [replace(p, value=-p.value) if any(p is t for t in taken) else p for p in parts]

    parts = _shared_out(analysis, total, parts)
    places = [p.decimals for p in parts if p.value != 0]
    if places and min(places) > 0:  # 因公出国（境）费0万元 beside 3.26万元, 12.10万元: none, not 0.5万元
        parts = precision.nothing_for_zero(parts)

    def parts_sum(mode: str = "round") -> Interval:
        return precision.total(parts, unit, mode)

    verdict = judge(check, analysis, total, tuple(parts), parts_sum, expression=_signed_sum(parts))
    if verdict is None:
        return
    found = verdict.finding
    if found is None:
        yield verdict
        return
    if _CHANGED_TOTAL.search(total.label) and parts_sum().lo > precision.interval(total).hi:
        yield verdict.quiet()  # 增支 69,077万元。其中：…增支 76,892万元: a part may rise more than all of it
        return  # when others fell
    slipped = _unit_slip(total, parts)
    if slipped:  # 因公出国（境）费2.28元 among parts in 万元: the unit's slip, not the sum's
        other = slipped[0].unit  # (公务用车购置及运行费33.17元。其中：运行费33.17万元: the total's, its
        if units.dropped(total.unit, other) and len({p.unit for p in slipped}) == 1:  # unit lost a character)
            yield verdict.with_finding(unit_slip(found, total, other, check.lang))
        elif len(slipped) == 1:
            yield verdict.with_finding(unit_slip(found, slipped[0], total.unit, check.lang))
        else:
            yield verdict.quiet()
        return
    over = parts_sum().lo > precision.interval(total).hi
    # a listing that names parts of nothing (部级领导干部用车0辆、…、其他用车1辆) goes through a template's
    # every part: it is complete (not one of nothing but: 车辆1辆，其中A 0辆、B 0辆、C 0辆, the rest unsaid)
    complete = complete or len(parts) >= 3 and any(p.value == 0 for p in parts) \
        and any(p.value != 0 for p in parts) \
        and not _shares_short(analysis, parts) or _whole(total, parts, analysis) \
        or _complementary(analysis, parts) or _remainder(total, parts)
    if over and parts_sum().lo > precision.interval(total).hi * Decimal("1.5") and not found.suggestion \
            and not _deductions(total, parts):
        yield verdict.quiet()  # far too much to be one relation: the listing was misread, not misadded
        return  # (not 共扣0.67分，其中决策扣0.50分、…效益扣1分: deductions, each named, a total not updated)
    if _tree_levels(analysis, parts):
        yield verdict.quiet()  # 共15个指标，其中一级指标3个，二级指标7个，三级指标15个: one tree's levels
        return  # (each level counts the same indicators again, grouped; none is a part of the others)
    whole = precision.interval(total)
    if over and len(parts) >= 3 and precision.interval(parts[-1], "round", unit).meets(whole) \
            and precision.total(parts[:-1], unit).meets(whole) and _WHOLE_AGAIN.search(parts[-1].label):
        yield verdict.quiet()  # 其中：A 19万元，B 17万元，C 12万元，到位资金48万元: the last the whole again
        return  # (the parts before it make it), no part
    if over and _involved_after_whole(analysis.text(parts[-1]), total, parts, unit):
        yield verdict.quiet()  # 其中中央资金 a，省级资金 b，涉及脱贫户直补资金 c (a + b the total): what the
        return  # funds involve, said after the parts that make it
    if over and (_second_dimension(total, parts, unit) or _attributes(parts, unit)):
        yield verdict.quiet()  # 82人，其中男性46人，女性36人，35岁以下24人: the first parts are the whole
        return
    text = analysis.text(parts[-1])
    if over and total.unit in precision.COUNT_UNITS and not _graded(text, parts) and any(
            _SEMI.search(text, a.end, b.start) for a, b in zip(parts, parts[1:])):
        yield verdict.quiet()  # 纳税户122户，其中…96户，占78.7%；增幅超过30%的…79户: groups that overlap
        return  # (not grades: 1个项目评为优；3个项目评为良；…, each counted in one)
    if over and (_nested(parts) or _umbrella(parts, total) or _named_apart(text, total, parts)):
        yield verdict.quiet()  # 总收入 X，其中：地方一般公共预算收入 a；地方税收收入 b (b within a); 民生
        return  # 支出 beside 教育支出 (a group, its members); 存款余额 X，其中住户…a；贷款余额 Y (new total)
    if _of_another(analysis, total, parts, parts_sum()):
        yield verdict.quiet()  # 资产总额 a，负债总额 b，净资产 c（行政单位资产 x，事业单位资产 y）: x + y =
        return  # a, the parts of another amount of the sentence, not of the one right before them
    if not over and _made_up_after(analysis, total, parts):
        yield verdict.quiet()  # 实有人数6人，其中在职2人，离休0人，退休2人；其他人员2人: the listing went on
        return  # past its semicolon, the next count of its kind making the total exactly
    if over or (complete and len(parts) > 1):
        yield verdict
        return
    # the parts fall short: a partial listing, unless one digit of one figure explains the gap
    if len(parts) < 2 or unsaid or _OPEN_END.match(text, parts[-1].end) \
            or _CUT.fullmatch(text, parts[-1].end) or _some_named(total, parts, analysis):
        yield verdict.quiet()  # (…2万元等: the list says it is not all; …9万元，科: the text is cut off;
        return  # 得分 X，其中预算执行率 a，产出 b，效益 c: its 满意度 unsaid)
    if found.suggestion and precision.significant(total) \
            and precision.one_digit_fix(total, parts_sum()) is not None \
            and (not main or parts_sum().hi >= precision.interval(total).lo * Decimal("0.95")):
        # (the main items falling far short are just the main ones: 主要包括 A a，B b of X)
        yield verdict.with_finding(replace(found, severity=min(found.severity, Severity.WARNING)))
        return
    # a partial listing's gap explained by one changed digit only: a swap is too common a gap (and the
    # main items, 主要包括：…, miss parts as often as not: only the total's digit tells a typo there)
    typos = precision.digit_fixes(total, parts) if not main else []
    gap = precision.interval(total).lo - parts_sum().hi
    if len(typos) > 1 and (len(parts) <= 3 or gap * 50 <= precision.interval(total).lo):
        # a typo in either of two parts would explain it: the listing is wrong, but where (among four parts
        # or more, some digit of some part fits a gap of a few hundredths of the total and more: a partial
        # list, 市区 X，其中：A a，…，F f, as likely)
        yield verdict.with_finding(replace(found, severity=min(found.severity, Severity.WARNING)))
        return
    yield verdict.quiet()
    if len(typos) == 1:
        part, need = typos[0]
        related = (total, *[p for p in parts if p is not part])
        rest = "".join(f" + {p.text.lstrip('-−－')}" if p.value < 0 else f" − {p.text}"
                       for p in parts if p is not part)  # (less a part of −13.37万元: + 13.37万元)
        typo = judge(check, analysis, part, related, lambda need=need: need,
                     expression=total.text + rest, severity=Severity.WARNING)
        if typo is not None:
            yield typo


def _made_up_after(analysis, total: Figure, parts: list[Figure]) -> bool:
    """Whether the figure of the parts' unit and kind right after the last part, in its sentence past a
    semicolon, makes the total with them (…退休人员2人；年末其他人员2人 for 实有人数6人)."""
    last = parts[-1]
    if last.block != total.block:
        return False
    text = analysis.text(last)
    figs = analysis.figures[last.block]
    k = analysis.index(last) + 1
    if k >= len(figs) or figs[k].unit != last.unit or not figs[k].is_point \
            or not _SEMI.search(text, last.end, figs[k].start) or "。" in text[last.end : figs[k].start]:
        return False
    named = labels.core(figs[k].label).strip(" ，,；;")
    kinds = {labels.core(p.label).strip(" ，,；;")[-2:] for p in parts}
    if not (named[-2:] in kinds or _REST.match(named)) or _SUBSET.search(named) or _CARRIED.search(named):
        return False  # (在职人员中女性2人: a part's own; 年末结转和结余: no part of 本年支出合计; not
        # 另有10人次: the rest)
    return precision.total([*parts, figs[k]], total.unit).meets(precision.interval(total))


_CARRIED = lazy(r"结转|结余")
_REST = lazy(r"另有|另|其余|其他|剩余")
_SUBSET = lazy(r"(?:人员|人数|资金|项目|单位|学生)中")  # 在职人员中女性: some of a part, not one more


def _share_after(analysis, part: Figure) -> Figure | None:
    """The share a part states right after it (A a，占总收入的 p), or None."""
    figs = analysis.figures[part.block]
    k = analysis.index(part) + 1
    share = figs[k] if k < len(figs) else None
    if share is None or share.unit != "%" or "占" not in share.label \
            or _SEMI.search(analysis.text(part), part.end, share.start):
        return None
    return share


def _shared_out(analysis, total: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts that divide the whole among them by their shares: the first two or more each state its share
    right after it, those shares add up to 100% within their rounding, the parts after them state none, and
    the first ones alone add up to the total (其中：财政拨款收入 a，占57.2%；事业收入 b，占42.8%；
    年初结转和结余 c: c is beside the whole; not …；其他收入0.30万元, room the rounded shares leave)."""
    shares = list(itertools.takewhile(lambda s: s is not None, (_share_after(analysis, p) for p in parts)))
    if len(shares) < 2 or len(shares) == len(parts) \
            or any(_share_after(analysis, p) is not None for p in parts[len(shares):]):
        return parts
    first = parts[: len(shares)]
    if not precision.total(shares).meets(Interval.point(Decimal(100))) \
            or not precision.total(first, total.unit).meets(precision.interval(total)):
        return parts
    return first


def _shares_short(analysis, parts: list[Figure]) -> bool:
    """Whether each part states its share right after it (A a，占总收入的 p；B 0万元，占 0.00%；…) and the
    shares add up to well under 100%: the list says itself it names some parts only."""
    shares = [_share_after(analysis, p) for p in parts]
    return all(s is not None for s in shares) and sum(s.value for s in shares) < 99


def _graded(text: str, parts: list[Figure]) -> bool:
    """Whether each part's clause names one grade, each a different one (1个项目评为优，占…；3个项目评为
    良，…): the parts are disjoint."""
    if len(parts) > len(_GRADES):
        return False
    bounds = [*(p.start for p in parts[1:]), len(text)]
    found = []
    for part, end in zip(parts, bounds):
        clause = text[part.end : min(end, part.end + 40)]  # (a grade is said right after its count)
        clause = clause[: next((m.start() for m in _GRADE_CLAUSE.finditer(clause)), len(clause))]
        grades = _GRADE.findall(clause) or [g for g in [listings.grade_before(text, part)] if g]
        if len(grades) != 1:  # (or said before it: 评价结果为“良”的项目有6项，涉及金额…；)
            return False
        found.append(grades[0])
    return len(set(found)) == len(found)


_GRADES = ("优秀", "良好", "合格", "不合格", "优", "良", "中", "差", "较差", "一般")
_GRADE_CLAUSE = lazy(r"[；;。]")
_GRADE = lazy(rf"(?<=[为是“\"])(?:{'|'.join(_GRADES)})(?=[”\"，,；;。的等]|$)")


def _changes_of_parts(analysis, check: Check, text: str, listing):
    """When the parts add up to their total exactly and the total and each part state a change right after
    them (限额 X，较2022年增加 C，其中：一般债务限额 a，增加 c1；专项债务限额 b，增加 c2), the parts' changes,
    each with its direction, add up to the total's: a warning when one digit or one unit explains the gap,
    else nothing (last year's parts may have been drawn otherwise: 人员经费 took in 对个人和家庭的补助)."""
    total, parts = listing.total, list(listing.parts)
    if total.start > parts[0].start or len(parts) < 2 or not all(p.block == total.block for p in parts):
        return
    if not precision.interval(total).meets(precision.total(parts, total.unit)):
        return  # (a listing that does not add up, or names some parts only, says nothing of its changes)
    figs = analysis.figures[total.block]
    stops = [*parts[1:], None]
    moved = [_change_after(text, figs, analysis.index(f), stop, first) for f, stop, first in
             zip([total, *parts], [parts[0], *stops], [True, *([False] * len(parts))])]
    if any(m is None for m in moved):
        return
    if any(base and _base(base) != _base(moved[0][2]) for _c, _s, base in moved[1:]):
        return  # 较上年减少 C，其中：A…较年初预算减少 c: the parts against another base
    yearly = moved[0][2].startswith(("上年", "去年", "19", "20"))
    if not yearly and not all(base for _c, _s, base in moved[1:]):
        return  # 较年初预算数减少 C，其中：A…减少 c: a part's change against what, unsaid
    (change, sign, _said), *rest = moved
    each = [(c, s) for c, s, _b in rest]
    signed, verdict = _changes_judged(analysis, check, change, sign, each)
    if verdict is None or verdict.finding is None:
        if verdict is not None:
            yield verdict
        return
    slipped = _unit_slip(change, signed)
    if len(slipped) == 1:
        yield verdict.with_finding(unit_slip(verdict.finding, slipped[0], change.unit, check.lang))
    elif verdict.finding.suggestion or precision.digit_fixes(change, signed):
        yield verdict.with_finding(replace(verdict.finding, severity=min(verdict.finding.severity,
                                                                         Severity.WARNING)))
    else:
        yield verdict.quiet()  # a gap no typo explains: the parts may have been drawn otherwise last year


def _change_breakdowns(analysis, check: Check, block: int):
    """A change broken down into the parts' changes (较上年增加 C，主要是 A 增加 a，B 增加 b; 比上年减少 C。
    其中：A 减少 a，B 增加 b): the parts' changes, each with its direction, add up to the total's. The 其中
    list may name some parts only and 主要是 names the main ones: reported at ``warning`` when one digit or
    one unit mistyped explains the gap (for 主要是, only the total's digit, the parts all moving its way
    and beyond it, unless they move both ways: the net accounted for, as a 其中 list), else nothing."""
    text = analysis.doc.blocks[block].text
    if "增" not in text and "减" not in text:
        return
    sentences = analysis.sentences(block)
    for at, (_start, end, figs) in enumerate(sentences):
        for i, change in enumerate(figs):
            said = change.label.strip(" ，,")
            moved = _TOTAL_MOVED.search(said)
            if moved is None and (_REASONS_BELOW.match(text, change.end)
                                  or _RATE_AFTER.match(text, change.end)):
                moved = _TOTAL_MOVED_BARE.search(said)  # 较上年增 C，增幅 p%。主要变动原因如下：
            if moved is None or not change.is_point or precision.family(change.unit) != "money":
                continue
            pos, k = change.end, i + 1
            if k < len(figs) and figs[k].unit == "%" and _RATE_AFTER.fullmatch(text, pos, figs[k].start):
                pos, k = figs[k].end, k + 1  # 较上年增加 C，增长 p%，主要是…: past the change's rate
            opens = _BREAKDOWN_OPENS.match(text, pos)
            if opens is None:
                if _REASONS_BELOW.match(text, pos):
                    parts = _moved_items(analysis, block, change.label)  # …增59.11万元。主要变动原因如下：
                    if len(parts) >= 2:  # ⏎ 1.A较上年增 a… ⏎ 2.B较上年减少 b…: the items below, one each
                        yield from _judge_breakdown(analysis, check, change, _sign(moved.group(1)), parts,
                                                    main=True)
                continue
            following = list(figs[k:])
            if opens.end() > end and at + 1 < len(sentences):
                following = list(sentences[at + 1][2])  # …减少 C。其中：…: the next sentence's
            if opens.group("bracket"):  # 增加 C（A 增加 a、B 增加 b）: up to the bracket's close
                close = text.find("）" if opens.group("bracket") == "（" else ")", opens.end(), end)
                following = [f for f in following if close != -1 and f.end <= close]
            parts = _moved_parts(text, following, opens.end(), change.label)
            if len(parts) < 2:
                continue
            yield from _judge_breakdown(analysis, check, change, _sign(moved.group(1)), parts,
                                        main=opens.group("main") is not None)  # (bracketed: as 其中)


def _moved_items(analysis, block: int, side: str) -> list[tuple[Figure, int]]:
    """``(figure, direction)`` of the changes the numbered paragraphs after ``block`` open with (1.工资福利
    支出较上年增 a，增44%。主要原因是… ⏎ 2.…较上年(减少) b), one each, up to the first paragraph that is
    not such an item; nothing when their numbers do not run 1, 2, 3…."""
    parts: list[tuple[Figure, int]] = []
    for b in range(block + 1, min(block + 1 + _ITEMS_MAX, len(analysis.doc.blocks))):
        text = analysis.doc.blocks[b].text
        marker = _ITEM_NUMBER.match(text)
        if marker is None or int(marker.group(1) or marker.group(2)) != len(parts) + 1:
            break
        first = next((f for f in analysis.figures[b] if precision.family(f.unit) == "money"), None)
        said = _ITEM_MOVED.search(re.sub(r"[（()）\s]", "", text[marker.end() : first.start])) \
            if first else None
        if said is None or not first.is_point \
                or any(a in side and o in first.label for a, o in labels.OPPOSITES):
            break  # (the item's first amount, its change against last year: 较上年(减少) b, 较上年增 a)
        parts.append((first, _sign(said.group(1))))
    return parts


_REASONS_BELOW = lazy(r"[^。]{0,12}[。；;]?\s*主要(?:变动|增减|变化)?原因(?:如下|是|为|包括)?\s*[：:]\s*$")
_ITEM_NUMBER = lazy(r"\s*(?:(\d{1,2})\s*[.．、](?!\d)|[（(](\d{1,2})[)）])")
_ITEMS_MAX = 12  # numbered paragraphs a change's reasons may run to


def _moved_parts(text: str, figs, opened: int, side: str) -> list[tuple[Figure, int]]:
    """``(figure, direction)`` of each part's change after ``opened`` (A 增加 a，B 减少 b), up to the first
    figure stating none or the other side's (；收入比上年减少 c after 支出's parts); a part's own rate
    (下降 p%) is passed over, and so is a part's own reason up to its semicolon (A 增加 a，主要是人员调资增加
    d；)."""
    parts: list[tuple[Figure, int]] = []
    skip = -1
    for f in figs:
        if f.start < opened or f.start < skip or f.unit in ("%", "个百分点"):
            continue
        if parts and (reason := _REASON.search(text, parts[-1][0].end, f.start)):
            ends = [k for k in (text.find(c, reason.end()) for c in "；;。") if k != -1]
            skip = min(ends, default=len(text))
            if f.start < skip:
                continue
        m = _PART_MOVED.fullmatch(labels.core(f.label).strip(" ，,；;：:"))
        if m is None or not f.is_point or precision.family(f.unit) != "money" \
                or labels.open_paren(text, opened, f.start) is not None \
                or any(a in side and b in f.label for a, b in labels.OPPOSITES):
            break
        parts.append((f, _sign(m.group("dir"))))
    return parts


def _signed_sum(parts) -> str:
    """``a + b − c``: the parts as added, a part counted against the whole with its minus."""
    return "".join((" − " if p.value < 0 else " + ") * bool(k) + ("−" if p.value < 0 and not k else "")
                   + p.text.lstrip("-−－") for k, p in enumerate(parts))  # (−21万元 written so: − 21万元)


def _changes_judged(analysis, check: Check, change: Figure, sign: int, parts):
    """``(signed, verdict)``: the parts' changes ``(figure, direction)`` signed against the total's
    ``change`` (of direction ``sign``), and the verdict of their sum against it."""
    signed = [replace(p, value=p.value * s * sign) for p, s in parts]
    verdict = judge(check, analysis, change, tuple(p for p, _ in parts),
                    lambda: precision.total(signed, change.unit), expression=_signed_sum(signed))
    return signed, verdict


def _telling(figure) -> bool:
    """Three digits or more that are not a round number's zeros (105.77, not 100.00 nor 1,000)."""
    return len(precision.number_text(figure).replace(",", "").replace(".", "").strip("0")) >= 3


def _judge_breakdown(analysis, check: Check, change: Figure, sign: int, parts, main: bool):
    signed, verdict = _changes_judged(analysis, check, change, sign, parts)
    if verdict is None or verdict.finding is None:
        if verdict is not None:
            yield verdict
        return
    found = verdict.finding
    slipped = _unit_slip(change, signed)
    beyond = all(p.value > 0 for p in signed) \
        and precision.total(signed, change.unit).lo > precision.interval(change).hi
    own_digit = _telling(change) and precision.one_digit_fix(change, precision.total(signed, change.unit)) \
        is not None
    fixes = precision.digit_fixes(change, signed)
    if main and any(p.value < 0 for p in signed) and any(p.value > 0 for p in signed):
        main = False  # 主要是 A 增加 a，B 增加 b，C 减少 c: causes both ways, the net accounted for
    if main and not (beyond and own_digit):
        yield verdict.quiet()  # the main causes only: others may have moved either way (增加200万元，主要
        # 是 A 增加150万元和 B 增加80万元: C fell by 30, maybe), unless a digit of a telling total explains it
    elif len(slipped) == 1 and not main:
        yield verdict.with_finding(unit_slip(found, slipped[0], change.unit, check.lang))
    elif own_digit or not main and len(fixes) == 1 and _telling(fixes[0][0]):
        yield verdict.with_finding(replace(found, severity=min(found.severity, Severity.WARNING)))
    else:
        yield verdict.quiet()  # (a swap, a round gap, or digits of several parts: some parts unlisted, maybe)


def _sign(word: str) -> int:
    return 1 if word[:1] in "增上" else -1


def _change_after(text: str, figs, k: int, stop, compared: bool):
    """``(change, sign, base)``: the amount right after the ``k``-th figure (before ``stop``) stating its
    change (较2022年增加 C for a total, which must name its base, last year or the budget: 较年初预算数减少
    C; 增加 c for a part, maybe naming it), or None."""
    if k + 1 >= len(figs):
        return None
    figure, change = figs[k], figs[k + 1]
    if stop is not None and change.start >= stop.start or not change.is_point \
            or precision.family(change.unit) != precision.family(figure.unit):
        return None
    m = (_TOTAL_CHANGE if compared else _PART_CHANGE).fullmatch(change.label.strip(" ，,；;"))
    if m is None:
        return None
    return change, (1 if m.group("dir") in ("增加", "增长", "上升") else -1), m.group("base") or ""


_SINCE = r"(?:比|较)(?:上年度?|去年|(?:19|20)\d\d年度?)(?:同期)?"
# the base a change is against: last year's (比上年, 较2022年) or the year's budget (较年初预算数)
_BASE = r"(?:比|较)(?P<base>上年度?|去年|(?:19|20)\d\d年度?|年初预算数?|年初数|预算数?)(?:同期)?"
_TOTAL_CHANGE = lazy(rf"{_BASE}(?:决算数?)?(?P<dir>增加|减少|增长|下降)了?")
_PART_CHANGE = lazy(rf"(?:{_BASE})?(?P<dir>增加|减少)了?")
_ADJUSTED = lazy(r"扣|减去|核减|调减|调整")
_MOVES = r"(增加|减少|增长|下降|上升|增支|减支|增收|减收)了?"
_TOTAL_MOVED_BARE = lazy(rf"{_SINCE}(增|减)$")  # 较上年增 C (a bare move, read before its reasons below)
# an item's name and its change (1.工资福利支出较上年增 a; 3.…较上年(减少) b, its brackets taken out)
_ITEM_MOVED = lazy(rf"^[\u4e00-\u9fff“”]{{2,24}}?{_SINCE}(增加|减少|增长|下降|增|减)了?$")
_TOTAL_MOVED = lazy(rf"(?:同比|{_SINCE})(?:预算|决算)?数?{_MOVES}$")  # 较去年增加, 比2018年预算减少
_PART_MOVED = lazy(rf"[\u4e00-\u9fff“”（）()]{{2,24}}?(?:同比|{_SINCE})?"
                   r"(?P<dir>增加|减少|增长|下降|增支|减支|增收|减收)了?")
_REASON = lazy(r"[，,]\s*(?:主要是|主要原因是|主要由于|主要用于|由于|原因是)")
_RATE_AFTER = lazy(r"\s*[，,]\s*(?:增长|下降|增幅|降幅|减幅)(?:了|为)?\s*")
# what opens the breakdown right after the change: 其中 (some parts or all), 主要是 (the main ones)
_BREAKDOWN_OPENS = lazy(r"\s*(?:(?P<bracket>[（(])\s*(?:其中\s*[：:，,]?)?|[，,。；;]?\s*(?:(?P<all>其中)"
                        r"|(?P<main>主要(?:是|为|原因是|系|由于)))\s*[：:，,]?)\s*")
def _base(word: str) -> str:
    """A change's base said one way (比2022年 and 比上年: the year before, in a report of 2023)."""
    return "上年" if word[:2] in ("19", "20") else _SAME_BASE.get(word, word)


_SAME_BASE = {"上年度": "上年", "去年": "上年", "年初预算数": "年初预算", "年初数": "年初预算",
              "预算数": "预算"}
_SEMI = lazy(r"[；;]")
_OPEN_END = lazy(r"\s*(?:等|之类|[，,；;]\s*(?:其余|剩余|余下|余额|不足部分|差额)(?!\s*\d))")
# (…省级资金600万元，其余由市县配套: the list says the rest is elsewhere, unstated)
# the list's next item begun, the text ending there: a name's first characters, not a clause of its own
_CUT = lazy(r"\s*[，,、](?!\s*(?:主要|用于|为|是|均|全部|共|合计))\s*[\u4e00-\u9fff（()）]{1,4}\s*")
_CHANGED_TOTAL = lazy(r"(?:增加|减少|增收|减收|增支|减支|增长|下降|短收|超收|少收|多收|超支|节支)\s*$")


def _unit_slip(total: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts written in another unit of money than the total (2.28元 among 万元) when the parts add up
    once they are read in the total's: the unit is wrong, not the sum; else none."""
    slipped = [p for p in parts if p.unit != total.unit and precision.family(p.unit) == "money"]
    if not slipped or precision.family(total.unit) != "money":
        return []
    read = [replace(p, unit=total.unit) if any(p is q for q in slipped) else p for p in parts]
    return slipped if precision.total(read, total.unit).meets(precision.interval(total)) else []


def _sentence_end(text: str, at: int) -> int:
    end = text.find("。", at)
    return len(text) if end < 0 else end


_DEDUCTED = lazy(r"扣$|扣减$|扣除$|减$|扣分$")  # 扣分项扣0.5分: points taken off the sum


def _points(*figures: Figure) -> list[Figure]:  # (the total first, then its parts)
    """Scores read as points awarded: a whole score among scores with decimals at their precision (19分
    beside 17.5分 is 19.0); scores all in whole points keep their rounding (parts may be rounded too), and so
    does a whole score's total (总得分62分 over 38.5分 and 24分: 62.5 rounded down, maybe)."""
    places = max(f.decimals for f in figures)
    return [replace(f, exact=True, decimals=f.decimals or places)
            if places and not f.decimals and not (k == 0 and _WHOLE_SCORE.search(f.label)) else f
            for k, f in enumerate(figures)]


_WHOLE_SCORE = lazy(r"总分|总得分|综合得分|自评得分|评价得分|合计")


_MAXIMUM = lazy(r"体系|满分|分值|标准分")
def _beside(between: str) -> bool:
    """Whether the words before a part open it as what the whole involves or what is besides it: its clause
    opening with 涉及, 另外 or 另 (，涉及脱贫户直补资金; ，另外，争取…资金; ，另成本指标得分 c), not a
    clause of the part before's (…，涉及金额为420万元；评价结果为“中”的项目有)."""
    clauses = [c.strip() for c in re.split(r"[，,；;]", between)]
    return clauses[-1].startswith(("涉及", "共涉及", "另外", "另有")) or len(clauses) >= 2 \
        and clauses[-2] in ("另外", "另有", "此外") or _BESIDES_ONE.match(clauses[-1]) is not None


# ，另成本指标得分 c (not 另一个项目 b: a part)
_BESIDES_ONE = lazy(r"另(?![一两二三四五六七八九十\d]|外|有)")
_WHOLE_AGAIN = lazy(r"到位|实际|合计|累计|完成|下达|拨付|共计|总计")  # 到位资金 T: the whole's flow, again
_GOT = lazy(r"得(?!.*扣)")
_SCORED = lazy(r"得|扣|失")
_NOT_BUDGET = r"^(?!.*(?:基本|项目|总计|决算|实际|执行))"
# the 一级指标 of the national frameworks (the last, a project's self-evaluation form)
_BONUS_BESIDE = lazy(r"\s*[（(](?![^（()）]{0,30}?(?:无|不含|未含|未设|没有|未获))"
                     r"[^（()）]{0,30}?(?:加分|附加分|奖励分)")  # (not （无加分项）, （不含加分）)
_WITHIN = lazy(r"(?<!其)中")  # 产出指标中时效指标: an indicator within a group (not 其中)
_BONUS_SAID = lazy(r"加分|附加分|奖励分|加减分")  # (not 扣减分: what a group lost, its score says it)
_NO_BONUS = lazy(r"未设置?|无|没有|不设|未有")
_NOT_COUNTED = lazy(r"[^。；;]{0,40}?不计入")  # (加1分，计入部门年度考核，不计入本项目得分)
_OWN_SCORE = lazy(r"得分|总分|评分")


def _bonus_after(analysis, last: Figure) -> tuple[Figure, ...] | None:
    """A bonus (加分, 加减分) named after a score's last part, in its paragraph or the next: its one amount in
    分 when that is said an addition (加2分), else () (named, its amount unsaid or taken off); None when none
    is named."""
    blocks = analysis.doc.blocks
    for b, start in ((last.block, last.end), (last.block + 1, 0)):
        if b >= len(blocks):
            continue
        text = blocks[b].text
        named = next((m for m in _BONUS_SAID.finditer(text, start)
                      if not _NO_BONUS.search(text, max(0, m.start() - 4), m.start())
                      and not _NOT_COUNTED.match(text, m.end())), None)
        if named is None:
            continue  # (本项目未设置加分项; 加减分…不计入本项目得分: no bonus in this score)
        if b != last.block and any(f.unit == "分" and f.start < named.start() and _OWN_SCORE.search(f.label)
                                   for f in analysis.figures[b]):
            return None  # the next paragraph's own score first: its bonus is that one's
        said = [f for f in analysis.figures[b] if f.start >= start and f.unit == "分"]
        added = len(said) == 1 and said[0].is_point and _BONUS_SAID.search(said[0].label) \
            and _ADDED_POINTS.search(said[0].label) and not _TAKEN_POINTS.search(said[0].label)
        return (said[0],) if added else ()
    return None


_ADDED_POINTS = lazy(r"加\s*$|(?<!减)加分\s*(?:为|是)?\s*$")  # (加减分加2分; 获创新加分2分)
_TAKEN_POINTS = lazy(r"扣|减\s*$")
_BONUS = lazy(r"加分|附加分|奖励分|加减分|扣减分|另有|另扣|此外")  # (…，另有1分为专家组综合调整扣分)
_SCORE_SETS = (("决策", "过程", "产出", "效益"), ("投入", "过程", "产出", "效果"),
               ("预算执行率", "产出", "效益", "满意度"))
_PAIRS = {("基本支出", "项目支出"): lazy(rf"{_NOT_BUDGET}.*(?:支出预算|预算支出)"
                                       r"|^(?!.*(?:基本|项目|总计|合计|结转|结余)).*财政拨款(?:预算)?支出"),
          ("人员", "公用"): lazy(r"基本支出"),  # 基本支出 X。其中，人员支出（经费）a，公用经费（支出）b
          ("货物", "工程", "服务"): lazy(r"采购"),
          ("税收收入", "非税收入"): lazy(r"^(?!.*(?:总收入|财政收入|转移|补助))"
                                          r".*(?:一般公共预算|公共财政预算|本级|地方)收入"),
          ("因公出国", "公务用车", "公务接待"): lazy(r"三公"),
          ("购置", "运行"): lazy(r"公务用车购置及运行|公务用车购置和运行|车辆购置及运行"),
          ("一般公共预算", "政府性基金", "国有资本经营"):
              lazy(r"^(?!.*(?:一般公共|政府性基金|国有资本)).*财政拨款"),
          **dict.fromkeys(_SCORE_SETS, lazy(r"总分|得分|评分")),
          ("离休", "退休"): lazy(r"离退休"),  # 离退休人员35人，其中离休1人、退休34人
          # 政府债务余额 X，其中：一般债务 a，专项债务 b
          ("一般债务", "专项债务"): lazy(r"债务|利息|付息|还本"),
          ("一般债券", "专项债券"): lazy(r"债券"),
          ("返还性", "一般性转移支付", "专项转移支付"): lazy(r"补助|转移支付"),
          ("男", "女"): lazy(r"人员|职工|人数|干部|学生|在职"),
          ("行政单位", "事业单位"): lazy(r"单位"),
          # 共设置绩效指标12个，其中产出指标6个、成本指标1个、效益指标3个、满意度指标1个: a 自评表's
          # 一级 (not 产出、效益、满意度 alone: the 成本指标 later templates add may be the one unsaid)
          ("产出指标", "成本指标", "效益指标", "满意度指标"): lazy(r"指标"),
          # 产出指标得分 X，其中数量指标 a、质量指标 b、时效指标 c、成本指标 d: every 二级 of 产出 (成本 among
          # them in the older template, its own 一级 in the newer: all four named are all)
          ("数量", "质量", "时效", "成本"): lazy(r"产出")}
# (each set, and the total it makes whole)


def _nested(parts: list[Figure]) -> bool:
    """Whether a later part is by definition part of an earlier one and no larger (地方一般公共预算收入 a；
    地方税收收入 b: a 一般公共预算收入's 税收收入, said beside it at the same level)."""
    if len(parts) > _NESTED_MAX:
        return False  # (a listing of hundreds: its pairs are not worth the time)
    names = [labels.core(p.label) for p in parts]
    pairs = [(i, j) for i in range(len(parts)) for j in range(i + 1, len(parts))
             if precision.interval(parts[j]).lo <= precision.interval(parts[i], "round", parts[j].unit).hi]
    return any(whole.search(names[i]) and not any(_loose(k) in _loose(names[i]) for k in kinds)
               and any(k in names[j] for k in kinds) and not _siblings(names[i], names[j])
               for i, j in pairs for kinds, whole in _PAIRS.items()
               if kinds not in _COUNTED_KINDS)  # (决策指标 a、产出指标 b: siblings, not a whole and its part)


def _siblings(one: str, other: str) -> bool:
    """Whether two names are different members of one set of kinds (过程指标得分 and 产出指标得分, of 决策,
    过程, 产出 and 效益): neither the whole of the other, though one set's whole word (得分) names a whole of
    another set's."""
    for kinds in _PAIRS:
        mine, theirs = {k for k in kinds if k in one}, {k for k in kinds if k in other}
        if mine and theirs and mine.isdisjoint(theirs) and kinds not in _COUNTED_KINDS:
            return True  # (not 一般公共预算收入 and 一般公共预算税收收入: one member in both, a prefix;
            # nor 产出指标 and 成本指标, 成本 of 产出 in the older template)
    return False


# the sets of kinds counted (units, indicators) whose whole's word (单位, 指标) their siblings' names hold too
_COUNTED_KINDS = (("行政单位", "事业单位"), ("产出指标", "成本指标", "效益指标", "满意度指标"))


def _loose(name: str) -> str:
    """A name without the 性 a kind may drop (一般转移支付 for 一般性转移支付: a kind, not their whole)."""
    return name.replace("性", "")


_NESTED_MAX = 30  # parts a listing may have for a part within another to be looked for
_GROUP = lazy(r"民生|重点支出|三保")  # a group of the other items' kind (民生类支出)
_COMPLEMENT = lazy(r"非|一般(?!公共)|其他|其余|其它|行政|运行")  # a class beside the group, not a member


def _umbrella(parts: list[Figure], total: Figure) -> bool:
    """Whether one part names a group (民生支出, 民生类支出, 重点支出) that the others, listed beside it, fit
    inside: at least their sum and at most the total (教育 a，社会保障和就业 b，卫生健康 c；民生类支出 d)."""
    whole = precision.interval(total)
    for group in parts:
        if not _GROUP.search(labels.core(group.label)):
            continue
        rest = [p for p in parts if p is not group]
        word = _GROUP.search(labels.core(group.label)).group()
        names = [labels.core(p.label).lstrip("，,、；;：: ") for p in rest]
        if not rest or "非" in group.label or any(_COMPLEMENT.match(n) and (word not in n or n[0] == "非")
                                                 or "类" in n for n in names):
            continue  # 基建类项目 a；民生类项目 b; 民生 a，非民生 b; 重点 a，一般性 b: classes side by side
            # (其他民生支出 is one of 民生's)
        mine = precision.interval(group, "round", total.unit)
        if rest and precision.total(rest, total.unit).lo <= mine.hi and mine.lo <= whole.hi:
            return True
    return False


def _named_apart(text: str, total: Figure, parts: list[Figure]) -> bool:
    """Whether the first part names what the total names (存款余额 X，其中住户存款余额 a) and one after a
    semicolon does not (；贷款余额 Y): a new quantity after the listing, the parts up to it within the
    total. People counted by what they did need no semicolon (新增就业 N，其中…实现再就业 a，促进创业 b)."""
    if total.block != parts[0].block or "其中" not in text[total.end : parts[0].start]:
        return False  # (收入 T；支出 S；收支相抵结余 X: a balance's sides, no 其中 listing)
    mine = labels.core(total.label).strip(" ，,：:")
    first = labels.core(parts[0].label)
    head = next((mine[-n:] for n in (4, 3) if len(mine) > n and mine[-n:] in first), "")
    done = total.unit in precision.PEOPLE and len(mine) > 2 and mine[-2:] in first \
        and _DOING.search(mine) is not None  # 新增就业 N，其中…再就业 a，促进创业 b，培训 c: what people
    # did, the total's doing for its first parts, other doings after them (not 在职人员 N，其中…人员 a, nor
    # 农村劳动力 N，其中外出务工劳动力 a，本地就业 b: people of a kind, a breakdown)
    head = head or (mine[-2:] if done else "")
    if not head:
        return False
    k = next((k for k, p in enumerate(parts) if k and head not in labels.core(p.label)), None)
    if k is None or head[:-2] and head[:-2] in labels.core(parts[k].label):
        return False  # (贷款余额 X，其中短期贷款余额 a；中长期贷款 b: a part named shorter, its stem kept)
    return (done or _SEMI.search(text, parts[k - 1].end, parts[k].start) is not None) \
        and precision.total(parts[:k], total.unit).lo <= precision.interval(total).hi


_DOING = lazy(r"(?:就业|创业|培训|参保|参训|救助|帮扶|安置|转移|资助|慰问)$")  # people counted by a doing


def _remainder(total: Figure, parts: list[Figure]) -> bool:
    """Whether a count's listing of three parts or more ends with the rest of it (共有车辆48辆，其中：…、
    特种专业技术用车18辆、其他用车14辆): 其他 closes the count. (Not money: 其他收入 and 其他商品和服务支出
    are a template's own lines, which a listing may reach having left others out.)"""
    last = labels.core(parts[-1].label).lstrip("，,、；;：: 和及以")
    return total.unit in precision.COUNT_UNITS and len(parts) >= 3 and last.startswith(("其他", "其它")) \
        and len(last) <= 6 and all(p.unit == total.unit for p in parts)


def _names(analysis, parts: list[Figure]) -> list[str]:
    """Each part's name: its label, or its clause when a bracket stands between them (决策指标（20分）自评
    得分 a: the group's points in brackets, its name before them)."""
    out = []
    for p in parts:
        clause = labels.clause(analysis.text(p), p.start)
        name = labels.core(_POINTS_BRACKETED.sub("", clause) if clause.endswith(p.label)
                           and _POINTS_BRACKETED.search(clause) else p.label)
        counted = p.unit in precision.COUNT_UNITS  # 包括2个行政单位和3个事业单位: what each counts
        out.append(name + labels.noun_after(analysis.text(p), p.end) if counted else name)
    return out


_POINTS_BRACKETED = lazy(r"[（(]\s*(?:分值|满分)?\s*\d+(?:\.\d+)?\s*分\s*[）)]")


def _whole(total: Figure, parts: list[Figure], analysis) -> bool:
    """Whether the parts name every part of their total by definition: a budget's 支出 is its 基本支出 and
    项目支出 (a 决算's may hold 经营支出, 上缴上级支出…; a 总计 the carry-over), and so is any 财政拨款支出
    (public money funds no 经营支出), a 基本支出 its 人员经费 and 公用经费, a 政府采购 its 货物, 工程 and
    服务, a 财政拨款 its 一般公共预算, 政府性基金 and 国有资本经营 funds, a performance score its 一级指标'
    (决策, 过程, 产出 and 效益; or 投入, 过程, 产出 and 效果), 离退休 its 离休 and 退休, people their 男 and
    女, a government's debt (债券) its 一般 and 专项, a 上级补助 its 返还性, 一般性 and 专项 transfers, a
    (local, 本级) 一般公共预算收入 its 税收收入 and 非税收入, a count of units its 行政单位 and 事业单位, a
    自评表's indicators its 产出, 成本, 效益 and 满意度指标, a 产出 score its 数量, 质量, 时效 and 成本 (all
    four named)."""
    names = _names(analysis, parts)
    text = analysis.text(total)
    if total.unit == "分" and any(not _NO_BONUS.search(text, max(0, m.start() - 4), m.start())
                                 for m in _BONUS.finditer(text)):
        return False  # (…效益指标得分28分。此外，获得创新加分2分: the groups and a bonus make the score;
        # not 本项目未设置加分项)
    if any("新增" in n or "再融资" in n for n in names):
        return False  # 新增一般债券 a、新增专项债券 b: the refinancing bonds besides them unsaid
    if total.unit == "分" and (_MAXIMUM.search(total.label) or any(not _GOT.search(p.label) for p in parts)) \
            and not _deductions(total, parts):
        return False  # 总分100分，其中决策指标得分…: the points out of; 其中决策指标扣1分: deductions (of a
        # total deduction, 共扣 X，其中决策扣 a…: each 一级's, all of them)
    taken = _deductions(total, parts)
    plain = _plainly_listed(analysis, total, parts)
    return any(
        len(names) == len(kinds)
        and (whole.search(labels.core(total.label)) or taken and kinds in _SCORE_SETS)
        and {w for w in kinds for n in names if w in n} == set(kinds)
        and (kinds not in _COUNTED_KINDS or plain)
        for kinds, whole in _PAIRS.items())


def _plainly_listed(analysis, total: Figure, parts: list[Figure]) -> bool:
    """Whether counted kinds follow their total with nothing but 其中 (包括) before them and nothing counted
    after them in the sentence (not 其中纳入决算编报的行政单位 a…: a subset; not …事业单位 b 等, 此外还有1个…,
    （含1家国有企业）, 另设置否决性指标1个: more than the kinds; not 3个项目共…，其中A项目…: one's)."""
    text = analysis.text(total)
    if any(p.block != total.block for p in parts):
        return False
    opening = text[total.end : parts[0].start - len(parts[0].label)]
    if not _PLAIN_OPENING.fullmatch(opening) or "主要" in opening + parts[0].label:
        return False  # (主要包括: the main ones)
    stop = min((i for i in (text.find(c, parts[-1].end) for c in "。；;") if i >= 0), default=len(text))
    return not _MORE_AFTER.search(text, parts[-1].end, stop) \
        and not any(_QUALIFIED.search(p.label) for p in parts)


_PLAIN_OPENING = lazy(r"[\u4e00-\u9fff]{0,6}\s*[，,：:]?\s*(?:其中|包括|包含|分别为|分别是|即)?"
                      r"\s*[：:，,]?\s*")
_MORE_AFTER = lazy(r"\d|等|此外|以及|另|含|外")
_QUALIFIED = lazy(r"的|纳入|参与|抽查|完成|项目")


def _deductions(total: Figure, parts: list[Figure]) -> bool:
    """Whether a total of points taken off is listed by the points each part lost (共扣7.5分，其中决策扣1分、
    过程扣2.5分…), each a part of its own (not 产出指标中时效指标扣2分: an indicator within a group)."""
    return total.unit == "分" and _DEDUCTED.search(total.label) is not None \
        and all(p.unit == "分" and _DEDUCTED.search(p.label) and not _WITHIN.search(labels.core(p.label))
                for p in parts)


def _some_named(total: Figure, parts: list[Figure], analysis) -> bool:
    """Whether a score's parts name some, not all, of its 一级指标 (:func:`_whole`'s sets: 得分 X，其中预算
    执行率 a，产出 b，效益 c, its 满意度 unsaid): every 一级 carries points, so a gap is the ones not named.
    (Not money's sets: a 政府采购 listing its 货物 and 服务 leaves out a 工程 of 0, and a gap is a typo.)"""
    if total.unit != "分":
        return False
    names = _names(analysis, parts)
    whole = labels.core(total.label)
    return _PAIRS[_SCORE_SETS[0]].search(whole) is not None and any(
        len(names) == len({w for w in kinds for n in names if w in n}) < len(kinds) for kinds in _SCORE_SETS)


_DONE = lazy(r"达到|完成|达标|实现|合格")


def _complementary(analysis, parts: list[Figure]) -> bool:
    """Whether two counts are those that did and did not do one thing (9个指标达到年度目标值，2个指标未达到
    年度目标值; 完成 and 未完成): together, every one counted."""
    if len(parts) != 2 or any(p.unit not in precision.COUNT_UNITS for p in parts):
        return False
    said = [_after(analysis.doc.blocks[p.block].text, p.end) for p in parts]
    done = [_DONE.search(w) for w in said]
    if not all(done) or done[0].group() != done[1].group():
        return False
    negated = [w[: d.start()].endswith(("未", "没有", "不")) for w, d in zip(said, done)]
    block = analysis.figures[parts[-1].block]
    more = [f for f in block if f.start > parts[-1].end and f.unit == parts[-1].unit]
    return negated[0] != negated[1] and not more  # 另有1个未评价: a third kind after them


def _by_status(analysis, block: int):
    """Counts of one thing split by what became of each (9项绩效指标中，已完成6项，基本完成1项，未完成1项;
    12个指标中11个已完成，2个未完成; 指标14个，已完成12个，1个未完成; 问题50项，已整改40项，正在整改11项):
    a count said of no status, then two counts or more in its measure word each said done, partly done or
    not done, one of them not: together every one counted."""
    text = analysis.doc.blocks[block].text
    for _start, _end, figs in analysis.sentences(block):
        counts = [f for f in figs if f.is_point and f.unit in precision.COUNT_UNITS]
        if len(counts) < 3 or _status(text, counts, 0) is not None:
            continue  # (the sentence's first count is the whole: 24个，其中产出指标15个，…；已完成22个 says
            # not which count is split)
        parts = []
        for j in range(1, len(counts)):
            said = _status(text, counts, j)
            between = text[counts[j - 1].end : counts[j].start]
            if said is None or counts[j].unit != counts[0].unit or "其中" in between and j > 1 \
                    or j == 1 and "其中" in between and _named_after(between.rsplit("其中", 1)[1]) \
                    or any(c in between for c in "；;"):
                break  # (完成26个，未完成2个；超额完成5个 or ，其中基本完成1个: the split ends there)
            parts.append((counts[j], said))
        later = [f for f in counts if f.start > parts[-1][0].end
                 and listings.item_unit(f.unit) == listings.item_unit(parts[-1][0].unit)] \
            if parts else []  # (…，追责问责12人: people, not one more problem; 个 and 项 alike)
        between = text[parts[-1][0].end : later[0].start] if later else ""
        if later and not any(c in between for c in "；;") and "其中" not in between:
            continue  # …正在整改8项，2项因客观原因暂缓整改: the split goes on in a status not read (not
            # …，其中基本完成1个: a subset of a part)
        if len(parts) >= 2 and any(not_done for _, not_done in parts) \
                and not all(not_done for _, not_done in parts):
            yield counts[0], [f for f, _ in parts]


_STATUS = (r"(?<!超额)(?<!超)(?:(?:未|没有|尚未|正在)?(?:全部|基本|部分|已|均已)?(?:完成|达到|达标|实现|达成)"
           r"|(?:已|未|尚未|正在|没有|均已)(?:全部|基本|部分)?(?:完成)?整改(?:到位|完毕|完成)?"
           r"|(?:指标)?(?:未)?得满分|(?:指标)?(?:存在|有)?(?:不同程度)?(?:的)?扣分)")
# (said how far: not 需整改)
_STATUS_AFTER = lazy(_STATUS)  # 11个已完成
_STATUS_BEFORE = lazy(_STATUS + r"\s*$")  # ，已完成6项


def _named_after(words: str) -> bool:
    """Whether the words after 其中 before the split's first count name a group (其中：产出指标已完成11个;
    其中：产出指标中12个得满分; 其中局机关完成10个): that group's split, not the whole's."""
    rest = words.strip("：:，, ")
    return bool(rest) and _STATUS_BEFORE.fullmatch(rest) is None
_NOT_DONE = lazy(r"^(?:指标)?(?:未|没有|尚未|正在)|扣分$")  # (未完成, 正在整改, 未得满分, 3个指标扣分)


def _status(text: str, counts: list[Figure], k: int) -> bool | None:
    """Whether the count ``k`` is said not done (True), done (False), or of no status (None): by the words of
    its clause right before it (，已完成6项) or right after it (11个已完成; 16个指标得满分，3个指标扣分), up
    to the next count."""
    f = counts[k]
    end = counts[k + 1].start if k + 1 < len(counts) else len(text)
    said = _STATUS_AFTER.match(_after(text[:end], f.end)) \
        or _STATUS_BEFORE.search(labels.clause(text, f.start))
    return None if said is None else _NOT_DONE.search(said.group()) is not None


def _after(text: str, at: int) -> str:
    """The words after a figure up to the end of its clause (9个指标达到年度目标值，: 指标达到年度目标值)."""
    ends = [k for k in (text.find(c, at) for c in "，,；;。") if k != -1]
    return text[at : min(ends, default=len(text))][:24]


_TRAITS = (0, 1, 4)  # sex, age, party: a trait of some of any group (not a 本科 school level)
_DIMENSIONS = tuple(lazy(d) for d in (r"女|男", r"岁|年龄", r"职称|高级|中级|初级",
                                            r"本科|硕士|博士|研究生|大专|学历|学位", r"党员|团员", r"民族"))


def _attributes(parts: list[Figure], unit: str) -> bool:
    """Whether people are counted by attributes of two kinds or more, one count each (女教师112人、35岁以下
    58人、中高级职称95人), or by one trait beside groups (高校毕业生 a、农民工 b、女性 c): each counts some
    of the whole, the same person in several; no breakdown of it (男性46人，女性36人 is one, by sex)."""
    if unit not in precision.PEOPLE:
        return False
    kinds = [k for p in parts for k, d in enumerate(_DIMENSIONS) if d.search(p.label)]
    traited = sum(1 for p in parts if any(_DIMENSIONS[k].search(p.label) for k in _TRAITS))
    # 高校毕业生3,120人、农民工4,210人、女性4,016人: one trait beside groups counts some of each group
    return len(set(kinds)) >= 2 and len(kinds) == len(set(kinds)) or traited == 1 and len(parts) >= 3


_LEVEL_NAME = lazy(r"([一二三四五1-5])\s*级[^\d，,。；;、]{0,8}$")


def _tree_levels(analysis, parts: list[Figure]) -> bool:
    """Whether the parts count the levels of one tree (一级指标 3个，二级指标 7个，三级指标 15个; 1级 too):
    two or more, each named for a level of its own."""
    found = [_LEVEL_NAME.search(analysis.text(p), max(0, p.start - 12), p.start) for p in parts]
    return len(parts) >= 2 and all(found) and len({m.group(1).translate(_LEVEL_DIGITS) for m in found}) \
        == len(parts)


_LEVEL_DIGITS = str.maketrans("12345", "一二三四五")


def _of_another(analysis, total: Figure, parts: list[Figure], made: Interval) -> bool:
    """Whether the parts make, exactly, another amount of the total's unit stated before the total in its
    sentence (of two amounts or more there, the parts' whole is then not said plainly), one of the parts'
    side and stage, named otherwise than the total; or one stated between the total and the parts."""
    if precision.interval(total).meets(made):
        return False
    figs = labels.near(analysis.sentence_of(total), total.start)[2]  # (a sentence without end: its stretch)
    if any(total.end <= f.start and f.end <= parts[0].start and f.is_point and f.unit == total.unit
           and precision.interval(f).meets(made) and not labels.RATE_BASE.match(analysis.text(total), f.end)
           for f in figs):  # (not 为年初预算 Y 的 P%: Y the rate's base)
        return True  # 限额 X，本次拟增加 Y新增限额，其中：A a、B b (a + b = Y): Y's parts, Y said as a change
    return any(f is not total and f.start < total.start and f.is_point and f.unit == total.unit
               and all(f is not p for p in parts) and precision.interval(f).meets(made)
               and not _other_side(f, parts) and not _restated(f, total)
               and analysis.parent(total) is not f and "其中" not in analysis.text(total)[f.end : total.start]
               for f in figs)  # (X，其中：A T，…: T is X's part, maybe all of it)


def _restated(figure: Figure, total: Figure) -> bool:
    """Whether an amount names what the total names (新增一般债券 a … 县本级新增一般债券 T): the same quantity
    stated again, whose parts make the first statement, not the second."""
    mine, theirs = labels.core(figure.label).strip("（(，, "), labels.core(total.label).strip("（(，, ")
    return len(mine) >= 2 and len(theirs) >= 2 and (mine in theirs or theirs in mine)


def _other_side(figure: Figure, parts: list[Figure]) -> bool:
    """Whether an amount is of the other side of the account than the parts (收入 X, then 支出 parts; not the
    parts of a 收入 whatever they make), or of the other stage (预算数 X, then the 决算's parts)."""
    mine = labels.core(figure.label)
    theirs = "".join(labels.core(p.label) for p in parts)
    return any((w in mine) != (w in theirs) for w in ("收入", "支出", "预算", "决算"))


def _involved_after_whole(text: str, total: Figure, parts: list[Figure], unit: str) -> bool:
    """Whether the parts before the first one said with 涉及 or 另外 (涉及脱贫户直补资金 c; 另外，争取上级专项
    资金 c) add up to the total: what the whole involves, or what is besides it, said after its parts."""
    k = next((k for k in range(2, len(parts)) if parts[k].block == parts[k - 1].block
              and _beside(text[parts[k - 1].end : parts[k].start])), None)
    if k is not None and unit == "分":  # points are awarded exactly: 另 sets apart only what the rest make
        return sum(p.value for p in parts[:k]) == total.value
    return k is not None and precision.total(parts[:k], unit).meets(precision.interval(total))


def _second_dimension(total: Figure, parts: list[Figure], unit: str) -> bool:
    """Whether people are counted (人, 人次) and the first two or more of ``parts``, not all, add up to
    ``total``: a breakdown complete before the listing goes on by another measure (男性46人，女性36人, then
    35岁以下24人), as staff and trainees are described, or by people the total does not name (供养人员共计
    9,244人。其中：行政编制供养人员 a，事业编制供养人员 b，离退休人员 c); amounts are never broken down so
    in one listing."""
    if unit not in precision.PEOPLE:
        return False
    whole = precision.interval(total)
    names = [labels.core(p.label) for p in parts]
    kinds = [n[-2:] for n in names]
    named = labels.core(total.label)[-4:]  # 供养人员 of 行政编制财政供养人员: the total's own people
    return any(precision.total(parts[:k], unit).meets(whole) and (
        not set(kinds[k:]) & set(kinds[:k])  # 行政编制, 事业编制, then 工勤编制: one breakdown, not two
        or len(named) == 4 and all(named in n for n in names[:k]) and not any(named in n for n in names[k:]))
        for k in range(2, len(parts)))  # (…, then 离退休人员: not the total's people, listed beside them)
