"""format: numbers written so that a reader may misread them.

Reports thousands separators that do not group by three (``14,8134.51``, ``1,23,456.7``): a reader cannot
tell which digits were meant, so the figure is flagged here; not a clock's minutes before the next time
(8:30—12:00,14:30).
"""

from __future__ import annotations

from ...figures.extract import malformed
from ...regex import lazy
from ...tables import number
from ..base import Check, report
from ..options import options

KIND = "format"
FIELDS = ("stated", "computed", "label")


@options
class Options:
    pass


def run(analysis, check: Check):
    whole = None
    for figs in analysis.figures:
        for figure in figs:
            if malformed(figure) and not _CLOCK.search(analysis.text(figure), max(0, figure.start - 3),
                                                         figure.start):
                if whole is None:
                    whole = _whole_cells(analysis)
                if (figure.span.line, figure.span.column) not in whole:
                    yield report(check, analysis, figure.span, figure.text, label=figure.label)


def _whole_cells(analysis) -> set[tuple[int, int]]:
    """Where table cells start whose text is a whole figure though the line there holds a malformed one: a
    row a page break split (13,118,07 at a page's foot, 8.00 under the header repeated on the next), put
    back together by table recovery."""
    return {(c.span.line, c.span.column) for t in analysis.tables for r in t.rows for c in r
            if c.span is not None and number(c.text) is not None}


_CLOCK = lazy(r"\d[:：]$")  # 8:30—12:00,14:30: a time's minutes and the next time's hour, no number
