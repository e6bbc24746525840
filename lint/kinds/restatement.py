"""restatement: the same quantity stated twice, with values that cannot both be true.

A quantity is keyed by what it measures, read narrowly so that different things are never compared:

* its label without years and list markers: at least ``shortest`` characters, and more than a ``bare``
  column word such as 预算数 or 支出决算 that names no subject;
* its scope: the label of the total it is listed under, or else of its paragraph's first figure, or the
  words its paragraph opens with when that figure has no label (公用经费 under 部门总支出 is not 公用经费
  under 财政拨款支出; 预算执行数 under 1、行政运行（01项）is not 预算执行数 under 2、基层司法业务（04项）);
* its unit family, and its period: the last year named before it in its sentence, 上年 for the prior year.

Labels that state a change (增加, 比上年, 下降) or a list (其中, 分别) are not quantities of their own. Two
statements in different paragraphs with the same key must agree: their rounding intervals, widened by
their qualifiers (超 2.3 万亿 is at least 2.3 万亿; 约 is within ``about`` percent), must meet. Prose only;
table cells are the table checks' business.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..interval import Interval
from ..model import Figure
from . import _prose
from ._base import Check, report

KIND = "restatement"
OPTIONS = {
    "shortest": 5,
    "about": "10",
    "changes": ["增", "减", "比", "较", "下降", "上升", "节约", "超支", "差", "变动", "其中", "分别", "每"],
    "bare": ["支出决算", "年初预算", "预算数", "决算数", "调整预算", "预算", "决算", "金额", "资金", "经费",
             "合计", "总计", "共计", "总额", "数量", "人数", "个数"],
}
_PRIOR = re.compile(r"上年|去年|上一年|上年度")
_BIG = Decimal("1e30")


def run(prose: _prose.Prose, check: Check):
    seen: dict[tuple, Figure] = {}
    for block, fig in prose.in_prose():
        key = _key(prose, check, block.text, fig)
        if key is None:
            continue
        first = seen.setdefault(key, fig)
        if first is fig or first.block == fig.block:
            continue
        unit = first.unit if _prose.family(fig.unit) == "money" else None
        if not _range(fig, check, unit).meets(_range(first, check, unit)):
            yield report(check, prose, fig.span, fig.text, related=(first.span,),
                         computed=first.text, figures=(fig.text, first.text),
                         label=key[1], other=first.text, where=prose.doc.cite(first.span))


def _key(prose, check: Check, text: str, fig: Figure) -> tuple | None:
    if fig.unit in ("", "%", "‰", "分", "个百分点"):
        return None
    label = _prose.core(fig.label)
    if len(label) < check.options["shortest"] or "|" in label:
        return None
    if any(w in label for w in check.words("changes")):
        return None
    bare = next((w for w in check.words("bare") if label.endswith(w)), "")
    if len(label) - len(bare) < 3:
        return None  # 支出决算, 年初预算: a column word, its subject elsewhere
    parent = prose.parents.get(id(fig))
    if parent is None:
        topic = prose.figures[fig.block][0]
        parent = topic if topic is not fig else None
    scope = _prose.core(parent.label) if parent is not None else ""
    if parent is not None and not scope and parent.block == fig.block:
        scope = text[: parent.start].strip()  # 1、公共安全支出（204类）…: the words the paragraph opens with
    before, years = _prose.dated(text, fig.start)
    period = years[-1] if years else "prior" if _PRIOR.search(before) else ""
    return (scope, label, _prose.family(fig.unit), period)


def _range(fig: Figure, check: Check, unit: str | None) -> Interval:
    iv = _prose.interval(fig, unit=unit)
    if fig.qualifier == "ge":
        return Interval(iv.lo, _BIG)
    if fig.qualifier == "le":
        return Interval(-_BIG, iv.hi)
    if fig.qualifier == "about":
        slack = Decimal(str(check.options["about"])) / 100
        return Interval(iv.lo * (1 - slack), iv.hi * (1 + slack))
    return iv
