"""names: the department and the year a report names stay the same from its title to its tables.

Option ``what`` is ``department`` or ``year``.

* ``department``: every line that declares the unit (``labels``: 预算主管部门, 编制部门, 编制单位,
  部门名称, 单位名称, followed by ：) must name the same one as the first declaration (a table copied from
  another department's report keeps its 编制部门). A finding on each line that differs.
* ``year``: a table caption that names a year (2026年部门收入预算总表) must name the report's year, the
  year its title names (the first short line of its opening ``head`` lines with a year).
"""

from __future__ import annotations

import re

from . import _prose
from ._base import Check, report

KIND = "names"
OPTIONS = {"what": "department", "labels": ["预算主管部门", "编制部门", "编制单位", "部门名称", "单位名称"],
           "head": 8}
_NAME = re.compile(r"[\u4e00-\u9fff（）()“”]{2,40}")


def validate(options: dict) -> str | None:
    return None if options.get("what") in ("department", "year") else "option what is department or year"


def run(prose: _prose.Prose, check: Check):
    if check.options["what"] == "year":
        yield from _years(prose, check)
        return
    labels = "|".join(re.escape(w) for w in check.words("labels"))
    declared = re.compile(rf"(?:{labels})\s*[:：]\s*")
    first = None
    for block in prose.doc.blocks:
        for m in declared.finditer(block.text):
            name = _NAME.match(block.text, m.end())
            if name is None:
                continue
            value = name.group().removesuffix("单位")
            span = block.span(name.start(), name.start() + len(value))
            if first is None:
                first = (value, span)
            elif value != first[0]:
                yield report(check, prose, span, value, related=(first[1],), computed=first[0],
                             figures=(value, first[0]), other=first[0], where=prose.doc.cite(first[1]))


def _years(prose, check):
    title = _prose.title(prose, check.options["head"])
    if title is None:
        return
    year = _prose.YEAR.search(title.text).group(1)
    for table in prose.tables:
        m = _prose.YEAR.search(table.title)
        if m and m.group(1) != year:
            yield report(check, prose, table.span, table.title, related=(title.span(0, len(title.text)),),
                         computed=year, figures=(m.group(1), year), said=m.group(1), year=year)
