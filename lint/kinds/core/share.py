"""share: a part stated with its share of a whole (占总收入 96.02%, 占比 2.99%) agrees with the amounts.

Finds each percentage whose label holds a share word (option ``words``: 占, 占比, 比重, ...). The part is the
nearest point amount before it in its sentence, or, when words before the share word name it
(税收收入占一般公共预算收入的比重; 税收占比 for 税收收入), the nearest whose label ends with them (when its
sentence states no amount before it, the one so named in the sentence before: 其中基本支出 a、项目支出 b。
基本支出所占比重为 p; none: no relation). The whole is named by the words after the share word (占项目支出 →
项目支出) and looked up by label among the figures before it in its paragraph, or in the paragraphs before
when it names a total
(占本年支出合计的 → the 本年支出合计 stated earlier, not one its label says is another year's,
2023年本年支出合计 in a 2024 report; 占全省 70% compares with nothing stated here); two figures the name fits
that are not total and item (调整预算 X，全年完成 Y，其中 A 占一般公共预算支出的: the budget or the outturn)
leave the whole unsaid; a whole named exactly (占支出预算的) is that total, not its 其中 item whose name ends
the same (财政拨款支出预算), and may be stated in the paragraph before when it is a total of its own; with no
words (占比), the whole is the total that the part is listed under (其中 …), or the whole the share before it
in the paragraph named (A a，占本年支出合计的 p%；B b，占 q%: 本年支出合计's too; not for a count after an
amount, a 其中 item nor last year's part), or, when it is stated nowhere, the sum of a listing of parts each
with its 占比 (A 7455万元，占比55.08%，B 1669.70万元，占比12.34%，C 4410万元，占比32.58%), or of three or more
each with its share alone in brackets (非常满意152份（69.41%）、满意51份（23.29%）…), that is the whole: its
shares add up to 100%, or all of them but one agree with their part over the parts' sum. A share of 本年收入
(本年支出) is not of a total listing a carry-over (上年结转) among its parts. A whole named without the
财政拨款 its statement carries (占“三公”经费支出决算的, after “三公”经费财政拨款支出决算为 X) is that amount,
in the part's paragraph or the two before it. Amounts may be in different units (亿元 vs 万元). A share the
whole moved from (占…的比重由上年的66.85%提高到67.22%) is last year's, not judged against this year's amounts.

Amounts stated as a rate of a base before them (总保费 X，中央财政补贴47.5%为 a，省级财政补贴32.5%为 b: each
percentage joined to its amount by 为 or 计 alone) are shares of that base, the amount named a whole right
before the first such pair in the paragraph.

Shares of one whole the text names but never states (基本支出 a，占一般公共预算支出的84.06%；项目支出 b，
占一般公共预算支出的19.62%) each imply that whole (a / 84.06%): the wholes they imply must meet, a few
paragraphs apart at most and no heading between (the one of three or more that meets none of the others',
an error; the later of two, a warning). A whole a share names as each part's own (占年初预算的, 上年的) is
no one whole.

Judged as an interval: part/whole from the stated amounts' intervals must meet the stated percentage's
interval. A percentage that only truncation explains is ``info``. Two amounts a thousandfold off the stated
share are not its pair, unless the share holds once the one whose unit lost a character is read in the
other's (1524.29元 as the whole of 1435.27万元): a warning on that amount, its fix suggested.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ...figures import labels, precision, units
from ...interval import Interval
from ...lang import say
from ...model import Severity
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge, unit_slip
from ..options import options

KIND = "share"
FIELDS = JUDGED
_TOTALS = ("合计", "总计")
# 在本年支出合计中，(基本支出所占比重为 p，): the listing's whole alone, and shares of its other parts
_PLAIN_LEAD = lazy(r"(?:在([^，,。；;\d]{2,20})中[，,]?)?"
                   r"(?:[^，,。；;\d]{2,16}?(?:所占比重|占比)为?\d+(?:\.\d+)?%[，,；;])*")
_WHOLE_AFTER = lazy(r"占(?!比|重)")  # 占本年收入合计的比重: a whole named (not 所占比重, 占比)
_NAMES_NOTHING = lazy(r"(?:约|分别)?(?:为|是|达|达到)?[：:]?")
_SHORT = ("收入", "支出", "经费", "资金")  # what a part's name may leave off before 占比 (税收占比: 税收收入)
_LINKS = ("其中", "分别", "合计", "共计", "总计", "以上", "约", "均")


@options
class Options:
    words: Words = Words(["所占比重", "占比重", "占比", "比重", "占"])


def run(analysis, check: Check):
    shares: dict[int, list] = {}  # the whole's id → [(rate, part, whole, verdict)], judged over it
    unstated: list = []  # (rate, part, named): shares of a whole named but stated nowhere
    yield from _shares(analysis, check, shares, unstated)
    for judged in shares.values():
        yield from _evened(judged)
    yield from _one_unstated_whole(analysis, check, unstated)


_MOVED_TO = lazy(r"\s*(?:提高|上升|增加|增长|下降|降低|减少|回落|调整)(?:了)?\s*(?:到|至|为)"
                 r"\s*[\d.]+\s*[%％]")
_RUN_MAX = 40  # shares of one unstated whole compared with each other, at most
_REACH_BLOCKS = 6  # paragraphs apart that shares of one named whole may be, no heading between
# a whole one total of the document names (一般公共预算支出, 基本支出, 本年收入合计), not each part's own plan
# or last year's (占年初预算的: each item's own budget)
_WHOLE_NAME = lazy(r"(?:支出|收入|经费|资金|合计|总计|总额)$")
_OWN_BASE = lazy(r"年初|调整|全年预算|预算数|计划|目标|上年|去年|同期|当年预算|执行数")


def _one_unstated_whole(analysis, check: Check, unstated: list):
    """Shares of one whole that the text names but never states (基本支出 a，占一般公共预算支出的84.06%；…项目
    支出 b，占一般公共预算支出的19.62%): each implies the whole (a / 84.06%), and the wholes they imply must
    meet. With three or more, the one whose whole meets none of the others' is reported (an error); with
    two that do not meet, the later (a warning: which is wrong is not said). Shares a few paragraphs apart
    at most, no heading between them."""
    groups: dict[str, list] = {}
    for rate, part, named in unstated:
        name = named.removesuffix("的").strip("，,的 ")
        if rate.unit != "%" or not rate.value or not _WHOLE_NAME.search(name) or _OWN_BASE.search(name) \
                or precision.family(part.unit) != "money":
            continue
        groups.setdefault((name, _frame(analysis, part)), []).append((rate, part))
    for members in groups.values():
        run: list = []
        for rate, part in members:
            if run and (rate.block - run[-1][0].block > _REACH_BLOCKS or _heading_between(
                    analysis, run[-1][0].block, rate.block)):
                yield from _implied(analysis, check, run)
                run = []
            run.append((rate, part))
        yield from _implied(analysis, check, run)


def _frame(analysis, part) -> tuple:
    """What a part's amount is of besides its name: the year its sentence names, last year's or this one's,
    a span of months, a level (本级, 全市, 机关), the budget or the outturn (决算): shares of one named whole
    in two frames are of two wholes."""
    text = analysis.text(part)
    reach = max(0, part.start - labels.REACH)  # (a paragraph without a full stop: no further back than that)
    said = text[max(reach, text.rfind("。", reach, part.start) + 1) : part.start] + part.label
    years = labels.YEAR.findall(said)  # (the sentence's, up to its full stop: 全市 A a；B b is 全市's too)
    own = labels.dated(text, part.start)[0] + part.label  # (its clause's: 上年 A a；本年 A b)
    return (years[-1] if years else "", bool(_PRIOR_FRAME.search(own)), tuple(_SPAN.findall(said)),
            tuple(sorted(set(_LEVEL.findall(said)))), "决算" in said)


# 商品和服务支出中委托业务费 a: of it (not 执行中, 年中: no amount named)
_NEW_BASE = lazy(r"[\u4e00-\u9fff”]{2,}(?:支出|收入|经费|资金|费用|费)中[，,：:]?\s*[\u4e00-\u9fff]")
_PRIOR_FRAME = lazy(rf"{labels.LAST_YEAR}|同期")
_SPAN = lazy(r"\d{1,2}\s*[-－—~至到]\s*\d{1,2}\s*月|[上下]半年|[一二三四]季度")
_LEVEL = lazy(r"本级|全市|全县|全区|全省|全镇")


def _heading_between(analysis, a: int, b: int) -> bool:
    return any(analysis.doc.blocks[k].kind == "heading" or _SECTION.match(analysis.doc.blocks[k].text)
               for k in range(a + 1, b + 1))


_SECTION = lazy(r"\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)")


def _implied(analysis, check: Check, run: list):
    """The verdicts on shares of one unstated whole that imply wholes which do not meet."""
    if not 2 <= len(run) <= _RUN_MAX or len({part.unit for _, part in run}) != 1:
        return  # (a page of hundreds of shares of one name: compared pairwise, not worth the time)
    wholes = [precision.interval(part) / precision.interval(rate).scale(Decimal("0.01"))
              for rate, part in run]  # (a / 84.06%: the whole each share implies)
    for k, (rate, part) in enumerate(run):
        others = [w for j, w in enumerate(wholes) if j != k]
        if any(wholes[k].meets(w) for w in others):
            continue
        if len(run) >= 3 and not all(a.meets(b) for i, a in enumerate(others) for b in others[i + 1:]):
            continue  # (the others disagree among themselves too: which one is off is not told)
        if len(run) == 2 and k == 0:
            continue  # (two: reported once, on the later)
        basis = [(r, p) for j, (r, p) in enumerate(run) if j != k]
        common = others[0]
        for w in others[1:]:
            common = Interval(max(common.lo, w.lo), min(common.hi, w.hi))

        def ratio(part=part, common=common):
            return precision.interval(part) / common

        br, bp = basis[0]  # the whole another share implies: its part over its rate
        verdict = judge(check, analysis, rate, (part, *(p for _, p in basis), *(r for r, _ in basis)), ratio,
                        scale=Decimal(100), expression=f"{part.text} / ({bp.text} / {br.text})",
                        severity=None if len(run) >= 3 else Severity.WARNING)
        if verdict and verdict.finding is not None:
            yield verdict


def _evened(judged: list):
    """The verdicts on the shares of one whole, with those one unit of their last place off their honest
    rounding made an info when the shares as stated make exactly 100% and as rounded honestly do not,
    each moved toward 100: the writer evened the last digit so the list totals 100 (尾差: 45.45 + 54.19 +
    0.35 = 99.99, written 45.46 + 54.19 + 0.35)."""
    rates = [rate for rate, *_ in judged]
    places = {r.decimals for r in rates if r.value}  # (不满意0人，占比0%: a zero written bare)
    if len(rates) < 2 or any(r.unit != "%" for r in rates) or len(places) != 1 \
            or sum(r.value for r in rates) != 100 or all(v.finding is None for *_, v in judged):
        yield from (v for *_, v in judged)
        return
    step = Decimal(1).scaleb(-places.pop())
    honest = []
    for rate, part, whole, _v in judged:
        share = precision.interval(part, "round", whole.unit) / precision.interval(whole)
        honest.append(Decimal(0) if not rate.value else  # (占0%: of nothing, whatever its rounding)
                      ((share.lo + share.hi) * 50).quantize(step, rounding=ROUND_HALF_UP))  # (its middle, %)
    gap = 100 - sum(honest)  # what the writer had to even out, in steps of the last place
    moved = [r.value - h if r.value else Decimal(0) for r, h in zip(rates, honest)]
    evens = gap != 0 and all(m in (0, step if gap > 0 else -step) for m in moved) \
        and sum(moved) == gap
    for (_rate, _part, _whole, verdict), m in zip(judged, moved):
        found = verdict.finding
        if evens and m and found is not None:
            lang = verdict.check.lang
            message = found.message.replace(say("truncated", lang), "") + say("evened", lang)
            verdict = verdict.with_finding(replace(found, severity=Severity.INFO, message=message))
        yield verdict


def _shares(analysis, check: Check, shares: dict, unstated: list):
    words = check.options.words
    for block in analysis.stating("%", "‰"):
        text = analysis.doc.blocks[block].text
        said_whole = None  # (the last share's part and the whole it named, in this block)
        yield from _rated_amounts(analysis, check, text, analysis.figures[block])
        for start, _end, figs in analysis.sentences(block):
            sources = _SOURCES.match(text, start)  # 税收收入主要来源有 A a，占比 p；…: shares of 税收收入
            listed = []  # (rate, part) stated with a bare 占比: shares of the whole the listing makes
            bracketed = []  # (rate, part): 非常满意152份（69.41%）、满意51份（22.39%）…
            for i, rate in enumerate(figs):
                if rate.unit not in ("%", "‰") or not rate.is_point:
                    continue
                if i >= 2 and (verdict := _whole_inside(analysis, check, text, figs, i)) is not None:
                    yield verdict
                    continue
                word = words.first(rate.label)
                if word is not None and _MOVED_TO.match(text, rate.end):
                    continue  # 占…的比重由上年的66.85%提高到67.22%: the share it moved from, last year's
                if word is None:
                    if i and _BRACKETED.fullmatch(text, figs[i - 1].end, rate.start) \
                            and _CLOSES.match(text, rate.end) and figs[i - 1].is_point \
                            and precision.family(figs[i - 1].unit) not in ("ratio", ""):
                        bracketed.append((rate, figs[i - 1]))
                    continue
                if labels.respective(text, figs, rate):
                    if "分别" in rate.label:
                        yield from _respective(analysis, check, text, figs, i)
                    continue  # A、B …，分别占 P%、Q%: each rate pairs with its own amount
                since = rate.start - labels.REACH
                mine = labels.open_paren(text, max(since, 0), rate.start)
                amounts = [f for f in labels.back(figs, i, since) if f.is_point
                           and precision.family(f.unit) not in ("ratio", "")
                           and labels.open_paren(text, max(since, 0), f.start) in (None, mine)
                           and not labels.CHANGED.search(f.label)]  # (增收32548万元: a change, no part)
                # an amount in brackets closed before the share (基本支出X（人员经费A、公用经费B），占P%)
                # breaks down the part; it is not the part
                before = rate.label.split("占" if "占" in rate.label else word, 1)[0]
                subject = labels.core(before).strip("，,：: ").removesuffix("所")  # (基本支出所占比重)
                if len(subject) >= 2 and subject not in _LINKS:  # 税收收入占…的比重: the amount named
                    amounts = [f for f in amounts if labels.core(f.label).endswith(subject)
                               or labels.core(f.label).endswith(tuple(subject + w for w in _SHORT))]
                    lead = _PLAIN_LEAD.fullmatch(text[start : text.find(subject, start)].strip())
                    if not amounts and not any(f.is_point and f.start < rate.start
                                               and f.unit not in ("%", "‰") for f in figs) \
                            and _NAMES_NOTHING.fullmatch(rate.label.split(word, 1)[1].strip()) \
                            and lead and not _WHOLE_AFTER.search(rate.label):
                        # 其中A a、B b。A所占比重为 p: the part named in the sentence before (not 上年A…,
                        # 全省A…, A占本年收入合计的比重: another year's or scope's, or of a whole named)
                        amounts = _named_before(analysis, block, start, subject, lead.group(1))
                part = amounts[0] if amounts else None
                if part is None:
                    continue
                named = rate.label.split(word, 1)[1].strip()
                if _NAMES_NOTHING.fullmatch(named):
                    named = ""  # (基本支出占比为 p, 所占比重为 p: no whole named after the word)
                if word in ("比重", "比例") and "占" in rate.label:  # A占B的比重: B is the whole
                    named = rate.label.split("占", 1)[1].split(word)[0].removesuffix("的").strip()
                clause = labels.clause(text, rate.start)
                if part.block == rate.block and rate.start - len(clause) < part.end <= rate.start:
                    clause = text[part.end : rate.start].lstrip("、 ")  # (A a、占 p%: its own mark after a)
                if "、" in clause.split(word)[0] or "和" in clause.split(word)[0]:
                    continue  # the share of several parts together (A、B占比): not one part's share
                whole = _whole(analysis, part, named)
                if whole is None and not named and said_whole is not None and said_whole[0] is not part \
                        and analysis.parent(said_whole[1]) is None and said_whole[0].block == part.block \
                        and precision.family(part.unit) == precision.family(said_whole[1].unit) \
                        and "其中" not in text[said_whole[0].end : part.start] \
                        and not _NEW_BASE.search(text, said_whole[0].end, part.start) \
                        and not _PRIOR_FRAME.search(labels.clause(text, part.start)):
                    whole = said_whole[1]  # A a，占 X 的 p%；B b，占 q%: of the X named just before (not
                    # a count's share after an amount's, a 其中 item's, nor last year's part's)
                if named:
                    said_whole = (part, whole) if whole is not None else None
                if whole is not None and not named \
                        and id(whole) in analysis.memo(_carrying_unshared, whole.block):
                    continue  # 收入总计 X，其中：A a，占p；…；年初结转和结余 c: of the year's part, maybe
                if whole is None and named:
                    whole = _counted_whole(analysis, part, named)
                if whole is None and not named and sources is not None and part.start >= sources.end():
                    whole = _source_whole(analysis, part, sources.group(1), start)
                if whole is None and not named:
                    listed.append((rate, part))
                if whole is None and named:
                    unstated.append((rate, part, named))
                if whole is None or whole is part:
                    continue
                verdict = _judge(analysis, check, rate, part, whole)
                if verdict and not verdict.holds and _holds_over_namesake(analysis, check, rate, part, whole):
                    continue  # 地方一般公共预算收入 stated for 全区 and for 本级: it holds over one of them
                if verdict and not verdict.holds and not named \
                        and _holds_over_outer(analysis, check, rate, part, whole, start):
                    continue  # 支出 X，财政拨款 Y，占 p；其中基本支出 a，占 q (of X): the outer whole
                if verdict:
                    shares.setdefault(id(whole), []).append((rate, part, whole, verdict))
            yield from _listed(analysis, check, listed)
            if len(bracketed) >= 3:  # three parts or more, each with its share in brackets, and no word
                yield from _listed(analysis, check, bracketed)


def _named_before(analysis, block: int, start: int, subject: str, whole: str | None) -> list:
    """The one amount of the sentence before ``start`` whose name is ``subject`` (其中基本支出 a、项目支出 b。
    基本支出所占比重为 p: the part named again in a sentence of its own), listed under the ``whole`` the
    sentence names (在本年支出合计中), if it names one; or []."""
    text = analysis.doc.blocks[block].text
    opened = max(text.rfind(c, 0, max(start - 1, 0)) for c in "。；;！？") + 1
    found = [f for f in analysis.figures[block] if opened <= f.start < start and f.is_point
             and precision.family(f.unit) not in ("ratio", "")
             and labels.core(f.label).endswith((subject, *(subject + w for w in _SHORT)))]
    if len(found) != 1:
        return []
    if whole and not any(f.start < found[0].start and labels.core(f.label).endswith(labels.core(whole))
                         for f in analysis.figures[block] if opened <= f.start):
        return []  # (在一般公共预算支出中: another whole than the one the sentence before lists it under)
    return found


def _holds_over_outer(analysis, check: Check, rate, part, whole, start: int) -> bool:
    """Whether an unnamed share that fails over its parent holds over the whole its parent is listed under,
    or over the first amount of the sentence when that is another whole of the part's family."""
    outer = analysis.parent(whole)
    first = next((f for f in analysis.sentence_of(part)[2] if f.start >= start and f.is_point), None)
    for other in (outer, first):
        if other is None or other is whole or other is part \
                or precision.family(other.unit) != precision.family(part.unit):
            continue
        verdict = _judge(analysis, check, rate, part, other)
        if verdict and verdict.holds:
            return True
    return False


def _rated_amounts(analysis, check: Check, text: str, figs):
    """Amounts stated as a rate of a base before them (总保费1293.45万元，中央财政补贴47.5%为614.39万元，
    省级财政补贴32.5%为420.37万元): each percentage joined to the amount after it by 为 (计) alone, its label
    naming no change nor a rate of its own, is that amount's share of the base: the figure right before
    the first such pair in the paragraph, an amount in the same family named a whole (总保费, 总投资, 合计),
    itself neither a change nor such a pair."""
    pairs = [(rate, figs[i + 1]) for i, rate in enumerate(figs[:-1])
             if rate.unit == "%" and rate.is_point and figs[i + 1].is_point
             and _RATED.fullmatch(text, rate.end, figs[i + 1].start)
             and not _NOT_RATED.search(labels.core(rate.label))]
    if not pairs:
        return
    paired = {id(f) for pair in pairs for f in pair}
    first = analysis.index(pairs[0][0])
    k = next((k for k in range(first - 1, -1, -1) if id(figs[k]) not in paired), None)
    base = figs[k] if k is not None else None  # (the figure right before the first pair: a rate there,
    fam = precision.family(base.unit) if base is not None else ""  # 保险费率6%, says the base is another)
    if base is None or not base.is_point or fam in ("ratio", "") or labels.CHANGED.search(base.label) \
            or _CHANGED.search(labels.core(base.label)) or labels.RATE_BASE.match(text, base.end) \
            or not _WHOLE_BASE.search(labels.core(base.label)):
        return  # (申请中央预算内投资 500，地方配套30%为 240: of the 总投资 before, not of 500)
    for rate, amount in pairs:
        if precision.family(amount.unit) == fam and rate.value:
            verdict = _judge(analysis, check, rate, amount, base)
            if verdict:
                yield verdict


_WHOLE_BASE = lazy(r"总|合计|共计|全部|保费")  # what a base of rated amounts is named (总保费, 总投资)
# 补贴47.5%为614.39万元: a rate, then 为 and the amount it comes to
_RATED = lazy(r"\s*[，,]?\s*(?:为|计)\s*")
_NOT_RATED = lazy(r"增|减|降|升|提高|比|较|率$|占|完成|达到|超|同期")


def _counted_whole(analysis, part, named: str):
    """The count a counted part is listed under, when the whole the share names is of what both count
    (抽审41个项目，其中：1个项目评为优，占评定项目的2.44%: 41个项目), or None."""
    whole = analysis.parent(part)
    if part.unit not in precision.COUNT_UNITS or whole is None or whole.unit != part.unit \
            or whole.block != part.block:
        return None
    text = analysis.doc.blocks[part.block].text
    noun, counted = _NOUN.match(text, part.end), _NOUN.match(text, whole.end)
    if noun is None or counted is None:
        return None
    what = noun.group()[:2]  # (项目 of 1个项目评为优)
    named = named.removesuffix("的")
    qualifier = named.removesuffix(what)
    if not counted.group().startswith(what) or not named.endswith(what):
        return None
    # 占评定项目的: what the whole count did or is (抽审41个项目: 抽审; 全部, 评定), not another count's own
    # (30个项目已完工，…6个项目评为优秀，占已完工项目的20%: of the 30)
    said = text[max(0, whole.start - 8) : whole.start]
    if qualifier and qualifier in said:
        return whole  # 抽审41个项目，…占抽审项目的
    others = [f for f in analysis.figures[whole.block] if f is not whole and f.unit == whole.unit
              and f.start < part.start and (n := _NOUN.match(text, f.end)) and n.group().startswith(what)
              and analysis.parent(f) is None]
    # (共实施60个项目，抽审41个项目，其中：…占全部项目的: which whole, not said)
    return whole if not others and (not qualifier or qualifier in _WHOLES) else None


_WHOLES = ("全部", "所有", "评定", "参评", "评价", "考核", "纳入", "总", "全")


_NOUN = lazy(r"[\u4e00-\u9fff]{2,8}")
# a sentence naming the whole its parts are the sources of (从行业划分来看，税收收入主要来源有…)
_SOURCES = lazy(r"\s*(?:[^，,。；;：:]{0,16}[，,])?\s*([\u4e00-\u9fff“”]{2,16}?)的?主要(?:来源|构成|组成)"
                r"(?:有|为|是|于|包括)?[：:]?")
_BRACKETED = lazy(r"\s*[（(]\s*")
_DONE = lazy(r"(?:累计)?(?:完成|实现|达到|为)$")  # 地方一般公共预算收入累计完成 X: its name, the verb apart
_ANOTHER_YEAR = lazy(r"(?:19|20)\d\d\s*年|上年|去年")
_CLOSES = lazy(r"\s*[）)]")
_CHANGED = lazy(r"增加|减少|增长|下降|提高|降低|比|较|节约|超支|上年|去年")
_OF = lazy(r"\s*[）)]?\s*的(?:比重|比例)?(?:为|是|达)?\s*$")


def _source_whole(analysis, part, name: str, start: int):
    """The amount a sentence names as its parts' whole (税收收入主要来源有 A a，占比 p): the nearest before
    the sentence, in its paragraph or the one before, whose own name ends with ``name`` (地方级税收收入累计
    完成 X), no change; None when there is none."""
    fam = precision.family(part.unit)
    if len(name) < 4:
        return None  # 收入主要来源有: too short a name to find its amount by
    for f in analysis.before(part, limit_blocks=1):
        if f.block == part.block and f.start >= start or precision.family(f.unit) != fam or not f.is_point:
            continue
        if _name(f).endswith(name) and not labels.CHANGED.search(f.label) and not _COMPARED.search(f.label) \
                and analysis.parent(f) is None:
            return f  # (not 比2022年基本支出 Y, last year's; not 其中区本级税收收入, a part of the whole)
    return None


_COMPARED = lazy(r"比|较|上年|去年|同期")


def _whole_inside(analysis, check: Check, text: str, figs, i: int):
    """A share stated with its whole inside it (教育支出 39.77亿元，占部门支出总额 52.47亿元的 75.80%): the
    amount right before the percentage, its label opening with 占 and only 的 between them, is the whole;
    the part is the amount before it in its sentence (no change, no last year's), the only one or in the
    share's own clause, or the total it is listed under when only that gives the share; after a semicolon,
    the amounts of its own clause (…；B 完成 b，占年计划 Y 的 P%). None when the sentence is not so."""
    rate, whole = figs[i], figs[i - 1]
    if (not whole.is_point or precision.family(whole.unit) in ("ratio", "")
            or not whole.label.startswith("占") or not _OF.match(text[whole.end : rate.start])):
        return None
    since = whole.start - labels.REACH
    same = [f for f in labels.back(figs, i - 1, since) if f.is_point
            and precision.family(f.unit) == precision.family(whole.unit)]
    item = max(text.rfind(c, max(since, 0), whole.start) for c in "；;。")
    same = [f for f in same if f.start > item] or same  # …；A 完成 a，占年计划 Y 的 P%: within its clause
    plain = [f for f in same if not _CHANGED.search(f.label)  # 比上年增加50万元, 上年1100万元: no part
             and not f.label.startswith("占")]  # (占年计划 Y′: the clause before's whole)
    part = plain[0] if plain else None
    clause = max(text.rfind(c, 0, whole.start) for c in "，,；;：:。")
    if part is None or labels.open_paren(text, max(since, 0), part.start) is not None \
            or len(plain) > 1 and part.start < clause and not any(analysis.parent(part) is f for f in plain):
        return None  # 执行数 X，年初预算 Y，占…的 P%: which amount is the part is not said
    verdict = _judge(analysis, check, rate, part, whole)
    parent = analysis.parent(part)
    if verdict is not None and verdict.finding is not None and parent is not None and parent is not whole:
        # 余额98.36亿元，其中…专项债务57.09亿元，占限额104.50亿元的94.1%: the listing's total
        other = _judge(analysis, check, rate, parent, whole)
        if other is None or other.finding is None:
            return other
    return verdict


_JOINS = ("", "和", "、", "及", "以及")


def _bare(figure) -> str:
    """A figure's label as a name: its core, without 其中 and the punctuation around it."""
    return labels.core(figure.label).removeprefix("其中").strip("：:，, ")


def _respective(analysis, check: Check, text: str, figs, i: int):
    """Respective shares (人员经费、公用经费分别为 690.00万元、160.00万元，分别占基本支出的 81.18%、18.82%):
    the rates from ``figs[i]`` on (labelled 分别占…, then joined by 、 和 only) pair in order with as many
    amounts straight before them (one family, the first labelled …分别, the rest joined by 、 和). The whole
    is the one the words after 占 name (as for a single share), or with none (分别占 P%、Q%) the total the
    amounts are listed under, or else the one amount before them in their sentence holding a total word (合计,
    总计, 总额); failing that, the listing's own sum when it is the whole (as :func:`_listed` decides)."""
    rates = [figs[i]]
    for f in figs[i + 1 :]:
        if f.unit != figs[i].unit or not f.is_point or f.label.strip() not in _JOINS:
            break
        rates.append(f)
    if len(rates) < 2 or i < len(rates):
        return
    amounts = figs[i - len(rates) : i]
    fam = precision.family(amounts[0].unit)
    if fam in ("ratio", "") or not all(a.is_point and precision.family(a.unit) == fam for a in amounts):
        return
    joined = "分别" in amounts[0].label and all(a.label.strip(" ，,") in _JOINS for a in amounts[1:])
    names = [labels.core(a.label) for a in amounts]  # 基本支出 a，项目支出 b，分别占…: each named
    between = text[amounts[-1].end : figs[i].start].strip("，, ").removesuffix("的")
    named_each = figs[i].label.lstrip("，, ").startswith("分别") and all(names) \
        and len(set(names)) == len(names) and between == figs[i].label.strip("，, ")
    if not joined and not named_each:
        return
    named = figs[i].label.split("占", 1)[1].removesuffix("的").strip() if "占" in figs[i].label else ""
    if "比重" in named or "比例" in named or "占" not in figs[i].label \
            or named.startswith(("各", "其", "当年")):
        return  # 分别占各奖项总数的, 分别占当年支出的: each of its own whole
    first = i - len(rates)
    whole = _whole(analysis, amounts[0], named) if named else _respective_whole(analysis, figs, first)
    if whole is None and not named:
        yield from _listed(analysis, check, list(zip(rates, amounts)))
        return
    if whole is None or any(whole is a for a in amounts):
        return
    if named and not _total(analysis, whole):
        return  # 分别占当年支出的: a 项目支出 nearby is no whole of 教育支出 and 科学技术支出
    for rate, part in zip(rates, amounts):
        verdict = _judge(analysis, check, rate, part, whole)
        if verdict:
            yield verdict


def _stated_once(analysis, name: str, fam: str):
    """The one amount the report states for ``name`` (项目支出) in its prose, named exactly, of this year
    (a figure dated earlier aside): None when it states none or several amounts so named."""
    year = analysis.year()
    found = [fig for block, fig in analysis.amounts() if _bare(fig) == name and fig.is_point
             and precision.family(fig.unit) == fam and not _NOT_THE_WHOLE.search(fig.label)
             and not labels.said_for_earlier(block.text, fig.start, year)
             and not _NOT_THE_WHOLE.search((parent := analysis.parent(fig)) and parent.label or "")]
    return found[0] if found and len({(f.value, f.unit) for f in found}) == 1 else None


# an amount of one fund's, or last year's (财政拨款项目支出, 政府性基金…, 上年项目支出): no report's whole
_NOT_THE_WHOLE = lazy(rf"{labels.FUNDS.pattern}|财政拨款|{labels.LAST_YEAR}")


def _total(analysis, figure) -> bool:
    """Whether a figure is a total: named so (合计, 总计, 总额, 总…) or listing parts of its own."""
    return any(w in figure.label for w in ("合计", "总计", "总额", "总")) \
        or id(figure) in analysis.memo(_listing_totals, figure.block)


def _listing_totals(analysis, block: int) -> frozenset[int]:
    return frozenset(id(p) for f in analysis.figures[block] if (p := analysis.parent(f)) is not None)


def _respective_whole(analysis, figs, first: int):
    """The whole of respective shares named by nothing: the total their first amount is listed under, or
    the one amount before them in their sentence labelled with a total word."""
    parent = analysis.parent(figs[first])
    if parent is not None:
        return parent
    fam = precision.family(figs[first].unit)
    totals = [f for f in figs[:first] if f.is_point and precision.family(f.unit) == fam
              and any(w in f.label for w in ("合计", "总计", "总额"))]
    return totals[0] if len(totals) == 1 else None


def _listed(analysis, check: Check, listed):
    """Shares of a listing whose whole is stated nowhere (A 7455万元，占比55.08%，B 1669.70万元，占比12.34%，
    C 4410万元，占比32.58%): when two or more parts in one family each state a share, and the listing is
    the whole (its shares add up to 100% within their rounding, or all shares but one agree with their part
    over the parts' sum), each share is judged against its part over the parts' sum."""
    parts = [part for _, part in listed]
    if len(listed) < 2 or len({id(p) for p in parts}) < len(parts) or len({r.unit for r, _ in listed}) > 1 \
            or len({precision.family(p.unit) for p in parts}) > 1:
        return
    scale = Decimal(100) if listed[0][0].unit == "%" else Decimal(1000)
    unit = parts[0].unit
    summed = precision.total(parts, unit)  # (once: a listing of 8,000 shares summed per share was quadratic)
    if summed.lo <= 0:
        return  # 甲0万元，占0%，乙0万元，占0%: parts of nothing, no share to compute
    related = tuple(parts)

    def share(part):
        return precision.interval(part, "round", unit) / summed

    agree = [bool(part.value) for rate, part in listed
             if precision.interval(rate).meets(share(part).scale(scale))]
    whole = precision.total(rate for rate, _ in listed).meets(Interval.point(scale))
    if not whole and (len(agree) < len(listed) - 1 or not any(agree)):
        yield from _beyond_parts(analysis, check, listed, share, scale)
        return  # a listing of some parts only: their shares are of a whole stated nowhere (a part of 0
        # at 0% agrees with any whole: it says nothing alone)
    expression = " + ".join(p.text for p in parts)
    for rate, part in listed:
        verdict = judge(check, analysis, rate, related, lambda part=part: share(part), scale=scale,
                        expression=f"{part.text} / ({expression})")
        if verdict:
            yield verdict


def _beyond_parts(analysis, check: Check, listed, share, scale: Decimal):
    """Shares of amounts listed side by side that add up to more than the whole (…4.02万元，占89.33%；…7.94
    万元，占39.7%): whatever their whole, it holds them all, so no part is more of it than of their sum; a
    share beyond that is reported (a warning: the listing's shares are of one whole, as 占 alone says).
    Only shares said with 占, of parts that are kinds of one whole that never overlap, one kind each (the
    三公 items; 基本支出 and 项目支出; …), none said as an outturn (执行 X，占95%: of its own plan); not
    after an amount of the sentence that may be their whole (在 X 中, …), nor with a part's own parts in
    brackets."""
    rates = [rate for rate, _ in listed]
    names = [labels.core(part.label) for _, part in listed]
    first = listed[0][1]
    if precision.total(rates).lo <= scale or any(precision.family(p.unit) != "money" for _, p in listed) \
            or not _disjoint(names) or any(_OUTTURN.search(n) for n in names) \
            or any(p.block != first.block for _, p in listed) or not all("占" in r.label for r in rates):
        return  # (shares in brackets, 预算 X（100%），执行 Y（95%）: of the first, maybe, not of one whole)
    text = analysis.text(first)
    start = next((a for a, b, _ in analysis.sentences(first.block) if a <= first.start < b), first.start)
    if any(f.is_point and precision.family(f.unit) == "money" and start <= f.start < first.start
           for f in analysis.figures[first.block]) \
            or any(labels.inside(text, start, [p.start for _, p in listed])):
        return  # (在 X 中，A a，占…: shares of X, maybe of overlapping parts; a part's own in brackets)
    expression = " + ".join(p.text for _, p in listed)
    for rate, part in listed:
        bound = share(part).scale(scale)
        if precision.interval(rate).lo > bound.hi:
            verdict = judge(check, analysis, rate, tuple(p for _, p in listed), lambda bound=bound: bound,
                            severity=Severity.WARNING, expression=f"{part.text} / ({expression})")
            if verdict:
                yield verdict


def _disjoint(names: list[str]) -> bool:
    """Whether the parts are kinds of one whole that never overlap, one kind each (因公出国（境）费,
    公务用车购置及运行费, 公务接待费; 基本支出, 项目支出; 人员经费, 公用经费; 货物, 工程, 服务): not a
    funds source beside spending kinds, an item beside its own item, or one name said twice."""
    for kinds in labels.DISJOINT_KINDS:
        held = [[k for k in kinds if k in n] for n in names]
        if all(len(h) == 1 for h in held) and len({h[0] for h in held}) == len(names):
            return True
    return False


_OUTTURN = lazy(r"执行|完成|到位|实际|拨付|进度|截至|累计")  # an outturn of its own plan (执行 X，占95%)
_WHOLE_WORDS = lazy(r"总额|总数|总计|合计|全部|全年|本年|当年|本部门|部门|的$")
_SAID = lazy(r"\d{4}年度?|实际|决算|年度")  # (2024年全年实际支出 is the 支出 of 占支出总额的)


def _whole(analysis, part, named: str):
    parent = analysis.parent(part)
    if not named:
        return parent
    if parent is not None and not labels.compound(labels.core(parent.label), named) \
            and (named.startswith("总") or named in labels.FUNDS.sub("", parent.label)
                               or len(plain := _WHOLE_WORDS.sub("", named)) >= 2
                               and _WHOLE_WORDS.sub("", _SAID.sub("", labels.core(parent.label))) == plain):
        return parent  # 全年实际支出 X，其中基本支出 Y，占支出总额的 P%: the total it is listed under
    # a named whole is looked for in the same paragraph only (占全省 70% compares with nothing stated here),
    # unless it names a total of the report's own (占本年支出合计的), stated in a paragraph before
    reach = 40 if named.endswith(_TOTALS) else 0
    fam = precision.family(part.unit)
    whole = analysis.resolve(part, named, part.label, fam, blocks=reach, own_first=True)
    bare = labels.core(named.removesuffix("的"))
    if whole is not None and "预算" in bare and not labels.FUNDS.search(bare) \
            and bare not in labels.FUNDS.sub("", analysis.core_label(whole)):
        whole = None  # 占预算的 P%: not the 预算 of 一般公共预算收入, a fund's name (the part's own budget)
    if whole is None and named.endswith("预算数"):  # 占年初预算数的: the 年初预算 stated
        whole = analysis.resolve(part, named[:-1], part.label, fam, blocks=reach, own_first=True)
    short = named.removesuffix("的").removesuffix("资金").removesuffix("金额")
    if whole is None and len(short) >= 2 and short != named.removesuffix("的"):
        # 占到位资金的: the 实际到位 stated in its sentence
        whole = analysis.resolve(part, short, part.label, fam, blocks=0, own_first=True)
    if whole is None and not reach:  # 支出预算 X。⏎基本支出 Y，占支出预算的 P%: named exactly, a line before
        near = analysis.resolve(part, named, part.label, fam, blocks=2, own_first=True)
        whole = near if near is not None and _bare(near) == named.removesuffix("的") \
            and analysis.parent(near) is None else None  # (a total of its own, no item listed under one)
    bare = _SUM_WORD.sub("", named.removesuffix("的"))  # (占项目支出预算总额的: the 项目支出预算)
    if whole is None and bare.endswith("支出预算") and len(bare) >= 6 and _budget(analysis):
        # 占项目支出预算 P% in a budget: the 项目支出 it states (its own amounts are budgets)
        near = analysis.resolve(part, bare[:-2], part.label, fam, blocks=2, own_first=True)
        whole = near if near is not None and _bare(near).endswith(bare[:-2]) \
            and analysis.parent(part) in (None, near) else None  # (一般公共预算基本支出 X。其中：A a，占基本
        # 支出预算 P%: X; not another total's item)
        if whole is None and analysis.parent(part) is None:  # (绩效目标 … 金额 a，占项目支出预算的 P%, far
            whole = analysis.memo(_stated_once, bare[:-2], fam)  # from where the budget states 项目支出 X)
    if whole is None and bare != named.removesuffix("的") and len(bare) >= 4:
        # 政府采购预算 X。…预留 a，占政府采购预算总额的 P%: 总额 names the whole stated by its name alone, a
        # sentence or a line before (a total of its own, no item listed under one)
        near = analysis.resolve(part, bare, part.label, fam, blocks=max(reach, 2), own_first=True)
        whole = near if near is not None and _WHOLE_WORDS.sub("", _bare(near)) == bare \
            and analysis.parent(near) is None else None
    if whole is None and "拨款" not in named:  # 占“三公”经费支出决算的: the “三公”经费财政拨款支出决算 stated
        whole = _granted(analysis, part, named.removesuffix("的"), fam)  # before, 财政拨款 said once
    if whole is not None and _year_of(analysis, whole) != _year_of(analysis, part):
        return None  # 2023年本年支出合计 X … 基本支出 a，占本年支出合计的 P%: another year's total, not a's
        # (a report naming no year in its title: which year is 本年 is not said)
    above = analysis.parent(whole) if whole is not None else None
    if above is not None and _bare(above) == named.removesuffix("的") != _bare(whole):
        whole = above  # 支出预算 X，其中：财政拨款支出预算 Y。…占支出预算的: X, named exactly, not its item
    if whole is not None and _siblings(labels.core(part.label), labels.core(whole.label), labels.core(named)):
        return None  # 基本支出 X；项目支出 Y，占全年支出的 P%: 基本支出 is a kind of 支出, not all of it
    levels = _other_levels(analysis, whole, named) if whole is not None else None
    if levels is not None:  # 盟本级…支出 a；旗级…支出 b。…民生支出 c，占一般公共预算支出的 P%: all levels'
        whole = next(iter(levels), None)  # whole, unsaid; or stated (全县…支出 X), that one
        if whole is None:
            return None
    if whole is not None and "本年" in named and "本年" not in whole.label and _carries_over(analysis, whole):
        return None  # 收入预算 X，其中：…，占本年收入的 P%；上年结转 Y: this year's income is X − Y
    if whole is not None and whole.block == part.block and whole.start < part.start \
            and analysis.parent(part) is None and _rate_base(analysis, whole):
        return None  # X，为年计划 Y 的 P%；Z，占年计划的 Q%: Y is X's plan, not Z's (a part of X's is X's)
    return whole


_COMPARING = lazy(r"[比较与同]\s*$")
_SUM_WORD = lazy(r"(?:总额|总数|总量)$")


def _year_of(analysis, figure) -> str | None:
    """The year its paragraph last names before a figure (2023年本年支出合计 X; 2022年全县…。其中教育支出 a;
    上年…: the year before the report's), else the report's."""
    text = analysis.text(figure)[: figure.start]
    year = analysis.year()
    if labels.LAST_YEARS.search(figure.label):  # 上年本年支出合计 X: its own label says
        return str(int(year) - 1) if year and year.isdigit() else "?last"
    said = [m.group(1) for m in labels.OWN_YEAR.finditer(text)
            if not _COMPARING.search(text, max(0, m.start() - 2), m.start())]  # (not 比2021年: compared with)
    if not said:
        return year
    return said[-1] if year else "?" + said[-1]


def _other_levels(analysis, whole, named: str) -> list | None:
    """When ``whole`` is one level's amount (旗级一般公共预算支出, 县本级…) that ``named`` does not say, its
    paragraph stating another level's of the same name (盟本级一般公共预算支出): the whole of every level
    stated so there (全县…), in a list of one, or an empty list; None when ``whole`` is no such amount."""
    mine = _LEVEL_NAMED.match(labels.core(whole.label))
    if mine is None or mine.group() in named or mine.group().startswith("全"):
        return None  # (全县…: the whole of every level itself)
    name = _NAME_TAIL.sub("", labels.core(whole.label)[mine.end() :])
    others = [(f, other.group()) for f in analysis.figures[whole.block]
              if f is not whole and f.unit == whole.unit
              and (other := _LEVEL_NAMED.match(labels.core(f.label))) is not None
              and other.group() != mine.group()
              and _NAME_TAIL.sub("", labels.core(f.label)[other.end() :]) == name]
    if not others:
        return None
    return [f for f, level in others if level.startswith("全")][:1]


# what follows a quantity's name in a label (…支出总额实际完成): the name is before it
_NAME_TAIL = lazy(r"(?:总额|总计|合计|总数)?(?:实际)?(?:累计)?(?:完成|实现|达到|为|是)?$")
# a level's name opening a label (旗级, 盟本级, 区县级), or the whole's (全县)
_LEVEL_NAMED = lazy(r"(?:全|区县|旗县|县区|乡镇|[省市县区盟州旗乡镇])?(?:本级|级)|全[省市县区盟州旗乡镇]")


def _rate_base(analysis, figure) -> bool:
    """Whether ``figure`` is stated as the base of a rate right after it (为年计划 Y 的 P%, 占 Y 的 P%)."""
    figs = analysis.figures[figure.block]
    k = analysis.index(figure)
    if k + 1 >= len(figs) or figs[k + 1].unit != "%":
        return False
    text = analysis.doc.blocks[figure.block].text
    return text[figure.end : figs[k + 1].start].strip() == "的" \
        and labels.core(figure.label).startswith(("为", "占", "完成", "达到", "相当于"))


def _budget(analysis) -> bool:
    """Whether the report is a budget (预算 in its title, no 决算): its amounts are budgets, said or not."""
    title = analysis.title()
    return title is not None and "预算" in title.text and "决算" not in title.text


def _holds_over_namesake(analysis, check, rate, part, whole) -> bool:
    """Whether the share holds over another amount of the whole's own name, stated in its paragraph or
    the few before (a report giving 全区 and 本级 figures under one name: which one is meant is not said)."""
    name = _name(whole)[-10:]
    if len(name) < 4:
        return False
    tried = 0
    for b in range(whole.block, max(-1, whole.block - 4), -1):
        starts, named = analysis.memo(_by_name_end, b).get(name[-4:], ((), ()))
        lo, hi = 0, len(named)
        if b == whole.block:  # (a paragraph without end: the amounts of the name near the whole only)
            lo = bisect.bisect_left(starts, whole.start - _NAMESAKE_REACH)
            hi = bisect.bisect_right(starts, whole.start + _NAMESAKE_REACH)
        for other in named[lo:hi][-_LOOKED :]:  # (the nearest before it, at most so many)
            if other is whole or other is part or not other.is_point or other.value == whole.value \
                    or precision.family(other.unit) != precision.family(whole.unit) \
                    or not _name(other).endswith(name) \
                    or _ANOTHER_YEAR.search(other.label) and labels.YEAR.findall(other.label) \
                    != labels.YEAR.findall(part.label + whole.label)[:1]:
                continue  # (not last year's amount of that name: 2021年…支出 X)
            verdict = _judge(analysis, check, rate, part, other)
            if verdict is not None and verdict.holds:
                return True
            tried += 1
            if tried >= _NAMESAKES:
                return False
    return False


_NAMESAKE_REACH = 4 * labels.REACH  # characters from the whole in its paragraph a namesake is sought within
_NAMESAKES = 16  # namesakes tried at most (the nearest paragraphs first)
_LOOKED = 64  # amounts of the name looked at in a paragraph at most


def _name(figure) -> str:
    """A figure's name without the verb before its amount (地方一般公共预算收入累计完成 X: …收入)."""
    return _DONE.sub("", labels.core(figure.label).strip("，,：: "))


def _by_name_end(analysis, block: int) -> dict[str, tuple[list, list]]:
    """A block's figures by the last four characters of their names, as ``(starts, figures)`` in reading
    order (for bisection), found once per block."""
    found: dict[str, tuple[list, list]] = {}
    for figure in analysis.figures[block]:
        starts, figures = found.setdefault(_name(figure)[-4:], ([], []))
        starts.append(figure.start)
        figures.append(figure)
    return found


def _granted(analysis, part, named: str, fam: str):
    """The one amount before the part, in its paragraph or the two before it under the same heading, whose
    label is ``named`` with 财政拨款 in it (“三公”经费财政拨款支出决算 for “三公”经费支出决算), or None."""
    if len(named) < 4:
        return None
    blocks, found = analysis.doc.blocks, {}
    for b in range(part.block, max(-1, part.block - 3), -1):
        if b != part.block and blocks[b].kind != "paragraph":
            break  # (a heading, a table: another part's)
        found |= {f.value: f for f in analysis.memo(_granting, b) if (b < part.block or f.end <= part.start)
                  and f.is_point and precision.family(f.unit) == fam and "财政拨款" in f.label
                  and labels.core(f.label).replace("财政拨款", "").removesuffix("为").endswith(named)}
    return next(iter(found.values())) if len(found) == 1 else None


def _granting(analysis, block: int) -> list:
    """A block's figures with 财政拨款 in their labels."""
    return [f for f in analysis.figures[block] if "财政拨款" in f.label]


def _carries_over(analysis, whole) -> bool:
    """Whether a total lists a carry-over among its parts (上年结转, 年初结余): more than one year's."""
    return id(whole) in analysis.memo(_carrying, whole.block)


def _carrying(analysis, block: int) -> frozenset[int]:
    """The ids of the totals of a block listing a carry-over among their parts (once per block)."""
    return frozenset(id(p) for f in analysis.figures[block] if "结转" in f.label or "结余" in f.label
                     if (p := analysis.parent(f)) is not None)


def _carrying_unshared(analysis, block: int) -> frozenset[int]:
    """The ids of the totals of a block listing a carry-over that states no share of its own (…；年初结转和
    结余 c。): the parts' shares may be of the year's part only (not …；上年结转收入 c，占4.72%)."""
    figs = analysis.figures[block]
    out = set()
    for k, f in enumerate(figs):
        if ("结转" in f.label or "结余" in f.label) and (p := analysis.parent(f)) is not None:
            after = figs[k + 1] if k + 1 < len(figs) else None
            if after is None or after.unit != "%" or "占" not in after.label:
                out.add(id(p))
    return frozenset(out)


def _siblings(part: str, whole: str, named: str) -> bool:
    """Two kinds of what the share names (基本支出 and 项目支出 of 支出): each is the name with words of its
    own before it, neither holding the other."""
    return bool(named) and part != named and whole != named and part.endswith(named) \
        and whole.endswith(named) and part not in whole and whole not in part


def _judge(analysis, check, rate, part, whole):
    unit = whole.unit

    def ratio():
        return precision.interval(part, "round", unit) / precision.interval(whole)

    scale = Decimal(100) if rate.unit == "%" else Decimal(1000)
    if whole.unit != part.unit and rate.value:
        # 民生支出1232.58万元 … 一般公共预算支出1376.05元: a whole a thousand times off the stated share
        # is written in the wrong unit (a slip of 元 for 万元), not the whole this share was taken of
        ratio_ = ratio()
        if ratio_ is None:
            return None  # (a whole of 0.00元: no share can be taken of it)
        off = (ratio_.lo + ratio_.hi) / 2 * scale / rate.value
        if off >= 1000 or off <= Decimal("0.001"):
            return _slipped(analysis, check, rate, part, whole, scale)
    return judge(check, analysis, rate, (part, whole), ratio, scale=scale,
                 expression=f"{part.text} / {whole.text}")


def _slipped(analysis, check, rate, part, whole, scale: Decimal):
    """The verdict on a share whose two amounts are in units a thousandfold apart, when it holds with one
    unit's character restored (1376.05元 read as 1376.05万元 beside 1232.58万元): the share fails as
    written, the finding on the amount whose unit dropped a character; None otherwise (not this share's
    whole)."""
    for wrong, right in ((whole, part), (part, whole)):
        if not units.dropped(wrong.unit, right.unit):
            continue
        read = replace(wrong, unit=right.unit)
        p, w = (part, read) if wrong is whole else (read, whole)
        fixed = judge(check, analysis, rate, (p, w), lambda p=p, w=w: precision.interval(p, "round", w.unit)
                      / precision.interval(w), scale=scale)
        if fixed is None or not fixed.holds:
            continue
        written = judge(check, analysis, rate, (part, whole), lambda: precision.interval(
            part, "round", whole.unit) / precision.interval(whole), scale=scale,
            expression=f"{part.text} / {whole.text}")
        if written is not None and written.finding is not None:
            return written.with_finding(unit_slip(written.finding, wrong, right.unit, check.lang))
    return None
