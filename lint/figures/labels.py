"""The words around a figure: its clause and sentence, the years they name, parentheses it stands in, and
labels compared by their specific words.

A figure's ``label`` (the words before it in its clause) says what it measures. Labels are compared by
their :func:`core` (years, blanks and list markers left out) and by the longest phrase two labels share
once generic words (预算, 合计, 支出 …) are taken out (:func:`overlap`). Pure functions of text.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..regex import lazy

YEAR = lazy(r"(20\d\d)\s*年")
OWN_YEAR = lazy(r"((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)")
"""A year a figure is of, not a day's date (经2023年12月…批准: when something was approved)."""
THIS_YEAR = lazy(r"本年度?|今年|当年")
LAST_YEAR = "(?:上年|去年|上一年|上年度)"
LAST_YEARS = lazy(LAST_YEAR)
"""Where a text names the year before (上年, 去年, 上一年, 上年度)."""
PART_OF_YEAR = r"上半年|下半年|[一二三四1-4]\s*季度|\d{1,2}\s*月"
"""Words naming a part of the year (上半年, 一季度, 11月, 1-6月): what a year's figure is not."""
ASIDE = lazy(r"[（(][^（()）]*[）)]")
BRACKET_AFTER = lazy(r"\s*[（(]([^（()）]{1,40})[）)]")  # a bracket right after a figure (its words: group 1)
NUMERALS = lazy(r"\d+(?:[.,]\d+)*")  # a number as written, its groups and decimals with it
# a sentence summing the report up (综上，全年实际支出 X，预算执行率 P，自评得分 S): the report's own figures
SUMMING_UP = lazy(r"\s*(?:综上所述|综上|总体来看|总的来看|综合来看|总体而言|总的来说|综合评价|经综合评价)")
"""An aside in brackets, closed (X（其中 A a，B b）): what it says belongs to the words before it."""
SIGNED = ("结余", "余额", "差额", "盈余", "利润", "亏损", "赤字", "净", "顺差", "逆差", "收支", "结转")
"""Words of quantities that may turn negative (a balance, a surplus, a profit): no fall or rise of them is
bounded by the amount itself."""
"""The words naming last year, as a pattern to build others with (上年为, 比上年, 上年预算)."""
FUNDS = lazy(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|社保基金预算|预算稳定调节基金"
             r"|预算周转金|公共财政预算|一般预算(?=收入|支出)")
"""The funds' and accounts' names: their 预算 names a fund or an account, not the 预算 measure (taken out
before looking for it); 公共财政预算 and 一般预算收入 are the 一般公共预算's names before 2014."""
_LEVELS = r"(?:[省市县区盟州旗镇乡]|乡镇|区县|旗县)"
SUB_LEVEL = lazy(rf"{_LEVELS}?本级|(?<!全){_LEVELS}级")
"""One level of government's name (旗级, 市本级, 乡镇级), not the whole's (全市): what it names is that
level's amount, not every level's."""
BUDGETS = lazy(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|社保基金预算")
"""The four budgets' names (a part naming another budget than its total's is a sibling, not a part)."""
OUTTURN = lazy(r"支出|实际|决算|执行|完成")
"""Words of an outturn (what was spent or done), as against a plan."""
FUND_NAMES = lazy(r"一般公共预算|政府性基金|国有资本经营|社会保险基金|社保基金")
"""A fund by its bare name, as headings and labels name it (地方政府性基金预算收入 names 政府性基金)."""
ASSETS = lazy(r"(?<!净)(?:资产总额|资产合计|资产总计|总资产)(?:为|达)?$")
"""An account's assets named whole (资产总额, 资产合计; not 净资产, 流动资产)."""
LIABILITIES = lazy(r"(?:负债总额|负债合计|负债总计|总负债)(?:为|达)?$")
"""An account's liabilities named whole (负债总额, 负债合计)."""
OTHER_FOOTING = lazy(r"\s*[（(]\s*(?:不含|含|未含|已含|扣除|剔除)")
"""A bracket right after an amount saying it is counted on another footing (当期结余 Z（不含利息收入）)."""
FUNDS_WHOLE = lazy(r"(?:资金|经费|财政拨款)(?:共计?|总额|合计|总计)?(?:为|是)?\s*$")
"""A label naming funds (项目资金共, 上级补助资金, 专项经费总额为, 本年度财政拨款为): a rate's base said
without a plan word when it is one of two amounts, the other what was paid of it."""
FUNDS_NAMED_WHOLE = lazy(r"^(?!.*其中)(?:.*(?:项目|专项)(?:资金|经费)(?:共计?|总额|合计|总计)?"
                         r"|.*(?:资金|经费)(?:共计?|总额|合计|总计))(?:为|是)?\s*$")
"""A label naming a project's funds as a whole (项目资金共, 专项资金共计, 该项目资金), not one source of them
(财政资金, 自筹资金, 其中中央资金): the plan what is left of it is said against."""
CHANGED = lazy(r"(?:增加|减少|增收|减收|增支|减支|节约|超支)\s*$")
"""A label ending in a change's word (比上年增收 X, 增支 X): the figure is a change, not an amount."""
RATE_BASE = lazy(r"\s*的\s*\d+(?:\.\d+)?\s*[%％]")
"""What follows a rate's base (完成年初预算 Y 的 P%): matched right after Y."""
_YEARISH = lazy(r"\d{4}\s*年度?|本年度?|上年度?|当年|全年|\s+")
GENERIC = ("年初", "预算", "决算", "合计", "总计", "共计", "支出", "收入", "资金", "经费", "本部门", "部门",
           "全年", "年度", "本年", "其中", "为", "的", "数")
#: subjects that are never measured against each other, and words that tell two labels' kinds apart
OPPOSITES = (("收入", "支出"), ("支出", "收入"))
# kinds of one whole that never overlap, by the templates' definitions (a 三公 total's items; a budget's
# 基本支出 and 项目支出; a 基本支出's 人员 and 公用; a procurement's 货物, 工程 and 服务; …)
DISJOINT_KINDS = (("因公出国", "公务用车", "公务接待"), ("基本支出", "项目支出"), ("人员", "公用"),
                  ("货物", "工程", "服务"), ("税收收入", "非税收入"),
                  ("工资福利", "商品和服务", "对个人和家庭", "资本性"),  # the economic classes
                  ("财政拨款", "事业收入", "经营收入", "其他收入"),  # a unit's income by source
                  ("一般公共预算", "政府性基金", "国有资本经营"))
KIND_WORDS = ("收入", "支出", "基本", "项目", "人员", "公用", "财政拨款", "事业", "经营")

_SENTENCE_REACH = 400  # characters looked back for a sentence's start: bounded work on text without stops
#: characters around a word within which the figures it relates are looked for: a paragraph with no full
#: stop in 100 KB is never searched end to end for each of its words
REACH = 600

# list markers (一、 （二） 3. ①), not the first character of a word (一般公共预算 keeps its 一)
_MARKER = lazy(r"^(?:[①-⑳]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                     r"|[一二三四五六七八九十\d]{1,3}[、.．]\s*)+")
_PARENS = lazy(r"[（()）]")


@lru_cache(maxsize=1 << 16)
def earlier(label: str, year: str | None) -> bool:
    """Whether a label names a period before the report's ``year``: 上年, 去年, or an earlier year (2023年度
    …得分 in a 2024 report)."""
    return re.search(LAST_YEAR, label) is not None \
        or year is not None and any(y < year for y in YEAR.findall(label))


def said_for_earlier(text: str, start: int, year: str | None) -> bool:
    """Whether the words of its clause before an amount at ``start`` date it before the report's ``year``
    (or, for a report naming none, the latest year its paragraph names): the last year they name is an
    earlier one (2023年度为 a，2024年度为 b; 由2023年度的 a 减少至 b; 2023年度收入、支出总计均为 a), or they
    end naming last year (比上年（a）减少)."""
    clause = text[max(text.rfind(c, 0, start) for c in "，,。；;：:") + 1 : start]
    said = YEAR.findall(clause)
    if year is None:  # the latest year of its paragraph's sentences stating amounts (not 2025年，将…)
        year = max((y for sentence in text.split("。") if _AMOUNT.search(sentence)
                    for y in YEAR.findall(sentence)), default=None)
    return bool(said) and year is not None and said[-1] < year or _ENDS_LAST_YEAR.search(clause) is not None


_AMOUNT = lazy(r"\d\s*(?:万元|亿元|元)")
_ENDS_LAST_YEAR = lazy(rf"{LAST_YEAR}(?:同期)?(?:的|为|是)?\s*[（(]?\s*$")


def listed_respectively(text: str, start: int) -> bool:
    """Whether an amount at ``start`` is one of a list after 分别 in its sentence (A、B、C分别为 a、b、c):
    each paired with its name by its place, not by the words right before it."""
    opened = max(text.rfind(c, 0, start) for c in "。；;") + 1
    at = text.rfind("分别", opened, start)
    return at >= 0 and _RESPECTIVE_RUN.fullmatch(text, at + 2, start) is not None


# what stands between 分别 and an amount of its list: its verb (分别为, 分别比年初预算减少), the amounts
# before it, their units and separators
_RESPECTIVE_RUN = lazy(r"[\u4e00-\u9fff]{0,10}?(?:[为是：:\s]|[\d,.]+|万元|亿元|元|万|%|％|[、，,和及与])*")


def core(label: str) -> str:
    """A label without years, blanks and list markers: what to compare labels by."""
    label = _YEARISH.sub("", label)
    return _MARKER.sub("", label)


@lru_cache(maxsize=1 << 14)
def _specific(label: str) -> str:
    """``label`` with each generic word, in turn, replaced by a bar."""
    for word in GENERIC:
        label = label.replace(word, "|")
    return label


def without(label: str, words) -> str:
    """``label`` with each of ``words``, in the order given, taken out wherever it occurs."""
    for word in words:
        label = label.replace(word, "")
    return label


def overlap(a: str, b: str) -> int:
    """Length of the longest common substring of two labels, generic words removed."""
    a, b = _specific(a), _specific(b)
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            piece = a[i:j]
            if "|" in piece:
                break
            if piece in b:
                best = j - i
            else:
                break
    return best


def direction(label: str, up, down) -> int:
    """+1 when a label ends in one of the ``up`` words (增加), -1 for ``down`` (减少), else 0; the longer
    word when both fit (负增长 is a fall, though it ends in 增长)."""
    tail = label[-4:]
    rise = max((len(w) for w in up if tail.endswith(w)), default=0)
    fall = max((len(w) for w in down if tail.endswith(w)), default=0)
    return 0 if rise == fall == 0 else 1 if rise > fall else -1


def dated(text: str, at: int) -> tuple[str, list[str]]:
    """The sentence before ``at`` and the years it names (2021 年度市本级指标 → ['2021']), in order."""
    lo = max(0, at - _SENTENCE_REACH)
    before = text[max(lo - 1, *(text.rfind(c, lo, at) for c in "。；;")) + 1 : at]
    return before, [m.group(1) for m in YEAR.finditer(before) if not _NUMBERED.match(before, m.end())]


_NUMBERED = lazy(r"\s*第\s*\d{1,4}\s*号")  # 农业农村部令2019年第4号: a document's number, not a period


_NOUN_AFTER = lazy(r"[\u4e00-\u9fff]{2,10}?(?=[和、及，,。；;（(]|以及|$)")


def noun_after(text: str, at: int) -> str:
    """The noun a count names right after it (2个行政单位和3个事业单位: 行政单位 after 2个), or ''."""
    m = _NOUN_AFTER.match(text, at)
    return m.group() if m else ""


def sentence_start(text: str, at: int) -> int:
    """Where the sentence (or clause after a ；) holding ``at`` begins."""
    return max(text.rfind(c, 0, at) for c in "。；;！？") + 1


def clause(text: str, at: int) -> str:
    """The text of the clause that ``at`` ends: from the last comma, full stop, semicolon or colon (looked
    for within a sentence's reach, so text without stops costs no more than text with them)."""
    lo = max(0, at - _SENTENCE_REACH)
    return text[max(lo - 1, *(text.rfind(c, lo, at) for c in "，,。；;：:")) + 1 : at]


def stop_after(text: str, at: int) -> int:
    """Where the sentence or clause holding ``at`` stops after it: its first 。 ； or ; (looked for within a
    sentence's reach, so text without stops costs no more than text with them)."""
    hi = min(len(text), at + REACH)
    return min((k for k in (text.find(c, at, hi) for c in "。；;") if k != -1), default=hi)


def near(sentence, at: int, reach: int = REACH):
    """``(start, end, figures)`` of the stretch of a sentence (as :meth:`Analysis.sentences` gives it)
    within ``reach`` characters of ``at``, with the figures that fall in it."""
    start, end, figs = sentence
    lo, hi = max(start, at - reach), min(end, at + reach)
    if lo == start and hi == end:
        return sentence
    first, last = (bisect.bisect_left(figs, at, key=figure_start) for at in (lo, hi))
    return lo, hi, figs[first:last]


def figure_start(figure) -> int:
    """A figure's start in its block (the key figures in text order are bisected by)."""
    return figure.start


def parenthesised(text: str, start: int, at: int) -> bool:
    """True if position ``at`` is inside a parenthesis opened after ``start``."""
    return open_paren(text, start, at) is not None


def inside(text: str, start: int, positions: list[int]) -> list[bool]:
    """For each of ``positions`` (ascending), :func:`parenthesised` from ``start``, in one pass."""
    out: list[bool] = []
    depth = 0
    marks = _PARENS.finditer(text, start, positions[-1]) if positions else iter(())
    mark = next(marks, None)
    for at in positions:
        while mark is not None and mark.start() < at:
            depth = depth + 1 if mark.group() in "（(" else max(depth - 1, 0)
            mark = next(marks, None)
        out.append(depth > 0)
    return out


class Parens:
    """The parentheses of ``text[start:end]`` found once, so :func:`inside` can be asked of it again and
    again (each change of a long sentence) without scanning the sentence each time."""

    def __init__(self, text: str, start: int, end: int):
        self.at: list[int] = []
        self.depth: list[int] = []  # the depth after each mark, as :func:`inside` counts it
        depth = 0
        for mark in _PARENS.finditer(text, start, end):
            depth = depth + 1 if mark.group() in "（(" else max(depth - 1, 0)
            self.at.append(mark.start())
            self.depth.append(depth)

    def inside(self, positions: list[int]) -> list[bool]:
        """:func:`inside` from this stretch's start, for positions within it."""
        out = []
        for at in positions:
            i = bisect.bisect_left(self.at, at)
            out.append(i > 0 and self.depth[i - 1] > 0)
        return out


def open_paren(text: str, start: int, at: int) -> int | None:
    """Offset of the innermost parenthesis still open at ``at`` (searching from ``start``), or None."""
    if text.find("（", start, at) < 0 and text.find("(", start, at) < 0:
        return None
    if text.find("）", start, at) < 0 and text.find(")", start, at) < 0:  # none closed: the last opened
        return max(text.rfind("（", start, at), text.rfind("(", start, at))
    stack: list[int] = []
    for m in _PARENS.finditer(text, start, at):
        if m.group() in "（(":
            stack.append(m.start())
        elif stack:
            stack.pop()
    return stack[-1] if stack else None


def respective(text: str, figures, rate) -> bool:
    """Whether ``rate`` is one of a 分别 list of rates (分别占60.61%、39.39%; 执行率分别为94.97%、89.16%),
    each paired with its own amount: 分别 stands after the last amount before it, or opens a list of as
    many amounts right before the rates (分别为 a和b，占…的 p和q)."""
    k = bisect.bisect_left(figures, rate.start, key=lambda f: f.start)
    amount = next((f for f in back(figures, k, rate.start - REACH) if f.unit not in ("%", "‰")), None)
    since = amount.end if amount else max(0, rate.start - REACH)
    if "分别" in text[since:rate.start]:
        return True
    # 分别为 a和b，占全国政府采购规模的 p和q: rates listed after amounts a 分别 opened, as many
    rates = _run(text, figures, k, lambda f: f.unit in ("%", "‰"))
    if amount is None or len(rates) < 2:
        return False
    j = bisect.bisect_left(figures, amount.start, key=figure_start)  # (not figures.index: linear per rate)
    amounts = _run(text, figures, j, lambda f: f.unit not in ("%", "‰"), _LISTED)  # (a，b和c: a comma too)
    return len(amounts) == len(rates) and amounts[-1] is amount \
        and "分别" in text[max(0, amounts[0].start - 8) : amounts[0].start]


def _run(text: str, figures, k: int, kind, joined=None) -> list:
    """The figures joined by 、, 和 or 及 (or ``joined``) to ``figures[k]`` (itself included), all of
    ``kind``, in order."""
    joined = joined or _JOINED
    lo = hi = k
    while lo > 0 and kind(figures[lo - 1]) \
            and joined.fullmatch(text, figures[lo - 1].end, figures[lo].start):
        lo -= 1
    while hi + 1 < len(figures) and kind(figures[hi + 1]) \
            and joined.fullmatch(text, figures[hi].end, figures[hi + 1].start):
        hi += 1
    return list(figures[lo : hi + 1]) if kind(figures[k]) else []


_JOINED = lazy(r"\s*(?:、|和|及|以及)\s*")
_LISTED = lazy(r"\s*(?:、|和|及|以及|，|,)\s*")  # amounts a 分别为 lists: 分别为 a，b和c


def back(figures, k: int, since: int):
    """The figures before ``figures[k]``, nearest first, back to offset ``since``: a look-back bounded by a
    reach, so a paragraph of thousands of figures costs linear time."""
    while k > 0 and figures[k - 1].start >= since:
        k -= 1
        yield figures[k]


_OWN = lazy(r"20\d\d\s*年度?|[本我](?:部门|单位|局|厅|委|办|中心|所|站|院|馆|队|处|科|室|校|会)"
                  r"|部门|单位|全年|本年|年度|全部|共计|共|合计|其中|的|[，,：:、\s]")
_MEASURE = lazy(r"收入|支出|收、支|总计|合计|财政拨款|一般公共预算|政府性基金|国有资本|三公|预算|决算"
                      r"|结转|结余|经费|资金")
_INSTITUTION = lazy(r"(?:局|厅|委|办|中心|所|站|院|馆|队|处|科|室|校|医院|公司|协会|部|会|团|社)$")


def another_unit(label: str, own_names, word: str | None = None) -> bool:
    """Whether ``label`` names a unit other than the report's own before its measure (示范管理局（本级）,
    示范管理事务中心 of a 部门决算 that consolidates them): what is left once the report's ``own_names``,
    everything from the first measure word (收入, 支出, 财政拨款 …; or from ``word``) on, and the words any
    total may carry are taken away ends as an institution's name does (中心, 所, 馆 …), or says 本级 or
    所属 (所属事业单位, 下属单位)."""
    head = label[: label.rfind(word)] if word else label
    if PART_OF.search(head):
        return True  # 局机关本级, 所属事业单位支出合计
    for own in own_names:
        head = head.replace(own, "")
    head = _OWN.sub("", _MEASURE.split(head, 1)[0])
    return len(head) >= 3 and _INSTITUTION.search(head) is not None


PART_OF = lazy(r"本级|(?<![及含和与括])(?:所属|下属|直属)|二级单位")  # not 及所属, 含所属


def unquote(text: str) -> str:
    """``text`` without quotation marks: “三公”经费, "三公"经费 and 三公经费 are one name."""
    return _QUOTES.sub("", text)


_QUOTES = lazy(r"[“”\"'‘’]")


def opening(text: str, at: int) -> str:
    """The words that open the clause (from the last ；or 。) holding offset ``at``, up to its first
    number: the subject of each amount in it (示范管理事务中心收入支出总计100.00万元，本年收入合计…)."""
    start = max(text.rfind("；", 0, at), text.rfind("。", 0, at), text.rfind(";", 0, at)) + 1
    head = text[start:at]
    m = re.search(r"\d", head)
    return head[: m.start()] if m else head


def compound(label: str, named: str) -> bool:
    """Whether ``label`` names two things together, ``named`` the second (税收返还和转移支付 for 转移支付):
    never the one ``named`` names alone."""
    return bool(named) and label.endswith(named) and label[: -len(named)].endswith(("和", "及", "与", "、"))
