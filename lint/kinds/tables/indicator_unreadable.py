"""indicator_unreadable: a page of an indicator table is laid out with each row centred on its wrapped
text, so it cannot be cut into rows reliably.

Tables are read as :mod:`crossfoot.tables.targets` describes; the pages it finds centred are not judged
by any target kind. One finding per table (an ``info`` in the shipped pack), naming where those pages
start: a reviewer knows what crossfoot did not check.
"""

from __future__ import annotations

from ...model import Span
from ...tables import targets
from ..base import Check, report

KIND = "indicator_unreadable"
FIELDS = ("stated", "computed", "starts")
Options = targets.Spec


def run(analysis, check: Check):
    for sheet in targets.sheets(analysis, check.options):
        if sheet.centred:
            starts = ", ".join(analysis.doc.cite(Span(n, 1, n, 2)) for n in sheet.centred)
            yield report(check, analysis, sheet.table.span, sheet.table.header[sheet.target], starts=starts)
