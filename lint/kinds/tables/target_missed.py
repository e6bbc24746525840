"""target_missed: an actual value misses a target written with an explicit comparator (≥700家, then
105家), no completion rate is stated, and the row does not say so (a ``missed`` word such as 未完成, or
any text in its 偏差原因 cell).

Tables and pairs are read as :mod:`crossfoot.tables.targets` describes. The finding is on the actual.
"""

from __future__ import annotations

from ...tables import targets
from ..base import Check, report

KIND = "target_missed"
FIELDS = ("stated", "computed", "label", "target")
Options = targets.Spec


def run(analysis, check: Check):
    for sheet in targets.sheets(analysis, check.options):
        for row in sheet.rows:
            if row.rate is not None or not row.missed:
                continue
            t, a = row.missed[0]
            said = check.options.missed.within(row.words) or row.explained
            if t.qualifier in ("ge", "le") and not said:
                yield report(check, analysis, a.span, a.text, related=(t.span,), figures=(a.text, t.text),
                             label=row.label, target=targets.shown(t))
