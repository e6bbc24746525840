"""target_restated: an indicator's actual value stated in the prose (全年完成高素质农民培训3606人次;
服务对象满意度达到96.5%) differs from the 实际完成值 the indicator table gives for it.

Read narrowly, so that different things are never compared. An indicator row
(:mod:`crossfoot.tables.targets`) qualifies when its actual cell holds one quantity with a unit (人次, 个,
%) and its name is longer than ``shortest`` characters, two at least left once the measure word that ends
it is left out (人次, 数量, 人数: 高素质农民培训人次 is 高素质农民培训, 培训人次 is 培训).

A prose figure restates it when the figure is in the actual's unit and its clause names the row and
nothing more: its own words (what it says was done, the ``done`` words left out) are the name, or its end
(``shortest`` characters or more: 满意度 of 服务对象满意度), and no other row's so. Never the name with more
around it (全市…, 女性…, 第一期…, 该校…, a bracketed scope: another population's), nor words merely ending
alike (科研合作项目 is not 产学研合作项目).

The clause must say what was done (``done``: 完成, 达到, 实现, 实际 …), or be the row's whole name and nothing
else, in a report of a known year, opening its sentence or in a sentence saying what was done and nothing of a
plan (航运企业满意度92.4%; 从完成情况看，A a，均达到…; 为 aside; not after 绩效目标：, 按合同约定，, a unit's
name or a year), and say nothing of a plan (``planned``: 目标, 计划, 预期, 不低于, 力争 …) nor a change (同比,
增加, 超额 …) nor a total to date (累计, but 全年累计). A clause saying only what was done (实际完成 Y) after
one stating the row's target under its whole name (A年度目标不少于 X，实际完成 Y) is that row's.
Its sentence must name no other year than the report's, nor several years or 分别 before it (each year's of
several), nor last year (上年度), nor a part of the year or a date (上半年, 一季度, 11月, 截至, 以来); and
stand in the table's project section when both are a project's. A figure equal to the row's target is left
alone (which of the two the prose meant is not said).

The two must meet within their rounding (96.5% and 96.50% agree). The finding is on the prose figure, with
the table's actual cell as the related place.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ...figures import labels, precision
from ...regex import lazy
from ...tables import targets
from ...vocabulary import Words
from ..base import Check, report

KIND = "target_restated"
FIELDS = ("stated", "computed", "label", "other", "where")


@dataclass(frozen=True)
class Options(targets.Spec):
    shortest: int = 3
    done: Words = Words(["完成", "达到", "实现", "实际", "累计", "共计", "全年", "本年度", "本年", "年度",
                         "已", "共", "为", "了", "达", "至"])
    planned: Words = Words(["目标", "计划", "预期", "预计", "不低于", "不少于", "不超过", "力争", "指标值",
                            "要求", "标准", "任务数", "≥", "≤", "以上", "以内"])


_MEASURE = lazy(r"(?:人次|人数|次数|户数|个数|数量|数|人|次|户|个|场次|场|项)$")  # (…培训人次: 培训)
# a clause speaking of another scope, a part, a period to date or a change, not the indicator's actual
# (其中， and 全年累计 say nothing of the kind: the year's own total)
_QUALIFIED = lazy(r"全市|全区|全县|全省|全国|全镇|全乡|其中(?![，,：:])|[（(]|女性|男性|青年|第.{1,2}期|首期"
                  r"|[春秋]季|该校|机构|各|最[低高]|平均|(?<!全年)(?<!本年)累计|截至|截止|以来|至今|同比|比上年"
                  r"|较上年|增加|提高|增长|减少|下降|降低|超额|超出|多于|少于|高于|低于")
_DOING = lazy(r"^(?:(?:本|该)?项目)?(?:开展|举办|组织|实施|进行|完成)?")  # (项目受益群众: 受益群众)
_IS = lazy(r"(?:为|是|约为)$")
# the clause right before an actual said bare (实际完成 Y): a name, its year's target and the target's figure
_TARGET_FIRST = lazy(r"([^，,。；;：:]{2,40}?)(?:年度|全年)?(?:目标值?|计划|指标值)(?:为|是)?"
                     r"(?:不少于|不低于|≥|达到|大于等于)?[^，,。；;]{0,12}?[\d０-９][^，,。；;]*[，,]\s*$")
# a list item's marker and title before the name (1.数量指标。开展…)
_ITEM_LEAD = lazy(r"^.*?[。：:]|^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])")
_PART_OF_YEAR = lazy(rf"{labels.PART_OF_YEAR}|截至|截止|以来|至今")  # (截至11月，…)


def run(analysis, check: Check):
    o = check.options
    rows = _rows(analysis, o)
    if not rows:
        return
    units = {a.unit for _stem, _sheet, _row, _t, a in rows}
    year = analysis.year()
    for block, fig in analysis.in_prose():
        if fig.unit not in units or not fig.is_point:
            continue
        written = labels.clause(block.text, fig.start)
        clause = labels.core(written)
        if o.planned.within(clause) or _QUALIFIED.search(written):
            continue
        if o.done.within(clause):
            said = _said(o, clause)
            hits = [r for r in rows if r[4].unit == fig.unit and _names(r[0], clause, said, o.shortest)]
            if not hits and not said:  # A年度目标不少于 X，实际完成 Y: the name is the target's, just before
                named = _TARGET_FIRST.search(block.text, max(0, fig.start - len(written) - 60),
                                             fig.start - len(written))
                stem = labels.core(_ITEM_LEAD.sub("", named.group(1))) if named else ""
                hits = [r for r in rows if r[4].unit == fig.unit and stem == r[0]] if stem else []
        else:  # 航运企业满意度92.4%: the row's whole name right before its value, nothing said of it
            named = _IS.sub("", clause)
            opened = labels.sentence_start(block.text, fig.start)
            whole, ahead = block.text[opened : labels.stop_after(block.text, fig.start)], \
                block.text[opened : fig.start]
            alone = year is not None and (not block.text[opened : fig.start - len(written)].strip() or (
                o.done.within(whole) and not o.planned.within(ahead)))  # (从完成情况看，A a，均达到目标)
            hits = [r for r in rows if r[4].unit == fig.unit and r[2].label.strip() == named
                    and len(named) > o.shortest] if alone else []  # (绩效目标：培训人次 X; 按合同约定，…;
            # 县人社局：…; 2023年，…: a sentence saying whose or when, not the year's actual)
        if len(hits) != 1:
            continue
        stem, sheet, row, target, actual = hits[0]
        sentence, years = labels.dated(block.text, fig.start)
        opened = labels.sentence_start(block.text, fig.start)
        if years and year and years[-1] != year or _PART_OF_YEAR.search(block.text, opened, fig.start) \
                or labels.LAST_YEARS.search(block.text, opened, fig.start) \
                or len(set(labels.YEAR.findall(block.text, opened, fig.start))) > 1 \
                or "分别" in block.text[opened : fig.start]:
            continue  # 2023年培训…; 上半年完成培训…; 2022年、2023年、2024年…分别为 a、b、c: another year's, a
            # part of the year's, or each year's of several
        if _project(analysis, sheet.table) not in ("", analysis.project(fig.block)) \
                and analysis.project(fig.block):
            continue  # a project's sentence restates its own project's sheet only
        stated = precision.interval(fig)
        if stated.meets(precision.interval(actual)) or stated.meets(precision.interval(target)):
            continue
        shown = actual.text if actual.text.endswith(actual.unit) else actual.text + actual.unit
        yield report(check, analysis, fig.span, fig.text, related=(actual.span,), computed=shown,
                     figures=(fig.text, shown), label=row.label, other=shown,
                     where=analysis.doc.cite(actual.span))


def _rows(analysis, o) -> list[tuple]:
    """``(stem, sheet, row, target, actual)`` for every indicator row of one quantity with a unit."""
    return analysis.memo(_read_rows, o.shortest, targets.Spec(**{
        f: getattr(o, f) for f in targets.Spec.__dataclass_fields__}))


def _read_rows(analysis, shortest: int, spec) -> list[tuple]:
    out = []
    for sheet in targets.sheets(analysis, spec):
        for row in sheet.rows:
            if len(row.pairs) != 1 or not row.pairs[0][1].unit:
                continue
            stem = _MEASURE.sub("", row.label.strip())
            if len(stem) >= 2 and len(row.label.strip()) > shortest:  # (培训人次: 培训)
                out.append((stem, sheet, row, *row.pairs[0]))
    stems = [r[0] for r in out]
    return [r for r in out if stems.count(r[0]) == 1]  # (a name twice among the sheets: which is unsaid)


def _said(o, clause: str) -> str:
    """What a clause says was done, its ``done`` words and leading 其中 left out (全年完成高素质农民培训:
    高素质农民培训)."""
    said = clause.removeprefix("其中").strip(" ，,：:")
    for word in o.done:
        said = said.replace(word, "")
    return _MEASURE.sub("", said)


def _names(stem: str, clause: str, said: str, shortest: int) -> bool:
    """Whether a clause names the row of ``stem`` and nothing more: its own words are the name, or the end
    of it (``shortest`` characters or more: 满意度 of 服务对象满意度); never the name with more words around
    it (全市学员满意度, 女性学员满意度, 第一期学员满意度: another population's), nor words merely ending
    alike (科研合作项目 is not 产学研合作项目)."""
    said = _DOING.sub("", said)
    return said == stem or len(said) >= shortest and stem.endswith(said)


def _project(analysis, table) -> str:
    """The project section a table stands in, or ''."""
    lines = analysis.block_lines
    block = max(bisect.bisect_right(lines, table.span.line) - 1, 0)
    return analysis.project(block)
