"""table_restatement: an amount stated in prose for a row that a table of the same document also gives,
with a value that cannot be the table's (年初预算 56.83亿元 in the text, 65.83 in the budget table).

Read narrowly, so that different things are never compared. A table row is a quantity of its own when its
label (outline numbers, codes and blanks left out) is at least ``shortest`` characters, is no bare total
word (合计, 小计), and names exactly one row among all the document's tables. A prose money figure restates
it when its label (the words before it in its clause) is that row label and besides it only ``measures`` and
``filler`` words (科技创新专项年初预算数为), or, for the one 年度资金总额 row of a report's funds form
(项目支出 or 部门整体支出绩效自评表; a form captioned neither way, of what the report's title
says), a label naming the project or department (本部门, or as it calls itself: 本局, 我委) and a
measure alone (项目年初预算数, 我局年初预算; the row named by its own cell when the form's group is
merged down beside it: 年度预算安排（万元） | 年度资金总额); its column is the table's only column of
amounts, or the one whose header the label's longest measure word also names (年初预算 → 年初预算数
（万元）; 全年预算 of 年初预算数 | 全年预算数). The
table's unit comes from its 单位 line or the column header (预算数（万元）); a table whose unit is not said
is left alone, and so is a figure whose sentence names another year than the table's caption, or a fund
(``scopes``: 政府性基金, 财政拨款), in its sentence, the one before or its section's heading, that neither
the table's caption nor the row names, and a table whose caption names a part of the spending (``parts``:
基本支出, 项目支出) that the sentence does not, or a figure listed under one (安排项目支出
X，其中：一般公共预算拨款 Y) that neither the table's caption, its header nor the row names, a row of the
收入 side (its header) restated as 支出 (一般公共预算财政拨款支出 is no row 一般公共预算财政拨款 of 收入) or
the other way round, and a figure whose measure (年初预算) is not its table's only column's (决算数).

An amount whose label names only a measure (全年预算数 b) goes on with the row the figure before it in its
clause restated (该项目年初预算数 a，全年预算数 b，全年执行数 c: b and c of the same row).

A row's rate restated (项目支出执行率为91.39%) is compared with the one column of its table headed with
that rate word (执行率, 完成率, 到位率), the row named once among such tables.

A paragraph that introduces its breakdown (…全年支出 X，主要用于…，明细如下。 over a 明细 table) states its
total: its first amount is compared with the 合计 row of that table's one column of amounts, unless another
amount of it agrees.

The two amounts, converted to one unit, must agree (equal when stated to the same decimals, else meeting
within rounding: :func:`crossfoot.tables.locate.agreement`). The finding is on the prose figure, with the cell
as the related place.
"""

from __future__ import annotations

import re
from collections import Counter

from ...figures import labels
from ...interval import stated
from ...model import Table
from ...regex import lazy
from ...tables import classified, code_column, number, row_label
from ...tables.locate import agreement, other_period
from ...vocabulary import Words
from ..base import Check, differs
from ..options import options

KIND = "table_restatement"
_GOES_ON = lazy(r"\s*(?:按|其中|分别|具体)")
FIELDS = ("stated", "computed", "label", "other", "table", "where")


@options
class Options:
    shortest: int = 4
    scopes: Words = Words(["政府性基金", "国有资本经营", "一般公共预算", "财政拨款"])
    """Words that narrow a sentence to one fund: its amounts restate no row of a table that does not
    name the fund (财政拨款…年末结转和结余 is not the 收入支出决算总表's 年末结转和结余)."""
    parts: Words = Words(["基本支出", "项目支出"])
    """Words that narrow a table to a part of the spending: its rows are restated only by a sentence that
    names the part too (“三公”经费…公务接待费1.28万元 is not the 基本支出 table's 公务接待费 row)."""
    subsets: Words = Words(["项目预算", "项目资金", "项目经费", "专项资金", "绩效目标"])
    """Words that make the whole a figure is listed under a part of the spending (涉及项目预算资金 X，其中：
    一般公共预算资金 Y: the projects' share of the fund, not the fund's row)."""
    totals: Words = Words(["合计", "总计", "小计"])
    measures: Words = Words(["年初预算", "全年预算", "调整预算", "预算", "决算", "执行", "实际", "完成"])
    filler: Words = Words(["数", "为", "是", "的", "金额", "资金", "支出", "共计", "全年", "本年", "累计",
                           "达到", "：", ":"])


_SIDES = (("支出", "收入"), ("收入", "支出"))
_OTHER_FUNDS = ("政府性基金", "国有资本经营")
_LISTED = lazy(r"主要用于|其中|包括|具体")  # the paragraph's opening amount broken down after it
_UNIT = lazy(r"[（(]\s*(?:(?:金额)?单位\s*[:：]\s*)?(亿元|万元|千元|元)\s*[）)]")


def run(analysis, check: Check):
    yield from _rates(analysis, check)
    yield from _introduced(analysis, check)
    rows = analysis.memo(_index, check.options.shortest, check.options.totals)
    if not rows:
        return
    shortest = check.options.shortest
    last = None  # (the figure before and the row it restated: the row its measures go on with)
    for block, fig in analysis.amounts():
        label = re.sub(r"[（(][类款项][）)]", "", labels.core(fig.label))
        going_on = last is not None and last[0].block == fig.block \
            and not re.search("[。；;]", block.text[last[0].end : fig.start])
        if len(label) < shortest and not going_on:
            last = None
            continue
        hits = [name for name in rows if name in label and _only_measures(check, label.replace(name, "", 1))]
        whole = _WHOLE_PROJECT.fullmatch(label)
        subject = (whole.group("subject") or "部门") if whole else ""
        if not hits and whole and _FUNDS_TOTAL in rows \
                and _of_form(analysis, subject, rows[_FUNDS_TOTAL][0]) and _of_report(analysis, subject):
            hits = [_FUNDS_TOTAL]  # 项目年初预算数 X: the 年度资金总额 of the report's one project funds form
        if not hits and going_on and check.options.measures.within(fig.label) \
                and _only_measures(check, label) \
                and not _SUMMED_UP.search(labels.clause(block.text, fig.start)):
            hits = [last[1]]  # 该项目年初预算数 a，全年预算数 b，全年执行数 c: b and c of the same row
        last = (fig, hits[0]) if len(hits) == 1 else None
        if len(hits) != 1:
            continue
        table, row = rows[hits[0]]
        column = _column(check, table, row, label + fig.label,  # (core drops 全年 of 全年预算)
                         label.replace(hits[0], "", 1))
        if column is None or not _own_panel(table, table.rows[row], hits[0], column):
            continue
        cell, unit = table.rows[row][column], _unit(table, column)
        sentence, years = labels.dated(block.text, fig.start)
        if other_period(block.text, fig, analysis.year(), table.title, table.header):
            continue  # 上年决算 a; 2025年预算 a; 年初预算 a，年中调减为 b: not the table's
        before = labels.dated(block.text, max(0, fig.start - len(sentence) - 1))[0]
        said_with = sentence + (before if _GOES_ON.match(sentence) else "")  # 按功能分类，…: the one before's
        head = analysis.doc.blocks[analysis.section(fig.block).start].text
        if len(head) <= 40 and head is not block.text:  # 八、政府性基金…情况说明: a fund other than the
            said_with += "".join(w for w in _OTHER_FUNDS if w in head)  # general one the section is about
        opening = block.text[: analysis.figures[fig.block][0].start]  # 全县政府性基金预算收入 X，…年终结转 Y:
        said_with += "".join(w for w in _OTHER_FUNDS if w in opening)  # the fund its paragraph is about
        if _LISTED.search(block.text, len(opening), fig.start):  # 一般公共预算财政拨款支出 X，主要用于：
            said_with += "".join(w for w in check.options.scopes if w in opening)  # A（类）a…: the fund's
        if any(w in said_with and w not in table.title and w not in hits[0]
               for w in check.options.scopes):
            continue  # 政府性基金预算财政拨款…年末结转和结余; 一般公共预算拨款支出 X。按功能分类，…
        parted = [w for w in check.options.parts if w in table.title and w not in sentence]
        if parted and hits[0] != _FUNDS_TOTAL:  # (a 项目支出绩效自评表 names the kind of form, no part)
            continue  # a 基本支出 table's row: only the basic part of what the sentence may speak of
        scope = sentence[: max(sentence.rfind("其中"), 0)]  # what the figure is listed under
        if any(w in scope and w not in table.title + hits[0] + "".join(table.header)
               for w in (*check.options.parts, *check.options.subsets)):
            continue  # 安排项目支出 X，其中：一般公共预算拨款 Y: the projects' part, not the whole row
        rest, side = label.replace(hits[0], "", 1), "".join(table.header)
        if any(w in rest and w not in side and other in side for w, other in _SIDES):
            continue  # 一般公共预算财政拨款支出 is not the row 一般公共预算财政拨款 of the 收入 panel
        said = agreement(fig.value, fig.decimals, fig.unit, cell.text, unit, analysis.rounding)
        if said != "agree":
            yield differs(check, analysis, fig, cell, table, hits[0], unit, truncated=said == "truncated")


_FUNDS_TOTAL = "年度资金总额"  # a 项目支出 (部门整体支出) 绩效自评表's funds row of the whole
def _of_form(analysis, subject: str, table: Table) -> bool:
    """Whether a label's subject (项目, 部门, 单位) is the one a funds form is of: a 项目支出 form's the
    project, a 部门整体 form's the department (本单位全年预算数 in a project's report is the unit's whole
    budget, not the project's). A form captioned neither way is a project's when its side says so (项目资金
    （万元）), else of what the report's title says."""
    title = analysis.title()
    side = table.header[0] if table.header else ""  # (项目资金（万元） down its side: a project's form)
    said = table.title or ("项目" if "项目" in side else title.text if title is not None else "")
    kind = "项目" if "项目" in said else "部门" if re.search("部门|整体", said) else ""
    return subject == "项目" if kind != "部门" else subject in ("部门", "单位")


def _of_report(analysis, subject: str) -> bool:
    """Whether the report is of the subject a label names: a project's (项目支出绩效自评报告) for 项目, not a
    department's report holding one project's form (项目全年预算数 there is all its projects')."""
    title = analysis.title()
    said = title.text if title is not None else ""
    return subject != "项目" or not re.search("部门整体|整体支出|部门决算|部门预算", said)


_WHOLE_PROJECT = lazy(r"(?:(?:本|该|我)?(?P<subject>项目|部门|单位)|(?:本|我)(?:局|委|厅|办|院|署|中心))"
                      r"(?:资金)?(?:年初预算|全年预算|调整预算|预算|全年执行|执行|决算|实际支出)数?(?:为|是)?")
# (本部门年初预算数: a 部门整体 form's; 本局全年执行数, 我委…: the department's, as it calls itself)


def _introduced(analysis, check: Check):
    """The total of a paragraph that introduces a table (项目资金全年支出483.06万元，主要用于…，明细如下。
    ⏎ 表 … ⏎ … ⏎ 合计 | 4,830,560.36) against the 合计 row of that table's one column of amounts: the
    paragraph's first amount, when no amount of the paragraph agrees with it."""
    blocks = analysis.doc.blocks
    for b, block in enumerate(blocks):
        if block.kind != "paragraph" or not _INTRODUCES.search(block.text) or not analysis.figures[b]:
            continue
        first = analysis.figures[b][0]
        if not first.is_point or first.unit not in _MONEY or not _WHOLE.search(labels.core(first.label)) \
                or "其中" in block.text[first.end :]:
            continue  # (…，其中项目资金支出明细如下: a part's breakdown)
        k = next((k for k in range(b + 1, min(b + 5, len(blocks))) if blocks[k].kind == "row"), None)
        if k is None or any(x.kind != "row" and len(x.text) > 40 for x in blocks[b + 1 : k]):
            continue
        table = next((t for t in analysis.tables if t.span.line == blocks[k].line), None)
        if table is None or table.shape != "tabs":
            continue
        columns = [j for j in _amounts(table) if not re.search(r"序号|编号|行次|栏次", table.header[j])]
        totals = [r for r in range(len(table.rows))
                  if _TOTAL_ROW.fullmatch(re.sub(r"\s", "", row_label(table, r)))]
        if len(columns) != 1 or len(totals) != 1 \
                or other_period(block.text, first, analysis.year(), table.title):
            continue
        caption = table.title + "".join(x.text for x in blocks[b + 1 : k])
        if "明细" not in caption or _PLAN_HEAD.search(table.header[columns[0]]) \
                and not _PLAN_HEAD.search(first.label):
            continue  # (a table of its own, not the breakdown; 支出 X over a 预算金额 column)
        cell, unit = table.rows[totals[0]][columns[0]], _unit(table, columns[0])
        said = [agreement(f.value, f.decimals, f.unit, cell.text, unit, analysis.rounding)
                for f in analysis.figures[b] if f.is_point and f.unit in _MONEY]
        if "agree" not in said:
            yield differs(check, analysis, first, cell, table, labels.core(first.label), unit,
                          truncated=said[0] == "truncated")


_INTRODUCES = lazy(r"明细(?:如下|见下表|详见下表|如下表所示)[。：:]?\s*$")
_PLAN_HEAD = lazy(r"预算|计划")
_SUMMED_UP = lazy(r"共计|合计|总计|总额|累计")  # (…，全年执行数共计 T: the whole's, not the row's)
_WHOLE = lazy(r"(?:全年|本年度?|年度|累计|合计|共计|总)?(?:支出|收入|资金|经费|金额|总额)(?:合计|总额|共计)?"
               r"(?:为|是|达)?$")
_TOTAL_ROW = lazy(r"合计|总计")
_MONEY = ("元", "万元", "亿元")


def _rates(analysis, check: Check):
    """A row's rate restated in prose (项目支出执行率为91.39% for the row 二、项目支出 of a table with an
    执行率 column): the label is the row's name and the rate word (执行率, 完成率, 到位率) and filler only,
    the row named once among the tables with one column headed with that word; the two must agree as stated
    (the same decimals equal, else their rounding intervals meet)."""
    for block, fig in analysis.in_prose():
        if fig.unit != "%" or not fig.is_point:
            continue
        label = labels.core(fig.label)
        said = _RATE_SAID.search(label)
        if said is None:
            continue
        name = label[: said.start()].rstrip("的")
        rated = analysis.memo(_rated_rows, check.options.shortest, check.options.totals, said.group(1))
        hits = [n for n in rated if n in name and _only_measures(check, name.replace(n, "", 1))]
        if len(hits) != 1:
            continue
        table, row, col = rated[hits[0]]
        opened = labels.sentence_start(block.text, fig.start)
        if other_period(block.text, fig, analysis.year(), table.title) \
                or _DATED.search(block.text, opened, fig.start) \
                or any(w in label and w not in table.header[col] for w in ("年初", "调整", "全年")):
            continue  # (截至6月底…执行率; 年初预算执行率 against a 执行率 of the full year's budget)
        cell = table.rows[row][col]
        value = number(cell.text)
        if value is None:
            continue
        mine, theirs = stated(fig.value, fig.decimals), stated(value.value, value.decimals)
        same = value.value == fig.value if value.decimals == fig.decimals else mine.meets(theirs)
        if not same:
            yield differs(check, analysis, fig, cell, table, hits[0], unit="" if value.percent else "%")


def _rated_rows(analysis, shortest: int, totals: Words, word: str) -> dict:
    """Row label → (table, row, column) for the rows of the tables with one column headed ``word`` (执行率),
    each label naming one row among them."""
    found, seen = {}, Counter()
    for table in analysis.tables:
        cols = [j for j, h in enumerate(table.header) if word in h]
        if table.shape != "tabs" or len(cols) != 1:
            continue
        for i, (_, name, _) in enumerate(classified(table, None)):
            name = re.sub(r"[（(][类款项][）)]|\s+|^\d{1,2}[.．、](?!\d)", "", name)  # (2.信息化…经费)
            if len(name) >= shortest and name not in totals:
                seen[name] += 1
                found[name] = (table, i, cols[0])
    return {name: place for name, place in found.items() if seen[name] == 1}


_DATED = lazy(r"截至|截止|\d{1,2}\s*月|上半年|季度")
_RATE_SAID = lazy(r"(执行率|完成率|到位率)(?:为|是|达到?|达)?$")


def _own_panel(table: Table, row, name: str, column: int) -> bool:
    """Whether the amount in ``column`` is of the row's label ``name``: no other panel's label column stands
    between them (二、政府性基金预算拨款收入 | (blank) | 二、卫生健康支出 | 22,179,400.00: the 支出 side's; a
    资金来源 or 计量单位 column between is the row's own)."""
    at = next((j for j, c in enumerate(row) if name in re.sub(r"\s+", "", c.text)), None)
    if at is None or at > column:
        return at is None
    return not any(_LABELS.search(table.header[j]) and row[j].text.strip() and number(row[j].text) is None
                   for j in range(at + 1, column))


_LABELS = lazy(r"项目|科目|名称")  # a column of row labels (a second panel's)


def _only_measures(check: Check, rest: str) -> bool:
    """Whether what the label says besides the row's name is only measures and filler (年初预算数为)."""
    return not labels.without(rest, (*check.options.measures, *check.options.filler))


def _index(analysis, shortest: int, totals: Words) -> dict:
    """Row label → (table, row) for the labels that name one row among all the tables."""
    found, seen = {}, Counter()
    names = []
    for table in analysis.tables:
        if table.shape != "tabs" or not any(_unit(table, j) for j in range(len(table.header))):
            continue
        names += [(table, i, re.sub(r"[（(][类款项][）)]|\s+", "", _own_name(table, i, name)))
                  for i, (_, name, _) in enumerate(classified(table, None))]
    plain = {name for _t, _i, name in names}
    for table, i, name in names:
        bare = _NUMBER.sub("", name)  # 2.信息化系统运维经费: named without its number, unless another
        name = bare if bare not in plain else name  # row is (人员经费 beside 1.人员经费 of another table)
        if len(name) < shortest or name in totals:
            continue
        seen[name] += 1
        found[name] = (table, i)
    return {name: place for name, place in found.items() if seen[name] == 1}


_NUMBER = lazy(r"^\d{1,2}[.．、](?!\d)")


def _own_name(table: Table, row: int, name: str) -> str:
    """A row's name: its first text cell, or the one after it when that cell is the group named by the
    header over both (年度预算安排（万元） merged down beside 年度资金总额, 其中：当年财政拨款 …)."""
    cells = [c.text.strip() for c in table.rows[row]]
    if name != table.header[0].strip() or len(cells) < 2 or cells[0] != name \
            or table.header[1].strip() not in ("", name):
        return name
    return cells[1] if cells[1] and number(cells[1]) is None else name


def _amounts(table: Table) -> list[int]:
    out = []
    for j in range(len(table.header)):
        values = [number(r[j].text) for r in table.rows if r[j].text]
        numeric = [v for v in values if v is not None and not v.percent]
        if numeric and len(numeric) * 2 > len(values) and _unit(table, j) \
                and not _RATE_HEAD.search(table.header[j]):
            out.append(j)
    return out


_SPENT = lazy(r"支出(?:数|金额)?(?:为|是|共)?$")
_SPENT_HEAD = lazy(r"决算|执行|实际|支出")
_RATE_HEAD = lazy(r"%|％|率|比重|比例|百分点|进度")  # rates, their cells printed without % (完成预算%)


def _column(check: Check, table: Table, row: int, label: str, rest: str = "") -> int | None:
    columns = [j for j in _amounts(table) if number(table.rows[row][j].text) is not None]
    amounts = [c for j, c in enumerate(table.rows[row]) if (v := number(c.text)) is not None
               and not v.percent and not code_column(table, j) and not _RATE_HEAD.search(table.header[j])]
    if len(columns) == 1 and len(_amounts(table)) == 1 and len(amounts) == 1:  # (预算金额 | 到位金额 in
        # its row, one column's other cells words: a table run into the next, which amount is not said)
        said = [w for w in check.options.measures if w in label]
        head = table.header[columns[0]]
        if said and not any(w in head for w in said) and check.options.measures.within(head):
            return None  # 年初预算为 is not the 决算数 column's
        return columns[0]
    if not check.options.measures.within(label) and _SPENT.search(rest):  # 机关运行经费支出 X beside
        # 年初预算数 | 决算数: the outturn's column (not 项目支出 X: the row's own name, no measure)
        spent = [j for j in columns if _SPENT_HEAD.search(table.header[j])]
        if any(labels.YEAR.search(table.header[j]) for j in columns):
            return None  # (2025年预算数 | 2024年执行数: which year's, the header says, not the 支出)
        return spent[0] if len(spent) == 1 else None
    longest = {j: max((len(w) for w in check.options.measures if w in label and w in table.header[j]),
                      default=0) for j in columns}
    best = max(longest.values(), default=0)
    named = [j for j in columns if best and longest[j] == best]
    return named[0] if len(named) == 1 else None  # (全年预算 of 年初预算数 | 全年预算数: the second)


def _unit(table: Table, column: int) -> str:
    m = _UNIT.search(table.header[column])
    return m.group(1) if m else table.unit
