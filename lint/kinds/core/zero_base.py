"""zero_base: a growth rate stated on a prior of zero (增长 100.00% for a department founded this year),
where there is no rate: 新增 says it.

The rates and their amounts are found as :mod:`crossfoot.figures.growth` describes. A rate whose prior is
stated as 0, or whose change is the whole current amount (an increase of 307.82 万元 to 307.82 万元), is a
finding on the rate, unless the rate itself is 0. The relation is recorded as judged and failed: no rate
can hold on a zero base.
"""

from __future__ import annotations

from ...figures import growth
from ..base import Check, Verdict, report

KIND = "zero_base"
FIELDS = ("stated", "computed", "prior")
Options = growth.Spec


def run(analysis, check: Check):
    for found in growth.find(analysis, check.options):
        if not found.zero or found.rate.value == 0:
            continue
        rate = found.rate
        finding = report(check, analysis, rate.span, rate.text, related=tuple(f.span for f in found.related),
                         computed="no rate", figures=(rate.text, *(f.text for f in found.related)),
                         prior=found.prior)
        yield Verdict(check, rate, found.related, False, finding, rate.span)
