"""department_name: every line that declares the unit names the same one (a table copied from another
department's report keeps its 编制部门).

A declaration is one of the ``labels`` (预算主管部门, 编制部门, 编制单位, 部门名称, 单位名称) followed by ：
and a name; the first declaration sets the name, and each later one that names another is a finding on
that name, with the first as the related place. A file holding its units' tables after the department's
(档案局本级 ⏎ 2025年单位预算 ⏎ 编制单位：档案局本级 …; 上海市普陀区档案馆 ⏎ …) announces each unit by a
heading of its own just before its first declaration: from there on, that unit's name is the one declared.
"""

from __future__ import annotations

import re

from ...analysis import unit_heading
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "department_name"
FIELDS = ("stated", "computed", "other", "where")
_NAME = lazy(r"[\u4e00-\u9fff（）()“”]{2,40}")
# how a table names its scope after the unit (某局（汇总）, 某局本级), and the place a full name opens with
_SCOPE = lazy(r"(?:[（(](?:汇总|本级|本部|机关|部门汇总|单位汇总|合并)[）)]|本级|本部|机关本级|机关|汇总)$")
# a name complete in itself (a unit's, a place's): a longer one it begins names another (某委员会监督所)
_WHOLE_NAME = lazy(r"(?:局|委员会|办公室|中心|医院|学校|学院|中学|小学|幼儿园|研究所|监督所|馆|站|大队|支队"
                   r"|公司)$")  # (not 场, 委, 办, 镇, 区: where a name is as often cut off)
_PLACE = lazy(r"^[\u4e00-\u9fff]{2,9}?[省市区县州盟旗]")


def _same(name: str, other: str) -> bool:
    """Whether two declarations name one unit: alike but for a scope after it (（汇总）, 本级), the
    place before it (重庆市綦江区水利局 and 綦江区水利局), or its end wrapped away or cut off (a name wider
    than its cell, beside the unit's cell, is printed as far as the cell goes)."""
    a, b = _SCOPE.sub("", name), _SCOPE.sub("", other)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short) and not _WHOLE_NAME.search(short):
        return True  # …文化广电旅游体育 | 局, 上海市普 | 单位：元: its end wrapped away, or cut off
    return len(short) >= 4 and long.endswith(short) and bool(_PLACE.fullmatch(long[: len(long) - len(short)]))


@options
class Options:
    labels: Words = Words(["预算主管部门", "编制部门", "编制单位", "部门名称", "单位名称"])


def run(analysis, check: Check):
    declared = re.compile(rf"(?:{check.options.labels.pattern.pattern})\s*[:：]\s*")
    department = current = None
    blocks = analysis.doc.blocks
    for b, block in enumerate(blocks):
        for m in declared.finditer(block.text):
            name = _NAME.match(block.text, m.end())
            if name is None or block.text.startswith(("：", ":"), name.end()):
                continue  # 编制单位： 金额单位：万元: the field left empty, the next label after it
            value = name.group().removesuffix("单位")
            if not value:
                continue
            span = block.span(name.start(), name.start() + len(value))
            supervisor = m.group().startswith("预算主管部门") and len(list(declared.finditer(block.text))) > 1
            if department is None:
                department = current = (value, span)
            elif _same(value, current[0]):
                continue
            elif _same(value, department[0]):
                if not supervisor:
                    current = department  # (the department's own tables again, after its units')
            elif not supervisor and _announced(blocks, b, value, declared):
                current = (value, span)  # (a unit's tables after its own heading: its name from there on)
            else:
                against = department if supervisor else current
                yield report(check, analysis, span, value, related=(against[1],), computed=against[0],
                             figures=(value, against[0]), other=against[0],
                             where=analysis.doc.cite(against[1]))


def _announced(blocks, b: int, name: str, declared, reach: int = 8) -> bool:
    """Whether the heading of a unit's own report (…2025年单位预算) opens the part holding block ``b``,
    within ``reach`` blocks before it, naming the unit on its line or the line before it (档案局本级 ⏎
    2025年单位预算 ⏎ 编制单位：档案局本级); not a department's heading (…部门预算), a contents line or a mere
    mention."""
    for k in range(b - 1, max(b - reach, -1) - 1, -1):
        text = blocks[k].text.strip()
        if declared.search(text):
            return False  # (the tables before it are another declaration's)
        if unit_heading(text):
            before = blocks[k - 1].text.strip() if k else ""
            return name in text or 0 < len(before) <= 40 and (before == name or name in before)
    return False
