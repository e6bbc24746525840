"""format: numbers written so that a reader may misread them.

Reports thousands separators that do not group by three (``14,8134.51``, ``1,23,456.7``): a reader cannot
tell which digits were meant, so the figure is also excluded from no check but flagged here.
"""

from __future__ import annotations

from ..figures.extract import malformed
from . import _prose
from ._base import Check, report

KIND = "format"
OPTIONS: dict = {}


def run(prose: _prose.Prose, check: Check):
    for figs in prose.figures:
        for figure in figs:
            if malformed(figure):
                yield report(check, prose, figure.span, figure.text, label=figure.label)
