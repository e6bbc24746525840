"""bound: an amount the text states for a whole is not below one it states for a part of it, anywhere in
the document (财政拨款收入支出总计 0.3万元, while 一般公共预算财政拨款支出 is 2940.05万元 two sections on).

A figure is a ``whole`` or a ``part`` when its unit is money and its label (the words before it in its
clause, years taken out) ends with one of those words and holds none of the ``not`` words, and names no
other unit than the report's own (示范管理事务中心收入支出总计, in a 部门决算 consolidating it). Figures whose
sentence names another year than the report's (its title's, else the first one named) are about another
period and left out.
Each whole is compared with the largest part: the whole's rounding interval may not lie wholly below the
part's. One finding per whole, on it, with the part as the related place. This needs no table: it catches
a narrative total that a text-only copy of a disclosure gets wrong.
"""

from __future__ import annotations

from ...figures import labels, precision
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "bound"
FIELDS = ("stated", "computed", "label", "part", "other", "where")


@options
class Options:
    whole: Words = Words()
    part: Words = Words()
    not_: Words = Words()

    ALIASES = {"not": "not_"}

    def validate(self) -> str | None:
        if not self.whole or not self.part:
            return "options whole and part list the label endings of the whole and of its parts"
        return None


def run(analysis, check: Check):
    wholes, parts = [], []
    whole_words, part_words, unwanted = check.options.whole, check.options.part, check.options.not_
    year = None
    for block, fig in analysis.amounts():
        label = labels.core(fig.label)
        if any(w in label for w in unwanted):
            continue
        is_whole, is_part = label.endswith(whole_words), label.endswith(part_words)
        if not (is_whole or is_part):
            continue
        own = analysis.own_names()
        if analysis.consolidates() and (labels.another_unit(label, own)
                                        or labels.another_unit(labels.opening(block.text, fig.start), own)):
            continue  # 示范管理事务中心收入支出总计: one unit's of several, not the report's
        years = labels.dated(block.text, fig.start)[1]
        if years and years[-1] != (year := year or analysis.year() or years[-1]):
            continue
        (wholes if is_whole else parts).append(fig)
    if not parts or not wholes:
        return
    unit = wholes[0].unit  # figures in this unit (nearly all) need no conversion
    largest = max(parts, key=lambda f: precision.interval(f, "round", unit).lo)
    floor = precision.interval(largest, "round", unit).lo
    for whole in wholes:
        if precision.interval(whole, "round", unit).hi < floor:
            yield report(check, analysis, whole.span, whole.text, related=(largest.span,),
                         computed=largest.text, figures=(whole.text, largest.text),
                         label=labels.core(whole.label), part=labels.core(largest.label), other=largest.text,
                         where=analysis.doc.cite(largest.span))
