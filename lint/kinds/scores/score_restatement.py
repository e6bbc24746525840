"""score_restatement: a group of a score sheet (决策, 过程, 产出, 效益; 履职效能, 管理效率) whose
score or 分值 is stated twice, in prose or a table, with values that cannot both be true
(决策指标得分10.40分 in the summary, 决策指标共15分，评价得分10.90分 in the analysis).

A group is one of the ``groups`` named alone: its name, then at most 类 and 指标 (决策类指标), 情况 or 方面;
a numbered heading, 其中 or punctuation before it; so 产出数量 and 效益指标满意度 are other things.
Statements come from the score items of prose and tables (:mod:`crossfoot.tables.scores`: 分值…得分; a
table's row whose only words are the group's name, or a sheet's 一级 item where every level is scored), from
prose that gives the group's score alone (过程指标得11.47分; 其中：决策指标10.40分 in a sentence that says
what was scored (得), or with its 得分率 after it: not 其中：决策指标20分 listing the weights) and from a
summary table laid across (指标 | 决策 | 过程 | … over a row 得分).

Two statements disagree when their rounding intervals cannot meet (18 beside 18.33 may be it rounded).
The check stays silent in a report scoring more than one thing: when it states two different overall scores
(综合得分, 总得分, 整体自评得分: a department's and its projects'; a grade's band, 90分（含）以上为“优”, is
none), or a group three different ways; and it never pairs statements of two projects' sections (一、某某项目
… 二、某某项目; （一）某某专项经费), the unit's own scores with the evaluators' (自评 against 复核, 评价组),
or last year's (上年, 2023年度 in a 2024 report); a sheet's scores are the unit's own or the evaluators' as
its caption or header says (项目支出绩效自评表).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ...figures import labels, precision
from ...model import Figure
from ...regex import lazy
from ...tables import cell_figure, row_label, scores
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "score_restatement"
FIELDS = ("stated", "computed", "label", "other", "where", "measure")


@options
class Options:
    groups: Words = Words(["决策", "过程", "产出", "效益", "满意度", "履职效能", "管理效率", "投入", "效果",
                           "项目决策", "项目过程", "项目产出", "项目效益", "项目管理"])
    max: Words = Words(["分值", "标准分"])
    score: Words = Words(["得分", "自评分"])


_TITLED = lazy(r"\s*(?:[（(]?\s*[一二三四五六七八九十\d]{1,2}\s*[)）.．、]?)?\s*"
               r"(?P<name>[\u4e00-\u9fff]{2,8}?)\s*[。：:]\s*")  # 2.产出指标。 opening a group's paragraph
_TAIL = lazy(r"(?:类)?(?:指标)?(?:情况|方面)?$")
_HEAD = lazy(r"^(?:其中\s*[:：]?\s*)?")
_SAID = lazy(r"(?:^|(?<=[，,；;。：:、（(）)\s])|(?<=其中)|(?<=[一二三四五六七八九十\d][、.．]))"
             r"(?P<name>[\u4e00-\u9fff]{2,6}?)(?:类)?(?:指标)?"
             r"(?:\s*[（(]?\s*(?:共|满分|分值|总分)?\s*(?P<max>\d+(?:\.\d+)?)\s*分\s*[）)]?\s*[，,：:]?)?"
             r"\s*(?P<scored>(?:评价|自评|实际)?得\s*分?\s*(?:为)?)?\s*(?P<score>\d+(?:\.\d+)?)\s*分(?!值)")
"""A group's score in prose: 决策指标10.40分, 过程指标得11.47分, 决策指标共15分，评价得分10.40分."""
# what follows a grade band's bound (90分（含）以上为“优”; 80分（含）至90分之间为良; 满90分为优): a rule
_BAND = lazy(r"[^。；;，,]{0,14}?(?:为|评为|定为|属于|的为|即为)\s*[“\"]?"
             r"(?:优|良|中|差|合格|不合格|较差|一般)")
_RATE_AFTER = lazy(r"\s*[，,（(]\s*得分率")
_WEIGHTS = lazy(r"分值|权重|满分|设置|设定|总分")
_OVERALL = lazy(r"(?:综合|总体|整体|总|最终)(?:评价|自评|绩效)?(?:得分|评分)"
                r"|(?:项目|部门).{0,12}?(?:评价|自评)(?:得分|总分)")  # (该项目绩效自评总分)
_OWN_SCORE = lazy(r"(?:自评|评价|综合)(?:总)?得分(?:为)?$")
_SCORED_THING = lazy(r"项目|部门|整体|单位")  # what the sentence scores, named before its score
# a group's score, not the whole's (决策指标共15分，评价得分 X)
_GROUP_SAID = lazy(r"(?:决策|过程|产出|效益|满意度|履职效能|管理效率)(?:类)?指标")
_FUNDED = lazy(r"项目|经费|资金|专项|工程")  # what a project's section is headed by (（一）法律援助专项经费)
_SCORE_ROW = lazy(r"(?:评价|自评|实际)?得分")
_PAST = lazy(r"上年|去年|上一年")


@dataclass(frozen=True)
class _Said:
    group: str
    figure: Figure
    measure: str  # 得分 or 分值
    rater: str = ""  # 自评 (the unit's own) or 复核 (the evaluators'), when its sentence says
    project: str = ""  # the project its section is headed by (一、城乡环境整治项目), if any
    parts: tuple[Figure, ...] = ()  # the rows it is the sum of, when a tiered sheet states it so

    @property
    def value(self):
        return sum((p.value for p in self.parts), start=self.parts[0].value * 0) if self.parts \
            else self.figure.value

    def interval(self):
        if self.parts:
            return precision.total(self.parts)
        return precision.interval(replace(self.figure, exact=False))

    def shown(self) -> str:
        """The figure, or the rows summed and their sum (2.91 + 1.66 + 4.00 = 8.57分)."""
        if not self.parts:
            return self.figure.text
        places = max(p.decimals for p in self.parts)
        added = " + ".join(p.text for p in self.parts) if len(self.parts) <= 8 \
            else f"its {len(self.parts)} rows"
        return f"{added} = {self.value:.{places}f}分"


def _group(name: str, groups: Words) -> str | None:
    name = _TAIL.sub("", _HEAD.sub("", scores.clean(name).replace(" ", "")))
    if name.startswith("项目") and name[2:] in groups:
        name = name[2:]  # 项目决策 is 决策
    return name if name in groups else None


def _context(analysis, fig: Figure) -> tuple[str, str] | None:
    """A prose statement's rater and project (see :class:`_Said`), or None when its sentence is of another
    year (2023年度决策指标得16分; 与上年相比)."""
    if fig.block < 0:
        return "", ""
    text = analysis.doc.blocks[fig.block].text
    opened = text.rfind("。", 0, fig.start) + 1
    before = text[opened : fig.start]
    year = analysis.year()
    if _PAST.search(before) or year and any(y < year for y in labels.YEAR.findall(before)):
        return None
    rater = "复核" if scores.REVIEWERS.search(before) else "自评" if "自评" in before else ""
    return rater, _project(analysis, fig.block)


def _rater(table) -> str:
    """Whose scores a sheet holds, as its caption or header says (…自评表: the unit's own), or ''."""
    said = table.title + "".join(table.header)
    return "复核" if scores.REVIEWERS.search(said) else "自评" if "自评" in said else ""


def _project(analysis, block: int) -> str:
    """The project whose section ``block`` stands in (一、城乡环境整治项目 …), or ''."""
    head = analysis.doc.blocks[analysis.section(block).start].text
    return head if _FUNDED.search(head) and len(head) <= 40 and head != analysis.doc.blocks[block].text \
        else ""


def _statements(analysis, o: Options) -> list[_Said]:
    said: list[_Said] = []
    taken = set()
    for item in scores.items(analysis, o.max, o.score):
        group = _group(item.name, o.groups)
        if group is None or item.level > 0 or item.score.block < 0 and len(item.name.split()) > 1:
            continue  # (a table row whose other cells name an item under the group, or a finer level's
            # item named as a group is, 效益 | 30 | 28.5 | 项目效益 | 20 | 19: not the group's)
        if item.score.block >= 0:
            text = analysis.doc.blocks[item.score.block].text
            opened = max(text.rfind(c, 0, item.score.start) for c in "。；;") + 1
            titled = _TITLED.fullmatch(text, 0, opened)
            if group not in text[opened : item.score.start] \
                    and (titled is None or _group(titled.group("name"), o.groups) != group):
                continue  # （一）决策情况 … 该指标分值3分，得2.00分: an item under the group's heading (not
                # 2.产出指标。该指标分值50分，自评得分 X: the paragraph titled by the group alone, its score)
        said.append(_Said(group, item.score, "得分"))
        taken.add((item.score.block, item.score.start))
        if item.maximum is not None:
            said.append(_Said(group, item.maximum, "分值"))
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row" or "分" not in block.text:
            continue
        at = {f.start: f for f in analysis.figures[b] if f.unit == "分"}
        for m in _SAID.finditer(block.text):
            group = _group(m.group("name"), o.groups)
            score = at.get(m.start("score"))
            if group is None or score is None or (b, score.start) in taken:
                continue
            opened = max(block.text.rfind(c, 0, m.start()) for c in "。；;") + 1
            before = block.text[opened : m.start()]
            if not m.group("scored") and m.group("max") is None and not (
                    "得" in before and not _WEIGHTS.search(before)
                    or _RATE_AFTER.match(block.text, m.end())):
                continue  # 其中：决策指标20分、过程指标20分: the weights the system gives, not scores
            said.append(_Said(group, replace(score, exact=False), "得分"))
            if m.group("max") is not None and (maximum := at.get(m.start("max"))) is not None:
                said.append(_Said(group, maximum, "分值"))
    for table in analysis.tables:
        said.extend(_across(table, o))
    tiered = [t for t in analysis.tables if _tier_column(t) is not None and t.column(*o.score) is not None]
    if len(tiered) == 1 and (not analysis.doc.path.lower().endswith(_LAID_OUT) or _ruled(tiered[0])):
        # (one sheet: several projects' sheets, each its own groups, are not summed; and a sheet whose merged
        # cells the file keeps, not one laid out on a page, where a group's name may be centred on its rows:
        # a PDF's ruled grid keeps them, its merged cell's name given on its first row)
        block = bisect.bisect_right(analysis.block_lines, tiered[0].span.line) - 1
        project = _project(analysis, block) if block >= 0 else ""
        said.extend(replace(s, project=project, rater=_rater(tiered[0])) for s in _tiered(tiered[0], o))
    placed = []
    for s in said:
        if s.parts:
            placed.append(s)  # (a sheet's rows summed: its project said above)
        elif (context := _context(analysis, s.figure)) is not None:
            placed.append(replace(s, rater=context[0], project=context[1]))
    return sorted(placed, key=lambda s: (s.figure.span.line, s.figure.span.column))


def _across(table, o: Options) -> list[_Said]:
    """A summary laid across: 指标 | 决策 | 过程 | 产出 | 效益 | 合计 over rows 分值 and 得分."""
    columns = {j: g for j, h in enumerate(table.header) if (g := _group(h, o.groups)) is not None}
    if len(columns) < 2 or len(set(columns.values())) < len(columns) \
            or any("三级" in row_label(table, r) for r in range(len(table.rows))):
        return []  # (一级指标 | 产出指标 | 产出指标 | 效益指标 over 三级指标, 分值, 得分: indicators laid
        # across, a column each, not a summary of groups)
    out = []
    for r in range(len(table.rows)):
        label = row_label(table, r).replace(" ", "")
        measure = "得分" if _SCORE_ROW.fullmatch(label) else "分值" if label in o.max else None
        if measure is None:
            continue
        for j, group in columns.items():
            if (fig := cell_figure(table, r, j, "分")) is not None:
                out.append(_Said(group, fig, measure))
    return out


_LAID_OUT = (".pdf", ".ofd", ".txt")  # tables read from the page's layout (a text file, from a PDF maybe)


def _ruled(table) -> bool:
    """Whether a sheet's 一级 column is a PDF's ruled grid whose merged cells give each group's name on its
    first row: every blank cell of the column below a name covered by the merged cell above it."""
    col = _tier_column(table)
    blank = [row[col] for row in table.rows if col < len(row) and not row[col].text.strip()]
    return bool(blank) and all(cell.merged == "up" for cell in blank)


def _tier_column(table) -> int | None:
    return next((j for j, h in enumerate(table.header) if "一级" in h), None)


def _tiered(table, o: Options) -> list[_Said]:
    """A sheet's groups by its 一级指标 column, each named on its first row and blank below (决策 | 项目立项 |
    … ⏎ | | …), or on each of its rows: a group's 得分 (and 分值) is the sum of its rows, when closed by the
    next group or the total row (its rows' 小计, the 二级 items' subtotals, left out; a 小计 ending the sheet
    is its total). Nothing when the sheet's first row names no group (a sheet continued), a name is none of
    ``groups``, a group's first row opens no 二级 item, a score is blank, or the sheet has two score columns
    (自评得分 | 复核得分)."""
    first, score, points = _tier_column(table), table.column(*o.score), table.column(*o.max)
    if sum(1 for h in table.header if o.score.within(h) and "率" not in h) > 1:
        return []  # 自评得分 | 复核得分: which one the prose gives is not said
    second = next((j for j, h in enumerate(table.header) if "二级" in h), None)
    groups: list[tuple[str, list[int]]] = []
    closed = False
    for r, row in enumerate(table.rows):
        said = row_label(table, r).replace(" ", "")
        if _SUBTOTAL_ROW.search(said) and groups and not row[first].text.strip() and r < len(table.rows) - 1:
            continue  # 小计 under a 二级 item's rows (数量指标 8, 7 | 小计 15): a subtotal, not an item (the
            # sheet's last row, its total)
        if _TOTAL_ROW.search(said):
            closed = True
            break
        name = row[first].text.strip()
        if name and groups and _group(name, o.groups) == groups[-1][0]:
            groups[-1][1].append(r)  # 决策 on every row of its group (a merged cell read in each), or again
            # after a page break: the same group
        elif name:
            group = _group(name, o.groups)
            if group is None or second is not None and not row[second].text.strip():
                return []
            groups.append((group, [r]))
        elif not groups:
            return []
        else:
            groups[-1][1].append(r)
    out = []
    for group, rows in groups if closed else groups[:-1]:
        for column, measure in ((score, "得分"), (points, "分值")):
            parts = [cell_figure(table, r, column, "分") for r in rows] if column is not None else []
            if len(parts) >= 2 and all(p is not None for p in parts):
                out.append(_Said(group, parts[0], measure, parts=tuple(parts)))
    return out


_TOTAL_ROW = lazy(r"合计|总计|总分|小计")
_SUBTOTAL_ROW = lazy(r"^(?:小计|[一二三]级(?:指标)?小计)$")


def _groups_own(text: str, opened: int, fig) -> bool:
    """Whether a score is the last group named before it in its sentence (决策指标共15分，评价得分 X: the
    group's score, its own not said before; not …效益指标得分30分，自评得分98分: the whole's after them)."""
    groups = list(_GROUP_SAID.finditer(text, opened, fig.start))
    if not groups:
        return False
    said = fig.start - len(fig.label)
    return "得分" not in text[groups[-1].end() : max(said, groups[-1].end())]


def _overall(analysis) -> set:
    """The distinct overall scores the prose states (a department's and its projects' differ)."""
    found = set()
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row" or "分" not in block.text:
            continue
        for fig in analysis.figures[b]:
            if fig.unit != "分" or "满分" in fig.label or fig.value == 100 \
                    or _BAND.match(block.text, fig.end):
                continue  # (总得分90分（含）以上为“优”, 在80分（含）至90分之间为良: a grade's band, no score)
            opened = max(block.text.rfind(c, max(0, fig.start - 200), fig.start) for c in "。；;") + 1
            if _OVERALL.search(fig.label) or _OWN_SCORE.search(fig.label) \
                    and _SCORED_THING.search(block.text, opened, fig.start) \
                    and not _groups_own(block.text, opened, fig):
                found.add(fig.value)  # (该项目决策指标得分…，自评得分 98: the project's own)
    return found


def run(analysis, check: Check):
    o = check.options
    said = _statements(analysis, o)
    if len(said) < 2 or len(_overall(analysis)) > 1:
        return
    by: dict[tuple, list[_Said]] = {}
    for s in said:
        by.setdefault((s.group, s.measure), []).append(s)
    reported = set()  # one finding a place: a 分值 wrong beside a wrong 得分 is one slip (a group misnamed)
    for (group, measure), got in sorted(by.items(), key=lambda kv: kv[0][1] != "得分"):
        values = {s.value for s in got}
        if len(values) < 2 or len(values) > 2:
            continue  # one value, or three: several things scored under one name
        got = sorted(got, key=lambda s: not s.parts)  # (a sheet's rows summed: the prose is the one said)
        first = got[0]
        for s in got[1:]:
            if s.rater and first.rater and s.rater != first.rater \
                    or s.project and first.project and s.project != first.project \
                    or (first.parts or s.parts) and s.project != first.project:
                continue  # the unit's scores and the evaluators'; two projects' sections (a sheet's rows
                # summed, only against the prose of its own section)
            if not s.interval().meets(first.interval()) and s.figure.span.line not in reported:
                reported.add(s.figure.span.line)
                yield report(check, analysis, s.figure.span, s.figure.text, related=(first.figure.span,),
                             computed=first.shown(), figures=(s.figure.text, first.figure.text),
                             label=group, other=first.shown(), measure=measure,
                             where=analysis.doc.cite(first.figure.span))
                break
