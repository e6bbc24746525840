"""narrative_rows: amounts the narrative gives for a table's rows, named by their classification, agree with
those rows of the table: 社会保障和就业支出（类）754.75万元; “一般公共服务支出（类）商贸事务（款）
行政运行（项）”938.99万元; “农林水支出”科目16351.13万元; 档案馆（项）2026年预算数为249.26万元; or an item
1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）… 支出决算为54.53万元.

The table and its column are named by caption and header words (option ``cell``: ``tables``, ``column``, e.g.
合计). Figures, their row names and the rows they resolve to are read as :mod:`crossfoot.tables.classes`
describes: a money figure after names of 类, 款 and 项 (or whose label is only a measure, ``measures``:
支出决算, in a numbered item that names them), looked up through the table's classification codes, only in a
part of the report about the table (``topic``), and not in a sentence listing the classes of one kind of
spending (一般公共预算基本支出 X，其中：一般公共服务支出（类）a; 基本支出中，…; 项目支出：…; 项目支出
X。其中，“A”科目 a: that kind's; both kinds named, 包括基本支出 a、项目支出 b，…, only frame the classes),
nor a class named as a 科目 (no level said) when another fund's amount stands in its paragraph or those before
and its table (政府性基金预算支出表) gives that class money too, or no such table tells (the class's amount of
all funds).

The figure and the cell, converted to one unit, must agree: stated to the same decimals in the same unit
they must be equal (two roundings of one amount to the same place cannot differ), otherwise their rounding
intervals must meet (:func:`crossfoot.tables.locate.agreement`). The finding is on the prose figure, with the
cell as the related place; an item stating the same wrong amount twice for its row (within a few blocks) is
reported once.
"""

from __future__ import annotations

from ...figures import labels
from ...regex import lazy
from ...tables import classes, number, row_label
from ...tables.locate import agreement
from ..base import Check, differs

# a kind of spending whose classes a sentence lists (基本支出 X，其中：…（类）a; 基本支出中，…; 项目支出：…),
# not the classes' totals; both kinds named frame the classes instead (包括基本支出 a、项目支出 b，…（类）)
_KIND_OF_SPENDING = lazy(r"基本支出|项目支出|人员经费|公用经费")

_PARTS_OPEN = lazy(r"\s*(?:其中|主要用于|具体为|按科目分)")
# another fund's amount, not nothing (政府性基金预算200.00万元; not 政府性基金拨款支出预算0.00万元)
_FUND_AMOUNT = lazy(r"(?:政府性基金|国有资本经营)[^，,。；;\d]{0,16}?(\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|亿元)")
_FUNDS_BACK = 6  # paragraphs looked back for another fund's amount beside the classes listed


def _other_funds(analysis, fig) -> bool:
    """Whether the figure's paragraph, or those just before it, give another fund than the general budget
    an amount (the classes listed after are then of all funds, 科目 naming no fund)."""
    blocks = analysis.doc.blocks
    for b in range(fig.block, max(-1, fig.block - _FUNDS_BACK), -1):
        text = blocks[b].text if b != fig.block else blocks[b].text[: fig.start]
        if any(float(m.group(1).replace(",", "")) > 0 for m in _FUND_AMOUNT.finditer(text)):
            return True
    return False


def _funded(analysis, name: str) -> bool:
    """Whether a class of that name has another fund's money (a row of a 政府性基金/国有资本经营 table with an
    amount), or no such table says."""
    tables = [t for t in analysis.tables if _FUND_TABLE.search(t.title)]
    if not tables:
        return True
    for table in tables:
        for r, row in enumerate(table.rows):
            if classes.same_name(name) in classes.same_name(row_label(table, r)) \
                    and any((v := number(c.text)) is not None and v.value for c in row[1:]):
                return True
    return False


_FUND_TABLE = lazy(r"(?:政府性基金|国有资本经营)[^表]*支出[^表]*表")


KIND = "narrative_rows"
FIELDS = ("stated", "computed", "label", "other", "table", "where")
Options = classes.Spec
_ITEM_REACH = 3  # blocks within which an item restating its row's amount is one statement


def run(analysis, check: Check):
    o = check.options
    rows = classes.rows(analysis, o.cell.tables, o.cell.column)
    if not rows:
        return  # a document without the table has nothing to check
    named, table = rows
    reported: dict = {}  # (row, value) → block: an item restating it (…（项）”738.66万元…预算安排738.66万元)
    for block, fig in analysis.amounts():
        if not classes.marked(analysis, fig.block):
            continue  # no 类/款/项 named in this block
        if analysis.part(block.line) != analysis.part(table.span.line) \
                and any(analysis.part(t.span.line) == analysis.part(block.line) for t in analysis.tables):
            continue  # a unit's own report (its own tables) after the department's: not the department's
        if labels.earlier(fig.label, analysis.year()):
            continue  # 2025年预算安排900.00万元 in a 2026 budget: last year's, not the table's row
        names = classes.chain(block.text, fig, o.measures, o.filler, analysis.year())
        if not names or not classes.on_topic(analysis, fig, o.topic):
            continue
        opened = labels.sentence_start(block.text, fig.start)
        if _PARTS_OPEN.match(block.text, opened) and opened:  # 项目支出 X。其中，“A”科目 a: the sentence
            opened = labels.sentence_start(block.text, opened - 1)  # before says whose parts
        kinds = set(_KIND_OF_SPENDING.findall(block.text, opened, names[0].start()))
        if not names[-1][2] and _other_funds(analysis, fig) and _funded(analysis, names[-1][1]):
            continue  # …政府性基金预算200.00万元。…“城乡社区支出”科目250.00万元: of all funds, the class the
            # other fund's too (or no table of that fund to tell)
        if len(kinds) == 1:
            continue  # 一般公共预算基本支出 X，其中：一般公共服务支出（类）a: the class's 基本支出 (one kind
            # named before its classes; 包括基本支出 a、项目支出 b，按功能分类，…（类）c frames them: read)
        found, _missing, _parent = classes.resolve(named, names)
        if found is None:
            continue
        cell = named[found][2]
        said = agreement(fig.value, fig.decimals, fig.unit, cell.text, table.unit, analysis.rounding)
        key = (found, fig.value, fig.unit)
        if said != "agree" and fig.block - reported.get(key, -_ITEM_REACH) >= _ITEM_REACH:
            reported[key] = fig.block
            yield differs(check, analysis, fig, cell, table, classes.label(names),
                          truncated=said == "truncated")
