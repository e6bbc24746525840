"""monotonic: a cumulative column (累计支出, 累计完成) never decreases from one row to the next.

Selects the columns whose header holds one of the ``columns`` words. Reading down, each number is compared
with the last number above it in the column, when every row compared names a period (1月, 一季度, 上半年,
2024年, 截至6月: a 1-12月累计 column beside revenue items holds each item's own year to date, no run); it
is a finding when even the largest value the cell can stand
for (its rounding interval) is below the smallest the one above can. Blank and non-numeric cells are passed
over; a total row (合计) ends the run.
"""

from __future__ import annotations

from functools import partial

from ...regex import lazy
from ...tables import cell_figure, row_label
from ...vocabulary import Words
from ..base import Check, order, report
from ..options import options

KIND = "monotonic"
FIELDS = ("stated", "computed", "label", "previous")


@options
class Options:
    columns: Words = Words(["累计"])
    totals: Words = Words(["合计", "总计", "小计"])


def run(analysis, check: Check):
    for table in analysis.tables:
        for col, name in enumerate(table.header):
            if not any(w in name for w in check.options.columns):
                continue
            run = []
            for row in range(len(table.rows)):
                label = row_label(table, row).replace(" ", "")
                if any(w in label for w in check.options.totals):
                    break
                fig = cell_figure(table, row, col)
                if fig is not None:
                    run.append((label, fig))
            if not all(_PERIOD.search(label) for label, _ in run):
                continue  # 1-12月累计 beside revenue items: each row its own item's year to date
            above = None
            for _label, fig in run:
                if above is not None:
                    found = order(check, fig, above, partial(_finding, check, analysis, fig, above))
                    if found is not None:
                        yield found
                above = fig


_PERIOD = lazy(r"\d{1,2}\s*月|[一二三四五六七八九十]{1,3}月|[一二三四1-4]\s*季度|[上下]半年|\d{4}\s*年"
               r"|第.{1,3}[期周旬批]|[上中下]旬|截[至止]|阶段")


def _finding(check, analysis, fig, above):
    return report(check, analysis, fig.span, fig.text, related=(above.span,), computed=f">= {above.text}",
                  figures=(fig.text, above.text), label=fig.label, previous=above.text)
