"""Quantities: what a prose figure measures, keyed narrowly enough that different things never compare.

A figure's key (:func:`key`) is its label without years and list markers (at least ``shortest``
characters, and more than a ``bare`` column word such as 预算数 that names no subject), its scope (the
label of the total it is listed under, or of its paragraph's first figure, or the words its paragraph
opens with when that figure has no label), its unit family and its period (the last year named before it
in its sentence, ``prior`` for 上年). A label that points back (项目预算资金, 该项目…) is scoped by the
heading it stands under too: （一）… and （二）… are two projects. Labels that state a change or a list
(``changes``) are no quantity of their own. Two statements of one key must agree: their :func:`span` (the
rounding interval widened by the qualifier: 超 2.3 万亿 is at least 2.3 万亿; 约 is within ``about``
percent) must meet. Used by the restatement kinds within a document and across a department's reports.
"""

from __future__ import annotations

import bisect
from decimal import Decimal

from ..interval import Interval
from ..model import Figure
from ..regex import lazy
from ..vocabulary import Words
from . import labels, numbers
from .precision import family, interval

_BIG = Decimal("1e30")
_NO_QUANTITY = ("", "%", "‰", "分", "个百分点")
# (not 当年: 2023年…当年计划, that year; nor the account's line 本年收入合计: 2023年度本部门本年收入合计 X)
_THIS_YEAR = lazy(r"本年度?(?!收入合计|支出合计)|今年")

# the words :func:`key` reads with by default (the restatement kind's options; :func:`prior_of` reads with
# them too)
SHORTEST = 5
CHANGES = Words(["增", "减", "比", "较", "下降", "上升", "节约", "超支", "差", "变动", "其中", "分别", "每",
                 "均"])
BARE = Words(["支出决算", "年初预算", "预算执行数", "执行数", "预算安排", "预算数", "决算数", "调整预算",
              "预算", "决算", "金额", "资金", "经费", "合计", "总计", "共计", "总额", "数量", "人数", "个数"])


# a name in quotes right before a figure's label in its clause (“…档案馆（项）”一般公共预算支出): its subject
_QUOTED_BEFORE = lazy(r"“([^“”]{2,60})”[^“”。；;，,]{0,24}$")


def key(analysis, fig: Figure, shortest: int, changes, bare) -> tuple | None:
    """``(scope, label, unit family, period)`` of a prose figure, or None when it names no quantity."""
    if fig.unit in _NO_QUANTITY:
        return None  # (nor a rate named as one, 预算执行率 X%: each 项 and 三公 item says its own so)
    label = labels.core(fig.label)
    if len(label) < shortest or "|" in label or any(c in label for c in "×=＝*＊÷+＋"):
        return None  # (×12月=: a computation's result, not a quantity named)
    if changes.within(label):
        return None
    word = next((w for w in bare if label.endswith(w)), "")
    if len(label) - len(word) < 3:
        return None  # 支出决算, 年初预算: a column word, its subject elsewhere
    parent = analysis.parent(fig)
    if parent is None:
        topic = analysis.figures[fig.block][0]
        parent = topic if topic is not fig else None
    scope = labels.core(parent.label) if parent is not None else ""
    text = analysis.doc.blocks[fig.block].text
    if parent is not None and not scope and parent.block == fig.block:
        scope = text[: parent.start].strip()  # 1、公共安全支出（204类）…: the words the paragraph opens with
    if label.startswith(_ANAPHORA) or _ALLOCATED.fullmatch(label):
        # 项目预算资金 in （二）农机购置补贴项目 is that project's; 安排直达资金 under （二）… its section's
        scope = f"{_heading(analysis, fig.block)}|{scope}"
    elif (run_in := _RUN_IN.match(text)) and run_in.end() <= fig.start and not label.startswith(_WHOLE) \
            and (not any(w in label for w in _TOTALS) or labels.SUB_LEVEL.search(run_in.group())):
        scope = f"{run_in.group()}|{scope}"  # （一）财政管理方面。审计指出问题18个: that part's (not
        # 本部门收入总计, the report's own whole wherever it is said, but under a level's title: (2)市级收支)
    lo = max(0, fig.start - _CODE_REACH)  # (a sentence of 8,000 items without a stop: not read back whole)
    coded = _CODE.findall(text, max(lo, max(text.rfind(c, lo, fig.start) for c in "。；;") + 1), fig.start)
    if coded:  # 2010302一般行政管理事务 a ⏎ 2011302一般行政管理事务 b: items of two 款, by their codes
        scope = f"{coded[-1]}|{scope}"
    quoted = _QUOTED_BEFORE.search(text, lo, fig.start)
    if quoted:  # ①“…行政运行（项）”一般公共预算支出 a ⏎ ②“…档案馆（项）”一般公共预算支出 b: each 项's own
        scope = f"{quoted.group(1)}|{scope}"
    named = _NAMED_LINE.match(text)
    if named and named.end() <= fig.start and not label.startswith(_WHOLE):
        scope = f"{named.group(1)}|{scope}"  # 巴州区：省级财政专项扶贫资金 a ⏎ 恩阳区：…资金 b: each one's
    level = _OWN_LEVEL.match(text)
    if level and not label.startswith(_WHOLE):
        scope = f"{level.group(1)}|{scope}"  # 市本级…债务转贷收入 Y（其中…再融资债券 b）: the city's own
        # level's, not the whole city's (全市…再融资债券 a), said in a paragraph of its own
    if (item := _ITEM.match(text)) and _SUBJECTLESS.fullmatch(label) and fig.start > item.end():
        # 1、…职业教育助学工程项目，计划安排资金 a ⏎ 2、…短期技能培训项目，计划安排资金 b: each item's own
        own = labels.YEAR.sub("", text[item.end() : fig.start - len(labels.clause(text, fig.start))])
        scope = f"{own[:40]}|{scope}"  # (its year left out: 2022年…项目 restated as …项目 is one)
    elif (item := _ITEM.match(text)) and not _MEASURED.search(label):
        # (1)全区普通小学为 X under …公用经费支出情况是：, (1)全区普通小学为 Y under …教育事业费…: an item
        # naming no measure is its list's, the measure said in the paragraph the list follows
        scope = f"{_lead(analysis, fig.block, item.group(1))}|{scope}"
    before, years = labels.dated(text, fig.start)
    that = False
    years = [y for y in _own_years(before) if y in years]  # (…（较2010年压缩2%），公务接待费 Y: not 2010's)
    if not years:  # 2024年预算为：…收入 a；政府性基金预算收入 b: the year its sentence names before the ；
        opened = text.rfind("。", max(0, fig.start - 400), fig.start) + 1
        years = _own_years(text[opened : fig.start - len(before)])
        back = text.rfind("。", max(0, opened - 400), opened - 1) + 1  # (the sentence before)
        said = _OPENING_YEAR.match(text, back) if opened and _THAT_YEAR.match(text, opened) else None
        that = said is not None  # 2023年度，…。当年本年收入合计 X: 2023's (not a year named in passing,
        if that:  # 根据2021年印发的…。当年…; 本年 the line's name there, not the report's year)
            years = [said.group(1)]
    # (今年1-6月 X after 2021年1-6月 X: the report's one year)
    this = [m.end() for m in _THIS_YEAR.finditer(before)]
    if this and years and before.rfind(years[-1]) < this[-1] and not that:
        years = []  # 上一年度（2023年）…为 a，本年度…为 b: b is the report's year's
    period = years[-1] if years else "prior" if labels.LAST_YEARS.search(before, this[-1] if this else 0) \
        else _part_year(analysis, fig.block) or analysis.memo(_own_year)
    planned = _PLANNED.search(before)
    if planned:  # 2023年预算为：一般公共预算收入 X: the budget's, not the outturn's Y, nor the adjusted one's
        period += "|调整预算" if "调整" in before[max(0, planned.start() - 4) : planned.end()] else "|预算"
    source = _named_above(analysis.memo(_source_headings), fig.block)
    if source and not _SOURCE.search(fig.label):
        scope = f"{source}|{scope}"  # 一、中央…资金 ⏎ (一)支持产业发展 a … 二、省级…资金 ⏎ …支持产业发展 b
    fund = _fund(analysis, fig.block) if not labels.FUNDS.search(fig.label) else ""
    if fund:
        scope = f"{fund}|{scope}"  # 2.政府性基金预算 ⏎ 全区收入预算总计 X: that fund's, not 1.一般公共预算's
    part = _named_above(analysis.memo(_scoped_openers), fig.block)
    if part and not label.startswith(_WHOLE):
        scope = f"{part}|{scope}"  # 在41个县…上，…收入完成 X ⏎ 在59个区…上，…收入完成 Y: each part's
    span_named = _named_above(analysis.memo(_period_headings), fig.block)
    if span_named:
        period += "|" + span_named  # 一、8月份财政收支完成情况 ⏎ … 二、8月份累计完成情况 ⏎ …: each its span's
    stage = _stage(analysis, fig.block)
    if stage:
        period += "|" + stage  # 2.…预算调整方案。⏎(1)收入总计调整为 X: the adjusted budget's, not the 决算's
    months = _MONTHS.findall(before)  # 12月当月 is not 1-12月: a month's figure, not the year's to date
    opening = _OPENING_SPAN.match(text) if not months else None
    if opening:  # 2023年1-10月，全国发行…a。全国发行再融资债券 b: each sentence of the paragraph its span's
        months = [opening.group(1)]
    if months:
        period += "|" + months[-1].replace(" ", "")
    clause = labels.clause(text, fig.start)
    if clause.endswith(fig.label) and clause[: len(clause) - len(fig.label)].endswith("、") \
            and not any(c.isdigit() for c in labels.core(clause[: len(clause) - len(fig.label)])):
        label = labels.core(clause)  # 财政拨款收入、支出决算总计: the name the 、 joins, whole
    # a bracketed qualifier the label left out names another quantity (科目（住房改革支出-购房补贴）), and so
    # does a classification's quoted name (“体育”（款）“体育场馆”（项）年初预算)
    said = _QUALIFIER.findall(clause)
    qualified = label + "".join(f"（{a or b}）" for a, b in said)
    return (scope, qualified, family(fig.unit), period)


_COUNTED = lazy(r"^(?:共有|共计|共)|(?:总数|总量)$")


def same(key: tuple) -> tuple:
    """A :func:`key` as two statements of one quantity share it: its label as :func:`measure` reads it."""
    return (key[0], measure(key[1]), *key[2:])


def apart(analysis, one: Figure, other: Figure, label: str) -> bool:
    """Whether two statements keyed alike are yet of two things: items of two lists or of two sections of
    one template (but for the report's own whole, named in the later one), of two wholes (全市研发人员 a,
    全区研发人员 b), of two fields (在A方面，…, 在B方面，…; or of a field and of the whole, unless the
    label names it), or listed under two different totals, or said in two parts of a file holding units'
    reports (:meth:`crossfoot.analysis.Analysis.part`). ``label``: ``other``'s as :func:`key` reads it."""
    blocks = analysis.doc.blocks
    if analysis.part(blocks[one.block].line) != analysis.part(blocks[other.block].line):
        return True  # a department's report, then a unit's own in the same file: each its own figures
    owned = whole_of(labels.core(other.label)) or labels.core(other.label).startswith("部门")
    if sibling_items(analysis, one, other) or parallel(analysis, one, other) and not owned:
        return True  # (（二）资金使用情况：… under each project: each its own; the department's own, one)
    if len({whole_of(labels.core(f.label)) for f in (one, other)} - {""}) > 1:
        return True  # 全市研发人员 a ⏎ 全区研发人员 b: two wholes (one named, one not, is one whole)
    fields = {field(analysis, f) for f in (one, other)}
    if len(fields) == 2 and ("" not in fields or not whole_named(label)):
        return True  # 在A方面，发行专项债券 a ⏎ 在B方面，…专项债券 b: each field's; 全年下达资金 X ⏎
        # 在A方面，全年下达资金 a: the whole's, then a field's part (not 全县…支出 X ⏎ 在A方面，全县…Y)
    owners = [listed_under(analysis, f) for f in (one, other)]
    return all(owners) and owners[0].label.strip() != owners[1].label.strip()
    # (基本支出 X。其中：⏎商品和服务支出 a … 项目支出 Y。其中：⏎商品和服务支出 b; 2023年 and 2022年 too)


def prior_of(analysis, current: Figure) -> Figure | None:
    """The amount of ``current``'s quantity the report states for the year before, earlier on (上年公用经费
    支出 a。… 本年公用经费支出 b，比上年下降 p%): the earlier prose figures keyed as ``current`` is (with the
    default words) but for 上年 or the year before its own, of no other thing (:func:`apart`), all of one
    value; the nearest of them, or None."""
    named = key(analysis, current, SHORTEST, CHANGES, BARE)
    if named is None or not named[3].isdigit():
        return None  # (a period of its own: 2024年1-6月, 2024年|预算: not the year's amount)
    index = analysis.memo(_keyed)
    own = named[3] == analysis.year()  # 上年 is the year before the report's: of its own year's amount only
    found = [f for period in (("prior",) if own else ()) + (str(int(named[3]) - 1),)
             for f in index.get((*same(named)[:3], period), ())
             if (f.block, f.start) < (current.block, current.start)
             and not apart(analysis, f, current, named[1])]
    if not found or len({(f.value, f.unit) for f in found}) > 1:
        return None
    return max(found, key=lambda f: (f.block, f.start))


def _keyed(analysis) -> dict[tuple, list[Figure]]:
    """The prose figures by their :func:`same` key (default words), each list in reading order."""
    out: dict[tuple, list[Figure]] = {}
    for _block, fig in analysis.in_prose():
        named = key(analysis, fig, SHORTEST, CHANGES, BARE)
        if named is not None:
            out.setdefault(same(named), []).append(fig)
    return out


def whole_of(label: str) -> str:
    """The report's own whole a label names first (全省, 本部门), or ''."""
    return next((whole for whole in _WHOLE if label.startswith(whole)), "")


def measure(label: str) -> str:
    """What a label measures, said either way: the report's own whole named or not (全省研发人员 is 研发人员
    in a report of the province), a count as a count (共有在职人员, 在职人员总数: 在职人员)."""
    return _COUNTED.sub("", label[len(whole_of(label)) :])


def _own_years(text: str) -> list[str]:
    """The years ``text`` names, but those a comparison names (较2010年, 比2022年, 与2021年相比): the year
    compared with, not the one the figures after it are of."""
    return [m.group(1) for m in labels.YEAR.finditer(text)
            if not _COMPARED.search(text, max(0, m.start() - 2), m.start())]


_COMPARED = lazy(r"(?:较|比|与|同)$")
_THAT_YEAR = lazy(r"\s*(?:当年|同年|该年|当年度|该年度)")  # a sentence of the year the one before named
# …opening with it: 2023年度，; 在2023年度，; 本部门2023年度… (not 根据2021年印发的…, a year in passing)
_OPENING_YEAR = lazy(r"\s*(?:在|本部门|本单位|本局|我局|我单位|全局|部门|单位)?((?:19|20)\d\d)\s*年度?")


# a figure's period, said before it (not a month named in passing: 经12月召开的…)
_MONTHS = lazy(r"\d{1,2}\s*[-－—~至到]\s*\d{1,2}\s*月|\d{1,2}\s*月份|(?:\d{1,2}\s*月)?当月|[上下]半年"
               r"|[一二三四]季度|截至\s*\d{1,2}\s*月")
# a day opening a sentence (2022年12月23日，…), not the year's end (12月31日: the day figures are as of)
_EVENT_DATE = lazy(r"\s*(?:(?:19|20)\d\d\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?<!12月31日)")


def event_date(analysis, fig: Figure) -> str:
    """The day the sentence holding ``fig`` opens with, or '' (2022年12月23日，…下达 a)."""
    event = _EVENT_DATE.match(labels.dated(analysis.text(fig), fig.start)[0])
    return "".join(event.group().split()) if event else ""
# the span a paragraph opens with, for its every sentence (2023年1-10月，…; 10月份，…; 上半年，…; not a date,
# 2023年3月，…: an event's)
_OPENING_SPAN = lazy(rf"\s*(?:(?:19|20)\d\d\s*年)?\s*({_MONTHS.pattern})\s*[，,：:]")
_QUALIFIER = lazy(r"[（(]([^（()）]{2,30})[）)]|“([^“”]{2,30})”(?=[（(][类款项][）)])")


_ANAPHORA = ("项目", "该项目", "本项目", "该", "此项")
_ALLOCATED = lazy(r"(?:安排|下达|拨付|分配)[\u4e00-\u9fff]{0,6}")  # 安排直达资金: a section's allocation
_TOTALS = ("总计", "合计", "总额", "总投资", "总预算", "本年收入", "本年支出", "收入预算", "支出预算",
           "决算总", "预算总")
_WHOLE = ("本部门", "本单位", "我部门", "我单位", "本局", "我局", "本委", "全县", "全市", "全区", "全省",
          "全镇")
_HEADING = lazy(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、"
                      r"|\d{1,2}[.、．])")


# a paragraph opening with its own numbered title (（一）财政管理方面。, 2.数量指标：, 2.2021年度绩效目标。):
# a part of its own
_RUN_IN = lazy(_HEADING.pattern + r"(?:(?:19|20)\d\d\s*年度?)?[^。，,；;：:\d]{2,20}[。：:]")


def sibling_items(analysis, one: Figure, other: Figure) -> bool:
    """Whether two figures stand in different items of one numbered list, each paragraph opening with its
    item's title before the figure, a title naming a thing, not a part of the report (3、能繁母猪：全县…投保 a
    ⏎ 4、育肥猪保险：全县…投保 b): the items say the same words of different things, whatever whole their
    labels name."""
    runs = []
    for f in (one, other):
        text = analysis.doc.blocks[f.block].text
        run_in = _RUN_IN.match(text)
        if run_in is None or run_in.end() > f.start:
            return False
        marker = _HEADING.match(text).group()
        title = text[len(marker) : run_in.end()].strip(" 。：:")
        if _ASPECT.search(title):
            return False  # （一）收入情况。本部门收入总计 X ⏎ （二）支出情况。…: the report's parts
        runs.append((_NUMERAL.sub("#", marker.strip()), title))
    return runs[0][0] == runs[1][0] and runs[0][1] != runs[1][1]


_NUMERAL = lazy(r"[\d一二三四五六七八九十]+")
# what a title names when it heads a part of the report, not a thing of a list (收入情况, 项目背景资料)
_ASPECT = lazy(r"(?:情况|资料|方面|概况|说明|分析|目标|指标|内容|措施|成效|成绩|问题|建议|评价|结论|依据|背景"
               r"|信息|职能|职责|机构|工作|管理|执行|完成|实施|安排|使用|收入|支出|预算|决算)$")


def listed_under(analysis, fig: Figure) -> Figure | None:
    """The total whose paragraph ends opening a list (1. 基本支出预算 X，…。其中：) that ``fig``'s paragraph
    goes on, ``fig`` opening it (商品和服务支出预算 a，…), after the parts before it; None past a heading or 8
    paragraphs, or when ``fig`` is not its paragraph's first figure."""
    block = fig.block
    if analysis.figures[block][0] is not fig:
        return None
    for k in range(block - 1, max(-1, block - 9), -1):
        text = analysis.doc.blocks[k].text.rstrip()
        figures = analysis.figures[k]
        if not figures or analysis.doc.blocks[k].kind != "paragraph":
            return None  # (六、一般公共预算基本支出情况说明: a heading, no list goes on over it)
        if text.endswith(_OPENS_LIST):
            return figures[0]  # (the paragraph's topic: 1. 基本支出预算 X，…，同比减少 c。其中：)
    return None


_OPENS_LIST = ("其中:", "其中：", "其中，", "其中,", "包括:", "包括：")


def _own_year(analysis) -> str:
    """The year an undated figure is of: the report's (its title's), or else the one year its text names,
    if it names one only; '' otherwise."""
    year = analysis.year()
    if year:
        return str(year)
    named = {y for block in analysis.doc.blocks for y in labels.YEAR.findall(block.text)}
    return named.pop() if len(named) == 1 else ""


def _part_year(analysis, block: int) -> str:
    """``§2026`` when ``block`` stands under a top-level heading naming a year (二、2026年预算草案, after
    一、2025年预算执行情况): a figure its sentence does not date is of its part's year; '' otherwise."""
    parts = analysis.memo(_dated_parts)
    at = bisect.bisect_right(parts, (block, "\uffff")) - 1
    year = parts[at][1] if at >= 0 else ""
    return f"§{year}" if year and year != analysis.year() else ""  # (the report's own year: no other part)


def _dated_parts(analysis) -> list[tuple[int, str]]:
    """``(block, year)`` of each top-level heading (一、…), its year '' when it names none or several."""
    out = []
    for b, block in enumerate(analysis.doc.blocks):
        text = block.text.strip()
        if block.kind in ("heading", "paragraph") and len(text) <= 40 and _TOP.match(text):
            years = set(labels.YEAR.findall(text))
            out.append((b, years.pop() if len(years) == 1 else ""))
    return out


_TOP = lazy(r"(?:#+\s*)?[一二三四五六七八九十]{1,3}、")


# a sentence stating a budget before its amounts (预算为：, 预算安排为, 调整后预算为)
_PLANNED = lazy(r"预算(?:安排)?(?:调整)?(?:为|是)\s*[：:]?")
# a 款 or 项's code before its name (1.2010302一般行政管理事务), or in brackets after it
_CODE_REACH = 200  # characters back a classification code naming a figure's item may stand
_CODE = lazy(r"(?<![\d,])(2\d{6}|2\d{4})(?=[\u4e00-\u9fff（(）)])"
             r"(?![人个家辆次项户元万亿千百台套件名所座条处间张本批亩吨米平])")
# a paragraph opening with a name and a colon (巴州区：, 县人民政府：, 中央资金：), not a topic's (收入情况：,
# 说明：, 其中：, 备注：)
_NAMED_LINE = lazy(r"\s*((?![\u4e00-\u9fff（）()]*(?:情况|说明|备注|其中|注|如下|概况|内容|具体|主要|总体)"
                   r"\s*[：:])[\u4e00-\u9fff（）()]{2,16}?)\s*[：:](?!\s*$)")
# a paragraph opening with a government's own level (2022年，市本级…; 县本级…): its figures are that level's
_OWN_LEVEL = lazy(r"\s*(?:(?:19|20)\d\d\s*年度?[，,]?\s*)?((?:[市县区州盟旗镇乡]|自治[州县旗])?本级)")


def _lead(analysis, block: int, marker: str, reach: int = 12) -> str:
    """The paragraph a list's items follow: the nearest before ``block`` not opening with an item marker
    of the same kind as ``marker`` ((1), 1., ①), or ''."""
    kind = _item_kind(marker)
    for b in range(block - 1, max(block - reach, -1), -1):
        text = analysis.doc.blocks[b].text.strip()
        m = _ITEM.match(text)
        if text and (m is None or _item_kind(m.group(1)) != kind):
            return text[:60]
    return ""


def _item_kind(marker: str) -> str:
    return "(" if marker[:1] in "（(" else "①" if marker[:1] in "①②③④⑤⑥⑦⑧⑨⑩" else "1"


# (2、2022年…: an item; 5中等职业学校为 X: a marker whose stop a converter lost, not 5月 nor 5万元)
_ITEM = lazy(rf"\s*([（(]\d{{1,2}}[）)]|\d{{1,2}}(?:[.．](?!\d)|、)|[①-⑳]|[1-9](?![{numbers.COUNTERS}])"
             r"(?=[\u4e00-\u9fff]))")
# a label naming no subject of its own, only what was done with the money (计划安排资金, 下达资金, 共投入)
_SUBJECTLESS = lazy(r"(?:计划|预计|拟|共|累计|已)?(?:安排|下达|拨付|分配|投入|使用|落实)(?:资金|经费)?"
                    r"(?:为|共)?")
_MEASURED = lazy(r"支出|收入|经费|费用?|资金|金额|预算|决算|投入|人数|人次|面积|数量|总额|总计|合计|余额"
                 r"|产值|规模|[率额量值数]$")  # what a label names it measures (a 全区普通小学 names none)


def _fund(analysis, block: int) -> str:
    """The fund the nearest heading above ``block`` names, in a report whose headings name two funds or more,
    each its own (1.一般公共预算 ⏎ … 2.政府性基金预算 ⏎ …: the same 全区收入预算总计 of each), or ''."""
    return _named_above(analysis.memo(_fund_headings), block)


def _stage(analysis, block: int) -> str:
    """The budget stage the nearest heading above ``block`` names, in a report whose headings name two
    stages or more, each its own (1.…年初预算草案。 2.…预算调整方案。 3.决算情况。: the same 收入总计 of
    each), or ''."""
    return _named_above(analysis.memo(_stage_headings), block)


def _named_above(headings: list[tuple[int, str]], block: int) -> str:
    """What the nearest of ``headings`` (``(block, name)``, as :func:`_two_or_more` leaves them) above
    ``block`` names, or ''."""
    at = bisect.bisect_right(headings, block, key=lambda h: h[0]) - 1
    return headings[at][1] if at >= 0 else ""


def _two_or_more(headings: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``headings`` when they name two things or more (each then its part's), else none."""
    return headings if len({name for _b, name in headings}) >= 2 else []


def _fund_headings(analysis) -> list[tuple[int, str]]:
    """``(block, fund)`` of each heading naming one fund (一般公共预算, 政府性基金, 国有资本经营, 社会保险
    基金)."""
    return _headings_naming(analysis, lambda text: set(_FUNDS_NAMED.findall(text)))


_FUNDS_NAMED = lazy(r"一般公共预算|政府性基金|国有资本经营|社会保险基金")


def _source_headings(analysis) -> list[tuple[int, str]]:
    """``(block, level)`` of each top heading (一、…) naming the one level of government its money comes
    from (一、中央财政衔接资金（5273万元）, 二、省级财政衔接资金（5509万元）), an amount of its own
    allowed."""
    return _headings_naming(analysis, lambda text: {m.group(1) for m in _SOURCE.finditer(text)},
                            marker=_TOP, amounts=True)


_SOURCE = lazy(r"(?<![\u4e00-\u9fff])(中央|省级?|市级|县级|区级|本级)[\u4e00-\u9fff]{0,8}?"
               r"(?:资金|补助|转移支付)")


def _period_headings(analysis) -> list[tuple[int, str]]:
    """``(block, span)`` of each heading naming the span its figures are of: the year to date (累计,
    截至8月底, 1-8月) or one month (8月份, 当月)."""
    return _headings_naming(analysis, _spans_named)


def _spans_named(text: str) -> set[str]:
    if _TO_DATE.search(text):
        return {"累计"}
    return {"当月"} if _ONE_MONTH.search(text) else set()


_TO_DATE = lazy(r"累计|截至|截止|1\s*[-－—~至]\s*\d{1,2}\s*月")
_ONE_MONTH = lazy(r"\d{1,2}\s*月份|当月|本月")


def _stage_headings(analysis) -> list[tuple[int, str]]:
    """``(block, stage)`` of each heading naming one budget stage (年初 for 年初预算 and 预算草案, 调整 for
    预算调整 and 调整方案, 执行 for 决算 and 执行)."""
    return _headings_naming(analysis, lambda text: {_STAGES[m.group()] for m in _STAGE.finditer(text)})


def _headings_naming(analysis, names, marker=None, amounts: bool = False) -> list[tuple[int, str]]:
    """``(block, name)`` of each heading (a short line opening with ``marker``, any outline marker by
    default, stating no figure unless ``amounts``) of which ``names(text)`` gives exactly one, when they
    name two things or more."""
    marker = marker or _HEADING
    out = []
    for b, block in enumerate(analysis.doc.blocks):
        text = block.text.strip()
        if block.kind == "row" or len(text) > 40 or not marker.match(text) \
                or analysis.figures[b] and not amounts:
            continue
        named = names(text)
        if len(named) == 1:
            out.append((b, named.pop()))
    return _two_or_more(out)


def whole_named(label: str) -> bool:
    """Whether a label names the report's own whole (本部门…, 全县…)."""
    return label.startswith(_WHOLE)


def field(analysis, fig: Figure) -> str:
    """The field a figure's paragraph is at before it (在一般公共预算方面，全县收入完成 X: 一般公共预算), or
    '' (also when the figure's own label names it: 在收入方面，收入完成 X). Statements of different fields, or
    of a field and of none, are of different things (a whole's X, then 在A方面，… a: its part)."""
    fields = analysis.memo(_fields, fig.block)
    at = bisect.bisect_left(fields, (fig.start, "")) - 1
    named = fields[at][1] if at >= 0 else ""
    return "" if named and named in fig.label else named  # (在收入方面，收入完成 X: the label says it all)


def _fields(analysis, block: int) -> list[tuple[int, str]]:
    """``(end, field)`` of each 在X方面， (or X方面， opening a sentence) in a paragraph, in order: the field
    the figures after it are of."""
    text = analysis.doc.blocks[block].text
    if "方面" not in text:
        return []
    return sorted((m.end(), m.group("part")) for pattern in (_OWN_FIELD, _LEAD_FIELD)
                  for m in pattern.finditer(text))


def _scoped_openers(analysis) -> list[tuple[int, str]]:
    """``(block, part)`` of each paragraph opening with the part of the whole it goes on to state (在41个县
    收支完成情况上，…; 从59个区看，…; 就市本级而言，…; a place, a level or units): the paragraphs after it,
    up to the next such one, are that part's."""
    out = []
    for b, block in enumerate(analysis.doc.blocks):
        m = _SCOPED.match(block.text) if block.kind != "row" else None
        if m is not None:
            out.append((b, m.group("part")))
    return _two_or_more(out)


_PLACES = r"[^，,。；;：:]{0,16}(?:[县区市镇乡村州旗]|本级|单位|部门)"  # a part: places, levels, units
_SCOPED = lazy(rf"\s*(?:在|从|就)(?P<part>{_PLACES})(?:(?:收支|财政)?(?:完成|执行|收支)?(?:情况)?上"
               r"|来看|看|而言|来说)[，,]")
# the field a paragraph is at before a figure: 在X方面， after a clause's break (同时，在特困供养方面，…),
# or X方面， opening the paragraph or a sentence (新增债券方面，发行…)
_GOING_ON = r"(?:同时|另外|此外|其次|再次|最后|首先)"  # a connective opening a clause before its field
_OWN_FIELD = lazy(rf"(?:^|(?<=[，,。；;：:]))\s*(?:{_GOING_ON}\s*[，,]?\s*)?"
                  r"在(?P<part>[^，,。；;：:]{2,16})方面[，,]")
_LEAD_FIELD = lazy(rf"(?:^|(?<=[。；;]))\s*(?:{_GOING_ON}\s*[，,]\s*)?"
                   r"(?P<part>[^，,。；;：:在]{2,12})方面[，,]")
_STAGE = lazy(r"年初预算|预算草案|预算调整|调整方案|调整预算|决算|执行")
_STAGES = {"年初预算": "年初", "预算草案": "年初", "预算调整": "调整", "调整方案": "调整", "调整预算": "调整",
           "决算": "执行", "执行": "执行"}


def parallel(analysis, one: Figure, other: Figure) -> bool:
    """Whether two figures stand in two sections of one template, each under its own numbered heading of
    the same words (（二）资金使用情况：… under each project's 绩效自评结果; 二、年度预算安排：… under each
    project's 经费情况说明): the same label there is each section's own."""
    mine, theirs = (analysis.memo(_section, f.block) for f in (one, other))
    return mine is not None and theirs is not None and mine[0] != theirs[0] and mine[1] == theirs[1]


def _section(analysis, block: int, reach: int = 8) -> tuple[int, str] | None:
    """The block and title of the nearest block at or above ``block`` opening with a list marker, when it is
    a title (a line of its own with no figure, or words run in before a colon: （二）资金使用情况：…), not an
    item naming its subject (1、职业教育助学工程项目，计划安排资金 a), or None."""
    blocks = analysis.doc.blocks
    for b in range(block, max(block - reach, -1), -1):
        text = blocks[b].text.strip()
        if _HEADING.match(text):
            title = _RUN_IN_TITLE.match(text)
            if title:
                return b, title.group(1)
            return (b, text) if len(text) <= 40 and not analysis.figures[b] else None
    return None


_RUN_IN_TITLE = lazy(r"([^：:，,。；;]{2,30})[：:]")


def _heading(analysis, block: int, reach: int = 8) -> str:
    """The nearest heading above ``block`` (a short line opening with 一、 （一） 1.), or '': within
    ``reach`` paragraphs, a table's rows between not counted (a project's heading, its score sheet, then
    its 该项目… sentence)."""
    blocks = analysis.doc.blocks
    left, b = reach, block
    while b >= 0 and left > 0:
        text = blocks[b].text.strip()
        if blocks[b].kind != "row":
            if len(text) <= 40 and _HEADING.match(text):
                return text
            left -= 1
        b -= 1
    return ""


def span(fig: Figure, about: Decimal, unit: str | None) -> Interval:
    """The values a statement allows: its rounding interval (in ``unit``), widened by its qualifier."""
    iv = interval(fig, unit=unit)
    if fig.qualifier == "ge":
        return Interval(iv.lo, _BIG)
    if fig.qualifier == "le":
        return Interval(-_BIG, iv.hi)
    if fig.qualifier == "about":
        slack = about / 100
        return Interval(iv.lo * (1 - slack), iv.hi * (1 + slack))
    return iv
