"""cross_rows: the rows one table gives per classification agree with the same rows of another table
(the 收入支出决算总表's 社会保障和就业支出 against the 类 208 社会保障和就业支出 of the 支出决算表).

Each side (options ``stated`` and ``against``) names a table by caption words (``tables``, ``not``, as in
the cross_table kind) and its amount column by header words (``column``). The ``against`` side's rows are
its 类 (rows with a three-digit classification code, or every named row when ``level`` is ``any``); each
``stated`` row whose name (outline number such as 八、 left out) is one of theirs is compared with it.
Tables printed side by side are separate tables, so every table with the caption is searched.

The two amounts, converted to one unit, must agree: stated to the same decimals in the same unit they
must be equal (two roundings of one amount cannot differ), otherwise their rounding intervals must meet
(:func:`crossfoot.tables.locate.agree`). The finding is on the ``stated`` cell. A name found in several
rows of a side is left alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...tables import classified, locate, number
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "cross_rows"
FIELDS = ("stated", "computed", "label", "table", "other_table", "where")


@dataclass(frozen=True)
class Side:
    """A table named by caption words (``tables``, ``not``) and its amount column (``column``)."""

    tables: Words = Words()
    column: Words = Words()
    not_: Words = Words()

    ALIASES = {"not": "not_"}


@options
class Options:
    stated: Side = field(default_factory=Side)
    against: Side = field(default_factory=Side)
    level: str = "类"
    """类: the ``against`` side's rows with a three-digit code; any: every named row."""

    def validate(self) -> str | None:
        for side in ("stated", "against"):
            spec = getattr(self, side)
            if not spec.tables or not spec.column:
                return (f"option {side} names a table (tables: caption words) and a column "
                        "(column: header words)")
        if self.level not in ("类", "any"):
            return "option level is 类 (rows with a three-digit code) or any"
        return None


def run(analysis, check: Check):
    theirs = _named(analysis, check.options.against, check.options.level)
    if not theirs:
        return
    mine = _named(analysis, check.options.stated, "any")
    for name, (cell, table) in mine.items():
        if name not in theirs or number(cell.text) is None:
            continue
        other, other_table = theirs[name]
        value = number(cell.text)
        if locate.agree(value.value, value.decimals, table.unit, other.text, other_table.unit,
                             analysis.rounding):
            continue
        shown, other_shown = cell.text + table.unit, (other.text or "0") + other_table.unit
        where = analysis.doc.cite(other.span) if other.span else other_table.title
        yield report(check, analysis, cell.span, shown, computed=other_shown, tolerance="rounding of both",
                     related=(other.span,) if other.span else (), figures=(cell.text, other.text),
                     label=name, table=table.title, other_table=other_table.title, where=where)


def _named(analysis, spec: Side, level: str) -> dict:
    """Row name → (cell, table) over every table ``spec`` names, names found more than once left out."""
    found, seen = {}, Counter()
    for table in analysis.tables:
        if not locate.titled(table, spec.tables, spec.not_):
            continue
        column = locate.header(table, spec.column)
        if column is None:
            continue
        for code, name, cell in classified(table, column):
            if not name or (cell.text and cell.span is None) or (level == "类" and len(code) != 3):
                continue
            seen[name] += 1
            found[name] = (cell, table)
    return {name: place for name, place in found.items() if seen[name] == 1}
