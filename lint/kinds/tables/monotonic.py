"""monotonic: a cumulative column (累计支出, 累计完成) never decreases from one row to the next.

Selects the columns whose header holds one of the ``columns`` words. Reading down, each number is compared
with the last number above it in the column; it is a finding when even the largest value the cell can stand
for (its rounding interval) is below the smallest the one above can. Blank and non-numeric cells are passed
over; a total row (合计) ends the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ...tables import cell_figure, row_label
from ...vocabulary import Words
from ..base import Check, order, report

KIND = "monotonic"
FIELDS = ("stated", "computed", "label", "previous")


@dataclass(frozen=True)
class Options:
    columns: Words = Words(["累计"])
    totals: Words = Words(["合计", "总计", "小计"])


def run(analysis, check: Check):
    for table in analysis.tables:
        for col, name in enumerate(table.header):
            if not any(w in name for w in check.options.columns):
                continue
            above = None
            for row in range(len(table.rows)):
                if any(w in row_label(table, row).replace(" ", "") for w in check.options.totals):
                    break
                fig = cell_figure(table, row, col)
                if fig is None:
                    continue
                if above is not None:
                    found = order(check, fig, above, partial(_finding, check, analysis, fig, above))
                    if found is not None:
                        yield found
                above = fig


def _finding(check, analysis, fig, above):
    return report(check, analysis, fig.span, fig.text, related=(above.span,), computed=f">= {above.text}",
                  figures=(fig.text, above.text), label=fig.label, previous=above.text)
