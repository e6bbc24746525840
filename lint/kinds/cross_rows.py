"""cross_rows: the rows one table gives per classification agree with the same rows of another table
(the 收入支出决算总表's 社会保障和就业支出 against the 类 208 社会保障和就业支出 of the 支出决算表).

Each side (options ``stated`` and ``against``) names a table by caption words (``tables``, ``not``, as in
the cross_table kind) and its amount column by header words (``column``). The ``against`` side's rows are
its 类 (rows with a three-digit classification code, or every named row when ``level`` is ``any``); each
``stated`` row whose name (outline number such as 八、 left out) is one of theirs is compared with it.
Tables printed side by side are separate tables, so every table with the caption is searched.

The two amounts, converted to one unit, must agree: stated to the same decimals in the same unit they
must be equal (two roundings of one amount cannot differ), otherwise their rounding intervals must meet
(:func:`crossfoot.kinds.cross_table.agree`). The finding is on the ``stated`` cell. A name found in several
rows of a side is left alone.
"""

from __future__ import annotations

from collections import Counter

from ..tables import classified, number
from . import _prose, cross_table
from ._base import Check, report

KIND = "cross_rows"
OPTIONS = {"stated": {}, "against": {}, "level": "类"}


def validate(options: dict) -> str | None:
    for side in ("stated", "against"):
        spec = options.get(side)
        if not isinstance(spec, dict) or not spec.get("tables") or not spec.get("column"):
            return f"option {side} names a table (tables: caption words) and a column (column: header words)"
    if options.get("level", "类") not in ("类", "any"):
        return "option level is 类 (rows with a three-digit code) or any"
    return None


def run(prose: _prose.Prose, check: Check):
    theirs = _named(prose, check.options["against"], check.options.get("level", "类"))
    if not theirs:
        return
    mine = _named(prose, check.options["stated"], "any")
    for name, (cell, table) in mine.items():
        if name not in theirs or number(cell.text) is None:
            continue
        other, other_table = theirs[name]
        value = number(cell.text)
        if cross_table.agree(value.value, value.decimals, table.unit, other.text, other_table.unit,
                             prose.rounding):
            continue
        shown, other_shown = cell.text + table.unit, (other.text or "0") + other_table.unit
        where = prose.doc.cite(other.span) if other.span else other_table.title
        yield report(check, prose, cell.span, shown, computed=other_shown, tolerance="rounding of both",
                     related=(other.span,) if other.span else (), figures=(cell.text, other.text),
                     label=name, table=table.title, other_table=other_table.title, where=where)


def _named(prose: _prose.Prose, spec: dict, level: str) -> dict:
    """Row name → (cell, table) over every table ``spec`` names, names found more than once left out."""
    found, seen = {}, Counter()
    for table in prose.tables:
        if not cross_table.titled(table, spec):
            continue
        column = cross_table.header(table, spec["column"])
        if column is None:
            continue
        for code, name, cell in classified(table, column):
            if not name or (cell.text and cell.span is None) or (level == "类" and len(code) != 3):
                continue
            seen[name] += 1
            found[name] = (cell, table)
    return {name: place for name, place in found.items() if seen[name] == 1}
