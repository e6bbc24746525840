"""growth_direction: a growth rate whose word says the other way from its change (比上年减少3.53万元，增长
8.37%: the amount fell, the rate says it rose).

The rates and their change amounts are found as :mod:`crossfoot.figures.growth` describes. The change's
direction is its own word (增加, 减少, 节约 …); the rate's is its word (增长, 下降, 增幅, 降幅 …) with its
sign (增长-8.37% is a fall). When both are said and they differ, the rate is a finding, whatever its size:
the size is the growth check's business (GRW001), and a report may get the size right and the word wrong.
"""

from __future__ import annotations

from ...figures import growth
from ..base import Check, Verdict, report

KIND = "growth_direction"
FIELDS = ("stated", "computed", "change", "word")
Options = growth.Spec


def run(analysis, check: Check):
    for found in growth.find(analysis, check.options):
        if not found.contrary:
            continue
        rate, change = found.rate, found.related[0]
        said = f"{_word(change.label)}{change.text}"
        finding = report(check, analysis, rate.span, rate.text, related=(change.span,),
                         computed=f"the other way from {said}", figures=(rate.text, change.text),
                         change=said, word=_word(rate.label))
        yield Verdict(check, rate, (change,), False, finding, rate.span)


def _word(label: str) -> str:
    """The direction word a label ends with (比上年减少 → 减少)."""
    core = label.strip(" ，,")
    words = sorted((*growth.Spec().up, *growth.Spec().down), key=len, reverse=True)
    return next((w for w in words if core.endswith(w)), core[-2:])
