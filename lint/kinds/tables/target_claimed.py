"""target_claimed: a completion rate of 100% or more is stated, yet the actual misses its target.

Tables and pairs are read as :mod:`crossfoot.tables.targets` describes (each target met in the direction
its comparator gives). The finding is on the stated rate, with the actual and the target it misses.
"""

from __future__ import annotations

from ...figures import precision
from ...tables import targets
from ..base import Check, report

KIND = "target_claimed"
FIELDS = ("stated", "computed", "label", "actual", "target")
Options = targets.Spec


def run(analysis, check: Check):
    for sheet in targets.sheets(analysis, check.options):
        for row in sheet.rows:
            stated = row.rate
            if stated is None or not row.missed or precision.interval(stated).hi < 100:
                continue
            t, a = row.missed[0]
            yield report(check, analysis, stated.span, stated.text, related=(a.span, t.span),
                         figures=(stated.text, a.text, t.text), label=row.label, actual=a.text,
                         target=targets.shown(t))
