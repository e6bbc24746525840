"""Score items, read once per document for the score kinds: each item's name, maximum (分值), score (得分) and
deduction (扣分).

Items come from tables with a 分值 and a 得分 column (a pair per level when each level has both, its names
before them: every level a row opens is an item named by its own cell, the reason's deduction its finest
level's: a 扣分原因 column's, else a 偏差原因 column's one 扣N分), and from prose
(该指标分值5分，自评得分1分，扣4分; 满分20分，得19.20分; 满分3分，扣1.5分，得1.5分;
（分值15分）：目标值≥5%，实际完成4.2%，得12.60分，扣2.60分; 得分9.76分（分值10分）; 分值：3分 ⏎ 得分：3分 on
lines of their own; a bracketed item's one deduction in the reason after it, that sentence stating no other,
no part's, bonus, other year's or other item's: “资金使用合规性”（分值5分，得分4.00分）：…，扣1.00分;
资产管理5分，得4.50分，资产盘点不及时，扣1分, named by its words before the points), the name being the
numbered heading that opens the paragraph (1. 预算编制情况。) or the short heading before it. A maximum (分值)
is exact by definition: the points an item can earn are allotted, not measured; so are the score and deduction
a paragraph awards (自评得分1分 is 1, not 0.5 to 1.5), a deduction with decimals, but fewer than its score's,
aside (得分43.75分，扣6.3分: 6.25 rounded; 扣1分 of 4.5 is 1). A table's scores keep their rounding intervals,
since tables often show computed scores rounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ..model import Figure
from ..regex import lazy
from . import cell_figure, number, row_label

_ITEM = lazy(r"(?:分值|满分|标准分)\s*(?:为\s*)?(?P<max>\d+(?:\.\d+)?)\s*分\s*[）)]?"
                   r"(?:\s*[，,、：:]\s*(?:(?!\d+(?:\.\d+)?\s*分)[^。；;\n]){0,30}?)?"
                   r"(?:\s*[，,、：:]?\s*(?:扣|失|扣除)\s*(?:分\s*)?(?P<before>\d+(?:\.\d+)?)\s*分)?"
                   r"\s*[，,、：:；;]?\s*(?:自评|实际|评价)?得\s*分?\s*(?:为\s*)?"
                   r"(?P<score>\d+(?:\.\d+)?)\s*分"
                   r"(?:\s*[，,（(]\s*(?:扣|失|扣除)\s*(?:分\s*)?(?P<cut>\d+(?:\.\d+)?)\s*分)?")  # （扣1分）
_TRAILING = lazy(r"得\s*分?\s*(?:为\s*)?(?P<score>\d+(?:\.\d+)?)\s*分\s*[（(]\s*(?:分值|满分|标准分)\s*"
                       r"(?:为\s*)?(?P<max>\d+(?:\.\d+)?)\s*分\s*[）)]")
"""A score with its maximum in the parentheses after it (得分9.76分（分值10分））."""
_REVERSED = lazy(r"得\s*分\s*(?:为\s*)?(?P<score>\d+(?:\.\d+)?)\s*分\s*[，,]\s*(?:分值|满分|标准分)\s*"
                       r"(?:为\s*)?(?P<max>\d+(?:\.\d+)?)\s*分(?:\s*[，,]\s*(?:扣|失|扣除)\s*(?:分\s*)?"
                       r"(?P<cut>\d+(?:\.\d+)?)\s*分)?")
"""A score, then its maximum, then what it lost (得分47分，分值50分，扣2分)."""
_GROUP = lazy(r"(?<=指标)\s*(?:[（(]\s*(?P<max>\d+(?:\.\d+)?)\s*分\s*[）)]\s*[：:，,]?"
              r"|(?P<bare>\d+(?:\.\d+)?)\s*分\s*[：:，,])\s*(?:自评|实际|评价)?"
              r"得\s*分?\s*(?:为\s*)?(?P<score>\d+(?:\.\d+)?)\s*分(?:\s*[，,]\s*(?:扣|失|扣除)\s*(?:分\s*)?"
              r"(?P<cut>\d+(?:\.\d+)?)\s*分)?")
"""A group's points right after its name, then its score and what it lost (过程指标（20分）：自评得分18.60分，
扣1.40分; 决策指标（20分）自评得分18分; 过程指标20分，得18.60分)."""
_BARE_ITEM = lazy(r"(?:^|(?<=[。；;，,：:]))\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*)?"
                  r"(?P<name>[\u4e00-\u9fff“”]{2,12}?)(?<![分值满总])\s*(?P<bare>\d+(?:\.\d+)?)\s*分\s*[，,]\s*"
                  r"(?:自评|实际)?得\s*(?:分\s*)?(?:为\s*)?(?P<score>\d+(?:\.\d+)?)\s*分"
                  r"(?:\s*[，,](?P<reason>(?:(?!\d+(?:\.\d+)?\s*分)[^。；;]){0,40}?)"
                  r"(?:扣|失|扣除)\s*(?:分\s*)?(?P<cut>\d+(?:\.\d+)?)\s*分)?(?=\s*[。；;]|\s*$)")
"""An item named, its points, its score and what it lost, in one clause group (资产管理5分，得4.50分，资产盘点
不及时，扣1分; 预算管理10分，得10分): the words before the points its name."""
_NOT_ITEM = lazy(r"[每各共均]|合计|总|其中|平均|人均|累计|上年|去年|测评|考核|成绩|结果|评定|问卷|调查|满意")
# (每项5分: points per item; 群众满意度测评结果92分，得9.2分: a result measured, no item's points)
_MOST = Decimal(60)  # an item's points at most (an item of 92 points is a result, not a share of 100)
#: the evaluators' words (经财政局复核, 评价组, 专家组 …), as against the unit's own 自评
REVIEWERS = lazy(r"复核|评价组|专家组|核定|评审")
_MARKER = lazy(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）.、．]\s*)+")
_SUFFIX = lazy(r"(?:情况|分析|指标)$")
_AMONG = lazy(r"^\s*其中\s*[：:，,]?")  # (其中：决策指标（20分）…: 决策)
_RULE = lazy(r"[每各如若]|(?:低于|高于|不足|超过|少于|多于|达到)\s*\d")  # 到位率低于100%扣1分: a rule
FORM_CAPTION = r"(?![附目])[^：:（(，,。]{0,30}(?:自评|评价|评分|考核)表"
"""A score sheet's caption standing alone (项目支出绩效自评表; not 附件：…表, （详见…表）, a contents
entry)."""
_REFERRING = lazy(r"(?:该|此|本)(?:类|项)")  # a name that only points back (该类指标分值50分)
_THIS = lazy(r"[：:]\s*(?:该|此|本)(?:项|指标|项目)?$")  # 绩效目标合理性：该项 names 绩效目标合理性


@dataclass(frozen=True)
class Item:
    name: str
    score: Figure
    maximum: Figure | None = None
    cut: Figure | None = None
    own: str = ""
    """A table row's own name: the words nearest left of its 分值 (资产配置合理性, not the group 资产管理
    written once beside it)."""
    level: int = 0
    """Which level of a sheet scoring every level (0: the coarsest, 一级; or one level's sheet, or prose)."""


def items(analysis, max_words, score_words) -> list[Item]:
    """The items of the prose and of every table with a ``max_words`` and a ``score_words`` column (read
    once per document and vocabulary)."""
    return analysis.memo(_items, tuple(max_words), tuple(score_words))


def _items(analysis, max_words, score_words) -> list[Item]:
    found = list(prose_items(analysis))
    for table in analysis.tables:
        pairs = _pairs(table, max_words, score_words)
        if not pairs:
            continue
        said = next((j for j, h in enumerate(table.header) if _SAYS_CUT.search(h)),
                    next((j for j, h in enumerate(table.header) if _REASON_HEAD.search(h)), None))
        # (扣分原因; else 偏差原因分析及改进措施, its cell stating the one deduction: 增长放缓，扣3分)
        for row in range(len(table.rows)):
            read = [(top, score, maximum, level) for level, (top, got) in enumerate(pairs)
                    if (score := cell_figure(table, row, got, "分")) is not None
                    and (maximum := cell_figure(table, row, top, "分")) is not None]
            for k, (top, score, maximum, level) in enumerate(read):
                full = score.value == maximum.value  # (a rule quoted beside full marks: nothing taken)
                last = k == len(read) - 1  # the row's finest level states the reason's deduction
                cut = _said_cut(table.rows[row][said], score) if said is not None and not full and last \
                    else None
                own = next((c.text for c in reversed(table.rows[row][:top]) if c.text.strip()
                            and number(c.text) is None), "")
                name = own if len(pairs) > 1 and own else row_label(table, row)  # (a level's own name)
                found.append(Item(name, score, replace(maximum, exact=True), cut, own, level))
    return found


def _pairs(table, max_words, score_words) -> list[tuple[int, int]]:
    """The ``(分值, 得分)`` columns of a score table: one pair (分值 | 权重 | 得分; 一级指标 | 分值 | 二级指标
    | 分值 | 三级指标 | 分值 | 得分: the item's 分值 is the last before 得分), or one per level when each
    level has both, its names before them (一级指标 | 分值 | 得分 | 二级指标 | 分值 | 得分 | 三级指标 | 分值 |
    得分: a row holds the items of every level it opens, each named by its own cell, the finest last; not
    本年分值 | 本年得分 | 上年分值 | 上年得分, two scorings of one item)."""
    gots = [j for j, h in enumerate(table.header)  # 分值 | 得分率 | 得分: the points, not the rate
            if any(w in h for w in score_words) and "率" not in h]
    tops = [j for j, h in enumerate(table.header) if any(w in h for w in max_words) and j not in gots
            and not _fractions(table, j)]  # (分值 | 权重（%） | 得分: the 分值; 权重 0.20: no maximum)
    if not gots or not tops:
        return []
    levels = []
    for k, got in enumerate(gots):
        after = gots[k - 1] if k else -1
        top = max((j for j in tops if after < j < got), default=None)
        if top is not None and any(_LEVEL_NAME.search(table.header[j]) for j in range(after + 1, top)):
            levels.append((top, got))  # (a level's names before its pair: 二级指标 | 分值 | 得分; not
            # 本年分值 | 本年得分 | 上年分值 | 上年得分, nor 自评 | 复核: two scorings of one item)
    if len(levels) >= 2 and len(levels) == len(gots):
        return levels
    got = gots[0]
    return [(max((j for j in tops if j < got), default=tops[0]), got)]


def _fractions(table, col: int) -> bool:
    """Whether a 权重 column states shares of the whole (0.10, 10%, 权重（%）) rather than points."""
    if "权重" not in table.header[col]:
        return False
    if any(w in table.header[col] for w in ("%", "％", "百分")) \
            or any("加权" in h or "百分制" in h for h in table.header):
        return True  # 权重（%） | 指标得分（百分制） | 加权得分: weights in percent of the whole
    values = [v for r in table.rows if (v := number(r[col].text)) is not None]
    return any(v.percent for v in values) or bool(values) and all(v.value <= 1 for v in values)


_LEVEL_NAME = lazy(r"指标|级|名称|项目")  # a column naming a level's items (一级指标, 二级指标名称)
_SAYS_CUT = lazy(r"扣分|失分")  # 扣分原因, 扣分说明 (not 评分依据, 指标说明: a rule)
_REASON_HEAD = lazy(r"偏差原因|未完成原因|原因分析")  # a row's reason, which may state its deduction
_CUT_WORD = lazy(r"(?:扣|扣除|失)\s*(?:分\s*)?$")


def _said_cut(cell, score: Figure) -> Figure | None:
    """The one deduction a reason cell states (执行率未达100%，扣2分), or None: none, several, or one by a
    rule (每项扣1分, 低于90%扣1分)."""
    if not cell.text or _RULE.search(cell.text):
        return None
    from . import cell_figures

    cuts = [f for f in cell_figures([cell]) if f.unit == "分" and _CUT_WORD.search(cell.text[: f.start])]
    if len(cuts) != 1 or cell.text.count("扣") != 1 or _NOT_ALL.search(cell.text):
        return None  # (其中资金管理扣2分; 上年同项扣2分: a part's, another year's)
    cut = cuts[0]
    return replace(cut, exact=cut.decimals == 0 or cut.decimals >= score.decimals)


def prose_items(analysis) -> list[Item]:
    """The items stated in paragraphs (该指标分值5分，自评得分1分，扣4分), read once per document."""
    return analysis.memo(_prose_items)


_CARD_MAX = lazy(r"\s*(?:分值|满分|标准分)\s*[：:]\s*\d+(?:\.\d+)?\s*分\s*")
_CARD_SCORE = lazy(r"\s*(?:自评|评价)?得分\s*[：:]\s*\d+(?:\.\d+)?\s*分\s*")


def _card(analysis, b: int) -> Item | None:
    """An item laid out as a card, a line each (1．立项依据充分性 ⏎ 分值：3分 ⏎ 得分：3分), ending at block
    ``b``; its name is the line before the 分值."""
    blocks = analysis.doc.blocks
    if b < 1 or not _CARD_SCORE.fullmatch(blocks[b].text) or not _CARD_MAX.fullmatch(blocks[b - 1].text):
        return None
    maximum, score = analysis.figures[b - 1][:1], analysis.figures[b][:1]
    if not maximum or not score:
        return None
    name = clean(blocks[b - 2].text) if b >= 2 and len(blocks[b - 2].text) <= 24 else ""
    return Item(name, replace(score[0], exact=True, label=name), replace(maximum[0], exact=True))


def _prose_items(analysis) -> list[Item]:
    out = []
    for b, block in enumerate(analysis.doc.blocks):
        if (card := _card(analysis, b)) is not None:
            out.append(card)
            continue
        at = {f.start: f for f in analysis.figures[b]}
        trailing = [m for pattern in (_TRAILING, _REVERSED, _GROUP) for m in pattern.finditer(block.text)]
        taken = {_max_at(m) for m in trailing}  # 得分9.76分（分值10分），…得分39.40分: not the next one's
        trailing += [m for m in _BARE_ITEM.finditer(block.text) if _max_at(m) not in taken
                     and not _RULE.search(m.group("reason") or "") and not _NOT_ITEM.search(m.group("name"))
                     and not _NOT_ALL.search(m.group("reason") or "") and Decimal(m.group("bare")) <= _MOST
                     and Decimal(m.group("score")) <= Decimal(m.group("bare"))]
        # 资产管理5分，得4.50分，…，扣1分 (not 每项5分，得15分: points per item; nor 共, 合计, 平均)
        taken = {_max_at(m) for m in trailing}
        found = [*trailing, *(m for m in _ITEM.finditer(block.text) if m.start("max") not in taken)]
        if not found and (headed := _headed_item(analysis, b, at)) is not None:
            out.append(headed)  # 2.制度执行有效性（4分）。…少3项，扣1.50分，得2分。
            continue
        for m in sorted(found, key=lambda m: m.start()):
            score, maximum = at.get(m.start("score")), at.get(_max_at(m))
            if score is None or maximum is None:
                continue
            said = next((g for g in ("cut", "before") if g in m.re.groupindex and m.group(g)), None)
            if said == "before" and _RULE.search(block.text[m.end("max") : m.start("before")]):
                said = None  # 2项指标未量化，每项扣1分，得3分: a deduction per item, not the item's
            cut = at.get(m.start(said)) if said else _reason_after(block.text, m, at)
            own = m.group("name") if "name" in m.re.groupindex else None
            name = clean(own) if own else _name(analysis, b, m.start())
            if cut is not None:  # exact unless its decimals are fewer than the score's (扣6.3 of 43.75)
                cut = replace(cut, exact=cut.decimals == 0 or cut.decimals >= score.decimals, label=name)
            out.append(Item(name, replace(score, exact=True, label=name), replace(maximum, exact=True), cut))
    return out


def _reason_after(text: str, m, at: dict) -> Figure | None:
    """The one deduction the reason after a bracketed item states (“资金使用合规性”（分值5分，得分4.00分）：
    1笔支出手续不全，扣1.00分。), or None: the item's brackets must close right after its score, and its
    sentence state one deduction, by no rule (每项扣0.5分) and with no other score after it."""
    close = _CLOSED.match(text, m.end())
    if close is None or not _OPENED.search(text, max(0, m.start() - 4), m.start()) \
            or Decimal(m.group("score")) == Decimal(m.group("max")):
        return None  # (full marks: a deduction the reason names is another item's)
    stop = text.find("。", close.end())
    reason = text[close.end() : stop if stop >= 0 else len(text)]
    cuts = list(_CUT_SAID.finditer(reason))
    if len(cuts) != 1 or _RULE.search(reason) or _SCORE_SAID.search(reason) or _NOT_ALL.search(reason):
        return None  # (…扣1分；…扣1分: two; 其中A扣1分: a part's; 加0.5分, 返还: not all; 上年…扣: another's)
    number = re.search(r"\d+(?:\.\d+)?", cuts[0].group())
    return at.get(close.end() + cuts[0].start() + number.start())


_NOT_ALL = lazy(r"其中|加\d|加分|返还|上年|去年|以前年度|另|其他指标|该项目|满分|不扣|该指标扣|主要|比上年"
                r"|较上年|少扣|多扣|少失|多失")
_CLOSED = lazy(r"\s*[）)]\s*[：:，,]")  # （分值5分，得分4.00分）：, its reason next
_OPENED = lazy(r"[（(]\s*$")


def _max_at(m) -> int:
    """Where a match's maximum stands (a group's bare points, 过程指标20分，得…, or bracketed)."""
    return m.start("bare") if "bare" in m.re.groupindex and m.group("bare") else m.start("max")


_SCORED = lazy(r"(?:[，,；;]\s*(?:扣|失|扣除)\s*(?:分\s*)?(?P<cut>\d+(?:\.\d+)?)\s*分)?\s*[，,；;]\s*"
               r"(?:最终|实际|自评|该项|该指标)?得\s*分?\s*(?:为\s*)?(?P<score>\d+(?:\.\d+)?)\s*分\s*[。.]?\s*$")


def _headed_item(analysis, b: int, at: dict) -> Item | None:
    """A numbered paragraph whose title states its points in brackets and whose last clause its score
    (2.制度执行有效性（4分）。评分规则：…。经核查，少3项，扣1.50分，得2分。): an item, scored once in it;
    its deduction the one before the score only when it states no other (not a rule's 每少1项扣0.5分)."""
    text = analysis.doc.blocks[b].text
    head = _HEADED.match(text)
    if head is None or not head.group("points") or "得分" in (head.group("word") or "") \
            or len(_SCORE_SAID.findall(text)) != 1:
        return None
    m = _SCORED.search(text)
    maximum, score = at.get(head.start("points")), at.get(m.start("score")) if m else None
    if maximum is None or score is None:
        return None
    name = clean(head.group("title"))
    taken = [c for c in _CUT_SAID.finditer(text)
             if "每" not in text[max(text.rfind(p, 0, c.start()) for p in "，,。；;：:") + 1 : c.start()]]
    cut = at.get(m.start("cut")) if m.group("cut") and len(taken) == 1 else None
    # (…扣1分；…扣1分，得8分: the last deduction is one of several, not the item's; 每少1项扣0.5分: a rule)
    if cut is not None:
        cut = replace(cut, exact=cut.decimals == 0 or cut.decimals >= score.decimals, label=name)
    return Item(name, replace(score, exact=True, label=name), replace(maximum, exact=True), cut)


_CUT_SAID = lazy(r"(?:扣|失|扣除)\s*(?:分\s*)?\d+(?:\.\d+)?\s*分")
_SCORE_SAID = lazy(r"得\s*分?\s*(?:为\s*)?\d+(?:\.\d+)?\s*分")


def _name(analysis, b: int, at: int) -> str:
    text = analysis.doc.blocks[b].text
    cut = max(text.rfind(c, 0, at) for c in "。；;，,")
    own, opened = text[cut + 1 : at], cut  # 1.就业率提升（分值15分）; 本项目满分
    if not own.strip() and cut > 0 and text[cut] in "，,":  # 1.合理性，满分4分: the clause before
        opened = max(text.rfind(c, 0, cut) for c in "。；;，,")
        own = text[opened + 1 : cut]
    named = len(clean(own)) >= 2 and len(own) <= 24 and not any(ch.isdigit() for ch in _MARKER.sub("", own)) \
        and not _REFERRING.fullmatch(clean(own))  # (该类指标, 该项指标: the heading's, as 该指标)
    if named and opened > 0 and text[opened] in "。；;" and not _THIS.match(own):
        return clean(own)  # …得4分。明确性，满分2分: the item's own name, not the paragraph's heading
    head = text[: text.find("。")] if "。" in text[:at] else ""
    if head and _MARKER.match(head) and len(head) <= 24:
        return clean(head)
    if named:
        return clean(own)  # not 该指标 (clean: 该), whose name is the heading before
    if b > 0 and len(analysis.doc.blocks[b - 1].text) <= 24:
        return clean(analysis.doc.blocks[b - 1].text)
    return ""


def clean(name: str) -> str:
    name = _THIS.sub("", _MARKER.sub("", _AMONG.sub("", name.replace("*", "")))).strip(" 。.：:（(")
    return _SUFFIX.sub("", name)


#: a heading or numbered paragraph opening with an outline marker, its title, then its points in brackets
#: (三、绩效目标完成情况(自评得分90分), 1.数量指标（自评得分20分）：…, （一）产出指标（40分））; the
#: marker's style gives its level
_CN_MARK = "[一二三四五六七八九十]{1,3}"
_HEADED = lazy(rf"\s*\**\s*(?:(?P<l0>{_CN_MARK}\s*、)|(?P<l1>[（(]\s*{_CN_MARK}\s*[)）]\s*[、.．]?)"
               r"|(?P<l2>\d{1,2}\s*(?:[.．](?!\d)|、))|(?P<l3>[（(]\s*\d{1,2}\s*[)）])"
               r"|(?P<l4>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))"
               r"(?:\s*(?P<title>[^。；;，,：:（()）\n\d]{2,30}?)\s*[（(]\s*(?P<word>(?:自评|评价|实际)?得分|分值|满分)?"
               r"\s*[：:为]?\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）](?=\s*(?:[：:。，,；;]|$)))?")


@dataclass(frozen=True)
class Node:
    """A block opening with an outline marker: its level (0 for 一、 … 4 for ①), and the points its heading
    states in brackets, if any, with what they are (``score`` for 得分, ``max`` for 分值/满分 or bare after an
    indicator's name, ``bare`` for bare points after any other)."""
    block: int
    level: int
    points: Figure | None = None
    form: str = ""


def outline(analysis) -> list[Node]:
    """The document's outline nodes, in order, read once per document."""
    return analysis.memo(_outline)


def _outline(analysis) -> list[Node]:
    out = []
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row":
            continue
        m = _HEADED.match(block.text)
        if m is None:
            if block.kind == "heading":
                out.append(Node(b, -1))  # a heading of no outline level closes every group
            continue
        level = int(next(g for g in ("l0", "l1", "l2", "l3", "l4") if m.group(g))[1])
        points = None
        if m.group("points"):
            points = next((f for f in analysis.figures[b] if f.start == m.start("points")), None)
        word, title = m.group("word") or "", m.group("title") or ""
        # bare points are an indicator's weight (（一）产出指标（40分））; after another title
        # (一、总体评价（92分）) they may be a score over sub-headings' weights: only a sub-heading then
        form = "score" if "得分" in word else "max" if word or title.rstrip().endswith("指标") else "bare"
        title = clean(title)
        out.append(Node(b, level, replace(points, label=title) if points is not None else None,
                        form if points is not None else ""))
    return out


def outline_groups(analysis, form: str) -> list[tuple[Node, list[Node]]]:
    """Each outline node stating points of ``form`` whose direct children (the nodes one level down, before
    the next node at its level or above) all state points of that form, two or more of them: the points a
    tree of headings gives (三、绩效目标完成情况(自评得分90分) ⏎ （一）产出指标(自评得分50分) ⏎ （二）效益指标
    (自评得分40分)). A child without points, or with points of another form, leaves the group unread."""
    nodes = outline(analysis)
    out = []
    for i, node in enumerate(nodes):
        if node.form != form or node.level < 0:
            continue
        below = []
        for j in range(i + 1, len(nodes)):  # (an index, not a copy of the rest for every node)
            if nodes[j].level <= node.level:
                break
            below.append(nodes[j])
        if not below:
            continue
        step = min(n.level for n in below)
        children = [n for n in below if n.level == step]
        if len(children) >= 2 and all(n.form in (form, "bare" if form == "max" else form) for n in children):
            out.append((node, children))
    return out
