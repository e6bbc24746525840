"""growth: a stated growth rate (增幅 15.2%, 同比增长 8%, 减幅 1.84%) agrees with the amounts.

The rates and the amounts they are computed from are found as :mod:`crossfoot.figures.growth` describes:
a rate after a change amount (比上年增加 X万元，增长 P%), the prior stated after the comparison word or
derived from the current amount; or a rate straight after the comparison, computed from the two amounts
before it (执行数为3269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%).

Judged as an interval: change / prior must meet the stated rate. A rate that fails as written but holds
once the change or the amount is read in the other's unit of money (101.79万元，比上年增加65.39元，增长
179.64%) is the unit's slip: a warning on the amount whose unit lost a character, its fix suggested. A
rate on a zero or negative prior cannot be checked and is skipped (the zero_base kind reports a rate
stated on a prior of zero), and so is a rate whose two amounts, of three years or more set side by side in
its sentence, are not the newest year's and the year before it (2024年 X，2023年为 Y，2022年为 Z，较上年
下降 p%).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ...figures import growth, labels
from ..base import JUDGED, Check, judge, unit_slip

KIND = "growth"
FIELDS = JUDGED
Options = growth.Spec


def run(analysis, check: Check):
    for found in growth.find(analysis, check.options):
        if found.zero or _years_apart(analysis, found):
            continue
        verdict = judge(check, analysis, found.rate, found.related, found.compute, scale=Decimal(100),
                        expression=found.expression)
        if verdict and verdict.finding is not None and found.amounts is not None:
            over = judge(check, analysis, found.rate, found.related, found.amounts, scale=Decimal(100))
            if over is not None and over.finding is None:  # X，比上年 Y 减少 C，下降 P%: C is not X − Y, P
                verdict = replace(verdict, yields_to=found.related[0].span)  # holds over X and Y: C is the
                # figure amiss, when the difference kind reads it so; else P is reported
        if verdict and verdict.finding is not None and found.slip is not None:
            verdict = verdict.with_finding(unit_slip(verdict.finding, found.slip, found.slip.unit,
                                                     check.lang))
        if verdict:
            yield verdict


def _years_apart(analysis, found) -> bool:
    """Whether a rate's two amounts are not the newest year's and the year before it, of the years its
    sentence sets side by side (2024年 X，2023年为 Y，2022年为 Z，较上年下降 p%: X against Y, not Y against
    Z): the pair read is then not the one the rate speaks of."""
    text = analysis.text(found.rate)
    opened = labels.sentence_start(text, found.rate.start)
    years = [int(y) for y in labels.YEAR.findall(text, opened, found.rate.start)]
    if len(set(years)) < 3:
        return False
    mine = [int(m[-1]) for f in found.related if f.block == found.rate.block
            and (m := labels.YEAR.findall(labels.clause(text, f.start)))]
    return bool(mine) and not set(mine) <= {max(years) - 1, max(years)} \
        or len(mine) == 2 and sorted(mine) != [max(years) - 1, max(years)]
