"""empty_filled: a table the report says is empty (本部门无…，故本表无数据) holds amounts.

Standard tables, their statements and their amounts are read as :mod:`crossfoot.tables.notes` describes
(codes are never amounts). A table said to be empty that holds amounts is a finding on its first amount,
with the statement as the related place.
"""

from __future__ import annotations

from ...tables import notes
from ..base import Check, report

KIND = "empty_filled"
FIELDS = ("stated", "computed", "title", "statement")
Options = notes.Spec


def run(analysis, check: Check):
    for table, said, amounts in notes.standard(analysis, check.options):
        if said is not None and amounts:
            first = amounts[0]
            yield report(check, analysis, first.span, first.text, related=(said.span(0, len(said.text)),),
                         computed="empty", figures=(first.text,), title=table.title,
                         statement=said.text.strip()[:40])
