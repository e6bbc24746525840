"""footing: in a table, each total equals the sum of what it totals.

Four shapes, all read from the recovered tables (:mod:`crossfoot.tables.recovery`):

* **column footing** — a row whose label holds a total word (option ``totals``: 合计, 总计, 小计, 总分)
  equals, in each amount column, the sum of the rows it closes: those since the previous total row (or, for a
  table's only total printed first, above the rows it sums, those after it, up to a row naming another block
  in a first column that names blocks: 年度预算资金 over 资金总额, then 预算执行率; or, for totals of the
  two sides of an account each printed first, 收入合计 then 支出合计, those up to the next); if that
  stretch holds 小计 rows, the 合计 sums those (and any row under none of them). A 小计 printed above the
  rows it sums sums them up to a row naming another group in a column left of its own than its group's
  name there, on the 小计 row or a merged cell's on its first row (| 效益指标 | 社会效益指标 | 小计 |, its
  rows, then | 满意度指标 | … |: a row under no 小计, the 总分's own part; not in a column naming each row, a
  sub-group's, nor at a serial number; where the 小计 row names no group, only when its rows before add up
  to it), or, in a score sheet with no such column, up to a last stretch its figures leave out (its rows
  before adding up to it in its exact 分值, the whole stretch not; an amount's 小计 leaving its last rows out
  is the slip it is). In a sheet whose first
  column names its groups over merged rows (产出指标 over its rows, then | 小计 under a blank), a 小计 sums
  from its group's named row, not a group of one row before it (预算执行率, under no 小计, is the 合计's own
  part), when the figures bear it out: its group adds up to it in a column where the whole stretch does not,
  and in none the other way. A last 小计 written in a column left of every other 小计's (| 小计 | | | 100 |
  under 一级指标, the others under 二级指标) is the sheet's total, a 合计 by another name. Outline numbering
  sets the level: when rows are numbered 一、二、
  the total sums those rows only, and each such row in turn
  equals the sum of the rows numbered one level down under it (*hierarchical subtotals*; the levels 一、
  （一） 1. （1） ①, or names ending （类） （款） （项）, or, in text exports, the label's indentation).
  Budget classification codes set the levels the same way (类 201 sums its 款 20101, which sums its 项
  2010101; or 201 | 01 | 01 in 类 款 项 columns), and code columns are never summed. A 总计 right after a
  合计 sums that 合计 and the rows carried over between them (本年收入合计 + 年初结转和结余). Codes are read
  also printed in the name cell (201 一般公共服务支出, [2010301]行政运行, 行政运行（2010301）) and in 类 款 项
  columns that hold only each row's own part (201 | | ; | 03 | ; | 03 | 01). Unnumbered rows over numbered
  ones (公务用车购置及运行维护费, then 1.购置费 2.运行维护费) are the level above them. A total word opening
  a label counts only when it does not run on into another word (总分馆体系建设 is a project). Rows starting
  with an ``exclude`` word (其中) are breakdowns, never summed, and so are the unmarked rows after one that,
  with it, add up to the row above (其中：公务用车购置费 | 公务用车运行费), footed against that row. A bonus
  row (加分项, 加减分) may stand outside a score sheet's 分值 total of 100: it holds with or without.
* **group totals** — a column headed by a total word that is filled only on the first row of each group
  (a score table's 合计 beside its 得分 column): each value equals the sum of the column to its left over
  the group's rows, when both stand under the same names of a header over several lines. A group runs
  until the next row that names a new group in the first column.
* **indicator levels** — a sheet laid out across (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分,
  :mod:`crossfoot.tables.levels`): each group's 分值 (or 得分) equals the sum of its groups' one level down,
  and a value repeated over its group's rows (a text export of a merged cell) counts once in the 合计.
* **row crossfooting** — a column headed by a total word and filled on most rows equals the sum of the
  amount columns after it (or before it, when it is the last). Only checked when most complete rows of
  the table agree, so a table whose columns are not parts of the total is left alone. When the header
  spans several lines and the total sits under a merged name (本年支出 over 小计 | 基本支出 | 项目支出;
  the 三公 table's 合计 | 因公出国（境）费 | 公务用车… (小计 | 购置费 | 运行费) | 公务接待费 over 预算数 |
  决算数), the header says which columns are its parts (:mod:`crossfoot.tables.header`), and every row is
  judged, however few, a blank part counting as 0.

Columns whose header or cells are rates (option ``skip``: 率, %, 比例, 进度, 序号, ...) are never summed, and
columns and rows ``apart`` (机关运行经费, printed beside or under the 三公 total) or columns headed 其中 (a
breakdown of the column before) are never a total's parts.
Judged as intervals: the parts' rounding intervals added up must meet the total's. A row total and a
column total off by one amount over the one cell they share may point to that cell: when one value of it
mends both, both findings name it and that value, beside their own total's digit fix (two errors of one gap
read the same).

**A column not understood is not judged.** Parts that add up to two, three or four times their total
are the levels of a hierarchy read as one (a group and its items, each summing to it): not judged; nor are
rows numbered from a later item than 一 (十七、…二十五、 over 本年支出合计: a list begun on a page before,
its first part read apart). A
report's typo breaks a total or two; a column whose totals mostly fail (at least three, more than half of
those judged in it, and not all by one amount) has been read wrong (a layout not met before: parts that
are not the total's, shifted cells), not drafted wrong. Its totals are not reported; one ``info`` on the
table says which column was left unjudged and why.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from ...figures import numbers, precision
from ...figures.labels import FUNDS
from ...interval import Interval
from ...lang import say
from ...model import Severity, Table
from ...regex import lazy
from ...tables import NOTHING, cell_figure, code, code_column, empty, header, last_line, levels, number
from ...vocabulary import Words
from ..base import JUDGED, Check, judge, report
from ..options import options

KIND = "footing"
FIELDS = JUDGED


@options
class Options:
    totals: Words = Words(["合计", "总计", "小计", "总分", "总得分", "总额"])
    exclude: Words = Words(["其中", "含:", "含："])
    skip: Words = Words(["率", "%", "％", "比例", "比重", "占比", "进度", "序号", "编码", "编号", "代码",
                         "年度", "完成预算", "完成年初预算", "完成全年预算", "完成调整预算", "为预算的",
                         "为年初预算的", "为全年预算的", "为上年的", "百分点", "人均", "平均", "单价",
                         "均价", "户均", "亩均", "场均", "次均", "床均",
                         "每户", "每亩", "每人", "每名", "每平方米", "档次", "档位", "补贴标准",
                         "补助标准", "缴费标准", "发放标准", "收费标准"])
    skip_rows: Words = Words(["人均", "平均", "单价", "均价", "户均", "亩均", "场均", "次均", "床均", "每户",
                              "每亩", "每人", "每名", "每平方米"])
    """Rows that hold averages (their label opening with these) or rates (ending with 率, 比例, 比重, 占比,
    进度, 百分点, maybe then （%）: 执行率（%） under 实际下达 | 实际支出, years across): never summed across
    into a 合计 column."""
    measured: Words = Words(["总额"])
    """Total words that also name a measure (资产总额, 负债总额, 利润总额 in a table of indicators): a row
    named by them alone is footed only where its rows add up to it in most columns (always in a table of
    one amount column)."""
    classes: Words = Words()
    """The 类 of the function classification by name (一般公共服务支出 … 其他支出): in a table of names only,
    the rows a 合计 sums."""
    apart: Words = Words(["机关运行经费"])
    """Columns printed beside a row total, and rows printed under a column's total, that are never its
    parts (the 三公 table's 机关运行经费), unless the total names them."""


_SUBCODE = lazy(r"^\d{1,2}$")
_LONGEST_NAME = 40  # characters of a row name; a longer cell is prose
_PROSE = lazy(r"[，。；！？]")
_CLASSED = lazy(r"[（(][类款项][）)]$")  # 社会保障和就业支出（类）…缴费支出（项）: a name, however long
_SPACED = lazy(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff])+(?![\u4e00-\u9fff])")
_CJK = lazy(r"[\u4e00-\u9fff]")
_YEAR = lazy(r"(?:19|20)\d\d")
_OWN_CODE = lazy(r"^\d{1,3}$")
_CODE_HEAD = lazy(r"编码|代码")
_ECONOMIC = lazy(r"^[35]\d{2}$")
_NAMED_CODE = lazy(r"^[\[【(（]?(\d{3}(?:[-.]?\d{2}){0,2})[\]】)）]?\s*[-—:：、]?\s*"
                         r"(?=[\u4e00-\u9fff])")  # 201 一般公共服务支出, [2010301]行政运行, 201-一般…
# 行政运行（2010301）
_TRAILING_CODE = lazy(r"(?<=[\u4e00-\u9fff）)])\s*[（(](\d{3}(?:\d{2}){0,2})[）)]$")


def _subcodes(table: Table, col: int) -> bool:
    """A column of the 款 or 项 parts of codes (01, 06, 2) beside a column of codes."""
    filled = [r[col].text for r in table.rows if r[col].text]
    return bool(filled) and sum(1 for t in filled if _SUBCODE.match(t)) * 2 > len(filled)
_LEVELS = (
    lazy(r"^[一二三四五六七八九十]+[、.．]"),
    lazy(r"^[（(][一二三四五六七八九十]+[）)]"),
    lazy(r"^\d+[、.．](?!\d)"),
    lazy(r"^[（(]\d+[）)]"),
    lazy(r"^[①-⑳]"),
)
_CLASS_LEVELS = {"（类）": 0, "(类)": 0, "（款）": 1, "(款)": 1, "（项）": 2, "(项)": 2}


def run(analysis, check: Check):
    tables = [_before_statistics(t) for t in analysis.tables]
    judged = []
    for k, table in enumerate(tables):
        if not any(h.strip() for h in table.header) or sum(1 for h in table.header if number(h) is not None
                                                           and not _YEAR.fullmatch(h.strip())) >= 2:
            continue  # no header, or figures where it should be (12.50 | 10 | 10): a fragment unheaded
        columns = _amount_columns(check, table)
        if columns and not any(table.header[j].strip() or j and table.header[j - 1].strip()
                               and all(empty(r[j - 1].text) for r in table.rows) for j in columns) \
                and _part_above(tables, k) is None:
            continue  # a header naming none of the amount columns (服务对象满 | 测绘成果满 | | 10 | 10): the
            # first row of a fragment a page break or an unruled layout cut off, its columns unknown (a name
            # over a column of ¥ signs names the amounts beside them: 合计 | ¥ 1,500.00)
        before = _part_above(tables, k)
        whole = _continued(check, tables, k, before)
        if whole is not None:  # its rows and the rows above under the same header, the total below both
            whole, before = whole
        found = [*_columns(analysis, check, whole or table, columns, before),
                 *_groups(analysis, check, table),
                 *_levels(analysis, check, table),
                 *_crossfoot(analysis, check, table, columns)]
        factor = _counted_over_table(check, table, columns)
        if factor:  # a unit's row over its own units' rows, no code or indent to tell them: its sums are k×
            found = [(col, v) for col, v in found if col[0] != "rows" or v.holds or v.bounds is None
                     or not _overlap(v.bounds.computed, v.bounds.stated.scale(factor))]
        found = _crossing(found, check)
        judged.append((table, found, [v for _, v in found if not v.holds and _whole(v)]))
    # amounts kept in fen and shown in whole yuan: totals off by a yuan, up and down, in one table make
    # every such gap in the report rounding
    rounded = any(_shown_rounded(shown) for _, _, shown in judged)
    cut = _cut_off(judged, lambda: _loose_figures(analysis))
    for table, found, shown in judged:
        if rounded and shown:
            found = [(col, v) for col, v in found if not any(v is w for w in shown)]
            yield _rounded_note(analysis, check, table, len(shown))
        short = [v for col, v in found if (table.title, table.header[col[1]]) in cut and _short(col, v)]
        if short:  # a column of its parts printed elsewhere (a wide sheet printed without fit to width)
            found = [(col, v) for col, v in found if not any(v is w for w in short)]
            yield _cut_note(analysis, check, table, len(short))
        by_column = defaultdict(list)
        for col, verdict in found:
            by_column[col].append(verdict)
        for col, verdicts in by_column.items():
            failed = [v for v in verdicts if not v.holds]
            if len(failed) >= 3 and len(failed) * 2 > len(verdicts) and not _one_error(failed):
                yield _not_understood(analysis, check, table, col, len(failed), len(verdicts))
            else:
                yield from verdicts


def _crossing(found: list, check: Check) -> list:
    """The findings of a row total and a column total that fail alike over one cell they share (a 款's
    基本支出 off by 10 in its row's 合计 and in its 类's 基本支出): that cell is the likely typo, not either
    total, so each says so (beside a digit fix of its own total, when one would mend it: two errors of one
    gap read the same), when one value of that cell mends both."""
    failing = [v for _, v in found if not v.holds and v.finding is not None and v.bounds is not None]
    across = [v for key, v in found if key[0] == "across" and v in failing]
    down = [v for key, v in found if key[0] != "across" and v in failing]
    said = {}
    for a in across:
        for d in down:
            shared = {f.span for f in a.related} & {f.span for f in d.related}
            gaps = [v.bounds.stated.mid - v.bounds.computed.mid for v in (a, d)]
            slack = sum((b.stated.hi - b.stated.lo + b.computed.hi - b.computed.lo) / 2
                        for b in (a.bounds, d.bounds))
            if len(shared) != 1 or abs(gaps[0] - gaps[1]) > slack or id(a) in said or id(d) in said:
                continue
            part = next(f for f in a.related if f.span in shared)
            places = max(part.decimals, 0)
            value = (part.value + (gaps[0] + gaps[1]) / 2).quantize(Decimal(1).scaleb(-places))
            shift = value - part.value
            if not all(v.bounds.stated.meets(Interval(v.bounds.computed.lo + shift,
                                                      v.bounds.computed.hi + shift)) for v in (a, d)):
                continue  # (two errors whose gaps only look alike: no one value of the cell mends both)
            hint = say("crossing", check.lang, part=part.text, fixed=f"{value:.{places}f}")
            for v in (a, d):  # (its own digit fix kept beside it: two errors of one gap read the same)
                said[id(v)] = replace(v, finding=replace(v.finding, message=v.finding.message + hint))
    return [(key, said.get(id(v), v)) for key, v in found]


def _before_statistics(table: Table) -> Table:
    """``table`` without the rows from a 统计数 row on (a 三公 table's counts of trips, cars and guests under
    its amounts, numbered 1. 2. 3. again): they are no parts of the totals above."""
    for i, row in enumerate(table.rows):
        filled = [c.text.strip() for c in row if c.text.strip() and not empty(c.text)]
        if len(filled) == 1 and _STATISTICS.fullmatch(filled[0].replace(" ", "")):
            return replace(table, rows=table.rows[:i], breaks=tuple(b for b in table.breaks if b < i),
                           unplaced=tuple(u for u in table.unplaced if u < i))
    return table


_STATISTICS = lazy(r"(?:其他)?统计(?:数|数据|信息)")


def _one_error(failed) -> bool:
    """Whether the failing totals are all off by one amount (within their rounding): one wrong figure
    carried up through its subtotal and total, not a column read wrong."""
    gaps = [abs(v.bounds.stated.mid - v.bounds.computed.mid) for v in failed if v.bounds]
    slack = sum((v.bounds.stated.hi - v.bounds.stated.lo + v.bounds.computed.hi - v.bounds.computed.lo
                 for v in failed if v.bounds), start=0)
    return len(gaps) == len(failed) and max(gaps) - min(gaps) <= slack


def _short(col, verdict) -> bool:
    """Whether a row total fails short of its parts' sum (the total more than them): a part missing."""
    return col[0] == "across" and not verdict.holds and verdict.bounds is not None \
        and verdict.bounds.stated.lo > verdict.bounds.computed.hi


def _cut_off(judged, loose) -> set[tuple[str, str]]:
    """The (caption, column) whose row totals exceed their parts in three rows or more, by different
    amounts, and never fall below them, over the tables of one caption, the gaps being amounts the report
    prints loose outside its tables (``loose()``, read only then) in three rows or more: a part's column
    printed elsewhere (Excel printing a wide table's last columns on pages of their own); not wrong totals."""
    failing = defaultdict(list)
    for table, found, _ in judged:
        for col, v in found:
            if col[0] == "across" and not v.holds and v.bounds is not None:
                failing[table.title, table.header[col[1]]].append((col, v))
    shaped = {key: pairs for key, pairs in failing.items()
              if len(pairs) >= 3 and all(_short(col, v) for col, v in pairs)
              and not _one_error([v for _, v in pairs])}
    printed = loose() if shaped else set()  # (the report's loose amounts, read only when asked)
    return {key for key, pairs in shaped.items()
            if sum(1 for _, v in pairs if v.bounds.stated.mid - v.bounds.computed.mid in printed) >= 3}


def _loose_figures(analysis) -> set[Decimal]:
    """The amounts printed outside any table with next to nothing else (in lines that are mostly amounts:
    780428.00, or 109723.00其他收入380680.00 as lines run together): a wide sheet's last columns printed on
    pages of their own, the parts that row totals exceeding the rest miss."""
    loose = set()
    for block in analysis.doc.blocks:
        if block.kind != "row" and len(block.text) <= _LOOSE_LONGEST:
            text = block.text.replace(" ", "")
            amounts = _LOOSE_AMOUNT.findall(text)
            if amounts and sum(map(len, amounts)) * 10 >= 6 * len(text):
                loose.update(Decimal(a.replace(",", "")) for a in amounts)
    return loose


_LOOSE_AMOUNT = lazy(r"\d[\d,]*\.\d{2}")
_LOOSE_LONGEST = 400  # characters of a line of loose figures (run together over a page or two); longer: prose


def _cut_note(analysis, check, table: Table, failed: int):
    """One note that a table's row totals were left unjudged: they exceed their parts, a column missing."""
    return _note(analysis, check, table, f"{failed} of its row totals exceed their parts by different "
                 "amounts and none falls short, so a column of its parts was likely printed elsewhere (a "
                 "wide sheet printed without fitting its width) or left out; they are not judged")


def _note(analysis, check, table: Table, message: str):
    """An info on a table (its caption, or "this table", opening ``message``): totals left unjudged."""
    what = table.title or "this table"
    found = report(check, analysis, table.span, what)
    return replace(found, severity=Severity.INFO, stated="", figures=(), message=f"{what}: {message}")


def _whole(verdict) -> bool:
    """Whether a sum's figures are all whole amounts (no decimals shown), and it fails by no more than
    rounding each of them to the whole would explain."""
    figs = [verdict.stated, *verdict.related]
    if verdict.bounds is None or any(f is None or f.decimals != 0 for f in figs):
        return False
    gap = abs(verdict.bounds.stated.mid - verdict.bounds.computed.mid)
    return 0 < gap < Decimal(len(figs)) / 2  # (each rounded by less than a half: 3 parts, a gap under 2)


def _shown_rounded(failed) -> bool:
    """Whether a table's failing sums of whole amounts are display rounding (a sheet keeping fen and
    showing whole yuan, 16,496,073 over 10,076,436 + 6,419,638), not a wrong figure: three or more, off
    both ways (one wrong item carried up through its 款, 类 and 合计 is off one way), or more than one
    wrong item's chain would make, and no one cell in all of them (a 款's cell off is off against its row
    and its items one way, against its 类 the other). Then every such gap in the report is rounding, noted
    once a table."""
    gaps = [v.bounds.stated.mid - v.bounds.computed.mid for v in failed]
    cells = [{(f.span.line, f.span.column) for f in (v.stated, *v.related)} for v in failed]
    if not gaps or set.intersection(*cells):
        return False  # one cell in every failing sum (a 款's 合计 off: over its row, under its 类): a typo
    return len(gaps) >= 3 and (any(g > 0 for g in gaps) and any(g < 0 for g in gaps) or len(gaps) > 6)


def _rounded_note(analysis, check, table: Table, failed: int):
    """One note that a table's whole-yuan totals were left unjudged: the report's are off by rounding."""
    return _note(analysis, check, table, f"{failed} of its totals differ from their parts by what "
                 "rounding whole amounts explains, and the report's do so up and down, so its amounts were "
                 "likely kept in fen and shown in whole yuan; they are not judged")


_SHAPES = {"rows": "column", "groups": "group totals in column", "levels": "indicator levels in column",
           "across": "row totals in column"}


def _not_understood(analysis, check, table: Table, key, failed: int, judged: int):
    """One note that a column's totals were left unjudged: most of them fail, so it was read wrong."""
    shape, col = key
    name = table.header[col].strip() if col < len(table.header) else ""
    where = f"{_SHAPES[shape]} {name or col + 1}"
    return _note(analysis, check, table, f"{failed} of the {judged} totals of its {where} do not add up, so "
                 "its layout was not understood; they are not judged")


def _is_total(check: Check, label: str) -> bool:
    """Whether a row label names a total: a total word, unless it opens the label and runs on into another
    word (总分馆体系建设 is a project, not a 总分; 合计金额 is a total); a word in a cell of its own is one
    whatever the row's other cells say (总分 | 100 | 99.41 | 自评等级：优)."""
    if any(cell in check.options.totals for cell in label.split()):
        return True
    plain = label.replace(" ", "").replace("\u3000", "")
    for word in check.options.totals:
        at = plain.find(word)
        while at != -1:
            after = plain[at + len(word) : at + len(word) + 1]
            if at or not after or not _CJK.match(after) or after in "数为金额值":
                return True
            at = plain.find(word, at + 1)
    return False


_YEAR_HEAD = lazy(r"(?:19|20)\d\d\s*年度(?:预算数?|决算数?|执行数|金额|合计|支出|收入)?"
                        r"(?:[（(][^（()）]{1,8}[）)])?")  # 2022年度, 2024年度预算数, 2023年度（万元）


# (增减幅度(%), 比上年增减%; not 基本预备费（5%）)
_RATE_ROW = lazy(r"(?:率|比例|比重|占比|进度|百分点)\s*(?:[（(]\s*[%％]\s*[）)])?\s*$|^[%％]$"
                 r"|(?<![\d.])[（(]?\s*[%％]\s*[）)]?\s*$")


def _measured(check: Check, label: str) -> bool:
    """Whether a total row is named only by a word that also names a measure (资产总额), no 合计 or 总计."""
    return check.options.measured.within(label) and not any(
        w in label for w in check.options.totals if not check.options.measured.within(w))


def _amount_columns(check: Check, table: Table) -> list[int]:
    out = []
    funds = any("执行" in h for h in table.header) and any("预算" in h for h in table.header)
    for j, name in enumerate(table.header):
        if any(w in (name if not _YEAR_HEAD.fullmatch(name.strip()) else "") for w in check.options.skip):
            continue  # (a column of 年度 holds years; 2022年度 over amounts is a year's amounts)
        if funds and any(w in name for w in ("分值", "得分", "权重")):
            continue  # a 自评表's funds part: each row's execution scored on its own, no part of a total's
        values = [number(r[j].text) for r in table.rows if not empty(r[j].text)]
        numeric = [v for v in values if v is not None]
        if code_column(table, j) or j and code_column(table, j - 1) and _subcodes(table, j):
            continue  # budget classification codes (201, 20101; 类 款 项 columns), not amounts
        if any(v.percent for v in numeric) or len(numeric) * 2 <= len(values):
            continue
        if len(numeric) >= 2 or len(values) == 1 and numeric and any(
                number(r[j].text) and _is_total(check, _labels(table)[i]) for i, r in enumerate(table.rows)):
            out.append(j)  # a column empty but for its total (上级补助收入 100.00 in the 合计 row alone)
    return out


def _level(check: Check, label: str) -> int | None:
    """0, 1, 2, 3, 4 for 一、 / （一） / 1. / （1） / ① rows (each style its own level, in that order);
    0, 1, 2 for names ending （类） / （款） / （项）; -1 for 其中 rows, but for one numbered after its 其中
    (其中:(1)…, the first of a list: its marker's level); None when unnumbered."""
    text = label.strip()
    if any(text.startswith(w) for w in check.options.exclude):
        rest = text.removeprefix("其中").lstrip("：:， ")
        marked = next((depth for depth, pattern in enumerate(_LEVELS) if pattern.match(rest)), None)
        return marked if rest != text and marked is not None else -1  # 其中:(1)…: the first of (1) (2)
    for depth, pattern in enumerate(_LEVELS):
        if pattern.match(text):
            return depth
    for suffix, depth in _CLASS_LEVELS.items():
        if text.endswith(suffix):
            return depth
    return None


def _serial_levels(table: Table) -> dict[int, int | None] | None:
    """The levels a first column headed 序号 sets (一 | 1 | （1） in a column of their own, the markers
    without their 、 or .), when it numbers in two styles or more; None otherwise."""
    if not table.header or table.header[0].strip() not in ("序号", "编号"):
        return None
    out: dict[int, int | None] = {}
    for i, row in enumerate(table.rows):
        mark = row[0].text.strip() if row else ""
        depth = next((d for d, p in enumerate(_SERIAL) if p.fullmatch(mark)), None)
        if mark and depth is None:
            return None
        out[i] = depth
    return out if len({d for d in out.values() if d is not None}) >= 2 else None


_SERIAL = tuple(lazy(p) for p in (r"[一二三四五六七八九十]+[、.．]?",
                                         r"[（(][一二三四五六七八九十]+[）)]",
                                         r"\d+[、.．]?", r"[（(]\d+[）)]", "[①-⑳]"))


def _indent_levels(table: Table, panel: int | None = None) -> dict[int, int] | None:
    """Levels from indentation (the label cell's leading blanks, in text exports; the cell in column
    ``panel`` for one side of a table of two): the rank of each row's indent among the distinct ones, when
    there are two or more and the least indented rows come first."""
    indents = {}
    for i, row in enumerate(table.rows):
        if panel is not None:
            cell = row[panel] if row[panel].text else None
        else:
            cell = next((c for c in row if c.text and number(c.text) is None), None)
        if cell is not None:
            indents[i] = cell.indent
    distinct = sorted(set(indents.values()))
    if len(distinct) < 2 or not indents or indents[min(indents)] != distinct[0]:
        return None
    return {i: distinct.index(v) for i, v in indents.items()}


def _panels(table: Table, columns: list[int]) -> list[tuple[int, list[int]]] | None:
    """The sides of a table of two (收入 | 决算数 | 支出 | 决算数), each its label column and the amount
    columns after it, when the sides are indented differently (返还性收入 indented under 上级补助收入 on
    one side only) or a side has rows opened by 其中 (its breakdown is its own); None otherwise."""
    def named(k: int) -> bool:  # (a side may run longer than the other: the short one's blank rows apart)
        filled = [row[k].text for row in table.rows if k < len(row) and row[k].text.strip()]
        return len(filled) >= 2 and sum(1 for t in filled if number(t) is None) * 2 >= len(filled) \
            and len(filled) * 3 >= len(table.rows)

    names = [k for k in range(len(table.header)) if k not in columns and named(k)]
    sides = [(k, [j for j in columns if k < j and not any(k < m < j for m in names)]) for k in names]
    sides = [(k, own) for k, own in sides if own]
    if len(sides) < 2:
        return None
    opened = any(k < len(row) and row[k].text.strip().startswith("其中")
                 for row in table.rows for k, _ in sides)
    if len({str(_indent_levels(table, k)) for k, _ in sides}) < 2 and not opened:
        return None
    return sides


def _own_name(table: Table, labels: list[str], i: int) -> str:
    """A row's own name for its outline level: in a row naming its groups too (决策 | 项目立项 |
    1.立项依据充分性), the last of its names, numbered as its siblings are (2.立项程序规范性 under blank
    group cells); else its label."""
    names = []
    for c in table.rows[i]:  # the names left of its figures (not a 扣分原因 written 1.…；2.…)
        if number(c.text) is not None:
            break
        if c.text.strip():
            names.append(c.text.strip())
    if len(names) >= 2 and _LEVELS[2].match(names[-1]):
        return names[-1]
    if len(names) >= 2 and not any(p.match(names[-1]) for p in _LEVELS) and _merged_groups(table):
        return names[-1]  # 一、履职效能 | 部门整体绩效目标完成情况 | 30: the group's first item, not its head
    return labels[i]


def _merged_groups(table: Table) -> bool:
    """Whether the first column names groups over rows whose own names stand in the next (a merged cell
    written once: 一、履职效能 | 部门整体… then | 专项资金… under a blank)."""
    return table.once("merged-groups", lambda: any(
        len(r) > 1 and not r[0].text.strip() and r[1].text.strip() and number(r[1].text) is None
        for r in table.rows))


def _labels(table: Table) -> list[str]:
    """Each row's label (:func:`crossfoot.tables.row_label`) without its cells of prose (a sentence, or a
    message quoting 支出合计, names no row), a name spaced out to fill its cell (收 入 总 计) closed up."""
    def named(i: int) -> str:
        label = " ".join(c.text for c in table.rows[i] if c.text and number(c.text) is None
                         and c.text.strip(NOTHING) and not _PROSE.search(c.text)
                         and (len(c.text) <= _LONGEST_NAME or _CLASSED.search(c.text)))
        return _SPACED.sub(lambda m: re.sub(r"\s+", "", m.group()), label)  # 收 入 总 计, 小 计
    return table.once("footing-labels", lambda: [named(i) for i in range(len(table.rows))])


def _side_labels(table: Table, panel: int) -> list[str]:
    """Each row's label on one side of a table of two (:func:`_panels`): its name in the side's label
    column, closed up as :func:`_labels` closes it."""
    def named(row) -> str:
        text = row[panel].text if panel < len(row) else ""
        return _SPACED.sub(lambda m: re.sub(r"\s+", "", m.group()), text) if number(text) is None else ""
    return [named(row) for row in table.rows]


def _code_row(table: Table, i: int) -> bool:
    """A row of economic classification codes under the column names (| | 301 | 302 | 303): a header line,
    not amounts."""
    cells = [c.text.strip() for c in table.rows[i] if c.text.strip()]
    return len(cells) >= 2 and all(_ECONOMIC.match(c) for c in cells)


def _prefix_levels(table: Table) -> dict[int, int] | None:
    """Levels from codes that nest by prefix (a department 101 over its units 101001, 101002): a row's level
    is how many rows above it have codes that begin its own, two digits shorter at least, with only their
    own rows between (200, 300, 1000, 2000 are bands of a 档次, not 2000 under 200)."""
    codes = {}
    for i, row in enumerate(table.rows):
        first = row[0].text.strip() if row else ""
        if first.isdigit() and 3 <= len(first) <= 12:
            codes[i] = first

    def nests(i: int, c: str, j: int, o: str) -> bool:
        return j < i and len(c) >= len(o) + 2 and c.startswith(o) \
            and all(codes.get(k, o).startswith(o) for k in range(j + 1, i))

    levels = {i: sum(1 for j, o in codes.items() if nests(i, c, j, o)) for i, c in codes.items()}
    return levels if len(levels) >= 3 and len(set(levels.values())) >= 2 else None


def _code_levels(table: Table) -> dict[int, int] | None:
    """Levels from budget classification codes, when rows carry them: 类 201, 款 20101, 项 2010101 in one
    cell, or 201 | 01 | 01 in 类 款 项 columns (the level is how many of them are filled)."""
    found = {}
    own = [k for k in range(min(4, len(table.header))) if table.header[k].strip()[-1:] in ("类", "款", "项")]
    # (序号 | 类 | 款 | 项: a serial number before them)
    if own and table.header[own[0]].strip()[-1:] == "款" and own[0] > 0 \
            and _CODE_HEAD.search(table.header[own[0] - 1]):
        own.insert(0, own[0] - 1)  # 科目编码 | 款 | 项: the 类 under the code's own name
    # 110社会联动工作经费, 12345市民服务热线经费: names opening with digits that nest as no codes do are the
    # names' own digits, no levels (not 201一般公共服务支出 over 20101人大事务 over 2010101行政运行)
    glued = [m.group(1) for m in (_NAMED_CODE.match(r[0].text.strip()) for r in table.rows if r) if m]
    digit_names = not any(b.startswith(a) and len(b) > len(a) for a in glued for b in glued)
    for i, row in enumerate(table.rows):
        filled = [k for k in own if row[k].text.strip()]
        if len(own) >= 2 and filled and all(_OWN_CODE.match(row[k].text.strip()) for k in filled):
            found[i] = own.index(filled[-1])  # 201 | | ; | 03 | ; | 03 | 01 (类 merged): the last one filled
            continue
        for k, cell in enumerate(row[:2]):
            digits = code(cell.text) if code_column(table, k) or not k else None
            if digits:
                split = 0
                while k + 1 + split < len(row) and split < 3 and _SUBCODE.match(row[k + 1 + split].text):
                    split += 1
                found[i] = split if split else (len(digits) - 3) // 2
                break
            named = (_NAMED_CODE.match(cell.text.strip()) or _TRAILING_CODE.search(cell.text.strip())) \
                if k == 0 and not digit_names else None
            if named:  # 201 一般公共服务支出, [2010301]行政运行, 201-03-01 行政运行
                found[i] = (len(re.sub(r"\D", "", named.group(1))) - 3) // 2
                break
    if len(found) >= 2 and len(set(found.values())) >= 2:
        return found
    return _prefix_levels(table)


def _part_above(tables, k: int) -> Table | None:
    """The table just above table ``k`` in the same form (each within two lines of the next): the nearest
    with a 分值 or 得分 column (the funds part over a 年度总体目标 table and the indicators), else the one
    right above, or None."""
    above, line = [], tables[k].span.line
    for other in reversed(tables[max(0, k - 3):k]):
        if not 0 < line - last_line(other) <= 2:
            break
        above.append(other)
        line = other.span.line
    scored = [t for t in above if any(w in h for h in t.header for w in ("分值", "得分"))]
    return (scored or above or [None])[0]


def _continued(check: Check, tables, k: int, before: Table | None):
    """``(whole, part above it)`` when table ``k`` goes on from the table right above under its header
    printed again (a score sheet split in two Word tables, 表2-1 产出指标 then 表2-2 效益指标, the 总分 in the
    second) and its totals close both: the one above holds no total of its own, this one does. ``whole``
    is the two as one; its part above, the table above the first (a form's funds part). None otherwise."""
    table = tables[k]
    if before is None or k == 0 or tables[k - 1] is not before or not _same_header(before, table) \
            or any(_is_total(check, label) for label in _labels(before)) \
            or not any(_is_total(check, label) for label in _labels(table)) \
            or not _short_of_points(check, before, table):
        return None
    n = len(before.rows)
    whole = replace(table, rows=before.rows + table.rows, span=before.span, memo={},
                    breaks=(*before.breaks, n, *(n + b for b in table.breaks)),
                    unplaced=(*before.unplaced, *(n + u for u in table.unplaced)))
    return whole, _part_above(tables, k - 1)


def _short_of_points(check: Check, before: Table, table: Table) -> bool:
    """Whether a score sheet's total 分值 is more than its own rows' and more than the rows' above, and not
    less than both together: the two are one sheet's parts (not two projects' sheets, each of 100 points;
    not two lists under one header, 项目 | 金额, which have no points to tell)."""
    j = next((j for j, h in enumerate(table.header) if "分值" in h), None)
    labels = _labels(table)
    t = max((i for i, label in enumerate(labels) if _is_total(check, label)), default=None)
    if j is None or t is None:
        return False
    total = cell_figure(table, t, j)
    own = [f for r in range(t) if not _is_total(check, labels[r]) and (f := cell_figure(table, r, j))]
    theirs = [f for r in range(len(before.rows)) if (f := cell_figure(before, r, j))]
    if total is None or not own or not theirs:
        return False
    whole = precision.interval(total)
    return precision.total(own).hi < whole.lo and precision.total(theirs).hi < whole.lo \
        and precision.total(own + theirs).lo <= whole.hi


def _same_header(one: Table, other: Table) -> bool:
    """Whether two tables' headers name the same columns."""
    return len(one.header) == len(other.header) and any(h.strip() for h in one.header) \
        and all(_BLANKS.sub("", a) == _BLANKS.sub("", b) for a, b in zip(one.header, other.header))


def _carried_score(table: Table, before: Table | None, col: int):
    """The score the form's part just above carries into a 总分 (a 项目支出绩效自评表's 预算执行率 row, its
    分值 10 and 得分 9.51 printed over the indicators): the first number of ``before``'s column named as
    ``col`` is, or None."""
    if before is None:
        return None
    name = table.header[col].strip()
    if not any(w in name for w in ("分值", "得分", "权重")):
        return None
    heads = [(-1, before.header), *((i, tuple(c.text for c in row)) for i, row in enumerate(before.rows))]
    for i, names in heads:  # the header, or a row heading the form's part (项目资金 | … | 分值 | 得分)
        k = next((j for j, other in enumerate(names) if other.strip() and other.strip().endswith(name)), None)
        if k is not None:
            return next((f for r in range(i + 1, len(before.rows)) if (f := cell_figure(before, r, k))), None)
    return None


def _columns(analysis, check, table: Table, columns: list[int], before: Table | None = None,
             panel: int | None = None):
    if not columns:
        return
    if panel is None and (sides := _panels(table, columns)):
        for label, own in sides:  # 收入 | 决算数 | 支出 | 决算数, each side indented its own way
            yield from _columns(analysis, check, table, own, before, label)
        return
    labels = _labels(table) if panel is None else _side_labels(table, panel)
    codes = _code_levels(table)
    indents = _indent_levels(table, panel)
    serial = _serial_levels(table)  # 序号 一 | 1 | （1）: the levels the labels do not show
    totals = [i for i, label in enumerate(labels)
              if _is_total(check, label) and not _shifted(table, i, columns)]
    after_any = after_grand = 0  # where the stretch a 小计 closes starts, and the one a 合计 closes
    covered: set[int] = set()  # the rows a 小计 sums
    split = _split_totals(labels, totals)
    groups = _group_heads(table, labels, totals)
    heads = bool(groups) or _heads_first(table, labels, totals, columns)
    sided = not heads and _sides_first(table, labels, totals)
    if not totals:  # no total row (一般公共预算收入 | 其中：税收收入 | 非税收入 | 一般公共预算支出 …): the
        # breakdowns opened by 其中 that add up to the row above them are footed against it
        rows = [i for i in range(len(table.rows)) if not _code_row(table, i)]
        levels = {i: _level(check, labels[i]) for i in rows}
        for row, group in _breakdowns(table, columns, rows, levels):
            if len(group) >= 2:
                for j in columns:
                    yield from _foot(analysis, check, table, row, group, j)
        if not codes and indents and not serial and all(levels[i] is None for i in rows):
            # 一般公共预算支出, then 教育支出 and 卫生健康支出 indented under it: each row over its items,
            # when they add up to it in most columns (an execution table may indent its main items only)
            yield from _subtotals(analysis, check, table, columns, rows, {i: indents.get(i) for i in rows},
                                  agreed=True)
    outer = _outer_subtotal(table, labels, totals)
    for t in totals:
        subtotal = ("小计" in labels[t] or t in groups) and t != outer
        if heads:  # each 小计 heads the rows it sums (a unit's 小计, then its projects); 合计 sums the 小计
            end = next((i for i in totals if i > t), len(table.rows))
            first = next(i for i in totals if "小计" in labels[i] or i in groups)
            heading = [i for i in totals if "小计" in labels[i] or i in groups]
            owned = {i for h in heading for i in _headed(table, h, next((k for k in totals if k > h),
                                                                      len(table.rows)), columns)}
            last = t if t > first else len(table.rows)
            parts = _headed(table, t, end, columns) if subtotal \
                else [*(i for i in range(t + 1, first) if not _code_row(table, i)),
                      *(i for i in totals if "小计" in labels[i]),
                      *(i for i in range(first + 1, last) if i not in owned and i not in totals
                        and not _code_row(table, i))]
            # rows under no 小计: before the first, and after a 小计's group where a row names another
            # group (满意度指标's own row after 效益指标's 小计 and its rows)
            grand = not subtotal and ("总分" in labels[t] or "合计" in labels[t] and before is not None)
            extras = {j: _carried_score(table, before, j) for j in columns} if grand else {}
            carry = any(_needs(cell_figure(table, t, j), _part_figures(table, parts, j), extra)
                        for j, extra in extras.items() if extra is not None and "分值" in table.header[j])
            for j in columns:  # (总分 100 over indicators of 90: the form's funds part above, 10, carried)
                yield from _foot(analysis, check, table, t, parts, j, extras.get(j), carry)
            continue
        stretch = [i for i in range(after_any if subtotal else after_grand, t) if not _code_row(table, i)]
        if subtotal and stretch:
            stretch = _own_group(table, t, stretch, columns)
            covered.update(stretch)
        below = 0
        if sided:  # 收入合计, its rows, then 支出合计 and its rows: each heads the rows up to the next
            below = next((i for i in totals if i > t), len(table.rows))
            stretch = [i for i in range(t + 1, below) if not _code_row(table, i)
                       and not (_CARRY.search(labels[i]) and "本年" in labels[t])]
        elif not stretch and totals == [t] and not any(number(c.text) for i, r in enumerate(table.rows[:t])
                                                     if not _code_row(table, i) for c in r):
            below = _block_end(check, table, t)
            own = _level(check, labels[t])  # 一、“三公”经费合计 over （一）（二）, then 二、会议费: its own
            below = next((i for i in range(t + 1, below) if own is not None and own >= 0
                          and (lv := _level(check, labels[i])) is not None and 0 <= lv <= own), below)
            stretch = list(range(t + 1, below))  # the one total, printed above the rows it sums (支出决算表)
            sections = [i for i in stretch if _SECTION.match(labels[i].replace(" ", ""))
                        and not any(number(c.text) for c in table.rows[i])]
            if len(sections) >= 2 and sections[0] == stretch[0]:
                # 按收入性质分： … 按支出性质分： …: the total broken down twice, each section adding up to it
                after_any = after_grand = below
                for a, b in zip(sections, [*sections[1:], below]):
                    for j in columns:
                        yield from _foot(analysis, check, table, t, list(range(a + 1, b)), j)
                continue
        if below and stretch and _level(check, labels[stretch[0]]) == -1:
            # 其中 opens the rows under a total over them: some parts only, unless they add up to it
            # (其中：当年财政拨款 | 上年结转资金 | 其他资金 under a 年度资金总额; 收入合计 |
            # 其中：财政拨款收入 | 其他收入, then 支出合计 | 其中：基本支出 | 项目支出); then they are
            # footed against it
            after_any = after_grand = below
            levels = {i: -1 if i == stretch[0] else None for i in stretch} | {t: None}
            for row, group in _breakdowns(table, columns, [t, *stretch], levels):
                for j in columns:
                    yield from _foot(analysis, check, table, row, group, j)
            continue
        sub = [i for i in stretch if _is_total(check, labels[i])]
        carried = [p for p in totals if p < t and "总计" not in labels[p]]
        if "总计" in labels[t] and not sub and carried and after_grand == carried[-1] + 1:
            carried = carried[-1:]  # 总计 = 本年合计 + what is carried over below it (结转, 结余)
        else:
            carried = []
        if sub and not subtotal:
            parts = sub + [i for i in stretch if i not in sub and i not in covered
                           and _level(check, labels[i]) != -1]
            # rows under no 小计: after the last (a bonus row 加减分 before the 总分), or a group of its
            # own before one (预算执行率, then 产出指标's rows and their 小计)
        else:
            stretch = [i for i in stretch if i not in sub]
            levels = {i: codes.get(i) if codes else serial[i] if serial
                      else _level(check, _own_name(table, labels, i))
                      for i in stretch}
            if not codes and indents and all(levels[i] is None for i in stretch):
                levels = {i: indents.get(i) for i in stretch}
            elif not codes and not serial and (tops := _named_classes(check, table, labels, levels, indents,
                                                                     stretch, t, columns)):
                levels = {i: 0 if i in tops else None for i in stretch}  # names only: the 类 by name
            elif not codes and not serial:
                levels = _indented_items(levels, indents, stretch, labels)
            broken = _breakdowns(table, columns, stretch, levels)
            if _indicators(table):  # a 其中：row of an indicator sheet, no breakdown: an indicator
                grouped = {r for _, group in broken for r in group}
                levels = {i: None if lv == -1 and i not in grouped else lv for i, lv in levels.items()}
            for row, group in broken:
                for j in columns:
                    yield from _foot(analysis, check, table, row, group, j)
            ranked = [lv for lv in levels.values() if lv is not None and lv >= 0]
            if ranked and stretch and levels[stretch[0]] is None:
                # unnumbered rows over numbered ones (公务用车购置及运行维护费, then 1.购置费 2.运行维护费):
                # the unnumbered rows are the level above
                levels = {i: min(ranked) - 0.5 if lv is None else lv for i, lv in levels.items()}
                ranked = [lv for lv in levels.values() if lv is not None and lv >= 0]
            top = min(ranked) if ranked else None
            parts = [i for i in stretch if levels[i] == top or (top is None and levels[i] is None)]
            if top is not None:
                parts = _opened(table, parts, stretch, levels, columns)
                yield from _subtotals(analysis, check, table, columns, stretch, levels)
        after_any = max(t + 1, below)
        if not subtotal:
            after_grand = max(t + 1, below)
        if t in split:
            continue  # its rows' own levels are judged above; the split total itself is not
        if _measured(check, labels[t]) and len(columns) > 1 \
                and not _mostly_adds_up(table, t, [*carried, *parts], columns):
            continue  # 利润总额 under 所有者权益 | 营业收入: a measure of its own, no total of the rows above
        extras = {j: _carried_score(table, before, j) for j in columns} \
            if "总分" in labels[t] or "合计" in labels[t] and before is not None else {}
        # (合计 100 of a 自评表 too: its funds part's 分值 10 over the indicators' 90)
        # 总分 100 over indicators of 90: the form's funds part (分值 10) was not read with it, and may
        # explain up to 10 of each column
        missing = _missing_points(table, t, [*carried, *parts], columns) \
            if extras and not any(extras.values()) else None
        # the 分值 column says whether the part above is carried (100 = 90 + 10): then its 得分 is too
        carry = any(_needs(cell_figure(table, t, j), _part_figures(table, [*carried, *parts], j), extra)
                    for j, extra in extras.items() if extra is not None and "分值" in table.header[j])
        for j in columns:
            if missing is None or not _explained(table, t, [*carried, *parts], j, missing):
                yield from _foot(analysis, check, table, t, [*carried, *parts], j, extras.get(j), carry)


def _named_classes(check, table, labels, levels, indents, stretch, total, columns) -> list[int]:
    """In a table of names only (no indent, no level read), the rows naming a 类 (:func:`_classes`) and a
    carry-over beside them (年末结转和结余: no 款 of a 类), when they add up to the total in most columns
    (a 类 named otherwise, rows beside them: [] and the table is read as it was)."""
    if indents or any(levels[i] is not None for i in stretch):
        return []
    named = _classes(check, table, labels, stretch)
    tops = sorted(named | {i for i in stretch if _CARRY.search(labels[i])}) if named else []
    return tops if tops and _mostly_adds_up(table, total, tops, columns) else []


def _classes(check: Check, table: Table, labels: list[str], stretch: list[int]) -> set[int]:
    """In a table of names only (no code column, number or indent to give levels), the rows naming a 类 of
    the function classification (option ``classes``: 一般公共服务支出 … 其他支出), when two or more do (and
    they add up to the 合计 in most columns): the 合计 is theirs; the rows under each, 款 and 项 alike, are
    left unjudged. A 类's name again (其他支出 under 其他支出, its 款) is no other 类."""
    if any(code_column(table, k) for k in range(len(table.header))):
        return set()  # (codes whose levels were not read: names garbled, a 类 not named as the list has it)
    named, seen = set(), set()
    for i in stretch:
        name = _BLANKS.sub("", labels[i])
        if name in check.options.classes and name not in seen:  # (其他支出 again: its 款, never a 类 twice)
            named.add(i)
            seen.add(name)
    return named if len(seen) >= 2 else set()


_BLANKS = lazy(r"\s+")


def _mostly_adds_up(table: Table, parent: int, rows: list[int], columns: list[int]) -> bool:
    """Whether ``rows`` add up to ``parent`` in at least half the columns where both hold numbers, and in
    one at least."""
    return _agree([_adds_up(table, parent, rows, j) for j in columns])


def _agree(sums: list) -> bool:
    """Whether the :func:`_adds_up` of a group's columns say it adds up: in one column at least, and in
    at least half of those where both hold numbers."""
    judged = [x for x in sums if x not in ("empty", None)]
    return judged.count(True) >= 1 and 2 * judged.count(True) >= len(judged)


def _indented_items(levels: dict, indents: dict | None, stretch: list[int], labels: list[str]) -> dict:
    """``levels`` with unnumbered rows indented under a numbered one (一、税收收入, then 增值税 and 企业所得税
    indented under it) put half a level below it, when every unnumbered row stands so; else as they were.
    With no indentation at all (``indents`` None: a Markdown or web table, a PDF's cells read without their
    blanks), every unnumbered row after a numbered one is taken to stand so, a quarter level below
    (:data:`_UNMARKED`): footed only where they add up in most columns and close on a catch-all row (其他税收
    收入), the sign of a list meant to be whole (:func:`_subtotals`); a numbered row's main items alone, or
    its items but one left out (a new item, none the year before), say nothing."""
    out, above = dict(levels), None
    for i in stretch:
        if levels[i] is not None and levels[i] >= 0:
            above = i
        elif levels[i] is None:
            if indents is None and not labels[i].strip():
                continue  # (| 29 |: a cell of the row above set on a line of its own, no item)
            if above is None or indents is not None and (
                    indents.get(i) is None or indents.get(above) is None or indents[i] <= indents[above]):
                return levels
            out[i] = levels[above] + (0.5 if indents is not None else _UNMARKED)
        else:
            return levels  # (其中 rows: their own breakdowns)
    return out if above is not None and out != levels else levels


_UNMARKED = 0.25  # the level an unnumbered row takes under a numbered one in a table without indentation
_CATCH_ALL = lazy(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)*其他")  # 其他税收收入, 其他支出


def _opened(table: Table, parts: list[int], stretch: list[int], levels: dict,
            columns: list[int]) -> list[int]:
    """``parts`` with each row that holds no figure (a group's name: 项目支出, then its items indented
    under it) replaced by the rows one level down under it."""
    out = []
    for i in parts:
        if any(cell_figure(table, i, j) is not None for j in columns):
            out.append(i)
            continue
        below = stretch[stretch.index(i) + 1:]
        end = next((k for k, r in enumerate(below) if levels[r] is not None and levels[r] <= levels[i]),
                   len(below))
        under = [r for r in below[:end] if levels[r] is not None and levels[r] > levels[i]]
        if under:
            depth = min(levels[r] for r in under)
            out += [r for r in under if levels[r] == depth]
    return out


def _missing_points(table: Table, t: int, rows: list[int], columns: list[int]):
    """How many points row ``t``'s 分值 holds beyond what its rows' 分值 add up to (a 总分 of 100 over
    indicators of 90: the 项目支出绩效自评表's funds part, which carries the other 10, is not in this
    table), at most; None when they add up."""
    j = next((j for j in columns if "分值" in table.header[j]), None)
    total = cell_figure(table, t, j) if j is not None else None
    parts = _part_figures(table, rows, j) if total is not None else []
    if not parts or precision.total(parts).hi >= precision.interval(total).lo:
        return None
    return precision.interval(total).hi - precision.total(parts).lo


def _explained(table: Table, t: int, rows: list[int], col: int, missing) -> bool:
    """Whether what row ``t``'s cell in ``col`` holds beyond its rows' is no more than the ``missing``
    points (a 分值 column always: the part not read holds them)."""
    if "分值" in table.header[col]:
        return True
    total = cell_figure(table, t, col)
    parts = _part_figures(table, rows, col)
    if total is None or not parts:
        return True
    gap_lo = precision.interval(total).lo - precision.total(parts).hi
    gap_hi = precision.interval(total).hi - precision.total(parts).lo
    return gap_hi >= 0 and gap_lo <= missing


def _headed(table: Table, t: int, end: int, columns=()) -> list[int]:
    """The rows a 小计 printed above them sums: those after it up to ``end`` (the next total), but no
    further than a row naming another group in a column left of the one saying 小计 (:func:`_group_ends`).
    A cut where the 小计 row names no group is taken only when the rows before it add up to the 小计. With no
    such column, in a score sheet (a 分值 column), the rows up to the first of a last stretch its figures
    leave out: those before it add up to the 小计 in its 分值 (points are allotted exactly: a wrong 得分 does
    not move the group), and the whole stretch does not (| 效益指标小计 | 20 |, | 群众知晓率 | 20 |, then
    | 满意度 | 10 |: the 总分's own part). An amount's 小计 leaving its last rows out is the slip it is."""
    row = table.rows[t]
    at = next((j for j, c in enumerate(row) if "小计" in c.text), 0)
    named = [c for c in range(at) if _group_name(row[c].text.strip())]  # (局机关 | | 小计: its group named
    # there, the blank column right of it a sub-group's, 一般性项目 … 专项业务费 under it)
    cut = min((_group_ends(table, t, end, c) for c in (named or range(at))), default=end)
    rows = [i for i in range(t + 1, cut) if not _code_row(table, i)]
    if cut < end and not named and not _borne_out(table, t, rows, columns):
        rows = [i for i in range(t + 1, end) if not _code_row(table, i)]  # (科室 | 办公室 on some items: a
        # name the 小计 row does not give, the cut not borne out by the figures, no group's end)
        cut = end
    points = [j for j in columns if "分值" in table.header[j]]
    if cut < end or len(rows) < 2 or not points or any(_adds_up(table, t, rows, j) is True for j in points):
        return rows
    for k in range(len(rows) - 1, 0, -1):
        if all(_adds_up(table, t, rows[:k], j) is True for j in points):
            return rows[:k]  # (the points a sheet allots, exact: a wrong 得分 does not move the group)
    return rows


def _borne_out(table: Table, t: int, rows: list[int], columns) -> bool:
    """Whether ``rows`` add up to the 小计 at ``t`` in every column judged (one at least)."""
    said = [_adds_up(table, t, rows, j) for j in columns]
    return any(s is True for s in said) and all(s in (True, "empty") for s in said)


def _group_ends(table: Table, t: int, end: int, col: int) -> int:
    """Where a 小计's group ends by column ``col`` (left of its 小计): at a row naming another group there
    than the one the 小计 row names (| 效益指标 | 社会效益指标 | 小计 |, its rows, then | 满意度指标 | …);
    when the 小计 row names its group nowhere, than the name its first row gives with blank rows under it, a
    merged cell's (| 小计 | ⏎ 效益指标 | … ⏎ | … ⏎ 满意度指标 | …), or at the first name under rows leaving it
    blank (| 局机关小计 | ⏎ | 办公费 | ⏎ 预备费 | 预备费 |). Not in a column naming each row (| 一般性项目 |
    办公设备购置, a sub-group's), nor at a serial number (（一）) or a dash; ``end`` when it does not end
    there."""
    own = table.rows[t][col].text.strip() if col < len(table.rows[t]) else ""
    first, blank = (own if _group_name(own) else None), False
    for i in range(t + 1, end):
        name = table.rows[i][col].text.strip() if col < len(table.rows[i]) else ""
        if not name:
            blank = True
        elif not _group_name(name):
            continue
        elif first is None and i == t + 1:
            first = name  # (its first row names it, a merged cell's name maybe)
        elif first is None and blank or first is not None and name != first and (blank or own):
            return i
        elif first is not None and not blank and not own:
            return end  # (a name on each row: a column of sub-groups, not the group's)
    return end


def _shifted(table: Table, row: int, columns) -> bool:
    """Whether a total row holds words under an amount column (总分 | 100 | 99.41 | 自评等级：优 short of the
    header's cells, its grade under 得分): the row is not where its figures seem, and is not footed."""
    cells = table.rows[row]
    return any(len(text := cells[j].text.strip()) >= 3 and _WORDS_ONLY.fullmatch(text)
               for j in columns if j < len(cells))


def _group_name(text: str) -> bool:
    """Whether a cell names a group: words, not a number, a serial marker (一, （二）, 3.) or a dash."""
    return bool(text) and number(text) is None and not _SERIAL_OR_DASH.fullmatch(text)


_WORDS_ONLY = lazy(r"[^\d\s—\-－/／]*[\u4e00-\u9fff][^\d]*")  # a cell of words, no figure
_SERIAL_OR_DASH = lazy(r"[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]?|[—\-－/／无]+")


def _block_end(check: Check, table: Table, t: int) -> int:
    """Where the rows a total printed first sums end: the table's end, or, in a form whose first column names
    its blocks (年度预算资金（万元） merged over the rows of a 资金总额 and its parts, then 预算执行率), the
    first row naming another block there."""
    own = table.rows[t][0].text.strip()
    if own and _is_total(check, own):
        return len(table.rows)  # the total's own label is in the first column: it names no block
    for i in range(t + 1, len(table.rows)):
        first = table.rows[i][0].text.strip()
        if first and first != own:
            named = number(first) is None and code(first) is None
            after = table.rows[i + 1][0].text.strip() if i + 1 < len(table.rows) else "end"
            return i if named and after else len(table.rows)  # not a name centred in its merged cell
    return len(table.rows)


def _outer_subtotal(table, labels: list[str], totals: list[int]) -> int | None:
    """The last total row when it says 小计 in a column left of every other 小计's (| 小计 | | | 100 | 96 |
    under 一级指标, the others under 二级指标) and its first figure is no less than the largest of theirs and
    more than half their sum (a total, maybe mistyped): the sheet's total, named 小计 one level up; else
    None."""
    subtotals = [t for t in totals if "小计" in labels[t]]
    if len(subtotals) < 2 or subtotals[-1] != totals[-1]:
        return None
    at = [next((j for j, c in enumerate(table.rows[t]) if "小计" in c.text), -1) for t in subtotals]
    if not 0 <= at[-1] < min(at[:-1]):
        return None
    last = table.rows[totals[-1]]
    col = next((j for j, c in enumerate(last) if number(c.text) is not None), None)
    if col is None:
        return None
    others = [o.value for t in subtotals[:-1] if (o := number(table.rows[t][col].text)) is not None]
    whole = number(last[col].text).value
    return totals[-1] if others and whole >= max(others) and 2 * whole > sum(others) else None
    # (a last group of one row, its 小计 merged across the names: 满意度 | 20 under 80 before it, no total)


def _own_group(table: Table, t: int, stretch: list[int], columns: list[int]) -> list[int]:
    """The rows a 小计 closes: the stretch since the total before it, or, in a sheet whose first column names
    its groups over merged rows (产出指标 over its 数量/质量 rows, then | 小计 under a blank), the rows from
    the last one naming a group there, when those add up to it in a column where the whole stretch does not
    and the whole adds up in no column where they do not: a group before it (预算执行率, a row of its own) is
    not its. Only what the figures bear out is read so (a 分值 column tells, whatever a wrong 得分)."""
    if table.rows[t][0].text.strip() or not _merged_groups(table):
        return stretch
    named = [k for k, i in enumerate(stretch) if k and (first := table.rows[i][0].text.strip())
             and number(first) is None and code(first) is None]
    if not named:
        return stretch
    own = stretch[named[-1] :]
    checks = [(_adds_up(table, t, own, j), _adds_up(table, t, stretch, j)) for j in columns]
    judged = [(o, w) for o, w in checks if o != "empty" and w != "empty"]
    if any(o is True and w is False for o, w in judged) and not any(w is True and o is not True
                                                                     for o, w in judged):
        return own
    return stretch


def _heads_first(table: Table, labels: list[str], totals: list[int], columns: list[int]) -> bool:
    """Whether the table prints each 小计 above the rows it sums: two or more 小计, the first with no row
    of figures before it but a grand total's, and one grand total at most, first or last; or, under a grand
    total printed first, 小计 after rows of their own (合计 | 局机关 | 考试院 | 直属学校小计 | 第一中学 …)
    when the rows after the first 小计 add up to it and those before do not."""
    subs = [t for t in totals if "小计" in labels[t]]
    grand = [t for t in totals if t not in subs]
    if not subs or len(grand) > 1 or grand and grand[0] not in (totals[0], totals[-1]):
        return False
    lead = [i for i in range(subs[0]) if i not in grand and any(number(c.text) for c in table.rows[i])]
    if not lead:
        return len(subs) >= 2
    if not grand or grand[0] != totals[0] or any(number(c.text) for r in table.rows[: grand[0]] for c in r):
        return False
    after = [i for i in range(subs[0] + 1, next((t for t in totals if t > subs[0]), len(table.rows)))
             if any(number(c.text) for c in table.rows[i])]
    back = [_adds_up(table, subs[0], lead, j) for j in columns]
    ahead = [_adds_up(table, subs[0], after, j) for j in columns]
    return bool(after) and True in ahead and False not in ahead and True not in back


_CARRY = lazy(r"结转|结余")  # 年初结转和结余 under 本年支出合计: no part of the year's (of a 总计, one)


def _sides_first(table: Table, labels: list[str], totals: list[int]) -> bool:
    """Whether each total heads the rows after it because the totals are of the two sides of an account
    (收入合计, its sources, then 支出合计, its uses): two totals or more, none a 小计, the first with no
    row of figures before it, each naming one side (收入 or 支出) and not all the same."""
    sides = [{w for w in ("收入", "支出") if w in labels[t]} for t in totals]
    if len(totals) < 2 or any(len(side) != 1 or "小计" in labels[t] for t, side in zip(totals, sides)) \
            or len({side.pop() for side in sides}) < 2:
        return False
    return not any(number(c.text) for i, r in enumerate(table.rows[: totals[0]]) if not _code_row(table, i)
                   for c in r)


def _group_heads(table: Table, labels: list[str], totals: list[int]) -> set[int]:
    """The totals that each head a group of rows, named for it (人员经费合计 over its items, then 公用经费合计
    over its own): two or more, all ``<kind>合计``/``<kind>小计`` of different kinds and none of a whole
    (本年, 总, 收入, 支出), never two in a row, the first with no row of figures before it."""
    names = [labels[t].replace(" ", "") for t in totals]
    kinds = [n[:-2] for n in names if n.endswith(("合计", "小计"))]
    if len(totals) < 2 or len(kinds) != len(totals) or len(set(kinds)) < len(kinds) \
            or any(len(k) < 2 or any(w in k for w in ("本年", "总", "收入", "支出")) for k in kinds) \
            or any(b == a + 1 for a, b in zip(totals, totals[1:])):
        return set()
    before = [r for i, r in enumerate(table.rows[: totals[0]]) if not _code_row(table, i)]
    return set() if any(number(c.text) for r in before for c in r) else set(totals)


def _split_totals(labels: list[str], totals: list[int]) -> set[int]:
    """Adjacent total rows named for different kinds (人员经费合计 | 公用经费合计 under the rows of codes):
    a split of the whole by a grouping the rows do not show (人员经费 is 301 and 303), not each a total
    of the rows above; none is judged."""
    out = set()
    for a, b in zip(totals, totals[1:]):
        names = [labels[k].replace(" ", "") for k in (a, b)]
        kinds = [n[: -2] for n in names if n.endswith(("合计", "小计"))]
        if b == a + 1 and len(kinds) == 2 and all(len(k) >= 2 for k in kinds) and kinds[0] != kinds[1] \
                and not any(w in k for k in kinds for w in ("本年", "总", "收入", "支出")):
            out |= {a, b}
    return out


def _breakdowns(table: Table, columns: list[int], stretch: list[int], levels: dict) -> list:
    """Unnumbered rows after a 其中 row that, with it, add up to the row above it are its breakdown too
    (公务用车购置及运行费 15 | 其中：公务用车购置费 0 | 公务用车运行费 15 | 公务接待费 5): marked -1 in
    ``levels`` like the 其中 row, so they are not summed twice; so are rows under an item named for two
    that open with the first (公务用车购置及运行费 | 公务用车购置费 | 公务用车运行费, no 其中). A group
    is taken when it adds up in at least half the columns where both hold numbers (one of them at least);
    the ``(row, rows)`` taken, to be footed as a sum."""
    found, names = [], _labels(table)
    strict = _indicators(table)  # an indicator sheet's 其中 rows break the row above down only where they
    # add up in every column (分值 and 得分); else each is an indicator scored on its own
    for k, i in enumerate(stretch):
        if k == 0 or levels[stretch[k - 1]] == -1 or levels[i] != -1 and not (
                levels[i] is None and _first_of_two(names[stretch[k - 1]], names[i])):
            continue
        parent, group = stretch[k - 1], [i]
        for c in stretch[k + 1 : k + 12]:  # a breakdown of a few rows, not the rest of the table
            if levels[c] is not None and not (strict and levels[c] == -1):  # (其中：A ⏎ 其中：B, each
                break  # marked, in an indicator sheet)
            group.append(c)
            sums = [_adds_up(table, parent, group, j) for j in columns]
            if None in sums:
                break
            if all(x is True or x == "empty" for x in sums) if strict else _agree(sums):
                for r in group:
                    levels[r] = -1
                found.append((parent, list(group)))
                break
    return found


def _indicators(table: Table) -> bool:
    """Whether a table is an indicator sheet (指标 columns, scored): its rows are indicators, each its own."""
    heads = "".join(table.header)
    return "得分" in heads and "指标" in heads


def _first_of_two(parent: str, row: str) -> bool:
    """Whether ``row`` opens with the first of the two things ``parent`` is named for (公务用车购置及运行
    维护费 over 公务用车购置费)."""
    parent, row = _OUTLINE_MARK.sub("", parent.strip()), _OUTLINE_MARK.sub("", row.strip())
    first = re.split(r"及|和|与", parent, maxsplit=1)
    return len(first) == 2 and len(first[0]) >= 4 and row.startswith(first[0]) and row != parent \
        and not row.startswith(parent[: len(first[0]) + 1])  # (社会保障和就业支出（类）… twice: no two)


_OUTLINE_MARK = lazy(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)+")


def _adds_up(table: Table, parent: int, rows: list[int], col: int):
    """Whether ``rows`` add up to ``parent`` in ``col`` ("empty" when it or all of them have no number
    there); None when a cell is not a number."""
    total = cell_figure(table, parent, col)
    figs = [cell_figure(table, r, col) for r in rows]
    if total is None or all(empty(table.rows[r][col].text) for r in rows):
        return "empty"  # nothing to add up here (分值 10 over rows of —): no evidence either way
    if any(f is None and not empty(table.rows[r][col].text)
           for f, r in zip(figs, rows)):
        return None
    if total.value and all(f.value == 0 for f in figs if f):
        return False  # (0 + 0 + 0 is no evidence for 2 vehicles, whatever their rounding allows)
    return precision.total([f for f in figs if f]).meets(precision.interval(total))


def _subtotals(analysis, check, table, columns, stretch, levels, agreed: bool = False):
    """Each row numbered (or indented) over the rows one level down under it, footed against them; with
    ``agreed``, only where they add up to it in at least half the columns holding both (levels read from
    indentation alone: a group's items may be its main ones only)."""
    names = _labels(table)
    for k, i in enumerate(stretch):
        lv = levels[i]
        if lv is None or lv < 0:
            continue
        children = []
        for c in stretch[k + 1 :]:
            if levels[c] is not None and 0 <= levels[c] <= lv:
                break
            children.append(c)
        ranked = [levels[c] for c in children if levels[c] is not None and levels[c] > lv]
        numbered = [r for r in ranked if r - int(r) != _UNMARKED]
        if not ranked:
            continue
        nxt = min(numbered or ranked)  # (一、A ⏎ 1、a ⏎ 2、b ⏎ 其他…: its numbered items first)
        parts = [c for c in children if levels[c] == nxt]
        if (agreed or nxt != int(nxt)) and not _mostly_adds_up(table, i, parts, columns):
            continue
        if nxt - int(nxt) == _UNMARKED and not any(_CATCH_ALL.match(names[c].strip()) for c in parts):
            continue  # (unnumbered, unindented items: whole only when they close on 其他…)
        for j in columns:
            yield from _foot(analysis, check, table, i, parts, j)


def _foot(analysis, check, table: Table, total_row: int, part_rows: list[int], col: int, extra=None,
          carry: bool = False):
    """(("rows", col), verdict) for a total row's cell in ``col`` against the rows it totals (and
    ``extra``, a score carried from the form's part above, when ``carry`` says the 分值 column needs it
    or when with it they add up)."""
    if total_row in table.unplaced or any(r in table.unplaced for r in part_rows):
        return  # a row whose cells stand under no known column (a PDF line read apart from its table)
    total = cell_figure(table, total_row, col)
    apart, names = check.options.apart, _labels(table)
    if "三公" in names[total_row] + table.title and not apart.within(names[total_row]):
        # “三公”经费合计 over 因公出国… and 机关运行经费: not its part (a 基本支出's 机关运行经费 is)
        part_rows = [r for r in part_rows if not apart.within(names[r])]
    elif all(any(w in names[r] for r in part_rows) for w in ("基本支出", "项目支出")):
        # 支出合计 over 基本支出, 项目支出, then “三公”经费, 机关运行经费: spent within the pair, no third
        part_rows = [r for r in part_rows if not _MEMO.match(_OUTLINE_MARK.sub("", names[r].strip()))]
    sheet = levels.read(table)
    firsts = sheet.first_rows(col) if sheet is not None else None
    if firsts is not None:  # an indicator level's value, repeated over its group's rows: counted once
        part_rows = [r for r in part_rows if r in firsts or r >= sheet.end]
    parts = _part_figures(table, part_rows, col)
    if total is None or not parts or _list_goes_on(table, total_row):
        return
    if len(part_rows) == 1 and _BALANCE.search(names[part_rows[0]]):
        return  # 本年收入合计 | 本年支出合计 | 收支差额: a balance after the totals, no part of the last
    if _counted_over(total, parts):
        return  # each level of a hierarchy not read sums to the total: a layout not understood
    if _RUNNING.search(table.header[col]) and precision.interval(parts[-1]).meets(precision.interval(total)) \
            and (all(_PERIOD_ROW.search(names[r]) for r in part_rows)
                 or "累计" in table.header[col] and _runs_up(table, part_rows, col, parts)):
        return  # 累计支出 | 月末余额 by quarter or month: a running total or a balance, its 合计 the last
        # row's, no sum (not over projects or kinds of debt: each its own, summed)
    if extra is not None and (carry or _needs(total, parts, extra)):
        parts = [*parts, extra]
    kept = _without_bonus(total, parts)
    filled = [r for r in part_rows if table.rows[r][col].text and not empty(table.rows[r][col].text)]
    twins = frozenset(k for k in range(1, len(filled)) if _twin_rows(table, filled[k - 1], filled[k])) \
        if len(kept) == len(parts) == len(filled) and not precision.total(kept).meets(
            precision.interval(total)) else frozenset()  # (looked for only when the rows miss the total)
    yield from _judge_sum(analysis, check, total, _without_breakdown(total, kept, twins), ("rows", col))


def _list_goes_on(table: Table, total_row: int) -> bool:
    """Whether the rows above a total name items numbered 一、二、… from a later one than 一 only (十七、
    援助其他地区支出 … 二十五、债务付息支出 over 本年支出合计): the list began on a page before, a part the
    table's reading lost, so its total is no sum of these."""
    numbered = [numbers.whole(m.group(1)) for row in table.rows[:total_row] for c in row
                if (m := _ORDINAL.match(c.text.strip()))]
    numbered = [n for n in numbered if n]
    return bool(numbered) and min(numbered) > 1


_ORDINAL = lazy(r"([一二三四五六七八九十]{1,3})、")


def _twin_rows(table: Table, above: int, row: int) -> bool:
    """Whether a row repeats the row above it in every column holding a figure, two columns or more (上级补助
    收入 | 37811 | 46850 ⏎ 税收返还及转移支付补助 | 37811 | 46850; 政府性基金收入 ⏎ 国有土地使用权出让收入),
    unnumbered: its one-line breakdown. Siblings equal in every figure and a total leaving one of them out
    (印刷费 2.00 ⏎ 邮电费 2.00) would read so too: a coincidence rarer than a group over its one item."""
    if _OUTLINE_MARK.match(table.rows[row][0].text.strip()):
        return False  # 1.A 50 ⏎ 2.B 50: numbered siblings equal by chance
    same = 0
    for a, b in zip(table.rows[above][1:], table.rows[row][1:]):
        if number(a.text.strip()) is not None or number(b.text.strip()) is not None:
            if a.text.strip() != b.text.strip():
                return False
            same += 1
    return same >= 2




_BONUS = lazy(r"加分|加减分|附加分|奖励分")
_BALANCE = lazy(r"差额|结余|余额|净额")
_RUNNING = lazy(r"累计|余额|结存|期末|月末|季末|年末|截至|截止")  # a column that runs up or is a balance
def _runs_up(table: Table, rows: list[int], col: int, parts: list) -> bool:
    """Whether a 累计 column is the running sum of a column beside it (当期完成投资 80 | 100 | 48 under
    累计完成投资 80 | 180 | 228: stages of one work, not projects whose 合计 is their sum)."""
    if len(parts) < 2 or len(parts) != len(rows):
        return False
    for j in range(len(table.header)):
        if j == col or not _OWN_PERIOD.search(table.header[j]):
            continue
        own = [cell_figure(table, r, j) for r in rows]
        if any(f is None for f in own):
            continue
        running = Decimal(0)
        for f, part in zip(own, parts):
            running += f.value
            if abs(running - part.value) > Decimal("0.01"):
                break
        else:
            return True
    return False


_OWN_PERIOD = lazy(r"当期|本期|当月|本月|本次|当年|本年|当季|本季|阶段")
# rows that are periods (一季度, 3月, 上半年, 2023年, 第二批)
_PERIOD_ROW = lazy(r"[一二三四1-4]\s*季度|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|上半年|下半年"
                   r"|(?:19|20)\d\d\s*年|第[一二三四五六七八九十\d]{1,2}(?:季度|期|批|月|次)"
                   r"|首笔|首期|预付款|进度款|尾款|结算款")
# a row that is a memo (“三公”经费, 四、机关运行经费: outline marks taken off), not a part naming one
# (公用经费（机关运行经费）)
_MEMO = lazy(r"\s*(?:其中[:：]?)?[“\"]?(?:三公|机关运行经费)")


def _without_bonus(total, parts: list) -> list:
    """``parts`` less a bonus row (加分项, 加减分) when only without it they add up: a score sheet's 分值 合计
    is its base of 100, a bonus allotted beyond it (its 得分 合计 counts the bonus awarded)."""
    bonus = [p for p in parts if _BONUS.search(p.label)]
    if not bonus or precision.total(parts).meets(precision.interval(total)):
        return parts
    rest = [p for p in parts if not any(p is b for b in bonus)]
    return rest if rest and precision.total(rest).meets(precision.interval(total)) else parts


def _part_figures(table: Table, part_rows: list[int], col: int) -> list:
    """The figures of ``part_rows`` in ``col`` (blank and dash cells left out), or [] when one is not a
    number (not a sum we can read)."""
    parts = []
    for r in part_rows:
        cell = table.rows[r][col].text
        if not cell or empty(cell):
            continue
        fig = cell_figure(table, r, col)
        if fig is None:
            return []
        parts.append(fig)
    return parts


def _needs(total, parts: list, extra) -> bool:
    """Whether ``parts`` miss ``total`` and meet it with ``extra`` added."""
    if total is None or not parts:
        return False
    whole = precision.interval(total)
    return not precision.total(parts).meets(whole) and precision.total([*parts, extra]).meets(whole)


def _without_breakdown(total, parts, twins=frozenset()):
    """``parts`` less the last rows when they break down the row before them and only then the parts add
    up (年初财政拨款结转和结余 15, then 一般公共预算财政拨款 10 and 政府性基金预算财政拨款 5, no 其中), or
    less a row that repeats the row before it, its one-line breakdown (a fund's row under 年初财政拨款结转和
    结余 27.58; or ``twins``, the indexes of rows repeating the row above in every figure: 上级补助收入 37811
    ⏎ 税收返还及转移支付补助 37811), when only without it they add up; or less every such row, a 类 over its
    one 款 over its one 项 with no code or indent to tell them (其他支出 ⏎ 彩票公益金安排的支出 ⏎ 用于…)."""
    whole = precision.interval(total)
    if len(parts) < 2 or precision.total(parts).meets(whole):
        return parts
    if parts[0].value == total.value and parts[0].decimals == total.decimals \
            and any(p.value for p in parts[1:]) and (len(parts) >= 3 or parts[1].value == total.value) \
            and _units_of(parts[0], parts[1:]):
        # 合计 | 某局 (the department, equal to it) | 某局本级 | 某中心 …: its units under it, which may go on
        # over the page: they are judged when they add up to it, or when one digit of one unit explains the
        # gap (a typo, not a page's rows missing); else the department is the total's part
        units = parts[1:]
        typo = any(precision.typo_fix(u, whole - precision.total([v for v in units if v is not u]))
                   for u in units if precision.significant(u))
        return units if typo or precision.total(units).meets(whole) else parts[:1]
    if len(parts) < 3:
        return parts
    ivs = [precision.interval(p) for p in parts]
    for k in range(len(parts) - 1, 0, -1) if precision.significant(total) else ():
        if parts[k].value != parts[k - 1].value or k not in twins and not (
                _FUND_ROW.search(parts[k].label) and re.search(r"结转|结余", parts[k - 1].label)):
            continue
        if _overlap(precision.total(parts[:k] + parts[k + 1:]), whole):  # exact points that are equal too
            return parts[:k] + parts[k + 1:]
    heads, once = {}, []
    for k, p in enumerate(parts):  # a run of rows alike under its head: dropped when the head names a class
        heads[k] = heads[k - 1] if k in twins and p.value == parts[k - 1].value else k
        if heads[k] == k or not _CLASS_NAME.match(parts[heads[k]].label):
            once.append(p)
    if len(once) < len(parts) - 1 and precision.significant(total) and _overlap(precision.total(once), whole):
        return once  # a 类 over its one 款 over its one 项, names only
    if len(parts) < 4 or not precision.significant(total):
        return parts  # (a total of one or two digits: its rounding makes any split fit)
    prefix = [ivs[0]]
    for iv in ivs[1:]:
        prefix.append(prefix[-1] + iv)  # prefix[k]: the parts up to k, summed once (linear in the rows)
    tail = parts[-1].value
    for k in range(len(parts) - 3, 0, -1):
        tail += parts[k + 1].value  # the breakdown's rows as printed add up to their row, within its rounding
        close = ivs[k].lo <= tail <= ivs[k].hi  # (within its rounding; whole points of a score are exact)
        if close and _overlap(prefix[k], whole):
            return parts[: k + 1]
    for k in range(len(parts) - 2):  # 上级补助收入 | 返还性收入 | 一般性转移支付收入 | 专项… | 调入资金: rows
        run = Decimal(0)  # under a row that add up to it, unmarked, with the total's other parts after them
        if parts[k].value % 10 == 0:
            continue  # (30 over 20 and 10: round amounts add up by chance too often to say so)
        for j in range(k + 1, min(len(parts), k + 13)):
            run += parts[j].value
            if j - k >= 2 and ivs[k].lo <= run <= ivs[k].hi:  # (whole points of a score are exact)
                rest = parts[: k + 1] + parts[j + 1 :]
                if _overlap(precision.total(rest), whole):
                    return rest
    return parts


# 其他支出 over 彩票公益金安排的支出: a function class (a cell's label: its row's name, then its column's)
_CLASS_NAME = lazy(r"^\S*支出(?:\s|$)")


def _units_of(department, units) -> bool:
    """Whether the rows under a department's row are its units: one is its 本级, or named after it (某市水务局
    over 某市水务局本级 and 某市水文水资源中心)."""
    name = department.label.split(" ")[0].strip()
    return len(name) >= 3 and any("本级" in u.label or u.label.startswith(name[:3]) for u in units)


_SECTION = lazy(r"^按.{1,10}分[:：]?$")  # 按收入性质分：, heading one way of breaking a total down
_FUND_ROW = lazy(rf"^\s*(?:其中[:：]?)?\s*(?:{FUNDS.pattern})(?:财政)?拨款")


def _counted_over_table(check: Check, table: Table, columns: list[int]) -> int:
    """k when, in some column, the rows other than totals (four or more) add up to k times the table's
    one grand total (k = 2, 3): group rows and their items with nothing to tell them apart (a 部门 row,
    then its 本级 and units; each unit's row over its projects), so every column counts its total k times,
    a column filled by one unit too (部门 200,000 + 本级 200,000 over 合计 200,000); 0 otherwise."""
    labels = _labels(table)
    totals = [i for i, label in enumerate(labels) if _is_total(check, label)]
    if len(totals) != 1:
        return 0
    rows = [i for i in range(len(table.rows)) if i != totals[0] and not _code_row(table, i)]
    for j in columns:
        total = cell_figure(table, totals[0], j)
        parts = _part_figures(table, rows, j)
        if total is None or total.value == 0 or len(parts) < 4 or not precision.significant(total):
            continue  # (a total of one or two digits: its rounding makes any multiple fit)
        summed = precision.total(parts)
        for k in (2, 3):
            if _overlap(summed, precision.interval(total).scale(k)):
                return k
    return 0


def _counted_over(total, parts) -> bool:
    """Whether ``parts`` add up to two, three or four times ``total`` (within their rounding), with at
    least two rows a level: the rows of two or more levels (a group and its items; 类, 款 and 项 not told
    apart) each summing to it, counted together; or the first part is the total again and the rest add up
    to it (a department's row over its units' rows; the same figure again, not one whose rounding only
    touches the total's, not a row opening with 其中, and the rest adding up to it exactly or, for a total of
    three digits or more, within rounding: 0.06 over 0.01 + 0.04 is no such row)."""
    if total.value == 0:
        return False
    own = precision.interval(total)
    first = precision.interval(parts[0])
    rest = precision.total(parts[1:])
    exact = sum(p.value for p in parts[1:]) == total.value
    if len(parts) >= 3 and first.lo < own.hi and own.lo < first.hi and not parts[0].label.lstrip().startswith(
            "其中") and (exact or _overlap(rest, own) and precision.significant(total)):
        return True  # the first row is the whole again (a department, then its units), the rest its items
    summed = precision.total(parts)
    return precision.significant(total) and any(len(parts) >= 2 * k and _overlap(summed, own.scale(k))
                                                for k in (2, 3, 4))


def _overlap(a, b) -> bool:
    """Whether two intervals share more than the end of a rounding: what the readings that set a sum aside
    need (a sum whose rounding only touches k times the total is not a hierarchy counted k times; exact
    points that are equal do overlap)."""
    return a.meets(b) and (min(a.hi, b.hi) > max(a.lo, b.lo) or a.lo == a.hi or b.lo == b.hi)


def _judge_sum(analysis, check, total, parts, key):
    if total.decimals > 0 or any(p.decimals > 0 for p in parts):  # 0.45 | 0 | 0 | 0.45: a 0 is none,
        parts = [replace(p, exact=True) if p.value == 0 and p.decimals <= 0 else p for p in parts]  # not ±0.5
    found = judge(check, analysis, total, tuple(parts), lambda: precision.total(parts),
                  parts=tuple(precision.interval(p) for p in parts),
                  expression=" + ".join(p.text for p in parts) if len(parts) <= 12
                  else f"the {len(parts)} rows it totals")
    if found is not None:
        yield key, found


def _groups(analysis, check, table: Table):
    for j, name in enumerate(table.header):
        if j == 0 or not _is_total(check, name):
            continue
        filled = [i for i, r in enumerate(table.rows) if number(r[j].text) is not None]
        if not filled or len(filled) * 2 > len(table.rows):
            continue
        left = next((k for k in range(j - 1, -1, -1)
                     if sum(1 for r in table.rows if number(r[k].text) is not None) >= 2), None)
        if left is None or any(line[left] != line[j] for line in table.levels[:-1]):
            continue  # the column to its left stands under another group (一般公共预算 | 政府性基金)
        labels = _labels(table)
        for g in filled:
            rows = [g]
            for i in range(g + 1, len(table.rows)):
                if table.rows[i][0].text or number(table.rows[i][j].text) is not None \
                        or _is_total(check, labels[i]):
                    break
                rows.append(i)
            yield from _group(analysis, check, table, g, j, rows, left)


def _levels(analysis, check, table: Table):
    """Each indicator group's value against its groups' one level down (决策 分值 20 = 项目立项 10 + 绩效目标
    10), in a sheet laid out across (:mod:`crossfoot.tables.levels`)."""
    sheet = levels.read(table)
    if sheet is None:
        return
    for row, col, subs in sheet.nested():
        total = cell_figure(table, row, col)
        parts = [cell_figure(table, r, c) for r, c in subs]
        if total is not None and parts and None not in parts:
            total = replace(total, label=f"{sheet.name(row, col)} {table.header[col]}")
            yield from _judge_sum(analysis, check, total, parts, ("levels", col))


def _group(analysis, check, table, row, col, rows, left):
    total = cell_figure(table, row, col)
    parts = [f for f in (cell_figure(table, r, left) for r in rows) if f is not None]
    if total is not None and parts:
        yield from _judge_sum(analysis, check, total, parts, ("groups", col))


def _crossfoot(analysis, check, table: Table, columns: list[int]):
    declared = set()
    apart = check.options.apart
    for j, found in header.sums(table, check.options.totals) if table.levels else ():
        if not check.options.skip.within(table.header[j]):
            declared.add(j)
            parts = [k for k in found if not apart.within(table.header[k]) and not code_column(table, k)
                     and not _breakdown(check, table, k) and not _other_side(table, j, k)]
            more = sorted({*parts, *_after(check, table, j, columns)})
            checks = max((_declared(check, table, j, parts), _declared(check, table, j, more)), key=_agreeing)
            for total, figs in checks:
                yield from _judge_sum(analysis, check, total, figs, ("across", j))
    for j in columns:
        if j in declared or not _is_total(check, table.header[j]):
            continue
        filled = [i for i, r in enumerate(table.rows)
                  if number(r[j].text) is not None and i not in table.unplaced]
        if len(filled) * 2 <= len(table.rows):
            continue  # a group-total column, not a row total
        group = _group_of(table, j)
        after = _after(check, table, j, columns)
        grouped = [k for k in after if _group_of(table, k, len(group)) == group]
        tried = [_across_rows(check, table, j, parts, filled)
                 for parts in (grouped or [k for k in columns if k < j], after) if len(parts) >= 2]
        checks = max(tried, key=_agreeing, default=[])
        if len(checks) < 2 or _agreeing(checks) * 2 <= len(checks) and not _one_of_two(table, checks):
            continue  # the columns are not the parts of this total in most rows: not a crossfoot
        for total, figs in checks:
            yield from _judge_sum(analysis, check, total, figs, ("across", j))


def _after(check: Check, table: Table, j: int, columns: list[int]) -> list[int]:
    """The amount columns right of total column ``j`` that may be its parts: no totals, no 其中 breakdowns,
    none kept apart (机关运行经费 beside the 三公), none of the other side (收入 beside 支出).

    A total is judged over the parts its header names, or over all these when that agrees in more rows: an
    unruled header's group name, centred over its columns, is placed over some of them only (收入预算 over
    合计 | 财政拨款收入 | 事业收入 but not 其他收入), and a wrong part in one row never fills the gap."""
    apart = check.options.apart
    return [k for k in columns if k > j and not _is_total(check, table.header[k])
            and not apart.within(table.header[k]) and not _breakdown(check, table, k)
            and not _other_side(table, j, k)]


def _one_of_two(table: Table, checks: list) -> bool:
    """Whether of two rows one adds up over three parts or more, none of them 0 (分值 15 | 25 | 35 | 25 |
    100 over 得分 14 | 24 | 33 | 24 | 96, a score summary laid out across): no chance agreement, so the
    columns are the total's parts and the other row is judged, unless it states a change or what has run
    up (同比增减（%）, 增幅, 累计支出): its 合计 is no sum."""
    if len(checks) != 2 or any(_CHANGE_ROW.search(total.label) for total, _ in checks):
        return False
    return any(len(figs) >= 3 and all(f.value for f in figs)
               and precision.total(figs).meets(precision.interval(total)) for total, figs in checks)


_CHANGE_ROW = lazy(r"[%％]|率|增减|增幅|降幅|增长|下降|变动|比上年|较上年|同比|累计")


def _agreeing(checks: list) -> int:
    """How many of the ``(total, parts)`` pairs add up, within their rounding."""
    return sum(1 for total, figs in checks if precision.total(figs).meets(precision.interval(total)))


def _across_rows(check: Check, table: Table, j: int, components: list[int], filled: list[int]) -> list:
    """Row by row, column ``j``'s total and the figures of ``components`` (a blank or dash part is a zero:
    收入决算表 leaves the columns a unit lacks empty). The columns after a total are taken as its parts
    when they stand under its header group (财政拨款 over 合计 | 一般公共预算 | 政府性基金), or all of them
    when that agrees in more rows (see ``_after``)."""
    checks = []
    labels = _labels(table)
    for i in filled:
        if _RATE_ROW.search(labels[i]) or labels[i].strip().startswith(tuple(check.options.skip_rows)):
            continue  # 执行率（%） 99.39 | 96.94 | 90.32 | 95.29: a rate's row, its 合计 no sum (not
            # 支付工程进度款, 基本预备费（5%）: amounts)
        figs = [cell_figure(table, i, k) for k in components if not empty(table.rows[i][k].text)]
        total = cell_figure(table, i, j)
        if total is None or not figs or any(f is None for f in figs):
            continue
        checks.append((total, figs))
    return checks



def _group_of(table: Table, col: int, depth: int | None = None) -> tuple[str, ...]:
    """The header groups a column stands under (基本支出 over 小计 | 人员经费 | 公用经费), down to ``depth``
    levels, or to the level above its own name; () for a one-line header."""
    names = [line[col] for line in table.levels]
    if depth is None:
        depth = max((d for d, name in enumerate(names) if name), default=0)
    return tuple(names[:depth])


_SIDES = {"支出": lazy(r"收入|结转|结余"), "收入": lazy(r"支出|结转|结余")}


def _other_side(table: Table, total: int, col: int) -> bool:
    """Whether ``col`` is no part of the year's 支出 (收入) that column ``total`` adds up (本年支出合计 beside
    年初结转和结余 | 本年收入 | 基本支出 | 项目支出 | 年末结转和结余: only 基本支出 and 项目支出 are); a 总计
    may hold the carry-over, so it is left alone."""
    name = table.header[total]
    if "总计" in name or "结转" in name or "结余" in name:
        return False
    return any(side in name and other.search(table.header[col]) for side, other in _SIDES.items())


def _breakdown(check: Check, table: Table, col: int) -> bool:
    """A column headed 其中：… breaks down the column before it: never a part of the row total too; so
    are those under a group named 其中 (其中 over 财政拨款收入 | 事业收入) and a 其中 column under a group's
    name (预算数 over 其中：公务用车购置费)."""
    own = table.levels[-1][col] if table.levels and col < len(table.levels[-1]) else ""
    return any(name.strip().startswith(w) for name in (table.header[col], own) for w in check.options.exclude)


def _declared(check: Check, table: Table, col: int, part_cols: list[int]) -> list:
    """Row by row, a total column and the columns its header says it adds up (blank parts are 0); a rate's
    row (增减率（%）, 预算执行率) is no sum."""
    checks = []
    labels = _labels(table)
    for i in range(len(table.rows)):
        if _RATE_ROW.search(labels[i]) or labels[i].strip().startswith(tuple(check.options.skip_rows)):
            continue
        total = cell_figure(table, i, col)
        figs = [cell_figure(table, i, k) for k in part_cols if table.rows[i][k].text]
        if total is not None and figs and all(f is not None for f in figs):
            checks.append((total, figs))
    return checks
