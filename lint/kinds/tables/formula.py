"""formula: a derived column equals the formula the pack declares over the other columns, row by row.

The check selects tables by header words and names the columns it uses (option ``columns``: a name → the
header words that pick the column, e.g. ``plan: [年初预算]``, tried in order, each column used once, a word
two columns hold leaving the table alone, but for one header group's total and parts, where it names the total
(决算数 over 合计 | 基本支出 | 项目支出: its 合计, or the part the result names, 项目支出执行率; not beside an
addition or carry-over, 预算数追加, 执行数其中：上年结转); ``增减…金额`` names a column whose header holds
增减 and, after it, 金额: a two-line header's 比上年增减情况 over 金额 | 幅度); ``formula`` is arithmetic over
those names (``+ - * /``, parentheses, numbers, ``min(a, b)`` and ``max(a, b)``: a score capped at its 分值)
and ``result`` names the column that states the outcome::

    columns: {initial: [年初预算], adjusted: [全年预算], rate: [调整率]}
    formula: (adjusted - initial) / initial * 100
    result: rate

Option ``alternatives`` names another column a name may stand for (``budget: [到位资金]``: an 执行率 over
the funds received, as some templates define it): the row holds when the formula holds with either; a
column under the same header group as one taken already (项目支出 under 2026年预算数, beside its 合计) is a
part of it, no alternative; one written ``word@said`` stands only when the name's column is headed with
``said`` (``年初预算@调整``).
The name ``elapsed`` is built in: the share of the year elapsed by the row's period (``1-3月`` → 25, for
progress that should keep pace with the calendar). A table lacking any named column is not this check's
table. Rows with a blank or non-numeric cell, or a zero divisor, are skipped. Option ``worded`` reads each
cell's one figure among its words, as an indicator table writes them (≥680万平方米, 326人次, -16.06个百分点; a
percentage its number of points), skipping a row where a cell holds no figure or several; option
``either_sign`` lets the result be stated as the formula's value or its size (a 偏差 of −16.06 or 16.06).

A rate column stored as fractions (1.0053 for 100.53%: no % sign, none above 1.5, some to four decimals) is
read as the percentages it stands for.

Judged as intervals: the formula is evaluated on the cells' rounding intervals (a whole number in a
column that shows decimals is taken at the column's precision) and must meet the result cell's interval;
a result that only truncation explains is ``info``.
"""

from __future__ import annotations

import ast
import functools
import os
import re
from dataclasses import field, replace
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from ...figures import labels, precision
from ...interval import Interval
from ...lang import say
from ...model import Figure, Severity, Span
from ...regex import lazy
from ...tables import NOTHING, TOTAL_LABEL, cell_figure, cell_figures, number, row_label
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "formula"
FIELDS = JUDGED

_OPS = {ast.Add: "__add__", ast.Sub: "__sub__", ast.Mult: "__mul__", ast.Div: "__truediv__"}
_PERIOD = lazy(r"(?:\d{1,2}\s*[-－—~至到]\s*)?(\d{1,2})\s*月")
_CALLS = {"min": min, "max": max}
_LONGEST = 500  # characters of a formula: arithmetic on a few columns, never a parser's stress test
_LARGEST_CONSTANT = 10**12  # a formula's own numbers (100, 0.8, 12): never 1e999, infinite as a float
_DEEPEST = 50  # operations nested in one another (480 signs before a name: no arithmetic of a report's)


def _depth(tree) -> int:
    """How deep a formula's operations nest, counted without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


@options
class Options:
    columns: dict[str, Words] = field(default_factory=dict)
    """A name → the header words that pick its column."""
    formula: str = ""
    """Arithmetic over the names (+ - * /, parentheses, numbers, min and max; ``elapsed`` is built in)."""
    result: str = ""
    """The name of the column that states the outcome."""
    alternatives: dict[str, Words] = field(default_factory=dict)
    """A name → header words of another column it may stand for (an 执行率 over 到位资金 rather than
    预算数, as templates define it either way): the row holds when the formula holds with either."""
    unless: Words = Words([])
    """Words of a rule the document states for itself instead of the formula (执行率达到95%（含）以上的
    得满分): where one is found in a clause (up to 。 or ；) that also holds an ``unless_with`` word (执行率;
    any clause when there are none), the formula is not judged."""
    unless_with: Words = Words([])
    capped: Words = Words([])
    """Words of a cap the document states for the result (执行率超过100%的按100%填列): a stated 100% whose
    formula gives more holds."""
    blank_zero: bool = False
    """A blank cell among the formula's operands is 0 (决算 tables leave zeros blank), when the result's
    cell states a figure."""
    absent: Words = Words([])
    """Header words of columns the formula leaves out (结余分配, 使用非财政拨款结余 beside 年初结转和结余 |
    本年收入 | 本年支出 | 年末结转和结余): a table holding one is not judged, its rows balance with it."""
    floored: bool = False
    """A whole-number result that is the formula's value rounded down (an execution score of 9 for
    9.78) or to the nearest point (9 for 8.62): a form's own stepping, noted as ``info`` rather than
    judged a mismatch."""

    worded: bool = False
    """Cells hold their figure among words, as an indicator table's do (≥680万平方米, 326人次,
    -16.06个百分点): each cell's one figure is read, its comparator and unit aside; a cell of more or no
    figures skips the row. A percentage is its number of points there (83.94% − 100% is −16.06 个百分点)."""
    either_sign: bool = False
    """The result may be stated as the formula's value or its size (a 偏差 of −16.06 or 16.06 for a
    shortfall, as templates write it either way): the row holds when either meets it."""

    def validate(self) -> str | None:
        """Why the options cannot work, or None (the engine reports it with the pack's file and line)."""
        if not self.columns:
            return "option columns must map names to header words"
        if self.result not in self.columns:
            return f"option result {self.result!r} is not one of the columns"
        if any(name not in self.columns or name == self.result for name in self.alternatives):
            return "option alternatives must name columns other than the result"
        if len(self.formula) > _LONGEST:
            return f"formula is longer than {_LONGEST} characters"
        try:
            tree = ast.parse(self.formula, mode="eval")
        except (SyntaxError, MemoryError, RecursionError, ValueError):
            return f"formula {self.formula!r} is not arithmetic"
        calls = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (not isinstance(node.func, ast.Name) or len(node.args) < 2
                                               or node.func.id not in _CALLS or node.keywords):
                return f"formula {self.formula!r} may call only min(a, b, …) and max(a, b, …)"
            if isinstance(node, ast.Name) and id(node) in calls:
                continue
            if isinstance(node, ast.Name) and node.id not in self.columns and node.id != "elapsed":
                return f"formula names {node.id!r}, which is not a column"
            if isinstance(node, ast.Constant) and (isinstance(node.value, bool)
                                                   or not isinstance(node.value, (int, float))):
                return f"formula {self.formula!r} may hold only numbers besides column names"
            if isinstance(node, ast.Constant) and not abs(node.value) <= _LARGEST_CONSTANT:
                return f"formula {self.formula!r} holds a number beyond any report's ({node.value!r})"
            if not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.Name, ast.Load,
                                     ast.Constant, ast.Call, *_OPS)):
                return f"formula {self.formula!r} may use only + - * /, parentheses, min and max"
        if _depth(tree) > _DEEPEST:
            return f"formula is nested more than {_DEEPEST} deep (a chain of signs or brackets)"
        return None


_CLAUSES = lazy(r"[。；;]")  # a rule and its word in one clause (not 执行率…；满意度…每低1个百分点)


def run(analysis, check: Check):
    columns = check.options.columns
    tree = ast.parse(check.options.formula, mode="eval").body
    result = check.options.result
    unless, near = check.options.unless, check.options.unless_with
    if unless and any(_rule_near(clause, unless, near)
                      for b in analysis.doc.blocks if b.kind != "row" and _rule_said(b.text, unless)
                      for clause in _CLAUSES.split(b.text)):
        return  # the document states its own rule for the result (执行率95%以上的得满分)
    capped = [clause for b in analysis.doc.blocks if check.options.capped
              and _rule_said(b.text, check.options.capped) for clause in _CLAUSES.split(b.text)
              if _rule_said(clause, check.options.capped)]  # (the clauses stating a cap, to be of the column)
    for table in analysis.tables:
        if check.options.absent and any(check.options.absent.within(h) for h in table.header):
            continue  # (年初 + 收入 − 支出 = 年末 beside a 结余分配 column: that column takes part too)
        choices = [w for w in (_where(table, columns, result, k) for k in range(_choices(table))) if w]
        for name, words in check.options.alternatives.items():
            choices += [{**w, name: j} for w in choices
                        for j in _headed(table, _standing(table, words, w[name]), set(w.values()))
                        if not _grouped_with(table, j, w.values())]
        choices = [w for w in choices if not _VS_BUDGET.search(table.header[w[result]]) or not any(
            _PRIOR_YEAR.search(table.header[j]) for name, j in w.items() if name != result)]
        choices = [w for w in choices if not _composition(table, w[result])]
        # (决算比年初预算增减 over 上年决算数 | 年初预算数 | 决算数: the budget's change, never last year's)
        for row in range(len(table.rows)):
            verdicts = [v for w in choices if (v := _row(analysis, check, table, row, w, tree, result,
                                                         _capping(capped, table.header[w[result]])))]
            if verdicts:
                yield next((v for v in verdicts if v.holds), verdicts[0])


def _standing(table, words, col: int) -> list[str]:
    """The alternative ``words`` that stand beside column ``col``: all but those written ``word@said``, which
    stand only when ``col``'s header holds ``said`` (年初预算@调整: the 年初预算数 is another reading of a
    rate over the 调整预算数, not of one over a 全年预算数, which a 自评表 defines it over)."""
    return [w.split("@")[0] for w in words if "@" not in w or w.split("@")[1] in table.header[col]]


def _grouped_with(table, col: int, taken) -> bool:
    """Whether ``col`` stands under the same header group as a column taken already: a part of it (项目支出
    under 2026年预算数, beside its 合计), no other reading of a name (a prior's alternative)."""
    group = tuple(line[col] for line in table.levels[:-1])
    return any(group) and any(tuple(line[j] for line in table.levels[:-1]) == group for j in taken)


def _where(table, columns: dict, result: str, choice: int = 0) -> dict[str, int] | None:
    """The column of each name, or None when one is missing or ambiguous: the result's first, then each
    other name's, by its words in order (the first word a column holds wins: 全年预算数 before 预算数, so
    a 年初预算数 column to its left is not taken), never a column taken already (得分 is not the 得分率
    column); a column the result's header names is taken first (决算数为年初预算数的%: 年初预算数); a word
    that two free columns hold (预算数 of 年初预算数 and 调整预算数) leaves it unsaid,
    unless each is under a year of its own (2022年决算数 | 2023年决算数: the latest year's).
    ``choice``: which earlier year ``{earlier}`` names when the headers name more than two (see
    :func:`_dated`)."""
    where: dict[str, int] = {}
    for name in (result, *(n for n in columns if n != result)):
        unwanted = [w for w in columns[name] if w.startswith("!")]
        if name != result and result in where:
            said = _said(table, columns[name], where[result], set(where.values()))
            if said is not None:
                where[name] = said
                continue
        for word in (w for w in columns[name] if not w.startswith("!")):
            if word in _YEARS:
                hits = [j for j in _dated(table, word, where.get(result), choice) if j not in where.values()]
            else:  # filled columns only: an empty column under a merged name is none
                named = _headed(table, [word, *unwanted], set(where.values()))
                hits = _latest(table, named, where.get(result))
                if not named and _headed(table, [word, *unwanted], set(where.values()), empty=True) \
                        and _unheaded_figures(table):
                    return None  # 年初预算数 | | 全年预算数 over 3128.36 | 3486.37 | (empty): the word's
                    # column is there but holds nothing, its figures under a blank header; no lesser word
                    # stands in for it (an empty 全年预算数 beside no such column: no adjustment, 年初 does)
            if len(hits) > 1:
                hits = _group_total(table, hits, table.header[where[result]] if result in where else "")
            if len(hits) > 1:
                return None
            if hits:
                where[name] = hits[0]
                break
        else:
            return None
    if "百分点" in table.header[where[result]] and any(
            _SHARE.search(h) for j, h in enumerate(table.header) if j != where[result]) \
            and not all(_SHARE.search(table.header[j]) for n, j in where.items() if n != result):
        return None  # a change in points beside rates: of the rates (执行率 | 上年执行率), not an amount
    operands = [j for n, j in where.items() if n != result]
    if _CUMULATIVE.search(table.header[where[result]]) and _by_year(table) and any(
            not _CUMULATIVE.search(table.header[j]) and _varies(table, j) for j in operands):
        return None  # 年度 | 计划投资 | 完成投资 | 累计完成 | 累计完成率, a row a year: a running rate over
        # the plans to date, not over the row's own year's plan (a plan the same on every row is the whole's)
    return where


_CUMULATIVE = lazy(r"累计")  # (累计完成率 over 累计完成)
_YEAR_ROW = lazy(r"\s*(?:19|20)\d\d\s*年?度?(?:[上下]半年)?\s*$")


def _group_total(table, hits: list[int], said: str = "") -> list[int]:
    """Of columns a word names alike that are one header group over its total and parts (决算数 over 合计 |
    基本支出 | 项目支出), the group's total, or the part the result's header ``said`` names (项目支出执行率:
    项目支出's); ``hits`` as they are otherwise."""
    names = [_BLANK.sub("", table.header[j]) for j in hits]
    group = os.path.commonprefix(names)
    if len(group) < 2 or any(len(name) <= len(group) or _NOT_PART.search(name[len(group):])
                             for name in names):
        return hits  # (执行数合计 | 执行数其中：上年结转: a rate may be net of it; 预算数追加: an addition)
    own = [j for j, name in zip(hits, names) if name[len(group):] not in _GROUP_TOTALS
           and name[len(group):] in _BLANK.sub("", said)]
    if own:
        return own
    totals = [j for j, name in zip(hits, names) if name[len(group):] in _GROUP_TOTALS]
    named = any(name[len(group):] in _BLANK.sub("", said) for name in names) or _PART_SAID.search(said)
    return totals if len(totals) == 1 and not named else hits


_GROUP_TOTALS = ("合计", "小计", "总计")
_NOT_PART = lazy(r"其中|结转|结余|追加|调整|调增|调减")  # (beside a total: not a part of it a rate adds up)
_PART_SAID = lazy(r"基本|项目|人员|公用|财政|自筹|其他|中央|省级|市级|县级")  # a rate of a part of the money
_BLANK = lazy(r"\s+")


def _by_year(table) -> bool:
    """Whether the table's rows are years (2022年, 2023年上半年), its totals aside (not months or quarters of
    one year: a 1-9月 累计执行率 is over the year's budget)."""
    names = [row_label(table, i) for i in range(len(table.rows))]
    names = [n for n in names if n and not TOTAL_LABEL.search(n)]
    return len(names) >= 2 and all(_YEAR_ROW.match(n) for n in names)


def _varies(table, col: int) -> bool:
    """Whether a column holds different amounts on its rows (each year's own plan, not the whole's)."""
    values = {v.value for r in table.rows if (v := number(r[col].text)) is not None}
    return len(values) > 1


def _unheaded_figures(table) -> bool:
    """Whether a column with a blank header holds figures: the header is set off from its columns."""
    return any(not name.strip() and any(number(r[j].text) is not None for r in table.rows if j < len(r))
               for j, name in enumerate(table.header))


def _said(table, words, result: int, taken: set[int]) -> int | None:
    """The one column of ``words`` whose header the result's header names (决算数为年初预算数的% names
    年初预算数 of 年初预算数 | 全年预算数), or None."""
    named = table.header[result]
    hits = [j for j in _headed(table, words, taken) if table.header[j].strip() and table.header[j] in named]
    return hits[0] if len(hits) == 1 else None


def _latest(table, hits: list[int], result: int | None) -> list[int]:
    """Of columns a word names alike, each under a year of its own (2022年决算数 | 2023年决算数), the one
    of the year the result column sits beside (the latest dated column to its left: 2023预算 | 2023执行 |
    执行率 | 2024预算 is 2023's), else the latest year's; ``hits`` as they are otherwise."""
    years = _years(table)
    if len(hits) < 2 or any(j not in years for j in hits) or len({years[j] for j in hits}) != len(hits):
        return hits
    beside = _beside(table, result)
    if beside is not None:
        return [j for j in hits if years[j] == beside]
    return [max(hits, key=years.get)]


def _beside(table, result: int | None) -> str | None:
    """The year of the nearest column left of ``result`` that names one, when ``result`` sits between
    dated columns (2023预算 | 2023执行 | 执行率 | 2024预算); None otherwise (after them all, it is the
    latest year's, wherever that stands: 2024年预算数 | 2023年预算数 | 增减额)."""
    years = _years(table)
    left = [j for j in years if result is not None and j < result]
    right = [j for j in years if result is not None and j > result]
    return years[max(left)] if left and right else None


def _headed(table, words, taken: set[int], empty: bool = False) -> list[int]:
    """The filled columns (with ``empty``, the empty ones) not ``taken`` whose header holds one of ``words``
    and none of its ``!`` words."""
    unwanted = [w[1:] for w in words if w.startswith("!")]
    wanted = [w for w in words if not w.startswith("!")]
    return [j for j, h in enumerate(table.header) if j not in taken and any(_holds(h, w) for w in wanted)
            and not any(_holds(h, u) for u in unwanted) and any(r[j].text for r in table.rows) != empty]


def _composition(table, col: int) -> bool:
    """Whether a column of percentages is each row's share of a whole: its total row stating 100, every
    other row between 0 and 100, its header naming no 率 (比例 of the 合计 100.00%, the rows 25.00% and
    75.00%, sub-rows too): a composition, no rate of change."""
    if not _SHARE.search(table.header[col]):
        return False
    total, rest = None, []
    for row in table.rows:
        value = number(row[col].text) if row and col < len(row) else None
        if row and TOTAL_LABEL.fullmatch(_SPACES.sub("", row[0].text)):
            total = value
        elif value is not None:
            rest.append(value.value)
    return total is not None and total.value == 100 and bool(rest) and "率" not in table.header[col] \
        and all(0 <= v <= 100 for v in rest)  # (each row a share, not a 增减率 of 100: the total doubled)



def _rule_said(text: str, words) -> bool:
    """Whether ``text`` states one of ``words``, a rule's pieces split by … with only a rule's filler
    between them (90%以上（含90%）的，得满分; not …均在100%以上，效益指标得满分: another subject's fact), the
    last piece not denied (未得满分)."""
    for word in words:
        last = word.rsplit("…", 1)[-1]
        if word.split("…", 1)[0] in text and any(
                not text.startswith("未", max(m.end() - len(last) - 1, 0))
                for m in _pieces(word, _FILLER).finditer(text)):
            return True
    return False


_FILLER = r"[\s\d.%％（）()含的者时可则即及部分，,≥]{0,12}?"  # what a rule puts between its pieces


def _rule_near(clause: str, words, near) -> bool:
    """Whether ``clause`` states one of the rule's ``words`` (:func:`_rule_said`) with one of ``near``
    (执行率) in it or just before it (预算执行率在95%（含）以上计满分，…每差1个百分点扣0.2分; not 产出数量指标
    每差1个百分点扣1分，预算执行率按…: another indicator's rule beside the execution's)."""
    if not near:
        return _rule_said(clause, words)
    for word in words:
        for m in _pieces(word, _FILLER).finditer(clause):
            if _rule_said(clause[m.start() : m.end()], (word,)) \
                    and near.within(clause[max(0, m.start() - _NEAR_REACH) : m.end()]):
                return True
    return False


_NEAR_REACH = 60  # characters before a rule's words where the result it is about is named


def _holds(header: str, word: str) -> bool:
    """Whether ``header`` holds ``word``, its pieces split by … in order (增减…金额: 比上年增减情况金额),
    the header's spaces aside (本 期)."""
    return _pieces(word, ".*?").search(_SPACES.sub("", header)) is not None


@functools.lru_cache(maxsize=256)
def _pieces(word: str, gap: str) -> re.Pattern:
    """``word``'s pieces (split by …) in order, ``gap`` between them."""
    return re.compile(gap.join(re.escape(p) for p in word.split("…")))


_SPACES = lazy(r"\s+")
_YEARS = ("{earlier}", "{later}")
_LAST_YEAR = lazy(r"\s*(?:上年|去年|上年度)")  # a column of last year's figures that names no year
_THIS_YEARS = lazy(r"完成|执行|决算|实际|本年|本期|累计")  # a column of this year's outturn, naming no year
_SHARE_OR_CHANGE = lazy(r"占|%|％|率|比重|增减|比上年|较上年|同比")  # a share, a rate or a change


def _dated(table, word: str, result: int | None, choice: int = 0) -> list[int]:
    """For ``{earlier}`` (``{later}``): the column whose header names the earlier (later) of the years that
    the filled columns' headers but the result's (比2022年增减额) name (2024年预算 | 2025年预算), one year
    each; [] otherwise. Of three years or more (2023年决算 | 2024年预算 | 2025年预算 | 增减额) the later
    is the latest, and which of the others the change is against the table does not say: ``choice`` 0 is
    the year before the latest, 1 the one before that, and so on (the check holds when one of them gives
    the change). The latest year may have two columns when one is its outturn (2023年决算数 | 2024年预算数 |
    2024年决算数): the later is that one, the budget beside it left to the alternatives; or its total
    (2025年预算数 over 小计 | 基本支出 | 项目支出): the 小计. A result whose header says what it compares
    is read so, alone: 2024年比2023年增减额 those years' columns, 较预算增减额 (决算比预算) the outturn
    against the budget of its year; a change in 百分点 beside columns of shares or rates is of those
    (2024年执行率), never of amounts'. One year named beside a column of last year's that names none
    (2016年预算数 | 上年完成数 | 比上年增减额): the later is that year's."""
    years = {j: year for j, year in _years(table).items() if j != result}
    if result is not None and "百分点" in table.header[result] \
            and any(_SHARE.search(h) for j, h in enumerate(table.header) if j != result):
        # a change in points, in a table of amounts and their shares or rates: of those, not of amounts
        years = {j: year for j, year in years.items() if _SHARE.search(table.header[j])}
    named = _compared(table.header[result]) if result is not None else None
    if named is not None and choice:
        return []  # the result's header says what it compares: one reading
    beside = _beside(table, result)
    latest = beside if beside is not None else max(years.values(), default="")
    if named and named[0] != "预算":
        latest = named[0]
    years = {j: year for j, year in years.items() if year <= latest}  # (later years: another comparison's)
    later = [j for j, year in years.items() if year == latest]
    if len(later) > 1:  # 2025年预算数 over 小计 | 基本支出 | 项目支出: the latest year's total
        later = [j for j in later if _SUBTOTAL.search(table.header[j])] or later
    if len(later) > 1:  # 2023年决算数 | 2024年预算数 | 2024年决算数: the latest year's outturn
        later = [j for j in later if _OUTTURN.search(table.header[j])]
    earlier = sorted((j for j in years if years[j] != latest), key=lambda j: (years[j], -j), reverse=True)
    if named and named[0] == "预算":  # 较预算增减额: the outturn against its own year's budget
        earlier = [j for j in years if years[j] == latest and j not in later and "预算" in table.header[j]]
    elif named:  # 2024年比2023年增减额
        earlier = [j for j in earlier if years[j] == named[1]]
    others = [h for j, h in enumerate(table.header) if j != result and j not in years]
    if word == "{later}" and len(later) == 1 and not earlier and not named \
            and any(_LAST_YEAR.match(h) for h in others) \
            and not any(_THIS_YEARS.search(h) and not _LAST_YEAR.match(h) and not _SHARE_OR_CHANGE.search(h)
                        for h in others):
        return later  # 2016年预算数 | 上年完成数 | 比上年增减额: the one year named, against last year's (not
        # 2023年预算数 | 完成数 | 上年完成数: the 完成数 is this year's, the budget beside it)
    if len(later) != 1 or not earlier or len(set(years[j] for j in earlier)) != len(earlier):
        return []
    if word == "{later}":
        return later
    return earlier[choice:choice + 1]


def _compared(header: str) -> tuple[str, ...] | None:
    """What a change column's header says it compares: ``(later, earlier)`` years (2024年比2023年增减额),
    ``("预算",)`` for the outturn against its budget (较预算增减额, 决算比预算增减), else None."""
    m = _VS_YEARS.search(header)
    if m and m.group(1) > m.group(2):
        return m.group(1), m.group(2)
    return ("预算",) if _VS_BUDGET.search(header) else None


_VS_YEARS = lazy(r"(\d{4})\s*年?度?[^\d比较]{0,4}(?:比|较|相比|对比)\s*(\d{4})\s*年?")
_PRIOR_YEAR = lazy(r"上年|去年|上一年")
_VS_BUDGET = lazy(r"(?:比|较|对比)(?:年初|调整后?|全年)?预算")


def _choices(table) -> int:
    """How many readings of ``{earlier}`` a table allows: one per year but the latest (at least one)."""
    return max(1, len(_years(table)) - 1)


def _years(table) -> dict[int, str]:
    """The year each filled column of amounts names in its header (2024年预算数), one year each."""
    return table.once(("years",), lambda: _read_years(table))


def _read_years(table) -> dict[int, str]:
    years = {}
    for j, h in enumerate(table.header):
        found = set(labels.YEAR.findall(h))
        if len(found) == 1 and not _NOT_AMOUNT.search(h) and any(r[j].text for r in table.rows):
            years[j] = found.pop()  # not 2025年比2024年增减额 (a comparison) nor 2024年占比 (a share)
    return years


_NOT_AMOUNT = lazy(r"占比|比重|增减|比上年|较上年")
_OUTTURN = lazy(r"决算|执行数|实际")
_POINTS = lazy(r"分值|满分|标准分|权重")
_SHARE = lazy(r"率|%|％|占比|比重|幅度|百分比|比例")
_SUBTOTAL = lazy(r"(?:小计|合计)$")


def _capping(clauses: list[str], header: str) -> bool:
    """Whether a clause stating a cap names the result's column (执行率超过100%的按100%填列 for 执行率; not
    得分率超过100%的…, 满意度不超过100%)."""
    name = _HEADER_UNIT.sub("", header).strip()[-3:]  # (预算执行率: its 执行率, as a note says it)
    return len(name) >= 2 and any(
        name in c and not any(other in c.replace(name, "") for other in _OTHER_RATES) for c in clauses)


_HEADER_UNIT = lazy(r"[（(][^（()）]*[）)]|\s")
_OTHER_RATES = ("得分率", "完成率", "满意度", "偏差率", "占比", "进度")


def _row(analysis, check, table, row, where, tree, result, capped: bool = False):
    if check.options.worded:
        return _worded_row(analysis, check, table, row, where, tree, result)
    figures = {name: cell_figure(table, row, col) for name, col in where.items()}
    blank = set()
    if check.options.blank_zero and figures[result] is not None:
        blank = {name for name, f in figures.items() if f is None
                 and not table.rows[row][where[name]].text.strip(NOTHING)}
        figures.update({name: _ZERO for name in blank})  # 年初结转和结余 left blank: none, 0
    if any(f is None for f in figures.values()) or len(blank) == len(figures) - 1:
        return None
    if _shifted(table, row) or any(f.unit == "%" and not _SHARE.search(table.header[where[name]])
                                   for name, f in figures.items()):
        return None  # a percentage under a column of amounts: the row's cells stand under other headers
    figures = {name: _percent(f) if _fractions(table, where[name]) else f for name, f in figures.items()}
    if any("权重" in table.header[where[name]] and (f.value < 1 or f.value == 1 and f.decimals)
           for name, f in figures.items() if name != result):
        return None  # 权重 0.50, 1.00: a weight as a fraction of the whole score, not the points themselves
    figures = {name: replace(f, exact=True) if f.decimals == 0 and _POINTS.search(table.header[where[name]])
               else f for name, f in figures.items()}  # a whole 分值 or 权重 is exact, not rounded from 4.5
    env = {name: precision.interval(f) for name, f in figures.items() if name != result}
    if _uses(tree, "elapsed"):
        m = _PERIOD.search(row_label(table, row))
        if not m or not 1 <= int(m.group(1)) <= 12:
            return None
        env["elapsed"] = Interval.point(Decimal(int(m.group(1))) * 100 / 12)
    stated = figures[result]
    related = tuple(f for name, f in figures.items() if name != result and name not in blank)
    expression = _shown(tree, figures)
    if "elapsed" in env:
        shown = f"{env['elapsed'].lo.quantize(Decimal('0.01')).normalize():f}"
        expression = re.sub(r"\belapsed\b", f"{shown} (share of the year elapsed)", expression)
    if capped and stated.value == 100 and (value := _eval(tree, env)) is not None and value.lo >= 100:
        return None  # 执行率超过100%的按100%填列: the cap the document states
    verdict = _judged(check, analysis, stated, related, tree, env, expression)
    found = verdict.finding if verdict is not None else None
    if found is not None and check.options.floored and stated.decimals == 0:
        value = _eval(tree, env)
        for rounding, phrase in ((ROUND_FLOOR, "floored"), (ROUND_HALF_UP, "rounded whole")):
            if value is not None and value.lo.to_integral_value(rounding) == stated.value \
                    == value.hi.to_integral_value(rounding):
                return verdict.with_finding(replace(found, severity=Severity.INFO,
                                                    message=found.message + say(phrase, check.lang)))
    return verdict


def _worded_row(analysis, check, table, row, where, tree, result):
    """A row whose cells hold their figures among words (option ``worded``)."""
    figures = {}
    for name, col in where.items():
        cell = table.rows[row][col]
        found = [f for f in cell_figures([cell]) if f.qualifier in ("", "ge", "le")]
        if len(found) != 1 or found[0].unit == "%" and name == result:
            return None  # (a deviation stated as a rate, 偏差率 5%: another measure)
        if _WORDS_AROUND.search(cell.text.replace(found[0].text, "", 1)):
            return None  # (受天气影响，2个乡镇培训延期: a cell of words holding a number, no figure)
        named = next((c.text.strip() for c in table.rows[row] if c.text.strip()), "")  # its indicator's name
        figures[name] = replace(found[0], label=f"{named} {table.header[col]}".strip())
    units = {f.unit for name, f in figures.items() if name != result}
    if len(units) != 1 or figures[result].unit not in (*units, "个百分点" if units == {"%"} else "-"):
        return None  # (≥1.2万人 against 98%; 300万元 against 2950000元; 10 beside 人次: a share, maybe)
    if not figures[result].value and _met(figures):
        return None  # (0 beside a target met: the form records shortfalls only)
    stated = figures[result]
    env = {name: precision.interval(replace(f, unit="")) for name, f in figures.items() if name != result}
    related = tuple(f for name, f in figures.items() if name != result)
    return _judged(check, analysis, stated, related, tree, env, _shown(tree, figures))


def _shown(tree, figures: dict) -> str:
    """The formula with each name replaced by the cell it stands for, as a finding shows it."""
    expression = ast.unparse(tree)
    for name, f in figures.items():
        expression = re.sub(rf"\b{name}\b", f.text, expression)
    return expression


def _judged(check, analysis, stated, related, tree, env, expression):
    """The row's verdict; with ``either_sign``, holding when the stated result is the value's size."""
    verdict = judge(check, analysis, stated, related, lambda: _eval(tree, env), expression=expression)
    if verdict is not None and not verdict.holds and check.options.either_sign:
        size = judge(check, analysis, stated, related, lambda: _negated(_eval(tree, env)),
                     expression=expression)
        verdict = size if size is not None and size.holds else verdict  # (偏差 16.06 for −16.06: its size)
    return verdict


def _met(figures: dict) -> bool:
    """Whether a row's actual meets its target, the way the target's comparator asks (≤ at most; else at
    least): a form may record only a shortfall, a deviation of 0 beside a target met."""
    target = next((f for name, f in figures.items() if f.qualifier), None) or figures.get("target")
    actual = figures.get("actual")
    if target is None or actual is None:
        return False
    return actual.value <= target.value if target.qualifier == "le" else actual.value >= target.value


_WORDS_AROUND = lazy(r"[\u4e00-\u9fff]{3,}|[，,。；;]")  # words beyond a unit (人次, 万平方米 aside: 3+)


def _negated(value: Interval | None) -> Interval | None:
    return None if value is None else Interval(-value.hi, -value.lo)


_ZERO = Figure(value=Decimal(0), text="0", decimals=0, exact=True, unit="", start=0, end=1, block=-1,
               span=Span(0, 0, 0, 0))


def _shifted(table, row: int) -> bool:
    """Whether a row's percentage stands under a header of amounts or points (97.90% under 得分): its cells
    sit under other headers than theirs (a group cell repeated before them). (A target's 95% under 年度指标值
    is its own.)"""
    for col in range(len(table.header)):
        header = table.header[col]
        if _AMOUNTS.search(header) and not _SHARE.search(header):
            f = cell_figure(table, row, col)
            if f is not None and f.unit == "%":
                return True
    return False


_AMOUNTS = lazy(r"得分|分值|权重|金额|万元|元）|元\)|预算数|决算数|执行数|支出|收入|合计")


def _fractions(table, col: int) -> bool:
    """Whether a rate column (率 in its header) holds fractions, as some exports store rates (1.0053 for
    100.53%): no cell with a % sign, none above 1.5, and some written to four decimals or more."""
    return table.once(("fractions", col), lambda: _read_fractions(table, col))


def _read_fractions(table, col: int) -> bool:
    if "率" not in table.header[col]:
        return False
    values = [number(r[col].text) for r in table.rows if r[col].text.strip()]
    values = [v for v in values if v is not None]
    return bool(values) and not any(v.percent or v.value > Decimal("1.5") for v in values) \
        and any(v.decimals >= 4 for v in values)


def _percent(figure):
    """A fraction (1.0053) as the percentage it stands for (100.53, to two decimals fewer)."""
    return replace(figure, value=figure.value * 100, decimals=figure.decimals - 2)


def _uses(tree, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(tree))


def _eval(node, env) -> Interval | None:
    if isinstance(node, ast.Constant):
        return Interval.point(Decimal(str(node.value)))
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.Call):  # min(a, b, …) or max(a, b, …), bound by bound
        args = [_eval(a, env) for a in node.args]
        if any(a is None for a in args):
            return None
        pick = _CALLS[node.func.id]
        return Interval(pick(a.lo for a in args), pick(a.hi for a in args))
    if isinstance(node, ast.UnaryOp):
        inner = _eval(node.operand, env)
        return None if inner is None else Interval(-inner.hi, -inner.lo)
    left, right = _eval(node.left, env), _eval(node.right, env)
    if left is None or right is None:
        return None
    return getattr(left, _OPS[type(node.op)])(right)
