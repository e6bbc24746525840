"""Rows of a table named in prose by their classification: 社会保障和就业支出（类）754.75万元; “一般公共服务支
出（类）商贸事务（款）行政运行（项）”938.99万元; or an item 1、社会保障和就业支出（类）行政事业单位养老支出（
款）行政单位离退休（项）… 支出决算为54.53万元; each name quoted, with its code or not: “自然资源海洋气象等
支出”（220类）“自然资源事务”（01款）.

A money figure is read when the words right before it (its clause) name a row by class, 款 and 项 (its
:func:`chain`; a year between them and the measure, 档案馆（项）2026年预算数为 X, the caller reading an
earlier one as last year's), or by one name quoted before 科目 at no level said (“农林水支出”科目 X: the one
row of that name), or when its label is only a measure (``measures``: 支出决算) and the numbered item it is in
names the row. A clause naming another fund (国有土地使用权出让收入安排的支出（款）) is that fund's row, not
read. Names resolve through the table's classification codes (201 | 13 | 01 in 类 款 项 columns, or 2080501 in
one): the 款 is looked up under its 类, the 项 under its 款 (:func:`resolve`); a name that does not resolve to
exactly one row is left alone. Only figures in a part of the report about the table (``topic``: a word of the
heading above them, or of the text between it and the figure, or of the section heading above a sub-heading
naming no part of it, 五、一般公共预算拨款支出情况 ⏎ （三）具体使用情况, nor another fund or an earlier year
in the words after it; no title between naming another fund, last year or an earlier year; no sentence of the
figure's splitting it by fund) are read: a 类 of all funds is not a 类 of the general budget, nor is last
year's (:func:`on_topic`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..figures import labels
from ..regex import lazy
from ..vocabulary import Words
from . import classified
from .locate import header, titled

_LEVELS = {"类": 0, "款": 1, "项": 2}
# a name, with a short parenthesis of its own (政府办公厅（室）及相关机构事务; not a list marker, （二）) or
# a 、 between its words (环境保护法规、规划及标准; not after a marker: A（项）、B（项）), then （类）, （款）
# or （项）
NAMED = lazy(r"((?:[^（）()，,。；;：:、“”\"'\s\d.．]|(?<=[\u4e00-\u9fff])、(?=[\u4e00-\u9fff])"
                   r"|[（(](?!\s*(?:\d{2,3}\s*)?[类款项]\s*[）)]|[一二三四五六七八九十]{1,3}[）)])"
                   r"[^（）()，,。；;\d]{1,6}[）)])+?)"
                   r"[”\"']?\s*[（(]\s*(?:\d{2,3}\s*)?([类款项])\s*[）)]")  # （类）, or with its code:
# （207类）; each name quoted or not: “社会保障和就业支出”（208类）“行政事业单位养老支出”（05款）
_MARKED = lazy(r"[（(]\s*(?:\d{2,3}\s*)?[类款项]\s*[）)]|[”\"]\s*科目")
# a class named in quotes before 科目, its level unsaid (1.“农林水支出”科目16351.13万元): the one row so named
QUOTED = lazy(r"[“\"]([^“”\"，,。；;：:\d]{2,30})[”\"]()\s*(?=科目)")
_ITEM = lazy(r"(?:^|[。；;\s])\s*(?:\d{1,2}\s*[、.．](?!\d)"
                   r"|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*")  # 1、 1. （一） （1）
_HEADING = lazy(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_PAST = lazy(r"上年|去年|上一年|同期")
_HEADING_REACH = 60  # blocks looked back for the heading a figure sits under


@dataclass(frozen=True)
class Named:
    """The table (``tables``: caption words) and its amount column (``column``: header words)."""

    tables: Words = Words()
    column: Words = Words()


@dataclass(frozen=True)
class Spec:
    """What the kinds reading classified rows are configured with."""

    cell: Named = field(default_factory=Named)
    topic: Words = Words()
    measures: Words = Words(["支出决算", "决算"])
    filler: Words = Words(["支出", "为", "数", "是", "全年", "本年", "其中", "，", "：", ":"])

    def validate(self) -> str | None:
        if not self.cell.tables or not self.cell.column:
            return "option cell names the table (tables: caption words) and its column (column: header words)"
        if not self.topic:
            return "option topic lists the words of the headings whose text speaks of the table"
        return None


def rows(analysis, tables, column):
    """``([(code, name, cell)], table)`` for the first table captioned with one of ``tables`` and its
    column headed by one of ``column``, or None (read once per document)."""
    return analysis.memo(_rows, tuple(tables), tuple(column))


def _rows(analysis, tables, column):
    table = next((t for t in analysis.tables if titled(t, tables)), None)
    if table is None:
        return None
    col = header(table, column)
    if col is None:
        return None
    return classified(table, col), table


def marked(analysis, block: int) -> bool:
    """Whether a block names a 类, 款 or 项 at all."""
    return analysis.memo(_marked, block)


def _marked(analysis, block: int) -> bool:
    return bool(_MARKED.search(analysis.doc.blocks[block].text))


def chain(text: str, fig, measures, filler, year: str | None = None) -> list[re.Match]:
    """The row names that ``fig`` is stated for (matches of name and 类/款/项 in the block's text), or []."""
    at = fig.start - len(labels.clause(text, fig.start))
    named = list(NAMED.finditer(text, at, fig.start)) or list(QUOTED.finditer(text, at, fig.start))[-1:]
    # “…（项）”938.99万元, …（项）科目938.99万元, …（项）支出决算为54.53万元, …（项）2026年预算数为 X: nothing
    # but the measure between (a year: the report's, those before it read as last year's by the caller)
    own = rf"|{year}\s*年度?" if year else ""  # (the report's own year only: 2025年预算数 is last year's)
    between = re.sub(rf"[“”\"'\s]{own}", "", text[named[-1].end():fig.start]) if named else ""
    if named and not labels.without(between, (*measures, "科目", *filler)):
        return named
    if _PAST.search(fig.label):
        return []  # （项）。上年预算数为…: last year's, not the table's
    label = labels.without(labels.core(fig.label), (*measures, *filler))
    if label.strip() or not any(labels.core(fig.label).endswith(w) for w in measures):
        return []
    starts = [m.end() for m in _ITEM.finditer(text, 0, fig.start)]
    if not starts or _ITEM_ENDS.search(text, starts[-1], fig.start):
        return []  # 7.住房公积金（项）…。七、“三公”经费…支出决算为5,460.00元: another part's amount
    return list(NAMED.finditer(text, starts[-1], fig.start))


# a heading or list marker after a full stop: the numbered item before it has ended (a 说明 in one cell)
_ITEM_ENDS = lazy(r"[。；;]\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")


def on_topic(analysis, fig, topic) -> bool:
    """Whether a ``topic`` word comes before ``fig`` in its block, or in the blocks back to the heading above
    it (the heading included), no title on the way naming another fund (政府性基金), last year or an earlier
    year than the report's (四、上年预算执行情况 ⏎ 2023年…：), or in the section heading above a sub-heading
    naming none (五、一般公共预算拨款支出情况 ⏎ （三）具体使用情况), past the items of lists that name classes
    (（一）…（类）… （二）…（类）… under 财政拨款支出主要内容如下：; or the 类 list before a list of 项:
    具体到项级科目：)."""
    blocks = analysis.doc.blocks
    year = analysis.year()
    own = blocks[fig.block].text
    stop = min((k for k in (own.find("。", fig.end), own.find("；", fig.end)) if k >= 0), default=len(own))
    if _SPLIT_BY_FUND.search(own, fig.end, stop):
        return False  # 城乡社区支出（类）360.00万元，其中一般公共预算拨款60.00万元，国有土地使用权出让收入
        # 安排的支出300.00万元: the class's amount of all funds, its sentence says
    if _FUND_ROW.search(own, fig.start - len(labels.clause(own, fig.start)), fig.start):
        return False  # 城乡社区支出（类）国有土地使用权出让收入安排的支出（款）…（项）X: another fund's row
    for b in range(fig.block, max(-1, fig.block - _HEADING_REACH), -1):
        text = blocks[b].text if b != fig.block else blocks[b].text[: fig.start]
        titled = _HEADING.match(text) or _YEAR_OPENS.match(text) and text.rstrip().endswith(("：", ":"))
        if titled and len(text) <= _TITLE and not _CLASSED.search(text) and (
                _OTHER_FUND.search(text) or labels.LAST_YEARS.search(text)
                or year and any(y < year for y in labels.YEAR.findall(text))):
            return False  # 四、政府性基金预算财政拨款支出情况; 四、上年预算执行情况 ⏎ 2023年…: another's
        first = analysis.memo(_first, tuple(topic), b)
        if first != -1 and (b != fig.block or first < fig.start):
            return True
        heading = _HEADING.match(blocks[b].text) if b != fig.block else None
        if heading and not _CLASSED.search(blocks[b].text):
            if heading.group().strip()[:1] in "（(" and len(blocks[b].text) <= _TITLE \
                    and not _GENERIC.sub("", blocks[b].text[heading.end():]).strip(" ：:。") \
                    and not _said_otherwise(analysis, b, fig, year):
                return _titled_above(analysis, topic, b)  # 五、一般公共预算拨款支出情况 ⏎ （三）具体使用情况
            return False  # (（三）社会保障和就业支出（类）… before （四）卫生健康支出（类）…: items of one
            # list, under the words that introduce it: 财政拨款支出主要内容如下：; or of the 类 list before a
            # list of 项: （三）住房保障支出（类）… ⏎ 具体到项级科目： ⏎ 1.…（项）)
    return False


# a sub-heading's words naming no part of its section's topic (（三）具体使用情况; not （二）项目支出情况)
_GENERIC = lazy(r"具体|主要|使用|支出|用途|构成|结构|明细|安排|内容|情况|方向|说明|分析|按?功能分类|科目"
                r"|分类|分项|分|各项|各|项目级|项级|按|功能|资金|的|及|和|、")


def _said_otherwise(analysis, sub: int, fig, year) -> bool:
    """Whether the text from a sub-heading to ``fig`` names another fund or an earlier year than the
    report's (（三）具体使用情况 ⏎ 政府性基金预算拨款安排的支出…; 2025年全年执行中…)."""
    blocks = analysis.doc.blocks
    text = "".join(blocks[b].text for b in range(sub + 1, fig.block)) + blocks[fig.block].text[: fig.start]
    text = _COMPARISON.sub("元", text)  # (X万元，比上年增加 12.00万元, 与上年持平: an item's change after its
    # amount, not last year's amount; 与上年相比，A（类）a opening the clause is last year's)
    return bool(_OTHER_FUND.search(text) or labels.LAST_YEARS.search(text)
                or year and any(y < year for y in labels.YEAR.findall(text)))


_COMPARISON = lazy(r"元\s*[，,]\s*(?:比|较|与|同|和)\s*(?:上年度?|去年|上一年度?|(?:19|20)\d\d\s*年度?)"
                   r"(?:同期)?(?:相比)?")


def _titled_above(analysis, topic, sub: int) -> bool:
    """Whether the section heading (一、) above a sub-heading naming no topic (（三）具体使用情况) names one,
    and no other fund nor an earlier year: the sub-heading's section is about it (its siblings' paragraphs
    between are not)."""
    year = analysis.year()
    for b in range(sub - 1, max(-1, sub - _HEADING_REACH), -1):
        text = analysis.doc.blocks[b].text
        if _TOP.match(text):
            return len(text) <= _TITLE and analysis.memo(_first, tuple(topic), b) != -1 \
                and not _OTHER_FUND.search(text) and not labels.LAST_YEARS.search(text) \
                and not (year and any(y < year for y in labels.YEAR.findall(text)))
    return False


_TOP = lazy(r"^\s*[一二三四五六七八九十]+、")
_CLASSED = lazy(r"[（(][类款项][）)]")
# a title of another fund's section, or of last year's execution (not an item's 比上年 after its amount)
_OTHER_FUND = lazy(r"政府性基金|国有资本经营|社会保险基金|国有土地使用权出让")
# an amount split by fund after 其中 (X，其中一般公共预算拨款 a，国有土地使用权出让收入安排的支出 b)
# a row of another fund named (国有土地使用权出让收入安排的支出（款）; not 财政对其他社会保险基金的补助, the
# general budget's)
_FUND_ROW = lazy(r"政府性基金|国有资本经营|国有土地使用权出让|城市基础设施配套费|彩票公益金|土地储备专项债券")
_SPLIT_BY_FUND = lazy(r"其中[^。；]{0,60}?(?:政府性基金|国有资本经营|国有土地使用权出让)")
_TITLE = 60  # characters of a heading or a line introducing a list
_YEAR_OPENS = lazy(r"\s*(?:19|20)\d\d\s*年")  # 2023年一般公共预算财政拨款支出情况：


def _sibling(one: str, other: str) -> bool:
    """Whether two list markers are of one kind (（三） and （四）; 三、 and 四、)."""
    return one.strip()[:1] == other.strip()[:1] if one.strip()[:1] in "（(" else \
        one.strip()[-1:] == other.strip()[-1:] and other.strip()[:1] not in "（("


def _first(analysis, topic, b: int) -> int:
    text = analysis.doc.blocks[b].text
    return min((k for k in (text.find(w) for w in topic) if k != -1), default=-1)


def same_name(name: str) -> str:
    """A class's name as either way of writing it reads (其它 and 其他 are one word)."""
    return name.replace("其它", "其他")


def label(names: list[re.Match]) -> str:
    """The names as the prose gives them: 社会保障和就业支出（类）养老支出（款）; “农林水支出”科目."""
    return "".join(f"{m[1]}（{m[2]}）" if m[2] else f"“{m[1]}”科目" for m in names)


def resolve(rows, names: list[re.Match]) -> tuple[int | None, re.Match | None, int | None]:
    """``(row, missing, parent)``: the index of the row ``names`` names, each name looked up under the code
    of the one before; else the first 款 or 项 that matches no row there, and the row it was looked up under
    (only when the table has codes). A name matching several rows gives nothing."""
    coded = any(code for code, _, _ in rows)
    parent, found = "", None
    for m in names:
        name, width = same_name(m[1]), 3 + 2 * _LEVELS[m[2]] if m[2] else 0  # (“…”科目: any level)
        hits = [i for i, (code, row_name, _) in enumerate(rows) if same_name(row_name) == name
                and (not coded or (not width or len(code) == width) and code.startswith(parent))]
        if not hits and coded and width and found is not None and len(rows[found][0]) + 2 == width:
            return None, m, found
        if len(hits) != 1:
            return None, None, None
        found = hits[0]
        parent = rows[found][0]
    return found, None, None
