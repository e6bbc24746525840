"""target_claim: the prose says every target was met, yet the report's indicator tables show misses.

Finds a ``claims`` phrase (各项指标均完成, 全面完成绩效目标) in a sentence that names an ``objects`` word
(目标, 指标), not hedged (基本完成) or negated (未完成) just before it, nor one indicator's (实际全部完成
标准化建设: 实际 before it, the work done after it; 资助学生人数指标全部完成: one indicator named, not
绩效指标 or 年度指标; 各项指标均达到预期 is a claim), in a sentence that admits no miss
(其中1个指标全部完成，1个未完成). An exception stated in the same sentence (除一个指标外, 除2项指标外,
除A和B2项外) allows that many misses, and one naming them (除“培训基层医务人员”指标外, 除节水率指标外) as many
as it names. The indicators that miss a target are those of :mod:`crossfoot.tables.targets` (a target cell and
its actual cell, every pair compared in its direction); when there are more than the claim allows, the claim
is a finding that names them. A claim is about its own section's tables when its section
(:meth:`crossfoot.analysis.Analysis.section`) holds any, and about one group of indicators when it names it
(数量指标：…等5个数量指标均已完成; 满意度指标均达到), or when its paragraph opens on the group's title
((四)效益（25分）。…各项指标均完成; (四)满意度指标完成情况。; 满意度指标共1个，…): that group's rows, by
the merged group cells they stand under (silent when the tables name no groups).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ...figures import numbers, precision
from ...regex import lazy
from ...tables import targets
from ...vocabulary import Words
from ..base import Check, report

KIND = "target_claim"
FIELDS = ("stated", "computed", "allowed", "count", "misses")


@dataclass(frozen=True)
class Options(targets.Spec):
    claims: Words = Words(["全面完成", "全部完成", "均已完成", "均完成", "都已完成", "都完成", "均已达到",
                           "均达到", "全部达到", "全面实现", "全部实现", "均已实现", "均实现"])
    objects: Words = Words(["目标", "指标"])
    hedges: Words = Words(["基本", "未", "没有", "尚未"])


_EXCEPT = lazy(r"除\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*[个项条]?[^，。,；]{0,6}外")
# 除A和B2项外: the names listed, then their count (not 除新建公厕10个指标外: a target's quantity)
_EXCEPT_COUNTED = lazy(r"除(?P<names>[^，。,；\d]{2,40}?[和及与、][^，。,；\d]{2,40}?)"
                       r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*[个项条]\s*(?:指标|目标)?\s*外")
_EXCEPT_NAMED = lazy(r"除((?:[“\"「『][^”\"」』]{1,40}[”\"」』][、和及与，,]?)+)[^，。,；]{0,8}外")
_BRACKETED = lazy(r"[（(][^（()）]{0,40}[）)]")
# a miss said of the indicators named before 其余 (完成率99.44%, 低于目标, 扣0.03分), not a name alone
_MISS_SAID = lazy(r"未|低于|不足|偏差|扣|差距|低\s*\d|(?:完成率|完成了)\s*\d{1,2}(?:\.\d+)?%")
_QUOTED = lazy(r"[“\"「『][^”\"」』]{1,40}[”\"」』]")
# 除节水率指标外, 除A、B指标外: names without quotes (not 除此之外, 除上述…外)
_EXCEPT_PLAIN = lazy(r"除(?!此|上述|以上|了)([\u4e00-\u9fff、]{2,30}?(?:\d+(?:\.\d+)?[\u4e00-\u9fff%]?)?)"
                     r"(?:等?\s*(?:指标|目标))?外")  # (除新建公厕10个指标外: one name, its target in it)
_NAMES = lazy(r"[、和及与]")
_SHOWN = 3
_REST = lazy(r"其余|其他|另外的|剩余")
_ADMITTED = lazy(r"(?<!不存在)(?<!没有)(?<![无不])"  # not 不存在未完成的指标
                       r"(?:未(?:能|全部|完全)?(?:完成|达到|达成|实现)|没有(?:完成|达到))")


def run(analysis, check: Check):
    sheets = targets.sheets(analysis, check.options)
    every = [row for sheet in sheets for row in sheet.rows if row.missed]
    if not every:
        return
    claims, hedges = check.options.claims, check.options.hedges
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row" or not any(w in block.text for w in claims):
            continue
        for start, end, _ in analysis.sentences(b):
            sentence = block.text[start:end]
            hit = _claim(sentence, claims, hedges)
            if hit is None or not any(w in sentence for w in check.options.objects):
                continue
            misses = _of_section(analysis, sheets, b, every, sentence)
            groups = set(_GROUP.findall(sentence[: hit[0]]))
            if groups and not _EVERY.search(sentence[: hit[0]]):
                # 数量指标：A、B等5个数量指标均已完成: that group's misses; none when no row says its group
                rows = [row for sheet in sheets for row in sheet.rows]
                if not any(g in row.context for row in rows for g in _GROUPS):
                    continue
                misses = [row for row in misses if any(g in row.context for g in groups)]
                if not misses:
                    continue
            elif (opened := _GROUP_OPENS.match(block.text)) and groups <= {opened.group(1) + "指标"} \
                    and start + hit[0] >= opened.end() \
                    and not _WHOLE_CLAIM.search(sentence[: hit[0]]) \
                    and not _WHOLE_CLAUSE.search(sentence, _clause_start(sentence, hit[0]), hit[0]):
                # （四）效益（25分）。…各项指标均完成，得满分: that group's indicators, not the report's
                group = opened.group(1)
                rows = [row for sheet in sheets for row in sheet.rows]
                if not any(group in row.context for row in rows):
                    continue  # (no row says its group: which are its indicators is not known)
                misses = [row for row in misses if group in row.context]
                if not misses:
                    continue
            said = [f for f in analysis.figures[b] if start <= f.start < start + hit[0]]
            if _own_items(analysis, b, start, start + hit[0]) and not any(
                    _named_in(row.label, sentence) or any(_same(f, row.missed[0][1]) for f in said)
                    for row in misses):
                continue  # 污水治理率由A提高到B，…普及率由C提高到D，均达到总体目标: the ones it names
            if _ADMITTED.search(sentence):
                continue  # 1个指标全部完成，1个指标未完成; 数量指标全部完成，质量指标未完成: a miss said
            said = len(_ADMITTED.findall(block.text[max(0, start - 120):start]))
            if _REST.search(sentence[: hit[0]]):
                before = block.text[max(0, start - 120) : start + hit[0]]
                if len(misses) <= said or _MISS_SAID.search(before) \
                        and all(_named_in(row.label, before) for row in misses):
                    continue  # …未完成，扣1.4分。其余指标均完成; A完成率99.44%，其余指标均完成: the rest
            # 除A（63.8%，较目标值低1.2个百分点）外: A; （除群众满意度指标外）: kept
            sentence = _BRACKETED.sub(lambda m: m.group() if "除" in m.group() else "", sentence)
            m = _EXCEPT.search(sentence)
            allowed = (numbers.whole(m.group("n")) or 0) if m else 0
            if m is None and (m := _EXCEPT_COUNTED.search(sentence)):  # 除A和B2项外: no more than named
                allowed = min(numbers.whole(m.group("n")) or 0, len(_NAMES.split(m.group("names"))))
            named = _EXCEPT_NAMED.search(sentence)
            if named:  # 除“培训基层医务人员”指标外: as many as it names
                allowed = max(allowed, len(_QUOTED.findall(named.group(1))))
            elif not m and (plain := _EXCEPT_PLAIN.search(sentence)):  # 除节水率指标外
                allowed = len(_NAMES.split(plain.group(1)))
            if len(misses) <= allowed or _counted_apart(sheets, misses, sentence):
                continue
            at, word = hit
            listed = "; ".join(_missed(row) for row in misses[:_SHOWN])
            more = f" and {len(misses) - _SHOWN} more" if len(misses) > _SHOWN else ""
            span = block.span(start + at, start + at + len(word))
            yield report(check, analysis, span, word, related=tuple(r.missed[0][1].span for r in misses),
                         computed=f"{len(misses)} missed", figures=(word, *(r.label for r in misses)),
                         allowed=f" (all but {allowed})" if allowed else "", count=str(len(misses)),
                         misses=listed + more)


_GROUPS = ("产出指标", "效益指标", "满意度指标", "数量指标", "质量指标", "时效指标", "成本指标",
           "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")
_GROUP = lazy(r"(?<![一二三]级)(产出指标|效益指标|满意度指标|数量指标|质量指标|时效指标|成本指标)")
# a paragraph opening on a group's title (（四）效益（25分）。; 2.产出指标：): its sentences are that group's
_GROUP_OPENS = lazy(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
                    r"|\d{1,2}[.．、])?\s*(决策|过程|产出|效益|满意度|数量|质量|时效|成本)(?:指标)?"
                    r"(?:完成情况|得分情况|情况|方面)?\s*(?:[（(][^）)]{0,8}[)）])?\s*(?:[。：:，,]|共|设置|设)")
# (（四）满意度指标完成情况。; 满意度指标共1个，…: the group's paragraph too)
# the whole's, wherever said
_WHOLE_CLAIM = lazy(r"总体|整体|本项目|项目全面|部门整体|年度绩效目标|总体目标|综上")
# …in the claim's own clause (全年各项绩效指标均已完成, 本单位设定的各项指标; not 全年举办培训班5期，…，
# 各项指标)
_WHOLE_CLAUSE = lazy(r"全年|本年度|本单位|本部门|设定的|绩效目标|绩效指标|所有")
_EVERY = lazy(r"各项|各类|所有|全部|全面|各[个级]|整体|总体绩效|绩效目标|其余|其他|剩余|除")


def _clause_start(sentence: str, at: int) -> int:
    return max(sentence.rfind(c, 0, at) for c in "，,；;") + 1


def _counted_apart(sheets, misses, sentence: str) -> bool:
    """Whether the claim counts its indicators without the 预算执行率 row, the only misses (项目共设置5个三级
    绩效指标，完成5个，全部完成 over a table of that row and five indicators): the funds' line, scored by its
    rate, is not one of the indicators counted."""
    m = _COUNTED.search(sentence)
    if m is None or not misses or not all(_EXECUTION.search(row.label) for row in misses) \
            or "执行" in sentence:
        return False  # (…5个指标全部完成，预算执行率达到100%: the claim of the rate's too)
    rows = [row for sheet in sheets for row in sheet.rows]
    return numbers.whole(m.group(1) or m.group(2)) == len([row for row in rows
                                                          if not _EXECUTION.search(row.label)])


_COUNTED = lazy(r"(\d+|[一二两三四五六七八九十]+)\s*[个项条]\s*(?:三级)?(?:绩效)?指标"
                r"|(?:三级)?(?:绩效)?指标\s*(?:共\s*)?(\d+|[一二两三四五六七八九十]+)\s*[个项条](?!月)")
# (5个指标, or 设定绩效指标6个: counted after their word; not 时效指标2个月内完成, a span)
_EXECUTION = lazy(r"预算执行率|资金执行率")


def _own_items(analysis, block: int, start: int, at: int) -> bool:
    """Whether the claim at ``at`` speaks of the items its own sentence names before it: two figures or
    more there (A由x%提高到y%，B由…; 完成清扫保洁面积1206万平方米、维护路灯2.35万盏，均达到), and no word for
    every target (各项, 所有, 绩效目标) in its clause."""
    text = analysis.doc.blocks[block].text
    clause = text[max(start, *(text.rfind(c, start, at) for c in "，,；;")) : at + 8]
    said = [f for f in analysis.figures[block] if start <= f.start < at and f.unit
            and precision.family(f.unit) != "money"]  # (预算 X，实际支出 Y，年度目标均已完成: the funds)
    return len(said) >= 2 and not _EVERY.search(clause)


def _same(figure, actual) -> bool:
    """Whether a figure of the claim's sentence restates a missed indicator's actual (举办培训4场 of the
    培训场次 row's 4场): then the claim covers that indicator."""
    return figure.value == actual.value and (figure.unit == actual.unit or (  # 480名 of 480人: a count
        figure.unit in precision.COUNT_UNITS and actual.unit in precision.COUNT_UNITS))


def _of_section(analysis, sheets: list, block: int, every: list, sentence: str = "") -> list:
    """The misses a claim in ``block`` is about: those of its own section's indicator tables when its
    section holds any (a page of several projects, each under its 一、/二、), else the whole report's."""
    section = analysis.section(block)
    lines = analysis.block_lines
    own = [s for s in sheets if bisect.bisect_right(lines, s.table.span.line) - 1 in section]
    if own:
        return [row for s in own for row in s.rows if row.missed]
    if _DEPARTMENT.search(sentence) and "项目" not in sentence:
        # 部门各项绩效指标均已完成: the department's tables, not those of its projects' sections
        theirs = [s for s in sheets if analysis.project(bisect.bisect_right(lines, s.table.span.line) - 1)]
        if 0 < len(theirs) < len(sheets):  # (the department's tables apart from its projects')
            return [row for s in sheets if s not in theirs for row in s.rows if row.missed]
    return every


_DEPARTMENT = lazy(r"部门|整体")


def _named_in(label: str, text: str) -> bool:
    """Whether the indicator ``label`` is named in ``text``: its name without its unit and brackets, or
    the first eight characters of a long one (公益电影放映场次 in 公益电影放映完成率99.44%)."""
    name = _BRACKETED.sub("", label).strip()
    return len(name) >= 4 and (name in text or name[: min(8, max(4, len(name) - 2))] in text)


def _missed(row: targets.Row) -> str:
    t, a = row.missed[0]
    return f"{row.label} {a.text} against {targets.shown(t)}"


def _claim(sentence: str, claims, hedges) -> tuple[int, str] | None:
    found = []
    for word in claims:
        at = sentence.find(word)
        while at >= 0:  # (each time said: 均完成主要绩效目标，各项绩效指标均完成: all, the second time)
            after = at + len(word)
            opened = max(sentence.rfind(c, 0, at) for c in "，,；;。：:") + 1
            clause = sentence[opened:at]
            one = any(not _GENERIC_NAME.search(m.group(1)) for m in _ONE_NAMED.finditer(clause)) \
                and not _GROUP.search(clause)
            done = not _EVERY.search(clause) and (
                one or "实际" in clause and _THING_DONE.match(sentence, after) is not None)
            # (实际全部完成标准化建设; 资助学生人数指标全部完成: one indicator's actual, or its own claim)
            if not any(sentence[max(0, at - len(h)):at] == h for h in hedges) \
                    and not _SOME.match(sentence, after) and not done:
                found.append((at, word))
                break
            at = sentence.find(word, at + 1)
    return min(found) if found else None


_ONE_NAMED = lazy(r"([\u4e00-\u9fff”]{2,})指标")  # 标准化建设指标: one indicator named
# words naming indicators in general, not one (绩效指标, 年度指标, 设定的指标, 本项目指标)
_GENERIC_NAME = lazy(r"(?:绩效|年度|项目|设定的?|设置的?|全年|整体|总体|各项|所有|主要|核心|相关)$")
_SOME = lazy(r"(?:了)?(?:主要|大部分|部分|重点|核心|多数)")  # 均完成主要绩效目标: the main ones, not all
# what was done, named after the word, 实际 before it (实际全部完成标准化建设: an indicator's actual), not
# targets (各项指标均达到预期 is a claim)
_THING_DONE = lazy(r"(?:了)?(?![^，,。；;：:、）)]*?(?:目标|指标|任务|计划|要求|绩效|预定|预期|既定|设定))"
                   r"[\u4e00-\u9fff“”]{2,}")

