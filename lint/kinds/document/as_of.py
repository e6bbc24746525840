"""as_of: a date the report counts from (截至2023年12月31日) belongs to another year than the report's.

The report's year is the year its title names. A report that looks back on its year (决算, 自评, 评价:
option ``behind``) states its year-end as 截至<its year>年12月31日; a budget (预算: ``ahead``) states last
year's figures, 截至<the year before>…. A 截至 (截止) date with a year before that is a paragraph copied from
an earlier year's report: a finding on the date, unless its paragraph goes on to the report's year (截至2023年
底56所，2024年新建5所…: a baseline brought up to date), the date is within its year (截止2016年10月底: a count
taken then, no year-end), it is compared with (比截至2022年12月31日的 X), or its sentence names an earlier
year before it, or its paragraph a project begun in one (自2011年启动以来，截止2013年已安排 X; 本项目为
2021-2024年滚动实施项目。截至2022年12月31日…: a project's history). Later dates are left alone (an
evaluation done in the next year counts to then), and so is a report whose title names no year or no kind.
"""

from __future__ import annotations

from ...figures import labels
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "as_of"
FIELDS = ("stated", "computed", "said", "year")
# a project begun in an earlier year (本项目自2021年启动, 2021-2024年滚动实施): its history told after it
_HISTORY = lazy(r"(20\d\d)\s*(?:年|[-—－~～至到]\s*20\d\d\s*年)[^。；;，,]{0,12}?"
                r"(?:启动|开工|开始实施|实施|立项|滚动)")
_AS_OF = lazy(r"截[至止]\s*(?P<year>(?:19|20)\d{2})\s*年"
              r"(?:\s*(?P<month>\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?|底|末)?")


@options
class Options:
    ahead: Words = Words(["预算"])
    behind: Words = Words(["决算", "自评", "评价", "执行情况", "绩效"])


def run(analysis, check: Check):
    title = analysis.title()
    if title is None:
        return
    year = int(labels.YEAR.search(title.text).group(1))
    if check.options.behind.within(title.text):
        earliest = year
    elif check.options.ahead.within(title.text):
        earliest = year - 1
    else:
        return
    for block in analysis.doc.blocks:
        if "截" not in block.text:
            continue
        for m in _AS_OF.finditer(block.text):
            said = int(m.group("year"))
            if any(int(y) >= earliest for y in labels.YEAR.findall(block.text, m.end())):
                continue  # 截至2023年底56所，2024年新建5所…: a baseline its paragraph brings up to the year
            if block.text[max(0, m.start() - 1) : m.start()] in ("比", "较", "与", "同"):
                continue  # 比截至2022年12月31日的 X 增加 c: compared with, not counted from
            if m.group("month") and int(m.group("month")) != 12:
                continue  # 截止2016年10月底，馆藏档案 X 卷: a count taken in the year, no year-end copied
            opened = max(block.text.rfind(c, 0, m.start()) for c in "。；;") + 1
            if any(int(y) < said for y in labels.YEAR.findall(block.text, opened, m.start())) \
                    or any(int(h.group(1)) < said for h in _HISTORY.finditer(block.text, 0, m.start())):
                continue  # 该项目自2011年4月启动以来，截止2013年已安排 X: a project's history, year by year
                # (本项目自2021年启动，分两期实施。截至2022年12月31日，一期…: in sentences of one paragraph)
            if said < earliest:
                yield report(check, analysis, block.span(m.start(), m.end()), m.group(),
                             computed=str(earliest), said=str(said), year=str(earliest))
