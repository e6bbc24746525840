"""target: an indicator table's actual values against its targets, and the completion rate it states.

Tables and pairs are read as :mod:`crossfoot.kinds._targets` describes: a target cell and its actual
cell, wrapped lines and page breaks joined, sub-targets paired in order, each target met in the direction
its comparator (or an ``upper`` word such as 成本指标) gives.

Option ``relation`` picks what a check judges:

* ``rate`` — the stated completion rate equals actual / target × 100 within rounding, computed from the one
  pair that differs (100% when none does). A rate of 100% for a target met and exceeded is the capped
  convention and holds.
* ``claimed`` — a completion rate of 100% or more is stated, yet an actual misses its target.
* ``missed`` — no rate is stated and an actual misses a target written with an explicit comparator (≥700家,
  then 105家), unless the record says so (a ``missed`` word such as 未完成).
* ``unreadable`` — a page of such a table is laid out with each row centred on its wrapped text, so it
  cannot be cut into rows reliably: one ``info`` finding per table, and nothing on those pages is judged.
"""

from __future__ import annotations

from decimal import Decimal

from ..interval import Interval
from ..model import Span
from . import _prose, _targets
from ._base import Check, judge, report

KIND = "target"
OPTIONS = {"relation": "rate", **_targets.OPTIONS}
_RELATIONS = ("rate", "claimed", "missed", "unreadable")
_HUNDRED = Interval.point(Decimal(100))


def validate(options: dict) -> str | None:
    if options.get("relation") not in _RELATIONS:
        return "option relation is one of " + ", ".join(_RELATIONS)
    return None


def run(prose: _prose.Prose, check: Check):
    relation = check.options["relation"]
    for sheet in _targets.sheets(prose, check):
        if relation == "unreadable":
            if sheet.centred:
                starts = ", ".join(prose.doc.cite(Span(n, 1, n, 2)) for n in sheet.centred)
                yield report(check, prose, sheet.table.span, sheet.table.header[sheet.target], starts=starts)
            continue
        for row in sheet.rows:
            yield from _judge(prose, check, row, relation)


def _judge(prose, check, row: _targets.Row, relation: str):
    stated, missed = row.rate, row.missed
    claims = stated is not None and _prose.interval(stated).hi >= 100
    if relation == "claimed" and claims and missed:
        t, a = missed[0]
        yield report(check, prose, stated.span, stated.text, related=(a.span, t.span),
                     figures=(stated.text, a.text, t.text), label=row.label, actual=a.text,
                     target=_targets.shown(t))
    elif relation == "missed" and stated is None and missed:
        t, a = missed[0]
        if t.qualifier in ("ge", "le") and not any(w in row.words for w in check.words("missed")):
            yield report(check, prose, a.span, a.text, related=(t.span,), figures=(a.text, t.text),
                         label=row.label, target=_targets.shown(t))
    elif relation == "rate" and stated is not None and not (claims and missed):
        differ = [(t, a) for t, a in row.pairs if not _targets.actual(t, a).meets(_prose.interval(t))]
        if not missed and _prose.interval(stated).meets(_HUNDRED):
            return  # every target met, and the rate capped at 100%: the convention holds
        if len(differ) > 1 or differ and (row.upper or differ[0][0].qualifier == "le"):
            return
        if differ:
            t, a = differ[0]
            found = judge(check, prose, stated, (a, t),
                          lambda: _ratio(_targets.actual(t, a), _prose.interval(t)),
                          expression=f"{a.text} / {t.text} × 100")
        else:  # every target met exactly, yet the rate is not 100%
            found = judge(check, prose, stated, tuple(f for pair in row.pairs for f in pair),
                          lambda: _HUNDRED, expression="every target met exactly", equality=False)
        if found is not None:
            yield found


def _ratio(a: Interval, t: Interval) -> Interval | None:
    quotient = a / t
    return None if quotient is None else quotient * _HUNDRED
