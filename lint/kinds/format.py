"""format: numbers written so that a reader may misread them.

Reports thousands separators that do not group by three (``14,8134.51``, ``1,23,456.7``): a reader cannot
tell which digits were meant, so the figure is also excluded from no check but flagged here.
"""

from __future__ import annotations

from ..figures.extract import malformed
from ..model import Finding
from . import _prose
from ._base import Check, render

KIND = "format"
OPTIONS: dict = {}


def run(prose: _prose.Prose, check: Check):
    for figs in prose.figures:
        for figure in figs:
            if malformed(figure):
                yield Finding(
                    code=check.code, name=check.name, severity=check.severity,
                    message=render(check, stated=figure.text, label=figure.label),
                    path=prose.doc.path, span=figure.span, stated=figure.text, figures=(figure.text,),
                )
