"""score_total: the overall score stated in prose equals the score table's total.

Finds the overall scores of the prose: figures in 分 whose label names a total (``totals``: 自评得分, 总分)
and the whole (``overall``: 整体, 部门, 综合, 总体, 该项目), not the score of a single item (该指标分值…自评得
分) or of a row the table names (整体效能得分28分), nor the points a score is out of (满分; 该项目总分100分，
评价得分92.50分: the 得分 after it is the whole's; 评分规则：总分100分，其中部门决策15分、部门管理85分:
the points its parts are allotted, none scored, adding up to it). The score table is the document's only table
with a ``score`` column (得分; of 指标得分 | 加权得分, the weighted), a 自评表's funds part (执行率 | 得分)
beside its indicators not counted; its total is its last row labelled with a ``grand`` word (总分, 合计; when
that row stands short of the columns, 总分 | 100 | 97.50 under merged cells, the last of its numbers, or
nothing judged with one), or, when no row is a total or subtotal (小计) and a ``points`` column (分值) or an
indicator column (一级指标) says the rows are parts of one score, the sum of the column (of its group heads,
一、 二、, when each is the sum of the rows under it). In a document with several score tables (or more
sheets captioned, 项目支出绩效自评表, than were read as tables), a score in prose is judged against the
one table of its own section (一、某项目 … its sentence and its table; see
``Analysis.section``), a project's score named after the section's heading; it is otherwise left alone (which
one the prose means is a guess), unless only one of them has a total row: a summary of the 一级指标 with its
合计 beside an indicator table's 分值 | 得分. In a report stating a department's own score (部门, 整体) with
one score table, a project's score (该项目…总分) is not judged against that table: it is the department's.
A project's score is also one named after the project (樊城区老旧小区改造项目绩效评价得分, 项目总体评价得).
The evaluators' score (经财政局复核，复核得分 X) is not judged against a sheet its caption or header calls the
unit's own (项目支出绩效自评表（单位自评）).
"""

from __future__ import annotations

import bisect
import re

from ...figures import labels, precision
from ...regex import lazy
from ...tables import cell_figure, number, row_label, scores
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "score_total"
FIELDS = JUDGED


@options
class Options:
    score: Words = Words(["得分", "自评分"])
    totals: Words = Words(["自评得分", "总分", "综合得分", "综合评分", "评价得分", "得分", "最终评分",
                           "评分结果"])
    overall: Words = Words(["整体", "部门", "综合", "总分", "总得分", "总体", "该项目", "本项目"])
    grand: Words = Words(["总分", "总计", "合计", "总得分"])
    subtotals: Words = Words(["小计"])
    points: Words = Words(["分值", "满分", "标准分", "权重"])
    """A column of the points each item can score: without a total row, the table's scores add up to
    the overall score only when it has one, or names its rows' indicators (指标); a list of projects'
    评价得分 is no score sheet."""


def run(analysis, check: Check):
    tables = [t for t in analysis.tables if t.column(*check.options.score) is not None]
    if len(tables) > 1:  # a 自评表's funds part (执行率 | 得分) is no score table beside its indicators
        tables = [t for t in tables if t.column("执行率") is None]
    if len(tables) > 1:  # a score summary with its 合计 beside an indicator table without one: the summary
        totalled = [t for t in tables if any("指标" in h for h in t.header)
                    and _table_total(t, _score_column(t, check), check)[0] is not None]
        others = [t for t in tables if t not in totalled]
        if len(totalled) == 1 and all(t.column(*check.options.points) is not None for t in others):
            tables = totalled  # beside indicator tables of 分值 | 得分 (not a list of projects' scores)
    if not tables:
        return
    captions = sum(1 for b in analysis.doc.blocks
                   if b.kind != "row" and _FORM_CAPTION.fullmatch(b.text.strip()))
    several = len(tables) > 1 or captions > len(tables)  # (forms one after another, some not read: which
    # is the prose's, only its section says)
    read = {id(t): _read(t, check) for t in tables}
    items = {(i.score.block, i.score.start) for i in scores.prose_items(analysis)}
    departmental = len(tables) == 1 and any(
        f.unit == "分" and _DEPARTMENT.search(f.label) and any(w in f.label for w in check.options.totals)
        for figs in analysis.figures for f in figs)  # a 部门整体 report's own score said: its one table
    lines, year = analysis.block_lines, analysis.year()
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row" or "分" not in block.text:
            continue
        if several:  # several projects' tables: the one of the sentence's own section, if one
            section = analysis.section(b)
            own = [t for t in tables if bisect.bisect_right(lines, t.span.line) - 1 in section]
            if len(own) != 1 or section.start == b or len(analysis.doc.blocks[section.start].text) > 40:
                continue  # (a section headed by its heading, not the report's opening paragraphs)
        table = tables[0] if not several else own[0]
        heading = analysis.doc.blocks[analysis.section(b).start].text if several else ""
        if read[id(table)] is None:
            continue
        total, total_row, parts, out_of, names = read[id(table)]
        figs, whole = analysis.figures[b], None
        for k, fig in enumerate(figs):
            if fig.unit != "分" or not fig.is_point or (fig.block, fig.start) in items \
                    or labels.earlier(fig.label, year):
                continue  # (本项目2023年度自评得分 in a 2024 report: last year's score, not this sheet's)
            after = figs[k + 1] if k + 1 < len(figs) else None
            if _scale(block.text, fig, after) or _allotted(block.text, figs, k):
                whole = after if any(w in fig.label for w in check.options.overall) \
                    and fig.value == 100 and "指标" not in fig.label else None  # not 决策指标总分20分
                continue  # 该项目总分100分，评价得分92.50分: the points it is out of, the score the whole's
            if _BASE.search(fig.label) and _BONUS.search(block.text, fig.end, fig.end + 40):
                continue  # 基础得分96.8分，加上工作表现加分1.0分，最终得分97.8分: the score before the bonus
            if not (any(w in fig.label for w in check.options.totals)
                    and (any(w in fig.label for w in check.options.overall) or fig is whole
                         or _PROJECT.match(labels.core(fig.label))
                         or _PLAIN_SCORE.fullmatch(labels.core(fig.label).strip(" ，,"))
                         and _summing_up(block.text, fig.start, year))
                    or _NAMED_PROJECT.search(labels.core(fig.label))
                    and _reported(analysis, fig.label, heading)) \
                    or any(name in fig.label for name in names):
                continue  # not an overall score, or the score of a row of the table (整体效能得分28分)
            own_project = _OWN_PROJECT.search(fig.label) or labels.core(fig.label).startswith("项目")
            if departmental and own_project and not _DEPARTMENT.search(fig.label):
                continue  # 本部门…自评得分 X … 1．某某经费。…该项目绩效自评总分 Y: the one table is the
                # department's, not the project's
            if out_of is not None and fig.value > out_of:
                continue  # 总得分98分（含预算执行率得分10分） over indicators out of 90: more than this table
            if _NET_OF_BONUS.match(block.text, fig.end) and any(_BONUS.search(n) for n in names):
                continue  # 自评得分92.30分（不含加分）: the table's 合计 holds the bonus row's
            if scores.REVIEWERS.search(fig.label) and "自评" not in fig.label \
                    and "自评" in table.title + "".join(table.header) \
                    and not scores.REVIEWERS.search(table.title + "".join(table.header)):
                continue  # 复核得分 X beside a 项目支出绩效自评表: the evaluators' score, not the sheet's
            if "自评" not in fig.label and any(precision.interval(fig).meets(precision.interval(t))
                                              for t in _reviewed(table, check)):
                continue  # 综合得分95分 beside 自评得分 | 复核得分: the review's total (either may be meant)
            if total is not None and parts and _wrong_total(total, parts, fig):
                continue  # 合计 94 over 14 + 23 + 37 + 18 = 92, the prose's 92: the table's total is wrong
                # (TAB001 says so), not the prose
            if total is not None:
                found = judge(check, analysis, fig, (total,), lambda t=total: precision.interval(t),
                              expression=f"{total.text} (the table's {total_row})")
            else:
                found = judge(check, analysis, fig, tuple(parts), lambda p=parts: precision.total(p),
                              expression=" + ".join(p.text for p in parts) if len(parts) <= 12
                              else f"the {len(parts)} scores of the table")
            if found is not None:
                yield found


def _wrong_total(total, parts: list, fig) -> bool:
    """Whether a table's total misses the scores it totals while the prose's figure is their sum."""
    summed = precision.total(parts)
    return not summed.meets(precision.interval(total)) and summed.meets(precision.interval(fig))


def _read(table, check: Check):
    """A score table's total (or the parts that make it), the row it is on, the points its rows are out of
    (90 of a 自评表's 100) and the names of its rows; None when it has neither total nor parts."""
    col = _score_column(table, check)
    weighted = [j for j, h in enumerate(table.header) if "加权" in h and check.options.score.within(h)]
    col = weighted[0] if len(weighted) == 1 else col  # 指标得分（百分制） | 加权得分: the weighted adds up
    total, total_row, parts = _table_total(table, col, check)
    if total is None and not parts:
        return None
    names = {c.text for row in table.rows for c in row if len(c.text) >= 2 and number(c.text) is None
             and not any(w in c.text for w in check.options.grand)}
    return total, total_row, parts, _points_total(table, check), names


def _reviewed(table, check: Check) -> list:
    """The totals of a table's other score columns, a review's (复核得分, 评价得分, 核定得分, 最终得分)
    beside the self-assessed one."""
    col = _score_column(table, check)
    return [t for j, h in enumerate(table.header) if j != col and _REVIEW.search(h)
            and (t := _table_total(table, j, check)[0]) is not None]


_REVIEW = lazy(r"(?:复核|评价|核定|最终|评审)得?分")
_NET_OF_BONUS = lazy(r"\s*[（(]\s*不含(?:加分|加减分|附加分)")


def _score_column(table, check: Check) -> int:
    """The table's score column; of several headed just 得分 (一级指标 | 分值 | 得分 | 二级指标 | 分值 |
    得分 | 三级指标 | … | 分值 | 得分: a tiered sheet), the last when the 总分 row's score stands there."""
    plain = [j for j, h in enumerate(table.header) if h.strip() in check.options.score]
    if len(plain) > 1 and any(any(w in row_label(table, r).replace(" ", "") for w in check.options.grand)
                              and number(table.rows[r][plain[-1]].text) is not None
                              for r in range(len(table.rows))):
        return plain[-1]
    return table.column(*check.options.score)  # (no 总分 row there: the first, as summed before)


_DEPARTMENT = lazy(r"部门|整体")
_FORM_CAPTION = lazy(scores.FORM_CAPTION)
_OWN_PROJECT = lazy(r"[该本]项目")
_SYSTEM = lazy(r"总分值?(?:为|是)?$")
_BASE = lazy(r"基础得分|基本得分|基础分")
_BONUS = lazy(r"加上|加分|加减分|另加|附加分")
_SCORED = lazy(r"得|自评|评价|综合|最终|实际|整体|部门|绩效|项目")
_PROJECT = lazy(r"(?:项目(?:绩效)?(?:自评|最终|综合)?|最终)(?:得分|评分|总分)|评分结果")
"""The project's own score, opening its label (项目最终得分, 最终评分, 项目自评得分, 项目绩效自评总分; not
子项目得分, 服务质量最终得分)."""
# the score a summing-up sentence gives the whole (自评得分, 综合得分, 总得分; not 较上年自评得分, 复核得分,
# 平均得分, 其中…得分, 子项目得分, 满意度调查得分, 最低单项得分)
_PLAIN_SCORE = lazy(r"(?:项目|部门|整体)?(?:绩效)?(?:自评|评价|综合|最终)?(?:总)?(?:得分|评分|总分)"
                    r"(?:为|是|达)?")


def _summing_up(text: str, at: int, year: str | None = None) -> bool:
    """Whether the sentence holding ``at`` opens summing the report up (综上，…), or the clause right before
    the score's says the evaluation done, its score the result (本部门对照…开展自评，自评得分 X; 经自评，得分
    X): not one naming who else evaluated (经财政局复核, 第三方), nor an earlier year's
    (上年度经自评; 2023年度开展自评 in a 2024 report); an item's (经自评，得分最低的指标为…，得分 X) follows
    no such clause."""
    opened = text.rfind("。", max(0, at - 200), at) + 1
    if labels.SUMMING_UP.match(text, opened) is not None:
        return True
    own = max(text.rfind(c, opened, at) for c in "，,：:")  # the score's clause opens after it
    if own < 0:
        return False
    said = max(text.rfind(c, opened, own) for c in "，,：:；;") + 1 or opened
    clauses = text[max(said, opened) : at]  # the evaluation's clause and the score's
    return _EVALUATED.fullmatch(text, max(said, opened), own + 1) is not None \
        and not _NOT_THE_WHOLE.search(clauses) and not labels.earlier(clauses, year)


# who else scores (经财政局复核, 第三方评价): their score, not the unit's own
_NOT_THE_WHOLE = lazy(r"复核|第三方|主管部门|财政局|财政部门|审计|评价组|专家")
# the clause before a score saying the evaluation done (经自评，; 本部门对照…五个一级指标开展自评，;
# 通过绩效自评，): the score after it is the whole's
_EVALUATED = lazy(r"[^，,。；;]{0,40}?(?:开展|进行|组织|经|通过)了?[^，,。；;]{0,12}?"
                  r"(?:自评|自我评价|综合评价|评价)(?:工作)?[，,：:]")
_NAMED_PROJECT = lazy(r"(?<!子)项目(?:绩效)?(?:总体|综合)?(?:评价|自评)(?:总?得分|评分|得)?(?:为|是)?$")
"""The score of a project named before it (樊城区老旧小区改造项目绩效评价得分, 项目总体评价得, 某项目自评
得分)."""


_NAME_LINE = lazy(r"\s*项目名称\s*[:：]\s*(\S.{0,40})")


def _reported(analysis, label: str, heading: str = "") -> bool:
    """Whether a project's score named after it (某某项目绩效评价得分) is the score of the report's own
    project: the title or a 项目名称： line near the top (or the ``heading`` of its section, in a report of
    several projects) shares four characters running with its name, and the label names no earlier year than
    the title's (not last year's score quoted, nor one project's score in a department's report)."""
    title, year = analysis.title(), analysis.year()
    core = labels.core(label)
    name = re.sub(r"(?:19|20)\d\d\s*年度?", "", core[: core.rfind("项目")]).strip(" ，,")
    if title is None and not heading or labels.earlier(label, year):
        return False
    named = heading or title.text + "".join(m.group(1) for b in analysis.doc.blocks[:15]  # 项目名称：某某项目
                                            if (m := _NAME_LINE.match(b.text)))
    return any(name[k : k + 4] in named for k in range(max(len(name) - 3, 0)))  # four characters alike


def _scale(text: str, fig, after) -> bool:
    """Whether ``fig`` is the points a score is out of: 满分, a system's 总分100分, or a 总分 that a 得分
    follows in its sentence (该项目总分100分，评价得分92.50分)."""
    if "满分" in fig.label:
        return True
    if _SYSTEM.search(fig.label) and fig.value == 100 and not _SCORED.search(fig.label) \
            and "指标" in text[max(0, fig.start - 60) : fig.start]:
        return True  # 本次评价设置一级指标2个…，总分100分: the system's points, not the score
    return "总分" in fig.label and "得" not in fig.label and after is not None and after.unit == "分" \
        and "得" in after.label and "。" not in text[fig.end : after.start]


def _allotted(text: str, figs: list, k: int) -> bool:
    """Whether ``figs[k]`` is a 总分 of 100 whose parts that follow in its sentence (其中 A 15分、B 85分) are
    points allotted, none scored, adding up to it: the system's points (评分规则：总分100分，其中…), not a
    score."""
    fig = figs[k]
    end = text.find("。", fig.end)
    end = len(text) if end < 0 else end
    if "总分" not in fig.label or "得" in fig.label or fig.value != 100 \
            or not _PARTS_OPEN.match(text, fig.end):
        return False
    parts = [f for f in figs[k + 1 :] if f.start < end]
    return len(parts) >= 2 and sum(f.value for f in parts) == fig.value \
        and all(f.unit == "分" and f.is_point and not _GOT.search(f.label) for f in parts)


_PARTS_OPEN = lazy(r"\s*[，,；;：:（(]\s*其中")
_GOT = lazy(r"得|扣|失")


def _points_total(table, check: Check):
    """The points the table's total row says its rows are out of (its 分值 合计), else its rows' 分值 added
    up, or None."""
    col = table.column(*check.options.points)
    if col is None:
        return None
    for r in range(len(table.rows) - 1, -1, -1):
        if any(w in row_label(table, r).replace(" ", "") for w in check.options.grand):
            fig = cell_figure(table, r, col, "分")
            return fig.value if fig is not None else None
    # no total row: the points of its rows added up (产出 40 + 效益 30 + 满意度 10, the 预算执行 20 elsewhere)
    points = [cell_figure(table, r, col, "分") for r in range(len(table.rows))
              if not any(w in row_label(table, r) for w in check.options.subtotals)]
    points = [p for p in points if p is not None]
    return sum((p.value for p in points), start=type(points[0].value)(0)) if points else None


def _table_total(table, col: int, check: Check):
    """``(total, its row's label, the scores it totals)`` for a table with a total row, else ``(None, "",
    the scores to sum)`` (no scores when the table has subtotals)."""
    grand, grand_row, parts, subtotals = None, "", [], False
    for r in range(len(table.rows)):
        label = row_label(table, r).replace(" ", "")
        if r in table.unplaced and any(w in label for w in check.options.grand):
            return None, "", []  # a 总分 row whose figures are not under their columns: not known
        fig = cell_figure(table, r, col, "分")
        if fig is None and any(w in label for w in check.options.grand):
            # 总分 | 100 | 97.50 short of the table's columns (merged cells): its score the last of its
            # two or more numbers (分值 before 得分), else the total is not known and nothing is judged
            shown = {j: f for j in range(len(table.rows[r]))
                     if (f := cell_figure(table, r, j, "分")) is not None}
            if shown and max(shown) < col:  # (a figure right of the 得分 column: a 合计 column's, not short)
                later = any(number(row[k].text) is not None for i, row in enumerate(table.rows) if i != r
                            for k in range(col + 1, len(row)))  # 分值 | 得分 | 扣分: which is its last?
                if len(shown) < 2 or later:
                    return None, "", []
                return shown[max(shown)], row_label(table, r), []
            if len(shown) >= 2 and min(shown) > col:
                return None, "", []  # 总分 | 100 | 99.23 right of the 得分 column summed (a tiered sheet
                # whose last 得分 header ran into the next): its total stands elsewhere, not known
        if fig is None:
            continue
        if any(w in label for w in check.options.grand):
            grand, grand_row = fig, row_label(table, r)
        elif any(w in label for w in check.options.subtotals):
            subtotals = True
        else:
            parts.append(fig)
    if grand is not None:  # (and the rows it totals, when no subtotal stands among them)
        return grand, grand_row, ([] if subtotals else _groups(table, col, parts))
    if table.column(*check.options.points) is None and not any("指标" in name for name in table.header):
        return None, "", []  # no indicators and no 分值 (projects' 评价得分, each its own): no whole
    return None, "", ([] if subtotals else _groups(table, col, parts))


def _groups(table, col: int, parts: list) -> list:
    """Of rows headed 一、 二、 over their items (一、部门决策 40 36.50, then 目标设定 20 18.00 …): the heads,
    when each is the sum of the rows under it; [] (nothing sure to add) when one is not; ``parts`` when
    no row heads a group."""
    rows = [r for r in range(len(table.rows)) if cell_figure(table, r, col, "分") is not None]
    heads = [k for k, r in enumerate(rows) if _HEAD.match(row_label(table, r))]
    if not heads or len(heads) == len(rows):
        return parts
    if heads[0] != 0:
        return []
    for k, end in zip(heads, [*heads[1:], len(rows)]):
        under = parts[k + 1 : end]
        if not under or not precision.total(under).meets(precision.interval(parts[k])):
            return []
    return [parts[k] for k in heads]


_HEAD = lazy(r"\s*[一二三四五六七八九十]{1,2}\s*[、.．]")
