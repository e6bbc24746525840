"""Growth rates the text states with their amounts: a rate, the amounts it is computed from, and how.

Finds, in each sentence, a percentage whose label holds a rate word (``rates``: 增幅, 减幅, 降幅,
增长率, 增长, 下降, 降低, ...) after a stated change amount (比上年增加 X万元; its direction from the
``up`` and ``down`` words its label ends with), or right before it (下降39.01%（减少6242.22万元）).
The prior value is the amount after the comparison word (``compare``: 比, 较) when it is stated
(比上年同口径的 65,197.13 万元), else it is derived: prior = current − change for an increase,
current + change for a decrease, the current being the amount stated before the comparison in the same
sentence, or, when the sentence states only the change (与上年相比，收入支出总计减少56.95万元，下降1.87%),
the latest amount before it, in its paragraph or the few before, whose label names the same quantity
(收入支出总计; the quoted term in “公务接待费”比上年度增加, or the amount of its measure in the sentence
before naming the term: “三公”经费…支出预算为 X，支出决算为 Y。…“三公”经费…支出决算数比2023年度增加; a
total named so, not the items listed under it: “三公”经费支出 X，其中：A a，B b。“三公”经费比上年减少; the
year's 本年支出 its paragraph's 本年支出合计, sentences between or not); when it names none (与2023年度相比，
增加; 同比上年度增加 824.17万元; the rate said first: 较上年下降 P%，减少 C), the one amount of the sentence
before it in its paragraph (its total when it lists the total's parts after 其中; after one part only, the
total's or the part's as the rate fits, the part's when it fits neither).

A rate stated straight after the comparison, with no change amount (执行数为3269.3万元，2026年预算安排
3845.49万元，比2025年预算执行数增加17.62%), is computed from the two amounts before it in its sentence:
the prior is the one whose label names what follows the comparison word (预算执行数), the current the
other; with any other number of amounts, or no amount so named, there is no relation.

A rate straight after the prior, with the current before the comparison and no change amount (罚没收入386.50
万元，比上年412.30万元下降7.26%), or after a move from the prior to the current (由上年的6辆减少到4辆，下降
33.33%, a change amount stated between or not), is computed from those two; so is a rate after the current
whose prior follows it in brackets (支出 X（上年为 Y），为调整预算的 P%，增长 R%), rates on other bases
between (X，占调整预算数 Y 的 P%，较上年 Z 增长 R%: over X and Z), and a rate whose prior follows the rate
itself in brackets (X，同比增长 P%（上年同期为 Y）; X，环比增长 P%（2月份为 Y）: 同比 over last year's, 环比
over the last period's; not a part of the year over a whole year, growth at constant prices, 地区生产总值, nor
a rate said on another basis, 同口径, 剔除…) or in the clause after it (X，比上年增长 P%，上年为 Y;
比2024年增长 P%，2024年为 Y; X its sentence's first amount); the prior's own words naming a measure
(上年支出为 Y) must name the current's or a part of it.

A change and a rate on other bases (较预算节约 X，较上年下降 P%) are no relation, nor is a change over a base
adjusted for what it leaves out (剔除新增债券等因素，比上年同口径增加 C): its prior is not said.

Each relation says whether its prior is zero (there is no rate then: 新增 says it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import takewhile

from ..interval import Interval
from ..model import Figure
from ..regex import lazy
from ..vocabulary import Words
from . import labels, quantities, units
from .precision import PER_HEAD, family, interval


@dataclass(frozen=True)
class Spec:
    """The words growth rates are found by."""

    rates: Words = Words(["增幅", "减幅", "降幅", "增长率", "增速", "增率", "增长", "下降", "减少", "提高",
                          "降低", "上升", "增加", "增减率", "增减幅度", "增减幅", "负增长"])
    up: Words = Words(["增加", "增长", "上升", "提高", "超支", "增收", "增支", "增", "增加支出", "多支",
                       "多收", "增减", "增减额"])  # (增减额 −12.40: signed, a fall when negative)
    down: Words = Words(["减少", "下降", "降低", "节约", "减收", "减支", "减", "减少支出", "少支", "少收",
                         "负增长"])
    compare: Words = Words(["比", "较", "相比"])


@dataclass(frozen=True)
class Growth:
    """A stated rate, the figures it is computed from, and the rate they give (a ratio, not yet × 100)."""

    rate: Figure
    related: tuple[Figure, ...]
    zero: bool
    """The prior is zero: there is no rate."""
    prior: str
    """How the prior is shown (its figure, or ``0 (current − change)``)."""
    compute: Callable[[], Interval | None]
    expression: str
    contrary: bool = False
    """The rate's own word says the other way from its change's (比上年减少3.53万元，增长8.37%)."""
    slip: Figure | None = None
    """The change, written in another unit of money than its amount, with which the rate holds once read
    in the amount's (101.79万元，比上年增加65.39元，增长179.64%): the unit is amiss, not the rate. Its
    ``unit`` is the amount's, its text as written."""
    amounts: Callable[[], Interval | None] | None = None
    """The rate as the current and prior amounts give it, when both are stated beside the change (X，比上年
    Y 减少 C，下降 P%): a rate that holds over them is no finding of its own when the change is the figure
    amiss (the difference kind reports it)."""


def find(analysis, spec: Spec) -> Iterator[Growth]:
    for block in analysis.stating("%"):  # every rate here is a percentage
        text = analysis.doc.blocks[block].text
        sentences = analysis.sentences(block)
        for at, sentence in enumerate(sentences):
            figs = sentence[2]
            parens = None  # the sentence's parentheses, found once when asked (not again for each change)
            for i, change in enumerate(figs):
                sign = _direction(spec, change.label)
                if sign == 0 or not change.is_point or family(change.unit) in ("ratio", ""):
                    continue
                if change.value < 0:  # 增加-95,200.25万元，增长-45.02%: a fall written as a negative rise
                    sign = -sign
                    change = replace(change, value=-change.value)
                rate = figs[i + 1] if i + 1 < len(figs) else None
                if rate is None and at + 1 < len(sentences) \
                        and text[change.end : sentence[1]].strip(" 。") == "":
                    # …较2016年决算数减少329.1万元。减少81.14%: the rate alone in the sentence after
                    after = sentences[at + 1]
                    alone = after[2][0] if after[2] else None
                    if alone is not None and _RATE_ALONE.fullmatch(text, after[0], alone.start) \
                            and _direction(spec, alone.label) == sign:
                        rate = alone
                if rate is None or rate.unit != "%" or not rate.is_point:
                    rate = _rate_first(spec, text, figs, i, sign)
                    if rate is None:
                        continue
                if not (rate.label == "" or spec.rates.within(rate.label)) or "年均" in rate.label:
                    continue  # 年均增长 over several years is compounded, not change / prior
                if rate.start > change.end and _OTHER_SUBJECT.search(_COMPARING.sub("", rate.label)):
                    continue  # 购置费增加0.89万元，公用车运行费下降20.25%: another item's rate
                contrary = _contrary(spec, rate, sign)
                if "其中" in text[change.end : rate.start]:
                    continue  # 减少8.87万元，其中公务接待费下降35.20%: a part's rate, not the change's
                if (_RESPECTIVE_RATES.search(text, max(sentence[0], rate.start - 12), rate.start)
                        or _RATE_LISTED.match(text, rate.end)) \
                        and sum(1 for f in figs[: i + 1] if _direction(spec, f.label)) >= 2:
                    continue  # …增加 a，比年初预算增加 b，分别增长 p、q: each rate its own change's, in order
                    # (not the nearest change's); one change, 增幅和执行率分别为 p、q: p is its rate
                said = labels.YEAR.findall(text, sentence[0], change.start)  # the years before the change
                own = change.label if spec.compare.within(change.label) else labels.clause(text, change.start)
                if _other_base(spec, own, text[change.end : rate.start],
                               said[-2] if len(said) >= 2 else analysis.year()):
                    continue  # 较预算节约0.90万元，较上年下降8.87%: a rate on another base
                own_clause = _clause_start(text, max(sentence[0], change.start - labels.REACH), change.start)
                if _ADJUSTED_BASE.search(text, own_clause, change.start) \
                        or _ADJUSTED_AFTER.match(text, rate.end):
                    continue  # 剔除新增债券等因素，比上年同口径增加 C，增长 P%; 下降 P%（按可比口径）: over a
                    # base adjusted, unsaid
                fam = family(change.unit)
                window = labels.near(sentence, change.start)[2]
                same = [f for f in window if f.start < change.start and f.is_point and family(f.unit) == fam
                        and _direction(spec, f.label) == 0
                        and not (f.label.rstrip().endswith(_OFF_BUDGET)
                                 and not any(w in change.label for w in _OFF_BUDGET))
                        and not _TO_TARGET.search(f.label.rstrip())]
                # (超收额比上年减少 c: the over-collection's own change, of S; 超双过半任务数 g,
                # 距…任务数还差 g: the gap to a target, no level)
                if any(MOVED_TO.match(f.label.strip()) for f in same[-1:]):
                    continue  # 由 X 增加到 Y，增加 Z，增长 P%: a move, read from its two amounts below
                since = _clause_start(text, max(sentence[0], change.start - labels.REACH), change.start)
                # its own sentence's and clause's: not 比上年 of the one before, nor of a part's before ；
                compare_at = _compared_at(text, since, change.start, spec.compare)
                after = [f for f in same if f.start > compare_at]
                closed = compare_at >= 0 and _CLOSED_COMPARISON.match(text, compare_at) and after \
                    and labels.open_paren(text, since, compare_at) is None
                if closed and len(after) >= 2 and _earlier(after[0], analysis.year()) \
                        and not _earlier(after[-1], analysis.year()):
                    # 与2023年度相比，2023年度收入合计 Y，2024年度收入合计 X，增加 C: Y prior, X current
                    yield from _change(rate, change, sign, after[0], after[-1], contrary)
                    continue
                if closed and not _earlier(after[0], analysis.year()):
                    compare_at = -1  # 与2023年度相比，本年收入合计 X，增加 C: X is this year's, no prior said
                    # (not 与上年相比，上年收入合计 Y / 2023年度决算数为 Y: the prior, dated so)
                own_change = _OWN_CHANGE.match(text, compare_at) if compare_at >= 0 else None
                if own_change is not None and own_change.end() <= change.start:
                    compare_at = -1  # 共354户，同比增加27户，入库 X，增收 C: 同比's own change, of the count
                if not same:
                    current = _named_current(analysis, spec, change, fam, rate, sign)
                    if current is not None and _earlier(current, analysis.year()):  # 2022年度收入总计…: prior
                        yield from _change(rate, change, sign, current, None, contrary)
                    elif current is not None:
                        yield from _change(rate, change, sign, None, current, contrary)
                    continue
                pair = _periods_listed(text, sentence, same, change, analysis.year()) \
                    if compare_at < 0 else None
                if pair is not None:  # 本年支出合计、上年支出合计分别为 a、b，增加 c: a against b
                    yield from _change(rate, change, sign, pair[1], pair[0], contrary)
                    continue
                if compare_at < 0:
                    own = _own_amount(spec, text, sentence, change, rate)
                    if own is None and since > sentence[0] and _FRAMED.search(text, sentence[0], since):
                        # …较上年增支 a；公务用车运行费 X，主要用于…，保有量291辆，减支 c，下降 p%: the one
                        # amount of the change's own clause, the sentence having said what it compares with
                        mine = [f for f in same if f.start >= since]
                        own = mine[0] if len(mine) == 1 and not _aside(mine[0]) else None
                        if len(mine) == 2 and _prior(mine[1].label.strip(" ，,"), mine[0].label):
                            yield from _change(rate, change, sign, mine[1], None, contrary)
                            continue  # ；A X，上年为 Y，减收 c，下降 p%: the prior stated in its clause
                    if own is not None:
                        yield from _marked(_change(rate, change, sign, None, own, contrary),
                                           _slipped(rate, change, sign, own, contrary), change, own)
                    continue  # 其中：税收收入 X，增收 Y，增长 R%, after 比上年 framed the paragraph: X's
                stated_prior = [f for f in same if f.start > compare_at]
                if stated_prior:  # not an amount in brackets after it (比上年 X（不含 Y万元）增加 C: X)
                    aside = labels.inside(text, compare_at, [f.start for f in stated_prior])
                    stated_prior = [f for f, h in zip(stated_prior, aside)
                                    if not h or _COMPARED_OPEN.search(text, max(0, f.start - 16), f.start)
                                    and BASE_ENDS.match(text, f.end)]
                    # (较上年（13.83万元）减少 C: the prior in brackets right after the comparison)
                    if not stated_prior:
                        continue  # (X written without its unit: the prior not read)
                # an item's own amount after ；(住房改革支出22.86，较上年增加1.61万元): not one before it
                first = bisect.bisect_left(figs, since, key=labels.figure_start)
                own = since > sentence[0] and first < len(figs) and figs[first].start < compare_at
                current = [f for f in same if f.end <= compare_at and not _aside(f)
                           and (f.start >= since or not own)]
                parens = parens or labels.Parens(text, sentence[0], sentence[1])
                inner = parens.inside([f.start for f in current])
                if current and not all(inner):  # X（A a，B b），比上年减少: X, not a part in its brackets
                    current = [f for f, h in zip(current, inner) if not h]
                elif current and text[sentence[0] : current[0].start].lstrip().startswith(("（", "(")):
                    # X。（其中 A a，B b），总体较上年增加: X, of the sentence before, its parts bracketed
                    before = [f for f in sentences[at - 1][2] if f.is_point and family(f.unit) == fam
                              and _direction(spec, f.label) == 0] if at else []
                    if not before:
                        continue
                    current = before[-1:]
                if current and not stated_prior \
                        and "其中" in _BRACKETED.sub("", text[current[-1].end : change.start]):
                    continue  # 支出 X，比上年增加 C，其中基本支出增加 c，增长 p%: a part's, its amount unsaid
                semi = max(text.rfind(c, current[-1].end, change.start) for c in "；;") if current else -1
                closed = semi >= 0 and _UNNAMED.fullmatch(text, semi + 1, change.start) is not None
                parts = max(text.rfind("其中", sentence[0], current[-1].start),
                            text.rfind("，含", sentence[0], current[-1].start),
                            text.rfind(",含", sentence[0], current[-1].start)) if closed else -1
                if parts >= 0 and not stated_prior:  # X，其中（含）A a，B b；较上年减少: the list closed: X
                    current = [f for f in current if f.end <= parts]
                # 较2016年 after one amount: its year (a slip) does not make it the prior
                named_year = _YEAR_NAMED.match(text, compare_at + 1)
                dated = bool(current) and _of_year_compared(text, named_year, current[-1], compare_at)
                explicit = len(current) == 1 and named_year is not None and not dated
                # (not 2025年预算为 P，2026年预算比2025年预算减少 c: P of the year compared with, the prior)
                # 去年全年…完成 X，同比增加 C: 同比 is against the amount's own period (a news report of the
                # year before), so 去年's X is no prior
                said_last = labels.core(current[-1].label) if current else ""
                explicit = explicit or text.startswith("同比", max(compare_at - 1, 0)) and bool(current) \
                    and _LAST_YEAR_OPENS.match(said_last) is not None \
                    and (len(current) == 1 or _REPORTED_YEAR.match(said_last) is not None)
                # (去年完成 X alone; 去年税收收入完成 X after another amount: a subject of its own; not X，
                # 去年同期(支出)为 Y, 去年完成 Y after this year's X, nor 去年1-6月为 Y: Y the prior)
                if not stated_prior and current and not explicit and (_earlier(
                        current[-1], _year(current[-2].label) if len(current) >= 2 else analysis.year(),
                        carried=len(current) >= 2) or _dated_earlier(text, current)
                        or dated
                        or "与" in current[-1].label and text.startswith("相比", current[-1].end)):
                    stated_prior = current[-1:]  # 2022年度为92.10万元，比上年减少; 与上年X相比: the prior
                    current = current[:-1]
                    base = _named_base(text, compare_at, [*current, *stated_prior])
                    if base is not None and base is not stated_prior[0]:
                        # …2024年预算数为 a，2024年预算执行数为 b，比2024年预算增加 C: the one the words name
                        stated_prior = [base]
                        current = [f for f in current if f is not base and not _earlier(f, analysis.year())]
                if current and not stated_prior and _slipped(rate, change, sign, current[-1], contrary):
                    # 101.79万元，比上年增加65.39元，增长179.64%: a unit's slip, the rate says
                    yield from _marked(_change(rate, change, sign, None, current[-1], contrary), True, change,
                                       current[-1])
                    continue
                named = _OWN_SUBJECT.match(change.label.strip(" ，,）)"))
                if named and current and not stated_prior and not named.group().startswith(("主要", "其中")) \
                        and "其中" in text[sentence[0] : current[-1].start] \
                        and named.group() not in current[-1].label \
                        and labels.core(current[-1].label) not in named.group():
                    continue  # 支出 X，其中 A a，B b，公用经费比上年增加 C: a part of its own, unsaid
                if current and _paired(text, figs, current[-1]):
                    continue  # 学前教育5055.83 4274.69 万元: two columns' amounts, this year's unsaid
                if not stated_prior and len(current) >= 2 and _RESPECTIVE.search(
                        text, sentence[0], current[-2].start) and _JOINED_PAIR.fullmatch(
                        text, current[-2].end, current[-1].start):
                    # 2024年度、2023年度…分别为 a、b，比上年减少 c: a against b, by the years named in order
                    pair = _years_ordered(text, sentence[0], current[-2].start, analysis.year()) \
                        if not _NOT_A_YEAR.search(change.label) else None  # (比年初预算减少 c: no year's)
                    if pair is not None:
                        current, stated_prior = [current[-2 + pair[0]]], [current[-2 + pair[1]]]
                    elif not (subject := _OWN_SUBJECT.match(change.label.strip(" ，,"))):
                        continue  # A和B分别为 a、b，比上年减少 c: whose, unsaid (决算数比上年 says: B's)
                    else:
                        named = _listed_names(text, sentence[0], current[-2].start)
                        who = subject.group()
                        mine = [i for i, n in enumerate(named) if n and (n in who or who in n)]
                        if len(named) == 2 and len(mine) == 1:  # 基本支出和项目支出分别为 a、b，基本支出比
                            current = [current[-2 + mine[0]]]  # 上年增加 c: a's change, its subject names it
                found = list(_change(rate, change, sign, stated_prior[-1] if stated_prior else None,
                                     current[-1] if current else None, contrary))
                if not stated_prior and len(current) >= 2 and found and not _holds(found[0]) \
                        and _BROKEN_DOWN.search(text, current[0].end, current[-1].start):
                    # 其他支出121万元，用于福利彩票支出37万元，其他支出84万元，比上年增加20万元: the heading's
                    # change, perhaps; holding over the amount before its breakdown, it is not judged
                    heading = list(_change(rate, change, sign, None, current[0], contrary))
                    found = heading if heading and _holds(heading[0]) else found
                if not stated_prior and current and found and not _holds(found[0]) \
                        and found[0].compute() is not None \
                        and not _OWN_SUBJECT.match(change.label.strip(" ，,）)")):
                    # X，其中 A a；B b）总体较上年减少 C，下降 P%: the whole's change, after its parts (not
                    # …，公用经费比上年增加 C: a part of its own, named; nor 接待费1万元，比上年增加0.5万元: a
                    # part's own, its prior too near zero for its rate to tell)
                    whole, parts = _listed_whole(spec, text, figs, sentence[0], current[-1], change)
                    over = list(_change(rate, change, sign, None, whole, contrary)) if whole else []
                    if over and not over[0].zero and over[0].compute() is not None \
                            and (_holds(over[0]) or parts >= 2):
                        found = over
                yield from found
            yield from _direct(spec, sentence)
            yield from _after_prior(spec, text, sentence)
            yield from _prior_bracketed(spec, text, sentence)
            yield from _rate_bracketed(spec, text, sentence)
            yield from _prior_after_rate(spec, text, sentence)
            yield from _compared_with(analysis, spec, text, sentence)
            for current, prior, rate, sign in against_earlier(analysis, spec, text, sentence, "%"):
                yield _rate(rate, prior, current, sign)


_RESPECTIVE_RATES = lazy(r"分别(?:为|是)?\s*(?:增长|下降|增加|减少|提高|降低|上升|增幅|降幅)?(?:了|为)?\s*$")
_RATE_LISTED = lazy(r"\s*[、和及]\s*[-+]?\d+(?:\.\d+)?\s*[%％]")  # p%、q%: one of rates listed
_RESPECTIVE = lazy(r"分别(?:为|是|达到|完成|实现)")
_NOT_A_YEAR = lazy(r"预算|计划|目标|年初")  # a change against a base that is no year's
_JOINED_PAIR = lazy(r"\s*[、和及与]\s*")
_PERIOD = lazy(r"((?:19|20)\d\d)\s*年度?|(本年度?|今年|当年)|(上年度?|去年|上一年度?)")
_ONE = r"(?:(?:19|20)\d\d\s*年度?|本年度?|今年|当年|上年度?|去年|上一年度?)"
# periods listed (2024年度、2023年度; 本年度和上年度), each followed by the next or by what they are of, not
# by a word making them a thing's name (上年结转, 本年收入: the periods' own, not a list)
_PERIODS = lazy(rf"{_ONE}(?P<of>[\u4e00-\u9fff]{{0,4}}?)(?:\s*[、和及与]\s*{_ONE}(?P=of))+"
                rf"(?![\u4e00-\u9fff]{{0,2}}(?:结转|结余))")  # (2024年度决算数、2023年度决算数: of one thing)


def _listed(text: str, start: int, end: int) -> list[str]:
    """The items listed before the last 分别 in ``text[start:end]``, its clause's (基本支出和项目支出分别为
    a、b: 基本支出, 项目支出), as written; [] with no 分别."""
    at = text.rfind("分别", start, end)
    if at < 0:
        return []
    opened = max(text.rfind(c, start, at) for c in "，,；;：:") + 1
    return re.split(r"[、和及与]", text[max(start, opened) : at])


def _listed_names(text: str, start: int, end: int) -> list[str]:
    """The names listed before 分别 (基本支出和项目支出分别为 a、b: 基本支出, 项目支出), without years."""
    return [_A_YEAR.sub("", n).strip(" “”") for n in _listed(text, start, end)]


def _years_ordered(text: str, start: int, end: int, year: str | None) -> tuple[int, int] | None:
    """Which of the last two amounts listed 分别 (a、b) is this year's and which the prior, by the last two
    periods of a list of periods before them in the sentence, joined by 、 or 和 (2024年度、2023年度; 本年度和
    上年度; 2022年、2023年、2024年): (0, 1) when the first is the later, (1, 0) when the second is, None
    when no such list (上年结转和本年收入 is none: the periods name other things) or its last two are not a
    year apart."""
    lists = list(_PERIODS.finditer(text, start, end))
    if lists:
        periods = [m for m in _PERIOD.finditer(lists[-1].group()) if m.group()]
    else:  # 本年支出合计、上年支出合计分别为 a、b: names each opening with its period
        names = _listed(text, start, end)
        periods = [m for n in names if (m := _PERIOD.match(n.strip()))]
        if len(periods) != len(names) or len({n.strip()[m.end():] for n, m in zip(names, periods)}) != 1:
            return None  # (上年结转和本年收入: two things, each of a period, no one thing's two periods)
    now = int(year) if year else 1  # (no report year: 本年 and 上年 are still a year apart)
    found = [int(m.group(1)) if m.group(1) else now - (1 if m.group(3) else 0) for m in periods[-2:]]
    if len(found) != 2 or abs(found[0] - found[1]) != 1:
        return None
    return (0, 1) if found[0] > found[1] else (1, 0)


def _periods_listed(text: str, sentence, same: list, change, year: str | None):
    """(this year's, the prior) when the last two amounts before a change naming no base are listed 分别 by
    their periods (本年支出合计、上年支出合计分别为 a、b，增加 c: a, b) and the change, naming nothing of its
    own, follows them in the next clause; else None."""
    if len(same) < 2 or _MOVED_ALONE.fullmatch(text, same[-1].end, change.start) is None:
        return None  # (…分别为 a、b，其中基本支出增加 c: a part's change, named)
    if not (_RESPECTIVE.search(text, sentence[0], same[-2].start)
            and _JOINED_PAIR.fullmatch(text, same[-2].end, same[-1].start)):
        return _dated_pair(text, same[-2], same[-1])  # 2026年预算 a，2025年预算 b，增加 c
    pair = _years_ordered(text, sentence[0], same[-2].start, year)
    return None if pair is None else (same[-2 + pair[0]], same[-2 + pair[1]])


def _dated_pair(text: str, one, other):
    """(the later year's, the earlier's) for two amounts in a row naming one thing in two years
    (2026年预算 a，2025年预算 b: a, b; :func:`_years_apart`); else None."""
    if text[one.end : other.start - len(other.label)].strip(" ，,；;"):
        return None
    order = _years_apart(one.label, other.label)
    return None if not order else (other, one) if order > 0 else (one, other)


# a change naming nothing of its own right after the amounts it is of (，增加 c; ，同比增收 c)
_MOVED_ALONE = lazy(r"[\s，,]*(?:与上年度?相比|较上年度?|比上年度?|同比)?[\s，,]*(?:共计|合计|总计)?"
                    r"净?(?:增加|减少|下降|增长|上升|降低|节约|增收|减收|增支|减支)了?(?:支出|收入)?\s*")


# 去年 opening a label as the time of what the report tells (去年全年…完成 X, 去年税收收入完成 X), not the
# same period of the year before (去年同期, 去年1-6月: a prior)
_SAME_PERIOD = r"同期|\s*\d{1,2}\s*(?:[-－—~至到]\s*\d{1,2}\s*)?月|[上下]半年|[一二三四]季度"
_LAST_YEAR_OPENS = lazy(rf"\s*去年(?!{_SAME_PERIOD})")  # 去年 opening a label, not 去年同期, 去年1-6月
_REPORTED_YEAR = lazy(rf"\s*去年(?!{_SAME_PERIOD}|的|完成|实现|为|是|达到|累计|共)[\u4e00-\u9fff]{{2}}")
_YEAR_NAMED = lazy(r"\s*(?:19|20)\d\d\s*年")
# after a list closed by ；, a change that names nothing (较上年同口径减少), not 项目支出减少
_UNNAMED = lazy(r"[\s，,]*(?:与上年度?相比|与(?:19|20)\d\d年度?相比|较上年度?|比上年度?|同比"
                r"|(?:比|较)(?:19|20)\d\d年度?(?:预算|决算)?数?)?"
                r"[\s，,]*(?:同口径)?[\s，,]*(?:共计|合计|总计)?(?:增加|减少|下降|增长|上升|降低|节约)了?\s*")
_THIS_YEARS = lazy(r"本年(?:度)?(?:收入|支出)")
_WHOLE_TOTAL = lazy(r"(?:本部门|部门|本单位|单位)?(?:本年度?)?(?:收入|支出)合计")  # the year's all
# X，完成预算的 P%，超收 S，同比增收 C: S is no level; nor the gap to a schedule (占年初预算月进度的 P%，
# 月进度 S，较上年同月减收 C)
_OFF_BUDGET = ("超收", "短收", "少收", "多收", "进度", "超任务", "超预算", "超额")
_TO_TARGET = lazy(r"(?:超|距|离|差|与|未完成).{0,12}(?:任务|目标|计划|进度)数?(?:还差|尚差|相差|差|还有)?$"
                  r"|超额完成$")
_BRACKETED = labels.ASIDE  # an aside closed before the change: X（其中 A，B），比上年减少
# 支出完成 X，完成预算的98.83%，增支 c: a rate of the amount's own between it and its change
# (and how far ahead of the year's share it is: 完成预算87.0%，滞后序时进度13.0个百分点，增收 c)
_RATE_CLAUSE = lazy(r"[，,]\s*(?:完成|为|占|达到|超过|超|滞后|落后|快于|慢于|高于|低于)"
                    r"(?:[^，,。；;]|(?<=\d),(?=\d{3})){0,24}?\d+(?:\.\d+)?\s*(?:%|个百分点)")
_PART_ASIDE = lazy(r"\s*[（(]\s*(?:含|包含|包括|其中)")  # an aside holding a part of the amount before it
_OFF_CLAUSE = lazy(r"[，,]\s*(?:超收|短收|少收|多收)(?:了)?\s*[\d,]+(?:\.\d+)?\s*(?:万元|亿元|元)")
_GROWTH_CLAUSE = lazy(r"[，,]\s*(?:同比)?(?:增长|下降|增幅|降幅)(?:为|了)?\s*\d+(?:\.\d+)?%")  # ，增长17.8%
_RATE_NEXT = lazy(r"\s*[，,、]\s*(?:增长|下降|增幅|降幅|减少)(?:为|了)?\s*")  # …增支 a，增长 p%
_BARE_CHANGE = lazy(r"增收|减收|增支|减支|增加|减少")  # a change naming no base, right after its amount
_FRAMED = lazy(r"比上年|较上年|同比|与上年相比")  # a paragraph comparing with last year before it


def _own_amount(spec: Spec, text: str, sentence, change, rate=None):
    """The amount a bare change (增收, 减少) follows with only a comma between, in a paragraph that compared
    with last year before its sentence (…比上年增收 a。其中：税收收入 X，增收 Y), or with its rate straight
    after it (文化旅游体育与传媒支出 X，增支 a，增长 p%) or straight before it (民生支出 X，增长 p%，增支
    a): X (past rate clauses and an amount over the budget, 超收 S, said between); else None."""
    if not _BARE_CHANGE.fullmatch(change.label.strip(" ，,")):
        return None
    opened = rate.start - len(rate.label) - 1 if rate is not None else 0  # (its comma, then its word)
    direct = rate is not None and (_RATE_NEXT.fullmatch(text, change.end, rate.start) is not None or (
        rate.end <= change.start and _GROWTH_CLAUSE.fullmatch(text, opened, rate.end)
        and text[rate.end : change.start].strip(" ，,") == change.label.strip(" ，,")))  # X，增长 p%，增支 a
    if not direct and not _FRAMED.search(text, 0, sentence[0]):
        return None
    before = [f for f in sentence[2] if f.end <= change.start and family(f.unit) == family(change.unit)
              and not labels.RATE_BASE.match(text, f.end)  # (完成年初预算 Y 的 P%: Y, a rate's base)
              and not f.label.rstrip().endswith(_OFF_BUDGET)]  # (…，超收 S，增长 p%，增收 c: S no level)
    aside = labels.inside(text, sentence[0], [f.start for f in before])
    inner = [f for f, h in zip(before, aside) if h]
    before = [f for f, h in zip(before, aside) if not h]  # (X（包含两金计提 Y），完成预算的 P%，减收 C)
    alternative = not _PART_ASIDE.match(text, before[-1].end) if before else False
    if alternative and any(f.start > before[-1].end for f in inner):
        return None  # X（剔除…因素后为 Y；同口径 Y），增收 C: over X or over Y, not said
    between = _RATE_CLAUSE.sub("", _BRACKETED.sub("", text[before[-1].end : change.start])) if before else ""
    if direct and rate.end <= change.start:
        between = _GROWTH_CLAUSE.sub("", between)  # (X，增长 p%，增支 a: the rate between)
    between = _OFF_CLAUSE.sub("", between)  # (X，为预算的 P%，超收 S，增长 p%，增收 c: S said between)
    if not before or between.strip(" ，,") != change.label.strip(" ，,") \
            or not before[-1].is_point or family(before[-1].unit) != family(change.unit) \
            or _direction(spec, before[-1].label) != 0 or any(w in before[-1].label for w in _PRIOR_WORDS):
        return None  # (上年为 Y，减收 c: Y is the prior, stated)
    return before[-1]


def _rate_first(spec: Spec, text: str, figs, i: int, sign: int) -> Figure | None:
    """The rate stated before its change amount (收、支总计下降39.01%（减少6242.22万元）; 比上年下降
    36.53%，减少5380.25万元): the percentage right before the change, of the same direction, with only a
    bracket or a comma and the change's own direction word between them."""
    rate = figs[i - 1] if i else None
    if rate is None or rate.unit != "%" or not rate.is_point or _direction(spec, rate.label) != sign \
            or not spec.rates.within(rate.label) or "年均" in rate.label:
        return None
    between, own = text[rate.end : figs[i].start], figs[i].label.strip(" （(，,")
    if own.removesuffix("了") not in (*spec.up, *spec.down):
        return None  # 收入增长5%，支出增加120万元: another quantity's change
    return rate if between.strip(" （(，,") == own and between[:1] in "（(，," else None  # (增收 353)


# 上年决算数 is 上年's outturn, the same base as 上年 (not 上年预算数)
_OUTTURN_SAID = lazy(r"(?<=\S)(?:度|决算数?|执行数|实际支出数?|支出数?)$")


def _other_base(spec: Spec, label: str, between: str, year: str | None = None) -> bool:
    """Whether the words ``between`` a change and a rate compare with another base than the change's own
    ``label`` does (较预算节约 X，较上年下降 P%)."""
    bases = []
    for words in (label, between):
        at = max((words.rfind(w) + len(w) for w in spec.compare if w in words), default=-1)
        if at < 0:
            return False
        rest = words[at:]
        cut = min((i for i in (rest.find(w) for w in (*spec.up, *spec.down)) if i >= 0), default=len(rest))
        digit = _DIGIT.search(rest)  # 比上年的9.12万元减少: the base 上年, its amount said after it
        cut = min(cut, digit.start()) if digit else cut
        base = _OUTTURN_SAID.sub("", rest[:cut].strip(" ，,的"))
        bases.append(base or ("上年" if words[max(0, at - 2) : at] == "同比" else ""))  # 同比: last year's
    named = [b for b in bases if _A_YEAR.fullmatch(b)]
    if "上年" in bases and named and year and int(named[0][:4]) == int(year) - 1:
        return False  # 2016年…比2015年决算增加 C，同比增长 P%: the year the change names is 同比's, last year
    return bases[0] != bases[1] and all(bases)  # (上年决算数 and 上年, 上年度 and 上年: one base)


# a comparison with its own change right after it (同比增加27户，): no base of a later change
# (not a rate: 同比增长4.3%，增收 C is one comparison, its rate and its change)
_OWN_CHANGE = lazy(r"(?:比|较|相比)(?:上年度?|去年|上个?月|上期)?(?:同期)?[，,]?"
                   r"(?:增加|减少|增长|下降|提高|降低|上升|回落|回升)了?"
                   r"\s*[\d.,]+\s*[^\d\s，,。；;%％]{0,4}[，,；;]")
_OWN_SUBJECT = lazy(r"(?!总体|整体|合计|总计|共计|同比)[\u4e00-\u9fff“”]{2,}(?=比|较|与)")
_A_YEAR = lazy(r"(?:19|20)\d\d\s*年度?")
# the base's amount in brackets, closing them or its clause (（12.50万元）, （12.50万元，下同）; not
# （12.50万元为一次性购置…）: an aside)
BASE_ENDS = lazy(r"\s*[）)，,；;]")
# a rate said to be on an adjusted base (下降12%（按可比口径）; not 增长52.1%（同口径增长42.5%）: another)
_ADJUSTED_AFTER = lazy(r"\s*[（(]\s*(?:按|以)(?:可比|同)口径[^（()）\d]{0,6}[）)]")
# an amount after the base's name (比上年的9.12万元减少: 上年); not a year's or a month's (比2015年,
# 比上年12月末, 比上年1-11月: they name the base)
_DIGIT = lazy(r"(?<![\d.])\d[\d,]*(?:\.\d+)?\s*(?:万亿元|亿元|万元|元|%|％|个|人|家|项)")


def _direction(spec: Spec, label: str) -> int:
    return labels.direction(label, spec.up, spec.down)


def _direct(spec: Spec, sentence) -> Iterator[Growth]:
    """A rate stated straight after the comparison, with both amounts before it in the sentence and no
    change amount: 执行数为3269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%. The prior is
    the amount whose label names what follows the comparison word (预算执行数), the current the other; or,
    after 比上年, the one named by that year first when both name one measure (上年公用经费支出 Y，本年公用
    经费支出 X，比上年下降 P%)."""
    figs = sentence[2]
    for i, rate in enumerate(figs):
        if rate.unit != "%" or not rate.is_point or i == 0:
            continue
        at = max(rate.label.rfind(w) for w in spec.compare)
        sign = _direction(spec, rate.label)
        if at < 0 or sign == 0 or _direction(spec, figs[i - 1].label) != 0:
            continue  # no comparison in the rate's own words, or a change amount states it (handled above)
        named = rate.label[at + 1:]
        for word in spec.up + spec.down:
            if named.endswith(word):
                named = named[: -len(word)]
                break
        period, named = named.strip(), labels.core(named)
        amounts = [f for f in labels.near(sentence, rate.start)[2] if f.start < rate.start and f.is_point
                   and family(f.unit) == "money" and _direction(spec, f.label) == 0]
        prior = [f for f in amounts if len(named) >= 2 and labels.core(f.label).endswith(named)]
        if not prior and period in _LAST_YEAR_WORDS and len(amounts) == 2:
            # 上年公用经费支出 Y，本年公用经费支出 X，比上年下降 P%: the prior named by its year first,
            # the two of one measure
            prior = [f for f in amounts if f.label.lstrip("，, ").startswith(period)]
            if len(prior) == 1 and _measure_of(prior[0]) != _measure_of(next(f for f in amounts
                                                                                 if f is not prior[0])):
                prior = []
        if len(amounts) != 2 or len(prior) != 1:
            continue  # exactly a prior and a current, told apart by the prior's name
        current = next(f for f in amounts if f is not prior[0])
        yield _rate(rate, prior[0], current, sign)


_LAST_YEAR_WORDS = ("上年", "上年度", "去年", "上一年")
_PERIOD_WORDS = lazy(r"^(?:上年度?|去年|上一年度?|本年度?|今年|当年|20\d\d\s*年度?)")


def _measure_of(figure: Figure) -> str:
    """What an amount measures, its period left out (上年公用经费支出, 本年公用经费支出: 公用经费支出)."""
    return labels.core(_PERIOD_WORDS.sub("", figure.label.lstrip("，, "))).strip("为是达共计：: ")


_MEASURE = r"(?:决算数?|预算数?|执行数|实际支出数?|支出数?)"  # 较上年决算 X: the prior year's outturn
_PERIOD_BEFORE = (r"(?:比|较|与)(?:上年|上一年|去年|上年度|上年同期|去年同期|同期|20\d\d\s*年度?)(?:同期)?"
                  rf"{_MEASURE}?的?")
_COMPARED = lazy(rf"{_PERIOD_BEFORE}$")
_COMPARED_TO = lazy(r"(?:比|较)(?!例|重|率)")  # a label naming what a figure is compared with (比年初预算)
_COMPARED_OPEN = lazy(rf"({_PERIOD_BEFORE})\s*[（(]\s*$")  # before a prior in brackets: 较上年（X）增长
_YEAR = r"20\d\d\s*年度?"
_FROM = (rf"上年|上一年|去年|上年度|上年同期|去年同期|{_YEAR}|原来|原|调整前|年初(?:预算|批复|安排)?数?"
         r"|第[一二三四五六七八九十\d]{1,2}次(?:预算)?调整(?:后|方案)?")  # (从第一次预算调整的 X 调至 Y)
MOVED_FROM = lazy(rf"(?:由|从)(?:{_FROM})?的?$")
SHORT_MOVES = {"增": 1, "升": 1, "降": -1, "减": -1}
MOVED_TO = lazy(rf"^(增加|增长|上升|提高|减少|下降|降低|降|增|减|升)(?:到|至)(?:{_YEAR}的?)?$")
"""A move from a prior to a current amount: 由2023年的 X (``MOVED_FROM`` ends its label) 增加到2024年的 Y
(``MOVED_TO`` is its label, the direction its group 1), read by the growth and difference kinds."""


def _after_prior(spec: Spec, text: str, sentence) -> Iterator[Growth]:
    """A rate straight after the prior it is of, the current before it and no change amount stated:
    罚没收入386.50万元，比上年412.30万元下降7.26%; or 由上年的6辆减少到4辆，(减少2辆，)下降33.33%, 从2023年的
    X 增加到2024年的 Y，增幅为 P%; or current X，上年（同期）为 Y（2024年 X，2023年为 Y），下降 P%."""
    figs = sentence[2]
    for i, rate in enumerate(figs):
        if rate.unit != "%" or not rate.is_point or i < 2 or "年均" in rate.label:
            continue
        sign = _direction(spec, rate.label)
        before = figs[i - 1]
        if not spec.rates.within(rate.label):
            continue
        named, between = before.label.strip(" ，,"), text[before.end:rate.start]
        bracketed = _COMPARED_OPEN.search(text, max(0, before.start - 12), before.start)
        if not named and bracketed and between.lstrip().startswith(("）", ")")):
            named, between = bracketed.group(1), between.lstrip()[1:]  # 较上年（1,704.90万元）增长9.42%
        if _direction(spec, before.label) != 0 and not MOVED_TO.match(before.label.strip()):
            if i < 3 or not MOVED_TO.match(figs[i - 2].label.strip()):
                continue
            before = figs[i - 2]  # 由上年的6辆减少到4辆，减少2辆，下降33.33%: past the change stated
        elif between.strip("，, ").removesuffix("为") != rate.label.strip("，, "):
            continue  # only the rate's own words between (下降, 增幅为)
        k = i - 1 if before is figs[i - 1] else i - 2
        lo = max(sentence[0], before.start - labels.REACH)  # (a sentence without end: the stretch before)
        mine = labels.open_paren(text, lo, before.start)
        nearer = takewhile(lambda f, lo=lo: f.start >= lo, (figs[j] for j in range(k - 1, -1, -1)))
        other = next((f for f in nearer
                      # not an amount in brackets closed before the prior
                      if labels.open_paren(text, lo, f.start) in (None, mine)
                      and not _on_another_base(text, f)  # (nor a rate on another base, 占 Y 的 p%)
                      and not _COMPARED_TO.match(f.label.strip(" ，,"))), None)  # (nor the base of
        # another comparison: X，比年初预算 Y 下降 P%，比上年 Z 下降 R%: R is of X and Z)
        if other is None:
            continue
        if not (before.is_point and other.is_point) or family(before.unit) != family(other.unit) \
                or family(before.unit) in ("ratio", ""):
            continue
        if _COMPARED.fullmatch(named) and _direction(spec, other.label) == 0:
            if sign and not _as_change(rate, before, other, sign):
                yield _rate(rate, before, other, sign)  # current X，比上年 Y 下降 P%
        elif _prior(before.label.strip(" ，,"), other.label) \
                and _stated(text[other.end : before.start]) == before.label.strip(" ，,") \
                and not (_PLANNED.search(labels.FUNDS.sub("", other.label))
                         and not _PLANNED.search(before.label)):  # (一般公共预算支出 names a fund, no plan)
            if sign and _direction(spec, other.label) == 0 and _ONLY_RATE.fullmatch(rate.label.strip(" ，,")):
                yield _rate(rate, before, other, sign)  # current X，上年为 Y，下降 P%
        elif (order := _years_apart(other.label, before.label)) and _stated(text[other.end : before.start]) \
                == before.label.strip(" ，,") and _ONLY_RATE.fullmatch(rate.label.strip(" ，,")) \
                and _direction(spec, other.label) == 0 and _direction(spec, before.label) == 0:
            if sign and order > 0:
                yield _rate(rate, other, before, sign)  # 2023年补贴 X，2024年补贴 Y，同比增长 P%
            elif sign:
                yield _rate(rate, before, other, sign)  # 2023年改造46个，2022年改造38个，增长 P%
        elif (move := MOVED_TO.match(before.label.strip())) and MOVED_FROM.search(other.label.strip()):
            moved = _direction(spec, move.group(1)) or SHORT_MOVES.get(move.group(1), 0)  # 降至, 增至
            if "其中" in rate.label:
                continue  # 由 Y 增至 X，其中项目支出增长 P%: a part's rate, the part's amounts unsaid
            if sign in (0, moved):  # 由 Y 减少到 X，下降 P%; 增幅 and 降幅 say no direction of their own
                yield _rate(rate, other, before, moved)


def _on_another_base(text: str, figure: Figure) -> bool:
    """A rate, or the base of one (X，占调整预算数 Y 的 P%，较上年 Z 增长 R%: Y and P), no current amount."""
    return family(figure.unit) == "ratio" or labels.RATE_BASE.match(text, figure.end) is not None


def _prior_bracketed(spec: Spec, text: str, sentence) -> Iterator[Growth]:
    """A rate of the current amount whose prior follows it in brackets, rates of other bases maybe between:
    支出 X（上年为 Y），为调整预算的 P%，增长 R%."""
    figs = sentence[2]
    for k, prior in enumerate(figs[1:-1], start=1):
        if not _BRACKET_PRIOR.search(text, max(0, prior.start - 8), prior.start) \
                or not text.startswith(("）", ")"), prior.end):
            continue
        current = figs[k - 1]
        if text[current.end : prior.start].count("（") + text[current.end : prior.start].count("(") != 1 \
                or not (current.is_point and prior.is_point) or family(current.unit) != family(prior.unit) \
                or family(current.unit) in ("ratio", "") or _direction(spec, current.label):
            continue
        for rate in figs[k + 1 :]:
            if rate.unit != "%" or not rate.is_point:
                break  # (another amount: the rate would be of it)
            sign = _direction(spec, rate.label)
            if sign and _ONLY_RATE.fullmatch(rate.label.strip(" ，,")):
                yield _rate(rate, prior, current, sign)
                break


_BRACKET_PRIOR = lazy(r"[（(]\s*(?:上年|去年|上年同期|上年度)(?:为|是)?\s*$")


def _rate_bracketed(spec: Spec, text: str, sentence) -> Iterator[Growth]:
    """A rate of the amount right before it whose prior follows the rate in brackets: X，同比增长
    P%（上年同期为 Y）; X，环比增长 P%（2月份为 Y）."""
    figs = sentence[2]
    for k in range(1, len(figs) - 1):
        current, rate, prior = figs[k - 1], figs[k], figs[k + 1]
        said = _RATE_PRIOR.fullmatch(text, rate.end, prior.start)
        if not _levels(spec, current, rate, prior) or not _ONLY_RATE.fullmatch(rate.label.strip(" ，,")) \
                or said is None or not text.startswith(("）", ")"), prior.end):
            continue
        when, subject = said.group(1), labels.clause(text, current.start)
        if not _same_measure(said.group(2), _measure_of(current)):
            continue  # (X，同比增长 P%（上年预算 Y）: the prior of another measure)
        if ("环比" in rate.label) != bool(_LAST_PERIOD.fullmatch(when)) \
                or when in ("上年", "去年", "上年度") and _PART_OF_YEAR.search(subject) \
                or _REAL_GROWTH.search(subject) or _ON_ANOTHER_BASIS.search(text, prior.end, prior.end + 40):
            continue  # (同比 beside 2月份为 Y, 环比 beside 上年同期; 上半年 X…（上年为 Y）: the whole year's;
            # 地区生产总值: at constant prices; …，按同口径计算: another basis)
        sign = _direction(spec, rate.label)
        if sign:
            yield _rate(rate, prior, current, sign)


def _prior_after_rate(spec: Spec, text: str, sentence) -> Iterator[Growth]:
    """A rate right after the amount it is of, its prior said in the clause after the rate: X，比上年增长
    P%，上年为 Y (上年同期为 Y, 上年支出为 Y: a measure X's names, or none). X is its sentence's first amount
    (收入合计 X，其中 A a，比上年增长 P%，上年为 Y: whose rate is not said)."""
    figs = sentence[2]
    for k in range(1, len(figs) - 1):
        current, rate, prior = figs[k - 1], figs[k], figs[k + 1]
        said, named = _CLAUSE_PRIOR.fullmatch(text, rate.end, prior.start), rate.label.strip(" ，,")
        if said is None or not _levels(spec, current, rate, prior) or not _CLAUSE_RATE.fullmatch(named) \
                or text[current.end : rate.start].strip(" ，,") != named or "环比" in rate.label \
                or not _same_measure(said.group(2), _measure_of(current)) \
                or any(family(f.unit) == family(current.unit) for f in figs[: k - 1]):
            continue  # (the prior of another measure: X，增长 P%，上年预算为 Y; an amount after the first)
        year = re.match(r"20\d\d", said.group(1))
        if year and not re.search(rf"(?:比|较|与){year.group()}\s*年", rate.label):
            continue  # (…，比上年增长 P%，2023年为 Y: a year the rate does not name)
        subject = text[sentence[0] : current.start] + current.label
        if _PART_OF_YEAR.search(subject) and said.group(1) in ("上年", "去年", "上年度", "上一年") \
                or _REAL_GROWTH.search(subject) or _ON_ANOTHER_BASIS.search(text, prior.end, prior.end + 40) \
                or _ON_ANOTHER_BASIS.search(subject):
            continue  # (截至6月底，… X…，上年为 Y: the whole year's; at constant prices; on another basis)
        sign = _direction(spec, rate.label)
        if sign:
            yield _rate(rate, prior, current, sign)


def _levels(spec: Spec, current, rate, prior) -> bool:
    """Whether a percentage stands between two levels of one quantity, the current and its prior: points, of
    one family of amounts or counts (no rates), the current stating no change of its own."""
    return rate.unit == "%" and current.is_point and rate.is_point and prior.is_point \
        and family(current.unit) == family(prior.unit) and family(current.unit) not in ("ratio", "") \
        and not _direction(spec, current.label)


def _same_measure(prior: str, current: str) -> bool:
    """Whether a prior's own words (上年支出为, 上年决算) name the current's measure (本年度支出决算): none,
    or a part of it, a budget only of a budget."""
    return not prior or prior in current and ("预算" in prior) == ("预算" in current)


# a rate's own words before it, its base named by a period only: 比上年增长, 较上年度增长, 比去年同期下降
_CLAUSE_RATE = lazy(r"(?:同比|(?:比|较)(?:上年度?|上一年度?|去年|20\d\d\s*年度?)(?:同期)?|与上年相比)?"
                    r"(?:增长|下降|增加|减少|提高|降低|上升|增幅|降幅|减幅)(?:了|为)?")
# the prior in a clause after the rate: ，上年为 Y; ，上年同期支出为 Y
_CLAUSE_PRIOR = lazy(r"\s*[，,]\s*(上年同期|上年度|上一年|上年|去年同期|去年|20\d\d\s*年度?(?:同期)?)"
                     r"([\u4e00-\u9fff]{0,10}?)(?:为|是|：|:)\s*")


# the prior in brackets right after the rate: （上年同期为 Y）, （2月份为 Y）, （上月 Y）
_RATE_PRIOR = lazy(r"\s*[（(]\s*(上年同期|上年度|上年|去年同期|去年|上月|上期|上季度|\d{1,2}\s*月份?)"
                   r"([\u4e00-\u9fff]{0,10}?)(?:为|是|：|:)?\s*")
_LAST_PERIOD = lazy(r"上月|上期|上季度|\d{1,2}\s*月份?")  # what a 环比 rate is over
_PART_OF_YEAR = lazy(labels.PART_OF_YEAR)
_REAL_GROWTH = lazy(r"生产总值|增加值|GDP|可比价")  # growth at constant prices, not the levels' ratio
_ON_ANOTHER_BASIS = lazy(r"[^。；;]*?(?:同口径|可比口径|剔除|扣除|按可比)")


_ONLY_RATE = lazy(r"(?:同比|环比|比上年|较上年|与上年相比)?"
                        r"(?:增长|下降|增加|减少|提高|降低|上升|增幅|降幅|减幅|负增长)(?:了|为)?")
"""A rate's label naming nothing but its direction (同比下降): not 执行率提高, another quantity's."""
_PRIOR = lazy(rf"(?:{labels.LAST_YEAR}(?:同期)?|去年同期|(20\d\d)\s*年度?(?:同期)?){_MEASURE}?")


_PLANNED = lazy(r"预算(?!执行)|计划")  # 年初预算数 B，上年决算数 P: not this year's outturn beside it


_ADJUSTED_BASE = lazy(r"(?:剔除|扣除)[^，,。；;]{0,30}(?:因素|影响)")
_BROKEN_DOWN = lazy(r"其中|用于|包括")
_COMPARING = lazy(r"同比|比上年度?|较上年度?|与上年度?相比|比(?:19|20)\d\d年度?|较(?:19|20)\d\d年度?"
                  r"|同口径|分别")
# a rate whose label names a subject of its own before its word: 公务用车运行费下降 (not 增幅为, 同比增长)
_OTHER_SUBJECT = lazy(r"[\u4e00-\u9fff“”]{3,}\s*(?:增长|下降|增加|减少|提高|降低|上升)(?:了|为)?\s*$")
_GENERIC = {"决算数", "预算数", "决算", "预算", "执行数", "年初预算数", "全年预算数", "调整预算数"}


def _marked(found, slipped: bool, change, current) -> Iterator[Growth]:
    """``found`` with the figure written in the wrong unit marked when ``slipped``: the one whose unit lost a
    character of the other's (1760.78元 beside a change of 735.77万元), else the change."""
    wrong, right = (current, change) if units.dropped(current.unit, change.unit) else (change, current)
    for g in found:
        yield replace(g, slip=replace(wrong, unit=right.unit)) if slipped else g


def _slipped(rate, change, sign: int, current, contrary: bool) -> bool:
    """Whether a change in another unit of money than its amount (65.39元 beside 101.79万元; 23.17万元 beside
    50.94亿元) gives the rate read in the amount's unit: the unit is wrong, which the rate shows."""
    if current.unit == change.unit or family(current.unit) != "money" or family(change.unit) != "money":
        return False
    read = replace(change, unit=current.unit)
    return any(_holds(g) for g in _change(rate, read, sign, None, current, contrary))


def _paired(text: str, figs, figure) -> bool:
    """Whether a bare number stands right before ``figure``, only blanks between (a table's two columns
    flattened into a sentence: 5055.83 4274.69 万元)."""
    k = bisect.bisect_left(figs, figure.start, key=labels.figure_start)  # (in text order: found, not scanned)
    return 0 < k < len(figs) and figs[k] is figure and not figs[k - 1].unit and figs[k - 1].decimals > 0 \
        and text[figs[k - 1].end : figure.start].strip() == ""  # (not a row's number: 3 1,234.00万元)


def _compared_at(text: str, lo: int, at: int, words) -> int:
    """Where the last comparison word between ``lo`` and ``at`` stands, not 较 as an adverb (增幅较大的科目,
    较快增长: a degree, no comparison); -1 when none."""
    best = -1
    for word in words:
        k = text.rfind(word, lo, at)
        while k != -1 and word == "较" and _ADVERB.match(text, k + 1):
            k = text.rfind(word, lo, k)
        best = max(best, k)
    return best


_CLOSED_COMPARISON = lazy(r"比\s*[，,]")  # 与上年相比， closing before the amounts it compares
_ADVERB = lazy(r"(?:大|快|多|高|低|好|少|小|强|弱|为|明显|稳定|平稳|慢)")


def _clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause ``at`` is in begins: after the last ； before it (from ``lo``) outside brackets
    (一般公共服务支出 X（其中 A a；B b），较上年增加: the semicolons of the aside split nothing)."""
    cut = max(text.rfind("；", lo, at), text.rfind(";", lo, at))  # (; as some converters write it)
    while cut != -1 and labels.open_paren(text, lo, cut) is not None:
        cut = max(text.rfind("；", lo, cut), text.rfind(";", lo, cut))
    return cut + 1 if cut != -1 else lo


def _listed_whole(spec: Spec, text: str, figs, start: int, part, change) -> tuple[Figure | None, int]:
    """The amount a sentence breaks down with 其中 before ``part`` (X，其中 A a，B b，比上年增加 C), and how
    many amounts of its measure the breakdown lists up to the change: ``(None, 0)`` when there is none."""
    opened = text.rfind("其中", start, part.start)
    if opened < 0:
        return None, 0
    bracket = labels.open_paren(text, start, opened)
    if bracket is not None and labels.open_paren(text, start, part.start) != bracket:
        return None, 0  # X（其中 A a，B b），Y，比上年增加 C: a breakdown closed before the part
    fam = family(part.unit)
    kin = [f for f in figs if f.is_point and family(f.unit) == fam and _direction(spec, f.label) == 0]
    before = [f for f in kin if f.end <= opened]
    if not before or _aside(before[-1]) or labels.parenthesised(text, start, before[-1].start):
        return None, 0
    return before[-1], sum(1 for f in kin if opened < f.start < change.start)


def _dated_earlier(text: str, current: list) -> bool:
    """Whether the last of ``current`` falls under a year named after the first's and earlier than it
    (2023年度收入总计 X，支出总计 X，2022年度收入总计 Y，支出总计 Y，与2022年度相比…增加 C: Y the prior)."""
    if len(current) < 2:
        return False
    first = labels.dated(text, current[0].start)[1]
    last = labels.dated(text, current[-1].start)[1]
    return bool(first and last) and last[-1] < first[-1]


def _holds(found: Growth) -> bool:
    """Whether a growth's stated rate meets the rate its amounts give."""
    ratio = found.compute()
    return ratio is not None and interval(found.rate).meets(ratio.scale(Decimal(100)))


def _as_change(rate, amount, current, sign: int) -> bool:
    """Whether the amount after 较上年 gives the rate when read as the change rather than the prior (较上年
    决算数385.33万元，下降92.9%: 减少 left out, 385.33 / (29.47 + 385.33)): the sentence says neither for
    sure, so it is not judged."""
    cur, change = interval(current, "round", amount.unit), interval(amount)
    base = cur + change if sign < 0 else cur - change
    if base.lo <= 0:
        return False
    return interval(rate).meets((change / base).scale(Decimal(100)))


def _years_apart(first: str, second: str) -> int:
    """Whether two labels name the same thing in two years: 1 when the first is the earlier (2023年补贴
    then ，2024年补贴), -1 when it is the later and the second names no more than it (2023年改造小区 then
    ，2022年改造: said short the second time), 0 otherwise; alike but for the year, each naming one."""
    a, b = (re.findall(r"(20\d\d)\s*年", label) for label in (first, second))
    if len(a) != 1 or len(b) != 1 or a[0] == b[0]:
        return 0
    rest = [re.sub(r"20\d\d\s*年度?", "", label).strip(" ，,").removesuffix("为").removesuffix("是")
            for label in (labels.core(first), labels.core(second))]
    if int(a[0]) < int(b[0]):
        return 1 if rest[0] == rest[1] else 0
    return -1 if rest[0] == rest[1] or len(rest[1]) >= 2 and rest[0].startswith(rest[1]) else 0


def _stated(between: str) -> str:
    """The words between two amounts, without the comma and 为 around them (，上年为 → 上年)."""
    return between.strip(" ，,").removesuffix("为").removesuffix("是").strip()


def _prior(label: str, current: str) -> bool:
    """Whether ``label`` names only a prior period (上年, 上年同期, 2023年 after a current of 2024年 …)."""
    named = _PRIOR.fullmatch(label)
    if named is None or not named.group(1):
        return named is not None
    years = [int(y) for y in re.findall(r"20\d\d", current)]
    return bool(years) and max(years) > int(named.group(1))


def _compared_with(analysis, spec: Spec, text: str, sentence) -> Iterator[Growth]:
    """A rate after the prior it compares with, its subject named again and its amount said before the
    sentence: （二）公务接待费6.69万元。…。与2014年2.63万元相比，公务接待费支出增长154.37%. The current is the
    one amount before that the subject names (支出 dropped when nothing is named with it)."""
    figs = sentence[2]
    money = next((k for k, f in enumerate(figs) if family(f.unit) == "money"), len(figs))
    for k, rate in enumerate(figs):
        if rate.unit != "%" or not rate.is_point or k == 0 or "年均" in rate.label or k - 1 != money:
            continue  # (current X，与上年 Y 相比增长: both in the sentence, read by _after_prior)
        prior = figs[k - 1]
        m = _WITH_PRIOR.search(text, max(sentence[0], prior.start - 16), prior.start)
        said = _SUBJECT_MOVED.fullmatch(text, prior.end, rate.start)
        if m is None or m.end() != prior.start or said is None or not prior.is_point:
            continue
        sign = 1 if said.group(2) in spec.up else -1 if said.group(2) in spec.down else 0
        subject = labels.core(said.group(1))
        current = None
        for name in dict.fromkeys((subject, subject.removesuffix("支出"))):
            if len(name) >= 3:
                current = current or analysis.resolve(prior, name, name, "money", blocks=3, strict=True)
        if sign and current is not None and current.block == prior.block and current.end <= sentence[0] \
                and not any(w in current.label for w in _PRIOR_WORDS) \
                and _direction(spec, current.label) == 0:
            yield _rate(rate, prior, current, sign)


_WITH_PRIOR = lazy(r"与(?:上年|上一年|去年|上年同期|去年同期|(?:19|20)\d\d\s*年度?)(?:同期)?的?\s*")
_SUBJECT_MOVED = lazy(r"\s*相比\s*[，,]?\s*([\u4e00-\u9fff“”（）()]{3,24}?)\s*"
                      r"(增长|下降|增加|减少|上升|降低|提高)了?\s*")


def against_earlier(analysis, spec: Spec, text: str, sentence, unit: str | None) -> Iterator[tuple]:
    """``(current, prior, stated, sign)`` for each amount compared with last year's by a rate (``unit`` %)
    or by a change (``unit`` None) right after it (本年公用经费支出 b，比上年下降 p%; 2024年公用经费支出 b，
    比上年增加 c) whose sentence states no prior, last year's amount of the same quantity stated earlier in
    the report (上年公用经费支出 a: :func:`crossfoot.figures.quantities.prior_of`); no rate followed by a
    change, nor change followed by another (read with the amount by the sentence's own relations); a change
    followed by its rate is judged against the base all the same (the rate is read with the change)."""
    figs = sentence[2]
    for k, (current, stated) in enumerate(zip(figs, figs[1:])):
        said = _AGAINST_LAST_YEAR.fullmatch(text, current.end, stated.start)
        if said is None or not (current.is_point and stated.is_point) \
                or family(current.unit) in ("", "ratio") \
                or (stated.unit != "%" if unit else family(stated.unit) != family(current.unit)):
            continue
        if k + 2 < len(figs) and _direction(spec, figs[k + 2].label) != 0 \
                and (unit or figs[k + 2].unit != "%"):
            continue  # 比上年增加 c，增长 p%: the rate read with the change (the change against the base)
        sign = 1 if said.group(1) in spec.up else -1
        prior = quantities.prior_of(analysis, current)
        if prior is not None and (prior.block, prior.start) < (current.block, sentence[0]):
            yield current, prior, stated, sign


# X，比上年下降 P%; X，与上年相比，增加 C: a comparison with last year naming nothing else
_AGAINST_LAST_YEAR = lazy(r"\s*[，,]?\s*(?:(?:比|较)(?:上年度?|上一年度?|去年)|同比"
                          r"|与(?:上年度?|上一年度?|去年)相比\s*[，,]?)\s*(增加|增长|减少|下降|上升|降低|提高)了?\s*")


def _rate(rate, prior, current, sign) -> Growth:
    unit = prior.unit

    def compute():
        base, now = interval(prior, "round", unit), interval(current, "round", unit)
        if base.lo <= 0:
            return None
        return (now - base if sign > 0 else base - now) / base

    expression = (f"({current.text} − {prior.text}) / {prior.text}" if sign > 0
                  else f"({prior.text} − {current.text}) / {prior.text}")
    found = Growth(rate, (prior, current), prior.value == 0, prior.text, compute, expression)
    if prior.unit != current.unit and family(prior.unit) == family(current.unit) == "money" \
            and not _holds(found) and (units.dropped(prior.unit, current.unit)
                                       or units.dropped(current.unit, prior.unit)):
        wrong, right = (prior, current) if units.dropped(prior.unit, current.unit) else (current, prior)
        fixed = replace(wrong, unit=right.unit)
        read = _rate(rate, *[fixed if f is wrong else f for f in (prior, current)], sign)
        if _holds(read):  # 89410万元，比上年的131870.68元减少32.20%: the prior's unit lost its 万, the
            return replace(found, slip=fixed)  # rate says
    return found


_QUOTED = lazy(r"[“\"]([^”\"]{2,20})[”\"]")
_PRIOR_WORDS = ("上年", "上一年", "去年", "同期")
_RATE_ALONE = lazy(r"\s*(?:增长|下降|减少|增加|上升|降低)了?(?:幅度)?(?:为|达)?\s*")
_CARRIED = lazy(rf"{labels.LAST_YEAR}(?=结转|结余)")  # 上年结转结余资金: this year's money, carried in


def _aside(figure) -> bool:
    """An amount that is another comparison's (比年初预算800.00万元…, 完成年初预算800.00万元的106.95%,
    为年初预算376.00亿元的101.5%, 占年初预算37992万元的60%), or a part said of the amount before it
    (（含上年结转412.36万元）), never the current amount of this one."""
    label = figure.label.strip()
    return label.startswith(("比", "较", "占")) or _OF_BUDGET_DONE.search(label) is not None \
        or label.startswith("完成") and not (_DONE_AMOUNT.search(label) and not _PLAN_NAMED.search(label)) \
        or _BEYOND.search(label) is not None \
        or label.lstrip("（(").startswith(("含", "包括", "包含")) \
        or label.startswith(("为", "是", "相当于")) and _BASE_NAMED.search(label) is not None  # 为年初预算X的


_BASE_NAMED = lazy(r"预算|计划|目标|上年|去年|同期")
_BEYOND = lazy(r"(?:超过|超出|高于|低于|落后|快于|慢于)[^，,。；]{0,8}$")  # 超过序时任务数 X: a gap, no level
# 完成年初预算 (not 一般公共预算收入完成: the subject's verb)
# 完成年初预算 X 的 P%: another comparison's amount (not 完成一般公共预算收入 X, a fund's income named)
_OF_BUDGET_DONE = lazy(r"完成[^，,。；]{0,6}预算(?!收入|支出)"
                       r"|完成[^，,。；]{0,6}(?:年初|调整)[^，,。；]{0,4}预算")
# 完成地方一般公共预算收入 X: the amount done, not a plan's (完成年初预算 X 的 P%)
_DONE_AMOUNT = lazy(r"(?:收入|支出)$")
_PLAN_NAMED = lazy(r"年初|调整|预算数|全年预算|计划|目标|任务")  # (完成年初预算收入 X 的: a plan's amount)


def _named_base(text: str, at: int, amounts: list):
    """Of ``amounts`` stated before a comparison at ``at`` naming its base's year and measure (比2024年预算,
    较2024年预算执行数), the one whose label names that year and measure and nothing more (2024年预算数为,
    not 2024年预算执行数为); None when the comparison names no measure, or not one amount does."""
    named = _BASE_MEASURED.match(text, at)
    if named is None:
        return None
    year, measure = named.group(1), named.group(2).removesuffix("数")
    found = [f for f in amounts if _year(f.label) == year and _LABEL_MEASURE.search(f.label.strip(" ，,"))
             and _LABEL_MEASURE.search(f.label.strip(" ，,")).group(2).removesuffix("数") == measure]
    return found[0] if len(found) == 1 else None


_BASE_MEASURED = lazy(r"(?:比|较|与)\s*(20\d\d)\s*年度?\s*(预算执行数|预算数|预算|决算数|决算|执行数)")
_LABEL_MEASURE = lazy(r"(20\d\d)\s*年度?\s*(预算执行数|预算数|预算|决算数|决算|执行数)\s*(?:为|是)?$")


def _of_year_compared(text: str, named_year, figure, compare_at: int) -> bool:
    """Whether ``figure`` is dated the year a comparison names (in the measure it names, if any) while the
    change's clause names its own period before the comparison: the prior (2025年预算为 P，2026年预算比2025年
    预算减少 c: P; not 2016年…支出 X，较2016年决算增加 c, X this year's with its year a slip, nor 2024年决算数
    X，比2024年预算减少 c, X the outturn)."""
    compared = labels.YEAR.findall(named_year.group()) if named_year else []
    if not compared or _year(figure.label) != compared[-1]:
        return False
    own = labels.YEAR.findall(text, figure.end, compare_at)
    if not (own and own[-1] != compared[-1] or _THIS_PERIOD.search(text, figure.end, compare_at)):
        return False
    measure = _MEASURE_AFTER.match(text, named_year.end())
    return measure is None or measure.group(1) in figure.label


_THIS_PERIOD = lazy(r"本年|今年|当年")
_MEASURE_AFTER = lazy(r"\s*度?\s*(预算|决算|执行|年初)")


def _year(label: str) -> str | None:
    found = labels.YEAR.findall(label)
    return found[-1] if found else None


def _earlier(figure, year: str | None, carried: bool = False) -> bool:
    """Whether ``figure``'s label names the period before: 上年 (not 比上年), or a year before ``year``;
    上年结转结余 only when ``carried`` (the subject stated before it: 年末结转和结余 X，上年结转结余 Y)."""
    label = figure.label.replace("比上年", "").replace("较上年", "")
    label = label if carried else _CARRIED.sub("", label)
    if any(w in label for w in _PRIOR_WORDS[:3]):
        return True
    own = _year(figure.label)
    return own is not None and year is not None and own < year


_OPENING = lazy(r"^(?:比|较|与)(?:上年度?|上一年度?|去年|上年同期|去年同期|同期|20\d\d年度?)"
                      r"(?:相比)?[，,]?")


def _named_current(analysis, spec: Spec, change, fam: str, rate=None, sign: int = 1):
    """The current amount a change-only sentence speaks of, named by the words before the change."""
    text = analysis.text(change)
    clause = labels.clause(text, change.start).strip()
    # 同比 before what it names (同比收入、支出总计各增加) or after it (本年支出同比增加): a comparison word
    clause = clause[2:].lstrip("，, ") if clause.startswith("同比") else clause.replace("同比", "比")
    for word in spec.compare:
        at = clause.find(word)
        if at == 0:  # 较上年一般公共预算财政拨款支出减少: what follows the comparison names it
            clause = _OPENING.sub("", clause)
        elif at > 0:
            clause = clause[:at]
    each = False
    for word in spec.up + spec.down:
        if clause.endswith(word):
            clause = clause[: -len(word)].rstrip()
            each = clause.endswith(("各", "均", "都"))
            clause = clause.rstrip("各均都")  # 收、支总计各减少
            break
    quoted = _QUOTED.findall(clause)
    subject = labels.core(quoted[-1] if quoted else clause).strip("“”\"'")
    subject = subject.rsplit("、", 1)[-1]  # 收、支总计: labels are cut at 、 as the figure's was
    pair = re.split(r"和|及|与", subject)
    if each and len(pair) == 2 and len(pair[0]) >= 3 and pair[0][-2:] == pair[1][-2:]:
        subject = pair[1]  # 收入总计和支出总计各增加: two totals each moved by it (not 人员经费和公用经费)
    if len(subject) < 2 or subject in _GENERIC:  # 较2015年决算数增长 c: names no item, only a measure
        return _sentence_before(analysis, spec, change, fam, rate, sign)
    measured = _measured_before(analysis, change, quoted[-1], clause, fam) if quoted else None
    current = measured or analysis.resolve(change, subject, subject, fam, blocks=3, strict=True)
    if current is None and not measured:  # “三公”经费支出 X，其中：A a，B b。“三公”经费比上年减少 c: X, named
        current = analysis.resolve(change, subject, subject, fam, blocks=3, strict=True, own_first=True)
        # so itself, not the items listed under it
        current = current if current is not None and analysis.parent(current) is None else None
    if current is None and subject.startswith("支") and clause.endswith("收、" + subject):
        full = "支出" + subject[1:]  # 收、支总计 of 收入、支出总计均为 stated before
        current = analysis.resolve(change, full, full, fam, blocks=3, strict=True)
    both_named = _BOTH_NAMED.fullmatch(subject)
    if current is None and both_named:
        # 收入总计 X，支出总计 X。收支较上年增加 c: the one amount both totals are (财政拨款收入支出总计增加
        # c after 财政拨款收、支总计均为 X: the funds' own, theirs named the same)
        whose = both_named.group(1)
        planned = both_named.group(2) or ""  # 收入预算总计 X，支出预算总计 X。收支预算总计比上年增加 c
        sides = [analysis.resolve(change, whose + name, whose + name, fam, blocks=3, strict=True)
                 for name in (f"收入{planned}总计", f"支出{planned}总计")]
        if all(sides) and sides[0].value == sides[1].value and sides[0].unit == sides[1].unit:
            current = sides[1]
        both = None if current is not None else analysis.resolve(change, "支总计", "支总计", fam, blocks=3,
                                                                    strict=True)
        if current is None and both is None:  # (its parts listed under it after 其中: named by its label too)
            own = [f for f in analysis.figures[change.block] if f.end <= change.start and f.is_point
                   and family(f.unit) == fam and "支总计" in labels.core(f.label)
                   and not labels.said_for_earlier(text, f.start, analysis.year())]  # (not 2023年度's)
            both = own[-1] if own else None
        said = analysis.text(both)[max(0, both.start - 30) : both.start] if both is not None else ""
        said_whose = labels.FUNDS.search(said) or "财政拨款" in said
        if both is not None and _BOTH_TOTALS.search(said) and not _earlier_said(said, analysis.year()) \
                and (whose in said if whose else not said_whose):
            current = both  # 收、支总计 X。与上年相比，收支各增加 c: the amount both totals are, said once
            # (not 上年度…收、支总计 X, nor 2019年度…: the prior's; nor 财政拨款收、支总计 for the whole's)
    if current is None and _OUTTURN_NAMED.search(subject) and len(subject) >= 6:
        short = _OUTTURN_NAMED.sub("", subject)  # 公务接待费支出决算比上年增加 c after 公务接待费支出 X
        found = analysis.resolve(change, short, short, fam, blocks=3, strict=True)
        if found is not None and "预算" not in labels.FUNDS.sub("", labels.core(found.label)):
            current = found  # (not a budget's amount: the outturn's change)
    if current is None and subject in ("收入", "支出"):
        current = _broken_down_before(analysis, change, subject, fam)  # 收入预算 X，其中…。收入较上年增加 c
        if current is None and _THIS_YEARS.search(clause):  # 本年支出合计 X。…本年支出比上年增加 c: the
            total = subject + "合计"  # year's total, named with its 合计 or without
            current = analysis.resolve(change, total, total, fam, blocks=1, strict=True)
            if current is not None and not _WHOLE_TOTAL.fullmatch(labels.core(current.label)):
                current = None  # (not 财政拨款支出合计 X: a fund's, not the year's all)
    if current is None and subject.endswith("支出") and len(subject) >= 5:
        short = subject[:-2]  # 公务接待费支出增加 c after 公务接待费 X: the same amount, 支出 said or not
        current = analysis.resolve(change, short, short, fam, blocks=3, strict=True)
    if current is None or any(w in current.label for w in _PRIOR_WORDS) or _direction(spec, current.label):
        return None  # (社会保障和就业支出减支 X, the same item's change said elsewhere: no level)
    own = labels.core(current.label)
    if subject in own and not _NAME_ENDS.fullmatch(own[own.rfind(subject) + len(subject) :]):
        return None  # 增值税留抵退税累计完成 X。…增值税减收 c: another thing named after the subject
    if _THIS_YEARS.search(clause) and "总计" in current.label and "本年" not in current.label:
        return None  # 本年收入较上年增加 c after 收入总计 X: the year's income, not all it had
    said = labels.YEAR.findall(clause)
    if said:  # 2024年资金较2023年增加: the change of 2024's amount, not of the 2022—2024年 total
        own = analysis.text(current)
        opened = own.rfind("。", 0, current.start) + 1  # (2022-2024年共下达 X，…；实际支出 Y: the years)
        years = _YEARS.findall(own[opened : current.start])
        if any(len(y) > 4 for y in years) or years and said[-1] not in years \
                or not years and analysis.year() not in (None, said[-1]):
            return _year_amount(analysis, change, said[-1], fam)
    return _outturn_beside(analysis, change, current, clause, fam)


def _outturn_beside(analysis, change, current, clause: str, fam: str):
    """``current``, or the outturn stated right after it when it is an item's budget (公务接待费支出预算为
    1.00万元，支出决算为0.72万元 … 公务接待费较上年减少 c: the 决算 changed, not the 预算), the change
    naming no budget of its own."""
    if "预算" not in labels.FUNDS.sub("", labels.core(current.label)) or "预算" in clause:
        return current
    figs = analysis.figures[current.block]
    k = next((i for i, f in enumerate(figs) if f is current), None)
    after = figs[k + 1] if k is not None and k + 1 < len(figs) else None
    text = analysis.text(current)
    if after is not None and after.is_point and family(after.unit) == fam \
            and "。" not in text[current.end : after.start] \
            and _OUTTURN_ONLY.fullmatch(labels.core(after.label).strip(" ，,：:为是")):
        return after
    return current


_OUTTURN_ONLY = lazy(r"(?:支出)?(?:决算数?|实际支出数?|执行数)")  # a measure alone, of the item before


# what may follow a name in the label of its own amount: a verb or a measure, nothing it names further
_NAME_ENDS = lazy(r"(?:[\s，,：:（）()“”\"'均各总]|累计|完成|实现|达到|达|为|是|共计|共|合计|总计|总额|总量"
                  r"|决算数?|预算数?|执行数?|实际|支出|收入|经费|资金|金额|数|全年|本年|当年|年度|\d{4}年度?)*")


def _broken_down_before(analysis, change, side: str, fam: str):
    """The one amount of the sentence before ``change``'s that names ``side`` (收入, 支出) and is broken
    down right after it (收入预算 X，其中，A收入 a，B收入 b。收入较上年增加 c: X, not a part named so too),
    or None."""
    text = analysis.doc.blocks[change.block].text
    start = text.rfind("。", 0, change.start) + 1
    before = text.rfind("。", 0, max(start - 1, 0)) + 1 if start else 0
    found = [f for f in analysis.figures[change.block] if before <= f.start < start and f.is_point
             and family(f.unit) == fam and side in labels.core(f.label) and _BROKEN.match(text, f.end)]
    return found[0] if len(found) == 1 else None


_OUTTURN_NAMED = lazy(r"(?:决算数?|执行数|实际数)$")  # an item's outturn, named by its measure
_BROKEN = lazy(r"\s*[，,（(]\s*其中")  # X，其中: X broken down after it


def _year_amount(analysis, change, year: str, fam: str):
    """The one amount before ``change`` in its paragraph labelled with ``year`` alone (其中2022年 a、2023年
    b、2024年 c。2024年资金较2023年增加: c), or None."""
    own = [f for f in analysis.figures[change.block] if f.end <= change.start and f.is_point
           and family(f.unit) == fam and _YEAR_ALONE.fullmatch(f.label.strip(" ，,、：:")) is not None
           and labels.YEAR.findall(f.label) == [year]]
    return own[0] if len(own) == 1 else None


_YEAR_ALONE = lazy(r"(?:其中\s*[：:]?\s*)?20\d\d\s*年度?(?:为|是)?")


_YEARS = lazy(r"20\d\d(?:\s*[—–\-~～至到]\s*20\d\d)?(?=\s*年)")


_MEASURES = ("决算", "预算", "执行")
_TERM_SPENT = lazy(r"[”\"]?(?:经费)?(?:财政拨款)?(?:支出|共计|合计|总计|支出共计|支出合计)")  # the term's
# spending, no measure named
_TERM_MEASURED = lazy(r"[”\"]?(?:经费)?(?:财政拨款)?(?:支出)?(?:决算|预算|执行)数?")


def _measured_before(analysis, change, term: str, clause: str, fam: str):
    """The amount a change of a quoted term's measure speaks of (2024年度“三公”经费…支出决算数比2023年度增加),
    stated in the sentence before (“三公”经费…支出预算为 X，支出决算为 Y): the one amount there labelled with
    the measure the change names, in a sentence naming the term; None otherwise."""
    measure = next((w for w in _MEASURES if w in clause), None)
    named = clause[clause.find(term) + len(term):] if term in clause else ""
    spent = measure is None and _TERM_SPENT.fullmatch(named) is not None
    if spent:
        measure, named = "决算", "决算"  # 支出减少 after 预算 X，支出决算 (实际支出) Y: the outturn
    if measure is None or not _TERM_MEASURED.fullmatch(named):
        return None  # “三公”经费中公务接待费支出决算数: an item of the term's, not the term
    block = change.block
    text = analysis.doc.blocks[block].text
    start = max(text.rfind(c, 0, change.start) for c in "。；;") + 1
    if start:
        before = max(text.rfind(c, 0, start - 1) for c in "。；;") + 1
        figs = [f for f in analysis.figures[block] if before <= f.start < start]
        said = text[before:start]
    elif block and analysis.doc.blocks[block - 1].kind == "paragraph":
        # the last sentence of the paragraph before that names the term with an amount (not its 其中
        # items, nor the reasons after them)
        sentence = next((s for s in reversed(analysis.sentences(block - 1)[-3:])
                         if term in analysis.doc.blocks[block - 1].text[s[0] : s[1]]
                         and any(family(f.unit) == fam for f in s[2])), None)
        if sentence is None:
            return None
        figs = list(sentence[2])
        said = analysis.doc.blocks[block - 1].text[sentence[0] : sentence[1]]
    else:
        return None
    named = [f for f in figs if f.is_point and family(f.unit) == fam
             and (measure in f.label or spent and "实际" in f.label)
             and not any(w in f.label for w in _MEASURES if w != measure)]
    return named[0] if term in said and len(named) == 1 else None


def _fits(current, change, rate, sign: int) -> bool:
    """Whether ``rate`` is ``change`` over the prior ``current`` implies (current − change for a rise,
    current + change for a fall), within their rounding."""
    try:
        cur = interval(current, "round", change.unit)
        prior = cur - interval(change) if sign > 0 else cur + interval(change)
        if prior.lo <= 0:
            return False
        return (interval(change) / prior).scale(Decimal(100)).meets(interval(rate))
    except (ArithmeticError, ValueError, TypeError):
        return False


def _sentence_before(analysis, spec: Spec, change, fam: str, rate=None, sign: int = 1):
    """The amount a sentence that opens with the comparison and names nothing (与2023年度相比，增加824.17万
    元，增长5.02%) speaks of: the one amount of the sentence before it in its paragraph (2024年度一般公共预算
    财政拨款支出17634.06万元，占…); None when that sentence states several (预算 X，决算 Y: which one?)."""
    text = analysis.doc.blocks[change.block].text
    start = max(text.rfind(c, 0, change.start) for c in "。；;") + 1
    if start == 0 or not _BARE.match(text[start : change.start].strip()):
        return None
    before = text.rfind("。", 0, start - 1) + 1  # (the sentence, not its last clause after a ；)
    end = start
    listed = [f for f in analysis.figures[change.block] if before <= f.start < start and f.is_point
              and family(f.unit) == fam]
    if text[before:start].lstrip().startswith("其中") and len(listed) == 1:
        # 合计 X。其中，A a。较上年下降 P%: the total's or its one part's, the text does not say: the one the
        # rate fits, else the part (the nearer), so that a rate fitting neither is found
        total = next((f for f in analysis.figures[change.block][::-1] if f.start < before and f.is_point
                      and family(f.unit) == fam and text.rfind("。", 0, before - 1) < f.start), None)
        if total is not None and rate is not None and _fits(total, change, rate, sign) \
                and not _fits(listed[0], change, rate, sign):
            return total
        return listed[0]
    if text[before:start].lstrip().startswith("其中") and listed:  # 合计 X。其中：A a，占…；B b。
        before, end = text.rfind("。", 0, before - 1) + 1, before  # 较上年增加: the total's, before its parts
    figs = [f for f in analysis.figures[change.block] if before <= f.start < end and f.is_point
            and family(f.unit) == fam]
    if len(figs) > 1:  # X（其中：A a，B b）。较上年增加: X, its parts in brackets apart
        figs = [f for f, h in zip(figs, labels.inside(text, before, [f.start for f in figs])) if not h]
    if len(figs) > 1 and _LISTS_PARTS.match(text, figs[0].end) and _direction(spec, figs[0].label) == 0:
        figs = figs[:1]  # 收入合计 X，其中：A a，占…；B b。较上年下降 P%，减少 c: X, its parts after it
    if len(figs) == 2 and _BOTH_SIDES.match(text[start : change.start].strip()) \
            and figs[0].value == figs[1].value and figs[0].unit == figs[1].unit \
            and "收入" in figs[0].label and "支出" in figs[1].label \
            and all(_direction(spec, f.label) == 0 for f in figs):
        return figs[1]  # 收入总计 X，支出总计 X。收、支与上年相比，减少 c: the one amount both totals are
    return figs[0] if len(figs) == 1 and _direction(spec, figs[0].label) == 0 else None


_BOTH_SIDES = lazy(r"收\s*[、和]?\s*支")
_LISTS_PARTS = lazy(r"\s*[，,]?\s*其中\s*[：:，,]?")
def _earlier_said(words: str, year: str | None) -> bool:
    """Whether the words before an amount, from its sentence's start, date it before the report's year."""
    return labels.earlier(words[words.rfind("。") + 1 :], year)


_BOTH_TOTALS = lazy(r"收\s*[、和]?\s*支总计")
# a change of both totals named as one (收支, 收入支出总计; 财政拨款收入支出总计: whose, before it)
_BOTH_NAMED = lazy(r"(财政拨款|)(?:收支|收入支出)(预算)?(?:总计|总额|总量)?")  # (收支预算总计: a budget's)


_THEN = r"(?:上年度?|上一年度?|去年|20\d\d年度?)(?:同期)?"
_MEASURE_NAMED = r"(?:决算数?|预算数?|执行数)?"  # 较上年决算数增加: the measure named, no item
# (收、支 before it: both totals, equal, of the sentence before: 收、支总计均为 X。收、支与上年相比，减少 c)
_BARE = lazy(rf"^(?:收\s*[、和]?\s*支(?:出)?)?(?:与{_THEN}{_MEASURE_NAMED}相比"
             rf"|(?:比|较|同比){_THEN}{_MEASURE_NAMED}|同比)\s*[，,]?\s*"
             r"(?:(?:增加|减少|下降|增长|上升|降低|提高)\s*\d[\d.]*\s*%\s*[，,（(]\s*)?"  # (下降 P%，减少 c)
             r"(?:增加|减少|下降|增长|上升|降低|提高)$")


def _contrary(spec: Spec, rate: Figure, sign: int) -> bool:
    """Whether a rate's word, with its sign (增长-8.37% is a fall), says the other way from its change's."""
    said = _direction(spec, rate.label)
    if not said and (word := _RATE_WORD.search(rate.label[-6:])):
        said = 1 if word.group(1) == "增幅" else -1  # 减少 3.57万元，增幅 6.13%
    if rate.label.rstrip("为了 ").endswith("负增长"):
        return sign > 0  # 负增长3.17% and 负增长-3.17% both a fall (the minus said twice)
    return bool(said and rate.value and said * (1 if rate.value > 0 else -1) != sign)


_RATE_WORD = lazy(r"(?<!增)(增幅|降幅|减幅)\s*(?:为|达|是)?\s*$")  # a rate's own word of its direction


def _change(rate, change, sign, prior, current, contrary: bool = False) -> Iterator[Growth]:
    """The relation of a rate stated after its change amount, the prior stated or derived."""
    if current is not None and PER_HEAD.search(current.label) and not PER_HEAD.search(change.label):
        return  # 人均公用经费 X，公用经费总额比上年减少 c: an amount per head is no total's current amount
    if prior is not None:
        zero = prior.value == 0
    else:  # prior = current − change for an increase: zero when the change is the whole current amount
        zero = (current is not None and sign > 0 and current.unit == change.unit
                and current.value == change.value)
    shown = prior.text if prior is not None else f"0 ({current.text} − {change.text})" if zero else ""
    unit = change.unit
    if prior is not None:
        def prior_iv(p=prior):
            return interval(p, "round", unit)
        related = (change, prior)
    elif current is not None:
        def prior_iv(c=current):
            cur = interval(c, "round", unit)
            ch = interval(change)
            return cur - ch if sign > 0 else cur + ch
        related = (change, current)
        if not zero:
            size = change.text.lstrip("-−－")  # (增加-343.29: a fall of 343.29, its prior current + 343.29)
            shown = f"({current.text} {'−' if sign > 0 else '+'} {size})"
    else:
        return

    def compute():
        base = prior_iv()
        if base.lo <= 0:
            return None
        ratio = interval(change) / base
        ch, cur = (interval(change), interval(current, "round", unit)) if prior is None else (None, None)
        if prior is None and ch.hi - ch.lo >= cur.hi - cur.lo:
            # the change written as the difference of the two rounded amounts (上年5.28 − 本年4.53 = 0.75, the
            # rate from the amounts in 元): the prior as rounded as the current, the change off by both (not
            # a change finer than the amount, in one unit: 9万元，减少8.50万元 or 32.62亿元，增加239万元 was
            # not taken from rounded amounts)
            derived = cur - ch if sign > 0 else cur + ch
            mid, own = (derived.lo + derived.hi) / 2, (cur.hi - cur.lo) / 2
            if mid - own > 0:
                centre, half = (ch.lo + ch.hi) / 2, (ch.hi - ch.lo) / 2 + own
                other = Interval(centre - half, centre + half) / Interval(mid - own, mid + own)
                ratio = Interval(min(ratio.lo, other.lo), max(ratio.hi, other.hi))
        return Interval(-ratio.hi, -ratio.lo) if rate.value < 0 else ratio  # 减少 20，增长率为-3.85%

    amounts = None
    if prior is not None and current is not None and family(current.unit) == family(change.unit) \
            and not (interval(current, "round", unit) - interval(prior, "round", unit)).scale(Decimal(sign)) \
            .meets(interval(change)):  # (the change amiss: when it agrees, the rate is held to it)
        def amounts(c=current, p=prior):
            base = interval(p, "round", unit)
            if base.lo <= 0:
                return None
            moved = (interval(c, "round", unit) - base).scale(Decimal(sign)) / base
            return None if moved is None else Interval(-moved.hi, -moved.lo) if rate.value < 0 else moved
    yield Growth(rate, related, zero, shown, compute, f"{change.text} / {shown}", contrary, amounts=amounts)

