"""format: numbers written so that a reader may misread them.

Reports thousands separators that do not group by three (``14,8134.51``, ``1,23,456.7``): a reader cannot
tell which digits were meant, so the figure is flagged here.
"""

from __future__ import annotations

from ...figures.extract import malformed
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
            if malformed(figure):
                yield report(check, analysis, figure.span, figure.text, label=figure.label)
