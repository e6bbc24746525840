"""numbering: a table's row numbers (序号) run on without gaps or repeats.

Selects the columns whose header holds one of the ``columns`` words and reads their whole numbers down the
table (a header repeated after a page break was already dropped, so numbering may continue across pages).
A number that skips ahead (5 then 8) or goes back (7 then 4) is a finding on the later number. The same
number on the next row is one row wrapped onto two lines by the converter, not a repeat; a number that
restarts at 1 starts a new sequence; cells that are not whole numbers are passed over.
"""

from __future__ import annotations

from ..model import Finding
from ..tables import number
from . import _prose
from ._base import Check, render

KIND = "numbering"
OPTIONS = {"columns": ["序号"]}


def run(prose: _prose.Prose, check: Check):
    for table in prose.tables:
        for col, name in enumerate(table.header):
            if not any(w in name for w in check.words("columns")):
                continue
            before = None
            adjacent = False
            for row in table.rows:
                cell = row[col]
                value = number(cell.text) if cell.text else None
                if value is None or value.decimals or value.percent or cell.span is None:
                    adjacent = False
                    continue
                n = int(value.value)
                if before is not None and n == before[0] and adjacent:
                    continue  # one row wrapped onto two lines, each with the number
                if before is not None and n != 1 and n != before[0] + 1:
                    what = f"{n} follows {before[0]}" + (f" ({before[0] + 1}–{n - 1} missing)"
                                                         if n > before[0] + 1 else "")
                    yield Finding(
                        code=check.code, name=check.name, severity=check.severity,
                        message=render(check, stated=cell.text, label=name, problem=what),
                        path=prose.doc.path, span=cell.span, related=(before[1],), stated=cell.text,
                        computed=str(before[0] + 1), figures=(cell.text,),
                    )
                before = (n, cell.span)
                adjacent = True
