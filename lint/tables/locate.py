"""Finding a table by its caption, a column by its header, a cell by its row's label; and whether two
statements of one amount, in a table and elsewhere, agree.

A cell is named by a :class:`CellSpec`: ``tables`` (words the caption is or ends with: 收入决算表 names the
caption 收入决算表 or 2024年收入决算表), ``not`` (words that rule a caption out, so 一般公共预算财政拨款支出决
算表is no 支出决算表), ``row`` (the row whose label cell is one of these words: 本年收入合计, 合计),
``column`` (the column headed by one of these words, see :func:`header`; else the first amount right of the
label, in a column of the latest year and not of a change: 2026年预算数, not 2025年预算数 or 增减额, and the
only one when words other than 合计 were given, and none when they name a part (人员经费), not a measure;
none when a word is the merged name over several columns) and
``plus`` (more cells, each a row, and tables or column where they differ, whose amounts add to the first:
人员经费合计 plus 公用经费合计). Tables side by side (收入 | 支出) are separate tables. Amounts convert by
each table's own unit (单位：元 in one, 万元 in another).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ..figures import labels, units
from ..interval import Interval
from ..interval import stated as interval
from ..model import Cell, Table
from ..regex import lazy
from ..vocabulary import Words
from . import QUALIFIER, Value, number

_BLANKS = lazy(r"\s+")


@dataclass(frozen=True)
class CellSpec:
    """A cell named by its table's caption words, its row's label words and its column's header words."""

    tables: Words = Words()
    row: Words = Words()
    column: Words = Words()
    not_: Words = Words()
    plus: tuple[CellSpec, ...] = ()

    ALIASES = {"not": "not_"}


def cells(tables, spec: CellSpec) -> list | None:
    """``(value, cell, table)`` of the cell ``spec`` names and of those of its ``plus`` list, or None when
    one is missing."""
    found = [_cell(tables, spec)]
    for more in spec.plus:
        found.append(_cell(tables, CellSpec(tables=more.tables or spec.tables, row=more.row,
                                            column=more.column, not_=more.not_ or spec.not_)))
    return None if any(f is None for f in found) else [cell for group in found for cell in group]


def total(found: list, unit: str):
    """The interval of the cells' amounts added, in ``unit`` (each converted from its table's unit)."""
    out = None
    for value, _, table in found:
        factor = units.factor(table.unit, unit) if table.unit and unit else Decimal(1)
        if factor is None:
            return None
        iv = interval(value.value, value.decimals).scale(factor)
        out = iv if out is None else out + iv
    return out


def _grouped(table: Table, words) -> int | range | None:
    """When one of ``words`` heads several columns as their merged name (基本支出 over 人员经费 | 公用经费):
    the one of them headed 小计, 合计 or 总计 (基本支出 over 小计 | 人员经费 | 公用经费), or when none is,
    all of them (their amounts the group's, added), or -1 when they do not add up (金额 | 占比（%）) or the
    word heads a group under each of several measures (年初预算数 | 决算数) and none is under the caption's
    (a 决算表's 决算数); None when no word heads one."""
    lines = [[_BLANKS.sub("", n) for n in line] for line in table.levels]
    measure = next((m for m in _MEASURES if m in table.title), None)
    names = [_BLANKS.sub("", name) for name in table.header]
    skipped = False
    for d, above in enumerate(lines[:-1]):
        width, j = min(len(line) for line in lines[d:]), 0
        while j < width:
            end = j + 1
            while end < width and above[end] == above[j]:
                end += 1
            run = range(j, end)
            # the names under the group: on the next line naming any of its columns (基本支出 over a line
            # naming 合计 and 项目支出 beside it, then 人员经费 | 公用经费)
            below = next((line for line in lines[d + 1:] if any(line[k] for k in run)), None)
            if len(run) > 1 and above[j] in words and below and below[j] and len({below[k] for k in run}) > 1:
                spans = [(d2, k) for d2, line in enumerate(lines) for k, name in enumerate(line)
                         if name == above[j] and (not k or line[k - 1] != name)]  # (the group's spans)
                mine = [k for d2, k in spans if d2 == d and measure and measure in names[k]]
                if len(spans) > 1 and mine != [j]:
                    j, skipped = end, True  # a group under each of several measures (年初预算数 |
                    continue  # 决算数, each over 基本支出): the one under the caption's (决算表: 决算数)
                total = next((k for k in run if below[k] in _GROUP_TOTALS), None)
                if total is not None:
                    return total
                if any(_NOT_ADDED.search(below[k]) for k in run):
                    return -1  # 金额 | 占比（%）, 数量: no sum
                return run
            j = end  # 合计 over a blank, then 小计 | 人员经费: its own column first, no group
    return -1 if skipped else None


_GROUP_TOTALS = ("小计", "合计", "总计", "计")
_NOT_ADDED = lazy(r"占比|比重|比例|%|％|增减|增长|变动|数量|单价")  # sub-columns that add up to nothing


def header(table: Table, words) -> int | None:
    """The column headed by one of ``words``: a header that is the word, else one ending with it, else the
    first holding it (项目支出 is the column 项目支出, not 项目支出功能分类科目编码 before it), but for a
    change or a share of it (本年预算数比上年增减, 本年预算数占比). When several
    columns fit alike under groups of measures (年初预算数 | 决算数, each over 基本支出), the one under the
    measure the caption names (a 决算表's 决算数); of columns of several years (2023年决算数 | 2024年决算数),
    the latest year's."""
    names = [_BLANKS.sub("", name) for name in table.header]
    for fits in (str.__eq__, str.endswith, str.__contains__):
        found = [j for j, name in enumerate(names) if any(fits(name, w) and not (
            fits is str.__contains__ and _CHANGE_OR_SHARE.search(name.replace(w, ""))) for w in words)]
        # (a column of changes or shares named after a measure, 本年预算数比上年增减, 本年预算数占比: not it)
        if len(found) > 1:
            found = _current(table, found) or found  # 2024年决算数, not 2023年决算数 before it
        if len(found) > 1:
            measure = next((m for m in _MEASURES if m in table.title), None)
            mine = [j for j in found if measure and measure in names[j]]
            found = mine if len(mine) == 1 else found
        if found:
            grouped = fits is str.__contains__ and not any(names[j].endswith(_TOTALS) for j in found)
            return _group_total(names, found[0], words) if grouped else found[0]
    return None


def _group_total(names: list[str], j: int, words) -> int:
    """Column ``j``, named by a measure's word over the levels below it (预算数 over 基本支出 over 人员经费),
    or the 合计 column just left of it when the group's name, centred over 合计 | 基本支出 | 项目支出 with
    no rules between them, was placed over a part of the group: the group's own total (asked only when no
    column under the word is a 合计 or 小计 of its own)."""
    word = next((w for w in words if names[j].startswith(w)), None)
    if word is None or names[j] == word or not _MEASURE.search(word):
        return j  # (基本支出小计人员经费…: a part's name over its own columns, not a measure's)
    for k in range(j - 1, max(-1, j - 3), -1):
        if names[k].endswith(_TOTALS) and not any(w in names[k] for w in words):
            return k
        if not names[k] or any(w in names[k] for w in words):
            break
    return j


_TOTALS = ("合计", "小计")
_CHANGE_OR_SHARE = lazy(r"增减|增长|变动|比上年|较上年|占|率|%|％")
_MEASURES = ("决算", "预算")  # what a table's caption says its amounts are (…支出决算表, …预算表)


unquote = labels.unquote  # “三公”经费, "三公"经费 and 三公经费 are one name


def canonical(name: str) -> str:
    """A table's name as templates vary it alike: no quotation marks (“三公”经费, "三公"经费 and 三公经费), no
    财政拨款 or 拨款 after a fund's name (一般公共预算财政拨款支出表 is 一般公共预算支出表), no qualifier in
    brackets at its end (一般公共预算支出表（按功能分类）), no 情况 or 统计 before its 表 nor 财政拨款 after
    its measure (“三公”经费预算财政拨款情况统计表 is 三公经费预算表)."""
    name = _FUND_GRANT.sub(r"\1", unquote(name))
    name = QUALIFIER.sub("", name) if name.endswith(("）", ")")) else name
    return _MEASURE_GRANT.sub(r"\1", _TABLE_END.sub("表", name))


_FUND_GRANT = lazy(rf"({labels.FUNDS.pattern})(?:财政)?拨款")
# a table named as a report of it (…经费预算财政拨款情况统计表, …支出情况表): the table of it (…经费预算表)
_TABLE_END = lazy(r"(?:情况)?统计表$|情况表$")
_MEASURE_GRANT = lazy(r"(预算|决算)(?:财政)?拨款(?=表$)")


def titled(table: Table, tables, unwanted=()) -> bool:
    """Whether ``table``'s caption is or ends with one of the ``tables`` words and holds none of the
    ``unwanted`` words, names compared as :func:`canonical` writes them (an unwanted word is looked for as
    written too: 财政拨款 rules out 一般公共预算财政拨款支出决算表)."""
    title, raw = canonical(table.title), unquote(table.title)
    return (bool(title) and any(title.endswith(canonical(w)) for w in tables)
            and not any(canonical(w) in title or unquote(w) in raw for w in unwanted))


def _cell(tables, spec: CellSpec) -> list | None:
    """``[(value, cell, table)]`` of the cell ``spec`` names, in the first table that has it (the cells of
    a group's columns, when it has no 小计: 基本支出 over 人员经费 | 公用经费, their amounts added)."""
    rows = set(spec.row)
    for table in tables:
        if not titled(table, spec.tables, spec.not_):
            continue
        grouped = _grouped(table, spec.column) if spec.column else None
        if grouped == -1:
            continue  # 基本支出 over 金额 | 占比, or under two measures: the amount is no one column's
        if isinstance(grouped, range):
            found = _group_cells(table, rows, grouped)
            if found:
                return found
            continue  # 基本支出 over 人员经费 | 公用经费, a column of them unfilled: no amount said
        column = header(table, spec.column) if grouped is None else grouped  # its 小计 when it has one
        if column is None and spec.column and not all(_MEASURE.search(w) for w in spec.column):
            continue  # 人员经费 asked of a table with one 预算数 column: its rows say it, not a column
        for row in table.rows:
            label = next((j for j, c in enumerate(row) if _row_name(c.text) in rows), None)
            if label is None:
                continue
            own = column
            if own is not None and own < label and grouped is None:
                # 本年收入合计 a | 本年支出合计 b, each side headed 决算数: the one right of the label
                right = header(replace(table, header=("",) * (label + 1) + table.header[label + 1:]),
                               spec.column)
                own = right if right is not None else own
            bare = _BLANKS.sub("", row[label].text) in _BARE_TOTALS
            if column is None and bare and (any(_row_name(c.text) in rows for c in row[label + 1:])
                                            or _panel(table, tables)):
                break  # 合计 a | 合计 b: two panels side by side (人员经费 | 公用经费), neither the whole's
            named = own is not None  # a dash is a 0 only in a column named (else: a 数量 left blank)
            picks = [own] if named else _current(table, range(label + 1, len(row)))
            filled = [j for j in picks if j < len(row) and _amount(row[j], named)]
            if column is None and spec.column and len(filled) > 1 and not spec.column.within("合计小计总计"):
                break  # none of several amounts is headed as named (合计 | 人员经费 | 公用经费, no 基本支出);
                # a total is the first of them (2026年预算数 over 小计 | 基本支出 | 项目支出)
            for j in picks:
                found = _amount(row[j], named) if j < len(row) else None
                if found is not None:
                    return [(found[0], found[1], table)]
            if named and own < len(row) and not row[own].text.strip() and _empty_column(table, own) \
                    and _footed_without(row[label + 1 :]):
                # 政府性基金预算 left blank in every row, 支出总计 too, and the row's total the sum of its
                # filled columns: that fund has nothing, 0 (not a column left unfilled)
                zero = replace(row[own], text="0", span=row[label].span)
                return [(Value(Decimal(0), 2, False), zero, table)]
    return None


def _group_cells(table: Table, rows: set, group: range) -> list | None:
    """The cells of ``group``'s columns in the first row ``rows`` names, each an amount (a dash a 0), or
    None when that row leaves one of them blank or has none."""
    for row in table.rows:
        label = next((j for j, c in enumerate(row) if _row_name(c.text) in rows), None)
        if label is None or label >= group.start:
            continue
        found = [_amount(row[j], True) if j < len(row) else None for j in group]
        return [(value, cell, table) for value, cell in found] if all(found) else None
    return None


def _footed_without(cells) -> bool:
    """Whether the first amount of a row's cells (its total) is the sum of its other filled amounts, up to
    the next label (either side of a two-sided table): a blank among them adds nothing."""
    amounts = []
    for cell in cells:
        value = number(cell.text) if cell.text else None
        if value is None and cell.text.strip(" -—－–") and amounts:
            break  # (the other side's label: 本年支出合计 after 本年收入合计's amounts)
        if value is not None and not value.percent:
            amounts.append(value.value)
    return len(amounts) >= 2 and abs(amounts[0] - sum(amounts[1:])) < Decimal("0.01")


def _empty_column(table: Table, col: int) -> bool:
    """Whether a column holds nothing in any row (blank, a dash or 0), its header aside."""
    return all(col >= len(row) or not row[col].text.strip(" -—－–0.,") for row in table.rows)


_YEAR = lazy(r"(20\d\d)年")
_MEASURE = lazy(r"数|金额|合计|小计|总计|决算|预算")  # column words naming a measure, not a part
_OTHER_MEASURE = lazy(r"上年|增减|增长|增幅|变动|差额|比较|对比|年初结转|年末结转|结转和结余")


_BARE_TOTALS = ("合计", "总计", "小计")


def _row_name(text: str) -> str:
    """A row's label as a cell spec names it: no blanks, and a total's 数 or 金额 dropped (合计数 is the
    合计 row: a template writes its total so)."""
    name = _BLANKS.sub("", text)
    bare = _MEASURED_TOTAL.fullmatch(name)
    return bare.group(1) if bare else name


_MEASURED_TOTAL = lazy(r"(合计|总计|小计)(?:数|金额)")


def _panel(table: Table, tables) -> bool:
    """Whether ``table`` is one panel of a table printed side by side, under a group name of its own over
    all its columns (人员经费 | 公用经费, each with its 合计): a part's, not the whole's."""
    top = set(table.levels[0]) if len(table.levels) >= 2 else set()
    if len(top) != 1 or any(w in name for name in top for w in ("收入", "支出", "项目")):
        return False  # 收入 | 支出: the two sides of an account, each side's 总计 the whole's
    return "" not in top and any(
        other is not table and other.span == table.span and other.title == table.title for other in tables)


def _current(table: Table, columns) -> list[int]:
    """The columns right of a row's label that may hold its amount when no header names one: not a prior
    year's (2025年预算数 before 2026年预算数, 上年预算数), a change (增减额) or a balance carried over the
    year's ends (年初结转和结余)."""
    names = [_BLANKS.sub("", table.header[j]) if j < len(table.header) else "" for j in columns]
    years = [max(map(int, _YEAR.findall(n)), default=0) for n in names]
    latest = max(years, default=0)
    found = [j for j, name, year in zip(columns, names, years)
             if not _OTHER_MEASURE.search(name) and (year == latest or not year)]
    own = next((m for m in _MEASURES if m in table.title), None)  # a 决算表's 年初预算数 | 决算数: its 决算数
    other = next((m for m in _MEASURES if m != own), None) if own else None
    named = {j: names[columns.index(j)] for j in found}
    if own and any(own in n for n in named.values()) \
            and any(other in n and own not in n for n in named.values()):
        found = [j for j in found if other not in named[j] or own in named[j]]
    return found


def agree(value: Decimal, decimals: int, unit: str, text: str, text_unit: str, rounding: str) -> bool:
    """Whether an amount and a cell can be one amount (see :func:`agreement`); one truncated to the other
    agrees unless ``rounding`` is ``strict``."""
    return agreement(value, decimals, unit, text, text_unit, rounding) != "differs"


def agreement(value: Decimal, decimals: int, unit: str, text: str, text_unit: str, rounding: str) -> str:
    """``agree``, ``truncated`` or ``differs``: whether an amount (``value`` stated to ``decimals``, in
    ``unit``) and a cell reading ``text`` in ``text_unit`` can be one amount. A blank cell is 0; a cell
    that is no amount contradicts nothing; a dash is a 0 printed (-, —, －).

    Stated to the same decimals in the same unit, the two must be equal: two roundings of one amount to
    the same place cannot differ (236.63 is not 236.64). Otherwise their rounding intervals must meet, or
    else it is ``truncated`` when the amount's digits were cut rather than rounded (87.70万元 for
    877,080元, which is 87.708万元), as the ``rounding`` setting judges everywhere: with ``either`` that
    agrees, with ``strict`` it differs, with ``round`` (the default) the caller reports it as information.
    """
    text = "" if text.strip(" ¥￥") in _DASHES else text
    other = number(text) if text.strip() else None
    if text.strip() and (other is None or other.percent):
        return "agree"
    if not text_unit and unit in _MONEY and other is not None:
        # a table whose unit line was lost (printed on a page of its own, cut off): in whichever unit of
        # money it was kept, the amounts may agree; only when they agree in none is it judged
        said = [agreement(value, decimals, unit, text, money, rounding) for money in _MONEY]
        return next((s for s in ("agree", "truncated") if s in said), "differs")
    factor = units.factor(text_unit, unit) if text_unit and unit else Decimal(1)
    if factor is None:
        return "agree"
    mine = interval(value, decimals)
    theirs = (Interval.point(Decimal(0)) if other is None
              else interval(other.value, other.decimals).scale(factor))
    if other is not None and factor == 1 and other.decimals == decimals and rounding != "either":
        same = other.value == value
    else:
        same = mine.meets(theirs)
    if same:
        return "agree"
    if factor != 1 and interval(value, decimals, "truncate").meets(theirs):
        return {"either": "agree", "strict": "differs"}.get(rounding, "truncated")
    return "differs"


_MONEY = ("元", "万元", "亿元")  # the units report tables are kept in (a tenth is a slip, never a unit)


def _amount(cell: Cell, dash: bool = False):
    """A cell's amount: its number, or with ``dash`` 0 for a dash (the forms print a zero as -, — or －)."""
    if dash and cell.span is not None and cell.text.strip(" ¥￥") in _DASHES:
        return Value(Decimal(0), 2, False), cell
    value = number(cell.text) if cell.text and cell.span is not None else None
    return None if value is None or value.percent else (value, cell)


_DASHES = ("-", "—", "－", "–")


def other_period(text: str, figure, report_year: str | None, caption: str, header=()) -> bool:
    """Whether a prose figure is of another time than a table of the report's year (``caption`` naming a
    year, else ``report_year``): last year's (公务接待费上年决算 a), another year's (2025年公务接待费预算 a;
    2023年…决算 a), or a budget before the adjustment its sentence goes on to (年初预算 a，年中调减为 b: the
    table's 预算数 may be b)."""
    clause = labels.clause(text, figure.start)
    if labels.LAST_YEARS.search(clause):
        return True
    sentence = _COMPARED_YEAR.sub("", labels.dated(text, figure.start)[0])  # (与2023年相比，A a: not 2023's;
    # 经2023年12月…批准: a date)
    years_in = labels.OWN_YEAR.findall  # its own clause's year, else its sentence's first (2025年…预算合计
    # X，较2024年预算减少 d，其中：A a is 2025's)
    years = years_in(_COMPARED_YEAR.sub("", clause)) or years_in(sentence)[:1]
    said = labels.YEAR.search(caption)
    own = said.group(1) if said else report_year
    if years and own and years[-1] != own and not labels.THIS_YEAR.search(clause):
        return True
    return "年初" in clause and _ADJUSTED_AFTER.match(text, figure.end) is not None \
        and not any("年初" in h for h in header)  # (a 年初预算数 column says it: that one)


_COMPARED_YEAR = lazy(r"(?:与|同|和|较|比)\s*(?:19|20)\d\d\s*年度?(?:同期)?(?:相比|比较)?")
_ADJUSTED_AFTER = lazy(r"[^。；;]{0,20}?(?:调减|调增|调整|追加|核减|核增|压减)(?:后|为|至|到)")
