"""balance: a summary table printed as two panels side by side (收入 | 支出) balances: the total row of the
income panel equals the total row of the expenditure panel (收入总计 = 支出总计).

The tables are named by caption words (option ``tables``, as in the cross_table kind). A table that
recovery split into exactly two panels (see :func:`crossfoot.tables.recovery.panels`) is read: in each panel,
the first row whose label is one of ``rows`` (总计, 收入总计, 支出总计), and its first amount. The two must
be equal (they are stated to the same place in the same unit; see :func:`crossfoot.tables.locate.agree`).
The finding is on the expenditure panel's total, with the income panel's as the related place.
"""

from __future__ import annotations

import re

from ...model import Cell, Table
from ...tables import locate, number
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "balance"
FIELDS = ("stated", "computed", "table", "unit", "where")


@options
class Options:
    tables: Words = Words()
    rows: Words = Words(["总计", "收入总计", "支出总计"])

    def validate(self) -> str | None:
        return None if self.tables else "option tables lists the caption words of the summary tables"


def run(analysis, check: Check):
    panels: dict = {}
    for table in analysis.tables:
        if locate.titled(table, check.options.tables) and any(n.startswith("panel ") for n in table.notes):
            panels.setdefault((table.title, table.span), []).append(table)
    for (title, _), pair in panels.items():
        if len(pair) != 2:
            continue
        (income, income_table), (spent, spent_table) = (_total(check, t) for t in pair)
        if income is None or spent is None:
            continue
        value = number(spent.text)
        if locate.agree(value.value, value.decimals, spent_table.unit, income.text, income_table.unit,
                             analysis.rounding):
            continue
        yield report(check, analysis, spent.span, spent.text, computed=income.text, tolerance="exact",
                     related=(income.span,), figures=(spent.text, income.text), table=title,
                     unit=spent_table.unit, where=analysis.doc.cite(income.span))


def _total(check: Check, table: Table) -> tuple[Cell | None, Table]:
    rows = set(check.options.rows)
    for row in table.rows:
        label = next((j for j, c in enumerate(row) if re.sub(r"\s+", "", c.text) in rows), None)
        if label is None:
            continue
        cell = next((c for c in row[label + 1:] if c.span is not None and number(c.text) is not None
                     and not number(c.text).percent), None)
        return cell, table
    return None, table
