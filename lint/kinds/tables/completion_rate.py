"""completion_rate: an indicator table's stated completion rate (完成率) is actual / target × 100.

Tables and pairs are read as :mod:`crossfoot.tables.targets` describes: a target cell and its actual
cell, wrapped lines and page breaks joined, sub-targets paired in order, each target met in the direction
its comparator (or an ``upper`` word such as 成本指标) gives. The rate is computed from the one pair that
differs (100% when none does), the target taken as the exact threshold it is written as (≥2万份 is 2万).
A rate of 100% for a target met and exceeded is the capped convention and holds; a row with several
differing pairs, or an upper bound that differs, is not judged. A row that claims 100% or more while
missing a target is the target_claimed kind's.
"""

from __future__ import annotations

from decimal import Decimal

from ...figures import precision
from ...interval import Interval
from ...tables import targets
from ..base import JUDGED, Check, judge

KIND = "completion_rate"
FIELDS = JUDGED
Options = targets.Spec
_HUNDRED = Interval.point(Decimal(100))


def run(analysis, check: Check):
    for sheet in targets.sheets(analysis, check.options):
        for row in sheet.rows:
            verdict = _judge(analysis, check, row)
            if verdict is not None:
                yield verdict


def _judge(analysis, check, row: targets.Row):
    stated, missed = row.rate, row.missed
    if stated is None:
        return None
    claims = precision.interval(stated).hi >= 100
    if claims and missed:
        return None
    # a target is a threshold written exactly (≥2万份 is 2万, not anything that rounds to it)
    differ = [(t, a) for t, a in row.pairs if not targets.actual(t, a).meets(Interval.point(t.value))]
    if not missed and precision.interval(stated).meets(_HUNDRED):
        return None  # every target met, and the rate capped at 100%: the convention holds
    if len(differ) > 1 or differ and (row.upper or differ[0][0].qualifier == "le"):
        return None
    if differ:
        t, a = differ[0]
        return judge(check, analysis, stated, (a, t),
                     lambda: _ratio(targets.actual(t, a), Interval.point(t.value)),
                     expression=f"{a.text} / {t.text} × 100")
    # every target met exactly, yet the rate is not 100%
    return judge(check, analysis, stated, tuple(f for pair in row.pairs for f in pair),
                 lambda: _HUNDRED, expression="every target met exactly", equality=False)


def _ratio(a: Interval, t: Interval) -> Interval | None:
    quotient = a / t
    return None if quotient is None else quotient * _HUNDRED
