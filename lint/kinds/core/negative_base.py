"""negative_base: an increase larger than the amount it led to (节能环保支出23.97万元，比上年增加230.97万元):
the year before would have been negative, which an amount spent or received cannot be.

The rates and their amounts are found as :mod:`crossfoot.figures.growth` describes; this reads those whose
prior is derived as the current amount less an increase. When the increase is more than the current amount
whatever their rounding, the change (or the amount) is wrong, and the increase is the finding. Quantities
that may turn negative (a balance, a surplus, a profit, named before the amount: option ``signed``) are left
alone, and so is an increase whose stated rate is its size over last year's amount taken as negative (a
fund's income after refunds: 115,197万元，增收122,005万元，增长1,792.1%): the report means it.
"""

from __future__ import annotations

from decimal import Decimal

from ...figures import growth, labels, precision
from ...interval import Interval
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, Verdict, report
from ..options import options

KIND = "negative_base"
FIELDS = ("stated", "computed", "current")


@options
class Options:
    signed: Words = Words(list(labels.SIGNED))


_EARLIER = lazy(r"上年|去年|上一年|前一年|同期|上期|[比较]")


def run(analysis, check: Check):
    seen = set()
    for found in growth.find(analysis, growth.Spec()):
        derived = found.prior.startswith("(") and " − " in found.prior
        if found.zero or len(found.related) != 2 or not derived:
            continue  # (only a prior derived as the current amount less an increase)
        change, current = found.related
        if id(change) in seen or check.options.signed.within(current.label) or _EARLIER.search(current.label):
            continue  # (上年预算为 7.90万元，比2025年预算增加29.30万元: the amount before is the prior)
        if current.block != change.block or any(
                f is not current and f.is_point and precision.family(f.unit) == precision.family(change.unit)
                for f in analysis.between(change.block, current.end, change.start)):
            continue  # the amount right before the change only: no other amount between them
        if precision.interval(change).lo <= precision.interval(current, "round", change.unit).hi:
            continue
        if _negative_prior_said(found, change, current):
            continue  # 收入115,197万元，增收122,005万元，增长1,792.1%: last year's was below zero, said so
        seen.add(id(change))
        finding = report(check, analysis, change.span, change.text, related=(current.span,),
                         computed="no more than " + current.text, figures=(change.text, current.text),
                         current=current.text)
        yield Verdict(check, change, (current,), False, finding, change.span)


def _negative_prior_said(found, change, current) -> bool:
    """Whether the stated rate is the change over last year's amount taken as negative (a fund's income
    after refunds: 115,197 − 122,005 = −6,808, and 122,005 / 6,808 = 1,792.1%): the report means it."""
    prior = precision.interval(current, "round", change.unit) - precision.interval(change)
    if prior.hi >= 0:
        return False
    size = Interval(-prior.hi, -prior.lo)
    ratio = precision.interval(change) / size
    return ratio is not None and precision.interval(found.rate).meets(ratio.scale(Decimal(100)))
