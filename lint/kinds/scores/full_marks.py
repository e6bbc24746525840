"""full_marks: a claim of full marks (预算编制、信息公开的自评得满分) agrees with the items' scores.

Finds each ``claims`` word (得满分, 获得满分, 均为满分) and the names listed before it in its clause (split at
、和 及). A name stands for the score items whose name contains it (prose items such as 该指标分值5分，自评得
分1分 or score-table rows; see :mod:`crossfoot.tables.scores`); names with no item are passed over. A claim in
a table's cell is the sheet's 评分标准 (制度健全、执行有效得满分), a rule and no claim; so is one followed by
its other case (…得满分，否则不得分; …得满分，每缺一项扣1分). The claim is a finding when some named item
scored below its 分值 even allowing for rounding: one finding per claim, located on the claim, listing each
item that lost points. An item named the same more than once (a file holding several units' reports) is
the one nearest the claim.
"""

from __future__ import annotations

import re

from ...figures import labels, precision
from ...regex import lazy
from ...tables import scores
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "full_marks"
FIELDS = ("stated", "computed", "label")


@options
class Options:
    claims: Words = Words(["均得满分", "均获满分", "得满分", "获得满分", "获满分", "为满分"])
    max: Words = Words(["分值", "标准分"])
    score: Words = Words(["得分", "自评分"])


_RULE = lazy(r"\s*[，,；;]?\s*(?:否则|反之|不[^，,。；;\s]{0,12}的|每[^，,。；;\s]{0,12}扣"
                   r"|[^。；;]{0,16}(?:酌情|视情)扣)")
_FILLER = lazy(r"(?:等?方面|等|的|均|都|自评|评价|指标|情况|全部)+$")


def run(analysis, check: Check):
    items = [i for i in scores.items(analysis, check.options.max, check.options.score) if i.maximum]
    if not items:
        return
    pattern = re.compile("|".join(re.escape(w) for w in check.options.claims))
    for block in analysis.doc.blocks:
        if block.kind == "row":
            continue  # a score sheet's 评分标准 cell (目标合理、细化量化得满分) is a rule, not a claim
        for m in pattern.finditer(block.text):
            if _RULE.match(block.text, m.end()):
                continue  # 制度健全、执行有效得满分，否则不得分: a rule stated in prose
            clause = labels.clause(block.text, m.start())
            names = [_FILLER.sub("", n.strip()) for n in re.split(r"[、和及与]", clause)]
            short = []
            for name in (n for n in names if len(n) >= 2):
                for item in _nearest((i for i in items if name in i.name), block.line):
                    if precision.interval(item.score).hi < precision.interval(item.maximum).lo:
                        short.append(item)
            if not short:
                continue
            lost = ", ".join(f"{i.name} {_num(i.score)}/{_num(i.maximum)}" for i in short)
            yield report(check, analysis, block.span(m.start(), m.end()), m.group(),
                         related=(i.score.span for i in short), computed=lost,
                         figures=(m.group(), *(i.score.text for i in short)), label=clause.strip())


def _nearest(items, line: int) -> list:
    """Of items of one name stated more than once (a file holding several units' reports), the one
    nearest the claim."""
    best: dict[str, object] = {}
    for item in items:
        here = best.get(item.name)
        if here is None or abs(item.score.span.line - line) < abs(here.score.span.line - line):
            best[item.name] = item
    return list(best.values())


def _num(figure) -> str:
    return precision.number_text(figure)
