"""empty_unexplained: a standard table (政府性基金预算财政拨款收入支出决算表) holds no amounts, and no note
says why (本部门无政府性基金预算财政拨款支出，故本表无数据), after the table or anywhere in the text
(政府性基金拨款支出预算为0).

Standard tables, their statements and their amounts are read as :mod:`crossfoot.tables.notes` describes.
The finding is on the table (its check a warning: a reviewer asks for the note, the figures may be fine).
"""

from __future__ import annotations

from ...tables import notes
from ..base import Check, report

KIND = "empty_unexplained"
FIELDS = ("stated", "computed", "title")
Options = notes.Spec


def run(analysis, check: Check):
    found = list(notes.standard(analysis, check.options))
    filled = {table.title for table, _, amounts in found if amounts}  # a piece of a table read apart
    for table, said, amounts in found:
        if said is None and not amounts and table.rows and table.title not in filled \
                and notes.nil(analysis, table, check.options) is None:
            yield report(check, analysis, table.span, table.title, computed="a statement", title=table.title)
