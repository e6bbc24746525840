"""cross_table: the same amount in two tables of one document agrees (a summary table's total and the
detail table's total, a column of one table and a row of another).

Each side (options ``stated`` and ``against``) names a cell. ``tables``: words a table's caption is or
ends with (收入决算表: the caption 收入决算表 or 2024年收入决算表); ``not``: words that rule a caption
out (so 一般公共预算财政拨款支出决算表 is no 支出决算表). ``row``: the row whose label cell is one of
these words (本年收入合计, 合计). ``column``: the column headed by one of these words (see :func:`header`;
本年收入合计, 决算数), else the first amount right of the label. ``plus``: more cells (each a ``row``,
and ``tables`` or ``column`` where they differ) whose amounts add to the first: 人员经费合计 plus
公用经费合计 is the 基本支出 of another table. Tables side by side (收入 | 支出) are read as their own
tables, with the caption above them. Amounts convert by each table's own unit (单位：元 in one, 万元 in the
other). One cell against one must agree (:func:`agree`: the same number when stated to the same decimals
in the same unit, else rounding intervals that meet); cells added with ``plus`` must meet within
rounding. The finding is on the ``stated`` cell. A document without both tables has nothing to check.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..figures import units
from ..interval import Interval
from ..interval import stated as interval
from ..model import Cell, Finding, Table
from ..tables import number
from . import _prose
from ._base import Check, report

KIND = "cross_table"
_QUOTES = re.compile(r"[“”\"'‘’]")
OPTIONS = {"stated": {}, "against": {}}


def validate(options: dict) -> str | None:
    for side in ("stated", "against"):
        spec = options.get(side)
        if not isinstance(spec, dict) or not spec.get("tables") or not spec.get("row"):
            return (f"option {side} names a cell: tables (caption words), row (label words), "
                    "column (header words)")
    return None


def run(prose: _prose.Prose, check: Check):
    stated = cells(prose.tables, check.options["stated"])
    against = cells(prose.tables, check.options["against"])
    if stated is None or against is None:
        return
    (value, cell, table), (_, other_cell, other_table) = stated[0], against[0]
    unit = table.unit or other_table.unit
    if len(stated) == len(against) == 1:  # one amount in two tables: the same number when stated alike
        if agree(value.value, value.decimals, table.unit, other_cell.text, other_table.unit, prose.rounding):
            return
    else:
        mine, theirs = total(stated, table.unit), total(against, table.unit)
        if mine is None or theirs is None or mine.meets(theirs):
            return
    where = prose.doc.cite(other_cell.span)
    shown = " + ".join(c.text for _, c, _ in stated) + table.unit
    other_shown = " + ".join(c.text for _, c, _ in against) + other_table.unit
    yield report(check, prose, cell.span, shown, computed=other_shown, tolerance="rounding of both",
                 related=(*(c.span for _, c, _ in stated[1:]), *(c.span for _, c, _ in against)),
                 figures=tuple(c.text for _, c, _ in (*stated, *against)),
                 table=table.title, other_table=other_table.title, where=where, unit=unit)


def cells(tables, spec: dict) -> list | None:
    """The cell ``spec`` names and those of its ``plus`` list, or None when one is missing."""
    found = [_cell(tables, spec)]
    for more in spec.get("plus", ()):
        found.append(_cell(tables, {"tables": spec["tables"], "not": spec.get("not", ()), **more}))
    return None if any(f is None for f in found) else found


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


def header(table: Table, words) -> int | None:
    """The column headed by one of ``words``: a header that is the word, else one ending with it, else the
    first holding it (项目支出 is the column 项目支出, not 项目支出功能分类科目编码 before it)."""
    names = [re.sub(r"\s+", "", name) for name in table.header]
    for fits in (str.__eq__, str.endswith, str.__contains__):
        found = next((j for j, name in enumerate(names) if any(fits(name, w) for w in words)), None)
        if found is not None:
            return found
    return None


def unquote(text: str) -> str:
    """``text`` without quotation marks: “三公”经费, "三公"经费 and 三公经费 are one name."""
    return _QUOTES.sub("", text)


def titled(table: Table, spec: dict) -> bool:
    """Whether ``table``'s caption is or ends with one of ``spec``'s ``tables`` words and holds none of its
    ``not`` words (quotation marks aside: “三公”经费 and "三公"经费 and 三公经费 are one name)."""
    title = unquote(table.title)
    return (bool(title) and any(title.endswith(unquote(w)) for w in spec["tables"])
            and not any(unquote(w) in title for w in spec.get("not", ())))


def _cell(tables, spec: dict):
    """``(value, cell, table)`` of the cell ``spec`` names, in the first table that has it."""
    rows, columns = set(spec["row"]), spec.get("column", ())
    for table in tables:
        if not titled(table, spec):
            continue
        column = header(table, columns)
        for row in table.rows:
            label = next((j for j, c in enumerate(row) if re.sub(r"\s+", "", c.text) in rows), None)
            if label is None:
                continue
            picks = [column] if column is not None else range(label + 1, len(row))
            for j in picks:
                found = _amount(row[j]) if j < len(row) else None
                if found is not None:
                    return found[0], found[1], table
    return None


def restates(prose: _prose.Prose, fig, text: str, unit: str) -> bool:
    """Whether the prose figure ``fig`` can state the amount of a cell reading ``text`` in a table whose
    amounts are in ``unit`` (see :func:`agree`)."""
    return agree(fig.value, fig.decimals, fig.unit, text, unit, prose.rounding)


def differs(check: Check, prose: _prose.Prose, fig, cell: Cell, table: Table, label: str,
            unit: str | None = None) -> Finding:
    """The finding that prose figure ``fig`` (stated for ``label``) differs from ``cell`` of ``table``
    (in ``unit``, default the table's): on the figure, the cell the related place, named as the original
    names it."""
    shown = (cell.text or "0") + (table.unit if unit is None else unit)
    return report(check, prose, fig.span, fig.text, related=(cell.span,) if cell.span else (),
                  computed=shown, figures=(fig.text, shown), label=label,
                  other=shown, table=table.title or "the table",
                  where=prose.doc.cite(cell.span) if cell.span else table.title)


def agree(value: Decimal, decimals: int, unit: str, text: str, text_unit: str, rounding: str) -> bool:
    """Whether an amount (``value`` stated to ``decimals``, in ``unit``) and a cell reading ``text`` in
    ``text_unit`` can be one amount. A blank cell is 0; a cell that is no amount contradicts nothing.

    Stated to the same decimals in the same unit, the two must be equal: two roundings of one amount to
    the same place cannot differ (236.63 is not 236.64). Otherwise their rounding intervals must meet;
    with ``rounding: either`` the intervals decide in every case.
    """
    other = number(text) if text.strip() else None
    if text.strip() and (other is None or other.percent):
        return True
    factor = units.factor(text_unit, unit) if text_unit and unit else Decimal(1)
    if factor is None:
        return True
    mine = interval(value, decimals)
    if other is None:
        return mine.meets(Interval.point(Decimal(0)))
    if factor == 1 and other.decimals == decimals and rounding != "either":
        return other.value == value
    return mine.meets(interval(other.value, other.decimals).scale(factor))


def _amount(cell: Cell):
    value = number(cell.text) if cell.text and cell.span is not None else None
    return None if value is None or value.percent else (value, cell)
