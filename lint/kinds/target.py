"""target: an indicator table's actual values against its targets, and the completion rate it states.

Selects tables with a ``target`` column (年度目标值, 指标值) and an ``actual`` column (实际完成值,
年度实现值), and reads them as records (:mod:`lint.tables.records`), so a cell wrapped over several lines
is read whole.
The figures of a record's target cell and actual cell are paired in order when both hold the same number
of comparable quantities (several sub-targets in one cell pair up one by one); bare numbers (list markers,
3档) are not quantities. A target's comparator sets its direction: ≥/不少于/以上 (and a plain number) ask
for at least the target, ≤/不超过/以内 (and rows whose label holds an ``upper`` word such as 成本指标) for
at most, 约 for roughly (an actual within ``about`` of it, default 5%, meets it).

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

from dataclasses import replace
from decimal import Decimal
from functools import partial

from ..interval import Interval
from ..model import Figure
from ..tables import cell_figure, cell_figures, number, row_label
from ..tables.records import Record, records
from . import _prose
from ._base import Check, judge, report

KIND = "target"
OPTIONS = {
    "relation": "rate",
    "target": ["目标值", "指标值"],
    "actual": ["实现值", "完成值", "实际值"],
    "rate": ["完成率", "成率"],
    "key": ["序号"],
    "upper": ["成本指标", "成本", "上限"],
    "missed": ["未完成", "未达到", "未实现", "未达", "无法"],
    "about": "5",
}
_RELATIONS = ("rate", "claimed", "missed", "unreadable")
_HUNDRED = Interval.point(Decimal(100))


def validate(options: dict) -> str | None:
    if options.get("relation") not in _RELATIONS:
        return "option relation is one of " + ", ".join(_RELATIONS)
    return None


def run(prose: _prose.Prose, check: Check):
    relation = check.options["relation"]
    for table in prose.tables:
        target, actual = table.column(*check.words("target")), table.column(*check.words("actual"))
        if target is None or actual is None or target == actual:
            continue
        rate = table.column(*check.words("rate"))
        key = rate if rate is not None else table.column(*check.words("key"))
        if key is None:
            key = max(target - 1, 0)
            is_key = partial(_named, key)
        else:
            is_key = partial(_numbered, key)
        labels = [j for j in range(min(target, actual)) if j != key]
        found, centred = records(table, is_key, labels)
        if relation == "unreadable":
            if centred:
                lines = ", ".join(str(n) for n in centred)
                yield report(check, prose, table.span, table.header[target], lines=lines)
            continue
        for record in found:
            yield from _judge(prose, check, table, record, target, actual, rate, labels)


def _named(col: int, cells) -> bool:
    return bool(cells[col].text)


def _numbered(col: int, cells) -> bool:
    return number(cells[col].text) is not None


def _judge(prose, check, table, record: Record, target: int, actual: int, rate: int | None, labels):
    pairs = _pairs(cell_figures(record.cells(table, target)), cell_figures(record.cells(table, actual)))
    if not pairs:
        return
    named = [c.text for c in record.cells(table, min(target, actual) - 1)] if min(target, actual) else []
    label = "".join(named) or row_label(table, record.row)
    context = label + " " + " ".join(c.text for j in labels for c in _above(table, record.row, j))
    upper = any(w in context for w in check.words("upper"))
    slack = Decimal(str(check.options["about"])) / 100
    missed = [(t, a) for t, a in pairs if not _meets(t, a, upper, slack)]
    stated = cell_figure(table, record.row, rate) if rate is not None else None
    if stated is not None:
        stated = replace(stated, label=label)
    relation = check.options["relation"]
    claims = stated is not None and _prose.interval(stated).hi >= 100
    if relation == "claimed" and claims and missed:
        t, a = missed[0]
        yield report(check, prose, stated.span, stated.text, related=(a.span, t.span),
                     figures=(stated.text, a.text, t.text), label=label, actual=a.text, target=_shown(t))
    elif relation == "missed" and stated is None and missed:
        words = " ".join(c.text for j in range(len(table.header)) for c in record.cells(table, j))
        t, a = missed[0]
        if t.qualifier in ("ge", "le") and not any(w in words for w in check.words("missed")):
            yield report(check, prose, a.span, a.text, related=(t.span,), figures=(a.text, t.text),
                         label=label, target=_shown(t))
    elif relation == "rate" and stated is not None and not (claims and missed):
        differ = [(t, a) for t, a in pairs if not _actual(t, a).meets(_prose.interval(t))]
        if not missed and _prose.interval(stated).meets(_HUNDRED):
            return  # every target met, and the rate capped at 100%: the convention holds
        if len(differ) > 1 or differ and (upper or differ[0][0].qualifier == "le"):
            return
        if differ:
            t, a = differ[0]
            found = judge(check, prose, stated, (a, t),
                          lambda: _ratio(_actual(t, a), _prose.interval(t)),
                          expression=f"{a.text} / {t.text} × 100")
        else:  # every target met exactly, yet the rate is not 100%
            found = judge(check, prose, stated, tuple(f for pair in pairs for f in pair), lambda: _HUNDRED,
                          expression="every target met exactly", equality=False)
        if found is not None:
            yield found


def _ratio(a: Interval, t: Interval) -> Interval | None:
    quotient = a / t
    return None if quotient is None else quotient * _HUNDRED


def _above(table, row: int, col: int):
    """The nearest filled cell at or above ``row`` in ``col``: a group label written once (成本指标)."""
    for r in range(row, -1, -1):
        if table.rows[r][col].text:
            return [table.rows[r][col]]
    return []


def _quantity(f: Figure) -> bool:
    return bool(f.unit) or f.decimals < 0  # 3档 and list markers are bare; 55万 has a magnitude


def _kind(f: Figure) -> str:
    family = _prose.family(f.unit)
    return "count" if family == "" or f.unit in _prose.COUNT_UNITS else family


def _pairs(targets: list[Figure], actuals: list[Figure]) -> list[tuple[Figure, Figure]]:
    targets = [f for f in targets if _quantity(f)]
    actuals = [f for f in actuals if _quantity(f)]
    if not targets or len(targets) != len(actuals):
        return []
    pairs = list(zip(targets, actuals))
    if any(_kind(t) != _kind(a) for t, a in pairs):
        return []
    return pairs


def _actual(t: Figure, a: Figure) -> Interval:
    """The actual's interval, in the target's unit when both are money (counts compare as written)."""
    return _prose.interval(a, unit=t.unit if _kind(t) == "money" else None)


def _meets(t: Figure, a: Figure, upper: bool, slack: Decimal) -> bool:
    want, got = _prose.interval(t), _actual(t, a)
    if t.qualifier == "le" or upper and t.qualifier != "ge":
        return got.lo <= want.hi
    if t.qualifier == "about":
        return got.hi >= want.lo * (1 - slack)
    return got.hi >= want.lo


def _shown(t: Figure) -> str:
    sign = {"ge": "≥", "le": "≤", "about": "约"}.get(t.qualifier, "")
    return sign + t.text
