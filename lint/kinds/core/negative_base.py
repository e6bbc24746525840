"""negative_base: an increase larger than the amount it led to (节能环保支出23.97万元，比上年增加230.97万元):
the year before would have been negative, which an amount spent or received cannot be.

The rates and their amounts are found as :mod:`crossfoot.figures.growth` describes; this reads those whose
prior is derived as the current amount less an increase. When the increase is more than the current amount
whatever their rounding, the change (or the amount) is wrong, and the increase is the finding. Quantities
that may turn negative (a balance, a surplus, a profit, named before the amount: option ``signed``) are left
alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...figures import growth, labels, precision
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, Verdict, report

KIND = "negative_base"
FIELDS = ("stated", "computed", "current")


@dataclass(frozen=True)
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
        seen.add(id(change))
        finding = report(check, analysis, change.span, change.text, related=(current.span,),
                         computed="no more than " + current.text, figures=(change.text, current.text),
                         current=current.text)
        yield Verdict(check, change, (current,), False, finding, change.span)
