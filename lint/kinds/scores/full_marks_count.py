"""full_marks_count: how many of the sheet's indicators scored full marks, as the prose counts them
(评分表共设置18个三级指标，其中7个指标得满分), agrees with the sheet.

The sentence states the indicators in all (共设置 N 个…指标, 共 N 项指标) and, after 其中, how many of them
scored full marks (M 个指标得满分, 获得满分, 为满分). The sheet is the document's one table with a ``max``
column (分值) and a ``score`` column (得分); its indicators are its rows with both, total rows aside (合计,
小计, 总分). The count is judged only when the sheet's indicators number N (the sheet read whole, no group
subtotals among its rows), the sheet has one 分值 and one 得分 column, the count is said in the sheet's
own section and of this year's sheet (not 上年, 复核): M must then be the number of rows whose 得分 is their
分值 (bonus rows, 加分, are no indicators).
"""

from __future__ import annotations

import bisect

from ...figures import labels, numbers
from ...regex import lazy
from ...tables import cell_figure, row_label
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "full_marks_count"
FIELDS = ("stated", "computed", "total")


@options
class Options:
    max: Words = Words(["分值", "标准分"])
    score: Words = Words(["得分", "自评分"])


_NUM = numbers.COUNT
_COUNTED = lazy(rf"共(?:设置|设|有|计)?\s*(?P<all>{_NUM})\s*(?:个|项)[^，,。；;\d]{{0,8}}?指标"
                rf"[^。；;]{{0,24}}?其中\s*[，,]?\s*(?P<full>{_NUM})\s*(?:个|项)(?:指标)?(?:均|全部)?"
                r"(?:得|获得?|为|取得)满分")
_TOTAL = lazy(r"合计|小计|总分|总计|总得分")
_BONUS = lazy(r"加分|加减分|附加")  # a bonus row: no indicator of the sheet
_OTHERS = lazy(r"上年|去年|上一年|复核|评价组|专家组")  # counts of another year's or the reviewers' sheet


def run(analysis, check: Check):
    o = check.options
    sheets = [t for t in analysis.tables if _columns(t, o) is not None and t.column("执行率") is None]
    if len(sheets) != 1:  # (a 自评表's funds part, 分值 | 执行率 | 得分, is no sheet of indicators)
        return  # (none, or several projects' sheets: which one the prose counts is a guess)
    sheet = sheets[0]
    rows = _indicators(sheet, o)
    if rows is None:
        return
    full = sum(score.value == maximum.value for score, maximum in rows)
    at = bisect.bisect_right(analysis.block_lines, sheet.span.line) - 1
    own = analysis.section(at) if at >= 0 else None
    year = analysis.year()
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row" or "满分" not in block.text or own is not None and b not in own:
            continue  # (a count said in another section: a project's, in a department's report)
        for m in _COUNTED.finditer(block.text):
            opened = max(block.text.rfind(c, max(0, m.start() - 80), m.start()) for c in "。；;") + 1
            if numbers.whole(m.group("all")) != len(rows) or _OTHERS.search(block.text, opened, m.end()) \
                    or labels.earlier(block.text[opened : m.end()], year):
                continue  # (the sheet not read whole, another set counted: last year's, the reviewers')
            stated = next((f for f in analysis.figures[b] if f.start == m.start("full")), None)
            said = numbers.whole(m.group("full"))
            if stated is None or said == full:
                continue
            yield report(check, analysis, stated.span, str(said), related=(sheet.span,),
                         computed=str(full), figures=(stated.text,), total=str(len(rows)))


def _columns(table, o: Options):
    """The sheet's 分值 and 得分 columns; None unless it has one of each (not 一级 分值 得分 | 二级 … | 三级 …
    laid across, nor 自评得分 | 复核得分)."""
    scores = [j for j, h in enumerate(table.header) if o.score.within(h) and "率" not in h]
    points = [j for j, h in enumerate(table.header) if o.max.within(h) and j not in scores]
    if len(scores) != 1 or len(points) != 1 or points[0] > scores[0]:
        return None
    return points[0], scores[0]


def _indicators(table, o: Options):
    """``(score, maximum)`` of each indicator row of the sheet, or None when a row that is neither a total
    nor an indicator holds a number in either column (a row not read)."""
    top, score = _columns(table, o)
    out = []
    for r, row in enumerate(table.rows):
        if _TOTAL.search(row_label(table, r).replace(" ", "")) or _BONUS.search(row_label(table, r)):
            continue
        got, most = cell_figure(table, r, score, "分"), cell_figure(table, r, top, "分")
        if got is not None and most is not None:
            out.append((got, most))
        elif row[score].text.strip() or row[top].text.strip():
            return None
    return out
