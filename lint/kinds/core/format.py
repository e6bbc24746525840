"""format: numbers written so that a reader may misread them.

Reports thousands separators that do not group by three (``14,8134.51``, ``1,23,456.7``): a reader cannot
tell which digits were meant, so the figure is flagged here; not a clock's minutes before the next time
(8:30—12:00,14:30).
"""

from __future__ import annotations

from ...figures.extract import malformed
from ...regex import lazy
from ..base import Check, report
from ..options import options

KIND = "format"
FIELDS = ("stated", "computed", "label")


@options
class Options:
    pass


def run(analysis, check: Check):
    for figs in analysis.figures:
        for figure in figs:
            if malformed(figure) and not _CLOCK.search(analysis.text(figure), max(0, figure.start - 3),
                                                         figure.start):
                yield report(check, analysis, figure.span, figure.text, label=figure.label)


_CLOCK = lazy(r"\d[:：]$")  # 8:30—12:00,14:30: a time's minutes and the next time's hour, no number
