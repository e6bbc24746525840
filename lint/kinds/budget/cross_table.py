"""cross_table: the same amount in two tables of one document agrees (a summary table's total and the
detail table's total, a column of one table and a row of another).

Each side (options ``stated`` and ``against``) names a cell (:class:`crossfoot.tables.locate.CellSpec`):
``tables`` (words a caption is or ends with: 收入决算表), ``not`` (words that rule a caption out, so
一般公共预算财政拨款支出决算表 is no 支出决算表), ``row`` (the row whose label cell is one of these words:
本年收入合计, 合计), ``column`` (the column headed by one of these words; else the first amount right of the
label) and ``plus`` (more cells whose amounts add to the first: 人员经费合计 plus 公用经费合计 is the 基本支出
of another table). Tables side by side (收入 | 支出) are read as their own tables, with the caption above
them. Amounts convert by each table's own unit (单位：元 in one, 万元 in the other). One cell against one
must agree (:func:`crossfoot.tables.locate.agree`: the same number when stated to the same decimals in the
same unit, else rounding intervals that meet); cells added with ``plus`` must meet within rounding. The
finding is on the ``stated`` cell. A ``row`` of several words names the first found, and the amount agrees
when it agrees with any of them (本年收入合计 or 收入总计, as the detail table counts 上年结转 or not). A
document without both tables has nothing to check.

``given`` (a ``stated`` and an ``against`` cell, as above) makes the check conditional: it runs only when
those two cells are found and agree. Two tables that split one amount (人员经费 | 公用经费) must split it
alike only when they speak of the same amount: the 财务收支预算总表 covers every fund, the 一般公共预算基本
支出 table one, so their splits are compared only when their 基本支出 totals agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...tables import locate
from ...tables.locate import CellSpec
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "cross_table"
FIELDS = ("stated", "computed", "table", "other_table", "where", "unit")


@dataclass(frozen=True)
class Given:
    stated: CellSpec = field(default_factory=CellSpec)
    against: CellSpec = field(default_factory=CellSpec)


@options
class Options:
    stated: CellSpec = field(default_factory=CellSpec)
    against: CellSpec = field(default_factory=CellSpec)
    given: Given = field(default_factory=Given)

    def validate(self) -> str | None:
        sides = [("stated", self.stated), ("against", self.against)]
        if self.given.stated.tables or self.given.against.tables:
            sides += [("given.stated", self.given.stated), ("given.against", self.given.against)]
        for side, spec in sides:
            if not spec.tables or not spec.row:
                return (f"option {side} names a cell: tables (caption words), row (label words), "
                        "column (header words)")
        return None


def run(analysis, check: Check):
    stated = locate.cells(analysis.tables, check.options.stated)
    against = locate.cells(analysis.tables, check.options.against)
    if stated is None or against is None:
        return
    given = check.options.given
    if given.stated.tables and not _agree(analysis, locate.cells(analysis.tables, given.stated),
                                          locate.cells(analysis.tables, given.against)):
        return  # the condition is not met (or cannot be read): the two cells need not agree
    if _agree(analysis, stated, against) or any(_agree(analysis, stated, other)
                                                 for other in _other_rows(analysis, check.options.against)):
        return
    (_, cell, table), (_, other_cell, other_table) = stated[0], against[0]
    unit = table.unit or other_table.unit
    where = analysis.doc.cite(other_cell.span)
    shown = " + ".join(c.text for _, c, _ in stated) + table.unit
    other_shown = " + ".join(c.text for _, c, _ in against) + other_table.unit
    yield report(check, analysis, cell.span, shown, computed=other_shown, tolerance="rounding of both",
                 related=(*(c.span for _, c, _ in stated[1:]), *(c.span for _, c, _ in against)),
                 figures=tuple(c.text for _, c, _ in (*stated, *against)),
                 table=table.title, other_table=other_table.title, where=where, unit=unit)


def _other_rows(analysis, spec: CellSpec):
    """The cells of the rows ``spec`` names after the first found: a 收入预算总表's 合计 is the summary's
    本年收入合计 or, with a 上年结转 column, its 收入总计; agreeing with either, it agrees."""
    if spec.plus:
        return
    for word in list(spec.row)[1:]:
        yield locate.cells(analysis.tables, replace(spec, row=Words([word])))


def _agree(analysis, stated, against) -> bool:
    """Whether the cells found for two sides state one amount (False when either side is missing)."""
    if stated is None or against is None:
        return False
    (value, _, table), (_, other_cell, other_table) = stated[0], against[0]
    if len(stated) == len(against) == 1:  # one amount in two tables: the same number when stated alike
        return locate.agree(value.value, value.decimals, table.unit, other_cell.text, other_table.unit,
                            analysis.rounding)
    mine, theirs = locate.total(stated, table.unit), locate.total(against, table.unit)
    return mine is None or theirs is None or mine.meets(theirs)
