"""difference: a stated change equals current minus prior (比上年增加 X, 比年初预算节约 Y, 结余 Z).

Finds, in each sentence, an amount whose label holds a change word (option ``up``: 增加, 增长, 超支, ...;
option ``down``: 减少, 下降, 节约, 结余, ...) with, before it in the same sentence, a comparison word (option
``compare``: 比, 较, 与…相比) followed by the prior amount, and before that the current amount. ``up``
means current − prior = change; ``down`` means prior − current = change. Amounts in different units
convert (亿元 vs 万元).

Judged as an interval: the change computed from the two stated amounts must meet the stated change.
"""

from __future__ import annotations

from . import _prose
from ._base import Check, judge

KIND = "difference"
OPTIONS = {
    "up": ["增加", "增长", "上升", "提高", "超支", "多支出", "增"],
    "down": ["减少", "下降", "降低", "节约", "节省", "结余", "少支出", "减"],
    "compare": ["比", "较", "相比"],
}


def changes(prose: _prose.Prose, check: Check, block: int):
    """``(current, prior, change, sign, sentence figures)`` for each stated change in a block."""
    if len(prose.figures[block]) < 3:
        return  # a change needs two amounts before it
    text = prose.doc.blocks[block].text
    for _start, _end, figs in prose.sentences(block):
        for i, change in enumerate(figs):
            if not change.is_point or _prose.family(change.unit) in ("ratio", ""):
                continue
            sign = _prose.direction(check, change.label)
            if sign == 0:
                continue
            fam = _prose.family(change.unit)
            same = [f for f in figs[:i] if f.is_point and _prose.family(f.unit) == fam]
            if len(same) < 2:
                continue
            prior, current = same[-1], same[-2]
            between = text[current.end : prior.start]
            if not any(w in between for w in check.words("compare")):
                continue
            yield current, prior, change, sign, figs


def run(prose: _prose.Prose, check: Check):
    for block in range(len(prose.doc.blocks)):
        for current, prior, change, sign, _figs in changes(prose, check, block):
            unit = change.unit

            def compute(c=current, p=prior, s=sign, unit=unit):
                diff = _prose.interval(c, "round", unit) - _prose.interval(p, "round", unit)
                return diff if s > 0 else diff.scale(-1)

            op = "−"
            expression = (f"{current.text} {op} {prior.text}" if sign > 0
                          else f"{prior.text} {op} {current.text}")
            finding = judge(check, prose, change, (current, prior), compute, expression=expression)
            if finding:
                yield finding
