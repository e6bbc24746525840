"""count: a stated count (下设九个二级项目, 共10个单位) against the items listed after it.

A count is a whole figure in a measure word (个, 项, 家, 所, ...; not a count of times, 人次, 站次, 家次,
床日) followed, within ``reach`` characters and one comma, by a list ``openers`` word (包括, 分别是, 分别为,
即 after a comma, a colon). The list runs to the end of its clause (。；，), continuing into the next
paragraph when a converter broke the sentence across a blank line. Its items are split at 、 and, inside an
item, at 和/以及/及 between two names where the first ends as the list's names mostly do (财务科和产业科 is
two 科). Only a closed list of names is judged: one of at least ``minimum`` items (two after 分别为, 具体为:
each one named), with a 、 in it, not ended by 等 (which says the list is not complete), and none of them an
amount (分别为442名、418名 and 公务用车2辆、机要用车1辆 are a sum, not a list; so are
数量指标五个、质量指标三个, and 租用1架M-26直升机、2架H-125直升机), but for names each with its amount of
money (2项资金，分别为：A资金2127万元、B资金650万元). So is a list in brackets right after the count and its
noun (设6个部室（办公室、组织人事部、…）; not past a verb: 三批项目涉及临城镇（A村、B村）), when it holds
names only. So are the names right before a count, after the word that sets them up (内设办公室、规划计划科、
水资源科3个科室), or a clause opening on them (or on 对) and summing them with 共
(对青石镇、白沙镇、龙潭乡共3个乡镇) into a count of places or offices (乡镇, 镇, 街道, 区县, 科室, 处室,
内设机构), most of the names ending as it says (镇, 乡 of 乡镇; not 青石村、白沙村共3个自然村, within them,
nor 省、市、县共5个单位, levels), the first not joining a subject to them (我局与A、B共3个单位: the subject
maybe among them). A count of things (``point_units``: 个, 项, 条, 方面 …; not 人次) followed by inline points
(有三个方面：一是…；二是…；三是…), with no other figure between, is compared with the points that follow in
order, in its paragraph and the paragraphs that go on with the next point (two points suffice there). A count
ending its paragraph with a colon (存在以下四个方面的问题：) is compared with the numbered paragraphs after
it, in one style, numbered from 1 (1．…, （1）…, or （一）… with paragraphs of its own under each, up to the
next 一、; a table between two items does not end the list, unless the count's paragraph is itself in a list
so numbered, or a bare title follows the table: 3.政府采购情况). The count must equal the number of *distinct*
items; an item listed twice is named in the finding (a name the publisher redacted, （略）建设项目, stands for
one each time); a last name after a comma closing the sentence (A、B、C，D。) is listed too. A count that
refers to a table instead (共10个单户单位（详见表1）) is compared with the rows of the table captioned 表1
(just above it, or over its unit line): its numbered rows, totals left out. A count stated last in a paragraph
that ends by introducing a table (单位共4个，具体如下：; or its own parts by kind said first:
共8个，其中行政单位2个，事业单位5个。具体如下：) is compared with the names in that table's column of them
(单位名称 for 单位, 项目名称 for 项目, 三级指标 for 三级指标), its numbered rows, totals left out. A count of
indicators (共设置6个绩效指标, 16个三级指标) in the first sentence of the paragraph right after an indicator
table, or right before one (a caption between, no table after it), is compared with that table's 三级指标
rows. A count followed by its amount whose listing after it adds up to that amount
(项目共3个，涉及项目预算资金 T。其中：A a，B b，C c) is compared with the listing's items (not a breakdown by
source: 财政拨款 a，其他资金 b). A count of indicators listing only the kinds they fall in (产出指标7个，包括
数量、质量、时效和成本指标) is not judged: the kinds are not the indicators (but for a count of 一级 or 二级
指标: the kinds are they).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ...figures import labels, numbers
from ...figures.precision import COUNT_UNITS, interval
from ...figures.precision import total as total_of
from ...figures.units import MONEY
from ...regex import lazy
from ...tables import EMPTY, last_line, number, row_label
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "count"
FIELDS = ("stated", "computed", "listed", "distinct", "repeats", "where")


@options
class Options:
    openers: Words = Words(["包括", "包含", "分别是", "分别为", "具体是", "具体为", "：", ":", "，即", ",即"])
    reach: int = 20
    minimum: int = 3
    point_units: Words = Words(["个", "项", "条", "点", "类", "件", "方面"])
_NOUN = lazy(r"[\u4e00-\u9fff]{1,12}")
_AMOUNT = lazy(r"(?:\d[\d.,]*\s*(?:[\u4e00-\u9fff%％]{1,2})?"
                     r"|(?<!第)[零〇一二两三四五六七八九十百千]+\s*(?:个|项|类|家|所|人|名|条|件|次|批|辆|台|套|户|间|座"
                     r"|期|场|篇|种))$")
_END = lazy(r"[。；;，,]")
_REDACTED = lazy(r"[（(]\s*略\s*[）)]|\*{2,}|×{2,}|[Xx]{2,}|某某")
# an item counting some itself (not the list's closing 共4个)
_COUNTED_ITEM = lazy(r"(?<![共等计\d])\d+\s*(?:个|架|辆|台|家|所|人|名|项|座|套|艘|条|处|只|头)")
_JOIN = lazy(r"(?<=[\u4e00-\u9fff）)”]{2})(?:和|以及|及)(?=[\u4e00-\u9fff（(“]{2})")
_TERMINAL = "。！？；;!?：:）)"
_ALIAS = labels.ASIDE
#: words that make an item a clause, not a name: a list with one is not a closed list of names
_CLAUSE = lazy(r"按照|根据|依照|负责|设置|设立|其中|以上|以下|主要|等等")
_LONGEST_NAME = 20
_NOTHING = (*EMPTY, "无")  # a placeholder cell: no indicator, no value
_APART = lazy(r"[，,。；;：:]")  # two counts with none of these between are one phrase (3个、5个)
_RUNS = {"1.": "1. 2. …", "(1)": "(1) (2) …", "（一）": "（一）（二）…"}  # a numbered list, in the message


def run(analysis, check: Check):
    openers = check.options.openers
    for b, figures in enumerate(analysis.figures):
        block = analysis.doc.blocks[b]
        if block.kind == "row":
            continue
        index = _Counts(block.text, figures)
        for fig in figures:
            if fig.unit not in COUNT_UNITS or not fig.is_point or fig.decimals != 0 or fig.value < 2 \
                    or _TIMES.fullmatch(fig.unit):
                continue  # (6站次，包括A站、B站、C站: times, of fewer things)
            whole = index.wholes(fig)  # 共5个，其中行政单位1个: the counts this one is a part of
            broken = bool(whole) and (index.between(whole[-1].end, fig.start)
                                      or not _COMPLETE.match(block.text, fig.end))
            # 共3个，其中行政单位1个、事业单位2个，具体为：A、B、C: 共3个's (其中…3个，分别为: its own)
            before = _NAMES_THEN_TOTAL.search(block.text, max(0, fig.start - 200), fig.start)
            if before and before.group().count("、") + 1 == fig.value:
                continue  # A、B、C、D、E共5个乡镇，主要建设内容包括…: the names before it, counted right
            items, where = (None if broken else _list(analysis, b, fig.end, openers, check.options.reach),
                            "listed after it")
            if items is None:
                items = _bracketed(analysis, b, fig)
            if items is None and fig.unit in check.options.point_units:
                items, where = _points(analysis, b, fig.end, check.options.reach), "listed after it (一是…)"
            if items is None:
                items, style = _numbered(analysis, b, fig, check.options.reach)
                where = "listed after it: " + _RUNS.get(style, "")
            if items is None:
                items, where = _named_before(analysis, b, fig, figures), "listed before it (…)"
            if items is None:
                items, where = _rows(analysis, block.text, fig, check.options.reach, figures)
            if items is None:
                items, where = _below(analysis, b, fig, check.options.reach)
            if items is None:
                items, where = _above(analysis, b, fig)
            if items is None:
                items, where = _sheet_next(analysis, b, fig)
            if items is None:
                items, where = _funded(analysis, b, fig, figures), "listed after it"
            if items is not None and _BESIDE.search(block.text, 0, fig.start) \
                    and (where.startswith("in ") or where.startswith("listed after it")):
                items = [(name, span) for name, span in items if "本级" not in name]  # 本级和4个所属单位
            complete = where == "listed after it" and _COMPLETE.match(
                block.text[fig.end:fig.end + check.options.reach].lstrip("（(）)套台个项名")) and not any(
                f.unit in COUNT_UNITS and 0 <= fig.start - f.end <= 12
                for f in figures[max(0, analysis.index(fig) - 13) : analysis.index(fig)])
            # (一级指标2个、三级指标12个，分别为 …: which count the names are of?)
            if items is None or len(items) < (2 if where.endswith("…)") or ": " in where or complete
                                              or where == "in the table below it" else check.options.minimum):
                continue  # points (一是…), names after 分别为 and a table's rows under its 单位名称 the
                # paragraph introduces are delimited enough to count from two
            names = [_ALIAS.sub("", name) for name, _ in items]  # 法制科（律师公证工作科） is 法制科
            kinds = [k.strip() for n in names for k in re.split(r"和|及|与|以及", n)]
            named = fig.label.rstrip("共有为计 ").endswith("指标")
            upper = _UPPER_LEVEL.search(fig.label)
            if (_INDICATOR_NOUN.match(block.text, fig.end) or named) and all(
                    _KIND_OF_INDICATOR.fullmatch(k) for k in kinds) and (
                    not upper or upper.group(1) == "二" and all(_FIRST_LEVEL.fullmatch(k) for k in kinds)):
                continue  # 产出指标7个，包括数量、质量、时效和成本指标: the kinds they fall in, not them
            # a name the publisher redacted ((略)建设项目, ***项目) stands for one each time
            redacted = [bool(_REDACTED.search(name)) for name, _ in items]
            distinct = list(dict.fromkeys(n + f"#{k}" if r else n
                                          for k, (n, r) in enumerate(zip(names, redacted))))
            if where == "listed after it" and any(_SEVERAL.search(name) for name in distinct):
                continue  # 分别是…5个所属单位的6个专项业务费、…项目: an item counting several itself
            if fig.value >= 10 and fig.value > 3 * len(distinct):
                continue  # 建设7000台墓穴，主要建设包括…土建工程和给排水、电气…: what it counts is not listed
            joined = _joinable(distinct) if where in ("listed after it", "listed before it (…)") else 0
            since = max(block.text.rfind(c, 0, fig.start) for c in "。；;")
            kin = [f.value for f in analysis.between(b, since + 1, fig.start) if f.unit == fig.unit]
            if kin and where.startswith("listed after it") \
                    and len(distinct) <= fig.value + sum(kin) <= len(distinct) + joined:
                continue  # 行政单位1家，事业单位2家，具体包括：A、B、C: the list is of both counts (its last
                # 和 maybe joining two: 中心小学2所、幼儿园2所，分别是 A、B、C和D)
            paired = [f.value for f in analysis.between(b, since + 1, fig.start)
                      if f.unit == fig.unit and not _APART.search(block.text, f.end, fig.start)]
            end = block.text.find("。", fig.end)
            split = "；" in block.text[fig.end : end if end >= 0 else len(block.text)]
            if paired and split and where.startswith("listed after it") and len(distinct) in paired:
                continue  # 职能部门3个、业务部门5个，包括：A、B、C；D…H: the first part the first count's
            if whole and len(distinct) == whole[-1].value:
                continue  # 单位共5个，其中：行政单位1个，事业单位4个，分别是：(five rows): 共5个's
            if len(distinct) <= fig.value <= len(distinct) + joined \
                    or fig.value == getattr(items, "parts", -1) and len(distinct) == len(names):
                continue  # 分别为管网延伸、道路硬化和路灯安装: the last 和 may join two names, or be in one
                # (创业补贴及贷款贴息: one item)
            twice = [n for n in distinct if names.count(n) > 1]
            repeats = f"; listed more than once: {'、'.join(twice)}" if twice else ""
            noun = _NOUN.match(block.text, fig.end)
            yield report(check, analysis, fig.span, fig.text + (noun.group() if noun else ""),
                         related=tuple(span for _, span in items), computed=str(len(distinct)),
                         figures=(fig.text,), listed=str(len(names)), distinct=str(len(distinct)),
                         repeats=repeats, where=where)


def _list(analysis, b: int, at: int, openers, reach: int):
    """The ``(name, span)`` items of the list a count at ``at`` of block ``b`` opens, or None."""
    text = analysis.doc.blocks[b].text
    window = text[at:at + reach]
    cut = min((i for i in (window.find("。"), window.find("；")) if i >= 0), default=len(window))
    window = window[:cut]
    hits = [(window.find(w), w) for w in openers if w in window]
    if not hits or window.count("，") + window.count(",") > 1:
        return None
    where, word = min(hits)
    start = at + where + len(word)
    if word.endswith("即") and (_NOT_NAMES.match(text, start) or _KINDS.search(text, start,
                                                                           labels.stop_after(text, start))):
        return None  # 9个行政村，即实现了…、…; 6项，即A、B、C三大类: an outcome or its kinds, no names
    if any(f.unit in COUNT_UNITS or labels.open_paren(text, at, f.start) is None
           for f in analysis.between(b, at, at + where)):  # (项目5个（资金T），包括: its own list still)
        return None  # 内设4个股室，下属事业单位3个：A、B、C: the nearer count's
    pieces = _clause(analysis, b, start)
    if pieces is None:
        return None
    joined = "".join(t for t, _, _ in pieces)
    if "、" not in joined or joined.rstrip().endswith("等") or "等" in joined[-3:] \
            or _OWN_COUNT.search(joined) and _SUBJECT.search(window[:where]):
        return None  # 内设机构6个，下属单位包括A、B、C等3个: another subject's list, with its own count
    items = _items(analysis, pieces, joined)
    last, lb, offset = pieces[-1]
    end, text = offset + len(last), analysis.doc.blocks[lb].text
    tail = _LAST_AFTER_COMMA.match(text, end) if items is not None else None
    if tail is not None and not _CLAUSE.search(tail.group(1)) and _NAME_END.search(tail.group(1)) \
            and not _NOT_NAME_START.match(tail.group(1)):
        # 分别是：A、B、C，D。: the last name after a comma, closing the sentence, is the list's too
        items.append((tail.group(1), analysis.doc.blocks[lb].span(tail.start(1), tail.end(1))))
        items.parts = -1
    return items


_OFFICES = "科股室处局站所队办院馆部组委社厅会心镇乡村"  # the last character of an office's or a place's name
# what a body's or a place's name ends with, a name joined by 和 to another maybe (办公室和人事科)
_BODY_END = lazy(r"..(?:会|室|中心|科|部|处|局|站|所|院|队|组|办|馆|校|园|厂|场|委|司|厅|社|股|基地|公司"
                 r"|乡|镇|村|街道)$")  # (not 社区和街道管理科, 园区和企业服务股: one office)
# what a body's name ends with (校工会, 办公室, 发展中心, 卫生院), not a clause (覆盖全县, 均为正科级)
_NAME_END = lazy(r"(?:会|室|中心|科|部|处|局|站|所|院|队|组|办|馆|校|园|厂|场|委|司|厅|社|股|基地|公司|项目"
                 r"|工程)$")
# what 即 opens when it says what the count achieved or how it is grouped, not the names counted
_KINDS = lazy(r"[一二两三四五六七八九十\d]{1,3}\s*大?(?:类|方面|部分|领域|个方面)")  # …三大类: its own kinds
_NOT_NAMES = lazy(r"\s*(?:实现|达到|完成|做到|确保|全部|均|都|对|把|使|让|将|在|从)")  # (即将, 即在…, 即从…)
_NOT_NAME_START = lazy(r"覆盖|均|为|是|负责|承担|主要|共|合计|涉及|全部|已|并|及|等|分别|各")
_LAST_AFTER_COMMA = lazy(r"[，,]\s*([\u4e00-\u9fff（）()]{2,20})(?=\s*[。；;]|\s*$)")


def _items(analysis, pieces, joined: str):
    """The ``(name, span)`` items of a list's text ``joined`` (from ``pieces``), split at 、 and between
    names joined by 和/及 that end alike; None when one is an amount or a clause."""
    items = _Items()
    parts = _top_level(joined)
    items.parts = len(parts)
    endings = Counter(_ALIAS.sub("", part).strip()[-1:] for _, part in parts)
    suffix = endings.most_common(1)[0][0] if endings else ""
    for offset, part in parts:
        split = _split(part, suffix)
        if len(split) > 1 and all(_ALIAS.sub("", p).strip()[-1:] == suffix for p, _ in split):
            items.parts = -1  # 柳林镇和白石镇: two names alike, never one item
        for m in split:
            name = m[0].strip(" \u3000“”\"")
            if name:
                items.append((name, _span(analysis, pieces, offset + m[1], offset + m[1] + len(m[0]))))
    named = [(m.group(1), span) for name, span in items if (m := _NAMED_MONEY.fullmatch(name.lstrip("：:")))]
    if named and len(named) == len(items):
        items[:] = named  # 2项资金，分别为：A资金2127万元、B资金650万元: names, each with its amount
    if any(_AMOUNT.search(name) or _COUNTED_ITEM.search(name) for name, _ in items):
        return None  # amounts (分别为442名、418名; 一般公务用车2辆、…; 租用1架M-26直升机、2架H-125直升机),
        # the sum kind's business
    if any(len(_ALIAS.sub("", name)) > _LONGEST_NAME or _CLAUSE.search(name) for name, _ in items):
        return None  # a clause among the names (…、按照有关规定设置直属机关党委): not a closed list of them
    return items


_NAMED_MONEY = lazy(r"([\u4e00-\u9fff“”（）()]*[\u4e00-\u9fff”）)])\s*[\d][\d.,]*\s*(?:万元|亿元|元)")

# the count's noun (no verb: 三批项目涉及临城镇（A村、B村）names the town's villages) then the brackets
_BRACKETED = lazy(r"(?:(?!涉及|包括|包含|位于|覆盖|分布|下辖|辖)[\u4e00-\u9fff]){1,8}"
                  r"[（(](?:含|包括|即|分别为|分别是)?([^（()）\d]{4,300})[）)]")


def _bracketed(analysis, b: int, fig):
    """The ``(name, span)`` items of a list in brackets right after a count and its noun (设6个部室（办公室、
    组织人事部、…）), or None: names apart by 、 and mostly ending alike (…部, …科, …镇), none a clause, the
    list not ended by 等."""
    m = _BRACKETED.match(analysis.doc.blocks[b].text, fig.end)
    if m is None or "、" not in m.group(1) or m.group(1).rstrip().endswith("等") \
            or any(c in m.group(1) for c in "，,：:；;"):
        return None
    items = _items(analysis, [(m.group(1), b, m.start(1))], m.group(1))
    ends = Counter(_ALIAS.sub("", name).strip()[-1:] for name, _ in items or ())
    if not ends or ends.most_common(1)[0][1] * 3 < len(items) * 2:
        return None  # 6个项目（新建学校、改扩建医院、道路硬化）: kinds of project, not names alike (…部, …科)
    return items


class _Items(list):
    """A list's ``(name, span)`` items, knowing how many parts 、 made before 和/及 split any (``parts``)."""

    parts = 0


def _top_level(text: str) -> list[tuple[int, str]]:
    """``(offset, item)`` of ``text`` split at the 、 outside brackets (政策法规处（财会监督处、…）is one)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        elif ch == "、" and not depth:
            out.append((start, text[start:i]))
            start = i + 1
    out.append((start, text[start:]))
    return out


_POINT = lazy(r"(?:^|(?<=[。；;：:，,\s]))([一二三四五六七八九十]{1,3})是")
_NUMERALS = "一二三四五六七八九十"


_ENDS = ("。", "；", ";", "！", "？", "…", ".", "）", ")")  # what a text that is not cut off ends with


def _points(analysis, b: int, at: int, reach: int):
    """The 一是/二是 points a count at ``at`` of block ``b`` opens (有三个方面：一是…；二是…；三是…), read
    on through the paragraphs that go on with the next point, or None when no 一是 follows within reach or
    the text ends in the middle of its last point (an excerpt cut off)."""
    blocks = analysis.doc.blocks
    text = blocks[b].text
    first = _POINT.search(text, at, at + reach + 2)
    rest = text[at:].rstrip()
    if first is None and len(rest) <= reach and rest.endswith(("：", ":")) and b + 1 < len(blocks) \
            and blocks[b + 1].kind == "paragraph":
        b, at, text = b + 1, 0, blocks[b + 1].text  # the points start the next paragraph
        first = _POINT.match(text)
    if first is None or first.group(1) != "一" or "。" in text[at:first.start()]:
        return None
    if analysis.between(b, at, first.start()):
        return None  # another figure comes between (培训3次，参训120人次：一是…): the points may be its
    counted = _COUNTED_POINT.match(blocks[b].text, first.end())
    if counted and counted.group(1) in analysis.doc.blocks[b].text[max(0, at - 4) : at + 4]:
        return None  # 六个三级指标，一是3个产出指标…二是1个效益指标…: each point counts some of them, in
        # the count's own measure (not 三项工作：一是12所学校…)
    items, expected, m = [], 1, first
    while True:
        while m is not None:
            if _NUMERALS.find(m.group(1)) + 1 != expected and m.group(1) != "十":
                return items if expected > 1 else None  # the numbering of another list
            items.append((m.group(0), blocks[b].span(m.start(), m.end())))
            expected += 1
            m = _POINT.search(blocks[b].text, m.end())
        b += 1
        if b >= len(blocks) and not blocks[b - 1].text.rstrip().endswith(_ENDS):
            return None  # …；七是卫生健康支出123万元（其中：…行政事业单: the text cut off mid-point
        if b >= len(blocks) or blocks[b].kind != "paragraph":
            return items
        m = _POINT.match(blocks[b].text.lstrip())
        if m is None or _NUMERALS.find(m.group(1)) + 1 != expected:
            return items
        m = _POINT.search(blocks[b].text)


_COUNTED_POINT = lazy(r"\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(个|项|条|类|家|所|名)")  # 一是3个…
_VISITS = r"抽取|选取|抽查|覆盖|涉及|惠及|走访|涵盖|包含|分布(?:在|于)"
_VISITED = lazy(_VISITS)  # (words that open lists of all sorts)
_SUMMED_AFTER = lazy(r"(?:共计|合计|共)\s*$")
# the nouns a count of named places or offices takes (乡镇, 科室), each with the endings of the names
_COLLECTED = {"乡镇": ("镇", "乡", "街道"), "镇街": ("镇", "街道"), "街镇": ("镇", "街道"),
              "镇": ("镇",), "乡": ("乡",), "街道": ("街道",), "区县": ("区", "县"), "县区": ("区", "县"),
              "县市区": ("县", "市", "区"), "科室": ("科", "室", "处", "股", "办", "中心"),
              "处室": ("处", "室", "办", "中心", "委"), "股室": ("股", "室", "办"),
              "内设机构": ("科", "室", "处", "股", "办", "中心", "委")}
_COLLECTIVE = lazy(rf"\s*(?:业务|职能|内设)?({'|'.join(sorted(_COLLECTED, key=len, reverse=True))})"
                   r"(?![\u4e00-\u9fff]{0,1}(?:村|社区|小区|院区|片区|网格|居民|村民|干部|人员|职工))")
_JOINED_SUBJECT = lazy(r"与|和|同|及|跟|会同|联合")
# a clause that opens on the names (or on 对 before them): 对青石镇、白沙镇共2个乡镇, 青石镇、白沙镇共2个乡镇
_OPENS_BARE = lazy(r"\s*(?:对(?=[^、，,。；;：:]{1,24}、))?")
_SETS_UP = lazy(rf"(?:内设|下设|设有|设立|下属|所属|包括|辖|(?<!建)设(?![施备计想法])|{_VISITS})"
                r"(?=[^、，,。；;：:]{1,24}、)")


def _named_before(analysis, b: int, fig, figures):
    """The names listed right before a count (内设办公室、规划计划科、水资源科3个科室), after the word that
    sets them up (设, 下属, 包括), only 、 between them; None when there is no such list, or a figure or a
    clause is in it."""
    text = analysis.doc.blocks[b].text
    clause = max(max(text.rfind(c, 0, fig.start) for c in "，,。；;：:") + 1, fig.start - 120)
    first = _SETS_UP.search(text, clause, fig.start)  # the first: 设 stands in names too (平安建设办公室)
    opened = first.end() if first else -1
    summed = _SUMMED_AFTER.search(text, clause, fig.start) is not None
    if first is None and summed:  # 对A镇、B镇、C乡共3个乡镇…, A镇、B镇、C乡共3个乡镇…: the names the
        bare = _OPENS_BARE.match(text, clause)  # clause (or 对) opens, summed by 共 and ending as its noun
        opened = bare.end() if bare else -1
    if opened < 0 or any(f is not fig for f in analysis.between(b, opened, fig.start)):
        return None
    listed = re.sub(r"(?:共计|合计|共)\s*$", "", text[opened:fig.start])  # 内设A、B、C共4个股室: A、B、C
    if first is not None and _VISITED.fullmatch(first.group()) and re.search(r"以及|及|和|与|并", listed):
        return None  # 走访了区民政局、区财政局以及曹杨、长风2个街道: the count is of the names after 以及
    if fig.unit in ("次", "期") or listed.rstrip().endswith("的"):
        return None  # …公安电话专网以及与之配套的二次装修: a count of times, or one inside a noun, names none
    if re.search(r"[，,。；;：:等]|在内", listed) or "、" not in listed \
            or listed.rstrip().endswith("计") or not _NOUN.match(text, fig.end):
        return None  # (设立A、B等展区21个, A、B在内的8个: not all named; the count names what follows it)
    items = [(name.strip(), analysis.doc.blocks[b].span(opened + at, opened + at + max(len(name), 1)))
             for at, name in _top_level(listed)]
    if first is None:
        if _JOINED_SUBJECT.search(items[0][0]):
            return None  # 我局与A、B共3个单位: the subject among them, maybe
        items = _items(analysis, [(listed, b, opened)], listed)  # (甲村、乙村和丙村: three)
        kind = _COLLECTIVE.match(text, fig.end)
        endings = _COLLECTED[kind.group(1)] if kind else ()
        ends = [name for name, _ in items or () if _ALIAS.sub("", name).strip().endswith(endings)]
        if items is None or not endings or len(ends) * 3 < len(items) * 2:
            return None  # 青石镇、龙潭乡共2个乡镇: the towns named; not 青石村、白沙村共3个自然村 (within
            # them), 省、市、县共5个单位 (levels): a noun of places or offices, said of the names alone
    if fig.value > 2 * (len(items) + sum(1 for name, _ in items if _JOIN.search(name))):
        return None  # 下属幼儿园、小学、初中26所学校: kinds of what it counts, not their names
    if any(not name or len(_ALIAS.sub("", name)) > _LONGEST_NAME or _CLAUSE.search(name)
           or re.search(r"\d", name) for name, _ in items):
        return None
    return items


# an item counting several itself (5个所属单位的6个专项业务费), not the list's closing count (…共4个事业单位)
_SEVERAL = lazy(r"(?<![共计等])(?:\d{1,3}|[两二三四五六七八九十]{1,3})\s*(?:个|项|家|所)[\u4e00-\u9fff]{2,}")
_NUMBERED = lazy(r"\s*(?:(\d{1,2})\s*[.．、](?!\d)|[（(]\s*(\d{1,2})\s*[)）]"
                 r"|[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）])")
_TOP = lazy(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}[部章节])")  # 六、…


def _numbered(analysis, b: int, fig, reach: int):
    """The numbered paragraphs a count ending its paragraph introduces (单位共4个，具体包括： then 1．…
    2．…; 以下四个方面的问题： then （一）… with its own paragraphs under it), in the order of their
    numbers from 1, or None, with the first one's marker (``1.``, ``(1)``, ``（一）``). The paragraph ends
    in a colon within ``reach`` of the count, with no figure after it."""
    blocks = analysis.doc.blocks
    rest = blocks[b].text[fig.end:].rstrip()
    if not rest.endswith(("：", ":")) or len(rest) > reach or re.search(r"[。；;!?！？]", rest) \
            or any(f.start > fig.start for f in analysis.figures[b]):
        return None, None
    items, style, crossed, raw = [], None, False, []
    nested = False  # (2.支出情况。(⏎)…以下2个方面： ⏎ 1.… 2.…: a list in an item; not past 四、…)
    for j in range(b, max(-1, b - 3), -1):
        if blocks[j].kind == "row" or _CHAPTER.match(blocks[j].text):
            break
        if _NUMBERED.match(blocks[j].text):
            nested = True
            break
    for k in range(b + 1, min(len(blocks), b + 100)):
        if blocks[k].kind == "row" and items:
            crossed = True
            continue  # 1.… 2.… then a table, then 3.…: the list goes on after it
        m = _NUMBERED.match(blocks[k].text) if blocks[k].kind in ("paragraph", "heading") else None
        if crossed and m and (nested or _TITLE_ONLY.fullmatch(blocks[k].text.strip())
                              and not all(_TITLE_ONLY.fullmatch(text) for text in raw)):
            break  # 1.…。 2.…。 a table, then 3.政府采购情况 (or the numbers of the list the count's own
            # paragraph is an item of): the list around them goes on, no item of this one
        if m is None and items and style == "（一）" and blocks[k].kind == "paragraph" \
                and not _TOP.match(blocks[k].text):
            continue  # （一）资金拨付进度偏慢。⏎ 部分资金到位较晚…: an item's own paragraphs under it
        own = ("1." if m.group(1) else "(1)" if m.group(2) else "（一）") if m else None
        if own in ("1.", "(1)") and style == "（一）" and items:
            continue  # （二）… ⏎ 1．… 2．…: an item's own list under it
        n = numbers.whole(m.group(1) or m.group(2) or m.group(3)) if m else None
        if m is None or n != len(items) + 1 or style not in (None, own) \
                or blocks[k].kind != "paragraph" and own != "（一）":
            break  # the numbering of another list, or another style of it
        style = own
        if any(f.unit == fig.unit for f in analysis.figures[k]):
            return None, None  # 1．在职人员38人 2．退休人员7人 under 45人: a breakdown, each its own count
        items.append((blocks[k].text[m.end():].strip(" ；;。"), blocks[k].span(m.start(), m.end())))
        raw.append(blocks[k].text.strip())
    return items or None, style


_CHAPTER = lazy(r"\s*[一二三四五六七八九十]{1,3}、")  # a top heading (四、下一步改进措施)
_TITLE_ONLY = lazy(r"[^。；;，,：:]{1,24}")  # a short title, no sentence (3.政府采购情况)
_TIMES = lazy(r"[\u4e00-\u9fff]+次|床日")  # a count of times (人次, 家次, 站次), not of distinct things
_YEAR_ITEM = lazy(r"\s*、\s*(?:19|20)\d\d\s*年")  # 、2023年22个: the next year's count of a series
_SEE = lazy(r"(?:详见|见|如)\s*表\s*(\d{1,2})")
_OUTLINE = lazy(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])")
_SUBJECT = lazy(r"[\u4e00-\u9fff]{2,}")
_OWN_COUNT = lazy(r"[等共计]\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*[个家所项名条处类]")
_NAMES_THEN_TOTAL = lazy(r"(?:[\u4e00-\u9fff（）()]{2,20}、)+[\u4e00-\u9fff（）()]{2,20}(?=共$)")
_UNDER = lazy(r"下属|所属|下设|下辖")  # (二级预算单位共4个 counts the 本级 among them)
# names each one counted, the count's own noun before (3个部门，分别为); not another's (主管科室分别为)
_COMPLETE = lazy(r"[\u4e00-\u9fff]{0,4}[，,]?\s*(?:分别为|分别是|具体为|具体是)")
# 本级和4个所属单位: 本级 apart
_BESIDE = lazy(r"本级[^，,。；;]{0,4}?(?:和|及|与|加|、)(?:所属|下属|下设)?\s*$")
_CAPTION = lazy(r"^\s*表\s*(\d{1,2})(?!\d)")


class _Counts:
    """A block's counts indexed once, with where its 。 and 其中 stand: which counts a count is a part of
    is found by bisection, not by a scan of every count before it (a page flattened onto one line holds
    thousands)."""

    def __init__(self, text: str, figures):
        self.counts = [f for f in figures if f.unit in COUNT_UNITS]
        self.ends = [f.end for f in self.counts]
        self.starts = [f.start for f in self.counts]
        self.stops = [m.start() for m in _STOP.finditer(text)]
        self.breakdowns = [m.start() for m in _OF_WHICH.finditer(text)]

    def wholes(self, fig) -> list:
        """The counts before ``fig`` with 其中 between them and it and no 。 (单位共5个，其中行政单位1个)."""
        i = bisect.bisect_left(self.stops, fig.start)
        stop = self.stops[i - 1] if i else -1  # the last 。 before it
        j = bisect.bisect_right(self.breakdowns, fig.start - len("其中"))
        said = self.breakdowns[j - 1] if j else -1  # the last 其中 written whole before it
        if said <= stop:
            return []
        return self.counts[bisect.bisect_right(self.ends, stop) : bisect.bisect_right(self.ends, said)]

    def between(self, start: int, end: int) -> bool:
        """Whether a count starts strictly between ``start`` and ``end``."""
        i = bisect.bisect_right(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end


_STOP = lazy("。")
_OF_WHICH = lazy("其中")


def _rows(analysis, text: str, fig, reach: int, figures):
    """The rows of the table a count refers to (共10个单户单位（详见表1）), named by their label cells, and
    where they are (in 表1); ``(None, "")`` when there is no such reference or table, or when the table
    states the count or adds up to it (问卷589份（见表3）over its 份数 column). In a table of several
    columns of names (一级指标 | 二级指标 | 三级指标), the count is of the distinct names in the column its
    noun heads (二级指标5个, 18个三级指标), and of nothing when it heads none."""
    at = fig.end
    m = _SEE.search(text, at, at + reach)
    if m is not None and re.search(r"[。；;]", text[at : m.start()]):
        return None, ""  # 追责问责17人。具体情况见表1、表2: the paragraph's tables, not the count's
    k = analysis.index(fig)
    prev = next((figures[i] for i in range(k - 1, -1, -1) if figures[i].end <= fig.start), None)
    if prev is not None and prev.unit == fig.unit and _YEAR_ITEM.match(text, prev.end, fig.start):
        return None, ""  # 其中2021年18个、2022年20个、2023年22个。分地区情况见表2: a year's, of a series
    if m is None or any(f.unit in COUNT_UNITS and re.search(r"[，,]", text[at:f.start])
                        for f in analysis.between(fig.block, at, m.start())):
        return None, ""  # 改造小区12个，涉及3个街道（详见表2）: the table is of the nearer count's (not so
        # for counts listed together: 一级指标4个、二级指标5个（详见表2）)
    captioned = []
    for table in analysis.tables:
        above = _blocks_above(analysis, table.span.line, 3)
        above = above[next((i + 1 for i in range(len(above) - 1, -1, -1) if above[i].kind == "row"), 0):]
        if any((c := _CAPTION.match(b.text)) and c.group(1) == m.group(1) for b in above):
            captioned.append(table)  # a table, or its panels (一级指标 | 分值 | 二级指标 | 分值 …), its
            # caption just above it or over its unit line (表3 … | 单位：万元)
    if any(_breaks_down(t, fig.value) for t in captioned):
        return None, ""  # 回收问卷589份（见表3）over 份数 284 | 229 | 59 | 17: the table breaks it down
    named = [(t, j) for t in captioned for j in range(len(t.header)) if _names_column(t, j)]
    if len(named) > 1:
        noun = _NOUN.match(text, at)
        said = fig.label + (noun.group() if noun else "")
        heads = [(t, j) for t, j in named if t.header[j].strip() and t.header[j].strip() in said]
        if len(heads) > 1 or not heads and _grouping(*named[0]):
            return None, ""  # names in levels (一级指标 over 二级指标), none the count's: not said which
    if len(named) > 1 and heads:
        table, j = heads[0]
        cells = [row[j] for r, row in enumerate(table.rows)
                 if not any(w in row_label(table, r) for w in ("合计", "总计", "小计"))]
        return ([(c.text, c.span) for c in cells if c.text and c.span is not None and c.merged != "up"],
                f"in 表{m.group(1)}, column {table.header[j]}")
    for table in captioned:
        numbered = table.column("序号")
        rows = [r for r in range(len(table.rows))
                if (numbered is None or number(table.rows[r][numbered].text) is not None)
                and not any(w in row_label(table, r) for w in ("合计", "总计", "小计"))]
        return [(row_label(table, r), next(c.span for c in table.rows[r] if c.span is not None)) for r in rows
                if any(c.span is not None for c in table.rows[r])], f"in 表{m.group(1)}"
    return None, ""


_BELOW = lazy(r"(?:如下(?:表)?|包括|分别是|分别为|具体是|具体为)\s*(?:[（(][^（()）]{0,12}[）)])?"
                    r"\s*[：:]\s*$")
_OWN_PARTS = lazy(r"\s*[，,]\s*其中[^。；;]{1,80}[。；;]\s*(?:具体|详细)?")
# 7个镇，具体如下: nothing said of the towns counted
_BARE_NOUN = lazy(r"\s*[\u4e00-\u9fff]?\s*[，,：:]?\s*(?:具体|详细|分别)?")
_NAME_HEAD = lazy(r"^([\u4e00-\u9fff]{1,6}?)(?:名称|全称)$")  # (镇名称 for 7个镇)
_LEVEL_HEAD = lazy(r"^([一二三四]级指标)(?:名称)?$")  # 共设置5个三级指标，具体如下： over a 三级指标 column


def _below(analysis, b: int, fig, reach: int):
    """The names of the table a count's paragraph ends by introducing (单位共4个，具体如下： over a table of
    单位名称), when the table has a column of those names (its header the count's noun and 名称): its
    numbered rows' names, totals left out; ``(None, "")`` otherwise, or when the table states the count."""
    blocks = analysis.doc.blocks
    text = blocks[b].text
    if len(text) - fig.end > 3 * reach:
        return None, ""  # (not the count the paragraph states last; never searched on: linear)
    below = _BELOW.search(text, fig.end)
    own = below is not None and _OWN_PARTS.fullmatch(text, fig.end, below.start()) is not None \
        and all(f.unit == fig.unit for f in analysis.figures[b] if f.start > fig.start)
    # (单位共8个，其中行政单位2个，事业单位5个。具体如下：: the count's own parts said between)
    if len(text) - fig.end > 3 * reach or below is None or ("。" in text[fig.end:] or any(
            f.start > fig.start and f.unit in COUNT_UNITS for f in analysis.figures[b])) and not own:
        return None, ""  # (the count the paragraph states last: 所属2个事业单位…单位共4个，具体如下; its
        # funds may follow: 共实施项目6个，项目资金预算 T，具体如下：)
    said = fig.label[-8:] + text[fig.end:fig.end + 6]
    k = next((k for k in range(b + 1, min(b + 4, len(blocks))) if blocks[k].kind == "row"), None)
    if k is None or any("。" in x.text for x in blocks[b + 1:k]):
        return None, ""  # a table within two lines (a caption, a unit line) under it
    starts = analysis.memo(_table_starts)
    table = starts.get(blocks[k].line)
    if table is None or len(table.rows) > 60 or _breaks_down(table, fig.value) or _goes_on(analysis, table):
        return None, ""
    heads = [j for j, h in enumerate(table.header)
             if (m := _NAME_HEAD.match(h.strip())) and m.group(1) in said
             or (m := _LEVEL_HEAD.match(re.sub(r"\s", "", h))) and m.group(1) in said]
    if len(heads) != 1:
        return None, ""
    numbered, j = table.column("序号"), heads[0]
    if _LEVEL_HEAD.match(re.sub(r"\s", "", table.header[j])):
        return _indicators(table, j), "in the table below it"
    cells = [row[j] for r, row in enumerate(table.rows)
             if (numbered is None or number(row[numbered].text) is not None)
             and not any(w in row_label(table, r) for w in ("合计", "总计", "小计"))]
    cells = [c for c in cells if c.text.strip() and c.span is not None and not c.text.startswith("其中")]
    noun = (m := _NAME_HEAD.match(table.header[j].strip())) and m.group(1)
    if noun and len(noun) == 1 and (any(not c.text.strip().endswith(noun) for c in cells)
                                    or not _BARE_NOUN.fullmatch(text, fig.end, below.start())):
        return None, ""  # (7个镇 over 镇名称: each name a 镇, the count the table's own; not 县直 among them,
        # nor 7个镇均已完成任务 or 2个镇获批, a part of the towns listed)
    outlined = [c for c in cells if _OUTLINE.match(c.text)]
    if outlined and len(outlined) < len(cells):
        cells = [c for c in cells if c not in outlined]  # 一、运转类项目 over its projects: groups, not items
    if _UNDER.search(fig.label + text[fig.end:fig.end + 6]):
        kept = [c for c in cells if "本级" not in c.text]  # 下属单位共3个 over 本级 and the three
        cells = cells if len(cells) == fig.value != len(kept) else kept  # (下设预算单位4个: 本级 among them)
    return [(c.text, c.span) for c in cells], "in the table below it"


def _above(analysis, b: int, fig):
    """The indicators of the indicator table a paragraph opens right after, when its first sentence counts
    them (表4 … ⏎ 本年度共设置6个绩效指标，…; 评分表共设置16个三级指标): the rows of its 三级指标 column;
    ``(None, "")`` otherwise. A paragraph naming the table first (评分表共设置…) may follow it a few
    paragraphs on (the group scores said between)."""
    blocks = analysis.doc.blocks
    text = blocks[b].text
    noun = _INDICATOR_NOUN.match(text, fig.end)
    if b == 0 or noun is None or "。" in text[: fig.start] or _PART_NAMED.search(text, 0, fig.start) \
            or labels.earlier(text[: fig.start], analysis.year()):
        return None, ""  # (产出指标共设置3个: a part of the sheet's; 上年共设置9个: last year's)
    row = b - 1
    named = _SHEET_NAMED.match(text)
    if named:  # 评分表共设置18个三级指标 a paragraph or two after the sheet: the sheet it names
        while row > 0 and b - row < _SHEET_REACH and blocks[row].kind != "row":
            row -= 1
    if blocks[row].kind != "row":
        return None, ""
    table = next((t for t in analysis.tables if last_line(t) == blocks[row].line), None)
    if table is None or len(table.rows) > 60:
        return None, ""
    if row < b - 1 and "评分" in named.group() and table.column("得分") is None:
        return None, ""  # (the table between is no score sheet: not the one it names)
    heads = [j for j, h in enumerate(table.header)
             if (m := _LEVEL_HEAD.match(re.sub(r"\s", "", h))) and m.group(1) == "三级指标"]
    if len(heads) != 1 or noun.group(1) not in ("", "三级", "绩效"):
        return None, ""
    found = _indicators(table, heads[0])
    if fig.value == len(found) + _unnamed_scored(table, heads[0]) > len(found):
        return None, ""  # (a 预算执行率 row scored, its 三级指标 blank, counted by the report: right too)
    return found, "in the table above it"


def _unnamed_scored(table, j: int) -> int:
    """The rows other than totals and groups' subtotals (产出指标 | | | 70 | 68) that hold figures after
    the 三级指标 column but no name in it (the national form's 预算执行率 | | | 10 | 10): the report may
    count them as indicators or not."""
    return sum(1 for r, row in enumerate(table.rows)
               if not row[j].text.strip() and any(number(c.text) is not None for c in row[j + 1 :])
               and not any(w in row_label(table, r) for w in ("合计", "总计", "小计", "总分"))
               and not _PART_NAMED.search(row_label(table, r)))


_INDICATOR_NOUN = lazy(r"\s*(?:个|项)?(三级|绩效)?指标")
# a sentence naming the table first (评分表共设置…)
_SHEET_NAMED = lazy(r"\s*(?:本次|本项目)?(?:绩效)?(?:评分表|评价指标表|自评表|绩效指标表|指标表)")
_PART_NAMED = lazy(r"(?:决策|过程|产出|效益|满意度|数量|质量|时效|成本|社会效益|经济效益|生态效益)"
                   r"(?:类)?指标")
_SHEET_REACH = 4  # paragraphs after its table a sentence naming it may count its indicators


_BY_SOURCE = lazy(r"财政|拨款|其他资金|自筹|结转|基本支出|项目支出|人员经费|公用经费|中央|省级|市级"
                        r"|区级|县级|本级|资金来源|预算内|专项")


def _funded(analysis, b: int, fig, figures):
    """The items of a count's amount listed in full after it (项目共3个，涉及项目预算资金 T。其中：A a，B b，
    C c, the parts adding up to T): their names; None when the count has no such amount, or the parts fall
    short of it (a list of the main ones only)."""
    k = analysis.index(fig)
    total = figures[k + 1] if k + 1 < len(figures) and figures[k] is fig else None
    text = analysis.doc.blocks[b].text
    if total is None or not total.is_point or total.unit not in MONEY or total.start - fig.end > 16 \
            or re.search(r"[。；;]", text[fig.end:total.start]):
        return None
    before = re.sub(r"[共计有等]+$", "", labels.core(fig.label).strip())
    after = _NOUN.match(text, fig.end)
    nouns = {before[-2:], *((after.group()[:2],) if after else ())}
    between = text[after.end() if after else fig.end : total.start]
    if not any(len(n) == 2 and n in between for n in nouns):
        return None  # 完成审计项目86个，查出问题金额 T，其中：违规金额 a…: the amount is not said the items'
    rest = figures[k + 2:] + (analysis.figures[b + 1] if b + 1 < len(analysis.figures) else [])
    parts = [f for f in rest if analysis.parent(f) is total]
    if len(parts) < 2 or not total_of(parts).meets(interval(total)) \
            or any(_BY_SOURCE.search(f.label) for f in parts):
        return None  # (其中：财政拨款 a，其他资金 b: the amount by source, not by item)
    return [(re.sub(r"^[，,。；;：:\s]*(?:其中[：:，,]?)?", "", labels.core(f.label)), f.span) for f in parts]


def _indicators(table, j: int) -> list:
    """The indicators of an indicator table's 三级指标 column, one per row that states one: not a
    placeholder (/, 无, —) nor a name's wrapped line alone (its other cells empty), nor a total; a name
    under two groups (群众满意度 of 社会效益 and of 满意度) is two indicators."""
    out, seen = [], Counter()
    for r, row in enumerate(table.rows):
        cell = row[j]
        name = cell.text.strip()
        if not name or name in _NOTHING or cell.span is None \
                or any(w in row_label(table, r) for w in ("合计", "总计", "小计")) \
                or not any(c.text.strip() not in _NOTHING for c in row[j + 1 :]):
            continue
        seen[name] += 1
        out.append((name if seen[name] == 1 else f"{name}·{seen[name]}", cell.span))
    return out


def _goes_on(analysis, table) -> bool:
    """Whether another table starts right after ``table``, only short lines without a full stop between
    (a page number, 续表), with its header again or none (figures where a header would be): the same
    table over a page break, read as two."""
    end = max((c.span.line for row in table.rows for c in row if c.span is not None), default=table.span.line)
    after = [t for t in analysis.tables if t.span.line > end]
    if not after:
        return False
    following = min(after, key=lambda t: t.span.line)
    between = [x for x in analysis.doc.blocks if end < x.line < following.span.line]
    shared = sum(1 for a, b in zip(following.header, table.header) if a == b)
    same = 2 * shared > len(table.header) or any(number(h) is not None for h in following.header)
    return len(between) <= 4 and len(following.header) == len(table.header) and same \
        and not any("。" in x.text or _CAPTION.search(x.text) for x in between)  # (another's 表N)


def _table_starts(analysis) -> dict:
    """Each table by the line its header starts on."""
    return {t.span.line: t for t in analysis.tables}


def _sheet_next(analysis, b: int, fig):
    """The indicators of the indicator table right after a paragraph whose first sentence counts them all
    (本年度共设置7个绩效指标，各项指标均已完成。… ⏎ 表 绩效目标完成情况表 ⏎ 一级指标 | … | 三级指标 | …):
    the rows of its 三级指标 column; ``(None, "")`` otherwise (a part's count, 产出指标共3个; last year's)."""
    blocks = analysis.doc.blocks
    text = blocks[b].text
    stop = text.find("。", fig.end)
    if _INDICATOR_NOUN.match(text, fig.end) is None or not _SET_UP.search(fig.label) \
            or "。" in text[: fig.start] or _PART_NAMED.search(text, 0, fig.start) \
            or _SPLIT.search(text, fig.end, stop if stop >= 0 else len(text)) \
            or labels.earlier(text[: fig.start], analysis.year()):
        return None, ""  # (…，其中产出指标4个; A项目与B项目各6个: the table may be a part's)
    k = next((k for k in range(b + 1, min(b + 4, len(blocks))) if blocks[k].kind == "row"), None)
    if k is None or any(x.kind != "row" and (len(x.text) > 40 or "。" in x.text) for x in blocks[b + 1 : k]):
        return None, ""  # (the table right after it, a caption between at most)
    table = analysis.memo(_table_starts).get(blocks[k].line)
    if table is None or len(table.rows) > 60 or _goes_on(analysis, table):
        return None, ""  # (another table right after it: the sheet continued, maybe)
    heads = [j for j, h in enumerate(table.header) if re.sub(r"\s", "", h) in ("三级指标", "三级指标名称")]
    if len(heads) != 1 or table.column("年度目标值", "年度指标值", "指标值", "目标值") is None \
            or _PART_NAMED.search(table.title):
        return None, ""  # (表3 产出指标完成情况表: a part's)
    return _indicators(table, heads[0]), "in the table below it"


# (二级指标6个，包括数量、质量…: the kinds are they)
_UPPER_LEVEL = lazy(r"([一二])级指标\s*(?:共|有|为)?\s*$")
# 一级 kinds (二级指标9个，包括产出指标（…）、效益指标（…）和满意度指标: the groups the nine fall in)
_FIRST_LEVEL = lazy(r"(?:产出|效益|满意度|决策|过程)(?:类)?(?:指标)?")
# the kinds the national frameworks sort indicators into (数量指标, 社会效益指标, 满意度)
_KIND_OF_INDICATOR = lazy(r"(?:产出|效益|数量|质量|时效|成本|经济|社会|生态|环境|可持续影响|可持续|满意度"
                          r"|服务对象满意度|经济效益|社会效益|生态效益|经济成本|社会成本|生态环境成本|决策|过程)"
                          r"(?:类)?(?:指标)?")
_SPLIT = lazy(r"其中|各\s*\d|分别")  # a count split in its sentence (其中产出指标4个; 各6个)
_SET_UP = lazy(r"(?:共|合计)(?:设置|设定|设|有)?$|(?:设置|设定)(?:了)?(?:绩效指标)?$")


def _blocks_above(analysis, line: int, n: int) -> list:
    """The ``n`` blocks just above source line ``line``."""
    at = bisect.bisect_left(analysis.block_lines, line)
    return list(analysis.doc.blocks[max(0, at - n):at])


def _breaks_down(table, value) -> bool:
    """Whether a table states ``value`` as a whole number in its 合计 row or adds up to it down a column of
    counts (份数, 个数): the count is of what the table measures, not of its rows."""
    sums: dict[int, object] = {}
    counted = {j for j in range(len(table.header)) if _COUNTED.search(table.header[j])}
    for r, row in enumerate(table.rows):
        total = any(w in row_label(table, r) for w in ("合计", "总计", "小计"))
        for j, cell in enumerate(row):
            parsed = number(cell.text) if cell.text else None
            if parsed is None or parsed.percent or parsed.decimals or not (total or j in counted):
                continue
            if total and parsed.value == value:
                return True  # (a row's own count equal to it is no whole: 石塘镇 7条 under 共涉及7个镇)
            if not total:
                sums[j] = sums.get(j, 0) + parsed.value
    return value in sums.values()


_COUNTED = lazy(r"数|[（(](?:个|项|人|户|家|次|件|所|辆|份|条|台)[)）]")  # 份数, 个数, 户数, （个）


def _grouping(table, j: int) -> bool:
    """Whether a column of names groups the rows: a name stands for several (left blank, or repeated)."""
    names = [r[j].text.strip() for r in table.rows if j < len(r)]
    return "" in names[:-1] or len(set(names)) < len(names)


def _names_column(table, j: int) -> bool:
    """Whether a column holds names, not numbers: most of its filled cells are no number."""
    filled = [r[j].text for r in table.rows if j < len(r) and r[j].text.strip()]
    return bool(filled) and sum(1 for t in filled if number(t) is None) * 2 > len(filled)


def _clause(analysis, b: int, start: int):
    """The text from ``start`` to the end of its clause, as ``(text, block, block_offset)`` pieces; a
    paragraph that ends without final punctuation continues into the next one."""
    pieces = []
    blocks = analysis.doc.blocks
    while b < len(blocks):
        text = blocks[b].text
        m = _END.search(text, start)
        if m:
            pieces.append((text[start:m.start()], b, start))
            return pieces
        pieces.append((text[start:], b, start))
        if text.rstrip()[-1:] in _TERMINAL or b + 1 >= len(blocks) or blocks[b + 1].kind != "paragraph":
            return pieces
        b, start = b + 1, 0
    return pieces


def _joinable(names: list[str]) -> int:
    """How many of a list's names may each be two joined by 和/以及/及 (分别为管网延伸、道路硬化和路灯安装):
    not, in a list of offices or places whose names mostly end alike (…科, …股, …镇), where the part before
    it ends neither so, nor
    as the part after it does, nor as a body's or a place's name does (思想政治和权益维护科: one 科;
    包桥中心幼儿园和长桥中心幼儿园 among 小学, 办公室和人事科 among 科, 龙潭乡和青石街道 among 镇: two)."""
    ends = Counter(_ALIAS.sub("", name).strip()[-1:] for name in names)
    suffix, alike = ends.most_common(1)[0] if ends else ("", 0)
    alike = alike * 3 >= len(names) * 2 and len(names) >= 3 and suffix in _OFFICES
    # (of offices or places only: a project's name joins two works at will, 道路和桥梁维修项目)
    out = 0
    for name in names:
        for m in _JOIN.finditer(name):
            before = _ALIAS.sub("", name[: m.start()]).strip()
            after = _ALIAS.sub("", name[m.end() :]).strip().rstrip("。；;，,、 ")
            if not alike or before[-1:] in (suffix, after[-1:]) or _BODY_END.search(before):
                out += 1
                break
    return out


def _split(part: str, suffix: str):
    """An item, or the items joined in it by 和/以及, as ``(text, offset)``: joined only where the part
    before ends as the list's names mostly do (``suffix``: 专项, 处), so that 科技金融扶持专项和粤澳联合资助
    项目 is two items and 自然资源和生态环境处 one department."""
    out, last = [], 0
    for m in _JOIN.finditer(part):
        if _ALIAS.sub("", part[last:m.start()]).strip()[-1:] != suffix:
            continue
        out.append((part[last:m.start()], last))
        last = m.end()
    out.append((part[last:], last))
    return out


def _span(analysis, pieces, start: int, end: int):
    """The source span of ``[start, end)`` of the joined pieces (the span of its first piece's part)."""
    for text, b, offset in pieces:
        if start < len(text):
            stop = min(end, len(text))
            return analysis.doc.blocks[b].span(offset + start, offset + max(stop, start + 1))
        start, end = start - len(text), end - len(text)
    text, b, offset = pieces[-1]
    return analysis.doc.blocks[b].span(offset + max(len(text) - 1, 0), offset + max(len(text), 1))
