"""share_column: a 占比 column is each row's amount over the table's total.

Selects the columns whose header holds a ``share`` word (占比, 比重, 所占比例) and takes as their amounts the
column to the left that holds amounts (not rates, not changes: 增减额), of the year the share's header names
(2025年占比 of 2025年预算数), else the nearest. The total is the amount of the table's one grand
total row (``totals``: 合计, 总计); each other row's share must be its amount / that total × 100, and the
total's own share, when stated, 100; a share one unit of its last place off (moved so the column adds up to
100) is no finding, nor are 其中 rows (often shares of the row above). Shares of a group's subtotal (a 款's
share of its 类) are another layout: the column is judged only when most of its rows (two in three) agree with
the total; otherwise it was read wrong and nothing is said.

Judged as intervals: amount / total over their rounding intervals must meet the share's.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ...figures import precision
from ...interval import Interval
from ...regex import lazy
from ...tables import cell_figure, number, row_label
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "share_column"
FIELDS = JUDGED


@options
class Options:
    share: Words = Words(["占比", "比重", "所占比例", "构成比"])
    totals: Words = Words(["合计", "总计"])
    not_: Words = Words(["增减", "变动", "上年"])
    """Header words of a share column that is no share of this year's amounts (占比增减, 上年占比)."""

    ALIASES = {"not": "not_"}


def run(analysis, check: Check):
    o = check.options
    for table in analysis.tables:
        for col, name in enumerate(table.header):
            if not o.share.within(name) or o.not_.within(name):
                continue
            left = [j for j in range(col - 1, -1, -1)
                    if _amounts(table, j) and not _CHANGE.search(table.header[j])]
            years = set(_YEAR.findall(name))
            dated = [j for j in left if years and years & set(_YEAR.findall(table.header[j]))]
            current = [j for j in left if not _PRIOR.search(table.header[j])]  # not 上年同期's
            amounts = (dated or current or left or [None])[0]  # 2025年占比 of 2025年预算数, past 增减额
            totals = [r for r in range(len(table.rows))
                      if o.totals.within(row_label(table, r).replace(" ", ""))]
            if amounts is None or len(totals) != 1:
                continue
            yield from _column(analysis, check, table, col, amounts, totals[0])


def _column(analysis, check, table, col: int, amounts: int, total_row: int):
    whole = cell_figure(table, total_row, amounts)
    if whole is None or whole.value <= 0:
        return
    verdicts, under = [], _under_qizhong(table, amounts)
    for r in range(len(table.rows)):
        stated, part = cell_figure(table, r, col), cell_figure(table, r, amounts)
        if stated is None or part is None or r in under:
            continue  # 其中：公务用车购置费 | 公务用车运行费: shares of the row above as often as of the 合计
        stated = stated if stated.unit == "%" else replace(stated, unit="%")  # 56.36 under 占比（%）
        if r == total_row:
            found = judge(check, analysis, stated, (part,), lambda: Interval.point(Decimal(1)),
                          scale=Decimal(100), expression=f"{part.text} / {part.text}")
        else:
            found = judge(check, analysis, stated, (part, whole),
                          lambda part=part: precision.interval(part) / precision.interval(whole),
                          scale=Decimal(100), expression=f"{part.text} / {whole.text}")
        if found is not None:
            verdicts.append(found)
    if verdicts and 3 * sum(1 for v in verdicts if v.holds) >= 2 * len(verdicts):
        for v in verdicts:  # most rows are shares of the total: the column is read right
            yield v.quiet() if not v.holds and _adjusted(v) else v


def _under_qizhong(table, amounts: int) -> set[int]:
    """The rows of each breakdown opened by 其中 (其中：A | B, up to the rows adding up to the row above)."""
    out: set[int] = set()
    for r in range(1, len(table.rows)):
        if not row_label(table, r).strip().startswith("其中"):
            continue
        parent, total = cell_figure(table, r - 1, amounts), Decimal(0)
        for k in range(r, len(table.rows)):
            fig = cell_figure(table, k, amounts)
            out.add(k)
            total += fig.value if fig is not None else 0
            if parent is None or total >= parent.value:
                break
    return out


def _adjusted(verdict) -> bool:
    """Whether a share misses by one unit of its last place only: moved so the column adds up to 100
    (尾差调整), as tables of shares do."""
    stated, computed = verdict.bounds.stated, verdict.bounds.computed
    unit = Decimal(1).scaleb(-verdict.stated.decimals)
    return Interval(stated.lo - unit, stated.hi + unit).meets(computed)


_CHANGE = lazy(r"增减|变动|比上年|较上年|差额|增长|减少|增加")
_PRIOR = lazy(r"上年|去年|上一年|同期")  # a prior period's column: 1-6月 | 上年同期 | 增长% | 占比
_YEAR = lazy(r"(20\d\d)\s*年?")


def _amounts(table, col: int) -> bool:
    """Whether a column holds amounts: most filled cells numbers, none a percentage, its header no rate."""
    name = table.header[col]
    if any(w in name for w in ("率", "%", "％", "占比", "比重", "序号", "编码", "代码", "行次")):
        return False
    filled = [r[col].text for r in table.rows if col < len(r) and r[col].text.strip()]
    parsed = [number(t) for t in filled]
    return len(filled) >= 2 and sum(1 for p in parsed if p is not None and not p.percent) * 2 > len(filled)
