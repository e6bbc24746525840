"""monotonic: a cumulative column (累计支出, 累计完成) never decreases from one row to the next.

Selects the columns whose header holds one of the ``columns`` words. Reading down, each number is compared
with the last number above it in the column; it is a finding when even the largest value the cell can stand
for (its rounding interval) is below the smallest the one above can. Blank and non-numeric cells are passed
over; a total row (合计) ends the run.
"""

from __future__ import annotations

from functools import partial

from ..tables import cell_figure, row_label
from . import _prose
from ._base import Check, order, report

KIND = "monotonic"
OPTIONS = {"columns": ["累计"], "totals": ["合计", "总计", "小计"]}


def run(prose: _prose.Prose, check: Check):
    for table in prose.tables:
        for col, name in enumerate(table.header):
            if not any(w in name for w in check.words("columns")):
                continue
            above = None
            for row in range(len(table.rows)):
                if any(w in row_label(table, row).replace(" ", "") for w in check.words("totals")):
                    break
                fig = cell_figure(table, row, col)
                if fig is None:
                    continue
                if above is not None:
                    found = order(check, prose, fig, above, partial(_finding, check, prose, fig, above))
                    if found is not None:
                        yield found
                above = fig


def _finding(check, prose, fig, above):
    return report(check, prose, fig.span, fig.text, related=(above.span,), computed=f">= {above.text}",
                  figures=(fig.text, above.text), label=fig.label, previous=above.text)
